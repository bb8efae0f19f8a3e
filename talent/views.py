"""Pages of manajemen talenta (docs/domain.md §6): the 9-box talent grid with its Excel
export and calculation form, jabatan kritikal and rencana suksesi, and the vacancy forecast.

Who: pengelola kepegawaian (write in their scope) and pimpinan (read); a pegawai or a penilai
without an HR scope gets 403 (talent data are an HR instrument, not a register)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from asnportal.http import AuthedRequest
from core import spreadsheets
from core.formpage import saved_through
from core.forms import message_service_error
from core.params import parse_id
from positions.access import can_write_path, get_position_for_user, get_unit_for_user
from positions.forms import UnitYearFilterForm
from positions.models import Employee, OrgUnit, opd_name_of, scopes_for, today
from training.models import TrainingProgram

from . import exports, forecast, selectors, services, succession
from .forms import ApproveForm, PlannedMoveForm, RunForm
from .models import CriticalPost, PlannedMove, TalentRun

PAGE_SIZE = 50


def _require_talent_reader(user: Any) -> None:
    scopes = scopes_for(user)
    if not (scopes.superuser or scopes.is_hr or scopes.is_pimpinan):
        raise PermissionDenied


def _unit_filter(request: AuthedRequest) -> tuple[UnitYearFilterForm, OrgUnit]:
    """`?unit=` a unit the user may see (404 for another), else the widest of their scope."""
    filters = UnitYearFilterForm(request.GET, user=request.user, with_year=False)
    unit_id = parse_id(request.GET.get("unit"))
    # The form resolves `unit` to an OrgUnit in __init__; the stubs see the field of that name.
    chosen: OrgUnit | None = filters.unit  # type: ignore[assignment]
    if unit_id is None:
        chosen = selectors.default_unit(request.user)
        if chosen is None:
            raise PermissionDenied
        unit = chosen
    else:
        unit = chosen or get_unit_for_user(request.user, unit_id)
    filters.initial["unit"] = unit.pk
    return filters, unit


def _kotak(raw: str | None) -> int | None:
    value = parse_id(raw)
    return value if value is not None and 1 <= value <= 9 else None


# --- Talent grid -----------------------------------------------------------------------------


@require_GET
def grid(request: AuthedRequest) -> HttpResponse:
    _require_talent_reader(request.user)
    filters, unit = _unit_filter(request)
    jenjang = request.GET.get("jenjang", "")
    run = TalentRun.objects.covering(unit).select_related("unit", "created_by").first()
    context: dict[str, Any] = {
        "filters": filters,
        "unit": unit,
        "jenjang": jenjang if jenjang in selectors.JENJANG_GROUPS else "",
        "jenjang_groups": selectors.JENJANG_GROUPS,
        "jenjang_label": selectors.JENJANG_GROUPS.get(jenjang, ("",))[0],
        "run": run,
        "can_calculate": can_write_path(request.user, unit.path),
        "pending": TalentRun.objects.filter(unit=unit, state=TalentRun.State.PENDING).exists(),
    }
    if run is not None:
        results = selectors.grid_results(run, unit, jenjang)
        rows, mapped, unmapped = selectors.grid_cells(results)
        kotak = _kotak(request.GET.get("kotak"))
        show_unmapped = request.GET.get("kotak") == "0"
        context.update(rows=rows, mapped=mapped, unmapped=unmapped, kotak=kotak)
        if kotak or show_unmapped:
            people = selectors.box_people(results, kotak)
            context["page"] = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
            context["show_unmapped"] = show_unmapped
    return render(request, "talent/grid.html", context)


@require_GET
def grid_xlsx(request: AuthedRequest) -> HttpResponse:
    _require_talent_reader(request.user)
    _, unit = _unit_filter(request)
    run = TalentRun.objects.covering(unit).select_related("unit").first()
    if run is None:
        messages.info(request, "Belum ada perhitungan talenta untuk unit ini.")
        return redirect(f"{reverse('talent:grid')}?unit={unit.pk}")
    results = selectors.grid_results(run, unit, request.GET.get("jenjang", ""))
    content = exports.grid_workbook(run, unit, results)
    return spreadsheets.xlsx_response(content, f"talenta-{unit.code}.xlsx")


@require_http_methods(["GET", "POST"])
def grid_calculate(request: AuthedRequest) -> HttpResponse:
    _require_talent_reader(request.user)
    _, unit = _unit_filter(request)
    if not can_write_path(request.user, unit.path):
        raise PermissionDenied
    initial = {"year": today().year - 1, **services.settings_for(unit)}
    form = RunForm(request.POST or None, initial=initial)

    def start(data: dict[str, Any]) -> None:
        services.start_run(unit, started_by=request.user, **data)  # year and the settings

    started = f"Perhitungan talenta {unit} dimulai dengan bobot di atas."
    if saved_through(request, form, start, success=started):
        return redirect(f"{reverse('talent:grid')}?unit={unit.pk}")
    return render(request, "talent/grid_calculate.html", {"form": form, "unit": unit})


# --- Jabatan kritikal and rencana suksesi --------------------------------------------------


@require_GET
def critical_list(request: AuthedRequest) -> HttpResponse:
    _require_talent_reader(request.user)
    filters, unit = _unit_filter(request)
    posts = selectors.critical_posts(request.user, unit)
    context = {
        "filters": filters,
        "unit": unit,
        "page": Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "talent/critical_list.html", context)


@require_GET
def succession_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_talent_reader(request.user)
    position = get_position_for_user(request.user, pk)
    holders = _holders(position)
    context = {
        "position": position,
        "holders": holders,
        "moves": list(PlannedMove.objects.filter(position=position).select_related("employee")),
        "move_form": PlannedMoveForm(holders=holders),
        "is_critical": CriticalPost.objects.filter(position=position).exists(),
        "run": succession.latest_run_for(position),
        "proposals": succession.propose_successors(position, user=request.user),
        "history": selectors.succession_history(position, request.user),
        "can_edit": can_write_path(request.user, position.unit.path),
        "approve_form": ApproveForm(),
    }
    return render(request, "talent/succession.html", context)


def _back(position_pk: int) -> HttpResponse:
    return redirect("talent:succession", pk=position_pk)


@require_POST
def critical_mark(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_talent_reader(request.user)
    position = get_position_for_user(request.user, pk, write=True)
    try:
        if request.POST.get("action") == "hapus":
            services.unmark_critical(position, user=request.user)
            messages.success(request, f"{position} tidak lagi menjadi jabatan kritikal.")
        else:
            services.mark_critical(position, marked_by=request.user)
            messages.success(request, f"{position} ditetapkan sebagai jabatan kritikal.")
    except ValidationError as exc:
        message_service_error(request, exc)
    return _back(position.pk)


@require_POST
def succession_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_talent_reader(request.user)
    position = get_position_for_user(request.user, pk, write=True)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Catatan persetujuan terlalu panjang.")
        return _back(position.pk)
    try:
        plan = services.approve_succession(
            position, approved_by=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(request, f"Daftar suksesor {position} disetujui (versi {plan.version}).")
    return _back(position.pk)


@require_POST
def succession_action(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_talent_reader(request.user)
    position = get_position_for_user(request.user, pk, write=True)
    employee = get_object_or_404(
        Employee.objects.visible_to(request.user).select_related("unit"),
        pk=parse_id(request.POST.get("employee")),
    )
    program = get_object_or_404(TrainingProgram, pk=parse_id(request.POST.get("program")))
    try:
        item = services.add_development_action(
            position, employee=employee, program=program, added_by=request.user
        )
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(
            request,
            f"{program.name} untuk {employee.full_name} masuk ke {item.plan} (draf).",
        )
    return _back(position.pk)


# --- Vacancy forecast -----------------------------------------------------------------------


@require_GET
def forecast_page(request: AuthedRequest) -> HttpResponse:
    _require_talent_reader(request.user)
    filters, unit = _unit_filter(request)
    horizon = parse_id(request.GET.get("horizon"))
    horizon = horizon if horizon in forecast.HORIZONS else 12
    on = today()
    placements = (
        forecast.leaving_placements(unit, horizon, on=on)
        .select_related("employee", "position__unit")
        .annotate(opd_name=opd_name_of("position__unit__path"))
        .order_by("position__unit__path", "-position__kelas", "employee__birth_date", "pk")
    )
    counts = forecast.horizon_counts(unit, on=on)
    paginator = Paginator(placements, PAGE_SIZE)
    paginator.count = counts[horizon]  # the same rows, already counted (cached_property)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "unit": unit,
        "horizon": horizon,
        "horizons": forecast.HORIZONS,
        "counts": counts,
        "page": page,
        "rows": forecast.forecast_rows(list(page.object_list), horizon, on=on),
    }
    return render(request, "talent/forecast.html", context)


@require_POST
def planned_move(request: AuthedRequest, pk: int) -> HttpResponse:
    """Add (or, with `hapus=<id>`, remove) a planned move of one of the post's holders."""
    _require_talent_reader(request.user)
    position = get_position_for_user(request.user, pk, write=True)
    try:
        remove = parse_id(request.POST.get("hapus"))
        if remove is not None:
            move = get_object_or_404(PlannedMove, pk=remove, position=position)
            services.cancel_move(move, user=request.user)
            messages.success(request, "Rencana mutasi dihapus.")
            return _back(position.pk)
        form = PlannedMoveForm(request.POST, holders=_holders(position))
        if not form.is_valid():
            messages.error(request, "Rencana mutasi tidak disimpan: " + _form_errors(form))
            return _back(position.pk)
        holder = get_object_or_404(Employee, pk=form.cleaned_data["employee"])
        services.plan_move(
            position,
            employee=holder,
            move_date=form.cleaned_data["move_date"],
            note=form.cleaned_data["note"],
            user=request.user,
        )
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(request, "Rencana mutasi dicatat; proyeksi kekosongan memperhitungkannya.")
    return _back(position.pk)


def _holders(position: Any) -> list[Any]:
    return list(position.placements.on(today()).filter(kind="definitif").select_related("employee"))


def _form_errors(form: Any) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)
