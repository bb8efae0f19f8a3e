"""The cast: a small province with two dinas, people in each role, and logged-in clients.

pemprov (instansi)
├── dinkes (Dinas Kesehatan)      kadis ─┬─ kabid (manager) ─┬─ perawat: employee, colleague
│   └── yankes (Bidang Yankes)          │                    └─ (vacant JF seats)
└── dishub (Dinas Perhubungan)    kadis_dishub ── staf: outsider
"""

from dataclasses import dataclass

from asnportal.models import User
from positions.models import Employee, HRScope, OrgUnit, Position
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit


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


def build_world() -> World:
    """The cast of the module docstring, written to the database."""
    pemprov = make_unit("Pemerintah Provinsi Uji")
    dinkes = make_unit("Dinas Kesehatan", pemprov, "perangkat_daerah")
    yankes = make_unit("Bidang Pelayanan Kesehatan", dinkes)
    dishub = make_unit("Dinas Perhubungan", pemprov, "perangkat_daerah")
    kadis = PositionFactory(unit=dinkes, name="Kepala Dinas Kesehatan", kepala=True)
    kabid = PositionFactory(
        unit=yankes, name="Kepala Bidang Yankes", administrator=True, parent=kadis
    )
    perawat = PositionFactory(
        unit=yankes, name="Perawat", ahli_muda=True, parent=kabid, kebutuhan=3
    )
    kadis_dishub = PositionFactory(unit=dishub, name="Kepala Dinas Perhubungan", kepala=True)
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


# The scoped logins: fixture name -> (username, the world's unit, role).
SCOPED_USERS = {
    "hr_admin": ("hr_bkd", "pemprov", HRScope.Role.PENGELOLA),
    "hr_dinkes": ("hr_dinkes", "dinkes", HRScope.Role.PENGELOLA),
    "hr_dishub": ("hr_dishub", "dishub", HRScope.Role.PENGELOLA),
    "pimpinan": ("pimpinan", "pemprov", HRScope.Role.PIMPINAN),
}


def scoped_user(world: World, fixture_name: str) -> User:
    """The login of the fixture `fixture_name` (SCOPED_USERS), with its HR scope."""
    username, unit, role = SCOPED_USERS[fixture_name]
    user = _user(username)
    HRScope.objects.create(user=user, unit=getattr(world, unit), role=role)
    return user
