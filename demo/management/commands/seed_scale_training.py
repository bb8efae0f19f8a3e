"""Three years of training records for the province-scale demo data (called by
`seed_demo --scale lampung`; see demo.scale_training)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from demo import scale_training as scale_data
from demo.scale_org import seed_each_instansi


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
        seed_each_instansi(
            self.stdout.write,
            "Pelatihan",
            is_done=scale_data.is_done,
            prepare=scale_data.ensure_programs,
            build=lambda root, writer, programs: scale_data.TrainingBuilder(
                root, programs, writer
            ).build(),
        )
