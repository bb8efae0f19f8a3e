"""Evaluation (realisasi, bukti dukung, umpan balik, rating), the kurva distribusi with the
organisation predikat and closing the year, the monitoring dashboards and the history import.
Views parse, check access, call a service and render; state changes live in services.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.timezone import localtime
from django.views.decorators.http import require_GET, require_http_methods

from asnportal.http import AuthedRequest
from core import spreadsheets
from core.forms import add_service_errors, message_service_error
from core.params import parse_year
from core.ratelimit import ratelimit
from positions.access import can_write_path, get_object_for, require_hr
from positions.forms import UnitYearFilterForm
from positions.models import Employee, OrgUnit, scopes_for, today

from . import history, selectors, services
from .forms_eval import (
    FeedbackForm,
    FinaliseForm,
    HistoryUploadForm,
    OrgPredikatForm,
    RealisationForm,
)
from .models import (
    BERAKHLAK,
    SKP,
    Evaluation,
    OrganisationPerformance,
    Realisation,
    evaluation_periods,
)

if TYPE_CHECKING:
    pass

MONITORING_PAGE_SIZE = 50


# --- Evaluation ------------------------------------------------------------------------


def _rows(rhks: list[Any], evaluation: Evaluation, form: Any) -> list[dict[str, Any]]:
    """RHK groups with their indicators, current realisation and the bound form fields."""
    realisations = {r.indicator_id: r for r in evaluation.realisations.all()}
    fields = form.fields if form is not None else {}
    groups = []
    for rhk in rhks:
        items = []
        for ind in rhk.indicators.all():
            realisation = realisations.get(ind.pk)
            if realisation is not None:
                realisation.indicator = ind  # capaian reads the target without a query
            item: dict[str, Any] = {"indicator": ind, "realisation": realisation}
            for kind in ("value", "text", "link", "file", "ub"):
                name = f"{kind}-{ind.pk}"
                item[kind] = form[name] if name in fields else None
            items.append(item)
        groups.append({"rhk": rhk, "items": items})
    return groups


def _behaviour_rows(skp: SKP, evaluation: Evaluation, form: Any) -> list[dict[str, Any]]:
    expectations = {e.value: e.ekspektasi for e in skp.expectations.all()}
    feedback = {f.value: f.umpan_balik for f in evaluation.behaviour_feedback.all()}
    fields = form.fields if form is not None else {}
    return [
        {
            "code": code,
            "label": label,
            "panduan": guides,
            "ekspektasi": expectations.get(code, ""),
            "umpan_balik": feedback.get(code, ""),
            "field": form[f"perilaku-{code}"] if f"perilaku-{code}" in fields else None,
        }
        for code, label, guides in BERAKHLAK
    ]


def _build_forms(
    request: AuthedRequest, evaluation: Evaluation, indicators: list[Any], *, bound: str = ""
) -> tuple[RealisationForm, FeedbackForm]:
    realisations = {r.indicator_id: r for r in evaluation.realisations.all()}
    behaviour = {f.value: f for f in evaluation.behaviour_feedback.all()}
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    realisation_form = RealisationForm(
        *(data if bound == "realisasi" else ()), indicators=indicators, initial_rows=realisations
    )
    feedback_form = FeedbackForm(
        *(data[:1] if bound == "nilai" else ()),
        indicators=indicators,
        initial_rows=realisations,
        initial_behaviour=behaviour,
        initial={
            "version": evaluation.version,
            "umpan_balik": evaluation.umpan_balik,
            "rating_hasil": evaluation.rating_hasil,
            "rating_perilaku": evaluation.rating_perilaku,
        },
    )
    return realisation_form, feedback_form


@require_http_methods(["GET", "POST"])
def evaluation_detail(request: AuthedRequest, pk: int, period: str) -> HttpResponse:
    if period not in evaluation_periods():
        raise Http404
    skp = get_object_for(
        request.user, SKP.objects.select_related("employee", "position__unit", "penilai"), pk
    )
    context: dict[str, Any] = {"skp": skp, "period_label": Evaluation.Period(period).label}
    if skp.status != SKP.Status.DISETUJUI or skp.superseded_at:
        context["unavailable"] = (
            "Evaluasi hanya dapat dilakukan untuk SKP yang sudah disetujui dan masih berlaku. "
            f"SKP ini berstatus {skp.get_status_display().lower()}"
            + (" dan sudah digantikan revisi yang lebih baru." if skp.superseded_at else ".")
        )
        return render(request, "performance/evaluation.html", context)

    is_owner = skp.employee.user_id == request.user.pk
    is_penilai = services.is_penilai_of(request.user, skp)
    if is_owner or is_penilai:
        evaluation, _ = Evaluation.objects.get_or_create(skp=skp, period=period)
    elif request.method == "POST":
        raise PermissionDenied
    else:
        # Readers (HR, pimpinan) never create rows by looking.
        found = Evaluation.objects.filter(skp=skp, period=period).first()
        if found is None:
            context["unavailable"] = (
                "Evaluasi periode ini belum dimulai oleh pegawai atau pejabat penilai."
            )
            return render(request, "performance/evaluation.html", context)
        evaluation = found
    is_draft = evaluation.status == Evaluation.Status.DRAFT
    can_edit_realisasi = is_owner and is_draft
    can_rate = is_penilai and is_draft

    # One fetch of the SKP content; rows, forms and the ratings all use it.
    skp_rhks = list(skp.rhks.prefetch_related("indicators"))
    indicators = [ind for rhk in skp_rhks for ind in rhk.indicators.all()]
    evaluation = (
        Evaluation.objects.prefetch_related("realisations", "behaviour_feedback")
        .select_related("finalised_by")
        .get(pk=evaluation.pk)
    )

    action = request.POST.get("action", "") if request.method == "POST" else ""
    if request.method == "POST":
        if action not in ("realisasi", "nilai"):
            return HttpResponseBadRequest("Aksi tidak dikenal.")
        if (action == "realisasi" and not can_edit_realisasi) or (
            action == "nilai" and not can_rate
        ):
            raise PermissionDenied
    realisation_form, feedback_form = _build_forms(request, evaluation, indicators, bound=action)

    if action == "realisasi" and realisation_form.is_valid():
        try:
            services.save_realisations(
                evaluation, user=request.user, entries=realisation_form.entries()
            )
        except ValidationError as exc:
            add_service_errors(realisation_form, exc)
        else:
            _tell_saved(request, evaluation, send="kirim" in request.POST)
            return redirect(request.path)
    if action == "nilai" and feedback_form.is_valid():
        # "Simpan dan finalkan…" in the page saves, then asks on the confirmation page;
        # a direct post with "finalkan" finalises at once (the service still checks).
        confirm_next = "finalkan_konfirmasi" in request.POST
        finalise = "finalkan" in request.POST and not confirm_next
        try:
            services.save_penilai_feedback(
                evaluation, user=request.user, **feedback_form.service_kwargs(finalise=finalise)
            )
        except ValidationError as exc:
            add_service_errors(feedback_form, exc)
        else:
            if confirm_next:
                return redirect("performance:evaluation_finalise", skp.pk, period)
            messages.success(
                request, "Evaluasi difinalkan." if finalise else "Umpan balik dan rating disimpan."
            )
            return redirect(request.path)

    form = realisation_form if can_edit_realisasi else feedback_form if can_rate else None
    org = selectors.organisation_performance_over(skp.position.unit, skp.year)
    context.update(
        {
            "evaluation": evaluation,
            "periods": [(p, Evaluation.Period(p).label) for p in evaluation_periods()],
            "period": period,
            "groups": _rows(skp_rhks, evaluation, form),
            "behaviour": _behaviour_rows(skp, evaluation, form),
            "form": form,
            "can_edit_realisasi": can_edit_realisasi,
            "can_rate": can_rate,
            "is_penilai": is_penilai,
            "is_owner": is_owner,
            "org": org,
            "curve_url": f"{reverse('performance:curve')}?"
            + urlencode({"unit": skp.position.unit_id, "tahun": skp.year}),
        }
    )
    return render(request, "performance/evaluation.html", context)


def _tell_saved(request: AuthedRequest, evaluation: Evaluation, *, send: bool) -> None:
    """After the realisasi is saved: "Simpan dan kirim ke penilai" also tells the penilai it
    is ready (the typed values are saved first, so a refused send loses nothing)."""
    if not send:
        messages.success(request, "Realisasi dan bukti dukung disimpan.")
        return
    try:
        services.send_realisations_to_penilai(evaluation, user=request.user)
    except ValidationError as exc:
        messages.success(request, "Realisasi dan bukti dukung disimpan.")
        message_service_error(request, exc, prefix="Belum dikirim: ")
    else:
        messages.success(
            request,
            "Realisasi disimpan dan dikirim; pejabat penilai menerima pemberitahuan untuk menilai.",
        )


def _evaluation_for_penilai(user: Any, pk: int, period: str) -> Evaluation:
    """The draft evaluation of a current approved SKP that the user rates, else 404/403."""
    if period not in evaluation_periods():
        raise Http404
    skp = get_object_for(
        user, SKP.objects.select_related("employee", "position__unit", "penilai"), pk
    )
    if not services.is_penilai_of(user, skp):
        raise PermissionDenied
    evaluation = get_object_or_404(
        Evaluation.objects.filter(
            skp=skp, skp__status=SKP.Status.DISETUJUI, skp__superseded_at__isnull=True
        ),
        period=period,
    )
    evaluation.skp = skp
    return evaluation


# GET shows what finalising means and what is missing; POST finalises (with a reason when
# realisasi is missing). The evaluation page's "Simpan dan finalkan…" leads here.
@require_http_methods(["GET", "POST"])
def evaluation_finalise(request: AuthedRequest, pk: int, period: str) -> HttpResponse:
    evaluation = _evaluation_for_penilai(request.user, pk, period)
    skp = evaluation.skp
    back = evaluation.get_absolute_url()
    if evaluation.status == Evaluation.Status.FINAL:
        messages.info(request, "Evaluasi ini sudah final.")
        return redirect(back)
    if not (evaluation.rating_hasil and evaluation.rating_perilaku):
        messages.error(request, "Isi dan simpan kedua rating sebelum memfinalkan.")
        return redirect(back)
    missing = services.missing_realisations(evaluation)
    form = FinaliseForm(
        request.POST or None, initial={"version": evaluation.version}, reason_needed=bool(missing)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.finalise_evaluation(
                evaluation,
                user=request.user,
                version=form.cleaned_data["version"],
                finalise_note=form.cleaned_data.get("finalise_note", ""),
            )
        except ValidationError as exc:
            # The service's own list of what is missing is shown by the page already.
            form.add_error(None, exc.messages[0] if missing else exc)
        else:
            messages.success(request, f"Evaluasi {evaluation.get_period_display()} difinalkan.")
            return redirect(back)
    consequences = [
        "Evaluasi menjadi final: realisasi, umpan balik dan rating tidak dapat diubah lagi "
        "oleh pegawai maupun pejabat penilai.",
    ]
    if evaluation.is_annual:
        consequences += [
            f"Predikat {evaluation.get_predikat_display()} dicatat sebagai predikat kinerja "
            f"tahun {skp.year} pada profil pegawai dan dihitung dalam kurva distribusi unit.",
            "Dokumen evaluasi tahunan (PDF) dapat dicetak dengan tanda tangan pejabat penilai.",
        ]
    if missing:
        consequences.append("Alasan yang Anda tuliskan dicetak pada dokumen evaluasi.")
    period_label = evaluation.get_period_display()
    context = {
        "title": f"Finalkan evaluasi {period_label} {skp.year}?",
        "lead": f"{skp.employee.full_name} · {skp.position.title}, {skp.position.unit.name}",
        "facts": [
            ("Rating hasil kerja", evaluation.get_rating_hasil_display()),
            ("Rating perilaku kerja", evaluation.get_rating_perilaku_display()),
            ("Predikat kinerja", evaluation.get_predikat_display()),
            (
                "Realisasi",
                "lengkap untuk semua IKI"
                if not missing
                else f"{len(missing)} IKI belum berisi realisasi",
            ),
            (
                "Dikirim pegawai",
                f"{localtime(evaluation.realisasi_sent_at):%d-%m-%Y %H:%M}"
                if evaluation.realisasi_sent_at
                else "belum",
            ),
        ],
        "problems": missing,
        "problems_title": f"Realisasi {period_label} belum lengkap. Finalisasi ditolak kecuali "
        "Anda menuliskan alasannya:",
        "consequences": consequences,
        "form": form,
        "action": request.path,
        "confirm_label": "Ya, finalkan evaluasi",
        "confirm_class": "btn-success",
        "cancel_url": back,
        "breadcrumbs": [
            (f"SKP {skp.year} · {skp.employee.full_name}", skp.get_absolute_url()),
            (f"Evaluasi {period_label}", back),
        ],
    }
    return render(request, "performance/confirm.html", context, status=200)


@require_GET
def evidence_download(request: AuthedRequest, pk: int) -> FileResponse:
    """Stream a bukti dukung through the view (never a public media URL), for users who may
    see the SKP; everyone else gets 404."""
    realisation = get_object_or_404(
        Realisation.objects.filter(
            evaluation__skp__in=SKP.objects.visible_to(request.user)
        ).exclude(evidence=""),
        pk=pk,
    )
    name = realisation.evidence_name or realisation.evidence.name.rsplit("/", 1)[-1]
    return FileResponse(realisation.evidence.open("rb"), as_attachment=True, filename=name)


# --- Curve ---------------------------------------------------------------------------


def _unit_year(request: AuthedRequest) -> tuple[UnitYearFilterForm, OrgUnit, int]:
    """`?unit=&tahun=` of the curve and the monitoring: a unit the user may look at (HR and
    pimpinan scopes, the subtree a penilai heads; 403 with none, 404 for another) and a year
    from the first year of the history import to next year."""
    filters = UnitYearFilterForm(
        request.GET,
        user=request.user,
        unit_label="Unit",
        years=range(today().year, history.FIRST_YEAR + 7, -1),
        first=history.FIRST_YEAR,
    )
    if not filters.units:
        raise PermissionDenied
    if filters.unit is None:
        raise Http404
    return filters, filters.unit, filters.year or today().year


@require_http_methods(["GET", "POST"])
def curve(request: AuthedRequest) -> HttpResponse:
    filters, unit, year = _unit_year(request)
    can_manage = can_write_path(request.user, unit.path)
    form = OrgPredikatForm()
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "predikat":
                form = OrgPredikatForm(request.POST)
                if form.is_valid():
                    services.set_org_predikat(
                        unit, year=year, predikat=form.cleaned_data["predikat"], user=request.user
                    )
                    messages.success(request, "Predikat kinerja organisasi disimpan.")
            elif action == "tutup":
                services.close_year(unit, year=year, user=request.user)
                messages.success(
                    request, f"Tahun {year} ditutup; predikat tahunan {unit.name} terkunci."
                )
            else:
                return HttpResponseBadRequest("Aksi tidak dikenal.")
        except ValidationError as exc:
            message_service_error(request, exc)
        if form.is_valid() or action == "tutup":
            return redirect(f"{request.path}?{urlencode({'unit': unit.pk, 'tahun': year})}")

    org = OrganisationPerformance.objects.filter(unit=unit, year=year).first()
    counts = services.annual_distribution(unit, year)
    if org is not None and not form.is_bound:
        form = OrgPredikatForm(initial={"predikat": org.predikat})
    rules = selectors.curve_rules(org, counts)
    context = {
        "filters": filters,
        "unit": unit,
        "year": year,
        "org": org,
        "form": form,
        "can_manage": can_manage,
        "bars": selectors.predikat_bars(counts),
        "total": sum(counts.values()),
        "rules": rules,
        "violations": [r["violation"] for r in rules if r["violation"]],
    }
    return render(request, "performance/curve.html", context)


@require_GET
def close_year_confirm(request: AuthedRequest) -> HttpResponse:
    """Asks before "Tutup tahun": what closing locks, and what is still open in the unit."""
    _, unit, year = _unit_year(request)
    if not can_write_path(request.user, unit.path):
        raise PermissionDenied
    curve_url = f"{reverse('performance:curve')}?{urlencode({'unit': unit.pk, 'tahun': year})}"
    org = OrganisationPerformance.objects.filter(unit=unit, year=year).first()
    if org is None or org.closed_at:
        messages.info(
            request,
            f"Tahun {year} untuk {unit.name} sudah ditutup."
            if org
            else "Tetapkan predikat kinerja organisasi terlebih dahulu.",
        )
        return redirect(curve_url)
    counts = services.annual_distribution(unit, year)
    violations = services.curve_violations(org.predikat, counts)
    open_count = selectors.annual_evaluations_not_final(unit, year)
    problems = list(violations)
    if open_count:
        problems.append(f"{open_count} evaluasi tahunan di unit ini belum final.")
    context = {
        "title": f"Tutup tahun {year} untuk {unit.name}?",
        "facts": [
            ("Unit", unit.name),
            ("Predikat kinerja organisasi", org.get_predikat_display()),
            ("Pegawai dinilai", f"{sum(counts.values())} orang"),
        ],
        "problems": problems,
        "problems_title": "Perlu ditinjau sebelum menutup:",
        "consequences": [
            f"Predikat kinerja organisasi {year} tidak dapat diubah lagi.",
            f"Rating dan predikat evaluasi tahun {year} pegawai di {unit.name} beserta "
            "sub-unitnya terkunci, termasuk yang belum final.",
            "Penutupan tidak dapat dibatalkan dari portal.",
        ],
        "action": curve_url,
        "hidden": {"action": "tutup"},
        "confirm_label": f"Ya, tutup tahun {year}",
        "cancel_url": curve_url,
        "breadcrumbs": [("Kurva distribusi", curve_url)],
    }
    return render(request, "performance/confirm.html", context)


# --- Monitoring ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def monitoring(request: AuthedRequest) -> HttpResponse:
    user = request.user
    scopes = scopes_for(user)
    is_staff_view = scopes.superuser or scopes.is_hr or scopes.is_pimpinan
    if not (is_staff_view or scopes.headed_position_ids):
        raise PermissionDenied
    from .monitoring import overview  # imported here: the module shares this view's name

    year = parse_year(request.GET.get("tahun"), first=history.FIRST_YEAR)
    context: dict[str, Any] = {"year": year}
    if is_staff_view:
        filters, unit, year = _unit_year(request)
        can_remind = can_write_path(user, unit.path)
        if request.method == "POST":
            if not can_remind:
                raise PermissionDenied
            count = services.send_skp_reminders(unit, year=year, user=user)
            messages.success(request, f"Pengingat SKP {year} dikirim kepada {count} pegawai.")
            return redirect(f"{request.path}?{urlencode({'unit': unit.pk, 'tahun': year})}")
        summary = selectors.unit_summary(unit, year)
        paginator = Paginator(selectors.without_approved_skp(unit, year), MONITORING_PAGE_SIZE)
        # Known from the summary (active staff less those with an approved SKP, per unit): no
        # second COUNT over the subtree, which is the whole province for the BKD.
        paginator.count = sum(
            row["employees"] - row["status"][SKP.Status.DISETUJUI] for row in summary["rows"]
        )
        context.update(
            {
                "filters": filters,
                "unit": unit,
                "summary": summary,
                "without": paginator.get_page(request.GET.get("page")),
                "can_remind": can_remind,
                "overview": overview(summary, year=year, page=request.GET.get("unit_hal")),
            }
        )
    elif request.method == "POST":
        raise PermissionDenied
    if scopes.headed_position_ids:
        context["subordinates"] = selectors.subordinate_rows(
            scopes.headed_position_ids, year, viewer=request.user
        )
    return render(request, "performance/monitoring.html", context)


# --- History import ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@ratelimit("import", methods=("POST",))
def history_import(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    if request.method == "GET" and request.GET.get("templat"):
        return spreadsheets.xlsx_response(history.build_template(), "templat-riwayat-kinerja.xlsx")
    download = spreadsheets.kept_report_download(request, "masalah-impor-riwayat-kinerja.xlsx")
    if download is not None:
        return download
    result = summary = None
    context: dict[str, Any] = {"shown": spreadsheets.ERROR_PAGE_LIMIT}
    if request.method == "POST":
        form = HistoryUploadForm(request.POST, request.FILES)
        if form.is_valid():
            result, summary = history.import_history(form.cleaned_data["file"], request.user)
            if result.file_error:
                form.add_error("file", result.file_error)
            elif summary:
                messages.success(request, f"{summary['rows']} baris riwayat kinerja disimpan.")
            else:
                # The page lists the first problems only; the full list is a download.
                context |= spreadsheets.problem_rows_context(
                    request.user.pk, result.errors, lambda: history.error_report(result)
                )
    else:
        form = HistoryUploadForm()
    context.update({"form": form, "result": result, "summary": summary})
    return render(request, "performance/history_import.html", context)


@require_GET
def employee_history(request: AuthedRequest, pk: int) -> HttpResponse:
    """SKP history of one employee (fragment for the profile page, loaded by htmx)."""
    employee = get_object_for(request.user, Employee.objects.all(), pk)
    context = {
        "employee": employee,
        "years": selectors.skp_history(employee),
        "imported": employee.rating_history.all(),
    }
    return render(request, "performance/_employee_history.html", context)
