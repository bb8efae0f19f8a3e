"""SKP 2025, final evaluations, predikat kinerja organisasi and rating history for the
province-scale demo data (called by `seed_demo --scale lampung`; see demo.scale_performance)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import scale_performance as scale_data
from demo.scale_org import RowWriter, scale_roots


class Command(BaseCommand):
    help = (
        "Seed the performance part of the province-scale data: for every employee of each "
        "scale instansi an approved SKP 2025 (RHK cascaded from the penilai's RHK, IKI, "
        "ekspektasi) with a final TW IV evaluation whose predikat comes from the PredikatRule "
        "table, the 2025 predikat kinerja organisasi per perangkat daerah and rating history "
        "2021-2024. One transaction per instansi; an instansi that already has SKP 2025 is "
        "skipped, so running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        roots = scale_roots()
        if not roots:
            self.stdout.write("Jalankan seed_demo --scale lampung lebih dahulu.")
            return
        todo = [root for root in roots if not scale_data.is_done(root)]
        if not todo:
            self.stdout.write("Data kinerja skala provinsi sudah ada: tidak ada yang diubah.")
            return
        writer = RowWriter()
        for root in todo:
            began = time.perf_counter()
            with transaction.atomic():
                counts = scale_data.PerformanceBuilder(root, writer).build()
            summary = ", ".join(f"{n:,} {label}" for label, n in counts.items())
            self.stdout.write(
                f"  Kinerja {root.name}: {summary} ({time.perf_counter() - began:.1f} s)"
            )
