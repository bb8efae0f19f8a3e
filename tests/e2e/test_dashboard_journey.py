import pytest

from positions.models import today

pytestmark = pytest.mark.e2e


def test_pegawai_logs_in_and_sees_their_todos(
    transactional_db, world, employee, live_server, page, screenshot
):
    page.goto(f"{live_server.url}/")
    assert "/masuk/" in page.url  # deny by default
    page.get_by_label("Nama pengguna").fill("employee")
    page.get_by_label("Kata sandi").fill("x-unused-x")
    page.get_by_role("button", name="Masuk").click()

    page.wait_for_selector("[data-testid=home-pegawai]")
    year = today().year
    assert page.locator("[data-testid=next-step]").inner_text() == f"Buat SKP {year}"
    assert "0 dari 20 JP" in page.locator("[data-testid=jp-text]").inner_text()
    # Static assets are served (vendored Bootstrap), not fetched from a CDN.
    navbar_bg = page.eval_on_selector("nav.navbar", "el => getComputedStyle(el).display")
    assert navbar_bg == "flex"
    # The next step is a click away: the SKP form opens from the home page.
    page.get_by_role("link", name=f"Buat SKP {year}").click()
    assert page.url.endswith("/kinerja/skp/baru/")
    screenshot("home-pegawai-e2e")
