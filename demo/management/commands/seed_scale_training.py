"""Three years of training records for the province-scale demo data (called by
`seed_demo --scale lampung`; see demo.scale_training)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import scale_training as scale_data
from demo.scale_org import RowWriter, scale_roots


class Command(BaseCommand):
    help = (
        "Seed the training part of the province-scale data: the program catalog, angkatan "
        "2024-2026 per instansi and each employee's participations, mixed so that counted JP "
        "(verified and lulus) land around the 20 JP target; leadership training for some "
        "structural holders and Latsar for the 2025 CPNS. One transaction per instansi; an "
        "instansi that already has participations is skipped, so running it again changes "
        "nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        roots = scale_roots()
        if not roots:
            self.stdout.write("Jalankan seed_demo --scale lampung lebih dahulu.")
            return
        todo = [root for root in roots if not scale_data.is_done(root)]
        if not todo:
            self.stdout.write("Data pelatihan skala provinsi sudah ada: tidak ada yang diubah.")
            return
        with transaction.atomic():
            programs = scale_data.ensure_programs()
        writer = RowWriter()
        for root in todo:
            began = time.perf_counter()
            with transaction.atomic():
                counts = scale_data.TrainingBuilder(root, programs, writer).build()
            summary = ", ".join(f"{n:,} {label}" for label, n in counts.items())
            self.stdout.write(
                f"  Pelatihan {root.name}: {summary} ({time.perf_counter() - began:.1f} s)"
            )
