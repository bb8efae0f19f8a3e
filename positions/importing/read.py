"""Reading an employee workbook: the template's columns, their header aliases and the lookups
for coded values, and the upload form that reads the 'Pegawai' sheet through the upload gate
of `core.spreadsheets` into raw rows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError

from core import spreadsheets
from core.uploads import size_text

from ..models import Employee, Golongan, Placement

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile


XLSX_CONTENT_TYPE = spreadsheets.XLSX_CONTENT_TYPE
# None: the portal-wide limits of core.spreadsheets (settings IMPORT_MAX_BYTES, IMPORT_MAX_ROWS;
# formatted but empty rows count towards twice the row cap).
MAX_FILE_BYTES: int | None = None
MAX_ROWS: int | None = None
MAX_SHEET_LINES: int | None = None
SHEET_NAME = "Pegawai"

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
