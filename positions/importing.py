"""Excel import of employees and placements, and the Excel export of the register.

An import runs in two steps. Upload: the workbook is read, every row is parsed and checked
against the database in a fixed number of bulk queries, and the result (with every row's
problems) is stored as an `ImportBatch` for the preview page. Commit: the rows are checked again
(the data may have changed since the preview) and written all-or-nothing; employees are matched
by NIP, so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import openpyxl
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core import spreadsheets
from core.uploads import size_text

from . import services
from .access import can_write_path
from .forms import writable_units
from .models import (
    EducationLevel,
    Employee,
    Golongan,
    ImportBatch,
    OrgUnit,
    Placement,
    Position,
    scopes_for,
    today,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from asnportal.models import User

XLSX_CONTENT_TYPE = spreadsheets.XLSX_CONTENT_TYPE
# None: the portal-wide limits of core.spreadsheets (settings IMPORT_MAX_BYTES, IMPORT_MAX_ROWS;
# formatted but empty rows count towards twice the row cap).
MAX_FILE_BYTES: int | None = None
MAX_ROWS: int | None = None
MAX_SHEET_LINES: int | None = None
SHEET_NAME = "Pegawai"
MIN_AGE_AT_TMT = 18
MAX_TMT_AHEAD = dt.timedelta(days=366)
MAX_SK_AFTER_TMT = dt.timedelta(days=366)  # the placement service's own limit


# --- Columns ------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    help: str
    width: int = 16


COLUMNS = [
    Column(
        "nip", "NIP", True, "NIP (PNS/CPNS) atau NI PPPK, 18 digit angka. Ketik sebagai teks.", 22
    ),
    Column("name", "Nama (tanpa gelar)", True, "Nama lengkap tanpa gelar akademik.", 28),
    Column("gelar_depan", "Gelar depan", False, "Mis. dr., Ir., Drs.", 12),
    Column("gelar_belakang", "Gelar belakang", False, "Mis. S.Kep., M.Kes.", 14),
    Column("kind", "Status kepegawaian", True, "PNS, CPNS atau PPPK.", 12),
    Column(
        "gender",
        "Jenis kelamin",
        True,
        "L (laki-laki) atau P (perempuan); harus cocok dengan digit ke-15 NIP.",
        10,
    ),
    Column("birth_place", "Tempat lahir", False, "Kota/kabupaten tempat lahir.", 16),
    Column(
        "birth_date",
        "Tanggal lahir",
        True,
        "dd-mm-yyyy atau sel bertipe tanggal; harus cocok dengan 8 digit pertama NIP.",
        14,
    ),
    Column(
        "golongan",
        "Golongan",
        True,
        "PNS/CPNS: golongan ruang, mis. III/a (atau kode SIASN 31). "
        "PPPK: angka Romawi I–XVII, mis. IX.",
        10,
    ),
    Column(
        "tmt_golongan", "TMT golongan", False, "dd-mm-yyyy. Tidak boleh sebelum usia 18 tahun.", 14
    ),
    Column(
        "position_code",
        "Kode jabatan",
        False,
        "Kode jabatan di aplikasi (lihat lembar 'Kode jabatan & unit'). "
        "Unit kerja mengikuti unit jabatan definitif.",
        18,
    ),
    Column(
        "unit_code",
        "Kode unit",
        False,
        "Wajib bila tidak ada jabatan definitif: kode unit kerja pegawai.",
        12,
    ),
    Column(
        "placement_kind",
        "Jenis penempatan",
        False,
        "definitif, plt atau plh. Kosong = definitif.",
        12,
    ),
    Column(
        "tmt_jabatan",
        "TMT jabatan",
        False,
        "dd-mm-yyyy. Wajib bila Kode jabatan diisi; paling lambat 1 tahun ke depan.",
        14,
    ),
    Column(
        "sk_number", "Nomor SK", False, "Nomor SK penempatan. Wajib bila Kode jabatan diisi.", 22
    ),
    Column(
        "sk_date",
        "Tanggal SK",
        False,
        "dd-mm-yyyy. Wajib bila Kode jabatan diisi; tidak boleh di masa depan.",
        14,
    ),
    Column("email", "Email", False, "Alamat email dinas.", 26),
]
HEADERS = {c.key: c.header for c in COLUMNS}
DATE_KEYS = ("birth_date", "tmt_golongan", "tmt_jabatan", "sk_date")
# Blank optional cells keep what the register already has: a partial sheet never erases data.
OPTIONAL_EMPLOYEE_FIELDS = ("gelar_depan", "gelar_belakang", "birth_place", "tmt_golongan", "email")
REQUIRED_EMPLOYEE_FIELDS = ("name", "kind", "gender", "birth_date", "golongan")

EXAMPLE = {
    "nip": "198609262015051001",
    "name": "Budi Santoso",
    "gelar_depan": "",
    "gelar_belakang": "S.Kep.",
    "kind": "PNS",
    "gender": "L",
    "birth_place": "Metro",
    "birth_date": dt.date(1986, 9, 26),
    "golongan": "III/a",
    "tmt_golongan": dt.date(2019, 4, 1),
    "position_code": "",
    "unit_code": "",
    "placement_kind": "definitif",
    "tmt_jabatan": dt.date(2024, 1, 2),
    "sk_number": "800/123/BKD/2023",
    "sk_date": dt.date(2023, 12, 20),
    "email": "budi.santoso@example.go.id",
}


_normalise_header = spreadsheets.normalise_header
HEADER_KEYS = {_normalise_header(c.header): c.key for c in COLUMNS} | {
    "nip / ni pppk": "nip",
    "ni pppk": "nip",
    "nama": "name",
    "kode jabatan": "position_code",
    "kode unit kerja": "unit_code",
}


# --- Reading values -----------------------------------------------------------


def _golongan_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for value, label in Golongan.choices:
        short = Golongan.short(value)
        for key in (value, short, str(label).split(" – ")[0], str(label)):
            lookup[_golongan_key(key)] = value
        if value.startswith("P"):
            lookup[_golongan_key(f"PPPK {short}")] = value
    return lookup


def _golongan_key(value: str) -> str:
    return re.sub(r"\s+", "", value).upper()


GOLONGAN_LOOKUP = _golongan_lookup()
KIND_LOOKUP = {"PNS": Employee.Kind.PNS, "CPNS": Employee.Kind.CPNS, "PPPK": Employee.Kind.PPPK}
GENDER_LOOKUP = {
    "L": "L",
    "LAKI-LAKI": "L",
    "LAKI LAKI": "L",
    "PRIA": "L",
    "P": "P",
    "PEREMPUAN": "P",
    "WANITA": "P",
}
PLACEMENT_KIND_LOOKUP = {
    "DEFINITIF": Placement.Kind.DEFINITIF,
    "PLT": Placement.Kind.PLT,
    "PLH": Placement.Kind.PLH,
}


_text = spreadsheets.cell_text
parse_date = spreadsheets.parse_date


def parse_golongan(value: Any, *, pppk: bool = False) -> str:
    """'III/a', 'III/A', '31' or 31 for PNS; 'IX', 'PPPK IX', 'P09' (or 9 for a PPPK) for
    PPPK; '' when unknown. Plain numbers are SIASN ids for PNS but golongan for PPPK."""
    key = _golongan_key(_text(value))
    if pppk and key.isdecimal() and 1 <= int(key) <= 17:
        return f"P{int(key):02d}"
    return GOLONGAN_LOOKUP.get(key, "")


# --- Reading the workbook -----------------------------------------------------


def read_workbook(upload: UploadedFile) -> list[dict[str, Any]]:
    """Raw rows of the 'Pegawai' sheet as {"row": excel row number, "cells": {key: value}},
    read through the upload gate (size, ZIP, header first, row cap).

    Raises ValidationError (Indonesian) for any problem with the file as a whole."""
    limit = MAX_ROWS or spreadsheets.max_rows()
    gate = spreadsheets.open_xlsx(upload, sheet_name=SHEET_NAME, max_file_bytes=MAX_FILE_BYTES)
    with gate as sheet:
        if sheet.is_empty:
            raise ValidationError(
                f"Lembar '{sheet.title}' kosong: baris pertama harus berisi judul kolom templat."
            )
        positions = spreadsheets.header_positions(sheet.header, HEADER_KEYS)
        missing = [c.header for c in COLUMNS if c.required and c.key not in positions]
        if missing:
            raise ValidationError(
                "Judul kolom wajib tidak ditemukan di baris pertama: "
                + ", ".join(missing)
                + ". Gunakan templat impor."
            )
        rows = [
            {"row": number, "cells": {key: _cell(line, i) for key, i in positions.items()}}
            for number, line in sheet.rows(limit=limit, max_lines=MAX_SHEET_LINES)
        ]
    if not rows:
        raise ValidationError("Berkas tidak berisi data pegawai (hanya judul kolom).")
    return rows


def _limits_text() -> str:
    rows = spreadsheets.number(MAX_ROWS or spreadsheets.max_rows())
    size = size_text(MAX_FILE_BYTES or spreadsheets.max_bytes())
    return f"Paling besar {size} dan {rows} baris"


def _cell(line: tuple[Any, ...], index: int) -> Any:
    return line[index] if index < len(line) else None


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Berkas Excel (.xlsx)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"{_limits_text()}; gunakan templat impor."

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        self.cleaned_data["raw_rows"] = read_workbook(upload)
        return upload


# --- Parsing one row (no database) --------------------------------------------


def parse_row(number: int, cells: dict[str, Any]) -> dict[str, Any]:
    """Normalise one row; problems that need no database go to `parse_errors`."""
    errors: list[str] = []
    values: dict[str, Any] = {}

    raw_nip = cells.get("nip")
    if isinstance(raw_nip, float) and raw_nip >= 1e15:
        errors.append(
            "NIP tersimpan sebagai angka sehingga Excel membulatkan digit terakhirnya. "
            "Format kolom NIP sebagai Teks lalu ketik ulang."
        )
        values["nip"] = ""
    else:
        values["nip"] = _text(raw_nip).lstrip("'").replace(" ", "").replace(".", "")

    for key in ("name", "gelar_depan", "gelar_belakang", "birth_place", "email", "sk_number"):
        values[key] = _text(cells.get(key))
    for key in ("position_code", "unit_code"):
        values[key] = _text(cells.get(key))

    for key, lookup, hint in (
        ("kind", KIND_LOOKUP, "PNS, CPNS atau PPPK"),
        ("gender", GENDER_LOOKUP, "L atau P"),
    ):
        text = _text(cells.get(key))
        values[key] = lookup.get(text.upper(), "")
        if text and not values[key]:
            errors.append(f"{HEADERS[key]} '{text}' tidak dikenal (isi {hint}).")

    text = _text(cells.get("golongan"))
    pppk = values["kind"] == Employee.Kind.PPPK
    values["golongan"] = parse_golongan(cells.get("golongan"), pppk=pppk)
    if text and not values["golongan"]:
        errors.append(
            f"Golongan '{text}' tidak dikenal. PNS/CPNS: I/a–IV/e (mis. III/a); PPPK: I–XVII."
        )

    text = _text(cells.get("placement_kind"))
    values["placement_kind"] = PLACEMENT_KIND_LOOKUP.get(text.upper(), "") if text else "definitif"
    if not values["placement_kind"]:
        errors.append(f"Jenis penempatan '{text}' tidak dikenal (isi definitif, plt atau plh).")

    dates: dict[str, dt.date | None] = {}
    for key in DATE_KEYS:
        raw = cells.get(key)
        dates[key] = parse_date(raw) if _text(raw) else None
        if _text(raw) and dates[key] is None:
            errors.append(f"{HEADERS[key]} '{_text(raw)}' bukan tanggal yang valid (dd-mm-yyyy).")
        values[key] = dates[key].isoformat() if dates[key] else None

    for key in ("nip", *REQUIRED_EMPLOYEE_FIELDS):
        if not _text(cells.get(key)):
            errors.append(f"{HEADERS[key]} wajib diisi.")
    if values["position_code"]:
        for key in ("tmt_jabatan", "sk_number", "sk_date"):
            if not _text(cells.get(key)):
                errors.append(f"{HEADERS[key]} wajib diisi bila Kode jabatan diisi.")

    errors += _date_errors(dates)
    errors += _employee_errors(values, dates)
    if values["nip"] == EXAMPLE["nip"] and values["name"] == EXAMPLE["name"]:
        errors.append("Ini baris contoh dari templat: hapus sebelum mengunggah.")
    return {"row": number, "values": values, "parse_errors": errors}


def _date_errors(dates: dict[str, dt.date | None]) -> list[str]:
    errors: list[str] = []
    now = today()
    birth = dates["birth_date"]
    if birth:
        adult = _add_years(birth, MIN_AGE_AT_TMT)
        for key in ("tmt_golongan", "tmt_jabatan"):
            value = dates[key]
            if value and value < adult:
                errors.append(
                    f"{HEADERS[key]} {value:%d-%m-%Y} sebelum pegawai berusia {MIN_AGE_AT_TMT} "
                    f"tahun ({adult:%d-%m-%Y})."
                )
    for key in ("tmt_golongan", "tmt_jabatan"):
        value = dates[key]
        if value and value > now + MAX_TMT_AHEAD:
            errors.append(f"{HEADERS[key]} {value:%d-%m-%Y} lebih dari 1 tahun ke depan.")
    sk_date, tmt = dates["sk_date"], dates["tmt_jabatan"]
    if sk_date and sk_date > now:
        errors.append(f"Tanggal SK {sk_date:%d-%m-%Y} ada di masa depan.")
    if sk_date and sk_date.year < 1950:
        errors.append(f"Tanggal SK {sk_date:%d-%m-%Y} tidak masuk akal.")
    if sk_date and tmt and sk_date > tmt + MAX_SK_AFTER_TMT:
        errors.append("Tanggal SK lebih dari 1 tahun setelah TMT jabatan.")
    return errors


def _add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def _employee_errors(values: dict[str, Any], dates: dict[str, dt.date | None]) -> list[str]:
    """The model's own rules: field lengths and e-mail, then Employee.clean() (NIP checks)."""
    employee = Employee(
        nip=values["nip"],
        name=values["name"],
        gelar_depan=values["gelar_depan"],
        gelar_belakang=values["gelar_belakang"],
        birth_place=values["birth_place"],
        email=values["email"],
        kind=values["kind"],
        gender=values["gender"],
        birth_date=dates["birth_date"],
        golongan=values["golongan"],
    )
    errors: list[str] = []
    checked = ["name", "gelar_depan", "gelar_belakang", "birth_place", "email"]
    others = [f.name for f in Employee._meta.fields if f.name not in checked]
    try:
        employee.clean_fields(exclude=[*others, *(k for k in checked if not values[k])])
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors += [f"{HEADERS[key]}: {message}" for message in messages]
    if len(values["sk_number"]) > 100:
        errors.append("Nomor SK paling banyak 100 karakter.")
    try:
        employee.clean()
    except ValidationError as exc:
        for messages in exc.message_dict.values():
            errors += messages
    return errors


