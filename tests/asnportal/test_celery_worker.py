"""A real Celery worker process against Redis: the production path, not eager mode.

REDIS_URL (as in CI) is used when set; otherwise the test starts a private redis-server on a
free port. With neither available the test fails: the worker path is never skipped."""

import uuid
from collections.abc import Iterator

import pytest
from celery import Celery

from tests.worker import Worker

pytestmark = pytest.mark.celery_worker


@pytest.fixture(scope="session")
def celery_worker(redis_url: str) -> Iterator[tuple[Celery, str]]:
    """Start `celery worker` on a private queue; yield a client app and the queue name."""
    worker = Worker(redis_url, f"asn-test-{uuid.uuid4().hex[:8]}")
    try:
        worker.wait_ready()
        yield worker.client, worker.queue
    finally:
        worker.stop()


def test_real_worker_runs_a_task_sent_through_redis(celery_worker):
    client, queue = celery_worker
    result = client.send_task("asnportal.ping", queue=queue)
    assert result.get(timeout=30) == "pong"


def test_tasks_are_acknowledged_late_and_requeued_on_worker_loss():
    from asnportal.celery import app

    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit


def test_a_worker_that_never_recycles_its_pool_processes_starts(redis_url: str):
    """README: CELERY_MAX_TASKS_PER_CHILD=0 means never. Under the name Celery's own command
    line also reads (CELERY_WORKER_MAX_TASKS_PER_CHILD) the worker died at start instead."""
    worker = Worker(
        redis_url,
        f"asn-test-{uuid.uuid4().hex[:8]}",
        env={"CELERY_MAX_TASKS_PER_CHILD": "0"},
    )
    try:
        worker.wait_ready()
        result = worker.client.send_task("asnportal.ping", queue=worker.queue)
        assert result.get(timeout=30) == "pong"
        stats = worker.client.control.inspect([worker.name], timeout=5).stats() or {}
        assert stats[worker.name]["pool"]["max-tasks-per-child"] == "N/A"  # prefork: 0 or None
    finally:
        worker.stop()
