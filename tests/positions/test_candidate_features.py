"""The precomputed candidate features (positions/matching/features.py, issue 15).

* Equivalence: on a varied population the ranking and the exclusion summary read from the
  features are exactly those read from the source tables (scores, components, order, counts).
* Staleness: after every kind of write through the real paths (placement services, forms,
  employee import, a post's jenjang changed, deletions) no stored row differs from a
  recomputation; a write that bypasses them (a raw UPDATE) is caught by the same check.
"""

import datetime as dt
import random

import pytest
from django.core.management import call_command
from django.urls import reverse

from positions import matching
from positions.matching import features
from positions.models import (
    CandidateFeatures,
    Competency,
    Education,
    EducationField,
    Employee,
    EmployeeCompetency,
    ImportBatch,
    LeadershipTraining,
    Placement,
    PositionCompetency,
    today,
)
from positions.services import end_placement, place_employee
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory
from tests.positions.import_rows import placed, xlsx

TARGETS = [
    ("pelaksana", ""),
    ("fungsional", "terampil"),
    ("fungsional", "ahli_pertama"),
    ("fungsional", "ahli_muda"),
    ("fungsional", "ahli_madya"),
    ("fungsional", "ahli_utama"),
    ("pengawas", ""),
    ("administrator", ""),
    ("jpt_pratama", ""),
    ("jpt_madya", ""),
]


def _shifted(on: dt.date, months: int, day: int) -> dt.date:
    y, m = divmod(on.year * 12 + on.month - 1 + months, 12)
    return dt.date(y, m + 1, day)


@pytest.fixture
def population(world):
    """60 employees with random careers over posts of every rung, educations, leadership
    trainings, assessments and predikat; some placements start in the future."""
    rng = random.Random(15)
    on = today()
    unit = world.dishub
    fields = [
        EducationField.objects.create(code=f"F{i}", name=f"Prodi {i}", group=f"Rumpun {i % 3}")
        for i in range(6)
    ]
    comps = [
        Competency.objects.create(code=f"KT{i}", name=f"Kompetensi {i}", kind="teknis")
        for i in range(3)
    ]
    posts = []
    for i, (jenis, jenjang) in enumerate(TARGETS * 3):
        structural = jenis not in ("pelaksana", "fungsional")
        post = PositionFactory(
            unit=unit,
            name=f"Jabatan {i}",
            jenis=jenis,
            jenjang=jenjang,
            kebutuhan=1 if structural else 20,
        )
        if i % 3 == 0:
            post.accepted_fields.add(fields[i % 6])
            post.min_education_level = rng.choice(["", "30", "40"])
            post.min_golongan = rng.choice(["", "31", "33"])
            post.save()
            PositionCompetency.objects.create(position=post, competency=comps[i % 3], level=3)
        posts.append(post)
    structural_taken: set[int] = set()
    for n in range(60):
        kind = rng.choice(["pns", "pns", "pns", "pppk", "cpns"])
        pns_golongan = rng.choice(["22", "31", "32", "33", "34", "41", "42"])
        emp = EmployeeFactory(
            unit=unit,
            name=f"Calon {n:02d}",
            kind=kind,
            golongan=rng.choice(["P07", "P09"]) if kind == "pppk" else pns_golongan,
            birth_date=dt.date(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28)),
            latest_predikat=rng.choice(["", "sangat_baik", "baik", "butuh_perbaikan", "kurang"]),
        )
        for level in rng.sample(["30", "35", "40", "45"], rng.randint(0, 2)):
            Education.objects.create(
                employee=emp, level=level, field=rng.choice(fields), graduation_year=2005
            )
        for kind in rng.sample(["pkp", "pka", "pkn2"], rng.randint(0, 2)):
            LeadershipTraining.objects.create(employee=emp, kind=kind, year=2015)
        for comp in rng.sample(comps, rng.randint(0, 3)):
            for days in rng.sample(range(30, 900), rng.randint(1, 2)):
                EmployeeCompetency.objects.create(
                    employee=emp,
                    competency=comp,
                    level=rng.randint(1, 5),
                    assessed_on=on - dt.timedelta(days=days),
                )
        start = _shifted(on, -rng.randint(60, 240), rng.randint(1, 28))
        for _ in range(rng.randint(0, 3)):  # closed definitive posts
            end = _shifted(start, rng.randint(6, 50), rng.randint(1, 28))
            if end >= on:
                break
            post = rng.choice(posts)
            PlacementFactory(employee=emp, position=post, start_date=start, end_date=end)
            start = end + dt.timedelta(days=1)
        if rng.random() < 0.85:  # the open one: sometimes future-dated, sometimes structural
            if rng.random() < 0.1:
                start = on + dt.timedelta(days=rng.randint(1, 60))
            free = [p for p in posts if p.pk not in structural_taken]
            post = rng.choice(free)
            if post.is_structural:
                structural_taken.add(post.pk)
            PlacementFactory(employee=emp, position=post, start_date=start)
        if rng.random() < 0.15:
            PlacementFactory(
                employee=emp,
                position=rng.choice(posts),
                kind="plt",
                start_date=on,
                is_structural=False,
            )
    return posts


