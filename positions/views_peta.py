"""Peta jabatan (organigram and table page, Excel, PDF, background print) and the mismatch
report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from asnportal.http import AuthedRequest
from core import spreadsheets
from core.forms import message_service_error
from core.params import parse_id
from core.pdf import pdf_response
from core.ratelimit import ratelimit

from . import peta as domain
from . import peta_chart, peta_print
from .access import get_unit_for_user, require_staff_view
from .forms import UnitYearFilterForm
from .models import OrgUnit, Scopes
from .models.peta_job import PetaJob

if TYPE_CHECKING:
    from asnportal.models import User

CASES_PER_PAGE = 50
PETA_ROWS_PER_PAGE = 50


# --- Peta jabatan -----------------------------------------------------------------


@require_GET
def peta_jabatan(request: AuthedRequest, pk: int) -> HttpResponse:
    require_staff_view(request.user)
    unit = get_unit_for_user(request.user, pk)
    jobs = peta_print.jobs_for_unit(request.user, unit)
    context: dict[str, object] = {"unit": unit, "jobs": jobs}
    if request.GET.get("tampilan") == "tabel":
        # A large dinas has >1,000 posts and 8,000 holders (1 MB of HTML, >1 s to render):
        # the table shows the tree in pages with the holders of that page only; the totals
        # stay those of the whole subtree, and the Excel/PDF versions keep every row.
        peta = domain.build_peta_jabatan(unit, with_holders=False)
        page = Paginator(peta.rows, PETA_ROWS_PER_PAGE).get_page(request.GET.get("page"))
        domain.attach_holders(page.object_list, peta.on)
        context.update(peta=peta, page=page, view="tabel")
    else:  # the organigram: the unit and its sub-units, one level, every post
        plan = peta_print.plan_chart(unit)
        context.update(
            peta=plan.peta,
            root=plan.root,
            columns=peta_chart.web_chart(plan.root),
            sheet_count=len(plan.sheets),
            print_in_background=len(plan.sheets) > peta_print.IN_REQUEST_SHEETS,
            view="bagan",
        )
    return render(request, "positions/peta_jabatan.html", context)


@require_GET
def peta_jabatan_xlsx(request: AuthedRequest, pk: int) -> HttpResponse:
    require_staff_view(request.user)
    unit = get_unit_for_user(request.user, pk)
    peta = domain.build_peta_jabatan(unit)
    return spreadsheets.xlsx_response(_peta_workbook(peta), _filename(peta, "xlsx"))


@require_GET
def peta_jabatan_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    """The chart of a small unit, printed in the request; a larger one is a job."""
    require_staff_view(request.user)
    unit = get_unit_for_user(request.user, pk)
    plan = peta_print.plan_chart(unit)
    if len(plan.sheets) > peta_print.IN_REQUEST_SHEETS:
        messages.info(
            request,
            f"Peta jabatan {unit.name} terdiri atas {len(plan.sheets)} lembar: cetak di latar "
            "belakang dengan tombol Cetak PDF, lalu unduh setelah selesai.",
        )
        return redirect("positions:peta_jabatan", pk=unit.pk)
    context = peta_print.chart_context(plan, peta_print.printed_by(request.user))
    pdf = peta_print.render_chart(context)
    return pdf_response(pdf, _filename(plan.peta, "pdf"))


# --- Peta jabatan printed in the background ------------------------------------------


@require_POST
@ratelimit("report_start")
def peta_job_start(request: AuthedRequest, pk: int) -> HttpResponse:
    require_staff_view(request.user)
    unit = get_unit_for_user(request.user, pk)
    job = peta_print.start_job(request.user, unit)
    return redirect(job)


def _get_peta_job(request: AuthedRequest, pk: int) -> PetaJob:
    """404 outside the user's scope, exactly as for a missing id."""
    require_staff_view(request.user)
    queryset = PetaJob.objects.visible_to(request.user).select_related("unit", "requested_by")
    return get_object_or_404(queryset, pk=pk)


@require_GET
@vary_on_headers("HX-Request")
def peta_job(request: AuthedRequest, pk: int) -> HttpResponse:
    job = _get_peta_job(request, pk)
    template = "positions/peta_job.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, {"job": job})


@require_POST
def peta_job_rerun(request: AuthedRequest, pk: int) -> HttpResponse:
    job = _get_peta_job(request, pk)
    try:
        peta_print.rerun_job(job)
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(request, "Peta jabatan dicetak ulang dengan data terbaru.")
    return redirect(job)


@require_GET
def peta_job_pdf(request: AuthedRequest, pk: int) -> FileResponse:
    job = _get_peta_job(request, pk)
    if job.state != PetaJob.State.DONE or not job.file:
        raise Http404
    printed = timezone.localtime(job.finished_at or job.created_at)
    name = f"peta-jabatan-{slugify(job.unit.name)}-{printed:%Y%m%d}.pdf"
    return FileResponse(job.file.open("rb"), filename=name, content_type="application/pdf")


def _filename(peta: domain.PetaJabatan, extension: str) -> str:
    return f"peta-jabatan-{slugify(peta.unit.name)}-{peta.on:%Y%m%d}.{extension}"


