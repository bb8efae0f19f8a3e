"""Issue 13 pages a pengelola of BKD reaches from `/` by clicks only (docs/domain.md §3.8,
§4.5): the BUP table of jabatan fungsional, the DUK and the daftar nominatif with its Excel,
and the sistem merit picture with the list behind an indicator. Every page is audited by
axe-core, at 1366 and 390 px."""

from __future__ import annotations

import pytest

from tests.e2e.journey import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_hr_reads_bup_table_duk_and_merit_from_the_home_page(person, width):
    hr = person("hr.bkd", width)
    page, main = hr.page, hr.main

    hr.nav("Tabel BUP jabatan fungsional", group="Kepegawaian")
    table = main.locator("table").inner_text()
    assert "Guru" in table and "UU 14/2005" in table and "60 th" in table
    assert main.get_by_role("link", name="Tambah aturan").is_visible()  # BKD edits it

    hr.nav("DUK dan daftar nominatif", group="Laporan")
    assert "Daftar Urut Kepangkatan" in page.get_by_role("heading", level=1).inner_text()
    rows = main.locator("table tbody tr")
    assert rows.count() == 50  # a page of the province's PNS
    first = rows.first.inner_text()
    assert "IV/" in first  # the highest pangkat stands first
    hr.go(main.get_by_role("link", name="Daftar nominatif"), "nominatif")
    assert "Daftar Nominatif Pegawai" in page.get_by_role("heading", level=1).inner_text()
    with page.expect_download() as download:
        main.get_by_role("link", name="Unduh Excel").click()
    assert download.value.suggested_filename.startswith("nominatif-")

    hr.nav("Sistem merit", group="Kepegawaian")
    assert "tidak menghitung indeks KASN" in main.inner_text()
    skp = main.locator("[data-testid=merit-skp]")
    assert "pegawai" in skp.inner_text()
    hr.go(skp.get_by_role("link"), "merit-skp")
    assert "Pegawai tanpa SKP" in page.get_by_role("heading", level=1).inner_text()
    assert main.locator("table tbody tr").count() >= 1
    hr.close()
