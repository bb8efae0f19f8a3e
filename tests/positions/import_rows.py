"""Rows and workbooks of the employee import as HR fills them (positions/importing), shared by
the tests of the import and of what an import must refresh."""

import datetime as dt
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from positions import importing
from tests.factories import make_nip


def xlsx(rows, *, headers=None, name="pegawai.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Pegawai"
    sheet.append(headers or [c.header for c in importing.COLUMNS])
    for row in rows:
        sheet.append([row.get(c.key, "") for c in importing.COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=importing.XLSX_CONTENT_TYPE)


def person(n, **overrides):
    """A valid row for a new PNS (no placement: unit by code unless overridden)."""
    birth = dt.date(1990, 1, 1) + dt.timedelta(days=n)
    gender, pppk = overrides.get("gender", "L"), overrides.get("kind") == "PPPK"
    row = {
        "nip": make_nip(birth, gender=gender, pppk=pppk, seq=n),
        "name": f"Pegawai Impor {n}",
        "gelar_belakang": "S.Kep.",
        "kind": "PNS",
        "gender": "L",
        "birth_place": "Metro",
        "birth_date": birth,  # an Excel date cell
        "golongan": "III/a",
        "tmt_golongan": "01-04-2020",
        "email": f"impor{n}@example.go.id",
    }
    row.update(overrides)
    return row


def placed(n, position, **overrides):
    fields = {
        "position_code": position.code,
        "tmt_jabatan": "02-01-2024",
        "sk_number": f"800/{n}/2023",
        "sk_date": "20-12-2023",
    }
    return person(n, **{**fields, **overrides})
