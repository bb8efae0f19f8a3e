import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from asnportal.models import User
from positions.bup import law_bup_age
from positions.models import Employee, OrgUnit, Placement, Position, retirement_date, scopes_for
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit


def test_penilai_is_the_definitive_holder_of_the_parent_position(world):
    assert world.employee_emp.penilai() == world.manager_emp
    assert world.employee_emp.atasan_penilai() == world.kadis_emp


def test_penilai_is_the_plt_when_the_parent_position_is_vacant(world):
    definitive = world.manager_emp.placements.get()
    definitive.end_date = dt.date(2026, 1, 31)
    definitive.save(update_fields=["end_date"])
    plt_holder = world.colleague_emp
    PlacementFactory(
        employee=plt_holder,
        position=world.kabid,
        kind="plt",
        start_date=dt.date(2026, 2, 1),
        is_structural=True,
    )

    assert world.employee_emp.penilai() == plt_holder
    # Before the vacancy the definitive holder was the penilai.
    assert world.employee_emp.penilai(on=dt.date(2026, 1, 15)) == world.manager_emp


def test_definitive_holder_takes_precedence_over_plh(world):
    PlacementFactory(
        employee=world.colleague_emp,
        position=world.kabid,
        kind="plh",
        start_date=dt.date(2026, 1, 1),
        is_structural=True,
    )
    assert world.employee_emp.penilai() == world.manager_emp


def test_plt_takes_precedence_over_plh(world):
    world.manager_emp.placements.update(end_date=dt.date(2025, 12, 31))
    plh = EmployeeFactory(unit=world.yankes)
    PlacementFactory(employee=plh, position=world.kabid, kind="plh", start_date=dt.date(2026, 1, 1))
    PlacementFactory(
        employee=world.colleague_emp,
        position=world.kabid,
        kind="plt",
        start_date=dt.date(2026, 1, 5),
    )
    assert world.employee_emp.penilai() == world.colleague_emp


def test_penilai_is_none_when_parent_position_is_vacant(world):
    world.manager_emp.placements.update(end_date=dt.date(2025, 12, 31))
    assert world.employee_emp.penilai() is None


def test_penilai_follows_the_position_held_on_the_date(world):
    moved = world.colleague_emp
    moved.placements.update(end_date=dt.date(2026, 2, 28))
    PlacementFactory(employee=moved, position=world.staf_dishub, start_date=dt.date(2026, 3, 1))
    kadis_dishub = EmployeeFactory(unit=world.dishub)
    PlacementFactory(employee=kadis_dishub, position=world.kadis_dishub)
    assert moved.penilai(on=dt.date(2026, 2, 1)) == world.manager_emp
    assert moved.penilai(on=dt.date(2026, 3, 1)) == kadis_dishub


def test_subtree_is_one_indexed_prefix_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = {u.name for u in OrgUnit.objects.subtree_of(world.dinkes)}
    assert names == {"Dinas Kesehatan", "Bidang Pelayanan Kesehatan"}


def test_pegawai_sees_only_themselves(world, employee):
    assert list(Employee.objects.visible_to(employee)) == [world.employee_emp]


def test_manager_sees_the_subtree_they_head(world, manager):
    visible = set(Employee.objects.visible_to(manager))
    assert visible == {world.manager_emp, world.employee_emp, world.colleague_emp}


def test_hr_of_one_dinas_sees_only_that_dinas(world, hr_dinkes):
    visible = set(Employee.objects.visible_to(hr_dinkes))
    assert world.outsider_emp not in visible
    assert {world.kadis_emp, world.manager_emp, world.employee_emp} <= visible


def test_hr_bkd_sees_the_whole_province(world, hr_admin):
    assert Employee.objects.visible_to(hr_admin).count() == Employee.objects.count()


def test_plt_holder_heads_the_unit_while_acting(world, outsider):
    PlacementFactory(
        employee=world.outsider_emp,
        position=world.kabid,
        kind="plt",
        start_date=dt.date(2026, 1, 1),
    )
    assert world.employee_emp in Employee.objects.visible_to(outsider)
    assert scopes_for(outsider).is_manager


def test_vacant_positions_count_only_definitive_holders(world):
    PlacementFactory(employee=world.outsider_emp, position=world.kadis, kind="plt")
    vacant = set(Position.objects.vacant())
    assert world.perawat in vacant  # 2 of 3
    assert world.kabid not in vacant
    assert world.kadis_dishub in vacant


def test_retirement_is_first_of_month_after_bup():
    assert retirement_date(dt.date(1968, 5, 20), 58) == dt.date(2026, 6, 1)
    assert retirement_date(dt.date(1968, 12, 3), 60) == dt.date(2029, 1, 1)


def test_bup_depends_on_the_position():
    # The law alone (PP 11/2017 Ps. 239); the table and the stored stamp are in test_bup.py
    assert law_bup_age("pengawas", "") == 58
    assert law_bup_age("jpt_pratama", "") == 60
    assert law_bup_age("fungsional", "ahli_madya") == 60
    assert law_bup_age("fungsional", "ahli_utama") == 65


def test_structural_position_must_have_kebutuhan_one(db):
    unit = make_unit("Instansi")
    position = PositionFactory.build(unit=unit, jenis="pengawas", kebutuhan=2)
    with pytest.raises(ValidationError) as exc:
        position.full_clean()
    assert "kebutuhan" in exc.value.message_dict


def test_placement_string_and_open_flag(world):
    placement = Placement.objects.get(employee=world.employee_emp)
    assert placement.is_open
    assert "Perawat" in str(placement)


def test_penilai_sees_direct_subordinates_outside_the_headed_unit(world, outsider):
    # The Kepala Dinas Perhubungan post is the parent of a post in another dinas.
    elsewhere = PositionFactory(unit=world.yankes, parent=world.staf_dishub, kebutuhan=1)
    report = EmployeeFactory(unit=world.yankes)
    PlacementFactory(employee=report, position=elsewhere)
    assert report not in Employee.objects.visible_to(outsider)  # staf_dishub is not structural

    head = EmployeeFactory(unit=world.dishub)
    head.user = User.objects.create(username="kadis_dishub")
    head.save(update_fields=["user"])
    PlacementFactory(employee=head, position=world.kadis_dishub)
    distant = PositionFactory(unit=world.yankes, parent=world.kadis_dishub, kebutuhan=1)
    PlacementFactory(employee=report, position=distant, kind="plt")
    assert report in Employee.objects.visible_to(head.user)


def test_a_plt_head_is_not_their_own_penilai(world):
    # The kabid acts as Plt of the kepala dinas post above them: their penilai becomes the
    # holder of the next post up, not themselves.
    top = PositionFactory(unit=world.pemprov, name="Sekretaris Daerah", jenis="jpt_madya", kelas=16)
    world.kadis.parent = top
    world.kadis.save(update_fields=["parent"])
    sekda = EmployeeFactory(unit=world.pemprov)
    PlacementFactory(employee=sekda, position=top)
    world.kadis_emp.placements.update(end_date=dt.date(2025, 12, 31))
    PlacementFactory(
        employee=world.manager_emp, position=world.kadis, kind="plt", start_date=dt.date(2026, 1, 1)
    )
    assert world.manager_emp.penilai() == sekda
    assert world.employee_emp.penilai() == world.manager_emp
    assert world.employee_emp.atasan_penilai() == sekda
