"""Demo pengumuman: one from the sekda to the whole instansi and one from the pengelola
kepegawaian of Dinas Kesehatan, valid for a month from the day of the run. Idempotent: a
pengumuman of the same author and title is not written twice. Called by seed_demo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from home.models import Announcement
from positions.models import HRScope, OrgUnit, today

VALID_DAYS = 30


def _notices(year: int) -> list[tuple[str, str, str, str]]:
    """(author username, unit code or "" for the instansi root, title, body)."""
    return [
        (
            "sekda",
            "",
            f"Penilaian kinerja akhir tahun {year}",
            "Pegawai melengkapi realisasi Triwulan IV / Akhir beserta bukti dukung sebelum "
            "31 Desember. Pejabat penilai menetapkan predikat paling lambat 10 Januari. "
            "Predikat tahunan menjadi dasar tindak lanjut sesuai PermenPANRB 6/2022.",
        ),
        (
            "hr.dinkes",
            "dinkes",
            f"Kejar 20 JP {year}",
            "Masih banyak pegawai Dinas Kesehatan yang belum mencapai 20 JP tahun ini. Ajukan "
            "ikut pelatihan yang dibuka dari beranda, atau laporkan e-learning beserta "
            "sertifikatnya untuk diverifikasi (PP 17/2020).",
        ),
    ]


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args: Any, **options: Any) -> None:
        users = {
            u.username: u
            for u in get_user_model().objects.filter(username__in=["sekda", "hr.dinkes"])
        }
        # The instansi, and Dinas Kesehatan: the perangkat daerah the demo's HR login manages.
        scope = HRScope.objects.filter(user__username="hr.dinkes").select_related("unit").first()
        units = {
            "": OrgUnit.get_root_nodes().order_by("path").first(),
            "dinkes": scope and scope.unit,
        }
        on = today()
        created = 0
        for username, unit_hint, title, body in _notices(on.year):
            author = users.get(username)
            unit = units[unit_hint]
            if author is None or unit is None:
                continue
            _, new = Announcement.objects.get_or_create(
                author=author,
                title=title,
                defaults={
                    "unit": unit,
                    "body": body,
                    "starts_on": on,
                    "ends_on": on + dt.timedelta(days=VALID_DAYS),
                },
            )
            created += new
        self.stdout.write(f"Pengumuman demo siap ({created} baru).")
