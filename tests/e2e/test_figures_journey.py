"""The cached dashboard figures as the sekda meets them (core/figures.py): the home says when
its figures were computed, a later visit within the window shows the same figures, and "Hitung
ulang sekarang" brings in what changed meanwhile. Starts at `/` after login and only clicks."""

from __future__ import annotations

import re

import pytest

from positions.models import HRScope
from tests.e2e.journey import DESKTOP, PHONE
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.e2e


def _employees(sekda) -> int:
    text = sekda.page.get_by_test_id("pim-employees").inner_text()
    return int(re.sub(r"\D", "", text))


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_sekda_sees_when_the_figures_were_computed_and_recomputes_them(person, width):
    sekda = person("sekda", width)
    dashboard = sekda.page.get_by_test_id("pimpinan-dashboard")
    stamp = dashboard.get_by_test_id("as-of").inner_text()
    assert re.search(r"Angka per pukul \d\d\.\d\d WIB", stamp), stamp
    assert "setiap 5 menit" in stamp
    before = _employees(sekda)

    # Meanwhile HR registers one more pegawai in the sekda's scope (not a click of the sekda's).
    scope = HRScope.objects.select_related("unit").get(
        user__username="sekda", role=HRScope.Role.PIMPINAN
    )
    EmployeeFactory(unit=scope.unit)

    sekda.nav("Beranda")  # within five minutes: the same figures, as the stamp says
    assert _employees(sekda) == before
    sekda.go(dashboard.get_by_role("link", name="Hitung ulang sekarang"), "hitung-ulang")
    assert _employees(sekda) == before + 1
    assert "segarkan=1" in sekda.page.url
