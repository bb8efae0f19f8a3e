"""Workbooks the import writes: the import template and the register export."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core import spreadsheets

from ..forms import writable_units
from ..models import EducationLevel, Employee, Golongan, Position
from . import read
from .read import COLUMNS, DATE_KEYS, EXAMPLE, SHEET_NAME, _limits_text

if TYPE_CHECKING:
    from asnportal.models import User


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
        validation.add(f"{letter}2:{letter}{(read.MAX_ROWS or spreadsheets.max_rows()) + 1}")
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

    def table(title: str, rows: Sequence[tuple[str, ...]], headers: tuple[str, ...]) -> None:
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
