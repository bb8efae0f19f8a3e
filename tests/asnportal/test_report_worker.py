"""A report job through Redis and real `celery worker` processes, including a worker killed
(SIGKILL, with its pool) in the middle of the job: every document still arrives, once.

The data is committed (transactional test) so the worker processes, which open the same test
database, see it; files go to a temporary MEDIA_ROOT both sides share."""

from __future__ import annotations

import uuid

import pytest

from tests.asnportal.report_worker_helpers import (
    assert_every_document_exactly_once,
    done_count,
    job_state,
    wait_for,
    worker_env,
)
from tests.worker import Worker

pytestmark = [pytest.mark.celery_worker, pytest.mark.flushes]


def test_a_unit_job_runs_on_a_real_worker(redis_url, unit_job, shared_media):
    job, people = unit_job
    worker = Worker(
        redis_url, f"asn-rep-{uuid.uuid4().hex[:8]}", concurrency=2, env=worker_env(shared_media)
    )
    try:
        worker.wait_ready()
        worker.client.send_task(
            "performance.prepare_report_job", args=(job.pk, 1), queue=worker.queue
        )
        wait_for(lambda: job_state(job) == "selesai", 240, "the job to finish")
    finally:
        worker.stop()
    assert_every_document_exactly_once(job, people)


def test_a_worker_killed_mid_job_loses_and_duplicates_nothing(redis_url, unit_job, shared_media):
    job, people = unit_job
    queue = f"asn-kill-{uuid.uuid4().hex[:8]}"
    env = worker_env(shared_media)
    first = Worker(redis_url, queue, concurrency=2, env=env)
    try:
        first.wait_ready()
        first.client.send_task("performance.prepare_report_job", args=(job.pk, 1), queue=queue)
        wait_for(lambda: done_count(job) >= 2, 180, "the first documents")
        first.kill()
    finally:
        first.stop()
    done_at_kill = done_count(job)
    assert 0 < done_at_kill < len(people), "the kill must land in the middle of the job"
    assert job_state(job) == "berjalan"
    second = Worker(redis_url, queue, concurrency=2, env=env)
    try:
        second.wait_ready()
        wait_for(lambda: job_state(job) == "selesai", 300, "the job to finish after the kill")
    finally:
        second.stop()
    assert_every_document_exactly_once(job, people)
