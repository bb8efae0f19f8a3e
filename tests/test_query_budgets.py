"""The pages of the load benchmark (tests/perf/bench_load.py, issue 7) run a number of queries
that does not depend on the data: each page is rendered with the cast of tests/conftest.py,
then again after the rows it shows or aggregates have grown five-fold, with the same budget.

Every request pays the same five: session, user, the user's HR scopes, the structural posts
they hold today (scopes_for), and the navigation's own-employee lookup (for pages that render
base.html). The comments name the rest.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse

from performance import services as performance_services
from performance.models import RHK, SKP, Indicator
from positions.models import (
    Competency,
    Education,
    EducationField,
    EmployeeCompetency,
    JptSelection,
    LeadershipTraining,
    Placement,
    SelectionCandidate,
    SelectionCommitteeMember,
)
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit
from tests.performance.report_helpers import rated_skp
from training.models import Participation

FACTOR = 5
_names = itertools.count(1)


# --- Growing the world --------------------------------------------------------------------


def add_staff(world, n: int) -> list:
    """n people in Bidang Yankes, each on a new JF post under the kabid (definitive), with an
    education, a competency assessment, 2026 JP and an approved, rated SKP 2025; plus one new
    perangkat daerah with one person, so the per-OPD tables grow too."""
    field = EducationField.objects.get_or_create(
        code="BUDGET-KEP", defaults={"name": "Keperawatan", "group": "Kesehatan"}
    )[0]
    competency = Competency.objects.order_by("pk").first()
    people = []
    for _ in range(n):
        number = next(_names)
        post = PositionFactory(
            unit=world.yankes,
            name=f"Perawat Penyelia {number}",
            jenis="fungsional",
            jenjang="ahli_pertama",
            kelas=8,
            parent=world.kabid,
            kebutuhan=2,
        )
        person = EmployeeFactory(name=f"Pegawai Uji {number}", unit=world.yankes)
        PlacementFactory(employee=person, position=post)
        Education.objects.create(employee=person, level="40", field=field, graduation_year=2010)
        EmployeeCompetency.objects.create(
            employee=person, competency=competency, level=3, assessed_on=dt.date(2025, 3, 1)
        )
        _jp(person, 8)
        rated_skp(person, predikat="baik")
        people.append(person)
        dinas = make_unit(f"Dinas Uji {number}", world.pemprov, "perangkat_daerah")
        head = PositionFactory(unit=dinas, jenis="jpt_pratama", kelas=14)
        PlacementFactory(employee=EmployeeFactory(unit=dinas), position=head)
    return people


def _jp(employee, jp: int) -> Participation:
    return Participation.objects.create(
        employee=employee,
        title="Pelatihan teknis",
        start_date=dt.date(2026, 5, 4),
        end_date=dt.date(2026, 5, 6),
        jp=jp,
        verification=Participation.Verification.VERIFIED,
        result=Participation.Result.LULUS,
    )


def add_history(employee, n: int) -> None:
    """n more rows of everything the profile lists for one person: closed earlier placements,
    educations, competency assessments, leadership trainings, JP lines."""
    competencies = list(Competency.objects.order_by("pk")[:n])
    for i in range(n):
        old_post = PositionFactory(unit=employee.unit, name=f"Jabatan lama {next(_names)}")
        PlacementFactory(
            employee=employee,
            position=old_post,
            start_date=dt.date(2000 + i, 1, 1),
            end_date=dt.date(2000 + i, 12, 31),
            end_reason=Placement.EndReason.MUTASI,
        )
        field = EducationField.objects.create(
            code=f"BUDGET-{next(_names)}", name=f"Bidang {i}", group="Lain"
        )
        Education.objects.create(employee=employee, level="30", field=field, graduation_year=2000)
        EmployeeCompetency.objects.create(
            employee=employee,
            competency=competencies[i],
            level=2,
            assessed_on=dt.date(2024, 1, 1) + dt.timedelta(days=next(_names)),
        )
        _jp(employee, 2)
    held = set(employee.leadership_trainings.values_list("kind", flat=True))
    for kind in [k for k in ("pkp", "pka", "pkn2", "pkn1") if k not in held][:n]:
        LeadershipTraining.objects.create(employee=employee, kind=kind, year=2015)


def add_rhk(skp: SKP, n: int, parent: RHK | None = None) -> None:
    for i in range(n):
        rhk = RHK.objects.create(skp=skp, text=f"RHK {next(_names)}", parent_rhk=parent)
        for aspek in ("kuantitas", "kualitas", "waktu"):
            Indicator.objects.create(
                rhk=rhk, aspek=aspek, text=f"{aspek} {i}", target_value=4, target_satuan="laporan"
            )


def _both_sizes(assert_queries, budget: int, request, grow) -> None:
    """`request()` within `budget` queries, then again after `grow()`."""
    with assert_queries(budget):
        response = request()
    assert response.status_code == 200  # a page that started redirecting fails its budget
    grow()
    with assert_queries(budget):
        response = request()
    assert response.status_code == 200


# --- Home pages of the roles: pinned in tests/home/test_home.py (HOME_BUDGETS) -------------


# --- Register, profile ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{"q": "Pegawai Uji"}, {"jenis": "fungsional", "golongan": "31"}],
    ids=["search", "filter"],
)
def test_register_queries_do_not_grow(
    world, client_as, hr_admin, params, django_assert_num_queries
):
    client = client_as(hr_admin)
    url = reverse("positions:employee_list")
    params = {**params, "unit": world.yankes.pk} if "jenis" in params else params
    add_staff(world, 2)
    # + [filter: the chosen unit], the page with its total (COUNT(*) OVER (); +unit, jabatan
    # subqueries), unit choices, education fields
    _both_sizes(
        django_assert_num_queries,
        9 if "unit" in params else 8,
        lambda: client.get(url, params),
        lambda: add_staff(world, 2 * FACTOR - 2),
    )
    response = client.get(url, params)
    assert response.context["page"].paginator.count >= 2 * FACTOR


def test_register_filter_keeps_a_deep_unit_selectable(world, client_as, hr_admin):
    # The unit list shows two levels below the scope (perangkat daerah, bidang); a seksi
    # linked from its unit page is still accepted and shown as the selected option.
    seksi = make_unit("Seksi Keperawatan", world.yankes)
    nurse = EmployeeFactory(unit=seksi, name="Perawat Seksi")
    response = client_as(hr_admin).get(reverse("positions:employee_list"), {"unit": seksi.pk})
    assert [e.pk for e in response.context["page"]] == [nurse.pk]
    assert f'<option value="{seksi.pk}" selected>' in response.content.decode()


PROFILE_BUDGETS = {
    # employee (+unit), definitive placement (+post, unit, parent post), acting placements,
    # penilai walk (3), highest education, assessments (+competency), the post's required
    # competencies, nav employee, placements (+post, unit), educations (+field), leadership
    "positions:employee_detail": 17,
    # fragments loaded by htmx, no page chrome: employee, this year's JP, the latest lines
    "training:employee_summary": 7,
    # employee, SKPs (+post), their evaluations, imported history
    "performance:employee_history": 8,
}


@pytest.mark.parametrize("name", list(PROFILE_BUDGETS))
def test_profile_queries_do_not_grow(world, client_as, hr_admin, name, django_assert_num_queries):
    client = client_as(hr_admin)
    person = world.employee_emp
    url = reverse(name, args=[person.pk])
    add_history(person, 1)
    rated_skp(person, year=2024)
    _both_sizes(
        django_assert_num_queries,
        PROFILE_BUDGETS[name],
        lambda: client.get(url),
        lambda: [add_history(person, FACTOR - 1), rated_skp(person, year=2025)],
    )


# --- Peta jabatan, candidates ------------------------------------------------------------------


def test_peta_jabatan_queries_do_not_grow(world, client_as, hr_admin, django_assert_num_queries):
    client = client_as(hr_admin)
    url = reverse("positions:peta_jabatan", args=[world.dinkes.pk])
    add_staff(world, 12)
    # + unit, the unit's print jobs, every post of the subtree (bezetting as a subquery),
    # holders of the shown page (the table view; the organigram: tests/positions/test_peta.py)
    _both_sizes(
        django_assert_num_queries,
        9,
        lambda: client.get(url, {"tampilan": "tabel"}),
        lambda: add_staff(world, 12 * FACTOR - 12),
    )
    # Paged: 65 posts in the subtree, holders loaded for the first 50 only; totals are whole.
    response = client.get(url, {"tampilan": "tabel"})
    page = response.context["page"]
    assert page.paginator.count == len(response.context["peta"].rows) > 60
    assert len(page.object_list) == 50
    second = client.get(url, {"tampilan": "tabel", "page": 2})
    assert [r.position.pk for r in second.context["page"]] == [
        r.position.pk for r in response.context["peta"].rows[50:]
    ]
    assert any(r.holders for r in second.context["page"])


def test_candidate_page_and_chain_queries_do_not_grow(
    world, client_as, hr_admin, django_assert_num_queries
):
    client = client_as(hr_admin)
    page_url = reverse("positions:position_candidates", args=[world.perawat.pk])
    add_staff(world, 4)
    # + position, holders, accepted fields, same-rumpun fields, required competencies,
    # ranking, placements, educations of the ranked (no competency/leadership required),
    # exclusion summary
    _both_sizes(
        django_assert_num_queries,
        14,
        lambda: client.get(page_url),
        lambda: add_staff(world, 4 * FACTOR - 4),
    )
    # The chain fragment the page asks for (with its top three), no page chrome: position,
    # the three movers, their placements; the vacated posts' requirements (3 in all) and a
    # ranking per post (three)
    chain_url = client.get(page_url).context["chain_url"]
    with django_assert_num_queries(13):
        response = client.get(chain_url, headers={"HX-Request": "true"})
    assert len(response.context["chain"]) == 3


# --- SKP page, SKP submission -----------------------------------------------------------------


@pytest.fixture
def draft_skp(world, employee):
    """The pegawai's draft SKP 2026 under the kabid's approved SKP, ready to submit."""
    boss = performance_services.create_skp(world.manager_emp, year=2026, pendekatan="kuantitatif")
    add_rhk(boss, 1)
    SKP.objects.filter(pk=boss.pk).update(status=SKP.Status.DISETUJUI)
    skp = performance_services.create_skp(world.employee_emp, year=2026, pendekatan="kuantitatif")
    add_rhk(skp, 1, parent=boss.rhks.get())
    return skp


@pytest.mark.parametrize("viewer", ["employee", "hr_admin", "manager"])
def test_skp_page_queries_do_not_grow(
    world, client_as, request, viewer, draft_skp, django_assert_num_queries
):
    client = client_as(request.getfixturevalue(viewer))
    url = draft_skp.get_absolute_url()
    parent = RHK.objects.get(skp__employee=world.manager_emp)
    # + SKP (+people, post), RHK (+parent RHK, its SKP and employee), IKI, expectations,
    # other revisions, is_penilai_of (acting employee [+ a probe of the penilai post when
    # that employee is neither the named penilai nor the SKP's own pegawai]), missing items
    # (RHK, IKI, the penilai's SKP); the manager (a penilai) also pays the navbar badge's
    # count of SKPs awaiting approval.
    budgets = {"employee": 14, "hr_admin": 14, "manager": 15}
    _both_sizes(
        django_assert_num_queries,
        budgets[viewer],
        lambda: client.get(url),
        lambda: add_rhk(draft_skp, FACTOR - 1, parent=parent),
    )


def test_skp_submission_queries_do_not_grow(
    world, client_as, employee, draft_skp, django_assert_num_queries
):
    client = client_as(employee)
    url = reverse("performance:skp_submit", args=[draft_skp.pk])
    parent = RHK.objects.get(skp__employee=world.manager_emp)

    def submitted_then_reset() -> None:
        draft_skp.refresh_from_db()
        assert draft_skp.status == SKP.Status.DIAJUKAN  # every check of submit_skp passed
        SKP.objects.filter(pk=draft_skp.pk).update(status=SKP.Status.DRAFT)

    # session, user, scopes (2), SKP (+people, post); in a savepoint: the locked SKP, its
    # employee, definitive placement, penilai walk (holder, next post up, holder), missing
    # items (RHK, IKI, the penilai's SKP), update, history row
    with django_assert_num_queries(18):
        assert client.post(url).status_code == 302
    submitted_then_reset()
    add_rhk(draft_skp, FACTOR - 1, parent=parent)
    with django_assert_num_queries(18):
        assert client.post(url).status_code == 302
    submitted_then_reset()


# --- Kurva, kepatuhan JP ----------------------------------------------------------------------


def test_curve_queries_do_not_grow(world, client_as, hr_admin, django_assert_num_queries):
    client = client_as(hr_admin)
    url = reverse("performance:curve") + f"?unit={world.dinkes.pk}&tahun=2025"
    add_staff(world, 2)
    # + visible units, organisation predikat, annual results (one query of tuples)
    _both_sizes(
        django_assert_num_queries,
        8,
        lambda: client.get(url),
        lambda: add_staff(world, 2 * FACTOR - 2),
    )
    response = client.get(url)
    assert response.context["total"] == 2 * FACTOR


def test_compliance_queries_do_not_grow(world, client_as, hr_admin, django_assert_num_queries):
    client = client_as(hr_admin)
    url = reverse("training:compliance") + f"?unit={world.dinkes.pk}"
    add_staff(world, 2)
    # + visible units, counts aggregate, the page below target (the count comes from the
    # aggregate)
    _both_sizes(
        django_assert_num_queries,
        8,
        lambda: client.get(url),
        lambda: add_staff(world, 12 * FACTOR - 2),
    )
    response = client.get(url)
    page = response.context["page"]
    report = response.context["report"]
    assert page.paginator.count == report.below_count == report.active - report.compliant
    assert page.paginator.num_pages == 2  # 60 new staff below 20 JP, plus the cast


# --- Seleksi terbuka JPT: the register and one selection ----------------------------------


def test_selection_pages_queries_do_not_grow(world, client_as, hr_admin, django_assert_num_queries):
    client = client_as(hr_admin)
    selection = JptSelection.objects.create(position=world.kadis_dishub, opened_on=dt.date.today())

    def grow(n: int) -> None:
        for person in add_staff(world, n):
            SelectionCandidate.objects.create(
                selection=selection,
                employee=person,
                source="peringkat",
                listed_rank=selection.candidates.count() + 1,
                score=50,
            )
            SelectionCommitteeMember.objects.create(
                selection=selection, name=person.name, role="anggota", unsur="internal"
            )
            post = PositionFactory(unit=world.dishub, jenis="jpt_pratama", kelas=14)
            JptSelection.objects.create(position=post, opened_on=dt.date.today())

    grow(2)
    # + the selection; its candidates, the ones the user may see, its panitia; the history
    # of the selection, the candidates and the panitia (one query per historical table)
    _both_sizes(
        django_assert_num_queries,
        12,
        lambda: client.get(reverse("positions:selection_detail", args=[selection.pk])),
        lambda: grow(2 * FACTOR - 2),
    )
    # + the selections with post, unit, chosen and number of names (one query)
    _both_sizes(
        django_assert_num_queries,
        6,
        lambda: client.get(reverse("positions:selection_list")),
        lambda: grow(2),
    )


# --- Manajemen talenta: the grid, a box, critical posts, succession, forecast ---------------


def _talent_world(world, hr_admin, n: int) -> None:
    """n more rated, assessed people and a fresh calculation over the province; each new
    person also holds a post that falls vacant within 12 months (BUP 58)."""
    from performance.models import RatingHistory
    from positions.models import Employee, today
    from talent import grid
    from talent.models import TalentRun

    born = dt.date(today().year - 58, today().month, 1)
    for person in add_staff(world, n):
        for year, predikat in ((2025, "sangat_baik"), (2024, "baik")):
            RatingHistory.objects.create(
                employee=person, year=year, regime="permenpan6", predikat=predikat
            )
        Employee.objects.filter(pk=person.pk).update(birth_date=born)
    run = TalentRun.objects.create(unit=world.pemprov, year=2025, created_by=hr_admin)
    grid.compute_run(run.pk)


TALENT_BUDGETS = {
    # + default unit, unit picker, latest run, pending run, the GROUP BY of the boxes
    "grid": ("talent:grid", {}, 10),
    # + the box's page count and page (employee, position joined)
    "grid_box": ("talent:grid", {"kotak": "7"}, 11),
    # + default unit, unit picker, page count, page of posts (critical/plan as EXISTS)
    "critical_list": ("talent:critical_list", {}, 9),
    # + default unit, unit picker, the three horizon counts in one aggregate (which also gives
    # the paginator its count), page, then per page: planned moves, succession plans, their
    # candidates, bezetting, leaving per post; the page's list, the counts and the rows each
    # read the BUP ages in use once (3)
    "forecast": ("talent:forecast", {"horizon": "12"}, 16),
}


@pytest.mark.parametrize("name", list(TALENT_BUDGETS))
def test_talent_pages_do_not_grow(world, client_as, hr_admin, name, django_assert_num_queries):
    url_name, params, budget = TALENT_BUDGETS[name]
    client = client_as(hr_admin)
    _talent_world(world, hr_admin, 2)
    _both_sizes(
        django_assert_num_queries,
        budget,
        lambda: client.get(reverse(url_name), params),
        lambda: _talent_world(world, hr_admin, 2 * FACTOR - 2),
    )


def test_succession_page_does_not_grow(world, client_as, hr_admin, django_assert_num_queries):
    client = client_as(hr_admin)
    _talent_world(world, hr_admin, 2)
    url = reverse("talent:succession", args=[world.kabid.pk])
    # + the post, holders, critical?, latest run (page and proposals), the proposal pool,
    # placements, educations, leadership, programs, plan history, planned moves
    _both_sizes(
        django_assert_num_queries,
        14,
        lambda: client.get(url),
        lambda: _talent_world(world, hr_admin, 2 * FACTOR - 2),
    )
