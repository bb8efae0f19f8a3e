"""Playwright in Debian's Chromium. A missing browser fails the run: it is never skipped.

Writing a journey on the demo data (read this first)
----------------------------------------------------
Ask for `person` (or for `demo` itself): `person("kabid.yankes")` logs that demo user in
through the login form and returns a `journey.Person`. The `demo` fixture gives the test the
database exactly as `seed_demo` leaves it (2025 closed, 2026 in progress), and it is cheap:
the first journey of a test process runs `seed_demo` and keeps a copy of every row and of
every file the rows name (tests/dbsnapshot.py); every later journey that starts from the same
state (the row count of every table) gets that copy restored: a flush and bulk inserts, a
second or two instead of a full seed. A journey may change anything: the next one starts
from the seeded state again.

Rule that keeps it exact: `demo` must be the first fixture of the test that writes to the
database; data a journey needs on top of the demo is made after it (in the test or in a
fixture that depends on `demo`). Never call `seed_demo` in a journey yourself.
"""

import importlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e import axe
from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(autouse=True)
def _reference_data(transactional_db: None) -> None:
    """Browser tests commit real transactions, and the database is flushed after each one,
    which also empties what the data migrations seeded (kamus kompetensi, predikat matrix,
    curve rules). Re-run those seeds, idempotently, before each browser test; the root
    conftest orders browser tests last so no plain test runs after a flush."""
    from django.apps import apps

    for module, seed in (
        ("positions.migrations.0001_squashed_0011_jpt_selection", "seed_competency_dictionary"),
        (
            "performance.migrations.0001_squashed_0008_rhk_perspektif_anggaran",
            "seed_predikat_matrix_and_curve",
        ),
    ):
        getattr(importlib.import_module(module), seed)(apps, None)


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


# The summary line of the audits (and, under pytest-xdist, their collection from the worker
# processes) is printed by tests/conftest.py, which the controller process also loads.


# --- Click-only journeys on the demo data (issue 11) ----------------------------------------


class _DemoCopy:
    """What `seed_demo` left: every row and every file the rows name."""

    def __init__(self) -> None:
        from django.core.files.storage import default_storage
        from django.db.models import FileField

        from tests.dbsnapshot import Snapshot

        self.snapshot = Snapshot.take()
        self.files: dict[str, bytes] = {}
        for model, names, rows in self.snapshot.tables:
            columns = [
                names.index(f.attname)
                for f in model._meta.local_concrete_fields
                if isinstance(f, FileField)
            ]
            for row in rows:
                for column in columns:
                    if row[column]:
                        with default_storage.open(row[column], "rb") as handle:
                            self.files[row[column]] = handle.read()

    def restore(self) -> None:
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        self.snapshot.restore()
        # A journey may have replaced or deleted a demo file, or MEDIA_ROOT is a new directory.
        for name, content in self.files.items():
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as handle:
                    if handle.read() == content:
                        continue
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(content))
            assert saved == name, f"demo file {name} came back as {saved}"


# One copy per starting state (the row count of every table before seeding): a fresh test
# database still holds every data migration's rows, a flushed one only those _reference_data
# puts back, and seed_demo on each gives its own result.
_DEMO: dict[tuple[tuple[str, int], ...], _DemoCopy] = {}


@pytest.fixture
def demo(transactional_db: None, settings, tmp_path: Path) -> float:
    """`seed_demo` as `make run` loads it (closed 2025, 2026 in progress), its files in a
    temporary MEDIA_ROOT. Seeded once per test process and starting state, restored for every
    later journey (the docstring at the top of this module). Returns the seconds it took."""
    import io
    import time

    from django.core.management import call_command

    from tests.dbsnapshot import row_counts

    settings.MEDIA_ROOT = str(tmp_path / "media")
    started = time.monotonic()
    before = tuple(sorted(row_counts().items()))
    copy = _DEMO.get(before)
    if copy is not None:
        copy.restore()
    else:
        call_command("seed_demo", stdout=io.StringIO())
        _DEMO[before] = _DemoCopy()
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
