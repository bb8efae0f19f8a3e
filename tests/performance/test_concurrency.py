"""Two tabs at once: real concurrent transactions (one thread and one connection each) on the
same SKP, evaluation, structural post, training seat and report job. Exactly one wins, the
other is told in Indonesian, and the data is left in one consistent state.

On PostgreSQL both threads open their transaction and read before either writes, then meet at a
barrier, so the row locks (`select_for_update`) and the optimistic `version` are what keep them
apart. On SQLite, `transaction_mode = IMMEDIATE` makes the second BEGIN wait for the first
COMMIT, so the threads start together and SQLite serialises them; the same assertions hold.
A short sleep inside the critical section (after the checks, before the write) makes the
race window wide enough that a missing lock would be seen every time, not once in a while.
"""

from __future__ import annotations

import datetime as dt
import importlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.db.models import QuerySet
from django.test import Client
from django.urls import reverse

from performance import report_jobs, services
from performance.models import SKP, Evaluation, ReportDocument, ReportJob
from positions import services as position_services
from positions.models import HRScope, Placement
from tests.factories import (
    EmployeeFactory,
    EvaluationFactory,
    ParticipationFactory,
    PlacementFactory,
    PositionFactory,
    SKPFactory,
    TrainingEventFactory,
)
from training import needs as training_needs
from training import services as training_services
from training.models import (
    Attendance,
    DevelopmentPlan,
    Participation,
    Session,
    TrainingEvent,
)

pytestmark = pytest.mark.flushes

YEAR = 2026
STALE = "Evaluasi ini baru saja diubah di tempat lain"
NOT_SUBMITTED_APPROVE = "Hanya SKP yang diajukan yang dapat disetujui."
NOT_SUBMITTED_RETURN = "Hanya SKP yang diajukan yang dapat dikembalikan."
WINDOW = 0.3  # seconds a winner sleeps inside its critical section


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def race(*actions: Callable[[], Any], in_transaction: bool = True) -> list[Outcome]:
    """Run the actions in parallel threads, each on its own database connection, released
    together by a barrier. Returns one Outcome per action, in order.

    in_transaction (PostgreSQL): each thread opens its transaction and reads before the
    barrier, so both are inside their transaction together. Without it, the threads stay in
    autocommit like a plain request or a Celery task. On SQLite the threads always start
    together outside a transaction: BEGIN IMMEDIATE takes the write lock, so a thread holding
    an open transaction at the barrier would block the other one's BEGIN."""
    barrier = threading.Barrier(len(actions))
    outcomes = [Outcome() for _ in actions]
    together = in_transaction and connection.vendor == "postgresql"

    def run(index: int, action: Callable[[], Any]) -> None:
        try:
            if together:
                with transaction.atomic():
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT 1")  # the transaction has begun
                    barrier.wait(timeout=20)
                    outcomes[index].value = action()
            else:
                barrier.wait(timeout=20)
                outcomes[index].value = action()
        except BaseException as exc:  # handed to the test, which asserts on it
            outcomes[index].error = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    assert not any(t.is_alive() for t in threads), "a racing thread hung (lock never released?)"
    return outcomes


def one_winner(outcomes: list[Outcome]) -> tuple[int, Outcome]:
    """Exactly one outcome succeeded and every loser got a ValidationError (not a 500-type
    error such as IntegrityError or OperationalError)."""
    winners = [i for i, o in enumerate(outcomes) if o.ok]
    assert len(winners) == 1, [o.error for o in outcomes]
    for outcome in outcomes:
        if not outcome.ok:
            assert isinstance(outcome.error, ValidationError), repr(outcome.error)
    return winners[0], outcomes[winners[0]]


