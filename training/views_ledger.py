"""Self-reported development and its verification, the JP ledger, 20 JP compliance and
leadership training compliance."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from asnportal.http import AuthedRequest
from core.forms import add_service_errors
from core.params import parse_year, year_choices
from positions.access import (
    get_employee_for_user,
    get_object_for,
    require_hr,
    require_staff_view,
)
from positions.forms import UnitYearFilterForm
from positions.models import Employee, own_employee, today

from . import ledger as domain
from .forms_ledger import SelfReportForm, VerificationForm
from .models import JP_TARGET, Participation

COMPLIANCE_PAGE_SIZE = 50


def _own_employee(request: AuthedRequest) -> Employee:
    employee = own_employee(request.user)
    if employee is None:
        raise PermissionDenied("Akun ini tidak terhubung dengan data pegawai.")
    return employee


def _unit_filter(request: AuthedRequest, *, with_year: bool = True) -> UnitYearFilterForm:
    """`?unit=` (and `?tahun=`) of the compliance pages: HR (pengelola), pimpinan and
    managers (a plain pegawai gets 403), a unit they may see (404 for another)."""
    require_staff_view(request.user)
    filters = UnitYearFilterForm(
        request.GET, user=request.user, with_year=with_year, years=year_choices()
    )
    if not filters.units:
        raise PermissionDenied
    if filters.unit is None:
        raise Http404
    return filters


def _get_self_report_for_user(request: AuthedRequest, pk: int) -> Participation:
    """404 outside the user's visibility; 403 for one's own report or without write scope."""
    reports = Participation.objects.filter(is_self_reported=True).select_related(
        "employee__unit", "verified_by"
    )
    participation = get_object_for(request.user, reports, pk)
    domain.check_can_verify(request.user, participation)
    return participation


# --- Self-report (pegawai) ----------------------------------------------------------------


@require_GET
def selfreport_list(request: AuthedRequest) -> HttpResponse:
    employee = _own_employee(request)
    reports = Participation.objects.filter(employee=employee, is_self_reported=True).order_by(
        "-end_date", "-pk"
    )
    return render(
        request, "training/selfreport_list.html", {"employee": employee, "reports": reports}
    )


@require_http_methods(["GET", "POST"])
def selfreport_create(request: AuthedRequest) -> HttpResponse:
    employee = _own_employee(request)
    if request.method == "POST":
        form = SelfReportForm(request.POST, request.FILES)
        if form.is_valid():
            domain.report_self_development(employee, **form.service_kwargs())
            messages.success(
                request, "Laporan pengembangan kompetensi terkirim dan menunggu verifikasi."
            )
            return redirect("training:selfreport_list")
    else:
        form = SelfReportForm()
    return render(request, "training/selfreport_form.html", {"form": form, "employee": employee})


# --- Verification (HR) --------------------------------------------------------------------


@require_GET
def verification_list(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    pending = domain.pending_verifications_for(request.user)
    page = Paginator(pending, COMPLIANCE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "training/verification_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
def verification_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    participation = _get_self_report_for_user(request, pk)
    is_pending = participation.verification == Participation.Verification.PENDING
    if request.method == "POST":
        form = VerificationForm(request.POST)
        if form.is_valid():
            verify = form.cleaned_data["decision"] == "verify"
            try:
                domain.decide_self_report(
                    participation, user=request.user, verify=verify, note=form.cleaned_data["note"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                verb = "diverifikasi" if verify else "ditolak"
                messages.success(request, f"Laporan “{participation.title}” {verb}.")
                return redirect("training:verification_list")
    else:
        form = VerificationForm()
    context = {"participation": participation, "form": form, "is_pending": is_pending}
    return render(request, "training/verification_decide.html", context)


# --- JP ledger ----------------------------------------------------------------------------


@require_GET
def ledger(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk)
    year = parse_year(request.GET.get("tahun"))
    context = {"ledger": domain.ledger_for(employee, year), "years": year_choices(), "year": year}
    return render(request, "training/ledger.html", context)


@require_GET
def employee_summary(request: AuthedRequest, pk: int) -> HttpResponse:
    """This year's counted JP and the last lines (fragment for the profile page, via htmx)."""
    employee = get_employee_for_user(request.user, pk)
    year = today().year
    total = domain.counted_jp(employee, year)
    context = {
        "employee": employee,
        "year": year,
        "total": total,
        "target": JP_TARGET,
        "percent": min(round(total * 100 / JP_TARGET), 100),
        "lines": domain.recent_lines(employee),
    }
    return render(request, "training/_employee_summary.html", context)


# --- Compliance ---------------------------------------------------------------------------


@require_GET
def compliance(request: AuthedRequest) -> HttpResponse:
    filters = _unit_filter(request)
    unit, year = filters.unit, filters.year
    report = domain.compliance(unit, year, today=today())
    paginator = Paginator(report.below, COMPLIANCE_PAGE_SIZE)
    # Known from the report's aggregate: no second COUNT computing everyone's JP (~70 ms for
    # the 8,700 staff of a large dinas).
    paginator.count = report.below_count
    page = paginator.get_page(request.GET.get("page"))
    context: dict[str, Any] = {
        "filters": filters,
        "unit": unit,
        "year": year,
        "report": report,
        "page": page,
    }
    return render(request, "training/compliance.html", context)


@require_GET
def compliance_xlsx(request: AuthedRequest) -> HttpResponse:
    filters = _unit_filter(request)
    unit, year = filters.unit, filters.year
    response = HttpResponse(
        domain.compliance_workbook(unit, year), content_type=domain.XLSX_CONTENT_TYPE
    )
    filename = f"kepatuhan-jp-{slugify(unit.name)}-{year}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_GET
def leadership_compliance(request: AuthedRequest) -> HttpResponse:
    filters = _unit_filter(request, with_year=False)
    unit = filters.unit
    report = domain.leadership_report(unit, today=today())
    # Two lists on one page, each with its own page number (already in memory: no queries).
    context = {
        "filters": filters,
        "unit": unit,
        "report": report,
        "overdue": Paginator(report.overdue, COMPLIANCE_PAGE_SIZE).get_page(
            request.GET.get("page")
        ),
        "in_grace": Paginator(report.in_grace, COMPLIANCE_PAGE_SIZE).get_page(
            request.GET.get("tenggang")
        ),
    }
    return render(request, "training/leadership_compliance.html", context)
