"""Fixtures every test module shares: the cast of tests/world.py and logged-in clients."""

import copy
import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator

import pytest
from django.db import transaction
from django.test import Client

from asnportal.models import User
from core import figures
from tests.e2e import axe
from tests.world import World, build_world, scoped_user

# Real Redis and Celery worker fixtures (redis_url) for the integration tests.
pytest_plugins = ["tests.worker"]


def pytest_configure(config: pytest.Config) -> None:
    # CI sets ASN_REQUIRE_SERVICES=1: a missing PostgreSQL or Redis must fail, not fall back.
    if os.environ.get("ASN_REQUIRE_SERVICES") == "1":
        if not os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
            raise pytest.UsageError("ASN_REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
        if not os.environ.get("REDIS_URL"):
            raise pytest.UsageError("ASN_REQUIRE_SERVICES=1 but REDIS_URL is unset")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Browser tests run last: their flushes also empty the data-migration reference rows.
    # So do tests that hand committed data to a real Celery worker.
    items.sort(
        key=lambda item: (
            item.get_closest_marker("e2e") is not None,
            item.get_closest_marker("flushes") is not None,
        )
    )


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if axe.SESSION.audits:
        terminalreporter.write_line(axe.summary_line())


# Under pytest-xdist the browser tests run in worker processes: each sends its axe-core counts
# back to the controller, which prints the one summary line above for the whole run.
def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["axe"] = {
            "pages": axe.SESSION.pages,
            "audits": axe.SESSION.audits,
            "violations": [dataclasses.asdict(v) for v in axe.SESSION.violations],
        }


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    counts = getattr(node, "workeroutput", {}).get("axe")
    if counts:
        axe.SESSION.pages += counts["pages"]
        axe.SESSION.audits += counts["audits"]
        axe.SESSION.violations += [axe.Violation(**v) for v in counts["violations"]]


@pytest.fixture(scope="session", autouse=True)
def _cache_of_this_worker(worker_id: str, testrun_uid: str) -> None:
    """Each pytest-xdist worker keys its own entries in the shared cache.

    With REDIS_URL set (CI) every worker's cache is the same Redis database. A write in one
    worker moved the candidate-ranking version (positions/matching/invalidation.py) and the
    rate-limit counters of another, so a test that reads a cached ranking twice could see it
    recomputed. A key prefix per run and worker keeps each worker's entries its own (two runs
    against one Redis do not meet either); the settings dict is changed in place so that caches
    opened later (live-server threads) use it too.
    """
    from django.conf import settings
    from django.core.cache import caches

    default = settings.CACHES["default"]
    default["KEY_PREFIX"] = f"{default.get('KEY_PREFIX', '')}-test-{testrun_uid[:8]}-{worker_id}"
    for opened in caches.all(initialized_only=True):
        opened.key_prefix = default["KEY_PREFIX"]


@pytest.fixture(autouse=True)
def _fresh_figures() -> None:
    """Each test starts with no cached dashboard figures (core/figures.py): the next test's
    world has the same unit paths, so an entry of the last one would otherwise be read."""
    figures.new_generation()


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture(scope="module")
def module_transaction(django_db_setup: None, django_db_blocker) -> Iterator[Callable]:
    """Data built once for a whole test module whose tests only read it.

    One transaction is opened before the module's first test and rolled back after its last:
    a module-scoped fixture builds its objects inside it (call the yielded `unblock()` around
    the writes), and every test, run with `db` as usual, sees them from its own savepoint, so
    what one test writes is gone before the next. Not for transactional tests (`live_server`,
    `transactional_db`, `flushes`): a flush cannot run inside this transaction.
    Example: tests/test_authorization_matrix.py (`matrix_world`)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield django_db_blocker.unblock
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def employee(world: World) -> User:
    return world.employee_emp.user


@pytest.fixture
def manager(world: World) -> User:
    return world.manager_emp.user


@pytest.fixture
def outsider(world: World) -> User:
    return world.outsider_emp.user


def _scoped_user_fixture(name: str, doc: str) -> Callable[..., User]:
    """The fixture `name`: the login of tests/world.py SCOPED_USERS[name], with its HR scope."""

    def fixture(world: World) -> User:
        return scoped_user(world, name)

    fixture.__doc__ = doc
    return pytest.fixture(name=name)(fixture)


hr_admin = _scoped_user_fixture("hr_admin", "HR of BKD: pengelola over the whole province.")
hr_dinkes = _scoped_user_fixture("hr_dinkes", "HR of Dinas Kesehatan (pengelola).")
hr_dishub = _scoped_user_fixture("hr_dishub", "HR of Dinas Perhubungan (pengelola).")
pimpinan = _scoped_user_fixture("pimpinan", "Read-only leadership over the whole province.")


@pytest.fixture
def client_as(client: Client) -> Callable[[User], Client]:
    def login(user: User) -> Client:
        client.force_login(user)
        return client

    return login


@pytest.fixture
def today() -> dt.date:
    from positions.models import today as _today

    return _today()


@pytest.fixture
def template_dir(settings, tmp_path):
    """A template directory searched first: a test writes a control variant of a document
    there (e.g. without a layout rule) and renders it by name."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates  # reassigning resets the template engines
    return tmp_path