# --- Checking rows against the database ---------------------------------------


@dataclass
class _Lookups:
    positions: dict[str, Position]
    units: dict[str, OrgUnit]
    employees: dict[str, Employee]
    open_by_nip: dict[str, list[dict[str, Any]]]
    holders_by_position: dict[int, list[dict[str, Any]]]


def _fetch_lookups(rows: list[dict[str, Any]]) -> _Lookups:
    """Everything the checks need, in four queries whatever the number of rows."""
    nips = {r["values"]["nip"] for r in rows if r["values"]["nip"]}
    # Codes match whatever the case they were typed in (ours are upper case).
    position_codes = _codes(r["values"]["position_code"] for r in rows)
    unit_codes = _codes(r["values"]["unit_code"] for r in rows)
    positions = {
        p.code.upper(): p
        for p in Position.objects.filter(code__in=position_codes).select_related("unit")
    }
    units = {u.code.upper(): u for u in OrgUnit.objects.filter(code__in=unit_codes)}
    employees = {e.nip: e for e in Employee.objects.filter(nip__in=nips).select_related("unit")}
    placements = (
        Placement.objects.open()
        .filter(
            Q(employee__nip__in=nips)
            | Q(position__in=list(positions.values()), kind=Placement.Kind.DEFINITIF)
        )
        .values(
            "employee__nip",
            "employee__name",
            "employee__gelar_depan",
            "employee__gelar_belakang",
            "position_id",
            "position__unit_id",
            "kind",
            "start_date",
        )
    )
    open_by_nip: dict[str, list[dict[str, Any]]] = {}
    holders: dict[int, list[dict[str, Any]]] = {}
    for placement in placements:
        open_by_nip.setdefault(placement["employee__nip"], []).append(placement)
        if placement["kind"] == Placement.Kind.DEFINITIF:
            holders.setdefault(placement["position_id"], []).append(placement)
    return _Lookups(positions, units, employees, open_by_nip, holders)


