"""performance.selectors for the home pages: what each answers, and its query count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from performance import selectors, services
from performance.models import RHK, SKP, Evaluation, Indicator
from tests.factories import (
    EmployeeFactory,
    EvaluationFactory,
    PlacementFactory,
    SKPFactory,
    advance,
)

YEAR = 2026


def _with_indicator(skp):
    rhk = RHK.objects.create(
        skp=skp, text="Asuhan keperawatan", jenis="utama", perspektif="proses_bisnis"
    )
    return Indicator.objects.create(
        rhk=rhk, aspek="kuantitas", text="Jumlah pasien", target_value=10, target_satuan="Orang"
    )


def _queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        result = fn()
    return result, len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("day", "period", "start", "end"),
    [
        (dt.date(2026, 1, 1), "tw1", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        (dt.date(2026, 5, 20), "tw2", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 9, 30), "tw3", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (dt.date(2026, 12, 6), "tw4", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ],
)
def test_open_period_is_the_quarter_of_the_day(day, period, start, end):
    current = selectors.open_period(day)
    assert (current.year, current.period, current.start, current.end) == (2026, period, start, end)


def test_open_period_is_the_year_when_evaluating_yearly(settings):
    settings.EVALUATION_PERIODS = "tahunan"
    current = selectors.open_period(dt.date(2026, 5, 20))
    assert current.period == "tw4"
    assert current.label == "Triwulan IV / Akhir"


def test_skps_awaiting_approval_for_user_and_employee(world, manager):
    skp = SKPFactory(employee=world.employee_emp, year=YEAR)
    assert selectors.skps_awaiting_approval(manager).count() == 0
    skp = advance(skp, SKP.Status.DIAJUKAN)  # submitted by the pegawai
    rows, n = _queries(lambda: list(selectors.skps_awaiting_approval(world.manager_emp)))
    assert rows == [skp] and n == 1
    count, n = _queries(lambda: selectors.skps_awaiting_approval(manager).count())
    assert count == 1 and n == 2  # the Employee of the user, then the count
    # Not the kepala dinas (not the penilai), not a colleague.
    assert selectors.skps_awaiting_approval(world.kadis_emp).count() == 0
    assert selectors.skps_awaiting_approval(world.colleague_emp).count() == 0


def test_plt_of_the_penilai_post_sees_the_waiting_skp(world):
    # Written directly on purpose: a submitted SKP that names only the penilai post (the
    # person left it), which the selector must route to whoever holds the post now. The
    # services re-derive the penilai at submission, so they never store this state.
    skp = services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DIAJUKAN, penilai=None)
    plt = EmployeeFactory(name="Plt Kabid", unit=world.yankes)
    PlacementFactory(employee=plt, position=world.kabid, kind="plt")
    assert list(selectors.skps_awaiting_approval(plt)) == [skp]


def test_evaluations_awaiting_rating_needs_realisasi_or_a_send(world):
    skp = SKPFactory(employee=world.employee_emp, year=YEAR, approved=True)
    empty = EvaluationFactory(skp=skp, period="tw1", realisation=None)
    filled = EvaluationFactory(skp=skp, period="tw2", realisation=3)
    # "Kirim ke penilai" records the time; only the time matters here, not the realisasi.
    sent = Evaluation.objects.create(skp=skp, period="tw3", realisasi_sent_at=timezone.now())
    final = EvaluationFactory(skp=skp, period="tw4", final=True)
    rows, n = _queries(lambda: list(selectors.evaluations_awaiting_rating(world.manager_emp)))
    assert n == 1
    assert rows == [sent, filled]  # sent first; the empty and the final one are not waiting
    assert empty not in rows and final not in rows
    assert rows[0].skp.employee.name == "Perawat Satu"  # loaded, no query
    assert selectors.evaluations_awaiting_rating(world.kadis_emp).count() == 0


def test_subordinates_without_skp(world):
    services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    rows, n = _queries(lambda: list(selectors.subordinates_without_skp(world.manager_emp, YEAR)))
    assert rows == [world.colleague_emp] and n == 1
    # Another year: both perawat lack an SKP.
    assert selectors.subordinates_without_skp(world.manager_emp, YEAR + 1).count() == 2
    # The kepala dinas's direct subordinate is the kabid only.
    assert list(selectors.subordinates_without_skp(world.kadis_emp, YEAR)) == [world.manager_emp]


def test_next_step_create_then_complete_then_ajukan(world):
    step, n = _queries(lambda: selectors.my_skp_next_step(world.kadis_emp, YEAR))
    assert (step.skp, step.key, step.url_name, step.url) == (
        None,
        "create",
        "performance:skp_create",
        "/kinerja/skp/baru/",
    )
    assert n == 1
    # The kepala dinas has no penilai in the portal: no cascade link needed.
    skp = services.create_skp(world.kadis_emp, year=YEAR, pendekatan="kuantitatif")
    step = selectors.my_skp_next_step(world.kadis_emp, YEAR)
    assert step.key == "complete" and step.detail == "Belum ada RHK utama."
    assert step.url == skp.get_absolute_url()
    _with_indicator(skp)
    step, n = _queries(lambda: selectors.my_skp_next_step(world.kadis_emp, YEAR))
    assert step.key == "ajukan" and step.label == "Ajukan SKP"
    assert n <= 5


def test_next_step_revise_wait_and_realisasi(world, employee, manager, monkeypatch):
    skp = SKPFactory(
        employee=world.employee_emp, year=YEAR, returned=True, return_note="Perbaiki IKI"
    )
    step = selectors.my_skp_next_step(world.employee_emp, YEAR)
    assert (step.key, step.detail) == ("revise", "Perbaiki IKI")
    services.submit_skp(skp, user=employee)
    assert selectors.my_skp_next_step(world.employee_emp, YEAR).key == "wait"
    services.approve_skp(skp, user=manager)
    monkeypatch.setattr(selectors, "today", lambda: dt.date(YEAR, 5, 2))
    step, n = _queries(lambda: selectors.my_skp_next_step(world.employee_emp, YEAR))
    assert step.key == "realisasi" and n == 2
    assert step.url == f"/kinerja/skp/{skp.pk}/evaluasi/tw2/"
    assert step.label == "Isi realisasi Triwulan II"
    # A past year points at the annual evaluation; once final, at reading it.
    EvaluationFactory(skp=skp, period="tw4", final=True)
    monkeypatch.setattr(selectors, "today", lambda: dt.date(YEAR + 1, 2, 1))
    step = selectors.my_skp_next_step(world.employee_emp, YEAR)
    assert step.key == "done" and step.args == (skp.pk, "tw4")
