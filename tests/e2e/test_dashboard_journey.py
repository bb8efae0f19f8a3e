import pytest

pytestmark = pytest.mark.e2e


def test_pegawai_logs_in_and_sees_own_position_and_penilai(
    transactional_db, world, employee, live_server, page, screenshot
):
    page.goto(f"{live_server.url}/")
    assert "/masuk/" in page.url  # deny by default
    page.get_by_label("Nama pengguna").fill("employee")
    page.get_by_label("Kata sandi").fill("x-unused-x")
    page.get_by_role("button", name="Masuk").click()

    page.wait_for_selector("[data-testid=own-position]")
    assert page.locator("[data-testid=own-position]").inner_text() == "Perawat Ahli Muda"
    assert page.locator("[data-testid=own-penilai]").inner_text() == "Kabid Yankes"
    # Static assets are served (vendored Bootstrap), not fetched from a CDN.
    navbar_bg = page.eval_on_selector("nav.navbar", "el => getComputedStyle(el).display")
    assert navbar_bg == "flex"
    screenshot("dashboard-pegawai-e2e")
