"""SKP pages: creation with derived roles, cascade, workflow permissions, inbox, matrix."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from performance import services
from performance.models import SKP
from positions.models import today
from tests.factories import EmployeeFactory, EvaluationFactory, PlacementFactory, SKPFactory
from tests.performance.helpers import rhk as _rhk

YEAR = 2026


@pytest.fixture
def submitted_skp(employee, employee_skp, manager_skp):
    _rhk(employee_skp, "Asuhan keperawatan", parent=manager_skp.rhks.first())
    services.submit_skp(employee_skp, user=employee)
    employee_skp.refresh_from_db()
    return employee_skp


def _url(name, *args):
    return reverse(f"performance:{name}", args=args)


# --- Creation ------------------------------------------------------------------------


def test_create_page_shows_the_derived_penilai_before_filing(world, client_as, employee):
    response = client_as(employee).get(_url("skp_create"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kabid Yankes" in html  # penilai, derived from the kabid placement
    assert "Kadis Sehat" in html  # atasan pejabat penilai
    assert not SKP.objects.exists()


def test_preview_follows_a_plt_for_the_chosen_period(world, client_as, employee):
    """The kabid's definitive placement ends; a Plt holds the post from July."""
    world.manager_emp.placements.update(end_date=dt.date(YEAR, 6, 30))
    plt = EmployeeFactory(name="Plt Kabid Baru", unit=world.yankes)
    PlacementFactory(employee=plt, position=world.kabid, kind="plt", start_date=dt.date(YEAR, 7, 1))
    response = client_as(employee).post(
        _url("skp_create"),
        {
            "year": YEAR,
            "pendekatan": "kuantitatif",
            "period_start": f"{YEAR}-07-01",
            "period_end": f"{YEAR}-12-31",
            "action": "preview",
        },
    )
    assert response.status_code == 200
    assert "Plt Kabid Baru" in response.content.decode()
    assert not SKP.objects.exists()


def test_create_works_and_a_duplicate_is_refused(world, client_as, employee):
    client = client_as(employee)
    data = {"year": YEAR, "pendekatan": "kuantitatif", "action": "create"}
    response = client.post(_url("skp_create"), data)
    skp = SKP.objects.get()
    assert response.status_code == 302 and response.url == skp.get_absolute_url()
    assert (skp.penilai, skp.period_start) == (world.manager_emp, dt.date(YEAR, 1, 1))
    response = client.post(_url("skp_create"), data, follow=True)
    assert "SKP untuk periode ini sudah ada." in response.content.decode()
    assert SKP.objects.count() == 1


def test_user_without_employee_record_cannot_create(world, client_as, hr_admin):
    assert client_as(hr_admin).get(_url("skp_create")).status_code == 403


# --- Cascade -------------------------------------------------------------------------


