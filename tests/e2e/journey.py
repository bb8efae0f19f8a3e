"""Click-only journeys on the demo data (issue 11 acceptance).

A `Person` opens a browser at one width, logs in through the login form and from then on only
clicks: `go(locator)` clicks something that loads a new page, waits for it and audits it with
axe-core (tests/e2e/axe.py), so every page a journey visits is audited at 1366 and 390 px.
`page.goto` is used twice per person: the login page and nothing else (the login form itself
lands on `/`).

On a phone (390 px) the navbar is collapsed: `nav(name)` opens the toggler first.
"""

from __future__ import annotations

import re
from pathlib import Path

from demo.org import DEMO_PASSWORD
from tests.e2e import axe
from tests.e2e.conftest import ARTIFACTS

DESKTOP, PHONE = 1366, 390


class Person:
    def __init__(self, browser, base: str, username: str, width: int = DESKTOP) -> None:
        self.base, self.username, self.width = base, username, width
        phone = width < 576
        self.context = browser.new_context(
            viewport={"width": width, "height": 844 if phone else 900},
            is_mobile=phone,
            has_touch=phone,
            locale="id-ID",
            accept_downloads=True,
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(20000)
        axe.track(self.page)
        self.steps = 0

    @property
    def main(self):
        return self.page.locator("main")

    def login(self) -> Person:
        """The only typed URL: the login page. The form lands on `/` (the home page)."""
        page = self.page
        page.goto(f"{self.base}/masuk/")
        axe.audit(page, "login")
        page.get_by_label("Nama pengguna").fill(self.username)
        page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Masuk").click()
        assert page.url == f"{self.base}/", f"login as {self.username} did not land on /"
        self.audit("home")
        return self

    def audit(self, name: str) -> None:
        self.steps += 1
        label = f"{self.username}@{self.width}-{self.steps:02d}-{name}"
        axe.audit(self.page, label)
        self.page.screenshot(path=str(ARTIFACTS / f"journey-{label}.png"), full_page=True)

    def go(self, locator, name: str = "", *, timeout: float | None = None) -> None:
        """Click `locator` (a link or submit button) and audit the page it loads."""
        locator.scroll_into_view_if_needed()
        with self.page.expect_navigation(timeout=timeout):
            locator.click(timeout=timeout)
        self.audit(name or "page")

    def nav(self, name: str, *, group: str | None = None) -> None:
        """Follow a navbar link (inside the dropdown `group` if given), opening the collapsed
        menu first on a phone."""
        page = self.page
        toggler = page.locator(".navbar-toggler")
        if toggler.is_visible():
            toggler.click()
            page.locator("#nav-main.show").wait_for()
        navbar = page.get_by_role("navigation", name="Navigasi utama")
        if group:
            navbar.get_by_role("button", name=group).or_(
                navbar.get_by_role("link", name=group)
            ).first.click()
        self.go(navbar.get_by_role("link", name=name, exact=True).first, name)

    def download(self, locator, into: Path) -> Path:
        """Click a download link; returns the saved file."""
        locator.scroll_into_view_if_needed()
        with self.page.expect_download() as info:
            locator.click()
        download = info.value
        target = into / download.suggested_filename
        download.save_as(target)
        return target

    def close(self) -> None:
        self.context.close()


def url_of(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^https?://[^/]+{pattern}$")
