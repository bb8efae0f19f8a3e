"""SKP 2025, final evaluations, predikat kinerja organisasi and rating history for the
province-scale demo data (called by `seed_demo --scale lampung`; see demo.scale_performance)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from demo import scale_performance as scale_data
from demo.scale_org import seed_each_instansi


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
        seed_each_instansi(
            self.stdout.write,
            "Kinerja",
            is_done=scale_data.is_done,
            build=lambda root, writer, _: scale_data.PerformanceBuilder(root, writer).build(),
        )
