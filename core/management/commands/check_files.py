"""List stored files that no row points to (orphans) and rows whose file is missing.
Exit code 1 when any is found, so cron or CI can alert on it. --delete-orphans removes the
orphans (only those older than --min-age minutes, so an upload in flight is never taken)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.files import _storages, check_storage


class Command(BaseCommand):
    help = "Daftar berkas yatim dan berkas yang hilang di penyimpanan media."
    # A diagnostic: it must answer even when an unrelated system check fails.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--delete-orphans", action="store_true")
        parser.add_argument(
            "--min-age", type=int, default=60, help="menit (untuk --delete-orphans)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = check_storage()
        for name in report.orphans:
            self.stdout.write(f"yatim\t{name}")
        for name in report.missing:
            self.stdout.write(f"hilang\t{name}")
        deleted = 0
        if options["delete_orphans"] and report.orphans:
            deleted = self._delete_orphans(report.orphans, options["min_age"])
        self.stdout.write(
            f"{len(report.orphans)} berkas yatim, {len(report.missing)} berkas hilang"
            + (f", {deleted} berkas yatim dihapus" if options["delete_orphans"] else "")
        )
        if not report.ok:
            raise CommandError("Penyimpanan berkas tidak konsisten.", returncode=1)

    def _delete_orphans(self, names: list[str], min_age: int) -> int:
        cutoff = timezone.now() - dt.timedelta(minutes=min_age)
        deleted = 0
        for storage in _storages().values():
            for name in names:
                if not storage.exists(name):
                    continue
                try:
                    modified = storage.get_modified_time(name)
                except (NotImplementedError, OSError):
                    continue
                if modified <= cutoff:
                    storage.delete(name)
                    deleted += 1
        return deleted
