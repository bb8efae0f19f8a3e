"""Excel export of the employee register: same filters and scope as the list page."""

import datetime as dt
import io

import openpyxl
from django.urls import reverse

from positions import importing
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory

URL = reverse("positions:employee_export")


def sheet_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return list(workbook["Pegawai"].iter_rows(values_only=True))


def exported_nips(response):
    return {row[0] for row in sheet_rows(response)[1:]}


def test_hr_exports_the_register_as_xlsx(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == importing.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="daftar-pegawai-')
    header, *rows = sheet_rows(response)
    assert header == (
        "NIP",
        "Nama lengkap",
        "Jenis kelamin",
        "Tanggal lahir",
        "Status kepegawaian",
        "Golongan",
        "Jabatan",
        "Unit kerja",
        "Status",
    )
    perawat = next(row for row in rows if row[0] == world.employee_emp.nip)
    assert perawat[1:3] == ("Perawat Satu", "Laki-laki")
    assert perawat[3].date() == dt.date(1985, 6, 15)
    assert perawat[4:] == ("PNS", "III/a", "Perawat Ahli Muda", world.yankes.name, "Aktif")


def test_export_is_scoped_to_the_users_dinas(client_as, hr_dinkes, world):
    nips = exported_nips(client_as(hr_dinkes).get(URL))
    assert world.employee_emp.nip in nips and world.kadis_emp.nip in nips
    assert world.outsider_emp.nip not in nips


def test_hr_of_another_dinas_exports_only_their_own(client_as, hr_dishub, world):
    assert exported_nips(client_as(hr_dishub).get(URL)) == {world.outsider_emp.nip}


def test_export_honours_the_filters(client_as, hr_admin, world):
    pppk = EmployeeFactory(unit=world.yankes, kind="pppk", golongan="P09", gender="P")
    client = client_as(hr_admin)
    assert exported_nips(client.get(URL, {"kind": "pppk"})) == {pppk.nip}
    assert exported_nips(client.get(URL, {"jenis": "jpt_pratama"})) == {world.kadis_emp.nip}
    assert exported_nips(client.get(URL, {"unit": world.dishub.pk})) == {world.outsider_emp.nip}
    by_name = exported_nips(client.get(URL, {"q": "Perawat"}))
    assert by_name == {world.employee_emp.nip, world.colleague_emp.nip}


def test_pimpinan_can_export(client_as, pimpinan, world):
    response = client_as(pimpinan).get(URL)
    assert response.status_code == 200
    assert world.outsider_emp.nip in exported_nips(response)


def test_pegawai_gets_403(client_as, employee, world):
    assert client_as(employee).get(URL).status_code == 403


def test_export_query_budget_is_flat(client_as, hr_admin, world, django_assert_num_queries):
    client = client_as(hr_admin)

    def grow(n):
        for _ in range(n):
            position = PositionFactory(unit=world.yankes, parent=world.kabid)
            PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=position)

    grow(3)
    # session, user, HR scopes, headed posts, employees (+unit, +jabatan subqueries)
    with django_assert_num_queries(5):
        assert client.get(URL).status_code == 200
    grow(30)
    with django_assert_num_queries(5):
        response = client.get(URL)
    assert len(sheet_rows(response)) == 1 + 5 + 33
