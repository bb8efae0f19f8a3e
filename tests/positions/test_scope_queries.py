"""`visible_to` of Placement, Participation and ReportDocument as EXISTS (issue 15): each must
select exactly the rows the previous `employee__in=` form selected, here for every login of the
test cast, plus a second instansi, an employee without a unit, and reports requested by others.
(`Scopes.path_q` kept its join form: see tests/perf/README.md, "Scoping queries".)"""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Q, QuerySet

from performance.models import ReportDocument, ReportJob
from positions.models import Employee, Placement
from tests.factories import (
    EmployeeFactory,
    ParticipationFactory,
    PlacementFactory,
    PositionFactory,
    make_unit,
)
from tests.world import SCOPED_USERS, World, build_world, scoped_user
from training.models import Participation

YEAR = 2025


def ids(queryset: QuerySet[Any]) -> list[int]:
    return sorted(queryset.values_list("pk", flat=True))


@pytest.fixture
def cast(db: None) -> dict[str, Any]:
    """The test world, every scoped login, a second instansi with its own people, an employee
    without a unit, participations, and reports of a unit and of one employee."""
    world: World = build_world()
    users = {name: scoped_user(world, name) for name in SCOPED_USERS}
    for name in ("kadis", "manager", "employee", "outsider"):
        users[name] = getattr(world, f"{name}_emp" if name != "kadis" else "kadis_emp").user
    lain = make_unit("Pemerintah Kabupaten Lain")
    lain_dinas = make_unit("Dinas Pendidikan Lain", lain, "perangkat_daerah")
    guru = PlacementFactory(position=PositionFactory(unit=lain_dinas, name="Guru")).employee
    unitless = EmployeeFactory(name="Tanpa Unit", unit=None)
    for employee in (world.employee_emp, world.outsider_emp, guru, unitless):
        ParticipationFactory(employee=employee)
    unit_job = ReportJob.objects.create(
        kind="unit", unit=world.dinkes, year=YEAR, requested_by=users["hr_dinkes"]
    )
    own_job = ReportJob.objects.create(
        kind="pegawai", employee=guru, year=YEAR, requested_by=users["hr_admin"]
    )
    for job, employee in (
        (unit_job, world.employee_emp),
        (unit_job, world.manager_emp),
        (own_job, guru),
        (own_job, world.outsider_emp),
    ):
        ReportDocument.objects.create(job=job, employee=employee)
    return {"world": world, "users": users, "lain": lain}


def previous_visible(model: type[Any], user: Any) -> QuerySet[Any]:
    if model is ReportDocument:
        from performance.models import SKP

        return ReportDocument.objects.filter(
            Q(job__in=ReportJob.objects.visible_to(user))
            | Q(employee__in=Employee.objects.visible_to(user))
            | Q(skp__in=SKP.objects.visible_to(user))
        )
    return model.objects.filter(employee__in=Employee.objects.visible_to(user))


@pytest.mark.parametrize("model", [Placement, Participation, ReportDocument])
def test_visible_to_selects_the_same_rows_as_employee_in(
    cast: dict[str, Any], model: type[Any]
) -> None:
    seen = set()
    for name, user in cast["users"].items():
        expected = ids(previous_visible(model, user))
        assert ids(model.objects.visible_to(user)) == expected, name
        seen.add(tuple(expected))
    assert len(seen) >= 3  # the actors see different rows
