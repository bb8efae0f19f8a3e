"""The yearly cycle's dates: which evaluation is due, and this month's panduan steps."""

import datetime as dt

import pytest

from home import calendar


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2026, 12, 6), (2026, "tw3", dt.date(2026, 10, 10))),
        (dt.date(2026, 2, 1), (2025, "tw4", dt.date(2026, 1, 10))),
        (dt.date(2026, 4, 1), (2026, "tw1", dt.date(2026, 4, 10))),
        (dt.date(2026, 3, 31), (2025, "tw4", dt.date(2026, 1, 10))),
    ],
)
def test_the_evaluation_due_is_the_latest_period_that_has_ended(on, expected):
    due = calendar.evaluation_due(on)
    assert (due.year, due.period, due.due) == expected


def test_annual_only_instansi_waits_for_the_akhir(settings):
    settings.EVALUATION_PERIODS = "tahunan"
    due = calendar.evaluation_due(dt.date(2026, 12, 6))
    assert (due.year, due.period) == (2025, "tw4")


def test_january_asks_the_pegawai_for_the_skp_and_the_year_end():
    now, later = calendar.steps_for(calendar.PEGAWAI_STEPS, 1)
    titles = [step.title for step in now]
    assert "Susun dan ajukan SKP tahun ini" in titles
    assert "Lengkapi realisasi akhir tahun" in titles
    assert all("PermenPANRB" in s.why or "PP 17/2020" in s.why for s in now + later)
    assert calendar.PEGAWAI_STEPS[0].when == "Januari"