PETA_COLUMNS = [
    # (header, width)
    ("No", 5),
    ("Nama jabatan", 48),
    ("Unit", 34),
    ("Jenis / jenjang", 24),
    ("Kelas", 7),
    ("Kebutuhan", 11),
    ("Bezetting", 11),
    ("Selisih", 9),
    ("Pemangku", 48),
]


def _peta_workbook(peta: domain.PetaJabatan) -> bytes:
    """One sheet: title block, frozen header row, the tree rows, two totals rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Peta Jabatan"
    last_column = get_column_letter(len(PETA_COLUMNS))
    sheet["A1"] = "PETA JABATAN"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = peta.unit.name.upper()
    sheet["A2"].font = Font(bold=True, size=12)
    sheet["A3"] = f"{settings.INSTANSI_NAME} · keadaan per {date_format(peta.on, 'j F Y')}"
    for title_row in (1, 2, 3):
        sheet.merge_cells(f"A{title_row}:{last_column}{title_row}")

    header_row = 5
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="0B5D3B")
    for index, (title, width) in enumerate(PETA_COLUMNS, start=1):
        cell = sheet.cell(row=header_row, column=index, value=title)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

    selisih_format = '+0;"−"0;0'
    wrap = Alignment(vertical="top", wrap_text=True)
    row_index = header_row
    for number, row in enumerate(peta.rows, start=1):
        row_index += 1
        names = [h.employee.full_name for h in row.holders]
        names += [f"{h.employee.full_name} ({h.kind.capitalize()})" for h in row.acting]
        values = [
            number,
            row.position.title,
            row.position.unit.name,
            row.jenis_display,
            row.position.kelas,
            row.kebutuhan,
            row.bezetting,
            row.selisih,
            "; ".join(names) or "lowong",
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_index, column=column, value=value)
            cell.border = border
            cell.alignment = wrap
        sheet.cell(row=row_index, column=2).alignment = Alignment(
            indent=min(row.depth * 2, 15), vertical="top", wrap_text=True
        )
        for column in (1, 5, 6, 7):
            sheet.cell(row=row_index, column=column).number_format = "0"
        selisih = sheet.cell(row=row_index, column=8)
        selisih.number_format = selisih_format
        if row.selisih < 0:
            selisih.font = Font(color="B02A37", bold=True)
        elif row.selisih > 0:
            selisih.font = Font(color="0A58CA", bold=True)

    total_fill = PatternFill("solid", fgColor="E9F2EE")
    for label, totals in (
        (f"Jumlah {peta.unit.name}", peta.unit_totals),
        (f"Jumlah {peta.unit.name} beserta unit di bawahnya", peta.subtree_totals),
    ):
        row_index += 1
        values = [
            None,
            label,
            f"{totals.positions} jabatan",
            None,
            None,
            totals.kebutuhan,
            totals.bezetting,
            totals.selisih,
            f"kurang {totals.kurang} · lebih {totals.lebih}",
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_index, column=column, value=value)
            cell.font = Font(bold=True)
            cell.fill = total_fill
            cell.border = border
        sheet.cell(row=row_index, column=8).number_format = selisih_format

    return spreadsheets.workbook_bytes(workbook)


# --- Mismatch report --------------------------------------------------------------


@require_GET
def mismatch_report(request: AuthedRequest) -> HttpResponse:
    scopes = require_staff_view(request.user)
    filters = UnitYearFilterForm(
        request.GET,
        user=request.user,
        unit_label="Unit",
        all_label="Seluruh lingkup saya",
        with_year=False,
    )
    unit, error = filters.unit, ""
    if filters.unit_unknown:
        unit_id = parse_id(request.GET.get("unit", "").strip())
        if unit_id is None:
            error = "Unit tidak dikenal; laporan ditampilkan untuk seluruh lingkup Anda."
        else:  # 404 outside the scope; a closed unit, linked from its page, is still shown
            unit = get_unit_for_user(request.user, unit_id)
    scope_roots = _scope_roots(request.user, scopes)
    roots = [unit] if unit else scope_roots
    cases = domain.holders_with_problems([root.path for root in roots])
    summary = domain.problem_summary(cases)
    groups = domain.report_groups(roots)
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "roots": roots,
        "error": error,
        "filters": filters,
        "summary": summary,
        "kinds": [(kind, label, summary[kind]) for kind, label in domain.Problem.LABELS.items()],
        "groups": domain.counts_per_group(cases, groups),
        "page": page,
        "cases": domain.page_cases(page.object_list, groups),
    }
    return render(request, "positions/mismatch_report.html", context)


def _scope_roots(user: User, scopes: Scopes) -> list[OrgUnit]:
    """The outermost units the user may see (one query)."""
    if scopes.superuser:
        return list(OrgUnit.get_root_nodes())
    units = list(OrgUnit.objects.filter(path__in=scopes.all_paths).order_by("path"))
    roots: list[OrgUnit] = []
    for candidate in units:  # sorted by path: an ancestor comes before its descendants
        if not any(candidate.path.startswith(root.path) for root in roots):
            roots.append(candidate)
    return roots
