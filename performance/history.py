"""Excel import of earlier years' results per employee (docs/domain.md §2): 2022+ ratings and
predikat, before 2022 nilai SKP and sebutan. Every row is checked first; the write is
all-or-nothing and keyed on (employee, year), so importing the same file twice changes
nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import openpyxl
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl.styles import Font

from core import spreadsheets
from positions.access import can_write_employee
from positions.models import Employee, Predikat, today

from .models import REGULATION, PredikatRule, Rating, RatingHistory

if TYPE_CHECKING:
    from asnportal.models import User

HEADERS = [
    "NIP",
    "Tahun",
    "Rating hasil kerja",
    "Rating perilaku kerja",
    "Predikat",
    "Nilai SKP",
    "Sebutan",
]
FIRST_YEAR = 2014
NEW_REGIME_YEAR = 2022
SEBUTAN = ("Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk")
XLSX_CONTENT_TYPE = spreadsheets.XLSX_CONTENT_TYPE


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


_RATING_BY_TEXT = {_norm(label): value for value, label in Rating.choices} | {
    _norm(value): value for value, _ in Rating.choices
}
_PREDIKAT_BY_TEXT = {_norm(label): value for value, label in Predikat.choices} | {
    _norm(value.replace("_", " ")): value for value, _ in Predikat.choices
}
_SEBUTAN_BY_TEXT = {_norm(s): s for s in SEBUTAN}


@dataclass
class HistoryRow:
    line: int
    nip: str
    year: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    employee: Employee | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list[HistoryRow]
    file_error: str = ""

    @property
    def errors(self) -> list[HistoryRow]:
        return [r for r in self.rows if r.errors]

    @property
    def ok(self) -> bool:
        return not self.file_error and bool(self.rows) and not self.errors


def build_template() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Riwayat"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(
        ["198506152010011001", 2023, "Sesuai Ekspektasi", "Di Atas Ekspektasi", "", "", ""]
    )
    sheet.append(["198506152010011001", 2020, "", "", "", 88.5, "Baik"])
    for col, width in zip("ABCDEFG", (22, 8, 22, 22, 20, 10, 14), strict=True):
        sheet.column_dimensions[col].width = width
    for row in range(2, 1002):
        sheet[f"A{row}"].number_format = "@"  # an 18-digit NIP must stay text
    notes = workbook.create_sheet("Petunjuk")
    for line in (
        ["Satu baris per pegawai per tahun. Baris contoh di lembar Riwayat boleh dihapus."],
        [
            "Tahun 2022 ke atas: isi Rating hasil kerja dan Rating perilaku kerja "
            "(Di Atas Ekspektasi / Sesuai Ekspektasi / Di Bawah Ekspektasi). Predikat boleh "
            "dikosongkan: dihitung dari kuadran kinerja."
        ],
        [
            "Sebelum 2022: isi Nilai SKP (0–120) dan Sebutan (Sangat Baik, Baik, Cukup, Kurang, "
            "Buruk). 2014–2018 dicatat sebagai PP 46/2011, 2019–2021 sebagai PP 30/2019."
        ],
        ["Mengimpor ulang tahun yang sama memperbarui data, tidak menggandakannya."],
    ):
        notes.append(line)
    notes.column_dimensions["A"].width = 120
    return spreadsheets.workbook_bytes(workbook)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header_text(value: Any) -> str:
    return _norm(_text(value))


def read_rows(upload: Any) -> tuple[list[HistoryRow], str]:
    """Raw rows from the first sheet, matched to HEADERS by name (case-insensitive), through
    the upload gate (size, ZIP, header first, row cap); or the problem with the whole file."""
    try:
        with spreadsheets.open_xlsx(upload) as sheet:
            index = spreadsheets.header_positions(
                sheet.header, {_norm(h): h for h in HEADERS}, _header_text
            )
            missing = [h for h in HEADERS if h not in index]
            if missing:
                return [], "Kolom berikut tidak ditemukan: " + ", ".join(missing) + "."
            rows = []
            for number, values in sheet.rows():
                cells = {h: _text(values[i]) if i < len(values) else "" for h, i in index.items()}
                rows.append(HistoryRow(line=number, nip=cells["NIP"], values=cells))
    except ValidationError as exc:
        return [], " ".join(exc.messages)
    return rows, ""


def error_report(result: ImportResult) -> bytes:
    """Every problem of every row, for download when the page shows only the first ones."""
    return spreadsheets.error_report((r.line, r.nip, r.errors) for r in result.errors)


def validate(rows: list[HistoryRow], user: User) -> None:
    """Fill year, employee and the typed values of each row, or its errors (in Indonesian)."""
    employees = {
        e.nip: e
        for e in Employee.objects.filter(nip__in={r.nip for r in rows}).select_related("unit")
    }
    matrix = {
        (r.rating_hasil, r.rating_perilaku): r.predikat
        for r in PredikatRule.objects.filter(regulation=REGULATION)
    }
    this_year = today().year
    seen: dict[tuple[str, int], int] = {}
    for row in rows:
        cells = row.values
        employee = employees.get(row.nip)
        if employee is None:
            row.errors.append(f"NIP {row.nip or '(kosong)'} tidak terdaftar.")
        elif not can_write_employee(user, employee):
            row.errors.append(f"Pegawai {employee.name} di luar lingkup kewenangan Anda.")
        else:
            row.employee = employee
        try:
            row.year = int(cells["Tahun"])
        except ValueError:
            row.errors.append(f"Tahun “{cells['Tahun']}” tidak valid.")
            continue
        if not FIRST_YEAR <= row.year <= this_year:
            row.errors.append(f"Tahun harus antara {FIRST_YEAR} dan {this_year}.")
            continue
        key = (row.nip, row.year)
        if key in seen:
            row.errors.append(f"Duplikat NIP dan tahun dengan baris {seen[key]}.")
        seen[key] = row.line
        parsed = _parse_new(cells, matrix) if row.year >= NEW_REGIME_YEAR else _parse_old(cells)
        if isinstance(parsed, list):
            row.errors.extend(parsed)
        else:
            parsed["regime"] = _regime(row.year)
            row.values = parsed


def _regime(year: int) -> str:
    if year >= NEW_REGIME_YEAR:
        return RatingHistory.Regime.PERMENPAN6
    if year >= 2019:
        return RatingHistory.Regime.PP30
    return RatingHistory.Regime.PP46


def _parse_new(cells: dict[str, str], matrix: dict[tuple[str, str], str]) -> Any:
    errors = []
    hasil = _RATING_BY_TEXT.get(_norm(cells["Rating hasil kerja"]))
    perilaku = _RATING_BY_TEXT.get(_norm(cells["Rating perilaku kerja"]))
    for name, got in (("Rating hasil kerja", hasil), ("Rating perilaku kerja", perilaku)):
        if got is None:
            errors.append(
                f"{name} “{cells[name]}” harus Di Atas Ekspektasi, Sesuai Ekspektasi atau "
                "Di Bawah Ekspektasi."
            )
    if errors:
        return errors
    expected = matrix[(hasil, perilaku)]
    given = cells["Predikat"]
    if given:
        predikat = _PREDIKAT_BY_TEXT.get(_norm(given))
        if predikat is None:
            return [f"Predikat “{given}” tidak dikenal."]
        if predikat != expected:
            label = Predikat(expected).label
            return [f"Predikat “{given}” tidak sesuai kuadran kinerja (seharusnya {label})."]
    return {
        "rating_hasil": hasil,
        "rating_perilaku": perilaku,
        "predikat": expected,
        "nilai_skp": None,
        "sebutan": "",
    }


def _parse_old(cells: dict[str, str]) -> Any:
    errors = []
    try:
        nilai = Decimal(cells["Nilai SKP"].replace(",", "."))
    except InvalidOperation:
        nilai = None
    if nilai is None or not Decimal(0) <= nilai <= Decimal(120):
        errors.append(f"Nilai SKP “{cells['Nilai SKP']}” harus angka 0–120.")
    sebutan = _SEBUTAN_BY_TEXT.get(_norm(cells["Sebutan"]))
    if sebutan is None:
        errors.append(f"Sebutan “{cells['Sebutan']}” harus salah satu dari {', '.join(SEBUTAN)}.")
    if errors:
        return errors
    return {
        "rating_hasil": "",
        "rating_perilaku": "",
        "predikat": "",
        "nilai_skp": nilai.quantize(Decimal("0.01")),
        "sebutan": sebutan,
    }


@transaction.atomic
def commit(rows: list[HistoryRow]) -> dict[str, int]:
    """Write all rows (update_or_create on employee + year) and move Employee.latest_predikat
    forward when an imported 2022+ year is newer than the stored one."""
    created = updated = 0
    newest: dict[int, HistoryRow] = {}
    for row in rows:
        assert row.employee is not None and row.year is not None  # nosec B101  # type narrowing only: import_history() commits no row that failed validate()
        _, was_created = RatingHistory.objects.update_or_create(
            employee=row.employee, year=row.year, defaults=row.values
        )
        created += was_created
        updated += not was_created
        if row.values["predikat"]:
            best = newest.get(row.employee.pk)
            if best is None or row.year > (best.year or 0):
                newest[row.employee.pk] = row
    profiles = 0
    for row in newest.values():
        employee = row.employee
        assert employee is not None  # nosec B101  # type narrowing only: every row in `newest` passed the assert above
        if employee.latest_predikat_year is None or row.year > employee.latest_predikat_year:
            employee.latest_predikat = row.values["predikat"]
            employee.latest_predikat_year = row.year
            employee.save(update_fields=["latest_predikat", "latest_predikat_year"])
            profiles += 1
    return {"created": created, "updated": updated, "profiles": profiles, "rows": len(rows)}


def import_history(upload: Any, user: User) -> tuple[ImportResult, dict[str, int] | None]:
    rows, file_error = read_rows(upload)
    result = ImportResult(rows=rows, file_error=file_error)
    if file_error:
        return result, None
    if not rows:
        result.file_error = "Berkas tidak memuat baris data."
        return result, None
    validate(rows, user)
    if result.errors:
        return result, None
    return result, commit(rows)
