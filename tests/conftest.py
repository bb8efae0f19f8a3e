"""The cast: a small province with two dinas, people in each role, and logged-in clients.

pemprov (instansi)
├── dinkes (Dinas Kesehatan)      kadis ─┬─ kabid (manager) ─┬─ perawat: employee, colleague
│   └── yankes (Bidang Yankes)          │                    └─ (vacant JF seats)
└── dishub (Dinas Perhubungan)    kadis_dishub ── staf: outsider
"""

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client

from asnportal.models import User
from positions.models import Employee, HRScope, OrgUnit, Position
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit

# Real Redis and Celery worker fixtures (redis_url) for the integration tests.
pytest_plugins = ["tests.worker"]


def pytest_configure(config: pytest.Config) -> None:
    # CI sets ASN_REQUIRE_SERVICES=1: a missing PostgreSQL or Redis must fail, not fall back.
    if os.environ.get("ASN_REQUIRE_SERVICES") == "1":
        if not os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
            raise pytest.UsageError("ASN_REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
        if not os.environ.get("REDIS_URL"):
            raise pytest.UsageError("ASN_REQUIRE_SERVICES=1 but REDIS_URL is unset")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Browser tests run last: their flushes also empty the data-migration reference rows.
    # So do tests that hand committed data to a real Celery worker.
    items.sort(
        key=lambda item: (
            item.get_closest_marker("e2e") is not None,
            item.get_closest_marker("flushes") is not None,
        )
    )


@dataclass
class World:
    pemprov: OrgUnit
    dinkes: OrgUnit
    yankes: OrgUnit
    dishub: OrgUnit
    kadis: Position
    kabid: Position
    perawat: Position
    kadis_dishub: Position
    staf_dishub: Position
    kadis_emp: Employee
    manager_emp: Employee
    employee_emp: Employee
    colleague_emp: Employee
    outsider_emp: Employee


def _user(username: str) -> User:
    return User.objects.create_user(username=username, password="x-unused-x")


@pytest.fixture
def world(db: None) -> World:
    pemprov = make_unit("Pemerintah Provinsi Uji")
    dinkes = make_unit("Dinas Kesehatan", pemprov, "perangkat_daerah")
    yankes = make_unit("Bidang Pelayanan Kesehatan", dinkes)
    dishub = make_unit("Dinas Perhubungan", pemprov, "perangkat_daerah")
    kadis = PositionFactory(
        unit=dinkes, name="Kepala Dinas Kesehatan", jenis="jpt_pratama", kelas=14
    )
    kabid = PositionFactory(
        unit=yankes, name="Kepala Bidang Yankes", jenis="administrator", kelas=11, parent=kadis
    )
    perawat = PositionFactory(
        unit=yankes,
        name="Perawat",
        jenis="fungsional",
        jenjang="ahli_muda",
        kelas=9,
        parent=kabid,
        kebutuhan=3,
    )
    kadis_dishub = PositionFactory(
        unit=dishub, name="Kepala Dinas Perhubungan", jenis="jpt_pratama", kelas=14
    )
    staf_dishub = PositionFactory(unit=dishub, name="Pengadministrasi", parent=kadis_dishub)

    def person(name: str, position: Position, unit: OrgUnit, username: str | None) -> Employee:
        user = _user(username) if username else None
        emp = EmployeeFactory(name=name, unit=unit, user=user)
        PlacementFactory(employee=emp, position=position)
        return emp

    return World(
        pemprov=pemprov,
        dinkes=dinkes,
        yankes=yankes,
        dishub=dishub,
        kadis=kadis,
        kabid=kabid,
        perawat=perawat,
        kadis_dishub=kadis_dishub,
        staf_dishub=staf_dishub,
        kadis_emp=person("Kadis Sehat", kadis, dinkes, "kadis"),
        manager_emp=person("Kabid Yankes", kabid, yankes, "manager"),
        employee_emp=person("Perawat Satu", perawat, yankes, "employee"),
        colleague_emp=person("Perawat Dua", perawat, yankes, None),
        outsider_emp=person("Staf Dishub", staf_dishub, dishub, "outsider"),
    )


@pytest.fixture
def employee(world: World) -> User:
    return world.employee_emp.user


@pytest.fixture
def manager(world: World) -> User:
    return world.manager_emp.user


@pytest.fixture
def outsider(world: World) -> User:
    return world.outsider_emp.user


@pytest.fixture
def hr_admin(world: World) -> User:
    """HR of BKD: pengelola over the whole province."""
    user = _user("hr_bkd")
    HRScope.objects.create(user=user, unit=world.pemprov, role=HRScope.Role.PENGELOLA)
    return user


@pytest.fixture
def hr_dinkes(world: World) -> User:
    user = _user("hr_dinkes")
    HRScope.objects.create(user=user, unit=world.dinkes, role=HRScope.Role.PENGELOLA)
    return user


@pytest.fixture
def hr_dishub(world: World) -> User:
    user = _user("hr_dishub")
    HRScope.objects.create(user=user, unit=world.dishub, role=HRScope.Role.PENGELOLA)
    return user


@pytest.fixture
def pimpinan(world: World) -> User:
    """Read-only leadership over the whole province."""
    user = _user("pimpinan")
    HRScope.objects.create(user=user, unit=world.pemprov, role=HRScope.Role.PIMPINAN)
    return user


@pytest.fixture
def client_as(client: Client) -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client.force_login(user)
        return client

    return login


@pytest.fixture
def today() -> dt.date:
    from positions.models import today as _today

    return _today()
