"""The grouped navbar: one row at 1366 px for the role with the most items, the penilai's
badge, keyboard operation, and the collapsed menu on a phone."""

import pytest

from asnportal.models import User
from performance import services as performance_services
from performance.models import SKP
from positions.models import HRScope, today
from tests.e2e import axe

pytestmark = pytest.mark.e2e


def _login(browser, live_server, username: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    page = context.new_page()
    axe.track(page)
    page.goto(f"{live_server.url}/masuk/")
    axe.audit(page, "masuk")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("x-unused-x")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_selector("#main")
    axe.audit(page, f"beranda {username}")
    return context, page


def test_navbar_is_one_row_with_badge_and_works_by_keyboard(
    transactional_db, world, browser, live_server
):
    # The kabid is also HR of the province and a superuser: every menu item at once.
    manager = world.manager_emp.user
    User.objects.filter(pk=manager.pk).update(is_superuser=True, is_staff=True)
    HRScope.objects.create(user=manager, unit=world.pemprov, role=HRScope.Role.PENGELOLA)
    skp = performance_services.create_skp(
        world.employee_emp, year=today().year, pendekatan="kuantitatif"
    )
    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DIAJUKAN)

    context, page = _login(browser, live_server, "manager", 1366)
    brand = page.locator("nav .navbar-brand").bounding_box()
    items = page.locator("#nav-main > ul > li")
    for i in range(items.count()):
        box = items.nth(i).bounding_box()
        assert abs(box["y"] - brand["y"]) < brand["height"], "the navbar wraps at 1366 px"
    badge = page.get_by_test_id("nav-badge")
    assert badge.inner_text().startswith("1")
    assert "menunggu persetujuan" in badge.text_content()

    # Keyboard: the skip link first, then the menu opens with Enter and its items with arrows.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Lompat ke konten"
    page.get_by_test_id("nav-kinerja").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert "Persetujuan SKP" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kinerja/persetujuan/")
    axe.audit(page, "persetujuan")
    context.close()


def test_phone_menu_opens_from_the_toggler(transactional_db, world, browser, live_server):
    skp = performance_services.create_skp(
        world.employee_emp, year=today().year, pendekatan="kuantitatif"
    )
    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DIAJUKAN)
    context, page = _login(browser, live_server, "manager", 390)
    toggler = page.locator(".navbar-toggler")
    assert "1 SKP menunggu persetujuan" in toggler.get_attribute("aria-label")
    assert not page.get_by_role("link", name="Panduan", exact=True).is_visible()
    toggler.click()
    link = page.locator("#nav-main").get_by_role("link", name="Panduan", exact=True)
    link.wait_for(state="visible")
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/panduan/"), page.url
    axe.audit(page, "panduan")
    context.close()
