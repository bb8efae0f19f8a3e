"""DUK and daftar nominatif (docs/domain.md §3.8): the order of PP 15/1979, key by key, as HR
reads it on the page, in the Excel file and in the PDF."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import openpyxl
import pytest

from positions.models import Education, LeadershipTraining, OrgUnit
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

_seq = itertools.count(1)


def _pns(unit: OrgUnit, name: str, *, golongan: str = "33", **kwargs):
    birth = kwargs.pop("birth_date", dt.date(1980, 5, 1))
    tmt_cpns = kwargs.pop("tmt_cpns", dt.date(2005, 3, 1))
    nip = f"{birth:%Y%m%d}{tmt_cpns:%Y%m}1{next(_seq):03d}"
    return EmployeeFactory(
        name=name,
        unit=unit,
        golongan=golongan,
        birth_date=birth,
        nip=nip,
        tmt_golongan=kwargs.pop("tmt_golongan", dt.date(2020, 4, 1)),
        **kwargs,
    )


def _place(employee, unit, jenis="pelaksana", kelas=7, since=dt.date(2022, 1, 1), jenjang=""):
    post = PositionFactory(unit=unit, jenis=jenis, kelas=kelas, jenjang=jenjang)
    PlacementFactory(employee=employee, position=post, start_date=since)
    return employee


@pytest.fixture
def bidang(world):
    return make_unit("Bidang Uji DUK", world.dishub)


def _names(client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    return re.findall(r'<a href="/pegawai/\d+/">([^<]+)</a>', html)


def test_duk_follows_the_six_keys_of_pp_15_1979(client_as, hr_admin, bidang):
    # 1. pangkat: IV/a before III/d; the same golongan, the earlier TMT first
    _place(_pns(bidang, "A Golongan IVa", golongan="41"), bidang)
    _place(_pns(bidang, "B IIId TMT 2019", tmt_golongan=dt.date(2019, 4, 1), golongan="34"), bidang)
    _place(_pns(bidang, "C IIId TMT 2021", tmt_golongan=dt.date(2021, 4, 1), golongan="34"), bidang)
    # 2. jabatan (same pangkat and TMT): administrator before pengawas before pelaksana, then
    #    the earlier TMT jabatan
    _place(_pns(bidang, "D Administrator"), bidang, "administrator", 11)
    _place(_pns(bidang, "E Pengawas"), bidang, "pengawas", 9)
    _place(_pns(bidang, "F Pelaksana sejak 2018"), bidang, since=dt.date(2018, 1, 1))
    # 3. masa kerja: the earlier TMT CPNS (NIP digits 9–14)
    _place(_pns(bidang, "G CPNS 2003", tmt_cpns=dt.date(2003, 1, 1)), bidang)
    # 4. latihan jabatan: PKA before PKP
    h = _place(_pns(bidang, "H dengan PKA"), bidang)
    LeadershipTraining.objects.create(employee=h, kind="pka", year=2019)
    i = _place(_pns(bidang, "I dengan PKP"), bidang)
    LeadershipTraining.objects.create(employee=i, kind="pkp", year=2015)
    # 5. pendidikan: S-2 before S-1
    j = _place(_pns(bidang, "J S-2"), bidang)
    Education.objects.create(employee=j, level="45", graduation_year=2010)
    k = _place(_pns(bidang, "K S-1"), bidang)
    Education.objects.create(employee=k, level="40", graduation_year=2004)
    # 6. usia: the older first
    _place(_pns(bidang, "L lahir 1975", birth_date=dt.date(1975, 5, 1)), bidang)
    _place(_pns(bidang, "M lahir 1985", birth_date=dt.date(1985, 5, 1)), bidang)
    # Not in the DUK: a PPPK and a CPNS
    _place(EmployeeFactory(name="N PPPK", unit=bidang, kind="pppk", golongan="P09"), bidang)
    _place(EmployeeFactory(name="O CPNS", unit=bidang, kind="cpns", golongan="31"), bidang)

    client = client_as(hr_admin)
    names = _names(client, f"/laporan/duk/?unit={bidang.pk}")
    expected = [
        "A Golongan IVa",
        "B IIId TMT 2019",
        "C IIId TMT 2021",
        "D Administrator",
        "E Pengawas",
        "F Pelaksana sejak 2018",
        "G CPNS 2003",
        "H dengan PKA",
        "I dengan PKP",
        "J S-2",
        "K S-1",
        "L lahir 1975",
        "M lahir 1985",
    ]
    assert names == expected

    nominatif = _names(client, f"/laporan/nominatif/?unit={bidang.pk}")
    assert {"N PPPK", "O CPNS"} <= set(nominatif) and len(nominatif) == 15

    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/laporan/duk.xlsx?unit={bidang.pk}").content)
    )
    sheet = workbook.active
    assert [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)] == expected

    response = client.get(f"/laporan/duk.pdf?unit={bidang.pk}")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "DAFTAR URUT KEPANGKATAN" in text
    positions = [text.index(name) for name in expected]
    assert positions == sorted(positions)
    assert "N PPPK" not in text


def test_a_unit_outside_the_scope_is_404(client_as, hr_dishub, world):
    client = client_as(hr_dishub)
    assert client.get(f"/laporan/duk/?unit={world.dinkes.pk}").status_code == 404
    assert client.get(f"/laporan/nominatif.xlsx?unit={world.dinkes.pk}").status_code == 404
    assert client.get(f"/laporan/duk/?unit={world.dishub.pk}").status_code == 200


def test_a_pegawai_has_no_duk(client_as, employee):
    assert client_as(employee).get("/laporan/duk/").status_code == 403


def test_the_page_query_count_does_not_grow(
    client_as, hr_admin, bidang, django_assert_max_num_queries
):
    client = client_as(hr_admin)
    for n in range(3):
        _place(_pns(bidang, f"Awal {n}"), bidang)
    url = f"/laporan/duk/?unit={bidang.pk}"
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(30):
        _place(_pns(bidang, f"Lagi {n}"), bidang)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_big_unit_pdf_sends_hr_to_excel(client_as, hr_admin, bidang, monkeypatch):
    from positions import duk

    monkeypatch.setattr(duk, "PDF_ROW_LIMIT", 2)
    for n in range(3):
        _place(_pns(bidang, f"Pegawai {n}"), bidang)
    response = client_as(hr_admin).get(f"/laporan/duk.pdf?unit={bidang.pk}", follow=True)
    html = response.content.decode()
    assert "PDF dibatasi 2 baris" in html and "unduh Excel" in html
