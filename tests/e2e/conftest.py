"""Playwright in Debian's Chromium. A missing browser fails the run: it is never skipped."""

import importlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e import axe

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(autouse=True)
def _reference_data(transactional_db: None) -> None:
    """Browser tests commit real transactions, and the database is flushed after each one,
    which also empties what the data migrations seeded (kamus kompetensi, predikat matrix,
    curve rules). Re-run those seeds, idempotently, before each browser test; the root
    conftest orders browser tests last so no plain test runs after a flush."""
    from django.apps import apps

    for module in (
        "positions.migrations.0003_seed_competency_dictionary",
        "performance.migrations.0002_seed_predikat_matrix_and_curve",
    ):
        importlib.import_module(module).seed(apps, None)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) or set "
            "CHROMIUM_PATH. Browser tests are part of the suite and are never skipped."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object, live_server: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def screenshot(page: object):
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- axe-core: every audited page's critical/serious WCAG 2.1 A/AA violations fail its test ---


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    axe.SESSION.start_test()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    result = yield  # a test that already failed keeps its own failure
    problems = [str(v) for v in axe.SESSION.current]
    problems += [f"{url}: loaded but never audited" for url in axe.unaudited()]
    if problems:
        raise AssertionError(
            f"axe-core: {len(problems)} masalah aksesibilitas (WCAG 2.1 A/AA, kritis/serius):\n"
            + "\n".join(problems)
        )
    return result


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if axe.SESSION.audits:
        terminalreporter.write_line(axe.summary_line())


# --- Click-only journeys on the demo data (issue 11) ----------------------------------------


@pytest.fixture
def demo(transactional_db: None, settings, tmp_path: Path) -> float:
    """`seed_demo` as `make run` loads it (closed 2025, 2026 in progress), its files in a
    temporary MEDIA_ROOT. Returns the seconds it took."""
    import io
    import time

    from django.core.management import call_command

    settings.MEDIA_ROOT = str(tmp_path / "media")
    started = time.monotonic()
    call_command("seed_demo", stdout=io.StringIO())
    return time.monotonic() - started


@pytest.fixture
def person(browser: object, live_server: object, demo: float):
    """person(username, width) -> a logged-in journeys.Person on the demo data."""
    from tests.e2e.journey import DESKTOP, Person

    ARTIFACTS.mkdir(exist_ok=True)
    opened: list[Person] = []

    def open_person(username: str, width: int = DESKTOP) -> Person:
        who = Person(browser, live_server.url, username, width)
        opened.append(who)
        return who.login()

    yield open_person
    for who in opened:
        who.close()
