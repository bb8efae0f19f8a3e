"""Issue 13 journey (docs/domain.md §6): on the demo data, HR of BKD starts at `/`, opens the
vacancy forecast from the navbar, picks a post that falls vacant within 36 months without a
ready successor, marks it as jabatan kritikal, sees the successors proposed from Kotak 7–9
with their readiness, approves the list, and back on the forecast the post's flag is gone.
Only clicks after the login form; every page is audited by axe-core."""

from __future__ import annotations

import pytest

from talent.models import CriticalPost, SuccessionPlan
from tests.e2e.journey import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_hr_plans_the_succession_of_a_post_that_falls_vacant(person, width):
    hr = person("hr.bkd", width)
    page, main = hr.page, hr.main
    hr.nav("Proyeksi kekosongan jabatan", group="Kepegawaian")
    hr.go(main.get_by_role("link", name="Dalam 36 bulan"), "forecast-36")
    flagged = main.locator("table.forecast tbody tr").filter(has_text="Belum ada suksesor siap")
    row = flagged.first
    post = row.get_by_role("link").first
    title = post.inner_text().strip()
    # The holder's column (hidden on a phone, where the name sits under the post).
    holder = row.locator("td").nth(1).evaluate("td => td.firstChild.textContent.trim()")
    hr.go(post, "succession")
    assert page.get_by_role("heading", level=1).inner_text().strip() == title

    hr.go(main.get_by_role("button", name="Tetapkan sebagai jabatan kritikal"), "critical")
    assert "ditetapkan sebagai jabatan kritikal" in page.locator("body").inner_text()
    successors = main.locator("table.successors tbody tr")
    assert successors.count() >= 1
    assert "Kotak" in successors.first.inner_text()
    table = main.locator("table.successors").inner_text()
    assert "Siap sekarang" in table  # readiness shown (with the gaps of those not ready)
    assert holder not in main.locator("table.successors").inner_text()

    hr.go(main.get_by_role("button", name="Setujui daftar suksesor"), "approved")
    assert "Versi 1 (berlaku)" in main.inner_text()

    hr.nav("Proyeksi kekosongan jabatan", group="Kepegawaian")
    hr.go(main.get_by_role("link", name="Dalam 36 bulan"), "forecast-after")
    again = (
        main.locator("table.forecast tbody tr")
        .filter(has=page.get_by_role("link", name=title, exact=True))
        .filter(has_text=holder)
    )
    assert again.count() == 1
    assert "Ada suksesor siap" in again.inner_text()
    assert "Belum ada suksesor siap" not in again.inner_text()
    plan = SuccessionPlan.objects.get(position__critical__in=CriticalPost.objects.all())
    assert plan.version == 1 and plan.candidates.filter(readiness="sekarang").exists()
    hr.close()