def _codes(values: Iterable[str]) -> set[str]:
    return {code for value in values if value for code in (value, value.upper())}


def check_rows(rows: list[dict[str, Any]], *, user: User) -> list[dict[str, Any]]:
    """Add the database checks to parsed rows: `errors`, `warnings`, the planned `action`
    (create/update/unchanged), the planned `placement` (new/same/none) and display labels."""
    lookups = _fetch_lookups(rows)
    first_row_of_nip: dict[str, int] = {}
    structural_claims: dict[int, int] = {}
    definitive_claims: dict[int, int] = {}
    checked = []
    for row in rows:
        row = {**row, "errors": list(row["parse_errors"]), "warnings": []}
        _check_row(row, lookups, user, first_row_of_nip, structural_claims, definitive_claims)
        checked.append(row)
    return checked


def _holder_name(placement: dict[str, Any]) -> str:
    name = f"{placement['employee__gelar_depan']} {placement['employee__name']}".strip()
    if placement["employee__gelar_belakang"]:
        name = f"{name}, {placement['employee__gelar_belakang']}"
    return f"{name} (NIP {placement['employee__nip']})"


def _check_row(
    row: dict[str, Any],
    lookups: _Lookups,
    user: User,
    first_row_of_nip: dict[str, int],
    structural_claims: dict[int, int],
    definitive_claims: dict[int, int],
) -> None:
    values, errors, warnings = row["values"], row["errors"], row["warnings"]
    nip = values["nip"]
    row.update(
        action="",
        changes=[],
        placement="",
        placement_note="",
        placement_tmt="",
        position_id=None,
        position_label="",
        unit_label="",
    )

    if nip in first_row_of_nip:
        errors.append(f"NIP {nip} sudah muncul di baris {first_row_of_nip[nip]} (NIP ganda).")
    elif nip:
        first_row_of_nip[nip] = row["row"]

    existing = lookups.employees.get(nip) if nip else None
    if existing is not None and not (
        user.is_superuser or (existing.unit and can_write_path(user, existing.unit.path))
    ):
        errors.append(
            f"NIP {nip} sudah terdaftar pada unit di luar lingkup Anda; mutasi antar perangkat "
            "daerah dilakukan oleh BKD."
        )
        return

    position, position_error = _resolve_position(values["position_code"], lookups, user)
    unit, unit_error = _resolve_unit(values["unit_code"], lookups, user)
    errors += [e for e in (position_error, unit_error) if e]
    if position is not None:
        row["position_id"] = position.pk
        row["position_label"] = position.title

    definitive = values["placement_kind"] == Placement.Kind.DEFINITIF
    open_placements = lookups.open_by_nip.get(nip, []) if existing else []
    if position is not None and definitive:
        if unit is not None and unit.pk != position.unit_id:
            errors.append(
                f"Kode unit {values['unit_code']} tidak sama dengan unit jabatan "
                f"{position.title} ({position.unit.name}); kosongkan Kode unit."
            )
        unit = position.unit
    elif unit is not None and existing is not None:
        current = [p for p in open_placements if p["kind"] == Placement.Kind.DEFINITIF]
        if current and current[0]["position__unit_id"] != unit.pk:
            errors.append(
                "Pegawai menjabat definitif di unit lain; pindahkan unit kerja lewat Kode jabatan "
                "(penempatan), bukan Kode unit."
            )
    elif unit is None and existing is not None:
        unit = existing.unit
    if unit is None and not (position_error or unit_error):
        errors.append(
            "Kode unit wajib diisi bila tidak ada Kode jabatan definitif: unit kerja pegawai "
            "baru harus diketahui."
        )
    row["unit_id"] = unit.pk if unit else None
    row["unit_label"] = unit.name if unit else ""

    if position is not None:
        _check_placement(row, position, existing, open_placements, lookups)
        if definitive and row["placement"] == "new":
            if position.is_structural:
                if position.pk in structural_claims:
                    errors.append(
                        f"Jabatan struktural {position.title} juga diberikan kepada baris "
                        f"{structural_claims[position.pk]}: hanya satu pejabat definitif."
                    )
                else:
                    structural_claims[position.pk] = row["row"]
            elif not errors:  # a row that will not be written fills no seat
                definitive_claims[position.pk] = definitive_claims.get(position.pk, 0) + 1
                holders = [
                    h
                    for h in lookups.holders_by_position.get(position.pk, [])
                    if h["employee__nip"] != nip
                ]
                filled = len(holders) + definitive_claims[position.pk]
                if filled > position.kebutuhan:
                    warnings.append(
                        f"Jabatan {position.title} akan terisi {filled} dari kebutuhan "
                        f"{position.kebutuhan} (kelebihan pegawai)."
                    )

    if existing is None:
        row["action"] = "create"
    else:
        row["changes"] = _changed_fields(existing, values, row["unit_id"])
        row["action"] = "update" if row["changes"] else "unchanged"


