"""Redis, the Celery broker, restarted in the middle of a report job: the worker reconnects by
itself and the job finishes with every document stored exactly once.

A private redis-server (tests/outages/conftest.py) is the broker, so the restart touches
nothing else on the machine. The job data is committed (transactional test) for the worker
process, which opens the same test database, as in tests/asnportal/test_report_worker.py."""

from __future__ import annotations

import time
import uuid

import pytest
import redis

from performance.models import ReportDocument
from tests.asnportal.report_worker_helpers import (
    assert_every_document_exactly_once,
    done_count,
    job_state,
    wait_for,
    worker_env,
)
from tests.worker import Worker

pytestmark = [pytest.mark.celery_worker, pytest.mark.flushes, pytest.mark.slow]


def broker_state(url: str, queue: str, job) -> str:
    """What the broker holds, for a failure message: queued, taken but unacknowledged, and
    the restore lock with its time to live."""
    client = redis.Redis.from_url(url)
    documents = ReportDocument.objects.filter(job=job).values_list("pk", "state", "attempts")
    return (
        f"queued={client.llen(queue)} unacked={client.hlen('unacked')}"
        f" keys={ {k.decode(): client.ttl(k) for k in client.keys('*')} }"
        f" documents={list(documents)}"
    )


def all_taken(job) -> bool:
    """Every document's render has begun (the task counts its attempts first)."""
    return not ReportDocument.objects.filter(job=job, attempts=0).exists()


def test_redis_restarted_mid_job_the_job_finishes_with_each_document_once(
    private_redis, unit_job, shared_media
):
    job, people = unit_job
    worker = Worker(
        private_redis.url,
        f"asn-redis-{uuid.uuid4().hex[:8]}",
        concurrency=2,
        # A restore lock cut by the restart blocks restores for 10 s, not 5 minutes.
        env={**worker_env(shared_media), "CELERY_UNACKED_MUTEX_EXPIRE": "10"},
    )
    try:
        worker.wait_ready()
        worker.client.send_task(
            "performance.prepare_report_job", args=(job.pk, 1), queue=worker.queue
        )
        wait_for(lambda: done_count(job) >= 2, 180, "the first documents")
        private_redis.restart(down_for=3)
        assert done_count(job) < len(people), "the restart must land in the middle of the job"
        # Second restart, down while the last document is stored: the task that would send
        # the finisher finds no broker.
        wait_for(
            lambda: all_taken(job),
            180,
            "the last document to be taken by the worker",
            diagnose=lambda: broker_state(private_redis.url, worker.queue, job),
        )
        private_redis.stop()
        wait_for(lambda: done_count(job) == len(people), 60, "the last document stored")
        time.sleep(3)  # the finisher's publish fails meanwhile
        assert job_state(job) != "selesai"
        private_redis.start()
        wait_for(
            lambda: job_state(job) == "selesai",
            120,
            "the job to finish after the restart",
            diagnose=lambda: broker_state(private_redis.url, worker.queue, job),
        )
        # The same worker process finished it: it reconnected, nobody restarted it.
        assert worker.proc.poll() is None
    finally:
        worker.stop()
    assert_every_document_exactly_once(job, people)
