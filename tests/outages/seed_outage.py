"""Seed the private database of the PostgreSQL-outage test (run with its DATABASE_URL):
an HR user, a dinas of rated employees and a queued report job for them. Prints the job id."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.outages.server_settings")

import django

django.setup()

from asnportal.models import User  # noqa: E402
from performance.models import ReportJob  # noqa: E402
from positions.models import HRScope  # noqa: E402
from tests.factories import (  # noqa: E402
    EmployeeFactory,
    PlacementFactory,
    PositionFactory,
    make_unit,
)
from tests.performance.report_helpers import YEAR, rated_skp  # noqa: E402

USERNAME, PASSWORD = "hr.outage", "Gangguan#2026"


def seed(n_employees: int) -> ReportJob:
    pemprov = make_unit("Pemerintah Provinsi Uji")
    dinkes = make_unit("Dinas Kesehatan", pemprov, "perangkat_daerah")
    kadis = PositionFactory(unit=dinkes, name="Kepala Dinas", kepala=True)
    perawat = PositionFactory(
        unit=dinkes, name="Perawat", ahli_muda=True, parent=kadis, kebutuhan=n_employees
    )
    hr = User.objects.create_user(username=USERNAME, password=PASSWORD)
    boss = EmployeeFactory(name="Kadis Sehat", unit=dinkes, user=hr)
    PlacementFactory(employee=boss, position=kadis)
    HRScope.objects.create(user=hr, unit=dinkes, role=HRScope.Role.PENGELOLA)
    for i in range(n_employees):
        emp = EmployeeFactory(name=f"Perawat {i:02d}", unit=dinkes)
        PlacementFactory(employee=emp, position=perawat)
        rated_skp(emp)
    rated_skp(boss)
    return ReportJob.objects.create(
        kind=ReportJob.Kind.UNIT, unit=dinkes, year=YEAR, requested_by=hr
    )


if __name__ == "__main__":
    print(seed(int(sys.argv[1])).pk)
