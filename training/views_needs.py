"""Competency assessments (form and Excel import), needs analysis and development plans."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from asnportal.http import AuthedRequest
from core import spreadsheets
from core.forms import add_service_errors, message_service_error
from core.params import parse_id
from core.ratelimit import ratelimit
from positions.access import (
    can_write_employee,
    can_write_path,
    get_employee_for_user,
    get_object_for,
    get_unit_for_user,
    require_hr,
    require_staff_view,
)
from positions.forms import UnitYearFilterForm
from positions.models import Employee, OrgUnit, Scopes, _outermost, today

from . import needs as analysis
from .forms_needs import (
    AssessmentForm,
    AssessmentImportForm,
    PlanCreateForm,
    PlanItemForm,
)
from .models import DevelopmentPlan

if TYPE_CHECKING:
    from asnportal.models import User

PAGE_SIZE = 50
_xlsx = spreadsheets.xlsx_response


# --- Assessments -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def assessment_create(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk, write=True)
    form = AssessmentForm(request.POST or None, employee=employee)
    if request.method == "POST" and form.is_valid():
        assessed = form.save()
        messages.success(
            request, f"Penilaian {assessed.competency.code} level {assessed.level} dicatat."
        )
        return redirect("training:assessment_create", pk=employee.pk)
    assessments = employee.competencies.select_related("competency").order_by(
        "competency__code", "-assessed_on"
    )
    context = {"form": form, "employee": employee, "assessments": assessments}
    return render(request, "training/assessment_form.html", context)


@require_http_methods(["GET", "POST"])
@ratelimit("import", methods=("POST",))
def assessment_import(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    if request.method == "GET" and request.GET.get("templat"):
        return _xlsx(analysis.assessment_template(), "templat-penilaian-kompetensi.xlsx")
    filename = "masalah-impor-penilaian-kompetensi.xlsx"
    download = spreadsheets.kept_report_download(request, filename)
    if download is not None:
        return download
    form = AssessmentImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "shown": spreadsheets.ERROR_PAGE_LIMIT}
    if request.method == "POST" and form.is_valid():
        try:
            rows = analysis.read_assessment_rows(form.cleaned_data["file"])
        except ValidationError as exc:
            add_service_errors(form, exc, field="file")
        else:
            analysis.validate_assessment_rows(rows, request.user)
            bad = [row for row in rows if row.errors]
            # The page lists the first problems only; the full list is a download.
            if bad:
                context |= spreadsheets.problem_rows_context(
                    request.user.pk, bad, lambda: analysis.assessment_error_report(bad)
                )
                context["row_count"] = len(rows)
            else:
                context["summary"] = analysis.import_assessments(rows)
                context["rows"] = rows[: spreadsheets.ERROR_PAGE_LIMIT]
                messages.success(request, f"{len(rows)} penilaian kompetensi disimpan.")
    return render(request, "training/assessment_import.html", context)


# --- Needs analysis --------------------------------------------------------------------------


def _default_unit(user: User, scopes: Scopes) -> OrgUnit:
    """The widest unit the user may see (first scope), else 404."""
    units = OrgUnit.objects.all()
    if not scopes.superuser:
        paths = _outermost(scopes.all_paths)
        units = units.filter(path__in=paths[:1])
    return get_object_or_404(units.order_by("depth", "path")[:1])


def _needs_filter(request: AuthedRequest, scopes: Scopes) -> tuple[UnitYearFilterForm, OrgUnit]:
    """`?unit=` an id of a unit the user may see (404 for another; a closed unit linked from
    its page too), else the widest unit of their scope; `?tahun=` the plan year, next year by
    default."""
    filters = UnitYearFilterForm(
        request.GET,
        user=request.user,
        year_label="Tahun rencana",
        year_default=today().year + 1,
        first=2000,
        last=2100,
    )
    unit_id = parse_id(request.GET.get("unit"))
    if unit_id is None:
        unit = _default_unit(request.user, scopes)
    else:
        unit = filters.unit or get_unit_for_user(request.user, unit_id)
    filters.initial["unit"] = unit.pk
    return filters, unit


@require_GET
def needs(request: AuthedRequest) -> HttpResponse:
    scopes = require_staff_view(request.user)
    filters, unit = _needs_filter(request, scopes)
    year = filters.year
    people = analysis.analyse(analysis.unit_employees(unit))
    with_needs = [n for n in people if n.has_needs]
    context = {
        "unit": unit,
        "year": year,
        "filters": filters,
        "program_needs": analysis.aggregate(with_needs),
        "page": Paginator(with_needs, PAGE_SIZE).get_page(request.GET.get("page")),
        "employee_count": len(people),
        "plan": DevelopmentPlan.objects.filter(unit=unit, year=year).first(),
        "can_plan": can_write_path(request.user, unit.path),
    }
    return render(request, "training/needs.html", context)


@require_GET
def employee_needs(request: AuthedRequest, pk: int) -> HttpResponse:
    require_staff_view(request.user)
    employee = get_employee_for_user(request.user, pk)
    (result,) = analysis.analyse(Employee.objects.filter(pk=employee.pk))
    context = {
        "employee": employee,
        "needs": result,
        "can_edit": can_write_employee(request.user, employee),
    }
    return render(request, "training/employee_needs.html", context)


# --- Development plans -----------------------------------------------------------------------


def _get_plan_for_user(user: User, pk: int, *, write: bool = False) -> DevelopmentPlan:
    plans = DevelopmentPlan.objects.select_related("unit", "approved_by")
    return get_object_for(user, plans, pk, write=write)


@require_POST
def plan_create(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    form = PlanCreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Unit atau tahun rencana tidak valid (tahun 2000–2100).")
        return redirect("training:needs")
    unit = get_unit_for_user(request.user, form.cleaned_data["unit"], write=True)
    year = form.cleaned_data["year"]
    existing = DevelopmentPlan.objects.filter(unit=unit, year=year).first()
    if existing is not None:
        messages.error(
            request, f"Rencana pengembangan {unit} tahun {year} sudah ada; berikut rencananya."
        )
        return redirect("training:plan_detail", pk=existing.pk)
    try:
        plan = analysis.create_plan(unit, year, created_by=request.user)
    except ValidationError as exc:
        message_service_error(request, exc)
        return redirect(f"{reverse('training:needs')}?unit={unit.pk}&tahun={year}")
    messages.success(request, f"Draf rencana dibuat dengan {plan.items.count()} butir.")
    return redirect("training:plan_detail", pk=plan.pk)


@require_http_methods(["GET", "POST"])
def plan_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    require_staff_view(request.user)
    plan = _get_plan_for_user(request.user, pk, write=request.method == "POST")
    item_form = PlanItemForm(unit=plan.unit)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "remove":
                item_id = request.POST.get("item", "")
                analysis.remove_plan_item(plan, parse_id(item_id) or 0)
                messages.success(request, "Butir rencana dihapus.")
            elif action == "approve":
                analysis.approve_plan(plan, approved_by=request.user)
                messages.success(request, "Rencana disetujui dan kini hanya dapat dibaca.")
            elif action == "add":
                item_form = PlanItemForm(request.POST, unit=plan.unit)
                if item_form.is_valid():
                    data = item_form.cleaned_data
                    analysis.add_plan_item(
                        plan, employee=data["nip"], program=data["program"], reason=data["reason"]
                    )
                    messages.success(request, "Butir rencana ditambahkan.")
                    return redirect("training:plan_detail", pk=plan.pk)
            else:
                messages.error(request, "Aksi tidak dikenal.")
        except ValidationError as exc:
            message_service_error(request, exc)
        if action != "add" or item_form.is_valid():
            return redirect("training:plan_detail", pk=plan.pk)
    items = analysis.plan_items(plan)
    groups = [
        {"program": program, "items": list(rows)}
        for program, rows in groupby(items, key=lambda item: item.program)
    ]
    can_edit = plan.status == DevelopmentPlan.Status.DRAFT and can_write_path(
        request.user, plan.unit.path
    )
    context = {
        "plan": plan,
        "groups": groups,
        "item_count": len(items),
        "total_jp": sum(item.program.jp for item in items),
        "can_edit": can_edit,
        "item_form": item_form,
    }
    return render(request, "training/plan_detail.html", context)


@require_GET
def plan_export(request: AuthedRequest, pk: int) -> HttpResponse:
    require_staff_view(request.user)
    plan = _get_plan_for_user(request.user, pk)
    content = analysis.plan_workbook(plan, analysis.plan_items(plan))
    return _xlsx(content, f"rencana-pengembangan-{plan.unit.code}-{plan.year}.xlsx")
