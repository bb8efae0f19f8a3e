"""Celery tasks of the positions app: thin, by id, idempotent (the logic is in the modules)."""

from celery import shared_task


@shared_task(name="positions.commit_import_batch", acks_late=True, ignore_result=True)
def commit_import_batch(batch_id: int) -> str:
    """Save a queued employee import all-or-nothing; a re-delivery finds it saved and stops."""
    from positions.importing.commit import commit_batch  # avoids importing ↔ tasks cycle

    return commit_batch(batch_id)
