import logging
from typing import Any

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from core.jobs import job_task

log = logging.getLogger(__name__)


@shared_task(name="performance.split_moved_skps", acks_late=True)
def split_moved_skps(year: int | None = None) -> int:
    """Daily: split the SKP of employees whose definitive post changed inside the period.
    Idempotent: an SKP already split no longer spans the move."""
    from django.utils import timezone

    from performance.annual import skps_needing_split, split_skp_for_move

    pending = skps_needing_split(year or timezone.localdate().year)
    for skp, move_date in pending:
        split_skp_for_move(skp, move_date=move_date)
    return len(pending)


# --- yearly report jobs (performance.report_jobs holds the logic) ----------------------
# Transient: the database or the broker went away for a moment. Everything else is a
# property of the document (bad data, a template error) and is recorded, not retried.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, BrokerError, ConnectionError)
# 2, 4, 8, then every 10 s: a document waits out a database or broker restart of up to two
# minutes (2 + 4 + 8 + 12 × 10 s) and goes on at most 10 s after the server is back (the
# PostgreSQL-outage test in tests/outages measures it); only then is it recorded as failed.
RETRY_MAX = 15


def _backoff(retries: int) -> int:
    return min(2 ** (retries + 1), 10)


def _retry(task: Any, exc: Exception) -> Exception:
    """The retry of a bound report task after a transient error, on the backoff above."""
    return task.retry(exc=exc, countdown=_backoff(task.request.retries), max_retries=RETRY_MAX)


@job_task("performance.prepare_report_job", bind=True)
def prepare_report_job(self, job_id: int, run: int) -> int:  # type: ignore[no-untyped-def]
    from performance import report_jobs

    try:
        return report_jobs.prepare_job(job_id, run)
    except TRANSIENT_ERRORS as exc:
        raise _retry(self, exc) from exc


@job_task("performance.render_report_document", soft_time_limit=120, bind=True)
def render_report_document(self, document_id: int, run: int) -> str:  # type: ignore[no-untyped-def]
    from celery.exceptions import SoftTimeLimitExceeded

    from performance import report_jobs

    try:
        return report_jobs.render_document(document_id, run)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= RETRY_MAX:
            return report_jobs.fail_document(
                document_id, run, f"Gangguan sementara berulang ({type(exc).__name__}); coba ulang."
            )
        raise _retry(self, exc) from exc
    except SoftTimeLimitExceeded:
        return report_jobs.fail_document(
            document_id, run, "Waktu penyusunan PDF habis (120 detik)."
        )
    except Exception as exc:  # one employee's bad data must not fail the job
        log.exception("report document %s failed", document_id)
        return report_jobs.fail_document(
            document_id, run, f"Gagal menyusun PDF: {type(exc).__name__}: {exc}"
        )


@job_task("performance.finish_report_job", soft_time_limit=3300, hard_after=300, bind=True)
def finish_report_job(self, job_id: int, run: int) -> str:  # type: ignore[no-untyped-def]
    from performance import report_jobs

    try:
        return report_jobs.finish_job(job_id, run)
    except TRANSIENT_ERRORS as exc:
        raise _retry(self, exc) from exc
    except Exception as exc:
        log.exception("report job %s could not be finished", job_id)
        report_jobs.mark_job_failed(
            job_id, run, f"Rekap/arsip gagal disusun: {type(exc).__name__}: {exc}"
        )
        return "failed"
