import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from positions import services
from positions.models import Employee, Placement, today
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory


def _place(employee, position, start, kind="definitif", **kwargs):
    return services.place_employee(
        employee,
        position=position,
        kind=kind,
        start_date=start,
        sk_number="800/1/2026",
        sk_date=start - dt.timedelta(days=5),
        **kwargs,
    )


def test_definitive_move_closes_previous_placement_the_day_before(world):
    emp = world.colleague_emp
    new_position = PositionFactory(unit=world.dishub, parent=world.kadis_dishub, kebutuhan=2)
    new = _place(emp, new_position, dt.date(2026, 3, 1))

    previous = emp.placements.get(position=world.perawat)
    assert previous.end_date == dt.date(2026, 2, 28)
    assert previous.end_reason == Placement.EndReason.MUTASI
    assert new.end_date is None
    emp.refresh_from_db()
    assert emp.unit == world.dishub


def test_a_placement_ahead_of_its_tmt_moves_the_unit_kerja_on_the_tmt(world, hr_dinkes):
    """Recorded today for next month: until then the nurse stays in (and is managed by) the
    Dinas Kesehatan; the daily job moves her on the TMT, once."""
    emp = world.colleague_emp
    new_position = PositionFactory(unit=world.dishub, parent=world.kadis_dishub, kebutuhan=2)
    tmt = today() + dt.timedelta(days=30)
    _place(emp, new_position, tmt)
    emp.refresh_from_db()
    assert emp.unit == world.yankes
    assert Employee.objects.visible_to(hr_dinkes).filter(pk=emp.pk).exists()

    assert services.move_units_to_current_posts(on=tmt - dt.timedelta(days=1)) == 0
    assert services.move_units_to_current_posts(on=tmt) == 1
    emp.refresh_from_db()
    assert emp.unit == world.dishub
    assert services.move_units_to_current_posts(on=tmt) == 0  # idempotent
    assert not Employee.objects.visible_to(hr_dinkes).filter(pk=emp.pk).exists()
    assert emp.history.first().unit_id == world.dishub.pk  # in the Jejak audit


def test_the_daily_move_leaves_a_unit_hr_set_by_hand(world):
    emp = world.colleague_emp
    new_position = PositionFactory(unit=world.dishub, parent=world.kadis_dishub, kebutuhan=2)
    tmt = today() + dt.timedelta(days=30)
    _place(emp, new_position, tmt)
    Employee.objects.filter(pk=emp.pk).update(unit=world.dinkes)  # HR's own choice since
    assert services.move_units_to_current_posts(on=tmt) == 0
    emp.refresh_from_db()
    assert emp.unit == world.dinkes


def test_structural_position_refuses_second_definitive_holder(world):
    newcomer = EmployeeFactory(unit=world.dinkes)
    with pytest.raises(ValidationError) as exc:
        _place(newcomer, world.kabid, dt.date(2026, 3, 1))
    assert "sudah dijabat secara definitif oleh Kabid Yankes" in str(exc.value)
    assert not newcomer.placements.exists()


def test_database_refuses_second_definitive_holder_of_structural_position(world):
    newcomer = EmployeeFactory(unit=world.dinkes)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlacementFactory(employee=newcomer, position=world.kabid)


def test_database_refuses_two_open_definitive_placements_for_one_employee(world):
    other = PositionFactory(unit=world.yankes, kebutuhan=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlacementFactory(employee=world.employee_emp, position=other)


def test_plt_does_not_close_the_definitive_placement(world):
    plt = _place(world.manager_emp, world.kadis_dishub, dt.date(2026, 3, 1), kind="plt")
    assert plt.kind == Placement.Kind.PLT
    assert world.manager_emp.placements.open().filter(kind="definitif").count() == 1


def test_plt_is_allowed_on_a_structural_position_that_has_a_holder(world):
    # e.g. the holder is on long leave: a Plh covers while the definitive holder stays.
    plh = _place(world.employee_emp, world.kabid, dt.date(2026, 3, 1), kind="plh")
    assert plh.pk


def test_new_tmt_must_be_after_previous_tmt(world):
    other = PositionFactory(unit=world.yankes, kebutuhan=5)
    with pytest.raises(ValidationError) as exc:
        _place(world.employee_emp, other, dt.date(2023, 6, 1))
    assert "start_date" in exc.value.message_dict


def test_fungsional_over_kebutuhan_needs_confirmation(world):
    full = PositionFactory(unit=world.yankes, jenis="pelaksana", kebutuhan=1)
    PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=full)
    newcomer = EmployeeFactory(unit=world.yankes)
    with pytest.raises(services.OverKebutuhan):
        _place(newcomer, full, dt.date(2026, 3, 1))
    assert not newcomer.placements.exists()
    placed = _place(newcomer, full, dt.date(2026, 3, 1), confirm_over_kebutuhan=True)
    assert placed.pk


def test_ending_for_pensiun_ends_everything_and_sets_status(world):
    plt = _place(world.manager_emp, world.kadis_dishub, dt.date(2026, 3, 1), kind="plt")
    definitive = world.manager_emp.placements.get(kind="definitif")
    services.end_placement(definitive, end_date=dt.date(2026, 6, 30), reason="pensiun")
    plt.refresh_from_db()
    world.manager_emp.refresh_from_db()
    assert plt.end_date == dt.date(2026, 6, 30)
    assert world.manager_emp.status == Employee.Status.PENSIUN


def test_ending_before_tmt_is_refused(world):
    definitive = world.employee_emp.placements.get()
    with pytest.raises(ValidationError):
        services.end_placement(definitive, end_date=dt.date(2020, 1, 1), reason="pensiun")
    definitive.refresh_from_db()
    assert definitive.end_date is None


def test_inactive_employee_cannot_be_placed(world):
    retired = EmployeeFactory(unit=world.yankes, status=Employee.Status.PENSIUN)
    with pytest.raises(ValidationError, match="aktif"):
        _place(retired, world.perawat, dt.date(2026, 3, 1))