def test_cascade_choices_are_exactly_the_penilais_rhk(
    world, client_as, employee, employee_skp, manager_skp
):
    other = services.create_skp(world.colleague_emp, year=YEAR, pendekatan="kuantitatif")
    foreign = _rhk(other, "RHK orang lain")
    response = client_as(employee).get(_url("rhk_create", employee_skp.pk))
    offered = {c.pk for c in response.context["form"].fields["parent_rhk"].queryset}
    assert offered == {r.pk for r in manager_skp.rhks.all()}

    response = client_as(employee).post(
        _url("rhk_create", employee_skp.pk),
        {"jenis": "utama", "text": "Asuhan", "parent_rhk": foreign.pk, "order": 0},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["parent_rhk"]
    assert not employee_skp.rhks.exists()

    parent = manager_skp.rhks.first()
    response = client_as(employee).post(
        _url("rhk_create", employee_skp.pk),
        {"jenis": "utama", "text": "Asuhan", "parent_rhk": parent.pk, "order": 0},
    )
    assert response.status_code == 302
    assert employee_skp.rhks.get().parent_rhk == parent


def test_service_refuses_a_foreign_parent_even_without_the_form(
    world, employee, employee_skp, manager_skp
):
    from django.core.exceptions import ValidationError

    other = services.create_skp(world.colleague_emp, year=YEAR, pendekatan="kuantitatif")
    with pytest.raises(ValidationError):
        services.add_rhk(
            employee_skp, user=employee, jenis="utama", text="x", parent_rhk=_rhk(other, "y")
        )


def test_detail_lists_what_is_missing(world, client_as, employee, employee_skp):
    _rhk(employee_skp, "Asuhan keperawatan", indicators=0)
    html = client_as(employee).get(employee_skp.get_absolute_url()).content.decode()
    assert "SKP pejabat penilai tahun ini belum disetujui" in html
    assert "belum memiliki indikator (IKI)" in html


def test_indicator_target_follows_the_pendekatan(world, client_as, employee, employee_skp):
    rhk = _rhk(employee_skp, "Asuhan", indicators=0)
    client = client_as(employee)
    response = client.post(
        _url("indicator_create", rhk.pk), {"aspek": "kuantitas", "text": "Jumlah asuhan"}
    )
    assert response.status_code == 200 and not rhk.indicators.exists()
    response = client.post(
        _url("indicator_create", rhk.pk),
        {
            "aspek": "kuantitas",
            "text": "Jumlah asuhan",
            "target_value": "120",
            "target_satuan": "Pasien",
        },
    )
    assert response.status_code == 302
    assert rhk.indicators.get().target_display == "120 Pasien"
    response = client.post(
        _url("indicator_create", rhk.pk),
        {"aspek": "kuantitas", "text": "Lagi", "target_value": "1", "target_satuan": "x"},
    )
    assert "sudah memiliki IKI untuk aspek" in response.content.decode()
    assert rhk.indicators.count() == 1


# --- Workflow permissions ------------------------------------------------------------


def test_pegawai_cannot_edit_a_submitted_skp(world, client_as, employee, submitted_skp):
    client = client_as(employee)
    rhk = submitted_skp.rhks.get()
    iki = rhk.indicators.get()
    assert client.get(_url("rhk_create", submitted_skp.pk)).status_code == 403
    assert client.post(_url("rhk_edit", rhk.pk), {"jenis": "utama", "text": "X"}).status_code == 403
    assert client.post(_url("rhk_delete", rhk.pk)).status_code == 403
    assert client.post(_url("indicator_delete", iki.pk)).status_code == 403
    response = client.post(_url("skp_submit", submitted_skp.pk), follow=True)
    assert "tidak dalam status draf" in response.content.decode()
    rhk.refresh_from_db()
    assert rhk.text == "Asuhan keperawatan" and rhk.indicators.count() == 1
    html = client.get(submitted_skp.get_absolute_url()).content.decode()
    assert _url("rhk_create", submitted_skp.pk) not in html
    assert _url("skp_submit", submitted_skp.pk) not in html


def test_pegawai_cannot_edit_an_approved_skp_or_another_persons(
    world, client_as, employee, manager, submitted_skp, manager_skp
):
    services.approve_skp(submitted_skp, user=manager)
    client = client_as(employee)
    assert client.get(_url("rhk_create", submitted_skp.pk)).status_code == 403
    # the penilai sees the SKP but never edits the pegawai's plan
    client = client_as(manager)
    assert client.get(_url("rhk_create", submitted_skp.pk)).status_code == 403


def test_only_the_penilai_approves(
    world, client_as, employee, outsider, hr_admin, manager, submitted_skp
):
    url = _url("skp_approve", submitted_skp.pk)
    assert client_as(outsider).post(url).status_code == 404  # not visible at all
    assert client_as(employee).post(url).status_code == 403
    assert client_as(hr_admin).post(url).status_code == 403
    submitted_skp.refresh_from_db()
    assert submitted_skp.status == "diajukan"
    html = client_as(employee).get(submitted_skp.get_absolute_url()).content.decode()
    assert url not in html
    html = client_as(manager).get(submitted_skp.get_absolute_url()).content.decode()
    assert url in html
    response = client_as(manager).post(url)
    assert response.status_code == 302
    submitted_skp.refresh_from_db()
    assert submitted_skp.status == "disetujui"


def test_plt_of_the_penilai_post_can_approve(world, client_as, outsider, submitted_skp):
    PlacementFactory(
        employee=world.outsider_emp,
        position=world.kabid,
        kind="plt",
        start_date=dt.date(2026, 1, 1),
    )
    response = client_as(outsider).post(_url("skp_approve", submitted_skp.pk))
    assert response.status_code == 302
    submitted_skp.refresh_from_db()
    assert submitted_skp.status == "disetujui"


def test_return_requires_a_note(world, client_as, manager, submitted_skp):
    client = client_as(manager)
    response = client.post(_url("skp_return", submitted_skp.pk), {"note": "  "})
    assert response.status_code == 200 and response.context["form"].errors["note"]
    submitted_skp.refresh_from_db()
    assert submitted_skp.status == "diajukan"
    response = client.post(_url("skp_return", submitted_skp.pk), {"note": "Target terlalu rendah."})
    assert response.status_code == 302
    submitted_skp.refresh_from_db()
    assert (submitted_skp.status, submitted_skp.return_note) == (
        "dikembalikan",
        "Target terlalu rendah.",
    )


def test_employee_cannot_return_own_skp(world, client_as, employee, submitted_skp):
    response = client_as(employee).post(_url("skp_return", submitted_skp.pk), {"note": "x"})
    assert response.status_code == 403


def test_only_the_penilai_writes_expectations(world, client_as, employee, manager, submitted_skp):
    url = _url("skp_expectations", submitted_skp.pk)
    assert client_as(employee).get(url).status_code == 403
    response = client_as(manager).post(url, {"kolaboratif": "Aktif dalam tim mutu."})
    assert response.status_code == 302
    assert submitted_skp.expectations.get(value="kolaboratif").ekspektasi == (
        "Aktif dalam tim mutu."
    )


def test_revision_after_approval_keeps_history(world, client_as, employee, manager, submitted_skp):
    services.approve_skp(submitted_skp, user=manager)
    response = client_as(employee).post(_url("skp_revise", submitted_skp.pk))
    new = SKP.objects.get(revision=2)
    assert response.status_code == 302 and response.url == new.get_absolute_url()
    html = client_as(employee).get(new.get_absolute_url()).content.decode()
    assert "Riwayat revisi" in html and submitted_skp.get_absolute_url() in html
    html = client_as(employee).get(_url("skp_list")).content.decode()
    assert "digantikan revisi 2" in html
    # the superseded revision stays locked
    assert client_as(employee).get(_url("rhk_create", submitted_skp.pk)).status_code == 403


# --- Inbox and matrix ----------------------------------------------------------------


def test_inbox_lists_submitted_skp_for_the_penilai_only(
    world, client_as, manager, outsider, submitted_skp
):
    response = client_as(manager).get(_url("approval_inbox"))
    assert list(response.context["waiting"]) == [submitted_skp]
    assert response.context["counts"]["diajukan"] == 1
    response = client_as(outsider).get(_url("approval_inbox"))
    assert list(response.context["waiting"]) == []


def test_the_inbox_cards_count_this_years_skp_and_say_so(world, client_as, manager):
    """Last year's approved SKP of the same pegawai made 'Disetujui 2' for one subordinate."""
    this_year = today().year
    SKPFactory(employee=world.employee_emp, year=this_year - 1, approved=True)
    SKPFactory(employee=world.employee_emp, year=this_year, approved=True)
    response = client_as(manager).get(_url("approval_inbox"))
    assert response.context["counts"]["disetujui"] == 1
    assert f"Disetujui (SKP {this_year})" in response.content.decode()


def test_matrix_flags_unsupported_and_unlinked_rhk(
    world, client_as, manager, employee_skp, manager_skp
):
    supported, unsupported = manager_skp.rhks.order_by("pk")
    _rhk(employee_skp, "Asuhan keperawatan", parent=supported)
    _rhk(employee_skp, "RHK tanpa induk")
    _rhk(employee_skp, "Tugas tambahan", jenis="tambahan")
    response = client_as(manager).get(_url("role_matrix") + f"?tahun={YEAR}")
    rows = {r["rhk"].pk: r["supporters"] for r in response.context["rows"]}
    assert [rhk.text for _, rhk in rows[supported.pk]] == ["Asuhan keperawatan"]
    assert rows[unsupported.pk] == []
    assert [rhk.text for _, rhk in response.context["unlinked"]] == ["RHK tanpa induk"]
    # Perawat Dua holds a perawat post under the kabid and has no SKP
    assert [e.name for e in response.context["without_skp"]] == ["Perawat Dua"]
    html = response.content.decode()
    assert "tidak didukung RHK bawahan" in html and "belum dikaitkan" in html


# --- Query budgets -----------------------------------------------------------------


def _grow(world, employee_skp, manager_skp, n):
    parent = manager_skp.rhks.first()
    for i in range(n):
        _rhk(employee_skp, f"RHK {i}", parent=parent, indicators=3)


# Queries per page, the same for 1 or 7 RHK × 3 IKI and 1 or 4 subordinate SKP:
# every page: session, user, scopes (HR scopes, headed placements), nav's own employee = 5.
BUDGETS = {
    # + SKP with roles, RHK (+parent RHK, its SKP and employee), IKI, expectations,
    # other revisions, is_penilai_of (employee; the pegawai's own SKP needs no placement
    # query), missing_items (RHK, IKI, superior SKP) = 14
    "skp_detail": 14,
    # + status counts (also the page count), waiting SKP with employee/position/RHK count
    # = 7; an empty inbox skips the fetch, so the test starts with one waiting SKP;
    # + the nav's penilai badge (SKP waiting) = 8
    "approval_inbox": 8,
    # + own SKP, own RHK, subordinate SKP with employee, their RHK, subordinates
    # without SKP, the nav's penilai badge = 11
    "role_matrix": 11,
}


@pytest.mark.parametrize("page", list(BUDGETS))
def test_query_count_does_not_grow_with_rows(
    world, client_as, employee, manager, employee_skp, manager_skp, page, django_assert_num_queries
):
    client = client_as(employee if page == "skp_detail" else manager)
    url = {
        "skp_detail": employee_skp.get_absolute_url(),
        "approval_inbox": _url("approval_inbox"),
        "role_matrix": _url("role_matrix") + f"?tahun={YEAR}",
    }[page]
    _grow(world, employee_skp, manager_skp, 1)
    if page == "approval_inbox":
        services.submit_skp(employee_skp, user=employee)
    with django_assert_num_queries(BUDGETS[page]):
        assert client.get(url).status_code == 200
    _grow(world, employee_skp, manager_skp, 6)
    for emp in EmployeeFactory.create_batch(3, unit=world.yankes):
        PlacementFactory(employee=emp, position=world.perawat)
        SKPFactory(employee=emp, year=YEAR, submitted=True, rhk_texts=("x",), indicators=3)
    with django_assert_num_queries(BUDGETS[page]):
        response = client.get(url)
    if page == "approval_inbox":
        assert len(response.context["waiting"]) == 4
    if page == "role_matrix":
        assert response.context["sub_count"] == 4


def test_a_finished_year_offers_no_realisasi_and_no_revision(world, client_as, employee):
    """SKP 2025 with its final annual evaluation: the list and the page said "Isi realisasi
    Triwulan IV / Akhir" and offered "Buat revisi", which the service then refused."""
    skp = SKPFactory(employee=world.employee_emp, year=YEAR - 1, approved=True)
    EvaluationFactory(skp=skp, period="tw4", final=True)
    client = client_as(employee)
    listing = client.get(_url("skp_list")).content.decode()
    assert f"/kinerja/skp/{skp.pk}/evaluasi/" not in listing
    page = client.get(skp.get_absolute_url()).content.decode()
    assert "Evaluasi Triwulan IV / Akhir SKP ini sudah final." in page
    assert "Buat revisi" not in page and "isi realisasi" not in page

    this_year = SKPFactory(employee=world.employee_emp, year=YEAR, approved=True)
    listing = client.get(_url("skp_list")).content.decode()
    assert f"/kinerja/skp/{this_year.pk}/evaluasi/" in listing  # a running year still has it
    assert "Buat revisi" in client.get(this_year.get_absolute_url()).content.decode()


def test_the_first_skp_of_a_year_is_not_called_a_revision(world, client_as, employee):
    skp = services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    heading = re.search(
        r"<h1[^>]*>(.*?)</h1>",
        client_as(employee).get(skp.get_absolute_url()).content.decode(),
        re.S,
    ).group(1)
    assert heading.strip() == f"SKP {YEAR}"
