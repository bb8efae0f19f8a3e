"""Jabatan kritikal and rencana suksesi (docs/domain.md §6 with the career rules of §3.8):
successors come from Kotak 7–9, never from a higher post nor more than one step below, with
their readiness and the gap; approvals are versioned and kept; a development action lands in
the draft rencana pengembangan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from positions.models import LeadershipTraining
from talent.models import CriticalPost, SuccessionPlan
from talent.succession import career_step_allows, propose_successors, step_of
from tests.factories import (
    EmployeeFactory,
    PlacementFactory,
    PositionFactory,
    TrainingProgramFactory,
    make_unit,
)
from tests.talent.helpers import WEIGHTS_ONLY_COMPETENCY, assess, calculate, rate, standard
from training.models import PlanItem

pytestmark = pytest.mark.django_db


def _candidate(world, name: str, position, *, years_in_post: float, pka: bool, golongan="41"):
    person = EmployeeFactory(name=name, unit=position.unit, golongan=golongan)
    start = dt.date.today() - dt.timedelta(days=int(years_in_post * 365.25))
    PlacementFactory(employee=person, position=position, start_date=start)
    person.educations.create(level="40", graduation_year=2005)
    rate(person, y2025="sangat_baik", y2024="baik")
    standard(position, 3)
    assess(person, 4)
    if pka:
        LeadershipTraining.objects.create(employee=person, kind="pka", year=2020)
    return person


@pytest.fixture
def bidang(world):
    """An administrator post to fill (Kepala Bidang Yankes), two pengawas candidates under
    it, and the Kadis (JPT, a higher post) in Kotak 9 too."""
    seksi = PositionFactory(
        unit=world.yankes, name="Kepala Seksi A", jenis="pengawas", kelas=9, parent=world.kabid
    )
    seksi_b = PositionFactory(
        unit=world.yankes, name="Kepala Seksi B", jenis="pengawas", kelas=9, parent=world.kabid
    )
    ready = _candidate(world, "Siap Sekarang", seksi, years_in_post=4, pka=True)
    later = _candidate(world, "Belum PKA", seksi_b, years_in_post=0.5, pka=False)
    kadis = world.kadis_emp
    kadis.educations.create(level="40", graduation_year=2000)
    rate(kadis, y2025="sangat_baik", y2024="sangat_baik")
    standard(world.kadis, 3)
    assess(kadis, 5)
    return {"ready": ready, "later": later, "kadis": kadis}


def _run(client, world, capture):
    calculate(client, world.pemprov, capture, **WEIGHTS_ONLY_COMPETENCY)


def test_career_steps():
    assert step_of("pengawas") == 2 and step_of("fungsional", "ahli_madya") == 3
    assert career_step_allows(2, 3)  # pengawas → administrator
    assert career_step_allows(3, 3)  # lateral
    assert not career_step_allows(1, 3)  # pelaksana two steps below
    assert not career_step_allows(4, 3)  # a JPT is never demoted by placement


def test_successors_have_readiness_and_gaps_and_no_demotion(
    world, bidang, hr_admin, client_as, django_capture_on_commit_callbacks
):
    client = client_as(hr_admin)
    _run(client, world, django_capture_on_commit_callbacks)
    proposals = {p.employee.name: p for p in propose_successors(world.kabid)}
    assert "Kadis Sehat" not in proposals  # Kotak 9 but on a higher post
    assert proposals["Siap Sekarang"].readiness == "sekarang"
    later = proposals["Belum PKA"]
    assert later.readiness == "lebih"  # 2.5 more years as pengawas needed (3 in total)
    assert "pelatihan PKA belum diikuti" in later.gaps_text
    assert "pengalaman di jabatan sekarang kurang" in later.gaps_text
    page = client.get(reverse("talent:succession", args=[world.kabid.pk]))
    html = page.content.decode()
    assert "Siap sekarang" in html and "Ikutkan PKA" in html
    assert "Kadis Sehat" not in html.split("Suksesor yang diusulkan")[1]


def test_one_to_two_years_when_only_training_is_missing(
    world, bidang, hr_admin, client_as, django_capture_on_commit_callbacks
):
    seksi = PositionFactory(
        unit=world.yankes, name="Kepala Seksi C", jenis="pengawas", kelas=9, parent=world.kabid
    )
    _candidate(world, "Tinggal PKA", seksi, years_in_post=5, pka=False)
    _run(client_as(hr_admin), world, django_capture_on_commit_callbacks)
    proposal = next(p for p in propose_successors(world.kabid) if p.employee.name == "Tinggal PKA")
    assert proposal.readiness == "1_2"
    assert proposal.gaps == ["pelatihan PKA belum diikuti"]


def test_mark_approve_twice_keeps_history(
    world, bidang, hr_admin, client_as, django_capture_on_commit_callbacks
):
    client = client_as(hr_admin)
    _run(client, world, django_capture_on_commit_callbacks)
    url = reverse("talent:succession_approve", args=[world.kabid.pk])
    client.post(url, {"note": "terlalu cepat"})
    assert not SuccessionPlan.objects.exists()  # not critical yet: refused with a message
    client.post(reverse("talent:critical_mark", args=[world.kabid.pk]))
    assert CriticalPost.objects.filter(position=world.kabid).exists()
    client.post(url, {"note": "Rapat Baperjakat Maret"})
    client.post(url, {"note": "Ditinjau ulang"})
    versions = list(SuccessionPlan.objects.filter(position=world.kabid).order_by("version"))
    assert [p.version for p in versions] == [1, 2]
    first = versions[0].candidates.order_by("rank").first()
    assert first.employee == bidang["ready"] and first.readiness == "sekarang"
    html = client.get(reverse("talent:succession", args=[world.kabid.pk])).content.decode()
    assert "Versi 2 (berlaku)" in html and "Versi 1" in html and "Rapat Baperjakat Maret" in html


def test_development_action_goes_into_the_draft_plan(
    world, bidang, hr_admin, client_as, django_capture_on_commit_callbacks
):
    program = TrainingProgramFactory(name="PKA Angkatan I", category="pka")
    client = client_as(hr_admin)
    _run(client, world, django_capture_on_commit_callbacks)
    url = reverse("talent:succession_action", args=[world.kabid.pk])
    data = {"employee": bidang["later"].pk, "program": program.pk}
    client.post(url, data)
    item = PlanItem.objects.get(employee=bidang["later"], program=program)
    assert item.plan.unit == world.dinkes and item.plan.status == "draft"
    assert "Rencana suksesi Kepala Bidang Yankes" in item.reason
    response = client.post(url, data, follow=True)  # twice: refused with a message
    assert "sudah direncanakan" in response.content.decode()
    assert PlanItem.objects.filter(employee=bidang["later"]).count() == 1


def test_pimpinan_reads_but_cannot_approve(world, bidang, pimpinan, client_as):
    client = client_as(pimpinan)
    assert client.get(reverse("talent:succession", args=[world.kabid.pk])).status_code == 200
    response = client.post(reverse("talent:critical_mark", args=[world.kabid.pk]))
    assert response.status_code == 403
    assert not CriticalPost.objects.exists()


def test_an_approved_succession_list_fills_a_jpt_selection(world, hr_admin, today):
    """The talent app registers its approved lists with positions.selection: a JPT post with
    one can be filled from the rencana suksesi (docs/domain.md §3.8), names in its order."""
    from positions import selection as jpt_selection
    from talent.models import Readiness, SuccessionCandidate, SuccessionPlan
    from tests.factories import EmployeeFactory

    post = world.kadis_dishub
    plan = SuccessionPlan.objects.create(position=post, version=1, approved_by=hr_admin)
    people = [EmployeeFactory(name=f"Suksesor {i}", unit=world.dishub) for i in range(3)]
    for rank, (person, kotak) in enumerate(zip(people, (9, 8, 7), strict=True), start=1):
        SuccessionCandidate.objects.create(
            plan=plan, employee=person, rank=rank, kotak=kotak, readiness=Readiness.SEKARANG
        )
    selection = jpt_selection.open_selection(hr_admin, post, method="suksesi", opened_on=today)
    names = list(
        selection.candidates.order_by("listed_rank").values_list("employee__name", "score")
    )
    assert [name for name, _ in names] == ["Suksesor 0", "Suksesor 1", "Suksesor 2"]
    assert [float(score) for _, score in names] == [9.0, 8.0, 7.0]
    assert set(selection.candidates.values_list("source", flat=True)) == {"suksesi"}


def test_the_history_hides_names_outside_the_readers_scope(client_as, world, hr_admin, hr_dishub):
    """A list approved by the province's HR may name someone of another dinas; a pengelola of
    Dishub reading the post's history sees only the names of their own scope."""
    from talent.models import Readiness, SuccessionCandidate, SuccessionPlan

    post = world.kadis_dishub
    plan = SuccessionPlan.objects.create(position=post, version=1, approved_by=hr_admin)
    for rank, person in enumerate((world.outsider_emp, world.manager_emp), start=1):
        SuccessionCandidate.objects.create(
            plan=plan, employee=person, rank=rank, kotak=8, readiness=Readiness.SEKARANG
        )
    page = client_as(hr_dishub).get(f"/talenta/suksesi/{post.pk}/").content.decode()
    assert world.outsider_emp.full_name in page  # Staf Dishub: inside
    assert world.manager_emp.full_name not in page  # Kabid Yankes of Dinkes: outside
    assert "memuat 2 calon; yang di luar lingkup Anda tidak ditampilkan" in page
    province = client_as(hr_admin).get(f"/talenta/suksesi/{post.pk}/").content.decode()
    assert world.manager_emp.full_name in province


def test_the_critical_post_list_names_the_perangkat_daerah_of_each_unit(client_as, hr_admin, world):
    """Seven 'Sekretaris — Sekretariat' rows could not be told apart."""
    for dinas in (world.dinkes, world.dishub):
        sekretariat = make_unit("Sekretariat", dinas)
        PositionFactory(unit=sekretariat, name="Sekretaris", administrator=True)
    page = client_as(hr_admin).get(reverse("talent:critical_list")).content.decode()
    rows = [row for row in page.split("<tr>") if "Sekretaris<div" in row]
    assert len(rows) == 2
    assert sorted("Dinas Kesehatan" in r for r in rows) == [False, True]
    assert sorted("Dinas Perhubungan" in r for r in rows) == [False, True]