def race_posts(posts: list[tuple[Client, str, dict]], slow: Any) -> tuple[list[int], list[Any]]:
    """Two tabs post at once (`posts`: client, url, data) while `slow` (a `slowed` patch)
    holds each inside its transaction: no request errors, one is redirected (saved) and the
    other re-renders its form (200). Returns the status codes and the responses, in order."""
    with slow:
        outcomes = race(
            *(lambda tab=tab, url=url, data=data: tab.post(url, data) for tab, url, data in posts),
            in_transaction=False,
        )
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    codes = [o.value.status_code for o in outcomes]
    assert sorted(codes) == [200, 302]
    return codes, [o.value for o in outcomes]


def slowed(target: Any, name: str) -> Any:
    """Patch `target.name` so each call first sleeps WINDOW seconds: the caller stays inside
    its transaction (the patched calls come after the checks; most also before the write)
    long enough for the other thread to race it."""
    real = getattr(target, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(WINDOW)
        return real(*args, **kwargs)

    return mock.patch.object(target, name, slow)


@pytest.fixture
def predikat_matrix(transactional_db: None) -> None:
    """The kuadran kinerja rows come from a data migration; an earlier flushing test may have
    emptied them. Seed them again (idempotent)."""
    squashed = "performance.migrations.0001_squashed_0008_rhk_perspektif_anggaran"
    importlib.import_module(squashed).seed_predikat_matrix_and_curve(django_apps, None)


@pytest.fixture
def submitted_skp(transactional_db: None, world: Any) -> SKP:
    return SKPFactory(employee=world.employee_emp, year=YEAR, submitted=True)


@pytest.fixture
def evaluation(transactional_db: None, predikat_matrix: None, world: Any) -> Evaluation:
    skp = SKPFactory(employee=world.employee_emp, year=YEAR, approved=True)
    return EvaluationFactory(skp=skp, period=Evaluation.Period.TW1, realisation=None)


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def messages_text(response: Any) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


# --- (a) two penilai tabs approve the same SKP --------------------------------------------


def test_two_tabs_approving_one_skp_approve_it_once(submitted_skp, manager):
    with slowed(services.skp, "identity"):
        outcomes = race(
            lambda: services.approve_skp(submitted_skp, user=manager),
            lambda: services.approve_skp(submitted_skp, user=manager),
        )
    winner, won = one_winner(outcomes)
    loser = outcomes[1 - winner]
    assert loser.error.messages == [NOT_SUBMITTED_APPROVE]

    skp = SKP.objects.get(pk=submitted_skp.pk)
    assert skp.status == SKP.Status.DISETUJUI
    assert skp.approved_at == won.value.approved_at
    assert skp.snapshot == won.value.snapshot and skp.snapshot["pegawai"]["nip"]
    # One approval in the audit trail: the loser wrote nothing.
    approvals = SKP.history.filter(id=skp.pk, status=SKP.Status.DISETUJUI)
    assert approvals.count() == 1


# --- (b) one tab approves while the other returns ------------------------------------------


def test_approve_and_return_at_once_leave_one_result(submitted_skp, manager):
    with slowed(services.skp, "identity"), slowed(services.skp, "_notify"):
        outcomes = race(
            lambda: services.approve_skp(submitted_skp, user=manager),
            lambda: services.return_skp(submitted_skp, user=manager, note="Perbaiki target."),
        )
    winner, _ = one_winner(outcomes)
    skp = SKP.objects.get(pk=submitted_skp.pk)
    if winner == 0:
        assert outcomes[1].error.messages == [NOT_SUBMITTED_RETURN]
        assert skp.status == SKP.Status.DISETUJUI
        assert skp.return_note == "" and skp.approved_at is not None
    else:
        assert outcomes[0].error.messages == [NOT_SUBMITTED_APPROVE]
        assert skp.status == SKP.Status.DIKEMBALIKAN
        assert skp.return_note == "Perbaiki target." and skp.approved_at is None
        assert skp.snapshot == {}
    decided = [SKP.Status.DISETUJUI, SKP.Status.DIKEMBALIKAN]
    assert SKP.history.filter(id=skp.pk, status__in=decided).count() == 1


def test_approve_buttons_posted_from_two_tabs_answer_without_error(submitted_skp, manager):
    url = reverse("performance:skp_approve", args=[submitted_skp.pk])
    tabs = [logged_in(manager), logged_in(manager)]
    with slowed(services.skp, "identity"):
        outcomes = race(*(lambda tab=tab: tab.post(url) for tab in tabs), in_transaction=False)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    responses = [o.value for o in outcomes]
    assert sorted(r.status_code for r in responses) == [302, 302]
    texts = sorted(messages_text(r) for r in responses)
    assert texts[0] == NOT_SUBMITTED_APPROVE
    assert texts[1].endswith("disetujui.") and texts[1].startswith(f"SKP {YEAR}")
    assert SKP.history.filter(id=submitted_skp.pk, status=SKP.Status.DISETUJUI).count() == 1


# --- (c) two penilai tabs rate the same evaluation ----------------------------------------


def test_two_tabs_rating_with_the_same_version_save_once(evaluation, manager):
    loaded = evaluation.version
    ratings = [("diatas", "diatas"), ("dibawah", "dibawah")]
    with slowed(services.evaluation, "predikat_for"):
        outcomes = race(
            *(
                lambda h=h, p=p: services.rate_evaluation(
                    evaluation, user=manager, rating_hasil=h, rating_perilaku=p, version=loaded
                )
                for h, p in ratings
            )
        )
    winner, won = one_winner(outcomes)
    assert STALE in outcomes[1 - winner].error.messages[0]

    saved = Evaluation.objects.get(pk=evaluation.pk)
    hasil, perilaku = ratings[winner]
    assert (saved.rating_hasil, saved.rating_perilaku) == (hasil, perilaku)
    assert saved.predikat == won.value.predikat
    assert saved.predikat == ("sangat_baik" if winner == 0 else "sangat_kurang")
    assert saved.version == loaded + 1


def test_a_stale_version_is_refused_after_the_other_tab_saved(evaluation, manager):
    """The optimistic check on its own, sequentially (the same on every database)."""
    loaded = evaluation.version
    services.rate_evaluation(
        evaluation, user=manager, rating_hasil="sesuai", rating_perilaku="sesuai", version=loaded
    )
    with pytest.raises(ValidationError) as exc:
        services.save_penilai_feedback(
            evaluation,
            user=manager,
            version=loaded,
            indicator_feedback={},
            behaviour_feedback={"akuntabel": "Tertimpa?"},
            umpan_balik="Dari tab lama",
            rating_hasil="dibawah",
            rating_perilaku="dibawah",
        )
    assert STALE in exc.value.messages[0]
    saved = Evaluation.objects.get(pk=evaluation.pk)
    assert (saved.predikat, saved.umpan_balik, saved.version) == ("baik", "", loaded + 1)
    assert not saved.behaviour_feedback.exists()  # the refused save wrote nothing at all


def _rating_post(hasil: str, perilaku: str, version: int) -> dict[str, Any]:
    return {
        "action": "nilai",
        "version": version,
        "umpan_balik": f"Rating {hasil}/{perilaku}",
        "rating_hasil": hasil,
        "rating_perilaku": perilaku,
    }


def test_two_tabs_posting_the_rating_form_show_the_loser_the_message(evaluation, manager):
    url = reverse("performance:evaluation", args=[evaluation.skp_id, evaluation.period])
    tabs = [logged_in(manager), logged_in(manager)]
    versions = [tab.get(url).context["form"]["version"].value() for tab in tabs]
    assert versions == [evaluation.version, evaluation.version]
    posts = [
        _rating_post("diatas", "sesuai", versions[0]),
        _rating_post("dibawah", "sesuai", versions[1]),
    ]
    codes, responses = race_posts(
        [(tab, url, data) for tab, data in zip(tabs, posts, strict=True)],
        slowed(services.evaluation, "predikat_for"),
    )
    winner = codes.index(302)
    page = responses[1 - winner].content.decode()
    assert STALE in page and 'data-testid="form-errors"' in page

    saved = Evaluation.objects.get(pk=evaluation.pk)
    assert saved.rating_hasil == posts[winner]["rating_hasil"]
    assert saved.umpan_balik == posts[winner]["umpan_balik"]
    assert saved.predikat == ("baik" if winner == 0 else "butuh_perbaikan")


def test_the_same_stale_form_posted_twice_gets_the_message_not_a_500(evaluation, manager):
    url = reverse("performance:evaluation", args=[evaluation.skp_id, evaluation.period])
    tab = logged_in(manager)
    version = tab.get(url).context["form"]["version"].value()
    assert tab.post(url, _rating_post("sesuai", "sesuai", version)).status_code == 302
    response = tab.post(url, _rating_post("dibawah", "dibawah", version))
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert Evaluation.objects.get(pk=evaluation.pk).predikat == "baik"


def test_two_tabs_opening_a_new_evaluation_create_one_row(predikat_matrix, world, manager):
    skp = SKPFactory(employee=world.employee_emp, year=YEAR, approved=True)
    url = reverse("performance:evaluation", args=[skp.pk, "tw2"])
    tabs = [logged_in(manager), logged_in(manager)]
    outcomes = race(*(lambda tab=tab: tab.get(url) for tab in tabs), in_transaction=False)
    assert [o.value.status_code for o in outcomes if o.ok] == [200, 200], outcomes
    assert Evaluation.objects.filter(skp=skp, period="tw2").count() == 1


def test_two_tabs_creating_the_same_skp_create_one(transactional_db, world):
    """A double-clicked "Buat SKP" (or two tabs): one draft, the other told it exists."""
    with slowed(services.skp, "derive_roles"):
        outcomes = race(
            *(
                lambda: services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
                for _ in range(2)
            )
        )
    winner, won = one_winner(outcomes)
    assert outcomes[1 - winner].error.messages == ["SKP untuk periode ini sudah ada."]
    assert list(SKP.objects.filter(employee=world.employee_emp)) == [won.value]
    assert won.value.expectations.count() == 7


# --- placements: two HR tabs fill the same structural post --------------------------------


@pytest.fixture
def vacant_post(transactional_db: None, world: Any) -> Any:
    return PositionFactory(
        unit=world.yankes,
        name="Kepala Seksi Rujukan",
        jenis="pengawas",
        kelas=9,
        parent=world.kabid,
    )


def _place(employee: Any, post: Any, *, hr: Any) -> Placement:
    return position_services.place_employee(
        employee,
        position=post,
        kind=Placement.Kind.DEFINITIF,
        start_date=dt.date(YEAR, 3, 1),
        sk_number="821.2/77/2026",
        sk_date=dt.date(YEAR, 2, 20),
        placed_by=hr,
    )


def _open_holders(post: Any) -> list[int]:
    return list(
        Placement.objects.open()
        .filter(position=post, kind=Placement.Kind.DEFINITIF)
        .values_list("employee_id", flat=True)
    )


def test_two_hr_tabs_filling_one_structural_post_place_one_person(vacant_post, world, hr_dinkes):
    newcomer = EmployeeFactory(unit=world.yankes)
    PlacementFactory(employee=newcomer, position=world.perawat)
    people = [world.colleague_emp, newcomer]
    with slowed(Placement, "save"):
        outcomes = race(*(lambda e=e: _place(e, vacant_post, hr=hr_dinkes) for e in people))
    winner, _ = one_winner(outcomes)
    loser = outcomes[1 - winner]
    assert "sudah dijabat secara definitif oleh" in loser.error.message_dict["position"][0]
    assert _open_holders(vacant_post) == [people[winner].pk]
    # The loser's previous post was not closed: its transaction wrote nothing.
    assert people[1 - winner].placements.open().get().position == world.perawat


def test_without_the_row_lock_the_unique_index_still_refuses_cleanly(vacant_post, world, hr_dinkes):
    """Last line of defence: with the position lock taken away, both tabs pass the checks;
    the partial unique index refuses the second holder and the service turns the
    IntegrityError into a ValidationError (a form error, never a 500)."""
    newcomer = EmployeeFactory(unit=world.yankes)
    PlacementFactory(employee=newcomer, position=world.perawat)
    people = [world.colleague_emp, newcomer]
    no_lock = mock.patch.object(QuerySet, "select_for_update", lambda self, **kw: self)
    with no_lock, slowed(Placement, "save"):
        outcomes = race(*(lambda e=e: _place(e, vacant_post, hr=hr_dinkes) for e in people))
    one_winner(outcomes)
    assert len(_open_holders(vacant_post)) == 1


def test_placement_forms_posted_from_two_hr_tabs_give_the_loser_a_form_error(
    vacant_post, world, hr_dinkes
):
    newcomer = EmployeeFactory(unit=world.yankes)
    PlacementFactory(employee=newcomer, position=world.perawat)
    people = [world.colleague_emp, newcomer]
    data = {
        "position": vacant_post.pk,
        "kind": "definitif",
        "start_date": f"{YEAR}-03-01",
        "sk_number": "821.2/78/2026",
        "sk_date": f"{YEAR}-02-20",
    }
    tabs = [logged_in(hr_dinkes), logged_in(hr_dinkes)]
    urls = [reverse("positions:placement_create", args=[e.pk]) for e in people]
    codes, responses = race_posts(
        [(tab, url, data) for tab, url in zip(tabs, urls, strict=True)],
        slowed(Placement, "save"),
    )
    # Only the loser renders a page; its content, not response.context (the test client's
    # template signal is process-wide, so context could mix two threads), is checked.
    loser_page = responses[codes.index(200)].content.decode()
    assert "sudah dijabat secara definitif oleh" in loser_page
    assert _open_holders(vacant_post) == [people[codes.index(302)].pk]


# --- training: two HR tabs take the last seat ---------------------------------------------


@pytest.fixture
def almost_full_event(transactional_db: None, world: Any) -> TrainingEvent:
    event = TrainingEventFactory(
        program__code="KONK-1",
        program__name="Pelatihan Triase",
        program__provider="BPSDM Provinsi Lampung",
        organiser_unit=world.dinkes,
        quota=2,
    )
    ParticipationFactory(seat=True, event=event, employee=world.kadis_emp, jp=24)
    return event


def test_two_hr_tabs_enrolling_into_the_last_seat_fill_it_once(almost_full_event, world, hr_dinkes):
    people = [world.employee_emp, world.colleague_emp]
    with slowed(Participation, "save"):
        outcomes = race(
            *(
                lambda e=e: training_services.enrol_bulk(
                    almost_full_event, [e], enrolled_by=hr_dinkes
                )
                for e in people
            )
        )
    winner, _ = one_winner(outcomes)
    assert "Kuota tidak cukup: tersisa 0 kursi dari 2" in outcomes[1 - winner].error.messages[0]
    enrolled = set(almost_full_event.participations.values_list("employee_id", flat=True))
    assert enrolled == {world.kadis_emp.pk, people[winner].pk}


def test_two_hr_tabs_enrolling_the_same_person_enrol_once(almost_full_event, world, hr_dinkes):
    TrainingEvent.objects.filter(pk=almost_full_event.pk).update(quota=10)
    with slowed(Participation, "save"):
        outcomes = race(
            *(
                lambda: training_services.enrol_bulk(
                    almost_full_event, [world.employee_emp], enrolled_by=hr_dinkes
                )
                for _ in range(2)
            )
        )
    winner, _ = one_winner(outcomes)
    assert "Sudah terdaftar di angkatan ini" in outcomes[1 - winner].error.messages[0]
    assert almost_full_event.participations.filter(employee=world.employee_emp).count() == 1


# --- report jobs: the last documents finish at the same moment ---------------------------


def test_documents_finishing_together_finish_the_job_exactly_once(
    transactional_db, world, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    hr = HRScope.objects.create(
        user=world.kadis_emp.user, unit=world.dinkes, role=HRScope.Role.PENGELOLA
    ).user
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.UNIT,
        unit=world.dinkes,
        year=YEAR,
        requested_by=hr,
        state=ReportJob.State.RUNNING,
    )
    people = [world.kadis_emp, world.manager_emp, world.employee_emp, world.colleague_emp]
    docs = [ReportDocument.objects.create(job=job, employee=p, run=job.run) for p in people]

    def finish(doc: ReportDocument, index: int) -> str:
        if index % 2:
            return report_jobs.fail_document(doc.pk, job.run, "Belum ada SKP.")
        pdf = b"%PDF-1.4\n" + f"dokumen {doc.pk}".encode() + b"\n%%EOF\n"
        code = report_jobs.new_code()
        return report_jobs.store_document(doc.pk, job.run, pdf, code=code, skp=None, predikat="")

    # Worst case: every document is stored before any of them looks for pending siblings, so
    # all of them see "none pending" and try to claim the job at the same moment.
    checked = threading.Barrier(len(docs))
    real_maybe_finish = report_jobs._maybe_finish

    def maybe_finish_together(job_id: int, run: int) -> None:
        checked.wait(timeout=20)
        real_maybe_finish(job_id, run)

    with (
        mock.patch.object(report_jobs, "_maybe_finish", maybe_finish_together),
        mock.patch.object(report_jobs, "send_finish") as finish_task,
    ):
        # Autocommit, as in a Celery task: each document is committed before the check.
        outcomes = race(
            *(lambda d=d, i=i: finish(d, i) for i, d in enumerate(docs)), in_transaction=False
        )
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    assert sorted(o.value for o in outcomes) == ["done", "done", "failed", "failed"]
    assert finish_task.call_count == 1
    finish_task.assert_called_once_with(job.pk, job.run)
    assert ReportJob.objects.get(pk=job.pk).state == ReportJob.State.FINISHING


# --- training: two HR tabs save the attendance grid, or build the same plan ---------------


def test_two_tabs_saving_the_attendance_grid_leave_one_whole_grid(
    almost_full_event, world, hr_dinkes
):
    event = almost_full_event
    other = ParticipationFactory(seat=True, event=event, employee=world.employee_emp, jp=24)
    first = event.participations.exclude(pk=other.pk).get()
    session = Session.objects.create(
        event=event,
        date=event.start_date,
        start_time=dt.time(8),
        end_time=dt.time(12),
        topic="Triase",
    )
    grids = [{(first.pk, session.pk)}, {(other.pk, session.pk)}]
    with slowed(Attendance.objects, "bulk_create"):
        outcomes = race(
            *(
                lambda grid=grid: training_services.record_attendance(
                    event, grid, recorded_by=hr_dinkes
                )
                for grid in grids
            )
        )
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    rows = Attendance.objects.filter(session=session)
    assert rows.count() == 2  # one cell per participant and session, never two
    present = set(rows.filter(present=True).values_list("participation_id", "session_id"))
    assert present in grids  # the whole grid of one tab, not a mix


def test_two_tabs_building_the_same_development_plan_build_one(transactional_db, world, hr_dinkes):
    with slowed(DevelopmentPlan, "save"):
        outcomes = race(
            *(
                lambda: training_needs.create_plan(world.dinkes, YEAR, created_by=hr_dinkes)
                for _ in range(2)
            )
        )
    winner, won = one_winner(outcomes)
    assert outcomes[1 - winner].error.messages == [
        f"Rencana pengembangan {world.dinkes} tahun {YEAR} sudah ada."
    ]
    assert list(DevelopmentPlan.objects.all()) == [won.value]
