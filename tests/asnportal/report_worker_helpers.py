"""What the real-worker report tests share: the worker's environment, the committed unit job
of 14 rated employees, the media directory both sides use, and the checks on the result (a
helper module: test modules import from here, never from one another)."""

from __future__ import annotations

import time
import zipfile

import pytest
from django.db import connection

from performance.models import DocumentVerification, ReportDocument, ReportJob
from positions.models import HRScope
from tests.factories import EmployeeFactory, PlacementFactory
from tests.performance.report_helpers import YEAR, rated_skp
from tests.worker import share_media

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


def wait_for(predicate, timeout: float, what: str, diagnose=None) -> None:
    """Poll `predicate` until it holds; on timeout fail, with `diagnose()` (what the broker or
    the job holds) in the message when given."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    detail = f"; {diagnose()}" if diagnose is not None else ""
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}{detail}")


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
