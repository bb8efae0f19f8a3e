"""`manage.py refresh_candidate_features [--check]`: recompute every employee's candidate
features (positions/matching/features.py), or only report the rows that differ."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from positions.matching import features


class Command(BaseCommand):
    help = "Hitung ulang fitur kandidat semua pegawai (peringkat calon pengisi jabatan)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Hanya periksa: sebutkan pegawai yang fiturnya tidak sesuai data sumber.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        if options["check"]:
            stale = features.stale_employee_ids()
            if stale:
                shown = ", ".join(str(pk) for pk in stale[:20])
                self.stdout.write(f"{len(stale)} pegawai tidak sesuai (id: {shown}).")
            else:
                self.stdout.write("Semua fitur kandidat sesuai data sumber.")
            return
        with transaction.atomic():
            written = features.refresh()
        seconds = time.monotonic() - started
        self.stdout.write(f"Fitur kandidat dihitung ulang: {written} pegawai ({seconds:.1f} s).")
