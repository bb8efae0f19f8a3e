"""BUP per jabatan (docs/domain.md §4.5), PPPK contract end and NI PPPK (§4.2), through the
BUP table pages and the employee profile as HR sees them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from positions import bup
from positions.models import Employee, FunctionalBup, Placement, Position, retirement_date
from positions.nip import parse_nip
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 12, 7)


# --- Held-out cases of PP 11/2017 Ps. 239–240 and UU 14/2005 ------------------------------


@pytest.mark.parametrize(
    ("jenis", "name", "jenjang", "age"),
    [
        ("jpt_pratama", "Kepala Dinas Pendidikan", "", 60),
        ("jpt_madya", "Sekretaris Daerah", "", 60),
        ("administrator", "Kepala Bidang SMA", "", 58),
        ("pengawas", "Kepala Seksi Kurikulum", "", 58),
        ("pelaksana", "Pengadministrasi Umum", "", 58),
        ("fungsional", "Analis Kebijakan", "ahli_pertama", 58),
        ("fungsional", "Analis Kebijakan", "ahli_muda", 58),
        ("fungsional", "Analis Kebijakan", "ahli_madya", 60),
        ("fungsional", "Analis Kebijakan", "ahli_utama", 65),
        ("fungsional", "Pranata Komputer", "terampil", 58),
        ("fungsional", "Guru", "ahli_pertama", 60),  # UU 14/2005 Ps. 30(4)
        ("fungsional", "guru", "ahli_madya", 60),
        ("fungsional", "Dosen", "ahli_muda", 65),  # UU 14/2005 Ps. 67(4)
    ],
)
def test_post_bup_follows_the_law_and_the_table(jenis, name, jenjang, age):
    bup.ensure_default_rules()
    post = PositionFactory(jenis=jenis, name=name, jenjang=jenjang)
    assert post.bup_age == age
    post.refresh_from_db()
    assert post.bup_age == age  # stored, so SQL readers see the same number


def test_law_applies_when_the_table_is_empty():
    FunctionalBup.objects.all().delete()
    guru = PositionFactory(jenis="fungsional", name="Guru", jenjang="ahli_pertama")
    madya = PositionFactory(jenis="fungsional", name="Analis", jenjang="ahli_madya")
    assert (guru.bup_age, madya.bup_age) == (58, 60)


def test_hr_edits_the_table_and_every_covered_post_is_restamped(client_as, hr_admin, world):
    bup.ensure_default_rules()
    guru = PositionFactory(unit=world.dinkes, jenis="fungsional", name="Guru", jenjang="ahli_muda")
    teacher = EmployeeFactory(unit=world.dinkes, birth_date=dt.date(1967, 3, 10))
    PlacementFactory(employee=teacher, position=guru)
    client = client_as(hr_admin)

    page = client.get("/referensi/bup/").content.decode()
    assert "Guru" in page and "UU 14/2005 Pasal 30 ayat (4)" in page and "60 tahun" in page
    profile = client.get(f"/pegawai/{teacher.pk}/").content.decode()
    assert "BUP 60 tahun" in profile
    assert "1 April 2027" in profile  # TMT pensiun: the month after the 60th birthday

    rule = FunctionalBup.objects.get(name="Guru", jenjang="")
    response = client.post(
        f"/referensi/bup/{rule.pk}/ubah/",
        {"name": "Guru", "jenjang": "", "bup_age": 62, "legal_basis": "Peraturan uji"},
        follow=True,
    )
    assert "BUP 1 jabatan berubah" in response.content.decode()
    guru.refresh_from_db()
    assert guru.bup_age == 62
    assert "1 April 2029" in client.get(f"/pegawai/{teacher.pk}/").content.decode()

    response = client.post(f"/referensi/bup/{rule.pk}/hapus/", follow=True)
    assert "Aturan BUP dihapus" in response.content.decode()
    guru.refresh_from_db()
    assert guru.bup_age == 58  # back to PP 11/2017 Ps. 239 for ahli muda


def test_a_duplicate_rule_is_a_form_error_not_a_500(client_as, hr_admin):
    bup.ensure_default_rules()
    response = client_as(hr_admin).post(
        "/referensi/bup/tambah/",
        {"name": "guru", "jenjang": "", "bup_age": 61, "legal_basis": "x"},
    )
    assert response.status_code == 200
    assert "sudah ada" in response.content.decode()
    assert FunctionalBup.objects.filter(name__iexact="guru").count() == 1


def test_out_of_range_and_empty_rules_are_refused(client_as, hr_admin):
    client = client_as(hr_admin)
    too_old = client.post(
        "/referensi/bup/tambah/", {"name": "Penyuluh", "bup_age": 80, "legal_basis": "x"}
    )
    assert too_old.status_code == 200 and "75" in too_old.content.decode()
    nothing = client.post("/referensi/bup/tambah/", {"bup_age": 60, "legal_basis": "x"})
    assert "Isi nama jabatan fungsional, jenjang, atau keduanya" in nothing.content.decode()
    assert not FunctionalBup.objects.filter(name="Penyuluh").exists()


def test_only_a_pengelola_of_a_whole_instansi_edits(client_as, hr_dishub, hr_admin):
    assert client_as(hr_dishub).get("/referensi/bup/").status_code == 200
    assert client_as(hr_dishub).get("/referensi/bup/tambah/").status_code == 403
    assert client_as(hr_admin).get("/referensi/bup/tambah/").status_code == 200


# --- PPPK: no BUP, the contract end -------------------------------------------------------


def test_pppk_leaves_at_contract_end_and_the_profile_says_so(client_as, hr_admin, world):
    pppk = EmployeeFactory(
        unit=world.yankes, kind="pppk", golongan="P09", contract_end=dt.date(2028, 3, 31)
    )
    PlacementFactory(employee=pppk, position=world.perawat)
    assert pppk.exit_date(60) == dt.date(2028, 3, 31)
    page = client_as(hr_admin).get(f"/pegawai/{pppk.pk}/").content.decode()
    assert "Akhir perjanjian kerja" in page and "31 Maret 2028" in page
    assert "Perkiraan TMT pensiun" not in page


def test_pppk_without_a_recorded_end_uses_the_age_table():
    pppk = EmployeeFactory.build(kind="pppk", golongan="P09", birth_date=dt.date(1970, 5, 2))
    assert pppk.exit_date(58) == retirement_date(dt.date(1970, 5, 2), 58) == dt.date(2028, 6, 1)


def test_contract_end_is_refused_for_a_pns():
    pns = EmployeeFactory.build(kind="pns", contract_end=dt.date(2030, 1, 1))
    with pytest.raises(ValidationError) as exc:
        pns.full_clean(exclude=["unit", "user"])
    assert "hanya diisi untuk PPPK" in str(exc.value)


def test_leaving_within_counts_bup_and_contract_end(world):
    retiring = EmployeeFactory(unit=world.yankes, birth_date=dt.date(1969, 3, 20))
    kabag = PositionFactory(unit=world.yankes, jenis="administrator", kelas=11)
    PlacementFactory(employee=retiring, position=kabag)  # BUP 58: TMT pensiun 1 April 2027
    staying = EmployeeFactory(unit=world.yankes, birth_date=dt.date(1968, 9, 20))
    madya = PositionFactory(unit=world.yankes, jenis="fungsional", jenjang="ahli_madya")
    PlacementFactory(employee=staying, position=madya)  # BUP 60: TMT pensiun 1 October 2028
    contract = EmployeeFactory(
        unit=world.yankes, kind="pppk", golongan="P07", contract_end=dt.date(2027, 6, 30)
    )
    later = EmployeeFactory(
        unit=world.yankes, kind="pppk", golongan="P07", contract_end=dt.date(2029, 6, 30)
    )
    for pppk in (contract, later):
        PlacementFactory(employee=pppk, position=PositionFactory(unit=world.yankes))
    within = set(bup.leaving_within(Employee.objects.all(), ON, 12))
    assert retiring in within and contract in within
    assert staying not in within and later not in within
    assert staying in set(bup.leaving_within(Employee.objects.all(), ON, 24))
    # The same rule on the placement's own columns (the forecast's form) finds the same people.
    for months in (12, 24):
        by_placement = {
            p.employee for p in Placement.objects.open().filter(bup.holder_leaving_q(ON, months))
        }
        assert by_placement == set(bup.leaving_within(Employee.objects.all(), ON, months))


# --- NI PPPK (§4.2) -----------------------------------------------------------------------


def test_a_pns_nip_is_refused_for_a_pppk_with_a_clear_message():
    with pytest.raises(ValidationError) as exc:
        parse_nip("198609262015051001", pppk=True, today=ON)
    assert "berformat NIP PNS" in exc.value.messages[0]


def test_an_ni_pppk_before_pp_49_2018_is_refused():
    with pytest.raises(ValidationError) as exc:
        parse_nip("198609262017211001", pppk=True, today=ON)
    assert "PP 49/2018" in exc.value.messages[0]


def test_a_valid_ni_pppk_is_accepted_and_refused_as_a_pns_nip():
    info = parse_nip("199009132025242014", pppk=True, today=ON)
    assert (info.birth_date, info.appointment_year, info.gender) == (
        dt.date(1990, 9, 13),
        2025,
        "P",
    )
    with pytest.raises(ValidationError):
        parse_nip("199009132025242014", pppk=False, today=ON)


def test_the_employee_form_refuses_a_pns_nip_for_a_pppk(client_as, hr_admin, world):
    response = client_as(hr_admin).post(
        "/pegawai/tambah/",
        {
            "nip": "198609262015051001",
            "kind": "pppk",
            "name": "Calon PPPK",
            "gender": "L",
            "birth_date": "1986-09-26",
            "golongan": "P09",
            "unit": world.yankes.pk,
            "status": "aktif",
        },
    )
    assert response.status_code == 200
    assert "berformat NIP PNS" in response.content.decode()
    assert not Employee.objects.filter(nip="198609262015051001").exists()


def test_refresh_bup_ages_is_idempotent():
    bup.ensure_default_rules()
    PositionFactory(jenis="fungsional", name="Guru", jenjang="ahli_muda")
    Position.objects.update(bup_age=58)
    assert bup.refresh_bup_ages() == 1
    assert bup.refresh_bup_ages() == 0
