"""Demo performance data for Dinas Kesehatan: a cascade of approved SKPs (Sekretaris/Plt
Kepala Dinas → Kepala Bidang Pelayanan Kesehatan → the bidang's staff), evaluations of the
past quarters, and the unit's predikat kinerja organisasi. Idempotent: SKPs are looked up by
employee and year; the demo staff login is left without an SKP so a newcomer can draft one."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from performance import services
from performance.models import (
    RHK,
    SKP,
    Evaluation,
    Indicator,
    OrganisationPerformance,
    Realisation,
    predikat_for,
)
from positions.models import Employee, OrgUnit, Placement, Position

YEAR = 2026
WIB = ZoneInfo("Asia/Jakarta")
PAST_QUARTERS = ["tw1", "tw2", "tw3"]
RHK_TEXT = {
    "sekretaris": [
        "Terwujudnya tata kelola kesekretariatan Dinas Kesehatan yang akuntabel",
        "Meningkatnya kualitas perencanaan dan pelaporan kinerja Dinas Kesehatan",
    ],
    "kabid": [
        "Meningkatnya mutu pelayanan kesehatan primer dan rujukan",
        "Terlaksananya pembinaan fasilitas pelayanan kesehatan kabupaten/kota",
    ],
    "staf": [
        "Tersusunnya laporan mutu layanan fasilitas kesehatan",
        "Terlaksananya pendampingan akreditasi puskesmas",
    ],
}


class Command(BaseCommand):
    help = "Seed demo SKPs, evaluations and the predikat kinerja organisasi of Dinas Kesehatan."

    def handle(self, *args: Any, **options: Any) -> None:
        dinkes = OrgUnit.objects.filter(code="18.DINKES").first()
        if dinkes is None:
            self.stdout.write("Jalankan seed_demo lebih dahulu.")
            return
        created = 0
        with transaction.atomic():
            kadis = Position.objects.get(code="18.DINKES.KEPALA")
            plt = Placement.objects.open().filter(position=kadis, kind="plt").first()
            kabid = Employee.objects.get(user__username="kabid.yankes")
            staff_user_employee = Employee.objects.filter(user__username="staf.yankes").first()
            sekretaris_skp, new = self._skp(plt.employee, "sekretaris", parents=[])
            created += new
            kabid_skp, new = self._skp(
                kabid, "kabid", parents=list(sekretaris_skp.rhks.filter(jenis="utama"))
            )
            created += new
            subordinates = (
                Placement.objects.on(timezone.localdate())
                .filter(position__parent__placements__employee=kabid, kind="definitif")
                .exclude(employee=staff_user_employee)
                .select_related("employee")
                .distinct()
            )
            for placement in subordinates:
                skp, new = self._skp(
                    placement.employee, "staf", parents=list(kabid_skp.rhks.filter(jenis="utama"))
                )
                created += new
                if new:
                    self._evaluations(skp)
            hr = get_user_model().objects.get(username="hr.dinkes")
            OrganisationPerformance.objects.get_or_create(
                unit=dinkes, year=YEAR, defaults={"predikat": "baik", "set_by": hr}
            )
        self.stdout.write(f"Data kinerja demo siap ({created} SKP baru).")

    def _skp(self, employee: Employee, role: str, *, parents: list[RHK]) -> tuple[SKP, bool]:
        existing = SKP.objects.current().filter(employee=employee, year=YEAR).first()
        if existing:
            return existing, False
        rng = random.Random(f"skp-{employee.nip}")  # nosec B311  # seeded for reproducible demo data, not a secret
        skp = services.create_skp(employee, year=YEAR, pendekatan="kuantitatif")
        for index, text in enumerate(RHK_TEXT[role]):
            rhk = RHK.objects.create(
                skp=skp,
                text=text,
                order=index,
                parent_rhk=parents[index % len(parents)] if parents else None,
                perspektif="penerima_layanan" if skp.is_jpt else "",
            )
            Indicator.objects.create(
                rhk=rhk,
                aspek="kuantitas",
                text=f"Jumlah dokumen/kegiatan: {text[:60].lower()}",
                target_value=rng.choice([4, 6, 12]),
                target_satuan="Dokumen",
            )
            Indicator.objects.create(
                rhk=rhk,
                aspek="kualitas",
                text="Persentase kesesuaian dengan standar",
                target_value=100,
                target_satuan="%",
            )
            Indicator.objects.create(
                rhk=rhk,
                aspek="waktu",
                text="Waktu penyelesaian",
                target_value=12,
                target_satuan="Bulan",
            )
        RHK.objects.create(skp=skp, jenis="tambahan", text="Menjadi narasumber sosialisasi SPBE")
        # Demo approval on 15 January: the same fields approve_skp writes, without a login.
        approver = skp.penilai
        skp.status = SKP.Status.DISETUJUI
        skp.submitted_at = dt.datetime(YEAR, 1, 10, 9, tzinfo=WIB)
        skp.approved_at = dt.datetime(YEAR, 1, 15, 10, tzinfo=WIB)
        skp.approved_by = approver
        skp.snapshot = {
            "pegawai": services.identity(employee, skp.position),
            "penilai": services.identity(approver, skp.penilai_position),
            "atasan_penilai": services.identity(
                skp.atasan_penilai, skp.penilai_position.parent if skp.penilai_position else None
            ),
            "frozen_on": f"{YEAR}-01-15",
            "roles_on": skp.period_start.isoformat(),
        }
        skp.save()
        return skp, True

    def _evaluations(self, skp: SKP) -> None:
        rng = random.Random(f"eval-{skp.employee.nip}")  # nosec B311  # seeded for reproducible demo data, not a secret
        indicators = list(Indicator.objects.filter(rhk__skp=skp))
        for period in PAST_QUARTERS:
            hasil = rng.choices(["diatas", "sesuai", "dibawah"], weights=[2, 7, 1])[0]
            perilaku = rng.choices(["diatas", "sesuai", "dibawah"], weights=[2, 7, 1])[0]
            evaluation = Evaluation.objects.create(
                skp=skp,
                period=period,
                status=Evaluation.Status.FINAL,
                rating_hasil=hasil,
                rating_perilaku=perilaku,
                predikat=predikat_for(hasil, perilaku),
                finalised_by=skp.penilai,
                finalised_at=timezone.now(),
                umpan_balik="Pertahankan capaian dan lengkapi bukti dukung tepat waktu.",
            )
            quarter = PAST_QUARTERS.index(period) + 1
            Realisation.objects.bulk_create(
                Realisation(
                    evaluation=evaluation,
                    indicator=indicator,
                    value=(indicator.target_value or 0) * quarter / 4,
                    evidence_link="https://drive.lampungprov.go.id/bukti-dukung",
                    umpan_balik="Sesuai rencana aksi triwulan.",
                )
                for indicator in indicators
            )
