"""Competency assessment import: the template workbook, reading and validating the rows of an
upload (through core.spreadsheets' upload gate), and writing them all or nothing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import openpyxl
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl.styles import Font

from core import spreadsheets
from positions.access import can_write_employee
from positions.models import Competency, Employee, EmployeeCompetency, today

if TYPE_CHECKING:
    from asnportal.models import User

IMPORT_COLUMNS = ["NIP", "Kode kompetensi", "Level", "Tanggal penilaian", "Sumber"]
DEFAULT_SOURCE = "Assessment center"
MAX_IMPORT_BYTES: int | None = None  # the portal-wide IMPORT_MAX_BYTES


@dataclass
class ImportRow:
    row: int
    nip: str
    code: str
    level: int | None = None
    assessed_on: dt.date | None = None
    source: str = DEFAULT_SOURCE
    employee: Employee | None = None
    competency: Competency | None = None
    errors: list[str] = field(default_factory=list)


_text = spreadsheets.cell_text
_parse_date = spreadsheets.parse_date


def _parse_level(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _text(value)
    return int(text) if re.fullmatch(r"\d+", text) else None


def read_assessment_rows(upload: Any) -> list[ImportRow]:
    """The rows of the first sheet, through the upload gate (size, ZIP, header first, row cap);
    raises ValidationError for a problem with the whole file."""
    with spreadsheets.open_xlsx(upload, max_file_bytes=MAX_IMPORT_BYTES) as sheet:
        if sheet.is_empty:
            raise ValidationError("Berkas kosong: baris pertama harus berisi judul kolom.")
        index = spreadsheets.header_positions(
            sheet.header, {name.lower(): name for name in IMPORT_COLUMNS}, _header_text
        )
        for name in IMPORT_COLUMNS:
            if name not in index and name != "Sumber":
                raise ValidationError(
                    f"Kolom \u201c{name}\u201d tidak ditemukan di baris judul. Kolom yang "
                    f"diperlukan: {', '.join(IMPORT_COLUMNS)}."
                )
        rows = [_assessment_row(number, line, index) for number, line in sheet.rows()]
    if not rows:
        raise ValidationError("Berkas tidak berisi baris data di bawah baris judul.")
    return rows


def _header_text(value: Any) -> str:
    return _text(value).lower()


def _assessment_row(number: int, line: tuple[Any, ...], index: dict[str, int]) -> ImportRow:
    def cell(name: str) -> Any:
        i = index.get(name)
        return line[i] if i is not None and i < len(line) else None

    row = ImportRow(row=number, nip=_text(cell("NIP")), code=_text(cell("Kode kompetensi")))
    row.source = _text(cell("Sumber")) or DEFAULT_SOURCE
    raw_level, raw_date = cell("Level"), cell("Tanggal penilaian")
    row.level = _parse_level(raw_level)
    row.assessed_on = _parse_date(raw_date)
    if row.level is None or not 1 <= row.level <= 5:
        row.errors.append(f"Level \u201c{_text(raw_level)}\u201d harus bilangan bulat 1–5.")
    if row.assessed_on is None:
        row.errors.append(
            f"Tanggal penilaian \u201c{_text(raw_date)}\u201d tidak dapat dibaca "
            "(gunakan format DD-MM-YYYY)."
        )
    elif row.assessed_on > today():
        row.errors.append("Tanggal penilaian tidak boleh di masa depan.")
    if len(row.source) > 100:
        row.errors.append("Sumber paling banyak 100 karakter.")
    return row


def assessment_error_report(rows: list[ImportRow]) -> bytes:
    """Every problem of every row, for download when the page shows only the first ones."""
    return spreadsheets.error_report((r.row, r.nip, r.errors) for r in rows if r.errors)


def validate_assessment_rows(rows: list[ImportRow], user: User) -> list[ImportRow]:
    """Resolve NIPs and competency codes (two queries) and add every row-level problem."""
    employees = {
        e.nip: e
        for e in Employee.objects.filter(nip__in={r.nip for r in rows}).select_related("unit")
    }
    competencies = {c.code.upper(): c for c in Competency.objects.all()}
    seen: dict[tuple[str, str, dt.date | None], int] = {}
    for row in rows:
        row.employee = employees.get(row.nip)
        if not row.nip:
            row.errors.insert(0, "NIP kosong.")
        elif row.employee is None:
            row.errors.insert(0, f"NIP {row.nip} tidak terdaftar.")
        elif not can_write_employee(user, row.employee):
            row.errors.insert(0, f"Pegawai NIP {row.nip} di luar lingkup kewenangan Anda.")
        row.competency = competencies.get(row.code.upper())
        if row.competency is None:
            row.errors.append(f"Kode kompetensi \u201c{row.code}\u201d tidak dikenal.")
        key = (row.nip, row.code.upper(), row.assessed_on)
        if key in seen:
            row.errors.append(f"Duplikat baris {seen[key]} (NIP, kompetensi dan tanggal sama).")
        else:
            seen[key] = row.row
    return rows


@transaction.atomic
def import_assessments(rows: list[ImportRow]) -> dict[str, int]:
    """Write validated rows; the same employee, competency and date updates, never duplicates."""
    if any(row.errors for row in rows):
        raise ValidationError("Masih ada baris bermasalah; tidak ada yang disimpan.")
    created = updated = 0
    for row in rows:
        _, was_created = EmployeeCompetency.objects.update_or_create(
            employee=row.employee,
            competency=row.competency,
            assessed_on=row.assessed_on,
            defaults={"level": row.level, "source": row.source},
        )
        created += was_created
        updated += not was_created
    return {"rows": len(rows), "created": created, "updated": updated}


def write_header(sheet: Any, titles: list[str], widths: list[int]) -> None:
    """The bold title row of a sheet, with column widths (also the plan workbook's)."""
    sheet.append(titles)
    spreadsheets.style_header(sheet, widths, wrap=False)


def assessment_template() -> bytes:
    """Import template: the columns, one example row, and the competency codes."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Penilaian"
    write_header(sheet, IMPORT_COLUMNS, [22, 18, 8, 18, 30])
    sheet.append(["198506152010011001", "M.1", 3, today().strftime("%d-%m-%Y"), DEFAULT_SOURCE])
    for col in range(1, 6):
        sheet.cell(row=2, column=col).font = Font(italic=True, color="666666")
    for row in range(2, 1002):
        sheet[f"A{row}"].number_format = "@"  # keep 18-digit NIPs as text
    codes = workbook.create_sheet("Kode kompetensi")
    write_header(codes, ["Kode", "Nama", "Jenis"], [12, 50, 18])
    for c in Competency.objects.order_by("kind", "code"):
        codes.append([c.code, c.name, c.get_kind_display()])
    return spreadsheets.workbook_bytes(workbook)
