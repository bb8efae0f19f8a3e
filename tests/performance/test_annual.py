import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from performance import annual, services
from tests.factories import PlacementFactory, PositionFactory
from tests.performance.report_helpers import akhir


def _move(world, on):
    world.colleague_emp.placements.update(end_date=on - dt.timedelta(days=1))
    seat = PositionFactory(unit=world.dishub, parent=world.kadis_dishub, kebutuhan=2)
    PlacementFactory(employee=world.colleague_emp, position=seat, start_date=on)
    return seat


def test_a_mid_year_move_splits_the_skp_with_the_new_penilai(world):
    skp = services.create_skp(world.colleague_emp, year=2026, pendekatan="kuantitatif")
    seat = _move(world, dt.date(2026, 7, 1))
    assert annual.skps_needing_split(2026) == [(skp, dt.date(2026, 7, 1))]
    new = annual.split_skp_for_move(skp, move_date=dt.date(2026, 7, 1))
    skp.refresh_from_db()
    assert skp.period_end == dt.date(2026, 6, 30)
    assert (new.period_start, new.period_end) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert new.position == seat and new.penilai is None  # kadis dishub post is vacant
    assert new.penilai_position == world.kadis_dishub
    assert annual.skps_needing_split(2026) == []


def test_split_outside_the_period_is_refused(world):
    skp = services.create_skp(world.colleague_emp, year=2026, pendekatan="kuantitatif")
    with pytest.raises(ValidationError):
        annual.split_skp_for_move(skp, move_date=dt.date(2026, 3, 1))  # no move on that day


def test_annual_predikat_is_the_longest_covering_skp(world):
    first = services.create_skp(world.colleague_emp, year=2026, pendekatan="kuantitatif")
    _move(world, dt.date(2026, 9, 1))
    second = annual.split_skp_for_move(first, move_date=dt.date(2026, 9, 1))
    akhir(first, "sangat_baik", "diatas", "diatas", final=False)
    akhir(second, "baik", final=False)
    # Jan–Aug (243 days) beats Sep–Dec (122 days).
    assert annual.annual_results(world.pemprov, 2026) == {world.colleague_emp.pk: "sangat_baik"}
    assert annual.annual_distribution(world.pemprov, 2026) == {"sangat_baik": 1}


def test_daily_task_splits_moved_skps_once(world):
    from performance.tasks import split_moved_skps

    services.create_skp(world.colleague_emp, year=2026, pendekatan="kuantitatif")
    _move(world, dt.date(2026, 7, 1))
    assert split_moved_skps.delay(2026).get() == 1
    assert split_moved_skps.delay(2026).get() == 0  # idempotent
