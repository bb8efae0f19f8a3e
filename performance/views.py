"""SKP pages: plan (RHK, IKI, ekspektasi), cascade, workflow, approval inbox, matriks peran."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.timezone import localtime
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from asnportal.http import AuthedRequest
from core.formpage import saved_through
from core.forms import message_service_error
from core.params import parse_year
from positions.access import get_object_for
from positions.models import scopes_for, today

from . import selectors, services
from .forms import (
    ExpectationsForm,
    IndicatorForm,
    LampiranForm,
    ReturnForm,
    RHKForm,
    SKPCreateForm,
)
from .models import PANDUAN, RHK, SKP, Evaluation, Indicator

if TYPE_CHECKING:
    from django.http import HttpResponse

    from asnportal.models import User

INBOX_PAGE_SIZE = 50

# --- Access helpers ----------------------------------------------------------------


def _get_skp_for_user(user: User, pk: int, *, edit: bool = False) -> SKP:
    """404 when the SKP is not visible; with edit=True, 403 unless it is the user's own SKP
    and still editable (draft or dikembalikan)."""
    related = SKP.objects.select_related(
        "employee", "position__unit", "penilai", "penilai_position", "atasan_penilai"
    )
    skp = get_object_for(user, related.select_related("superseded_by"), pk)
    if edit and not _can_edit(user, skp):
        raise PermissionDenied
    return skp


def _can_edit(user: User, skp: SKP) -> bool:
    return skp.employee.user_id == user.pk and skp.is_editable and skp.superseded_at is None


# --- SKP list and creation -----------------------------------------------------------


@require_GET
def skp_list(request: AuthedRequest) -> HttpResponse:
    skps = (
        SKP.objects.filter(employee__user=request.user)
        .select_related("position", "superseded_by")
        .order_by("-year", "-period_start", "-revision")
    )
    is_penilai = bool(scopes_for(request.user).headed_position_ids) or (
        SKP.objects.filter(penilai__user=request.user).exists()
    )
    skps = list(skps)
    # Where realisasi and bukti dukung are entered (approved, current SKP only).
    running = [s for s in skps if s.status == SKP.Status.DISETUJUI and s.superseded_at is None]
    finals = _final_periods(running)
    for skp in running:
        link = _realisasi_link(skp, finals.get(skp.pk, set()))
        skp.realisasi_url, skp.realisasi_label = link["realisasi_url"], link["realisasi_label"]
    return render(request, "performance/skp_list.html", {"skps": skps, "is_penilai": is_penilai})


@require_http_methods(["GET", "POST"])
def skp_create(request: AuthedRequest) -> HttpResponse:
    employee = services.acting_employee(request.user)
    if employee is None:
        raise PermissionDenied
    year = today().year
    if request.method == "POST":
        form = SKPCreateForm(request.POST)
    else:
        form = SKPCreateForm(initial={"year": year, "pendekatan": SKP.Pendekatan.KUANTITATIF})
    roles: dict[str, Any] | None = None
    roles_error = ""
    period_start = form.cleaned_data["period_start"] if form.is_bound and form.is_valid() else None
    try:
        # The roles are shown before filing: for the posted period, else for 1 January.
        roles = services.derive_roles(employee, period_start or today().replace(month=1, day=1))
    except ValidationError as exc:
        roles_error = " ".join(exc.messages)
    if request.method == "POST" and period_start and request.POST.get("action") == "create":
        try:
            skp = services.create_skp(employee, **form.cleaned_data)
        except ValidationError as exc:
            message_service_error(request, exc)
        else:
            messages.success(request, f"SKP {skp.year} dibuat sebagai draf.")
            return redirect(skp)
    context = {
        "form": form,
        "employee": employee,
        "roles": roles,
        "roles_error": roles_error,
        "period_start": period_start,
    }
    return render(request, "performance/skp_form.html", context)


# --- SKP detail ------------------------------------------------------------------------


@require_GET
def skp_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    skp = _get_skp_for_user(request.user, pk)
    rhks = list(
        skp.rhks.select_related("parent_rhk__skp__employee").prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("pk"))
        )
    )
    expectations = [
        {"obj": e, "panduan": PANDUAN.get(e.value, [])} for e in skp.expectations.order_by("pk")
    ]
    revisions = list(
        SKP.objects.filter(employee_id=skp.employee_id, period_start=skp.period_start)
        .exclude(pk=skp.pk)
        .select_related("superseded_by")
        .order_by("-revision")
    )
    is_owner = skp.employee.user_id == request.user.pk
    is_penilai = services.is_penilai_of(request.user, skp)
    is_current = skp.superseded_at is None
    running = is_current and skp.status == SKP.Status.DISETUJUI
    finals = _final_periods([skp]).get(skp.pk, set()) if running else set()
    context = {
        "skp": skp,
        "utama": [r for r in rhks if r.jenis == RHK.Jenis.UTAMA],
        "tambahan": [r for r in rhks if r.jenis == RHK.Jenis.TAMBAHAN],
        "expectations": expectations,
        "revisions": revisions,
        "missing": services.missing_items(skp) if is_current and skp.is_editable else [],
        "can_edit": _can_edit(request.user, skp),
        "can_submit": _can_edit(request.user, skp),
        "can_decide": is_current and is_penilai and skp.status == SKP.Status.DIAJUKAN,
        # After the final annual evaluation the SKP is history (services.start_revision).
        "can_revise": is_owner and running and Evaluation.Period.TW4 not in finals,
        "can_set_expectations": is_current and is_penilai and skp.status != SKP.Status.DISETUJUI,
        "return_form": ReturnForm(),
        **_realisasi_link(skp, finals),
        "has_lampiran": bool(
            skp.dukungan_sumber_daya or skp.skema_pertanggungjawaban or skp.konsekuensi
        ),
    }
    return render(request, "performance/skp_detail.html", context)


def _final_periods(skps: list[SKP]) -> dict[int, set[str]]:
    """SKP id -> the periods whose evaluation is final (one query)."""
    finals: dict[int, set[str]] = {}
    rows = Evaluation.objects.filter(skp__in=skps, status=Evaluation.Status.FINAL)
    for skp_id, period in rows.values_list("skp_id", "period"):
        finals.setdefault(skp_id, set()).add(period)
    return finals


def _realisasi_link(skp: SKP, finals: set[str]) -> dict[str, str]:
    """Where the pegawai enters realisasi now: the open period of this year, else the
    annual evaluation; no link once that evaluation is final (a finished year)."""
    period = selectors.realisasi_period(skp.year, today())
    label = Evaluation.Period(period).label
    if period in finals:
        return {"realisasi_url": "", "realisasi_label": label, "realisasi_done": label}
    return {
        "realisasi_url": reverse("performance:evaluation", args=[skp.pk, period]),
        "realisasi_label": label,
    }


# --- RHK and IKI -------------------------------------------------------------------------


def _rhk_form_page(request: AuthedRequest, skp: SKP, rhk: RHK | None = None) -> HttpResponse:
    choices = services.cascade_choices(skp)
    form = RHKForm(request.POST or None, instance=rhk, skp=skp, choices=choices)

    def save(data: dict[str, Any]) -> RHK:
        if rhk is None:
            return services.add_rhk(skp, user=request.user, **data)
        return services.update_rhk(rhk, user=request.user, **data)

    if saved_through(request, form, save, success="RHK disimpan."):
        return redirect(skp)
    context = {"form": form, "skp": skp, "rhk": rhk, "choices": choices}
    return render(request, "performance/rhk_form.html", context)


@require_http_methods(["GET", "POST"])
def rhk_create(request: AuthedRequest, pk: int) -> HttpResponse:
    skp = _get_skp_for_user(request.user, pk, edit=True)
    return _rhk_form_page(request, skp)


@require_http_methods(["GET", "POST"])
def rhk_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    rhk = get_object_or_404(RHK.objects.select_related("skp"), pk=pk)
    skp = _get_skp_for_user(request.user, rhk.skp_id, edit=True)
    return _rhk_form_page(request, skp, rhk)


def _skp_breadcrumbs(skp: SKP) -> list[tuple[str, str]]:
    return [("SKP", reverse("performance:skp_list")), (f"SKP {skp.year}", skp.get_absolute_url())]


IRREVERSIBLE = "Penghapusan tidak dapat dibatalkan; riwayat perubahan tetap dicatat."


def _confirm_delete(
    request: AuthedRequest,
    skp: SKP,
    what: str,
    lead: str,
    consequences: list[str],
    *,
    facts: list[tuple[str, str]] | None = None,
) -> HttpResponse:
    """The GET half of a delete in the SKP draft: what will be deleted, and its consequences."""
    context: dict[str, Any] = {
        "title": f"Hapus {what}?",
        "lead": lead,
        "consequences": consequences,
        "action": request.path,
        "confirm_label": f"Ya, hapus {what}",
        "cancel_url": skp.get_absolute_url(),
        "breadcrumbs": _skp_breadcrumbs(skp),
    }
    if facts is not None:
        context["facts"] = facts
    return render(request, "performance/confirm.html", context)


# GET asks first (what will be deleted); POST deletes.
@require_http_methods(["GET", "POST"])
def rhk_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    rhk = get_object_or_404(RHK, pk=pk)
    skp = _get_skp_for_user(request.user, rhk.skp_id, edit=True)
    if request.method == "GET":
        indicators = list(rhk.indicators.order_by("pk"))
        children = rhk.interventions.count()
        consequences = [
            f"RHK {rhk.get_jenis_display().lower()} ini dihapus dari draf SKP {skp.year}.",
            f"{len(indicators)} IKI di bawahnya ikut terhapus"
            + (": " + "; ".join(i.text[:60] for i in indicators) if indicators else "."),
        ]
        if children:
            consequences.append(
                f"{children} RHK bawahan yang mengintervensi RHK ini kehilangan kaitannya."
            )
        consequences.append(IRREVERSIBLE)
        return _confirm_delete(request, skp, "RHK", rhk.text, consequences)
    services.delete_rhk(rhk, user=request.user)
    messages.success(request, "RHK dihapus.")
    return redirect(skp)


def _indicator_form_page(
    request: AuthedRequest, skp: SKP, rhk: RHK, indicator: Indicator | None = None
) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator, skp=skp)

    def save(data: dict[str, Any]) -> Indicator:
        if indicator is None:
            return services.add_indicator(rhk, user=request.user, **data)
        return services.update_indicator(indicator, user=request.user, **data)

    if saved_through(request, form, save, success="Indikator kinerja individu disimpan."):
        return redirect(skp)
    context = {"form": form, "skp": skp, "rhk": rhk, "indicator": indicator}
    return render(request, "performance/indicator_form.html", context)


@require_http_methods(["GET", "POST"])
def indicator_create(request: AuthedRequest, pk: int) -> HttpResponse:
    rhk = get_object_or_404(RHK, pk=pk)
    skp = _get_skp_for_user(request.user, rhk.skp_id, edit=True)
    rhk.skp = skp
    return _indicator_form_page(request, skp, rhk)


@require_http_methods(["GET", "POST"])
def indicator_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("rhk"), pk=pk)
    skp = _get_skp_for_user(request.user, indicator.rhk.skp_id, edit=True)
    indicator.rhk.skp = skp
    return _indicator_form_page(request, skp, indicator.rhk, indicator)


@require_http_methods(["GET", "POST"])
def indicator_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("rhk"), pk=pk)
    skp = _get_skp_for_user(request.user, indicator.rhk.skp_id, edit=True)
    indicator.rhk.skp = skp
    if request.method == "GET":
        remaining = indicator.rhk.indicators.exclude(pk=indicator.pk).count()
        facts = [
            ("RHK", indicator.rhk.text),
            ("Aspek", indicator.get_aspek_display()),
            ("Target", indicator.target_display),
        ]
        consequences = [
            f"IKI ini dihapus dari draf SKP {skp.year}.",
            f"RHK ini masih memiliki {remaining} IKI lain."
            if remaining
            else "RHK ini tidak lagi memiliki IKI: SKP belum dapat diajukan sebelum "
            "IKI ditambahkan kembali.",
            IRREVERSIBLE,
        ]
        return _confirm_delete(request, skp, "IKI", indicator.text, consequences, facts=facts)
    services.delete_indicator(indicator, user=request.user)
    messages.success(request, "Indikator dihapus.")
    return redirect(skp)


# --- Lampiran SKP ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def skp_lampiran(request: AuthedRequest, pk: int) -> HttpResponse:
    """Lampiran SKP: dukungan sumber daya, skema pertanggungjawaban, konsekuensi. The pegawai
    writes it while the SKP is a draft (or returned); everyone who sees the SKP reads it."""
    skp = _get_skp_for_user(request.user, pk)
    can_edit = _can_edit(request.user, skp)
    form = LampiranForm(request.POST or None, instance=skp)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied

    def save(data: dict[str, Any]) -> None:
        services.set_lampiran(skp, user=request.user, **data)

    if saved_through(request, form, save, success="Lampiran SKP disimpan."):
        return redirect(skp)
    context = {"form": form, "skp": skp, "can_edit": can_edit}
    return render(request, "performance/skp_lampiran.html", context)


# --- Perilaku kerja: ekspektasi khusus pimpinan ---------------------------------------


@require_http_methods(["GET", "POST"])
def skp_expectations(request: AuthedRequest, pk: int) -> HttpResponse:
    skp = _get_skp_for_user(request.user, pk)
    if not services.can_set_expectations(request.user, skp):
        raise PermissionDenied
    current = dict(skp.expectations.values_list("value", "ekspektasi"))
    form = ExpectationsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.set_expectations(skp, user=request.user, values=form.cleaned_data)
        messages.success(request, "Ekspektasi khusus pimpinan disimpan.")
        return redirect(skp)
    return render(request, "performance/skp_expectations.html", {"form": form, "skp": skp})


# --- Workflow ----------------------------------------------------------------------------


@require_POST
def skp_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    skp = _get_skp_for_user(request.user, pk)
    try:
        services.submit_skp(skp, user=request.user)
    except ValidationError as exc:
        messages.error(request, "SKP belum dapat diajukan:")
        message_service_error(request, exc)
    else:
        messages.success(request, "SKP diajukan kepada pejabat penilai.")
    return redirect(skp)


# GET shows a page with just the note (handy on a phone); the detail page posts here too.
@require_http_methods(["GET", "POST"])
def skp_return(request: AuthedRequest, pk: int) -> HttpResponse:
    skp = _get_skp_for_user(request.user, pk)
    if not services.is_penilai_of(request.user, skp):
        raise PermissionDenied
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_skp(skp, user=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            message_service_error(request, exc)
            return redirect(skp)
        messages.success(request, "SKP dikembalikan kepada pegawai dengan catatan.")
        return redirect("performance:approval_inbox")
    return render(request, "performance/skp_return.html", {"form": form, "skp": skp})


def _approve_confirmation(request: AuthedRequest, skp: SKP) -> HttpResponse:
    if not (services.is_penilai_of(request.user, skp) and skp.superseded_at is None):
        raise PermissionDenied
    if skp.status != SKP.Status.DIAJUKAN:
        messages.info(request, f"SKP ini berstatus {skp.get_status_display().lower()}.")
        return redirect(skp)
    counts = skp.rhks.aggregate(
        utama=Count("pk", filter=Q(jenis=RHK.Jenis.UTAMA), distinct=True),
        tambahan=Count("pk", filter=Q(jenis=RHK.Jenis.TAMBAHAN), distinct=True),
        iki=Count("indicators", distinct=True),
    )
    context = {
        "title": f"Setujui SKP {skp.year} {skp.employee.full_name}?",
        "lead": "Periksa RHK, IKI dan target pada halaman SKP sebelum menyetujui.",
        "facts": [
            ("Pegawai", f"{skp.employee.full_name} ({skp.employee.nip})"),
            ("Jabatan", f"{skp.position.title}, {skp.position.unit.name}"),
            ("Periode", f"{skp.period_start:%d-%m-%Y} – {skp.period_end:%d-%m-%Y}"),
            (
                "Isi SKP",
                f"{counts['utama']} RHK utama, {counts['tambahan']} RHK tambahan, "
                f"{counts['iki']} IKI",
            ),
            (
                "Diajukan",
                f"{localtime(skp.submitted_at):%d-%m-%Y %H:%M}" if skp.submitted_at else "",
            ),
        ],
        "consequences": [
            "SKP terkunci: pegawai tidak dapat lagi mengubah RHK, IKI, target dan lampiran; "
            "perubahan berikutnya hanya melalui revisi baru yang Anda setujui lagi.",
            "Identitas pegawai, pejabat penilai dan atasan pejabat penilai dibekukan dan "
            "dicetak apa adanya pada dokumen SKP dan evaluasi.",
            "Pegawai menerima email dan mulai mengisi realisasi serta bukti dukung.",
        ],
        "action": request.path,
        "confirm_label": "Ya, setujui SKP",
        "confirm_class": "btn-success",
        "extra_links": [
            ("Kembalikan dengan catatan", reverse("performance:skp_return", args=[skp.pk]))
        ],
        "cancel_url": skp.get_absolute_url(),
        "breadcrumbs": [
            ("Persetujuan SKP", reverse("performance:approval_inbox")),
            (f"SKP {skp.year} — {skp.employee.name}", skp.get_absolute_url()),
        ],
    }
    return render(request, "performance/confirm.html", context)


# GET asks first (the link in the penilai's email lands here); POST approves.
@require_http_methods(["GET", "POST"])
def skp_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    skp = _get_skp_for_user(request.user, pk)
    if request.method == "GET":
        return _approve_confirmation(request, skp)
    try:
        services.approve_skp(skp, user=request.user)
    except ValidationError as exc:
        message_service_error(request, exc)
        return redirect(skp)
    messages.success(request, f"SKP {skp.year} {skp.employee.full_name} disetujui.")
    return redirect("performance:approval_inbox")


@require_POST
def skp_revise(request: AuthedRequest, pk: int) -> HttpResponse:
    skp = _get_skp_for_user(request.user, pk)
    try:
        new = services.start_revision(skp, user=request.user)
    except ValidationError as exc:
        message_service_error(request, exc)
        return redirect(skp)
    messages.success(
        request, f"Revisi {new.revision} dibuat sebagai draf; revisi sebelumnya tetap tersimpan."
    )
    return redirect(new)


# --- Penilai pages ---------------------------------------------------------------------


@require_GET
def approval_inbox(request: AuthedRequest) -> HttpResponse:
    year = today().year
    waiting, counts = selectors.approval_inbox(request.user, year)
    paginator = Paginator(waiting, INBOX_PAGE_SIZE)
    paginator.count = counts["diajukan"]  # the same rows: no second COUNT
    page = paginator.get_page(request.GET.get("page"))
    context = {"waiting": page, "counts": counts, "year": year}
    return render(request, "performance/approval_inbox.html", context)


@require_GET
def role_matrix(request: AuthedRequest) -> HttpResponse:
    """Matriks peran dan hasil: own RHK × the subordinates' RHK that intervene them."""
    year = parse_year(request.GET.get("tahun"), first=2000, last=2100)
    context = {"year": year, **selectors.role_matrix(request.user, year)}
    return render(request, "performance/role_matrix.html", context)
