"""Competency assessments: the form on an employee and the Excel import."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from positions.models import Competency, EmployeeCompetency


@pytest.fixture
def m1(db) -> Competency:
    return Competency.objects.get(code="M.1")  # the kamus is seeded by a migration


@pytest.fixture
def tkes(db) -> Competency:
    return Competency.objects.get(code="T.KES.1")


def _post(client, emp, comp, *, on: dt.date, level: int = 3):
    return client.post(
        reverse("training:assessment_create", args=[emp.pk]),
        {
            "competency": comp.pk,
            "level": level,
            "assessed_on": on.isoformat(),
            "source": "Assessment center BKD",
        },
    )


def test_form_records_assessment(client_as, hr_dinkes, world, m1, today):
    response = _post(client_as(hr_dinkes), world.employee_emp, m1, on=today)
    assert response.status_code == 302
    row = EmployeeCompetency.objects.get(employee=world.employee_emp)
    assert (row.competency, row.level, row.assessed_on, row.source) == (
        m1,
        3,
        today,
        "Assessment center BKD",
    )
    page = client_as(hr_dinkes).get(response["Location"]).content.decode()
    assert m1.name in page  # the employee's assessments are listed


def test_form_refuses_future_date_and_duplicate(client_as, hr_dinkes, world, m1, today):
    client = client_as(hr_dinkes)
    response = _post(client, world.employee_emp, m1, on=today + dt.timedelta(days=1))
    assert response.status_code == 200
    assert "tidak boleh di masa depan" in response.content.decode()
    assert not EmployeeCompetency.objects.exists()

    _post(client, world.employee_emp, m1, on=today)
    response = _post(client, world.employee_emp, m1, on=today, level=4)
    assert response.status_code == 200
    assert "sudah tercatat" in response.content.decode()
    assert EmployeeCompetency.objects.get().level == 3


def test_form_level_outside_1_5_refused(client_as, hr_dinkes, world, m1, today):
    response = _post(client_as(hr_dinkes), world.employee_emp, m1, on=today, level=6)
    assert response.status_code == 200
    assert not EmployeeCompetency.objects.exists()


def test_form_access(client_as, world, pimpinan, hr_dishub, employee):
    url = reverse("training:assessment_create", args=[world.employee_emp.pk])
    assert client_as(pimpinan).get(url).status_code == 403  # sees the employee, cannot write
    assert client_as(hr_dishub).get(url).status_code == 404  # another dinas
    assert client_as(employee).get(url).status_code == 403  # own record, read only


# --- Import ----------------------------------------------------------------------------------


def _xlsx(rows: list[list[object]]) -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["NIP", "Kode kompetensi", "Level", "Tanggal penilaian", "Sumber"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("penilaian.xlsx", buffer.getvalue())


def _import(client, rows):
    return client.post(reverse("training:assessment_import"), {"file": _xlsx(rows)})


def test_import_good_file_writes_and_reimport_is_idempotent(client_as, hr_dinkes, world, m1, tkes):
    rows = [
        [world.employee_emp.nip, "M.1", 3, "10-02-2025", "Assessment center"],
        [world.employee_emp.nip, "t.kes.1", 2, dt.date(2025, 2, 10), None],
        [world.colleague_emp.nip, "M.1", 4.0, "2025-02-11", "Uji kompetensi"],
    ]
    client = client_as(hr_dinkes)
    response = _import(client, rows)
    assert response.status_code == 200
    assert "3 baris disimpan" in response.content.decode()
    assert EmployeeCompetency.objects.count() == 3
    assert EmployeeCompetency.objects.get(competency=tkes).source == "Assessment center"

    rows[0][2] = 4  # a corrected level for the same employee, competency and date
    response = _import(client, rows)
    assert "1 penilaian baru" not in response.content.decode()
    assert "0 penilaian baru, 3 diperbarui" in response.content.decode()
    assert EmployeeCompetency.objects.count() == 3
    assert EmployeeCompetency.objects.get(employee=world.employee_emp, competency=m1).level == 4


def test_import_bad_rows_listed_and_nothing_written(client_as, hr_dinkes, world, m1, today):
    future = (today + dt.timedelta(days=3)).strftime("%d-%m-%Y")
    rows = [
        [world.employee_emp.nip, "M.1", 3, "10-02-2025", ""],  # fine on its own
        ["199001012015011999", "M.1", 3, "10-02-2025", ""],  # unknown NIP
        [world.outsider_emp.nip, "M.1", 3, "10-02-2025", ""],  # other dinas
        [world.employee_emp.nip, "X.9", 3, "10-02-2025", ""],  # unknown code
        [world.colleague_emp.nip, "M.1", 7, "10-02-2025", ""],  # level out of range
        [world.colleague_emp.nip, "M.1", 2.5, "10-02-2025", ""],  # not an integer
        [world.colleague_emp.nip, "M.1", 3, future, ""],  # future
        [world.colleague_emp.nip, "M.1", 3, "31-31-2025", ""],  # unparseable
        [world.employee_emp.nip, "M.1", 2, "10-02-2025", ""],  # duplicate of row 2
    ]
    response = _import(client_as(hr_dinkes), rows)
    body = response.content.decode()
    assert response.status_code == 200
    assert "8 dari 9 baris bermasalah" in body
    for text in [
        "NIP 199001012015011999 tidak terdaftar",
        "di luar lingkup kewenangan Anda",
        "Kode kompetensi “X.9” tidak dikenal",
        "Level “7” harus bilangan bulat 1–5",
        "Level “2.5” harus bilangan bulat 1–5",
        "tidak boleh di masa depan",
        "“31-31-2025” tidak dapat dibaca",
        "Duplikat baris 2",
    ]:
        assert text in body, text
    assert not EmployeeCompetency.objects.exists()


def test_import_unreadable_file_and_missing_column(client_as, hr_dinkes, world, m1):
    client = client_as(hr_dinkes)
    url = reverse("training:assessment_import")
    response = client.post(url, {"file": SimpleUploadedFile("x.xlsx", b"not excel")})
    assert "tidak dapat dibaca sebagai Excel" in response.content.decode()
    workbook = openpyxl.Workbook()
    workbook.active.append(["NIP", "Level"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client.post(url, {"file": SimpleUploadedFile("y.xlsx", buffer.getvalue())})
    assert "Kolom “Kode kompetensi” tidak ditemukan" in response.content.decode()


def test_import_template_and_access(client_as, hr_dinkes, pimpinan, employee, m1):
    response = client_as(hr_dinkes).get(reverse("training:assessment_import"), {"templat": 1})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook["Penilaian"][1]] == [
        "NIP",
        "Kode kompetensi",
        "Level",
        "Tanggal penilaian",
        "Sumber",
    ]
    assert workbook["Kode kompetensi"]["A2"].value == "M.1"
    assert client_as(pimpinan).get(reverse("training:assessment_import")).status_code == 403
    assert client_as(employee).get(reverse("training:assessment_import")).status_code == 403
