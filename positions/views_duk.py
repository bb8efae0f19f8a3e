"""DUK and daftar nominatif of a unit subtree: page, Excel and PDF (docs/domain.md §3.8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import openpyxl
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET
from openpyxl.utils import get_column_letter

from asnportal.http import AuthedRequest
from core import spreadsheets
from core.pdf import pdf_response, render_pdf

from . import duk as domain
from .access import require_staff_view
from .forms import UnitYearFilterForm
from .models import Employee, OrgUnit, today

REPORTS = {
    "duk": {
        "title": "Daftar Urut Kepangkatan",
        "short": "DUK",
        "select": domain.duk,
        "intro": (
            "PNS aktif diurutkan menurut PP 15/1979: pangkat (dan TMT-nya), jabatan, masa kerja, "
            "latihan jabatan, pendidikan, lalu usia. CPNS dan PPPK tidak masuk DUK."
        ),
    },
    "nominatif": {
        "title": "Daftar Nominatif Pegawai",
        "short": "nominatif",
        "select": domain.nominatif,
        "intro": "Seluruh ASN aktif (PNS, CPNS dan PPPK) menurut unit kerja dan jabatan.",
    },
}
COLUMNS = [
    ("No", 6),
    ("Nama", 32),
    ("NIP / NI PPPK", 21),
    ("Status", 8),
    ("Pangkat / gol. ruang", 26),
    ("TMT golongan", 13),
    ("Jabatan", 36),
    ("TMT jabatan", 13),
    ("Unit kerja", 32),
    ("Masa kerja", 12),
    ("Latihan jabatan", 14),
    ("Pendidikan", 11),
    ("Tanggal lahir", 13),
    ("Usia", 6),
    ("TMT pensiun / akhir PK", 15),
]


def _selection(request: AuthedRequest, report: str) -> tuple[dict[str, Any], Any, list[OrgUnit]]:
    if report not in REPORTS:
        raise Http404
    require_staff_view(request.user)
    filters = UnitYearFilterForm(request.GET, user=request.user, unit_label="Unit", with_year=False)
    if filters.unit_unknown:
        raise Http404
    # The unit UnitYearFilterForm resolved (the stubs see the form field of that name).
    unit: OrgUnit | None = filters.unit  # type: ignore[assignment]
    units = [unit] if unit else []
    return REPORTS[report], filters, units


@require_GET
def report_page(request: AuthedRequest, report: str) -> HttpResponse:
    spec, filters, units = _selection(request, report)
    on = today()
    employees = spec["select"](units, Employee.objects.visible_to(request.user))
    page = Paginator(employees, domain.PAGE_SIZE).get_page(request.GET.get("page"))
    offset = page.start_index() - 1 if page.paginator.count else 0
    rows = [domain.row(e, on) for e in page.object_list]
    return render(
        request,
        "positions/duk.html",
        {
            "report": report,
            "spec": spec,
            "filters": filters,
            "unit": units[0] if units else None,
            "page": page,
            "rows": rows,
            "offset": offset,
            "on": on,
            "pdf_limit": domain.PDF_ROW_LIMIT,
        },
    )


def _filename(spec: dict[str, Any], unit: OrgUnit, ext: str) -> str:
    return f"{slugify(spec['short'])}-{slugify(unit.name)[:60]}-{today():%Y%m%d}.{ext}"


def _download(
    request: AuthedRequest, report: str
) -> tuple[dict[str, Any], OrgUnit, dt.date, QuerySet[Employee]]:
    """What an Excel or PDF file lists: the report, its unit (a file needs one), the day it
    speaks of and the employees of the unit subtree the user may see."""
    spec, _filters, units = _selection(request, report)
    if not units:
        raise Http404
    return spec, units[0], today(), spec["select"](units, Employee.objects.visible_to(request.user))


@require_GET
def report_xlsx(request: AuthedRequest, report: str) -> HttpResponse:
    spec, unit, on, employees = _download(request, report)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(spec["short"].upper()[:30])
    sheet.freeze_panes = "A5"
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    spreadsheets.append_row(sheet, [f"{spec['title'].upper()} — {unit.name}"])
    spreadsheets.append_row(sheet, [f"{settings.INSTANSI_NAME} · keadaan per {on:%d-%m-%Y}"])
    spreadsheets.append_row(sheet, [])
    sheet.append(spreadsheets.header_cells(sheet, [title for title, _ in COLUMNS]))
    for number, employee in enumerate(employees.iterator(chunk_size=2000), start=1):
        r = domain.row(employee, on)
        spreadsheets.append_row(
            sheet,
            [
                number,
                r["name"],
                r["nip"],
                r["kind"],
                f"{r['pangkat']} ({r['golongan']})" if r["pangkat"] else r["golongan"],
                r["tmt_golongan"],
                r["jabatan"],
                r["tmt_jabatan"],
                r["unit"],
                r["masa_kerja"],
                r["leadership"],
                r["education"],
                r["birth_date"],
                r["age"],
                r["exit_date"],
            ],
        )
    content = spreadsheets.workbook_bytes(workbook)
    return spreadsheets.xlsx_response(content, _filename(spec, unit, "xlsx"))


@require_GET
def report_pdf(request: AuthedRequest, report: str) -> HttpResponse:
    spec, unit, on, employees = _download(request, report)
    count = employees.count()
    if count > domain.PDF_ROW_LIMIT:
        limit = f"{domain.PDF_ROW_LIMIT:,}".replace(",", ".")
        messages.warning(
            request,
            f"{spec['title']} {unit.name} memuat {count:,} pegawai; ".replace(",", ".")
            + f"PDF dibatasi {limit} baris. Pilih unit yang lebih kecil atau unduh Excel.",
        )
        return redirect(f"{reverse(f'positions:{report}')}?unit={unit.pk}")
    rows = [domain.row(e, on) for e in employees]
    context = {
        "spec": spec,
        "unit": unit,
        "rows": rows,
        "on": on,
        "instansi_name": settings.INSTANSI_NAME,
        "place": getattr(settings, "DOCUMENT_PLACE", "Bandar Lampung"),
        "printed_at": timezone.localtime(),
        "printed_by": request.user.get_full_name() or request.user.get_username(),
    }
    pdf = render_pdf("positions/pdf/duk.html", context)
    return pdf_response(pdf, _filename(spec, unit, "pdf"))
