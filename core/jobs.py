"""The one way a Celery task that carries out a job row is declared (docs/architecture.md, "A
Celery job"): it takes ids, is idempotent, is acknowledged only after it ran (a lost
worker's message is delivered again) and stores no result."""

from __future__ import annotations

from typing import Any

from celery import shared_task


def job_task(
    name: str, *, soft_time_limit: int | None = None, hard_after: int = 60, bind: bool = False
) -> Any:
    """`@job_task("app.task_name", soft_time_limit=600)`: the task gets SoftTimeLimitExceeded
    after `soft_time_limit` seconds and is killed `hard_after` seconds later. `bind=True`
    passes the task itself first (for a task that retries itself)."""
    limits = {}
    if soft_time_limit is not None:
        limits = {"soft_time_limit": soft_time_limit, "time_limit": soft_time_limit + hard_after}
    return shared_task(name=name, bind=bind, acks_late=True, ignore_result=True, **limits)
