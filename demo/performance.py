"""Demo performance data for Dinas Kesehatan, told as one story:

- **2025, a closed year.** Everyone who held a definitive post in Dinas Kesehatan during 2025
  has an approved SKP (cascaded from the Kepala Dinas down), realisasi with bukti dukung
  files for TW I–IV, BerAKHLAK umpan balik and a final akhir evaluation with a predikat. The
  predikat kinerja organisasi is Baik, the distribution passes its curve, and the year is
  closed — so the yearly report job has something to print.
- **2026, in progress.** The Plt Kepala Dinas and the Kepala Bidang have approved SKPs; most
  staff have approved SKPs with TW I–III evaluated; some SKPs are drafts, one waits for
  `kabid.yankes`, one was returned with a note, `staf2.yankes` has TW III realisasi waiting for
  the penilai's rating and TW IV open, and `staf.yankes` has no SKP yet (the walkthrough
  drafts it).

Every state change goes through performance.services (submit, approve, return, realisasi,
umpan balik and rating, organisation predikat, closing the year), so the demo obeys the same
rules as a person clicking, and approval freezes the identity snapshot that documents print.
The dates those services stamp (submitted, approved, finalised) are then set back to when they
would have happened. Idempotent: an employee who already has an SKP for the year is skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import struct
import zlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from core.uploads import validate_evidence
from performance import services
from performance.models import (
    BERAKHLAK,
    RHK,
    SKP,
    BehaviourFeedback,
    Evaluation,
    Indicator,
    OrganisationPerformance,
    Realisation,
)
from positions.models import STRUCTURAL_JENIS, Employee, OrgUnit, Placement, Position, today

CLOSED_YEAR = 2025
YEAR = 2026
WIB = ZoneInfo("Asia/Jakarta")
PERIODS = ["tw1", "tw2", "tw3", "tw4"]
QUARTER_END = {"tw1": (3, 31), "tw2": (6, 30), "tw3": (9, 30), "tw4": (12, 31)}
# A service-only account: while the seed acts for an employee who has no login, it is linked
# to that employee for the one call and unlinked again; it is deleted at the end.
ACTOR_USERNAME = "_seed_demo_actor"
NO_MAIL = "django.core.mail.backends.dummy.EmailBackend"

RHK_TEXT = {
    "kadis": [
        "Meningkatnya derajat kesehatan masyarakat Provinsi Lampung",
        "Meningkatnya akuntabilitas kinerja Dinas Kesehatan",
        "Terkelolanya anggaran Dinas Kesehatan secara efektif dan akuntabel",
    ],
    "sekretaris": [
        "Terwujudnya tata kelola kesekretariatan Dinas Kesehatan yang akuntabel",
        "Meningkatnya kualitas perencanaan dan pelaporan kinerja Dinas Kesehatan",
    ],
    "kabid": [
        "Meningkatnya mutu layanan {unit}",
        "Terlaksananya pembinaan kabupaten/kota oleh {unit}",
    ],
    "kasi": [
        "Terlaksananya kegiatan {unit} sesuai rencana aksi",
        "Tersusunnya laporan dan evaluasi {unit}",
    ],
    "staf": [
        "Tersusunnya laporan mutu layanan fasilitas kesehatan",
        "Terlaksananya pendampingan akreditasi puskesmas",
    ],
}
# A JPT's utama RHK in turn; its tambahan is penguatan internal: the kepala dinas's SKP shows
# all four perspektif of the JPT form (docs/domain.md §1.3).
PERSPEKTIF = ["penerima_layanan", "proses_bisnis", "anggaran"]
# Annual predikat -> (rating hasil kerja, rating perilaku kerja) that gives it in the matrix.
RATINGS = {
    "sangat_baik": ("diatas", "diatas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("dibawah", "sesuai"),
    "kurang": ("sesuai", "dibawah"),
}
# Realisasi as a share of the pro-rata target, by the year's predikat.
ACHIEVEMENT = {"sangat_baik": "1.10", "baik": "1.00", "butuh_perbaikan": "0.80", "kurang": "0.85"}
RETURN_NOTE = (
    "Target kuantitas RHK kedua lebih rendah dari capaian tahun lalu. Naikkan targetnya sesuai "
    "rencana aksi bidang, lalu ajukan kembali."
)
UMPAN_BALIK = {
    "sangat_baik": "Capaian melampaui target dengan bukti dukung lengkap. Pertahankan.",
    "baik": "Capaian sesuai rencana aksi. Lengkapi bukti dukung tepat waktu.",
    "butuh_perbaikan": "Capaian di bawah target: susun rencana perbaikan bersama atasan.",
    "kurang": "Target tercapai, tetapi kedisiplinan dan kerja sama perlu diperbaiki.",
}


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


def _quarter_review_day(year: int, period: str) -> dt.date:
    """The penilai rates a quarter in the first fortnight after it ends."""
    month, day = QUARTER_END[period]
    return dt.date(year, month, day) + dt.timedelta(days=10)


class Command(BaseCommand):
    help = (
        "Seed the demo performance data of Dinas Kesehatan: a closed year 2025 (approved SKPs, "
        "realisasi with bukti dukung, final evaluations, organisation predikat, curve checked, "
        "year closed) and 2026 in progress (drafts, one SKP waiting for kabid.yankes, one "
        "returned, approved SKPs with TW I-III). Every state change goes through the services. "
        "Idempotent: employees who already have an SKP for a year are skipped."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        dinkes = OrgUnit.objects.filter(code="18.DINKES").first()
        if dinkes is None:
            self.stdout.write("Jalankan seed_demo lebih dahulu.")
            return
        User = get_user_model()
        # The services mail the people they concern (on commit); demo people get no mail.
        with override_settings(EMAIL_BACKEND=NO_MAIL), transaction.atomic():
            self.actor, _ = User.objects.get_or_create(
                username=ACTOR_USERNAME,
                defaults={"is_active": False, "password": make_password(None)},
            )
            self.hr = User.objects.get(username="hr.dinkes")
            self.files = EvidenceFiles()
            self._indicator_cache: dict[int, list[Indicator]] = {}
            self._penilai_cache: dict[int, Employee] = {}
            created = self._closed_year(dinkes)
            created += self._year_in_progress(dinkes)
            self.actor.delete()
        self.stdout.write(
            f"Data kinerja demo siap ({created} SKP baru; {self.files.count} berkas bukti dukung)."
        )

    # --- acting as a person ------------------------------------------------------------

    @contextlib.contextmanager
    def _as(self, employee: Employee) -> Iterator[Any]:
        """The user the services expect for `employee`: their own login, else the seed's
        actor account linked to them for the duration of one call."""
        if employee.user_id is not None:
            yield employee.user
            return
        Employee.objects.filter(pk=employee.pk).update(user=self.actor)
        self.actor.__dict__.pop("_asn_scopes", None)  # scopes are cached per user object
        try:
            yield self.actor
        finally:
            Employee.objects.filter(pk=employee.pk).update(user=None)

    # --- 2025: the closed year --------------------------------------------------------------

    def _closed_year(self, dinkes: OrgUnit) -> int:
        year = CLOSED_YEAR
        people = self._people_of_year(dinkes, year)
        plan = self._predikat_plan([employee for employee, _ in people])
        created = 0
        for employee, start in people:
            if SKP.objects.current().filter(employee=employee, year=year).exists():
                continue
            skp = self._plan_skp(employee, year, start)
            self._submit(skp, day=start + dt.timedelta(days=9))
            self._approve(skp, day=start + dt.timedelta(days=14))
            for period in PERIODS:
                if dt.date(year, *QUARTER_END[period]) < start:
                    continue  # joined after this quarter ended
                self._realise(skp, period, plan[employee.pk], with_files=True)
                self._rate(skp, period, plan[employee.pk])
            created += 1
        org = OrganisationPerformance.objects.filter(unit=dinkes, year=year).first()
        if org is None:
            org = services.set_org_predikat(dinkes, year=year, predikat="baik", user=self.hr)
        if org.closed_at is None:
            counts = services.annual_distribution(dinkes, year)
            violations = services.curve_violations(org.predikat, counts)
            if violations:
                raise CommandError(f"Kurva distribusi demo {year} tidak terpenuhi: {violations}")
            services.close_year(dinkes, year=year, user=self.hr)
            OrganisationPerformance.objects.filter(pk=org.pk).update(
                closed_at=_at(dt.date(year + 1, 1, 30))
            )
        return created

    def _people_of_year(self, dinkes: OrgUnit, year: int) -> list[tuple[Employee, dt.date]]:
        """Everyone with a definitive post in the unit during the year (the retired Kepala
        Dinas too: the 2025 cascade starts at her), with the day their SKP starts, each after
        their penilai so that every SKP can cascade from an approved one."""
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        placements = (
            Placement.objects.filter(
                kind=Placement.Kind.DEFINITIF,
                position__unit__path__startswith=dinkes.path,
                start_date__lte=last,
            )
            .exclude(end_date__lt=first)
            .select_related("employee__user", "position")
            .order_by("employee__nip", "start_date")
        )
        seeded = set(SKP.objects.current().filter(year=year).values_list("employee_id", flat=True))
        people: dict[int, tuple[Employee, dt.date, int | None]] = {}
        for placement in placements:
            employee = placement.employee
            if employee.pk in people or employee.pk in seeded:
                continue  # a re-run: their SKP is there, nothing to work out
            found = _rated_from(employee, max(first, placement.start_date), last)
            if found is None:
                self.stdout.write(f"  {employee.name}: jabatan penilai lowong sepanjang {year}.")
                continue
            start, penilai = found
            people[employee.pk] = (employee, start, penilai.pk if penilai else None)

        def rank(pk: int, seen: frozenset[int] = frozenset()) -> int:
            penilai_id = people[pk][2]
            if penilai_id not in people or penilai_id in seen:
                return 0
            return rank(penilai_id, seen | {pk}) + 1

        ordered = sorted(people, key=lambda pk: (rank(pk), people[pk][0].nip))
        return [(people[pk][0], people[pk][1]) for pk in ordered]

    @staticmethod
    def _predikat_plan(employees: list[Employee]) -> dict[int, str]:
        """Annual predikat per person for organisation predikat Baik: at most 70% Baik and at
        least one Butuh Perbaikan or Kurang (docs/domain.md §1.7). The demo logins get Baik and
        Sangat Baik so their pages read naturally."""
        n = len(employees)
        n_top = max(1, round(n * 0.22))
        n_low = max(1, round(n * 0.07))
        pool = (
            ["sangat_baik"] * n_top
            + ["butuh_perbaikan"] * n_low
            + ["kurang"]
            + ["baik"] * max(0, n - n_top - n_low - 1)
        )[:n]
        rng = random.Random(f"predikat-{CLOSED_YEAR}")  # nosec B311  # reproducible demo data
        rng.shuffle(pool)
        plan = {e.pk: p for e, p in zip(employees, pool, strict=True)}
        fixed = {"staf.yankes": "baik", "staf2.yankes": "baik", "kabid.yankes": "sangat_baik"}
        for employee in employees:
            wanted = fixed.get(employee.user.username if employee.user_id else "")
            if wanted and plan[employee.pk] != wanted:
                # Swap with someone who has the wanted predikat, so the counts stay the same.
                other = next(
                    e.pk
                    for e in employees
                    if plan[e.pk] == wanted and not (e.user_id and e.user.username in fixed)
                )
                plan[other], plan[employee.pk] = plan[employee.pk], wanted
        return plan

    # --- 2026: the year in progress -----------------------------------------------------------

    def _year_in_progress(self, dinkes: OrgUnit) -> int:
        """Each active employee of Dinas Kesehatan gets a 2026 state. The Kepala Bidang
        Pelayanan Kesehatan's own bidang is written by hand for the walkthroughs; everyone
        else draws a state from a seeded random number."""
        year = YEAR
        day = dt.date(year, 1, 1)
        kabid = Employee.objects.get(user__username="kabid.yankes")
        by_login = {
            e.user.username: e
            for e in Employee.objects.filter(
                user__username__in=["staf.yankes", "staf2.yankes"]
            ).select_related("user")
        }
        states: dict[int, str] = {}
        if "staf.yankes" in by_login:
            states[by_login["staf.yankes"].pk] = "none"  # drafts their SKP in the walkthrough
        if "staf2.yankes" in by_login:
            states[by_login["staf2.yankes"].pk] = "tw3_waiting"
        kasi = list(
            Placement.objects.on(day)
            .filter(
                position__parent__placements__employee=kabid,
                position__jenis="pengawas",
                kind=Placement.Kind.DEFINITIF,
            )
            .order_by("employee__nip")
            .values_list("employee_id", flat=True)
            .distinct()
        )
        for employee_id, state in zip(kasi, ["diajukan", "dikembalikan"], strict=False):
            states[employee_id] = state

        people = [
            (employee, start)
            for employee, start in self._people_of_year(dinkes, year)
            if employee.status == Employee.Status.AKTIF
        ]
        in_demo = {employee.pk for employee, _ in people}
        created = 0
        approved: set[int] = set(
            SKP.objects.current()
            .filter(year=year, status=SKP.Status.DISETUJUI)
            .values_list("employee_id", flat=True)
        )
        for employee, start in people:
            if SKP.objects.current().filter(employee=employee, year=year).exists():
                continue
            state = states.get(employee.pk) or _drawn_state(employee)
            if state == "none":
                continue
            skp = self._plan_skp(employee, year, start)
            created += 1
            if skp.position.jenis in STRUCTURAL_JENIS[:4]:
                state = "disetujui"  # the heads: their staff cascade from their SKP
            # A penilai outside the demo's people (the Sekda) has no SKP to wait for.
            superior_ready = skp.penilai_id in approved or skp.penilai_id not in in_demo
            cascades = skp.position.jenis not in STRUCTURAL_JENIS[:3]
            if state == "draft" or (cascades and not superior_ready and skp.penilai_id):
                continue  # a draft (or it must wait: the penilai's SKP is not approved yet)
            self._submit(skp, day=start + dt.timedelta(days=9))
            if state == "diajukan":
                continue
            if state == "dikembalikan":
                with self._as(skp.penilai) as user:
                    services.return_skp(skp, user=user, note=RETURN_NOTE)
                continue
            self._approve(skp, day=start + dt.timedelta(days=14))
            approved.add(employee.pk)
            for period in PERIODS[:3]:
                self._realise(skp, period, "baik", with_files=(period == "tw3"))
                if state == "tw3_waiting" and period == "tw3":
                    # The realisasi is in and sent; the penilai has not rated it yet.
                    evaluation = Evaluation.objects.get(skp=skp, period=period)
                    with self._as(employee) as user:
                        services.send_realisations_to_penilai(evaluation, user=user)
                    break
                self._rate(skp, period, "baik")
        return created

    # --- one SKP, through the services ------------------------------------------------------

    def _plan_skp(self, employee: Employee, year: int, start: dt.date) -> SKP:
        """A draft with two utama RHK (three for the kepala dinas, a JPT: one per perspektif;
        three IKI each, cascaded from the penilai's approved SKP) and one tambahan RHK. RHK and
        IKI rows are plain inserts: the plan's content is not a state change."""
        skp = services.create_skp(
            employee, year=year, pendekatan=SKP.Pendekatan.KUANTITATIF, period_start=start
        )
        rng = random.Random(f"skp-{year}-{employee.nip}")  # nosec B311  # reproducible demo data
        parents = services.cascade_choices(skp)
        unit = skp.position.unit.name
        rhks = [
            RHK(
                skp=skp,
                text=text.format(unit=unit),
                order=index,
                parent_rhk=parents[index % len(parents)] if parents else None,
                perspektif=PERSPEKTIF[index % len(PERSPEKTIF)] if skp.is_jpt else "",
            )
            for index, text in enumerate(RHK_TEXT[_role(skp.position)])
        ]
        rhks.append(
            RHK(
                skp=skp,
                jenis=RHK.Jenis.TAMBAHAN,
                text="Menjadi narasumber sosialisasi SPBE",
                order=9,
                perspektif="penguatan_internal" if skp.is_jpt else "",
            )
        )
        RHK.objects.bulk_create(rhks)  # sets the pks (RETURNING on SQLite and PostgreSQL)
        indicators = []
        for rhk in rhks[:-1]:
            indicators += [
                Indicator(
                    rhk=rhk,
                    aspek="kuantitas",
                    text=f"Jumlah dokumen/kegiatan: {rhk.text[:60].lower()}",
                    target_value=rng.choice([4, 8, 12]),
                    target_satuan="Dokumen",
                ),
                Indicator(
                    rhk=rhk,
                    aspek="kualitas",
                    text="Persentase kesesuaian dengan standar",
                    target_value=100,
                    target_satuan="%",
                ),
                Indicator(
                    rhk=rhk,
                    aspek="waktu",
                    text="Waktu penyelesaian",
                    target_value=12,
                    target_satuan="Bulan",
                ),
            ]
        indicators.append(
            Indicator(
                rhk=rhks[-1],
                aspek="kuantitas",
                text="Jumlah kegiatan sosialisasi sebagai narasumber",
                target_value=2,
                target_satuan="Kegiatan",
            )
        )
        Indicator.objects.bulk_create(indicators)
        return skp

    def _submit(self, skp: SKP, *, day: dt.date) -> None:
        penilai_skp_needed = (
            skp.penilai_id is not None and skp.position.jenis not in STRUCTURAL_JENIS[:3]
        )
        if penilai_skp_needed and services.superior_skp(skp) is None:
            # The top of the demo's cascade (the Plt Kepala Dinas, rated by the Sekda, whose
            # own SKP is not part of the demo): submitted as the service would, without the
            # cascade check that cannot pass.
            SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DIAJUKAN)
        else:
            with self._as(skp.employee) as user:
                services.submit_skp(skp, user=user)
        SKP.objects.filter(pk=skp.pk).update(submitted_at=_at(day, 9))

    def _penilai_now(self, skp: SKP) -> Employee:
        """Whoever may act as penilai of the SKP today (services.is_penilai_of)."""
        if skp.pk in self._penilai_cache:
            return self._penilai_cache[skp.pk]
        skp.refresh_from_db(fields=["penilai", "penilai_position"])
        if skp.penilai is not None:
            penilai = skp.penilai
        else:
            holder = Placement.objects.holder_of(skp.penilai_position_id, today())
            if holder is None:
                raise CommandError(f"{skp}: jabatan pejabat penilai lowong; tak ada penyetuju.")
            penilai = holder.employee
        self._penilai_cache[skp.pk] = penilai
        return penilai

    def _approve(self, skp: SKP, *, day: dt.date) -> None:
        with self._as(self._penilai_now(skp)) as user:
            services.approve_skp(skp, user=user)
        skp.refresh_from_db(fields=["snapshot"])
        snapshot = {**skp.snapshot, "frozen_on": day.isoformat()}
        SKP.objects.filter(pk=skp.pk).update(approved_at=_at(day), snapshot=snapshot)

    def _realise(self, skp: SKP, period: str, predikat: str, *, with_files: bool) -> None:
        """The pegawai's realisasi for every IKI of the period (cumulative: a quarter's share
        of the annual target), with a bukti dukung file on each quantity IKI.

        Plain inserts rather than services.save_realisations, which saves row by row with
        history: three times faster for the ~1,300 rows, and entering realisasi changes no
        state (the finalisation below goes through the service)."""
        evaluation, _ = Evaluation.objects.get_or_create(skp=skp, period=period)
        quarter = PERIODS.index(period) + 1
        factor = Decimal(ACHIEVEMENT[predikat])
        rows = []
        for indicator in self._indicators(skp):
            target = indicator.target_value or Decimal(0)
            if indicator.aspek == "kualitas":
                value = min(Decimal(100), target * factor)
            else:
                value = target * quarter / 4 * factor
            row = Realisation(
                evaluation=evaluation,
                indicator=indicator,
                value=value.quantize(Decimal("0.01")),
                text=f"{indicator.get_aspek_display()} {period.upper()}: sesuai rencana aksi.",
            )
            if with_files and indicator.aspek == "kuantitas":
                upload = self.files.next(skp, period)
                row.evidence_name = upload.name
                row.evidence.save(upload.name, upload, save=False)
            rows.append(row)
        Realisation.objects.bulk_create(rows)
        # "Kirim ke penilai": the pegawai told the penilai the period is ready, three days
        # after it ended (a past event: only the timestamp, no mail to send).
        month, day = QUARTER_END[period]
        Evaluation.objects.filter(pk=evaluation.pk).update(
            realisasi_sent_at=_at(dt.date(skp.year, month, day) + dt.timedelta(days=3))
        )

    def _indicators(self, skp: SKP) -> list[Indicator]:
        if skp.pk not in self._indicator_cache:
            self._indicator_cache[skp.pk] = list(
                Indicator.objects.filter(rhk__skp=skp).order_by("pk")
            )
        return self._indicator_cache[skp.pk]

    def _rate(self, skp: SKP, period: str, predikat: str) -> None:
        """The penilai's umpan balik (per IKI, per BerAKHLAK value, general), then the ratings
        and finalisation through services.rate_evaluation (predikat from the matrix, the
        employee's latest predikat). Quarters before the last are rated Sesuai; the last
        gives the year's predikat."""
        evaluation = Evaluation.objects.get(skp=skp, period=period)
        annual = period == "tw4"
        hasil, perilaku = RATINGS[predikat] if annual else RATINGS["baik"]
        evaluation.realisations.update(umpan_balik="Sesuai rencana aksi triwulan.")
        BehaviourFeedback.objects.bulk_create(
            BehaviourFeedback(
                evaluation=evaluation, value=code, umpan_balik=f"{label}: {guides[0].lower()}."
            )
            for code, label, guides in BERAKHLAK
        )
        Evaluation.objects.filter(pk=evaluation.pk).update(
            umpan_balik=UMPAN_BALIK[predikat if annual else "baik"]
        )
        with self._as(self._penilai_now(skp)) as user:
            services.rate_evaluation(
                evaluation,
                user=user,
                rating_hasil=hasil,
                rating_perilaku=perilaku,
                version=evaluation.version,
                finalise=True,
            )
        Evaluation.objects.filter(pk=evaluation.pk).update(
            finalised_at=_at(_quarter_review_day(skp.year, period))
        )


