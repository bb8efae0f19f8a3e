"""Issue 3 journey: from a vacant position to a placement, seen in the peta and the report."""

import datetime as dt

import pytest

from positions.models import EducationField, Placement, today
from tests.e2e.chromium import sign_in
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.e2e


def test_hr_places_top_candidate_and_reports_follow(
    transactional_db, world, hr_admin, live_server, page, screenshot
):
    nursing = EducationField.objects.create(code="KES-KEP", name="Keperawatan", group="kesehatan")
    civil = EducationField.objects.create(code="TEK-SIP", name="Teknik Sipil", group="teknik")
    # The vacant seat: Perawat Ahli Muda, 2 of 3 filled, for nursing graduates.
    world.perawat.accepted_fields.set([nursing])
    world.perawat.min_education_level = "40"
    world.perawat.save(update_fields=["min_education_level"])
    # A nursing graduate working as a clerk in Dinas Perhubungan: a mismatch today.
    world.staf_dishub.accepted_fields.set([civil])
    nurse = world.outsider_emp
    nurse.educations.create(level="40", field=nursing, graduation_year=2008)
    # A rival without a fitting education, to be ranked below.
    rival = EmployeeFactory(name="Pegawai Ekonomi", unit=world.dishub)
    rival.educations.create(level="40", field=civil, graduation_year=2009)

    base = live_server.url
    sign_in(page, base, "hr_bkd")

    # Before: the nurse is in the mismatch report.
    page.goto(f"{base}/laporan/ketidaksesuaian/")
    assert "Staf Dishub" in page.locator("main").inner_text()

    # The vacant position and its ranked candidates with score components.
    page.goto(f"{base}/jabatan/{world.perawat.pk}/")
    page.get_by_role("link", name="Kandidat").first.click()
    page.wait_for_url(f"**/jabatan/{world.perawat.pk}/kandidat/")
    main_text = page.locator("main").inner_text()
    assert "Keperawatan" in main_text  # the field-fit component is explained
    first_row = page.locator("table.candidates tbody tr").first
    assert "Staf Dishub" in first_row.inner_text()
    screenshot("candidates-e2e")

    # Place the top candidate with an SK through the normal placement form.
    first_row.get_by_role("link", name="Tempatkan").click()
    tmt = today()
    page.get_by_label("TMT").fill(tmt.isoformat())
    page.get_by_label("Nomor SK").fill("800.1.3/777/VI.04/2026")
    page.get_by_label("Tanggal SK").fill((tmt - dt.timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Simpan penempatan").click()
    # Tempatkan asks first: the confirmation says which post the placement fills.
    assert "Perawat Ahli Muda" in page.locator("main").inner_text()
    page.get_by_role("button", name="Ya, tempatkan").click()
    page.wait_for_url(f"**/pegawai/{nurse.pk}/")
    assert "Penempatan disimpan" in page.locator("main").inner_text()

    placement = Placement.objects.get(employee=nurse, end_date__isnull=True, kind="definitif")
    assert placement.position == world.perawat
    assert placement.sk_number == "800.1.3/777/VI.04/2026"

    # The peta jabatan now shows the nurse among the holders and the seat filled (3 of 3).
    page.goto(f"{base}/unit/{world.yankes.pk}/peta-jabatan/")
    page.get_by_role("link", name="Tabel", exact=True).click()  # the organigram opens first
    perawat_row = page.locator("tr", has_text="Perawat Ahli Muda").first
    assert "Staf Dishub" in perawat_row.inner_text()
    assert perawat_row.locator("td").nth(6).inner_text().strip() == "3"  # bezetting
    screenshot("peta-after-placement-e2e")

    # After: the mismatch is gone (the nurse's open placement is now the fitting one).
    page.goto(f"{base}/laporan/ketidaksesuaian/")
    assert "Staf Dishub" not in page.locator("main").inner_text()
