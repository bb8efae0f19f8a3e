"""Celery tasks of the positions app: thin, by id, idempotent (the logic is in the modules)."""

import logging

from celery.exceptions import SoftTimeLimitExceeded

from core.jobs import job_task

# A 20,000-row import saves in about 25 s on a busy 2-core machine (tests/perf/README.md);
# the limits leave room for a larger province without letting a stuck commit hold its locks.
IMPORT_SOFT_TIME_LIMIT = 600

log = logging.getLogger(__name__)


@job_task("positions.commit_import_batch", soft_time_limit=IMPORT_SOFT_TIME_LIMIT)
def commit_import_batch(batch_id: int) -> str:
    """Save a queued employee import all-or-nothing; a re-delivery finds it saved and stops."""
    from positions.importing.commit import commit_batch, record_timeout  # avoids a cycle

    try:
        return commit_batch(batch_id)
    except SoftTimeLimitExceeded:  # the transaction was rolled back on the way out
        return record_timeout(batch_id)


@job_task("positions.render_peta_job", soft_time_limit=600)
def render_peta_job(job_id: int, run: int) -> str:
    """Print a peta jabatan chart; a re-delivery or a stale run finds nothing to do."""
    from positions import peta_print  # avoids a cycle

    try:
        return peta_print.render_job(job_id, run)
    except SoftTimeLimitExceeded:
        peta_print.fail_job(job_id, run, "Waktu pencetakan habis (600 detik).")
        return "failed"
    except Exception as exc:  # recorded on the job for the person waiting for it
        log.exception("peta job %s failed", job_id)
        reason = f"Gagal mencetak peta jabatan: {type(exc).__name__}: {exc}"
        peta_print.fail_job(job_id, run, reason)
        return "failed"


@job_task("positions.move_units_to_current_posts", soft_time_limit=600)
def move_units_to_current_posts() -> int:
    """Daily: the unit kerja of employees whose new definitive post's TMT has come follows
    the post (positions.services.move_units_to_current_posts); idempotent."""
    from positions import services  # avoids a cycle

    return services.move_units_to_current_posts()


@job_task("positions.refresh_candidate_features", soft_time_limit=1800)
def refresh_candidate_features() -> int:
    """Nightly: recompute every employee's candidate features (positions/matching/features.py);
    idempotent, so a re-delivery only writes the same rows again."""
    from django.db import transaction

    from positions.matching import features  # avoids a cycle

    with transaction.atomic():
        return features.refresh()