def _resolve_position(code: str, lookups: _Lookups, user: User) -> tuple[Position | None, str]:
    if not code:
        return None, ""
    position = lookups.positions.get(code.upper())
    if position is None or not can_write_path(user, position.unit.path):
        return None, f"Kode jabatan {code} tidak dikenal atau di luar lingkup Anda."
    if not position.is_active:
        return None, f"Jabatan {position.title} ({code}) tidak aktif."
    return position, ""


def _resolve_unit(code: str, lookups: _Lookups, user: User) -> tuple[OrgUnit | None, str]:
    if not code:
        return None, ""
    unit = lookups.units.get(code.upper())
    if unit is None or not can_write_path(user, unit.path):
        return None, f"Kode unit {code} tidak dikenal atau di luar lingkup Anda."
    if unit.closed_at is not None:
        return None, f"Unit {unit.name} ({code}) sudah ditutup."
    return unit, ""


def _check_placement(
    row: dict[str, Any],
    position: Position,
    existing: Employee | None,
    open_placements: list[dict[str, Any]],
    lookups: _Lookups,
) -> None:
    values, errors = row["values"], row["errors"]
    kind = values["placement_kind"]
    start = dt.date.fromisoformat(values["tmt_jabatan"]) if values["tmt_jabatan"] else None
    same_kind = [p for p in open_placements if p["kind"] == kind]
    if start and any(
        p["position_id"] == position.pk and p["start_date"] == start for p in same_kind
    ):
        row["placement"] = "same"
        return
    row["placement"] = "new"
    kind_label = "definitif" if kind == Placement.Kind.DEFINITIF else kind.capitalize()
    row["placement_note"] = f"penempatan {kind_label}"
    row["placement_tmt"] = f"TMT {start:%d-%m-%Y}" if start else ""
    if existing is not None and existing.status != Employee.Status.AKTIF:
        errors.append(
            f"Pegawai berstatus {existing.get_status_display()}: hanya pegawai aktif yang "
            "dapat ditempatkan."
        )
    for placement in same_kind:
        since = f"{placement['start_date']:%d-%m-%Y}"
        if placement["position_id"] == position.pk:
            errors.append(
                f"Pegawai sudah menjabat {position.title} ({dict(Placement.Kind.choices)[kind]}) "
                f"sejak {since}; TMT berbeda tidak diubah lewat impor."
            )
        elif kind == Placement.Kind.DEFINITIF and start and placement["start_date"] >= start:
            errors.append(f"TMT jabatan harus setelah TMT jabatan definitif sebelumnya ({since}).")
    if kind == Placement.Kind.DEFINITIF and position.is_structural:
        for holder in lookups.holders_by_position.get(position.pk, []):
            if holder["employee__nip"] != values["nip"]:
                errors.append(
                    f"Jabatan struktural {position.title} sudah dijabat secara definitif oleh "
                    f"{_holder_name(holder)} sejak {holder['start_date']:%d-%m-%Y}. Akhiri "
                    "penempatan itu dahulu, atau isi Jenis penempatan plt/plh."
                )