def _ranking(user, post, *, stored):
    req = matching.requirements_for([post])[post.pk]
    pool = matching.candidate_pool(user, post)
    ranked = matching.rank(pool, req, limit=200, features=stored)
    rows = [
        (e.pk, round(e.score, 9), *(round(getattr(e, f"c_{k}"), 9) for k in matching.WEIGHTS))
        for e in ranked
    ]
    summary = matching.eligibility_summary(pool, req, features=stored)
    return rows, summary


def test_the_ranking_on_the_features_is_the_ranking_on_the_source_tables(hr_admin, population):
    assert features.stale_employee_ids() == []
    nonempty = 0
    for post in population:
        stored_rows, stored_summary = _ranking(hr_admin, post, stored=True)
        direct_rows, direct_summary = _ranking(hr_admin, post, stored=False)
        assert stored_rows == direct_rows, post
        assert stored_summary == direct_summary, post
        nonempty += bool(stored_rows)
        # Both paths exclude someone for some posts and keep someone for most: the data
        # exercises the rules rather than passing everyone or no one.
    assert nonempty >= len(population) // 2
    excluded = {
        r["key"]
        for post in population
        for r in _ranking(hr_admin, post, stored=True)[1]["reasons"]
        if r["count"]
    }
    assert {"turun_jenjang", "lompat_jenjang", "pengalaman", "pendidikan", "usia"} <= excluded


def test_ranking_for_today_reads_the_features(hr_admin, population):
    """A row changed behind the code's back changes today's ranking (so the features are what
    it reads) but not a ranking for another date (which reads the source tables)."""
    post = next(p for p in population if p.jenis == "pelaksana")
    before, _ = _ranking(hr_admin, post, stored=None)
    assert before
    CandidateFeatures.objects.filter(employee_id=before[0][0]).update(current_start=None)
    after, _ = _ranking(hr_admin, post, stored=None)
    assert [r[:2] for r in after] != [r[:2] for r in before]
    req = matching.requirements_for([post])[post.pk]
    yesterday = today() - dt.timedelta(days=1)
    assert not matching.use_features(yesterday)
    pool = matching.candidate_pool(hr_admin, post, on=yesterday)
    assert matching.rank(pool, req, limit=200, on=yesterday)  # reads placements: unaffected


# --- Staleness -------------------------------------------------------------------


@pytest.fixture
def fresh(world):
    def check():
        assert features.stale_employee_ids() == []

    check()
    return check


