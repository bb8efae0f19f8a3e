"""JPT posts are filled by seleksi terbuka, not by one click (docs/domain.md §3.8): the daftar
calon from the ranking, the panitia, three names to the PPK, the PPK's choice, and the
placement with the SK of that selection; the record is kept with its history."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from positions import selection as service
from positions import services
from positions.models import (
    Education,
    JptSelection,
    Placement,
    SelectionCandidate,
    SelectionCommitteeMember,
)
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory


def years_ago(on, years):
    return dt.date(on.year - years, on.month, min(on.day, 28))


@pytest.fixture
def administrators(world, today):
    """Four administrators of Dinas Perhubungan who meet the JPT pratama requirements."""
    people = []
    for i in range(4):
        post = PositionFactory(
            unit=world.dishub, name=f"Kepala Bidang {i}", jenis="administrator", kelas=11
        )
        emp = EmployeeFactory(
            name=f"Calon {i}", unit=world.dishub, golongan="42", birth_date=dt.date(1975, 1, 1)
        )
        Education.objects.create(employee=emp, level="45", graduation_year=2005)
        PlacementFactory(employee=emp, position=post, start_date=years_ago(today, 3 + i))
        people.append(emp)
    return people


@pytest.fixture
def jpt(world):
    return world.kadis_dishub  # JPT pratama, vacant


def _url(name, *args):
    return reverse(f"positions:{name}", args=args)


def _open(hr, jpt, today):
    return service.open_selection(hr, jpt, opened_on=today, announcement_number="800/1/BKD")


def _committee(selection):
    service.add_member(selection, name="Prof. Ketua", role="ketua", unsur="eksternal")
    service.add_member(selection, name="Sekda", role="anggota", unsur="internal")


def _decided(hr, jpt, administrators, today):
    selection = _open(hr, jpt, today)
    _committee(selection)
    service.propose(
        selection,
        employee_ids=[e.pk for e in administrators[:3]],
        report_number="BA/01/PANSEL",
        proposed_on=today,
    )
    return service.decide(
        selection,
        chosen_id=administrators[1].pk,
        sk_number="821.2/10/2026",
        sk_date=today,
        tmt=today,
    )


# --- Acceptance -----------------------------------------------------------------


def test_a_jpt_post_offers_no_direct_placement(client_as, hr_admin, jpt, administrators):
    response = client_as(hr_admin).get(_url("position_candidates", jpt.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(response.context["page"].candidates) == 4
    assert "Tempatkan" not in html
    assert "penempatan/tambah" not in html
    assert "seleksi terbuka" in html
    assert _url("selection_open", jpt.pk) in html
    assert "Susun daftar calon" in html


def test_the_placement_form_refuses_a_jpt_post(client_as, hr_admin, jpt, administrators, today):
    emp = administrators[0]
    data = {
        "position": jpt.pk,
        "kind": "definitif",
        "start_date": today.isoformat(),
        "sk_number": "821/1",
        "sk_date": today.isoformat(),
        "pratinjau": "1",
    }
    response = client_as(hr_admin).post(_url("placement_create", emp.pk), data)
    assert response.status_code == 200
    assert "melalui seleksi terbuka" in response.content.decode()
    assert not Placement.objects.filter(position=jpt).exists()
    # A Plt while the selection runs is not an appointment and stays possible.
    data.update(kind="plt")
    data.pop("pratinjau")
    response = client_as(hr_admin).post(_url("placement_create", emp.pk), data)
    assert response.status_code == 302
    assert Placement.objects.filter(position=jpt, kind="plt").exists()


def test_the_selection_record_leads_to_placement_with_its_sk(
    client_as, hr_admin, jpt, administrators, today
):
    client = client_as(hr_admin)
    response = client.post(
        _url("selection_open", jpt.pk),
        {"method": "terbuka", "announcement_number": "800/5/BKD", "opened_on": today.isoformat()},
    )
    selection = JptSelection.objects.get(position=jpt)
    assert response.status_code == 302
    assert response.url == selection.get_absolute_url()
    assert selection.candidates.count() == 4
    detail = client.get(selection.get_absolute_url())
    assert detail.status_code == 200

    for name, role, unsur in (("Prof. A", "ketua", "eksternal"), ("Sekda", "anggota", "internal")):
        response = client.post(
            _url("selection_member_add", selection.pk), {"name": name, "role": role, "unsur": unsur}
        )
        assert response.status_code == 302
    ids = [e.pk for e in administrators]
    response = client.post(
        _url("selection_propose", selection.pk),
        {
            "first": ids[2],
            "second": ids[0],
            "third": ids[1],
            "report_number": "BA/7",
            "proposed_on": today.isoformat(),
        },
    )
    assert response.status_code == 302
    proposed = dict(
        selection.candidates.filter(proposed_rank__isnull=False).values_list(
            "employee_id", "proposed_rank"
        )
    )
    assert proposed == {ids[2]: 1, ids[0]: 2, ids[1]: 3}
    # The PPK picks one of the three; Calon 3 was not proposed.
    response = client.post(
        _url("selection_decide", selection.pk),
        {"chosen": ids[3], "sk_number": "821/9", "sk_date": today.isoformat(), "tmt": today},
    )
    assert response.status_code == 200
    response = client.post(
        _url("selection_decide", selection.pk),
        {
            "chosen": ids[0],
            "sk_number": "821.2/99/2026",
            "sk_date": today.isoformat(),
            "tmt": today.isoformat(),
        },
    )
    assert response.status_code == 302
    response = client.post(_url("selection_place", selection.pk))
    assert response.status_code == 302

    selection.refresh_from_db()
    placement = Placement.objects.get(position=jpt, kind="definitif", end_date__isnull=True)
    assert placement.employee_id == ids[0]
    assert (placement.sk_number, placement.sk_date, placement.start_date) == (
        "821.2/99/2026",
        today,
        today,
    )
    assert selection.status == JptSelection.Status.SELESAI
    assert selection.placement == placement
    # The previous administrator post was closed by the move.
    assert administrators[0].placements.filter(end_date__isnull=True).count() == 1
    # Kept and auditable: every stage is in the history, with the HR user.
    stages = list(selection.history.order_by("history_id").values_list("status", flat=True))
    assert stages[0] == "persiapan"
    assert {"diusulkan", "ditetapkan", "selesai"} <= set(stages)
    assert set(selection.history.values_list("history_user__username", flat=True)) == {"hr_bkd"}
    page = client.get(selection.get_absolute_url()).content.decode()
    assert "Riwayat perubahan" in page
    assert "usulan ke-1 kepada PPK" in page
    assert "821.2/99/2026" in page


# --- The service's rules ------------------------------------------------------------


def test_place_employee_refuses_a_definitive_jpt_placement_without_a_decided_selection(
    hr_admin, jpt, administrators, today
):
    emp = administrators[0]
    kwargs = {"kind": "definitif", "start_date": today, "sk_number": "821/1", "sk_date": today}
    with pytest.raises(ValidationError, match="seleksi terbuka"):
        services.place_employee(emp, position=jpt, **kwargs)
    selection = _decided(hr_admin, jpt, administrators, today)
    # Not the chosen one, or another SK: refused as well.
    with pytest.raises(ValidationError, match="bukan calon yang ditetapkan"):
        services.place_employee(emp, position=jpt, selection=selection, **kwargs)
    chosen = administrators[1]
    with pytest.raises(ValidationError, match="SK harus sama"):
        services.place_employee(chosen, position=jpt, selection=selection, **kwargs)
    placement = service.place(selection, placed_by=hr_admin)
    assert (placement.employee, placement.sk_number) == (chosen, "821.2/10/2026")


def test_three_distinct_names_from_the_list_and_a_ketua(hr_admin, jpt, administrators, today):
    selection = _open(hr_admin, jpt, today)
    ids = [e.pk for e in administrators]
    args = {"report_number": "BA/1", "proposed_on": today}
    with pytest.raises(ValidationError, match="ketua"):
        service.propose(selection, employee_ids=ids[:3], **args)
    _committee(selection)
    with pytest.raises(ValidationError, match="sudah memiliki ketua"):
        service.add_member(selection, name="Ketua Dua", role="ketua", unsur="internal")
    with pytest.raises(ValidationError, match="tepat 3"):
        service.propose(selection, employee_ids=ids[:2], **args)
    with pytest.raises(ValidationError, match="tepat 3"):
        service.propose(selection, employee_ids=[ids[0], ids[0], ids[1]], **args)
    outsider = EmployeeFactory(name="Bukan Calon")
    with pytest.raises(ValidationError, match="daftar calon"):
        service.propose(selection, employee_ids=[ids[0], ids[1], outsider.pk], **args)
    service.propose(selection, employee_ids=ids[:3], **args)
    with pytest.raises(ValidationError, match="tiga nama"):
        service.decide(selection, chosen_id=ids[3], sk_number="1", sk_date=today, tmt=today)
    assert SelectionCandidate.objects.filter(selection=selection, proposed_rank=None).count() == 1


def test_one_open_selection_per_post_and_only_for_jpt(hr_admin, world, jpt, administrators, today):
    _open(hr_admin, jpt, today)
    with pytest.raises(ValidationError, match="sedang berjalan"):
        _open(hr_admin, jpt, today)
    with pytest.raises(ValidationError, match="hanya untuk jabatan pimpinan tinggi"):
        _open(hr_admin, world.kabid, today)


def test_too_few_eligible_candidates_is_refused(hr_dishub, jpt, today):
    with pytest.raises(ValidationError, match="mengusulkan 3 nama"):
        _open(hr_dishub, jpt, today)
    assert not JptSelection.objects.exists()


def test_succession_hook_offers_the_group_when_the_talent_app_provides_one(
    hr_admin, jpt, administrators, today, monkeypatch
):
    with pytest.raises(ValidationError, match="Rencana suksesi"):
        service.open_selection(hr_admin, jpt, method="suksesi", opened_on=today)
    group = [(e, 80.0 - i) for i, e in enumerate(administrators[:3])]
    monkeypatch.setattr(service, "_succession_providers", [lambda position: group])
    selection = service.open_selection(hr_admin, jpt, method="suksesi", opened_on=today)
    assert [c.source for c in selection.candidates.all()] == ["suksesi"] * 3


def test_cancel_keeps_the_record(hr_admin, jpt, administrators, today):
    selection = _open(hr_admin, jpt, today)
    with pytest.raises(ValidationError, match="Alasan"):
        service.cancel(selection, reason=" ")
    service.cancel(selection, reason="Formasi ditinjau ulang")
    selection.refresh_from_db()
    assert selection.status == "dibatalkan"
    assert selection.candidates.count() == 4
    with pytest.raises(ValidationError, match="tahap"):
        service.add_member(selection, name="X", role="anggota", unsur="internal")
    _open(hr_admin, jpt, today)  # a new selection may start once the old one is closed


# --- Access -----------------------------------------------------------------------


def test_pimpinan_reads_but_cannot_write(client_as, hr_admin, pimpinan, jpt, administrators, today):
    selection = _open(hr_admin, jpt, today)
    client = client_as(pimpinan)
    assert client.get(selection.get_absolute_url()).status_code == 200
    assert client.get(_url("selection_list")).status_code == 200
    data = {"name": "X", "role": "anggota", "unsur": "internal"}
    assert client.post(_url("selection_member_add", selection.pk), data).status_code == 403
    assert not SelectionCommitteeMember.objects.exists()
    html = client.get(_url("position_candidates", jpt.pk)).content.decode()
    assert "Susun daftar calon" not in html


def test_hr_of_another_dinas_gets_404(client_as, hr_admin, hr_dinkes, jpt, administrators, today):
    selection = _open(hr_admin, jpt, today)
    assert client_as(hr_dinkes).get(selection.get_absolute_url()).status_code == 404
    assert (
        selection.position.name
        not in client_as(hr_dinkes).get(_url("selection_list")).content.decode()
    )


def test_pages_query_budget_is_flat(
    client_as, hr_admin, jpt, administrators, today, django_assert_max_num_queries
):
    selection = _decided(hr_admin, jpt, administrators, today)
    client = client_as(hr_admin)
    client.get(selection.get_absolute_url())  # warm the session and scope caches
    with django_assert_max_num_queries(16):
        assert client.get(selection.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(_url("selection_list")).status_code == 200


def test_the_vacancy_chain_offers_no_direct_placement_into_a_jpt_post(
    client_as, hr_admin, world, jpt, administrators, today
):
    other = PositionFactory(unit=world.dishub, name="Kepala Badan Uji", jenis="jpt_pratama")
    kaban = EmployeeFactory(name="Kaban Lateral", unit=world.dishub, golongan="43")
    Education.objects.create(employee=kaban, level="45", graduation_year=2000)
    PlacementFactory(employee=kaban, position=other, start_date=years_ago(today, 3))
    url = _url("position_candidate_chain", jpt.pk) + f"?kandidat={kaban.pk}"
    response = client_as(hr_admin).get(url)
    [entry] = response.context["chain"]
    assert entry.position == other
    assert len(entry.candidates) == 3  # the administrators, ranked for the vacated post
    assert entry.placeable_ids == set()
    html = response.content.decode()
    assert "diisi melalui seleksi terbuka" in html
    assert "Tempatkan" not in html


def test_a_pengelola_who_cannot_see_every_candidate_reads_their_own_and_takes_no_step(
    client_as, hr_admin, hr_dishub, world, jpt, administrators, today
):
    """The BKD's daftar calon for Kepala Dinas Perhubungan can name a Dinkes officer: the Dishub
    pengelola sees the Dishub names and a count of the others, and the steps (panitia, three
    names, PPK, placement) stay with a pengelola who sees them all."""
    selection = _open(hr_admin, jpt, today)
    SelectionCandidate.objects.create(
        selection=selection,
        employee=world.manager_emp,
        source="peringkat",
        listed_rank=selection.candidates.count() + 1,
        score=40,
    )
    client = client_as(hr_dishub)
    page = client.get(selection.get_absolute_url())
    html = page.content.decode()
    assert world.manager_emp.nip not in html
    assert world.manager_emp.full_name not in html  # nor in the selection's history
    assert "Calon di luar lingkup Anda" in html
    assert administrators[0].nip in html
    assert page.context["page"].hidden == 1
    assert "1 calon lain berada di luar lingkup Anda" in html
    assert not page.context["can_write"]
    data = {"name": "Prof. Ketua", "role": "ketua", "unsur": "eksternal"}
    assert client.post(_url("selection_member_add", selection.pk), data).status_code == 403
    assert not SelectionCommitteeMember.objects.exists()

    assert (
        client_as(hr_admin).post(_url("selection_member_add", selection.pk), data).status_code
        == 302
    )
    assert SelectionCommitteeMember.objects.count() == 1


def test_the_pengelola_who_opens_a_selection_is_not_on_its_list(
    hr_admin, world, jpt, administrators, today
):
    """An eligible BKD officer would otherwise take their own name through the steps."""
    administrators[0].user = hr_admin
    administrators[0].save(update_fields=["user"])
    selection = _open(hr_admin, jpt, today)
    listed = set(selection.candidates.values_list("employee_id", flat=True))
    assert administrators[0].pk not in listed
    assert {a.pk for a in administrators[1:]} <= listed
