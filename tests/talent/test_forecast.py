"""Vacancy forecast (docs/domain.md §6 with §4.5): who leaves within 12, 24 and 36 months by
BUP or a planned move, the bezetting that remains, and the "belum ada suksesor siap" flag
that an approved list with a ready successor clears."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from positions.models import Employee, retirement_date, today
from talent import selectors
from talent.forecast import add_months, horizon_counts
from talent.models import PlannedMove, Readiness, SuccessionCandidate, SuccessionPlan
from tests.factories import EmployeeFactory, PlacementFactory

pytestmark = pytest.mark.django_db


def _born_to_retire_in(months: int, bup: int) -> dt.date:
    """A birth date whose TMT pensiun (first of the month after BUP) is `months` ahead."""
    target = add_months(today(), months)  # a first of month
    month = target.month - 1 or 12
    year = target.year - bup - (1 if target.month == 1 else 0)
    born = dt.date(year, month, 10)
    assert retirement_date(born, bup) == target
    return born


def _holder(world, position, months: int, bup: int, name: str) -> Employee:
    person = EmployeeFactory(
        name=name, unit=position.unit, birth_date=_born_to_retire_in(months, bup)
    )
    PlacementFactory(employee=person, position=position)
    return person


def test_horizons_count_retirements_by_the_posts_bup(world, hr_admin, client_as):
    world.kadis_emp.placements.update(end_date=dt.date(2024, 12, 31), end_reason="mutasi")
    _holder(world, world.kadis, 10, 60, "Kadis Pensiun")  # JPT: BUP 60
    _holder(world, world.perawat, 20, 58, "Perawat Pensiun")  # ahli muda: BUP 58
    _holder(world, world.perawat, 40, 58, "Perawat Nanti")  # beyond 36 months
    assert horizon_counts(world.pemprov) == {12: 1, 24: 2, 36: 2}
    client = client_as(hr_admin)
    page = client.get(reverse("talent:forecast"), {"unit": world.pemprov.pk, "horizon": 24})
    html = page.content.decode()
    assert "Kadis Pensiun" in html and "Perawat Pensiun" in html and "Perawat Nanti" not in html
    assert "BUP 60 tahun" in html and "BUP 58 tahun" in html
    assert "Belum ada suksesor siap" in html


def test_planned_move_and_remaining_bezetting(world):
    PlannedMove.objects.create(
        employee=world.colleague_emp,
        position=world.perawat,
        move_date=today() + dt.timedelta(days=200),
    )
    counts = horizon_counts(world.pemprov)
    assert counts[12] == 1
    remaining = selectors.remaining_bezetting(world.yankes, 12)
    assert remaining[world.perawat.pk] == 1  # two perawat today, one moves
    assert remaining[world.kabid.pk] == 1


def test_flag_disappears_with_an_approved_ready_successor(world, hr_admin, client_as):
    world.kadis_emp.placements.update(end_date=dt.date(2024, 12, 31), end_reason="mutasi")
    _holder(world, world.kadis, 6, 60, "Kadis Pensiun")
    client = client_as(hr_admin)
    url = reverse("talent:forecast")
    assert "Belum ada suksesor siap" in client.get(url).content.decode()
    plan = SuccessionPlan.objects.create(position=world.kadis, version=1, approved_by=hr_admin)
    SuccessionCandidate.objects.create(
        plan=plan, employee=world.manager_emp, rank=1, kotak=9, readiness=Readiness.SATU_DUA
    )
    assert "Belum ada suksesor siap" in client.get(url).content.decode()  # not ready yet
    SuccessionCandidate.objects.create(
        plan=plan, employee=world.colleague_emp, rank=2, kotak=8, readiness=Readiness.SEKARANG
    )
    html = client.get(url).content.decode()
    assert "Belum ada suksesor siap" not in html and "Ada suksesor siap" in html


def test_hr_records_a_planned_move_and_the_forecast_counts_it(client_as, hr_admin, world):
    """A pengelola notes on the post's succession page that its holder will move; the post
    falls vacant in the forecast on that date, and the plan can be removed again."""
    import datetime as dt

    from talent.models import PlannedMove

    post = world.kabid  # held by the Kabid Yankes (BUP far away)
    client = client_as(hr_admin)
    url = f"/talenta/suksesi/{post.pk}/rencana-mutasi/"
    move_on = today() + dt.timedelta(days=120)
    past = client.post(
        url, {"employee": world.manager_emp.pk, "move_date": "2020-01-01"}, follow=True
    )
    assert "harus sesudah hari ini" in past.content.decode()
    outsider = client.post(
        url, {"employee": world.employee_emp.pk, "move_date": move_on.isoformat()}, follow=True
    )
    assert "Rencana mutasi tidak disimpan" in outsider.content.decode()  # not a holder
    assert not PlannedMove.objects.exists()

    page = client.post(
        url,
        {"employee": world.manager_emp.pk, "move_date": move_on.isoformat(), "note": "promosi"},
        follow=True,
    ).content.decode()
    assert "Rencana mutasi dicatat" in page and "promosi" in page
    forecast_page = client.get(f"/talenta/proyeksi/?unit={world.pemprov.pk}&horizon=12")
    assert "Rencana mutasi" in forecast_page.content.decode()
    assert horizon_counts(world.pemprov)[12] == 1

    move = PlannedMove.objects.get()
    client.post(url, {"hapus": move.pk})
    assert not PlannedMove.objects.exists()
    assert horizon_counts(world.pemprov)[12] == 0


def test_the_service_refuses_a_move_of_someone_who_does_not_hold_the_post(world, hr_admin):
    import datetime as dt

    from django.core.exceptions import ValidationError

    from talent import services

    with pytest.raises(ValidationError, match="bukan pemangku definitif"):
        services.plan_move(
            world.kabid,
            employee=world.employee_emp,
            move_date=today() + dt.timedelta(days=30),
            note="",
            user=hr_admin,
        )