def test_a_raw_update_is_caught_by_the_check(world):
    """The control: the staleness check can fail."""
    placement = Placement.objects.filter(kind="definitif", end_date__isnull=True).first()
    Placement.objects.filter(pk=placement.pk).update(start_date=dt.date(2001, 1, 1))
    assert features.stale_employee_ids() == [placement.employee_id]
    features.refresh([placement.employee_id])
    assert features.stale_employee_ids() == []


def test_placement_services_keep_the_features_fresh(world, fresh, hr_admin):
    on = today()
    emp = EmployeeFactory(unit=world.dishub, name="Pindah")
    fresh()
    first = PositionFactory(unit=world.dishub, jenis="pengawas", name="Kasi A")
    second = PositionFactory(unit=world.dishub, jenis="administrator", name="Kabid B")
    place_employee(
        emp,
        position=first,
        kind="definitif",
        start_date=on - dt.timedelta(days=2000),
        sk_number="800/1",
        sk_date=on - dt.timedelta(days=2010),
    )
    fresh()
    placement = place_employee(
        emp,
        position=second,
        kind="definitif",
        start_date=on - dt.timedelta(days=30),
        sk_number="800/2",
        sk_date=on - dt.timedelta(days=40),
    )
    fresh()
    row = CandidateFeatures.objects.get(employee=emp)
    assert (row.current_level, row.current_start) == (2, on - dt.timedelta(days=30))
    assert row.months_1 > 60  # the pengawas post, now closed
    end_placement(placement, end_date=on, reason="mutasi")
    fresh()
    assert CandidateFeatures.objects.get(employee=emp).current_level is None


