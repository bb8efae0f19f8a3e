"""Retirements and contract ends feed the peta jabatan (docs/domain.md §3.4, §4.5): a holder who
leaves within 12 months is marked, and the bezetting that remains is shown."""

from __future__ import annotations

import datetime as dt

import pytest

from positions.models import today
from positions.peta import build_peta_jabatan
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_holders_leaving_within_a_year_leave_the_remaining_bezetting(client_as, hr_admin, world):
    on = today()
    analis = PositionFactory(unit=world.yankes, name="Analis SDM", kebutuhan=3)
    # BUP 58 (pelaksana): born so that the TMT pensiun falls four months from now.
    retiring_birth = dt.date(on.year - 58, on.month, 1) + dt.timedelta(days=95)
    retiring = EmployeeFactory(unit=world.yankes, name="Akan Pensiun", birth_date=retiring_birth)
    PlacementFactory(employee=retiring, position=analis)
    contract = EmployeeFactory(
        unit=world.yankes,
        name="Kontrak Habis",
        kind="pppk",
        golongan="P07",
        contract_end=on + dt.timedelta(days=200),
    )
    PlacementFactory(employee=contract, position=analis)
    staying = EmployeeFactory(unit=world.yankes, name="Masih Lama", birth_date=dt.date(1990, 1, 1))
    PlacementFactory(employee=staying, position=analis)

    peta = build_peta_jabatan(world.yankes)
    row = next(r for r in peta.rows if r.position == analis)
    assert {p.employee.name for p, _ in row.leaving} == {"Akan Pensiun", "Kontrak Habis"}
    assert (row.bezetting, row.remaining) == (3, 1)

    html = client_as(hr_admin).get(f"/unit/{world.yankes.pk}/peta-jabatan/?tampilan=tabel")
    page = html.content.decode()
    assert "Akan Pensiun: TMT pensiun" in page
    assert "Kontrak Habis: perjanjian kerja berakhir" in page
    assert "Masih Lama: " not in page
    assert "sisa 1" in page
