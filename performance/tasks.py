from celery import shared_task


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
