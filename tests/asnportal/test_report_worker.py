"""A report job through Redis and real `celery worker` processes, including a worker killed
(SIGKILL, with its pool) in the middle of the job: every document still arrives, once.

The data is committed (transactional test) so the worker processes, which open the same test
database, see it; files go to a temporary MEDIA_ROOT both sides share."""

from __future__ import annotations

import time
import uuid
import zipfile

import pytest
from django.db import connection

from performance.models import DocumentVerification, ReportDocument, ReportJob
from positions.models import HRScope
from tests.factories import EmployeeFactory, PlacementFactory
from tests.performance.report_helpers import YEAR, rated_skp
from tests.worker import Worker, share_media

pytestmark = [pytest.mark.celery_worker, pytest.mark.flushes]

N_EXTRA = 10  # perawat besides the world's people: enough that a kill lands mid-job


def worker_env(media_root) -> dict[str, str]:
    """Point the worker at this test's database and media directory."""
    sd = connection.settings_dict
    if sd["ENGINE"].endswith("sqlite3"):
        db = {"DATABASE_URL": "", "SQLITE_PATH": sd["NAME"]}
    else:
        auth = sd["USER"] + (f":{sd['PASSWORD']}" if sd["PASSWORD"] else "")
        db = {
            "DATABASE_URL": f"postgres://{auth}@{sd['HOST'] or '127.0.0.1'}:{sd['PORT'] or 5432}"
            f"/{sd['NAME']}"
        }
    return {
        **db,
        "MEDIA_ROOT": str(media_root),
        # Tasks a dead worker had taken return to the queue after 5 s instead of 2 hours.
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "CELERY_RESTORE_INTERVAL": "1",
        "CELERY_RESTORE_THROTTLE": "1",
        "PORTAL_BASE_URL": "https://asn.example.go.id",
    }


@pytest.fixture
def shared_media(settings, tmp_path):
    share_media(settings, tmp_path)
    return tmp_path


@pytest.fixture
def unit_job(transactional_db, world, shared_media):
    hr = HRScope.objects.create(
        user=world.kadis_emp.user, unit=world.dinkes, role=HRScope.Role.PENGELOLA
    ).user
    people = [world.kadis_emp, world.manager_emp, world.employee_emp, world.colleague_emp]
    for i in range(N_EXTRA):
        emp = EmployeeFactory(name=f"Perawat Tambahan {i:02d}", unit=world.yankes)
        PlacementFactory(employee=emp, position=world.perawat)
        people.append(emp)
    for emp in people:
        rated_skp(emp)
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.UNIT, unit=world.dinkes, year=YEAR, requested_by=hr
    )
    return job, people


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def done_count(job) -> int:
    return ReportDocument.objects.filter(job=job, state="selesai").count()


def job_state(job) -> str:
    return ReportJob.objects.get(pk=job.pk).state


def assert_every_document_exactly_once(job, people) -> None:
    docs = list(ReportDocument.objects.filter(job=job))
    assert sorted(d.employee_id for d in docs) == sorted(p.pk for p in people)
    assert all(d.state == "selesai" for d in docs), [(d.employee_id, d.error) for d in docs]
    # Exactly one verification code per employee: nothing rendered and stored twice.
    codes = DocumentVerification.objects.filter(year=YEAR)
    assert codes.count() == len(people)
    assert codes.filter(superseded_at__isnull=True).count() == len(people)
    assert {c.document_id for c in codes} == {d.pk for d in docs}
    job = ReportJob.objects.get(pk=job.pk)
    with zipfile.ZipFile(job.archive.path) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf") and not n.startswith("00-rekap")]
        assert len(pdfs) == len(set(pdfs)) == len(people)
        assert all(zf.read(n).startswith(b"%PDF") for n in pdfs)


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
