"""Split the SKP of every employee whose definitive post changed during the SKP period."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from performance.annual import skps_needing_split, split_skp_for_move


class Command(BaseCommand):
    help = (
        "When a placement changes mid-year, end the old SKP the day before the new TMT and "
        "start an SKP for the new position with its penilai. Safe to run daily (cron/beat)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--tahun", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["tahun"] or timezone.localdate().year
        pending = skps_needing_split(year)
        for skp, move_date in pending:
            split_skp_for_move(skp, move_date=move_date)
        self.stdout.write(f"{len(pending)} SKP dipecah karena perpindahan jabatan ({year}).")