def _rated_from(
    employee: Employee, start: dt.date, last: dt.date
) -> tuple[dt.date, Employee | None] | None:
    """The first day from `start` on which the employee has a penilai, and that penilai.
    When the post above is vacant (and no Plt/Plh holds it) the SKP starts when someone
    takes that post; None when nobody does before `last`."""
    placement = employee.definitive_placement(start)
    penilai = employee.superiors(start, placement=placement)[0] if placement else None
    if penilai is not None or placement is None or placement.position.parent_id is None:
        return start, penilai  # (the top of the tree is rated from outside the posts)
    filled = (
        Placement.objects.filter(
            position_id=placement.position.parent_id, start_date__gt=start, start_date__lte=last
        )
        .order_by("start_date")
        .values_list("start_date", flat=True)
        .first()
    )
    return (filled, employee.penilai(on=filled)) if filled else None


def _drawn_state(employee: Employee) -> str:
    """Most SKPs are approved with three quarters evaluated; a few are drafts or submitted."""
    roll = random.Random(f"state-{YEAR}-{employee.nip}").random()  # nosec B311  # demo data
    if roll < 0.12:
        return "draft"
    if roll < 0.22:
        return "diajukan"
    return "disetujui"


def _role(position: Position) -> str:
    if position.jenis in STRUCTURAL_JENIS[:3]:
        return "kadis"
    if position.jenis == "administrator":
        return "sekretaris" if position.name.startswith("Sekretaris") else "kabid"
    if position.jenis == "pengawas":
        return "kasi"
    return "staf"


