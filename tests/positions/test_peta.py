"""Peta jabatan: tree order, bezetting/selisih, totals, Excel, PDF, scope and query budgets."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from positions.models import Placement
from positions.peta import build_peta_jabatan, format_selisih
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit


def _titles(peta):
    return [(row.position.name, row.depth) for row in peta.rows]


def _grow(world, n):
    """n more positions under the Kepala Bidang, each with a holder."""
    for _ in range(n):
        position = PositionFactory(unit=world.yankes, parent=world.kabid, kebutuhan=2)
        PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=position)


# --- Domain ------------------------------------------------------------------------


def test_tree_order_follows_the_parent_chain_with_depth(world):
    seksi = make_unit("Seksi Rujukan", world.yankes)
    kasi = PositionFactory(
        unit=seksi, name="Kepala Seksi Rujukan", jenis="pengawas", kelas=9, parent=world.kabid
    )
    PositionFactory(unit=seksi, name="Pengadministrasi Rujukan", kelas=6, parent=kasi)
    # Parent outside the subtree and no parent at all: both are roots of the forest.
    PositionFactory(unit=world.yankes, name="Analis Titipan", parent=world.kadis_dishub)
    PositionFactory(unit=world.yankes, name="Jabatan Tanpa Atasan", kelas=5)
    PositionFactory(unit=world.yankes, name="Jabatan Nonaktif", parent=world.kabid, is_active=False)

    peta = build_peta_jabatan(world.dinkes)

    assert _titles(peta) == [
        ("Kepala Dinas Kesehatan", 0),
        ("Kepala Bidang Yankes", 1),
        ("Perawat", 2),  # kelas 9, same unit as the Kabid: before the seksi below
        ("Kepala Seksi Rujukan", 2),
        ("Pengadministrasi Rujukan", 3),
        ("Analis Titipan", 0),
        ("Jabatan Tanpa Atasan", 0),
    ]
    # A subtree whose top position's parent sits above it: that position becomes a root.
    assert _titles(build_peta_jabatan(seksi)) == [
        ("Kepala Seksi Rujukan", 0),
        ("Pengadministrasi Rujukan", 1),
    ]


def test_bezetting_counts_definitive_holders_only(world, today):
    # Perawat: kebutuhan 3, two definitive holders; a Plt is shown but not counted.
    acting = EmployeeFactory(name="Pelaksana Tugas", unit=world.yankes)
    PlacementFactory(employee=acting, position=world.perawat, kind=Placement.Kind.PLT)
    ended = EmployeeFactory(name="Sudah Pindah", unit=world.yankes)
    PlacementFactory(
        employee=ended,
        position=world.perawat,
        start_date=dt.date(2020, 1, 1),
        end_date=today - dt.timedelta(days=1),
    )
    future = EmployeeFactory(name="Belum TMT", unit=world.yankes)
    PlacementFactory(employee=future, position=world.perawat, start_date=today + dt.timedelta(5))

    row = next(r for r in build_peta_jabatan(world.dinkes).rows if r.position == world.perawat)

    assert (row.kebutuhan, row.bezetting, row.selisih, row.selisih_display) == (3, 2, -1, "−1")
    assert [h.employee.name for h in row.holders] == ["Perawat Dua", "Perawat Satu"]
    assert [h.employee.name for h in row.acting] == ["Pelaksana Tugas"]


def test_selisih_display():
    assert [format_selisih(n) for n in (2, 0, -3)] == ["+2", "0", "−3"]


def test_totals_for_the_unit_and_its_subtree(world):
    over = PositionFactory(unit=world.yankes, name="Pranata Komputer", parent=world.kabid)
    for _ in range(3):  # kebutuhan 1, three holders: lebih 2
        PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=over)

    peta = build_peta_jabatan(world.dinkes)

    unit = peta.unit_totals  # the Kepala Dinas only
    assert (unit.positions, unit.kebutuhan, unit.bezetting, unit.kurang, unit.lebih) == (
        1,
        1,
        1,
        0,
        0,
    )
    sub = peta.subtree_totals  # kadis 1/1, kabid 1/1, perawat 3/2, pranata 1/3
    assert (sub.positions, sub.kebutuhan, sub.bezetting, sub.kurang, sub.lebih) == (4, 6, 7, 1, 2)
    assert sub.selisih_display == "+1"


# --- Page, access, budgets ---------------------------------------------------------


def test_page_shows_tree_holders_badges_and_totals(client_as, hr_dinkes, world):
    acting = EmployeeFactory(name="Pelaksana Tugas", unit=world.yankes)
    PlacementFactory(employee=acting, position=world.perawat, kind=Placement.Kind.PLT)

    url = reverse("positions:peta_jabatan", args=[world.dinkes.pk])
    response = client_as(hr_dinkes).get(url, {"tampilan": "tabel"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Unduh Excel" in body and "Cetak PDF" in body
    assert reverse("positions:peta_jabatan_xlsx", args=[world.dinkes.pk]) in body
    assert 'data-depth="2"' in body  # the Perawat row, two levels below the Kepala Dinas
    assert "Pelaksana Tugas</a> <span" in body and ">Plt</span>" in body
    assert ">−1</span>" in body
    assert response.context["peta"].subtree_totals.bezetting == 4


URLS = ["positions:peta_jabatan", "positions:peta_jabatan_xlsx", "positions:peta_jabatan_pdf"]


@pytest.mark.parametrize("name", URLS)
def test_hr_in_scope_and_pimpinan_can_view(client_as, hr_dinkes, pimpinan, world, name):
    url = reverse(name, args=[world.dinkes.pk])
    assert client_as(hr_dinkes).get(url).status_code == 200
    assert client_as(pimpinan).get(url).status_code == 200  # read-only role: a report is fine


@pytest.mark.parametrize("name", URLS)
def test_hr_of_another_dinas_gets_404(client_as, hr_dishub, world, name):
    assert client_as(hr_dishub).get(reverse(name, args=[world.dinkes.pk])).status_code == 404


@pytest.mark.parametrize("name", URLS)
def test_pegawai_gets_403(client_as, employee, world, name):
    assert client_as(employee).get(reverse(name, args=[world.yankes.pk])).status_code == 403


def test_manager_sees_the_unit_they_head_only(client_as, manager, world):
    client = client_as(manager)
    assert client.get(reverse("positions:peta_jabatan", args=[world.yankes.pk])).status_code == 200
    assert client.get(reverse("positions:peta_jabatan", args=[world.dinkes.pk])).status_code == 404


def test_post_is_not_allowed(client_as, hr_admin, world):
    url = reverse("positions:peta_jabatan", args=[world.dinkes.pk])
    assert client_as(hr_admin).post(url).status_code == 405


# session, user, HR scopes, headed posts, unit, then:
BUDGETS = {
    # the page's nav (own employee), the unit's print jobs, positions (with bezetting), units
    ("positions:peta_jabatan", ""): 9,
    # the page's nav, print jobs, positions (with bezetting), placements of the page
    ("positions:peta_jabatan", "tabel"): 9,
    # positions (with bezetting), placements in force (with employees)
    ("positions:peta_jabatan_xlsx", ""): 7,
    # positions (with bezetting), units, the approval block's instansi and kepegawaian
    # agency (none in this world; with one: + its head post and the holder)
    ("positions:peta_jabatan_pdf", ""): 9,
}


@pytest.mark.parametrize(("name", "view"), list(BUDGETS))
def test_query_budget_is_flat(client_as, hr_admin, world, django_assert_num_queries, name, view):
    client = client_as(hr_admin)
    url = reverse(name, args=[world.dinkes.pk])
    params = {"tampilan": view} if view else {}
    budget = BUDGETS[(name, view)]
    _grow(world, 2)
    with django_assert_num_queries(budget):
        assert client.get(url, params).status_code == 200
    _grow(world, 25)
    with django_assert_num_queries(budget):
        assert client.get(url, params).status_code == 200


# --- Excel -------------------------------------------------------------------------


def test_excel_export_contains_title_header_rows_and_totals(client_as, hr_dinkes, world):
    acting = EmployeeFactory(name="Pelaksana Tugas", unit=world.yankes)
    PlacementFactory(employee=acting, position=world.perawat, kind=Placement.Kind.PLT)

    response = client_as(hr_dinkes).get(
        reverse("positions:peta_jabatan_xlsx", args=[world.dinkes.pk])
    )

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment;" in response["Content-Disposition"]
    assert "peta-jabatan-dinas-kesehatan-" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "PETA JABATAN"
    assert sheet["A2"].value == "DINAS KESEHATAN"
    assert sheet.freeze_panes == "A6"
    assert [c.value for c in sheet[5]][:3] == ["No", "Nama jabatan", "Unit"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    assert [r[1] for r in rows[:3]] == [
        "Kepala Dinas Kesehatan",
        "Kepala Bidang Yankes",
        "Perawat Ahli Muda",
    ]
    perawat = rows[2]
    assert perawat[4:8] == [9, 3, 2, -1]
    assert perawat[8] == "Perawat Dua; Perawat Satu; Pelaksana Tugas (Plt)"
    assert sheet["B8"].alignment.indent == 4  # depth 2
    assert sheet["H8"].number_format == '+0;"−"0;0'
    assert rows[3][1] == "Jumlah Dinas Kesehatan"
    assert rows[4][1].startswith("Jumlah Dinas Kesehatan beserta")
    assert rows[4][5:8] == [5, 4, -1]


# --- PDF (the organigram: tests/positions/test_peta_chart.py) -----------------------
