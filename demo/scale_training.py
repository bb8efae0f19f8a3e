"""Training part of the province-scale demo data (`seed_scale_training`, called by
`seed_demo --scale lampung`): three years (2024–2026) of pengembangan kompetensi per employee.

* The catalog: the small demo's programs (demo.training.PROGRAMS) plus the usual
  provincial offer (Latsar, PKP, PKN II, PBJ, guru and health-worker training, e-learning,
  seminars, workshops, a language course, coaching).
* Per instansi, year and program: angkatan (TrainingEvent) organised by the instansi's
  BKD/BKPSDM (BPSDM for the province) with sessions for classroom events.
* Per employee and year a mix that lands around the 20 JP target: some nothing, some only a
  short e-learning or seminar, most a 20–40 JP training; a few fail or report an activity
  themselves that is still pending or was rejected. Only verified + lulus rows count.
  Structural holders without their leadership training attend PKP/PKA/PKN II now and then,
  which also records the LeadershipTraining; the 2025 CPNS attend Latsar.

2026 events end by 31 October (the demo's "now" is late 2026). Attendance rows are not
generated (they would add ~1.5 M rows nobody reads at scale). One instansi is one transaction.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any
from zoneinfo import ZoneInfo

from demo.scale_org import PROVINCE_CODE, SEED, RowWriter, hr_user_id, spec_for
from demo.scale_vocabulary import SCALE_JF_GROUP
from demo.training import PROGRAMS as DEMO_PROGRAMS
from demo.training import ensure_programs as ensure_demo_programs
from positions.models import LEADERSHIP_BY_JENIS, LeadershipTraining, OrgUnit, Placement
from training.models import (
    Participation,
    Session,
    TrainingEvent,
    TrainingProgram,
)

YEARS = (2024, 2025, 2026)
LAST_DAY = {2024: dt.date(2024, 12, 15), 2025: dt.date(2025, 12, 15), 2026: dt.date(2026, 10, 31)}
WIB = ZoneInfo("Asia/Jakarta")

# Same shape as the demo's PROGRAMS: code, name, category, method, jp, provider, competencies.
# JP of the leadership programs and Latsar are plausible values, not verified (docs/domain.md §5).
SCALE_PROGRAMS = [
    (
        "LATSAR-CPNS",
        "Pelatihan Dasar Calon Pegawai Negeri Sipil",
        "latsar",
        "klasikal",
        120,
        "BPSDM Provinsi Lampung",
        [("SK.1", 2), ("M.1", 2)],
    ),
    (
        "PKP",
        "Pelatihan Kepemimpinan Pengawas",
        "pkp",
        "klasikal",
        100,
        "BPSDM Provinsi Lampung",
        [("M.2", 2), ("M.4", 2), ("M.6", 2)],
    ),
    (
        "PKN-II",
        "Pelatihan Kepemimpinan Nasional Tingkat II",
        "pkn2",
        "klasikal",
        160,
        "Lembaga Administrasi Negara",
        [("M.7", 4), ("M.8", 4)],
    ),
    (
        "PBJ-DASAR",
        "Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar",
        "teknis",
        "klasikal",
        40,
        "BPSDM Provinsi Lampung",
        [("T.EKO.1", 2)],
    ),
    (
        "SKP-KINERJA",
        "Bimbingan Teknis Pengelolaan Kinerja dan Penyusunan SKP",
        "teknis",
        "klasikal",
        16,
        "BKD Provinsi Lampung",
        [("M.4", 2)],
    ),
    (
        "WASBANG",
        "Pelatihan Wawasan Kebangsaan dan Nilai Bela Negara",
        "sosial_kultural",
        "klasikal",
        16,
        "Badan Kesatuan Bangsa dan Politik Provinsi Lampung",
        [("SK.1", 3)],
    ),
    (
        "GURU-PEMBELAJARAN",
        "Pelatihan Pembelajaran Mendalam bagi Guru",
        "fungsional",
        "jarak_jauh",
        32,
        "Dinas Pendidikan dan Kebudayaan Provinsi Lampung",
        [("M.6", 3)],
    ),
    (
        "NAKES-BTCLS",
        "Pelatihan Basic Trauma and Cardiac Life Support",
        "fungsional",
        "klasikal",
        40,
        "Dinas Kesehatan Provinsi Lampung",
        [("T.KES.1", 3)],
    ),
    (
        "ELRN-MANAJEMEN-ASN",
        "E-learning Manajemen ASN",
        "manajerial",
        "e_learning",
        12,
        "LAN RI (ASN Unggul)",
        [("M.1", 2)],
    ),
    (
        "SEMINAR-SPBE",
        "Seminar Transformasi Digital Pemerintahan (SPBE)",
        "seminar",
        "jarak_jauh",
        4,
        "Diskominfotik Provinsi Lampung",
        [],
    ),
    (
        "WORKSHOP-RENJA",
        "Workshop Penyusunan Rencana Kerja Perangkat Daerah",
        "workshop",
        "klasikal",
        8,
        "Bappeda Provinsi Lampung",
        [("M.4", 2)],
    ),
    (
        "KURSUS-BING",
        "Kursus Bahasa Inggris untuk ASN",
        "kursus",
        "jarak_jauh",
        24,
        "UPT Bahasa Universitas Lampung",
        [("M.3", 2)],
    ),
    (
        "COACHING-KINERJA",
        "Coaching dan Mentoring Kinerja",
        "manajerial",
        "coaching",
        8,
        "BKD Provinsi Lampung",
        [("M.6", 2)],
    ),
]
ALL_PROGRAMS = [*DEMO_PROGRAMS, *SCALE_PROGRAMS]

# Bundles of program codes per year: short (under 20 JP) and full (20 JP or more).
SHORT = [
    ("ELRN-DIGITAL",),
    ("SEMINAR-SPBE",),
    ("WORKSHOP-RENJA",),
    ("COACHING-KINERJA",),
    ("ELRN-MANAJEMEN-ASN",),
    ("SEMINAR-SPBE", "WORKSHOP-RENJA"),
    ("SKP-KINERJA",),
]
FULL_GENERIC = [
    ("PBJ-DASAR",),
    ("PELAYANAN-PRIMA", "ELRN-DIGITAL"),
    ("SKP-KINERJA", "WASBANG"),
    ("KURSUS-BING",),
    ("PELAYANAN-PRIMA", "ELRN-MANAJEMEN-ASN"),
]
FULL_BY_GROUP = {
    "pendidikan": [("GURU-PEMBELAJARAN",)],
    "kesehatan": [("KES-RUJUKAN",), ("NAKES-BTCLS",)],
    "informatika": [("TI-KAMINFO",)],
}
LEADERSHIP_PROGRAM = {"pkp": "PKP", "pka": "PKA-2026", "pkn2": "PKN-II"}
SELF_REPORTS = [
    ("Webinar Gizi Masyarakat di Era Digital", "seminar", "jarak_jauh", 4),
    ("Webinar Keamanan Siber untuk ASN", "seminar", "jarak_jauh", 3),
    ("Seminar Nasional Inovasi Pelayanan Publik", "seminar", "klasikal", 6),
    ("Kursus Daring Analisis Data dengan Spreadsheet", "kursus", "belajar_mandiri", 10),
    ("Komunitas Belajar Penyusunan Laporan Kinerja", "workshop", "komunitas", 6),
]
QUOTA = {"e_learning": 500, "jarak_jauh": 200, "coaching": 30, "klasikal": 40}


def ensure_programs() -> dict[str, TrainingProgram]:
    """The catalog, created once (by code) for all instansi."""
    return ensure_demo_programs(ALL_PROGRAMS)


def is_done(root: OrgUnit) -> bool:
    return Participation.objects.filter(employee__unit__path__startswith=root.path).exists()


class TrainingBuilder:
    def __init__(
        self, root: OrgUnit, programs: dict[str, TrainingProgram], writer: RowWriter
    ) -> None:
        self.root = root
        self.programs = programs
        self.writer = writer
        self.spec = spec_for(root.code)
        self.rng = random.Random(f"scale-pelatihan-{SEED}-{root.code}")  # nosec B311  # seeded for reproducible benchmark data
        self.counts: dict[str, int] = {}

    def build(self) -> dict[str, int]:
        """Write the instansi's training history (call inside a transaction)."""
        rng = self.rng
        path = self.root.path
        # The province's trainings are run by its BPSDM, a kabupaten/kota's by its BKPSDM.
        agencies = ["BPSDM", "BKD"] if self.root.code == PROVINCE_CODE else ["BKD"]
        codes = [f"{self.root.code}.{agency}" for agency in agencies]
        units = {u.code: u for u in OrgUnit.objects.filter(code__in=codes)}
        self.organiser = next((units[c] for c in codes if c in units), self.root)
        hr_user = hr_user_id(self.root)
        has_leadership = set(
            LeadershipTraining.objects.filter(employee__unit__path__startswith=path).values_list(
                "employee_id", "kind"
            )
        )
        people = Placement.objects.filter(
            position__unit__path__startswith=path,
            end_date__isnull=True,
            kind=Placement.Kind.DEFINITIF,
        ).values_list(
            "employee_id",
            "employee__nip",
            "employee__kind",
            "position__jenis",
            "position__name",
            "start_date",
        )
        # (employee, program code, year) in a stable order, then events per (program, year).
        wanted: list[tuple[int, str, int, str]] = []  # (employee, program, year, result)
        self_reports: list[tuple[Any, ...]] = []
        new_leadership: list[tuple[Any, ...]] = []
        for employee_id, nip, kind, jenis, name, start in people.order_by("employee__nip"):
            since = start if kind == "pppk" or start.year >= 2025 else dt.date(int(nip[8:12]), 1, 1)
            group = SCALE_JF_GROUP.get(name) if jenis == "fungsional" else None
            required = LEADERSHIP_BY_JENIS.get(jenis)
            for year in YEARS:
                if kind == "cpns" and year == 2025:
                    wanted.append((employee_id, "LATSAR-CPNS", year, "lulus"))
                    continue
                if since > dt.date(year, 2, 1):
                    continue
                for code in self._bundle(group):
                    result = "tidak_lulus" if rng.random() < 0.02 else "lulus"
                    wanted.append((employee_id, code, year, result))
                if (
                    required in LEADERSHIP_PROGRAM
                    and (employee_id, required) not in has_leadership
                    and rng.random() < 0.25
                ):
                    wanted.append((employee_id, LEADERSHIP_PROGRAM[required], year, "lulus"))
                    has_leadership.add((employee_id, required))
                    new_leadership.append((employee_id, required, year))
                if rng.random() < 0.08:
                    self_reports.append(self._self_report(employee_id, year, hr_user))

        events = self._events(wanted)
        participations = []
        for employee_id, code, year, result in wanted:
            event_id, start, end = events[(code, year)].pop()
            program = self.programs[code]
            participations.append(
                (
                    employee_id,
                    event_id,
                    "",
                    program.method,
                    program.category,
                    start,
                    end,
                    program.jp,
                    result,
                    f"{code}/{rng.randint(1000, 9999)}/{year}" if result == "lulus" else "",
                    "",
                    "",
                    False,
                    Participation.Verification.VERIFIED,
                    hr_user,
                    "",
                    _created(end, rng),
                )
            )
        participations += self_reports
        self.counts["keikutsertaan"] = self.writer.write(
            Participation,
            [
                "employee_id",
                "event_id",
                "title",
                "method",
                "category",
                "start_date",
                "end_date",
                "jp",
                "result",
                "certificate_number",
                "certificate",
                "certificate_name",
                "is_self_reported",
                "verification",
                "verified_by_id",
                "verification_note",
                "created_at",
            ],
            participations,
        )
        self.counts["pelatihan kepemimpinan"] = self.writer.write(
            LeadershipTraining,
            ["employee_id", "kind", "year", "certificate_number"],
            (
                (employee_id, kind, year, f"{kind.upper()}/{rng.randint(1000, 9999)}/LAN/{year}")
                for employee_id, kind, year in new_leadership
            ),
        )
        return self.counts

    def _bundle(self, group: str | None) -> tuple[str, ...]:
        """The programs of one employee in one year: the JP mix around 20."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.12:
            return ()
        if roll < 0.42:
            return rng.choice(SHORT)
        options = FULL_BY_GROUP.get(group or "", []) * 2 + FULL_GENERIC
        bundle = rng.choice(options)
        if rng.random() < 0.25:
            extra = rng.choice(SHORT)
            bundle = bundle + tuple(c for c in extra if c not in bundle)
        return bundle

    def _self_report(self, employee_id: int, year: int, hr_user: int | None) -> tuple[Any, ...]:
        rng = self.rng
        title, category, method, jp = rng.choice(SELF_REPORTS)
        day = dt.date(year, rng.randint(2, 10), rng.randint(1, 28))
        roll = rng.random()
        if roll < 0.7:
            verification, note, verifier = Participation.Verification.VERIFIED, "", hr_user
        elif roll < 0.9:
            verification, note, verifier = Participation.Verification.PENDING, "", None
        else:
            verification, note, verifier = (
                Participation.Verification.REJECTED,
                "Sertifikat tidak mencantumkan jumlah jam pelajaran.",
                hr_user,
            )
        return (
            employee_id,
            None,
            title,
            method,
            category,
            day,
            day,
            jp,
            Participation.Result.LULUS,
            f"SR/{year}/{rng.randint(10000, 99999)}",
            "",
            "",
            True,
            verification,
            verifier,
            note,
            _created(day, rng),
        )

    def _events(
        self, wanted: list[tuple[int, str, int, str]]
    ) -> dict[tuple[str, int], list[tuple[int, dt.date, dt.date]]]:
        """Angkatan per (program, year), sized by the program's quota; returns for each
        (program, year) one (event id, start, end) per participant, ready to pop."""
        rng, writer = self.rng, self.writer
        demand: dict[tuple[str, int], int] = {}
        for _, code, year, _ in wanted:
            demand[(code, year)] = demand.get((code, year), 0) + 1
        plans = []
        for (code, year), count in sorted(demand.items()):
            program = self.programs[code]
            quota = 30 if program.is_leadership else QUOTA.get(program.method, 40)
            n_events = math.ceil(count / quota)
            sizes = [
                count // n_events + (1 if i < count % n_events else 0) for i in range(n_events)
            ]
            days = _duration(program)
            for index, size in enumerate(sizes):
                latest_start = LAST_DAY[year] - dt.timedelta(days=days - 1)
                month = 2 + index * 8 // n_events
                start = min(dt.date(year, month, rng.randint(1, 25)), latest_start)
                if code == "LATSAR-CPNS" and year == 2025:
                    start = max(start, dt.date(2025, 8, 4))  # after the June TMT of the CPNS
                plans.append(
                    (code, year, index + 1, start, start + dt.timedelta(days - 1), quota, size)
                )
        ids = writer.reserve_ids(TrainingEvent, len(plans))
        rows, sessions = [], []
        slots: dict[tuple[str, int], list[tuple[int, dt.date, dt.date]]] = {}
        for event_id, (code, year, number, start, end, quota, size) in zip(ids, plans, strict=True):
            program = self.programs[code]
            online = program.method in ("e_learning", "jarak_jauh")
            place = "" if online else f"{self.organiser.name}, {self.spec.capital}"
            name = f"Angkatan {number} {year} — {self.spec.short}"
            rows.append(
                (
                    event_id,
                    program.pk,
                    name[:100],
                    start,
                    end,
                    place[:200],
                    online,
                    self.organiser.id,
                    max(quota, size),
                )
            )
            if program.method == "klasikal":
                day = start
                while day <= min(end, start + dt.timedelta(days=2)):
                    topic = f"{program.name} — hari {(day - start).days + 1}"
                    sessions.append((event_id, day, dt.time(8), dt.time(16), topic[:200]))
                    day += dt.timedelta(days=1)
            slots.setdefault((code, year), []).extend([(event_id, start, end)] * size)
        self.counts["angkatan"] = writer.write(
            TrainingEvent,
            [
                "id",
                "program_id",
                "name",
                "start_date",
                "end_date",
                "place",
                "is_online",
                "organiser_unit_id",
                "quota",
            ],
            rows,
        )
        self.counts["sesi"] = writer.write(
            Session, ["event_id", "date", "start_time", "end_time", "topic"], sessions
        )
        return slots


def _duration(program: TrainingProgram) -> int:
    """Days from first to last day of an angkatan."""
    if program.category == "pkn2":
        return 120
    if program.is_leadership or program.category == "latsar":
        return 60
    if program.method == "e_learning":
        return 28
    return max(1, math.ceil(program.jp / 8))


def _created(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=rng.randint(1, 10)), dt.time(9), tzinfo=WIB)
