"""History import: all rows checked, all-or-nothing, idempotent, profile predikat moved on."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance.history import HEADERS
from performance.models import RatingHistory

URL = reverse("performance:history_import")


def _xlsx(rows):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADERS)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("riwayat.xlsx", buffer.getvalue())


@pytest.fixture
def good_rows(world):
    nip = world.employee_emp.nip
    return [
        [nip, 2023, "Sesuai Ekspektasi", "Di Atas Ekspektasi", "", "", ""],
        [nip, 2024, "Di Atas Ekspektasi", "Di Atas Ekspektasi", "Sangat Baik", "", ""],
        [nip, 2018, "", "", "", 88.5, "Baik"],
        [nip, 2020, "", "", "", "92", "Sangat Baik"],
    ]


def test_good_file_commits_and_updates_profile(client_as, hr_dinkes, world, good_rows):
    response = client_as(hr_dinkes).post(URL, {"file": _xlsx(good_rows)})
    assert 'data-testid="import-summary"' in response.content.decode()
    rows = {r.year: r for r in RatingHistory.objects.filter(employee=world.employee_emp)}
    assert rows[2023].predikat == "baik"  # derived from the matrix
    assert rows[2018].regime == "pp46" and rows[2020].regime == "pp30"
    assert rows[2024].regime == "permenpan6" and str(rows[2018].nilai_skp) == "88.50"
    world.employee_emp.refresh_from_db()
    assert (world.employee_emp.latest_predikat, world.employee_emp.latest_predikat_year) == (
        "sangat_baik",
        2024,
    )


def test_reimport_is_idempotent(client_as, hr_dinkes, world, good_rows):
    client = client_as(hr_dinkes)
    client.post(URL, {"file": _xlsx(good_rows)})
    client.post(URL, {"file": _xlsx(good_rows)})
    assert RatingHistory.objects.count() == 4


def test_bad_rows_are_all_reported_and_nothing_written(client_as, hr_dinkes, world, good_rows):
    bad = [
        *good_rows,
        ["199901012020011999", 2023, "Sesuai Ekspektasi", "Sesuai Ekspektasi", "", "", ""],
        [world.colleague_emp.nip, 2023, "Luar biasa", "Sesuai Ekspektasi", "", "", ""],
        [
            world.colleague_emp.nip,
            2022,
            "Di Atas Ekspektasi",
            "Di Bawah Ekspektasi",
            "Baik",
            "",
            "",
        ],
        [world.colleague_emp.nip, 2019, "", "", "", 130, "Istimewa"],
        [world.outsider_emp.nip, 2023, "Sesuai Ekspektasi", "Sesuai Ekspektasi", "", "", ""],
        [world.colleague_emp.nip, 2010, "", "", "", 80, "Baik"],
    ]
    page = client_as(hr_dinkes).post(URL, {"file": _xlsx(bad)}).content.decode()
    assert "6 baris bermasalah" in page
    for message in (
        "tidak terdaftar",
        "Rating hasil kerja “Luar biasa”",
        "tidak sesuai kuadran kinerja (seharusnya Kurang/Misconduct)",
        "Nilai SKP “130” harus angka 0–120",
        "di luar lingkup kewenangan Anda",
        "Tahun harus antara 2014",
    ):
        assert message in page
    assert not RatingHistory.objects.exists()


def test_only_hr_may_import_and_template_downloads(client_as, pimpinan, hr_dinkes):
    assert client_as(pimpinan).get(URL).status_code == 403
    response = client_as(hr_dinkes).get(URL + "?templat=1")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADERS


def test_not_an_excel_file_is_a_clear_error(client_as, hr_dinkes):
    upload = SimpleUploadedFile("riwayat.xlsx", b"not excel")
    page = client_as(hr_dinkes).post(URL, {"file": upload}).content.decode()
    assert "tidak dapat dibaca sebagai Excel" in page