# --- bukti dukung files ---------------------------------------------------------------------


class EvidenceFiles:
    """Small, honest bukti dukung: a one-page PDF naming the pegawai and period, or a PNG
    chart. Each passes the same upload checker as a file a pegawai uploads."""

    def __init__(self) -> None:
        self.count = 0
        self._png = _png_chart()

    def next(self, skp: SKP, period: str) -> SimpleUploadedFile:
        self.count += 1
        stem = f"bukti-{period}-{skp.year}-{self.count:04d}"
        if self.count % 3 == 0:
            upload = SimpleUploadedFile(f"{stem}.png", self._png, content_type="image/png")
        else:
            lines = [
                f"Bukti dukung {period.upper()} {skp.year}",
                skp.employee.full_name,
                f"NIP {skp.employee.nip}",
                "Laporan kegiatan dan daftar hadir (data demo).",
            ]
            upload = SimpleUploadedFile(f"{stem}.pdf", _pdf(lines), content_type="application/pdf")
        validate_evidence(upload)
        upload.seek(0)
        return upload


def _pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF 1.4 (Helvetica text, correct xref table)."""

    def escape(text: str) -> str:
        ascii_text = text.encode("latin-1", "replace").decode("latin-1")
        return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 14 Tf 72 770 Td 18 TL " + " ".join(f"({escape(s)}) '" for s in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _png_chart(width: int = 160, height: int = 90) -> bytes:
    """A valid RGB PNG: four bars of a quarterly chart on white."""
    bars = [(20, 30), (55, 45), (90, 60), (125, 75)]  # (x, bar height)
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter: none
        for x in range(width):
            inside = any(bx <= x < bx + 22 and y >= height - 5 - bh for bx, bh in bars)
            row += b"\x1f\x6f\x4f" if inside and y < height - 5 else b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )
