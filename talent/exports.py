"""Excel export of the talent grid (through core.spreadsheets: inert cells, styled header)."""

from __future__ import annotations

import openpyxl
from django.db.models import QuerySet

from core import spreadsheets
from positions.models import OrgUnit

from .models import TalentResult, TalentRun

COLUMNS = [
    ("Kotak", 8),
    ("Nama", 32),
    ("NIP", 22),
    ("Jabatan", 36),
    ("Kinerja", 20),
    ("Potensial", 12),
    ("Skor potensial", 10),
    ("Kompetensi", 10),
    ("Kualifikasi", 10),
    ("Rekam jejak", 10),
    ("Penjelasan", 90),
]


def grid_workbook(run: TalentRun, unit: OrgUnit, results: QuerySet[TalentResult]) -> bytes:
    """One write-only sheet of every person (streamed: a province is 120,000 rows) and a
    sheet with the rule and weights of the calculation."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Pemetaan talenta")
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = width
    sheet.append(spreadsheets.header_cells(sheet, [title for title, _ in COLUMNS]))
    rows = (
        results.order_by("kotak", "-potential_score", "employee__name")
        .values_list(
            "kotak",
            "employee__name",
            "employee__nip",
            "position__name",
            "kinerja",
            "potensial",
            "potential_score",
            "score_kompetensi",
            "score_kualifikasi",
            "score_rekam_jejak",
            "explanation",
        )
        .iterator(chunk_size=5000)
    )
    kinerja_label = dict(TalentResult._meta.get_field("kinerja").choices or [])
    potensial_label = dict(TalentResult._meta.get_field("potensial").choices or [])
    for row in rows:
        values = list(row)
        values[0] = values[0] or "belum dipetakan"
        values[4] = kinerja_label.get(values[4], "")
        values[5] = potensial_label.get(values[5], "")
        spreadsheets.append_row(sheet, values)
    rule = workbook.create_sheet("Aturan dan bobot")
    for label, value in [
        ("Unit", str(unit)),
        ("Perhitungan", str(run)),
        ("Tahun predikat", f"{run.year - 1} dan {run.year}"),
        ("'Sangat Baik' untuk di atas ekspektasi", run.above_min_sangat_baik),
        ("Tahun di bawah 'Baik' untuk di bawah ekspektasi", run.below_min_years),
        ("Satu tahun berpredikat cukup", "ya" if run.single_year_counts else "tidak"),
        ("Bobot kompetensi (%)", run.weight_kompetensi),
        ("Bobot kualifikasi (%)", run.weight_kualifikasi),
        ("Bobot rekam jejak (%)", run.weight_rekam_jejak),
        ("Batas potensial tinggi", run.threshold_tinggi),
        ("Batas potensial menengah", run.threshold_menengah),
    ]:
        spreadsheets.append_row(rule, [label, value])
    return spreadsheets.workbook_bytes(workbook)