def _employee_fields(values: dict[str, Any], unit_id: int | None) -> dict[str, Any]:
    """The Employee fields a row sets; blank optional cells are left out (kept as they are)."""
    fields: dict[str, Any] = {key: values[key] for key in REQUIRED_EMPLOYEE_FIELDS}
    fields["birth_date"] = dt.date.fromisoformat(values["birth_date"])
    for key in OPTIONAL_EMPLOYEE_FIELDS:
        if values[key]:
            fields[key] = values[key]
    if values["tmt_golongan"]:
        fields["tmt_golongan"] = dt.date.fromisoformat(values["tmt_golongan"])
    if unit_id is not None:
        fields["unit_id"] = unit_id
    return fields


def _changed_fields(employee: Employee, values: dict[str, Any], unit_id: int | None) -> list[str]:
    if not values["birth_date"]:
        return []
    labels = {**HEADERS, "unit_id": "Unit kerja"}
    return [
        labels[key]
        for key, value in _employee_fields(values, unit_id).items()
        if getattr(employee, key) != value
    ]


def summarise(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Counts for the preview; what would be written counts only rows without problems."""
    ok = [r for r in rows if not r["errors"]]
    return {
        "rows": len(rows),
        "errors": len(rows) - len(ok),
        "warnings": sum(1 for r in rows if r["warnings"]),
        "to_create": sum(1 for r in ok if r["action"] == "create"),
        "to_update": sum(1 for r in ok if r["action"] == "update"),
        "to_keep": sum(1 for r in ok if r["action"] == "unchanged"),
        "to_place": sum(1 for r in ok if r["placement"] == "new"),
    }


# --- Batches: preview and commit ----------------------------------------------


def scope_root(user: User) -> OrgUnit:
    """The outermost unit the user administers (the whole tree's root for a superuser)."""
    paths = scopes_for(user).write_paths
    unit = (
        OrgUnit.objects.filter(path=min(paths, key=len)).first()
        if paths
        else OrgUnit.objects.filter(depth=1).first()
    )
    if unit is None:
        raise PermissionDenied
    return unit


def create_batch(*, filename: str, raw_rows: list[dict[str, Any]], user: User) -> ImportBatch:
    """Parse and check uploaded rows and store them for the preview page."""
    parsed = [parse_row(r["row"], r["cells"]) for r in raw_rows]
    rows = check_rows(parsed, user=user)
    return ImportBatch.objects.create(
        created_by=user,
        filename=filename[:255],
        unit=scope_root(user),
        rows=rows,
        summary=summarise(rows),
    )


class ImportRefused(ValidationError):
    """The batch cannot be committed as it stands (already saved, or rows with problems)."""


@transaction.atomic
def commit_import(batch: ImportBatch, *, user: User) -> dict[str, int]:
    """Write every row of a batch, or nothing: employees by NIP (created or updated), then
    placements through `services.place_employee`. The rows are checked again first, since
    the register may have changed since the preview."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.created_by_id != user.pk:
        raise PermissionDenied
    if batch.status == ImportBatch.Status.COMMITTED:
        raise ImportRefused(
            "Impor ini sudah disimpan; batch yang sama tidak dapat disimpan dua kali."
        )
    if any(r["errors"] for r in batch.rows):
        raise ImportRefused(
            "Impor tidak dapat disimpan karena masih ada baris bermasalah. Perbaiki berkas lalu "
            "unggah ulang."
        )
    rows = check_rows(batch.rows, user=user)
    stale = [r for r in rows if r["errors"]]
    if stale:
        first = stale[0]
        raise ValidationError(
            f"Data kepegawaian berubah sejak pratinjau: {len(stale)} baris kini bermasalah "
            f"(mis. baris {first['row']}: {first['errors'][0]}). Unggah ulang berkas."
        )

    positions = Position.objects.in_bulk(
        {r["position_id"] for r in rows if r["placement"] == "new"}
    )
    unchanged = Employee.objects.in_bulk(
        [r["values"]["nip"] for r in rows if r["action"] == "unchanged"], field_name="nip"
    )
    counts = {"created": 0, "updated": 0, "unchanged": 0, "placed": 0}
    for row in rows:
        values = row["values"]
        if row["action"] == "unchanged":
            # Left as it is: no write, so no empty history record on a re-import.
            employee = unchanged[values["nip"]]
            counts["unchanged"] += 1
        else:
            employee, created = Employee.objects.update_or_create(
                nip=values["nip"], defaults=_employee_fields(values, row["unit_id"])
            )
            counts["created" if created else "updated"] += 1
        if row["placement"] == "new":
            try:
                services.place_employee(
                    employee,
                    position=positions[row["position_id"]],
                    kind=values["placement_kind"],
                    start_date=dt.date.fromisoformat(values["tmt_jabatan"]),
                    sk_number=values["sk_number"],
                    sk_date=dt.date.fromisoformat(values["sk_date"]),
                    confirm_over_kebutuhan=True,  # the preview warned; an import records facts
                    placed_by=user,
                )
            except ValidationError as exc:
                raise ValidationError(f"Baris {row['row']}: {' '.join(exc.messages)}") from exc
            counts["placed"] += 1

    batch.rows = rows
    batch.status = ImportBatch.Status.COMMITTED
    batch.committed_at = timezone.now()
    batch.summary = {**summarise(rows), **counts}
    batch.save(update_fields=["rows", "status", "committed_at", "summary"])
    return counts


def record_failure(batch: ImportBatch, error: Exception) -> None:
    """Mark a batch whose commit rolled back, keeping the reason for the preview page."""
    messages = (
        error.messages
        if isinstance(error, ValidationError)
        else ["Terjadi kesalahan pada basis data saat menyimpan. Coba simpan sekali lagi."]
    )
    batch.status = ImportBatch.Status.FAILED
    batch.summary = {**batch.summary, "error": " ".join(messages)}
    batch.save(update_fields=["status", "summary"])


# --- Workbooks ----------------------------------------------------------------

DATE_FORMAT = spreadsheets.DATE_FORMAT
_workbook_bytes = spreadsheets.workbook_bytes
_style_header = spreadsheets.style_header


def build_template(user: User) -> bytes:
    """The import template: 'Pegawai' (headers + one example row), 'Petunjuk' (every column
    and the codes), and the position and unit codes the user may import into."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAME
    sheet.append([c.header for c in COLUMNS])
    _style_header(sheet, [c.width for c in COLUMNS])
    units = writable_units(user).order_by("path")
    positions = list(
        Position.objects.active()
        .filter(unit__in=units)
        .select_related("unit")
        .order_by("unit__path", "-kelas", "code")
    )
    example = dict(EXAMPLE)
    fungsional = next((p for p in positions if not p.is_structural), None)
    if fungsional is not None:
        example["position_code"] = fungsional.code
    sheet.append([example[c.key] for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        example_cell = sheet[f"{letter}2"]
        example_cell.font = Font(italic=True, color="666666")
        if column.key in DATE_KEYS:
            example_cell.number_format = DATE_FORMAT
        if column.key == "nip":
            # Text, so Excel does not round an 18-digit NIP to 15 significant digits.
            for row in range(2, 1002):
                sheet[f"{letter}{row}"].number_format = "@"
    for key, options in (
        ("kind", "PNS,CPNS,PPPK"),
        ("gender", "L,P"),
        ("placement_kind", "definitif,plt,plh"),
    ):
        letter = get_column_letter([c.key for c in COLUMNS].index(key) + 1)
        validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
        validation.add(f"{letter}2:{letter}{(MAX_ROWS or spreadsheets.max_rows()) + 1}")
        sheet.add_data_validation(validation)

    _instructions_sheet(workbook.create_sheet("Petunjuk"))
    codes = workbook.create_sheet("Kode jabatan & unit")
    codes.append(["Kode jabatan", "Nama jabatan", "Jenis jabatan", "Kelas", "Unit", "Kode unit"])
    _style_header(codes, [18, 40, 16, 8, 40, 12])
    for p in positions:
        codes.append([p.code, p.title, p.get_jenis_display(), p.kelas, p.unit.name, p.unit.code])
    codes.append([])
    codes.append(["Kode unit", "Nama unit"])
    for cell in codes[codes.max_row]:
        cell.font = Font(bold=True)
    for u in units:
        codes.append([u.code, u.name])
    return _workbook_bytes(workbook)


def _instructions_sheet(sheet: Any) -> None:
    bold = Font(bold=True)
    sheet.append(["Petunjuk pengisian templat impor pegawai"])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in (
        "Isi satu baris per pegawai mulai baris 2 lembar 'Pegawai'; hapus baris contoh.",
        "Pegawai dicocokkan menurut NIP: NIP yang sudah ada diperbarui, tidak pernah digandakan.",
        "Sel kosong pada kolom opsional tidak menghapus data yang sudah tersimpan.",
        "Setelah diunggah, setiap baris diperiksa dan ditampilkan dalam pratinjau. Impor hanya "
        "dapat disimpan bila tidak ada baris bermasalah; penyimpanan berlaku semua-atau-tidak-sama-"
        "sekali.",
        "Penempatan definitif baru menutup jabatan definitif sebelumnya sehari sebelum TMT baru. "
        "Jabatan struktural hanya boleh memiliki satu pejabat definitif.",
        f"{_limits_text()} per berkas.",
    ):
        sheet.append([line])
    sheet.append([])
    sheet.append(["Kolom", "Wajib", "Keterangan"])
    header_row = sheet.max_row
    for c in COLUMNS:
        sheet.append([c.header, "Ya" if c.required else "Tidak", c.help])
    for cell in sheet[header_row]:
        cell.font = bold

    def table(title: str, rows: list[tuple[str, ...]], headers: tuple[str, ...]) -> None:
        sheet.append([])
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        sheet.append(list(headers))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in rows:
            sheet.append(list(row))

    pns = [(Golongan.short(v), v, Golongan.pangkat(v)) for v in Golongan.values if v[0] != "P"]
    pppk = [(Golongan.short(v), v, "") for v in Golongan.values if v[0] == "P"]
    table(
        "Golongan PNS/CPNS (isi golongan atau kode SIASN)",
        pns,
        ("Golongan", "Kode SIASN", "Pangkat"),
    )
    table("Golongan PPPK", pppk, ("Golongan", "Kode", ""))
    table(
        "Status kepegawaian",
        [("PNS", "Pegawai negeri sipil"), ("CPNS", "Calon PNS"), ("PPPK", "PPPK")],
        ("Isi", "Arti"),
    )
    table(
        "Jenis penempatan",
        [
            ("definitif", "Jabatan definitif; menentukan unit kerja pegawai"),
            ("plt", "Pelaksana Tugas; jabatan definitif tetap"),
            ("plh", "Pelaksana Harian; jabatan definitif tetap"),
        ],
        ("Isi", "Arti"),
    )
    table(
        "Jenis jabatan (rujukan, lihat lembar 'Kode jabatan & unit')",
        [(str(label), value) for value, label in Position.Jenis.choices],
        ("Jenis jabatan", "Kode"),
    )
    table(
        "Tingkat pendidikan (kode BKN; rujukan untuk riwayat pendidikan, tidak diimpor di sini)",
        [(str(label), value) for value, label in EducationLevel.choices],
        ("Tingkat", "Kode"),
    )
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 90


EXPORT_COLUMNS = [
    ("NIP", 22),
    ("Nama lengkap", 36),
    ("Jenis kelamin", 12),
    ("Tanggal lahir", 14),
    ("Status kepegawaian", 12),
    ("Golongan", 10),
    ("Jabatan", 36),
    ("Unit kerja", 36),
    ("Status", 14),
]


def build_register_export(employees: Iterable[Employee]) -> bytes:
    """The register as a sheet; `employees` comes from `for_list()` (unit + jabatan fetched)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_NAME)
    sheet.freeze_panes = "A2"
    for index, (_, width) in enumerate(EXPORT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append(spreadsheets.header_cells(sheet, [title for title, _ in EXPORT_COLUMNS]))
    for e in employees:
        birth = openpyxl.cell.WriteOnlyCell(sheet, value=e.birth_date)
        birth.number_format = DATE_FORMAT
        spreadsheets.append_row(
            sheet,
            [
                e.nip,
                e.full_name,
                e.get_gender_display(),
                birth,
                e.get_kind_display(),
                e.golongan_short,
                e.position_title,
                e.unit.name if e.unit else "",
                e.get_status_display(),
            ],
        )
    return spreadsheets.workbook_bytes(workbook)
