"""Celery tasks of manajemen talenta: thin, by id, idempotent."""

from core.jobs import job_task

# The province (120,000 ASN) computes in well under a minute; the limit keeps a stuck run
# from holding its row lock.
RUN_SOFT_TIME_LIMIT = 600


@job_task("talent.compute_talent_run", soft_time_limit=RUN_SOFT_TIME_LIMIT)
def compute_talent_run(run_id: int) -> None:
    """Fill a pending talent run; a re-delivery finds it done and stops."""
    from talent.grid import compute_run  # the grid module imports the models of three apps

    compute_run(run_id)