def test_the_forms_keep_the_features_fresh(client_as, world, fresh, hr_admin):
    emp = world.outsider_emp
    client = client_as(hr_admin)
    field = EducationField.objects.create(code="KES", name="Kesehatan Masyarakat", group="Kes")
    response = client.post(
        reverse("positions:education_create", args=[emp.pk]),
        {"level": "45", "field": field.pk, "institution": "Unila", "graduation_year": 2015},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    fresh()
    assert CandidateFeatures.objects.get(employee=emp).education_level == "45"
    response = client.post(
        reverse("positions:employee_create"),
        {
            "nip": "199001012015031001",
            "name": "Baru Masuk",
            "kind": "pns",
            "gender": "L",
            "birth_date": "1990-01-01",
            "golongan": "31",
            "unit": world.dishub.pk,
            "status": "aktif",
        },
    )
    fresh()
    assert Employee.objects.filter(name="Baru Masuk").exists() == (response.status_code == 302)


def test_trainings_assessments_and_deletions_keep_the_features_fresh(world, fresh):
    emp = world.outsider_emp
    training = LeadershipTraining.objects.create(employee=emp, kind="pka", year=2020)
    fresh()
    assert CandidateFeatures.objects.get(employee=emp).leadership_rank == 2
    training.delete()
    fresh()
    Education.objects.filter(employee=emp).delete()  # a queryset delete sends the signals
    fresh()
    Placement.objects.filter(employee=emp).first().delete()
    fresh()
    emp.delete()
    fresh()
    assert not CandidateFeatures.objects.filter(employee_id=emp.pk).exists()


def test_a_posts_new_jenjang_reaches_its_holders(world, fresh):
    post = PositionFactory(unit=world.dishub, jenis="fungsional", jenjang="ahli_pertama")
    holder = EmployeeFactory(unit=world.dishub)
    PlacementFactory(employee=holder, position=post, start_date=dt.date(2020, 1, 1))
    fresh()
    post.jenjang = "ahli_madya"
    post.save()
    fresh()
    assert CandidateFeatures.objects.get(employee=holder).current_level == 2


def test_the_employee_import_keeps_the_features_fresh(
    client_as, world, fresh, hr_dishub, django_capture_on_commit_callbacks
):
    """Upload, preview and commit a file, as HR does: the import writes in bulk (no signals)."""
    row = placed(7, world.staf_dishub, tmt_jabatan="01-02-2024")
    upload = xlsx([row])
    client = client_as(hr_dishub)
    assert client.post(reverse("positions:import_upload"), {"file": upload}).status_code == 302
    batch = ImportBatch.objects.latest("pk")
    assert all(not r["errors"] for r in batch.rows), batch.rows
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("positions:import_commit", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED
    fresh()
    emp = Employee.objects.get(nip=row["nip"])
    assert CandidateFeatures.objects.get(employee=emp).current_start == dt.date(2024, 2, 1)


def test_the_management_command_refreshes_and_checks(world, capsys):
    CandidateFeatures.objects.all().delete()
    call_command("refresh_candidate_features", "--check")
    assert "tidak sesuai" in capsys.readouterr().out
    call_command("refresh_candidate_features")
    call_command("refresh_candidate_features", "--check")
    assert "sesuai" in capsys.readouterr().out
    assert features.stale_employee_ids() == []


def test_refresh_of_everyone_writes_one_row_per_employee(world):
    CandidateFeatures.objects.all().delete()
    assert features.refresh() == Employee.objects.count()
    assert CandidateFeatures.objects.count() == Employee.objects.count()


# --- The ranking cache -------------------------------------------------------------


def _page(client, post):
    response = client.get(reverse("positions:position_candidates", args=[post.pk]))
    assert response.status_code == 200
    page = response.context["page"]
    return [(c.employee.pk, c.score) for c in page.candidates], page.summary


def test_the_second_view_reads_the_cached_ranking(client_as, hr_admin, population):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post = next(p for p in population if p.jenis == "pelaksana")
    client = client_as(hr_admin)
    with CaptureQueriesContext(connection) as first_queries:
        first = _page(client, post)
    with CaptureQueriesContext(connection) as second_queries:
        second = _page(client, post)
    assert first == second and first[0]
    # The ranking and the summary (two queries over the whole pool) are not run again; the
    # cached top rows come back with one query.
    assert len(second_queries) == len(first_queries) - 1
    assert not any("COUNT(" in q["sql"].upper() for q in second_queries.captured_queries)


def test_a_write_drops_the_cached_ranking(client_as, hr_admin, population):
    post = next(p for p in population if p.jenis == "pelaksana")
    client = client_as(hr_admin)
    ranked, summary = _page(client, post)
    top = Employee.objects.get(pk=ranked[0][0])
    # The top candidate retires (a form in real life; the same save here).
    top.status = Employee.Status.PENSIUN
    top.save()
    after, after_summary = _page(client, post)
    assert top.pk not in [pk for pk, _ in after]
    assert after_summary["total"] == summary["total"] - 1
    # A new education moves someone's score: the page shows the new score at once.
    someone = Employee.objects.get(pk=after[-1][0])
    Education.objects.create(
        employee=someone, level="45", field=post.accepted_fields.first(), graduation_year=2020
    )
    assert _page(client, post)[0] == _page(client, post)[0]
    direct = matching.rank(
        matching.candidate_pool(hr_admin, post),
        matching.requirements_for([post])[post.pk],
        limit=matching.DEFAULT_LIMIT,
        features=False,
    )
    assert _page(client, post)[0] == [(e.pk, round(e.score, 1)) for e in direct]


def test_the_nightly_task_refreshes_every_row(world):
    from positions import tasks

    CandidateFeatures.objects.all().delete()
    Placement.objects.filter(end_date__isnull=True).update(start_date=dt.date(2010, 1, 1))
    tasks.refresh_candidate_features.delay()
    assert features.stale_employee_ids() == []
    assert CandidateFeatures.objects.count() == Employee.objects.count()


def test_migrate_fills_the_rows_of_an_upgraded_database(world):
    """A database from before the table has employees and no rows: `migrate` fills them."""
    CandidateFeatures.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert CandidateFeatures.objects.count() == Employee.objects.count()
    assert features.stale_employee_ids() == []
