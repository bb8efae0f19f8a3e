"""Performance part of the province-scale demo data (`seed_scale_performance`, called by
`seed_demo --scale lampung`). For every employee of a scale instansi:

* one approved SKP 2025 (the year before the demo's "now") with the penilai, penilai post and
  atasan penilai derived from the placements on the period start, exactly as
  `Employee.superiors` walks the post tree (Plt respected, the employee themself skipped), and
  the identity snapshot `approve_skp` freezes;
* utama RHK (three with perspektif for JPT, two otherwise), each cascaded from a utama RHK of
  the penilai's SKP when the penilai has one, a tambahan RHK for some, IKI per aspek with
  targets, the seven BerAKHLAK expectations (some with an ekspektasi khusus);
* a final TW IV (akhir) evaluation with both ratings, the predikat from the PredikatRule
  table, realisations of every IKI and umpan balik; Employee.latest_predikat follows it;
* the predikat kinerja organisasi of every perangkat daerah for 2025 (closed), and the
  employee predikat drawn so that each OPD roughly follows its kurva distribusi; a head of OPD
  gets the OPD's capaian as rating hasil kerja (docs/domain.md §1.5);
* RatingHistory for 2021 (PP 30/2019: nilai SKP and sebutan) and 2022–2024 (ratings and
  predikat) for the years the employee was already in service (year from the NIP).

Rows are written with demo.scale_org.RowWriter; one instansi is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from typing import Any

from demo.scale_org import SEED, WIB, RowWriter, hr_user_id, spec_for
from performance.models import (
    BERAKHLAK_CHOICES,
    REGULATION,
    RHK,
    SKP,
    BehaviourExpectation,
    Evaluation,
    Indicator,
    OrganisationPerformance,
    PredikatRule,
    RatingHistory,
    Realisation,
)
from positions.models import STRUCTURAL_JENIS, Employee, Golongan, OrgUnit, Placement, Position

YEAR = 2025
HISTORY_YEARS = (2021, 2022, 2023, 2024)
JPT_JENIS = STRUCTURAL_JENIS[:3]

# Employee predikat per predikat kinerja organisasi, inside the kurva distribusi
# (docs/domain.md §1.7).
PREDIKAT_WEIGHTS = {
    "istimewa": {"sangat_baik": 40, "baik": 52, "butuh_perbaikan": 6, "kurang": 2},
    "baik": {"sangat_baik": 18, "baik": 66, "butuh_perbaikan": 12, "kurang": 3, "sangat_kurang": 1},
    "butuh_perbaikan": {
        "sangat_baik": 5,
        "baik": 27,
        "butuh_perbaikan": 62,
        "kurang": 5,
        "sangat_kurang": 1,
    },
}
ORG_PREDIKAT_WEIGHTS = {"istimewa": 15, "baik": 75, "butuh_perbaikan": 10}
# A head of unit's rating hasil kerja is the unit's capaian (docs/domain.md §1.5).
HEAD_RATING = {"istimewa": "diatas", "baik": "sesuai", "butuh_perbaikan": "dibawah"}

JPT_RHK = [
    ("penerima_layanan", "Meningkatnya kualitas layanan {unit} kepada masyarakat"),
    ("proses_bisnis", "Tercapainya indikator kinerja utama {unit} sesuai Perjanjian Kinerja"),
    ("penguatan_internal", "Meningkatnya akuntabilitas kinerja dan keuangan {unit}"),
]
RHK_BY_ROLE = {
    "administrator": [
        "Terlaksananya program {unit} sesuai target kinerja",
        "Meningkatnya kualitas pelayanan dan tata kelola {unit}",
    ],
    "pengawas": [
        "Terselenggaranya kegiatan {unit} tepat waktu dan sesuai standar",
        "Tersedianya data dan laporan {unit} yang akurat",
    ],
    "guru": [
        "Terlaksananya pembelajaran yang bermutu bagi peserta didik",
        "Meningkatnya capaian hasil belajar dan karakter peserta didik",
    ],
    "fungsional": [
        "Terlaksananya tugas jabatan {jabatan} sesuai standar",
        "Tersusunnya rencana, bahan dan laporan kegiatan {jabatan}",
    ],
    "pelaksana": [
        "Terkelolanya administrasi dan data {unit} secara tertib",
        "Tersusunnya laporan berkala {unit} tepat waktu",
    ],
}
TAMBAHAN_RHK = [
    "Menjadi narasumber sosialisasi SPBE",
    "Menjadi anggota tim penyusun laporan kinerja instansi",
    "Menjadi panitia peringatan hari besar nasional",
]
EKSPEKTASI = {
    "berorientasi_pelayanan": "Menanggapi permintaan layanan paling lambat satu hari kerja",
    "akuntabel": "Menyampaikan laporan tepat waktu dengan bukti dukung lengkap",
    "kompeten": "Mengikuti pengembangan kompetensi paling sedikit 20 JP",
    "harmonis": "Menjaga suasana kerja tim yang saling menghargai",
    "loyal": "Menjaga kerahasiaan data pegawai dan dokumen dinas",
    "adaptif": "Mengusulkan satu perbaikan cara kerja dalam setahun",
    "kolaboratif": "Aktif berbagi informasi dan bahan kerja dalam tim kerja",
}
UMPAN_BALIK = {
    "sangat_baik": "Capaian melampaui target; pertahankan dan bagikan praktik baik kepada tim.",
    "baik": "Capaian sesuai ekspektasi. Lengkapi bukti dukung tepat waktu.",
    "butuh_perbaikan": "Beberapa target belum tercapai; susun rencana perbaikan bersama penilai.",
    "kurang": "Perilaku kerja di bawah ekspektasi; ikuti pembinaan oleh atasan langsung.",
    "sangat_kurang": "Hasil dan perilaku kerja di bawah ekspektasi; wajib mengikuti pembinaan.",
}
REALISATION_FEEDBACK = {
    "diatas": "Melampaui target, bukti dukung lengkap.",
    "sesuai": "Sesuai target.",
    "dibawah": "Belum mencapai target; perlu percepatan.",
}
# Realisation ÷ target by rating hasil kerja.
RATIO = {"diatas": (1.03, 1.2), "sesuai": (0.93, 1.02), "dibawah": (0.5, 0.85)}
LAMPIRAN = (
    "Anggaran DPA {unit} tahun {year}; sarana dan prasarana kantor; dukungan tim kerja.",
    "Capaian dilaporkan setiap triwulan kepada pejabat penilai dengan bukti dukung.",
    "Capaian di bawah target ditindaklanjuti dengan pembinaan; capaian menjadi dasar TPP.",
)
SEBUTAN = [(91, "Sangat Baik"), (76, "Baik"), (61, "Cukup"), (51, "Kurang"), (0, "Buruk")]
PANGKAT_GOL = {
    value: " ".join(x for x in (Golongan.pangkat(value), f"({Golongan.short(value)})") if x)
    for value in Golongan.values
}
JENJANG_LABEL = dict(Position.Jenjang.choices)


def is_done(root: OrgUnit) -> bool:
    return SKP.objects.filter(year=YEAR, position__unit__path__startswith=root.path).exists()


class PerformanceBuilder:
    def __init__(self, root: OrgUnit, writer: RowWriter) -> None:
        self.root = root
        self.writer = writer
        self.rng = random.Random(f"scale-kinerja-{SEED}-{root.code}")  # nosec B311  # seeded for reproducible benchmark data
        self.counts: dict[str, int] = {}

    def build(self) -> dict[str, int]:
        """Write the instansi's performance data (call inside a transaction)."""
        self._load()
        self._organisation_predikat()
        self._skps()
        self._rating_history()
        return self.counts

    # --- data the builder reads ------------------------------------------------------------

    def _load(self) -> None:
        path = self.root.path
        self.matrix = {
            (h, p): predikat
            for h, p, predikat in PredikatRule.objects.filter(regulation=REGULATION).values_list(
                "rating_hasil", "rating_perilaku", "predikat"
            )
        }
        self.cells: dict[str, list[tuple[str, str]]] = {}
        for cell, predikat in sorted(self.matrix.items()):
            self.cells.setdefault(predikat, []).append(cell)
        self.posts = {
            row[0]: row
            for row in Position.objects.filter(unit__path__startswith=path).values_list(
                "id", "parent_id", "jenis", "jenjang", "name", "unit_id", "unit__name", "unit__path"
            )
        }
        self.employees = {
            row[0]: row
            for row in Employee.objects.filter(unit__path__startswith=path)
            .order_by("nip")
            .values_list("id", "nip", "name", "gelar_depan", "gelar_belakang", "golongan", "email")
        }
        # Open placements only: every earlier (closed) placement of the scale data ended
        # before 2025, so on any day of 2025 the posts are held by the open ones.
        self.current: dict[int, tuple[int, dt.date]] = {}
        self.definitive: dict[int, list[tuple[dt.date, int]]] = {}
        self.acting: dict[int, list[tuple[dt.date, int]]] = {}
        placements = Placement.objects.filter(
            position__unit__path__startswith=path, end_date__isnull=True
        ).values_list("employee_id", "position_id", "kind", "start_date")
        for employee_id, position_id, kind, start in placements.order_by("start_date", "pk"):
            if kind == Placement.Kind.DEFINITIF:
                self.current[employee_id] = (position_id, start)
                self.definitive.setdefault(position_id, []).append((start, employee_id))
            else:
                self.acting.setdefault(position_id, []).append((start, employee_id))
        self.opds = list(
            OrgUnit.objects.filter(path__startswith=path, depth=self.root.depth + 1)
            .order_by("path")
            .values_list("id", "path", "name")
        )
        self.hr_user = hr_user_id(self.root)
        self.spec = spec_for(self.root.code)

    def _holder(self, position_id: int, on: dt.date) -> int | None:
        """Placement.objects.holder_of on the in-memory placements: definitif, else Plt."""
        for holders in (self.definitive, self.acting):
            for start, employee_id in holders.get(position_id, []):
                if start <= on:
                    return employee_id
        return None

    def _superiors(self, employee_id: int, position_id: int, on: dt.date) -> tuple[Any, Any]:
        """(penilai, atasan penilai): Employee.superiors without a query per step."""
        parent = self.posts[position_id][1]
        found: list[int] = []
        seen: set[int] = set()
        while parent is not None and parent not in seen and len(found) < 2:
            seen.add(parent)
            holder = self._holder(parent, on)
            if holder is None:
                if not found:
                    return None, None
            elif holder != employee_id and holder not in found:
                found.append(holder)
            if len(found) < 2:
                parent = self.posts[parent][1]
        found += [None, None]
        return found[0], found[1]

    def _identity(self, employee_id: int | None, position_id: int | None) -> dict[str, str]:
        """The dict performance.services.identity builds, from the loaded rows."""
        if employee_id is None:
            return {}
        _, nip, name, gelar_depan, gelar_belakang, golongan, _ = self.employees[employee_id]
        full = f"{gelar_depan} {name}".strip()
        if gelar_belakang:
            full = f"{full}, {gelar_belakang}"
        post = self.posts.get(position_id) if position_id else None
        return {
            "nama": full,
            "nip": nip,
            "pangkat_gol": PANGKAT_GOL.get(golongan, ""),
            "jabatan": _title(post) if post else "",
            "unit": post[6] if post else "",
        }

    # --- organisation ------------------------------------------------------------------------

    def _organisation_predikat(self) -> None:
        rng = self.rng
        self.org_predikat: dict[str, str] = {}
        rows = []
        names, weights = zip(*ORG_PREDIKAT_WEIGHTS.items(), strict=True)
        closed = dt.datetime(YEAR + 1, 1, 31, 10, 0, tzinfo=WIB)
        for unit_id, path, _ in self.opds:
            predikat = rng.choices(names, weights)[0]
            self.org_predikat[path] = predikat
            rows.append((unit_id, YEAR, predikat, self.hr_user, closed))
        if self.hr_user is None:
            rows = []  # set_by is required; a scale instansi always has its pengelola login
        self.counts["kinerja organisasi"] = self.writer.write(
            OrganisationPerformance, ["unit_id", "year", "predikat", "set_by_id", "closed_at"], rows
        )

    # --- SKP, RHK, IKI, evaluation ----------------------------------------------------------

    def _skps(self) -> None:
        rng, writer = self.rng, self.writer
        step = OrgUnit.steplen * (self.root.depth + 1)
        year_start = dt.date(YEAR, 1, 1)
        plans: dict[int, dict[str, Any]] = {}
        for employee_id in self.employees:
            if employee_id not in self.current:
                continue
            position_id, start = self.current[employee_id]
            post = self.posts[position_id]
            period_start = max(start, year_start)
            penilai, atasan = self._superiors(employee_id, position_id, period_start)
            jpt = post[2] in JPT_JENIS
            plans[employee_id] = {
                "position": position_id,
                "post": post,
                "period_start": period_start,
                "penilai": penilai,
                "atasan": atasan,
                "jpt": jpt,
                "utama": 3 if jpt else 2,
                "tambahan": rng.random() < 0.3,
                "kualitatif": not jpt and rng.random() < 0.1,
                "opd_path": post[7][:step],
            }
        # Ids first: a subordinate's RHK points at its penilai's RHK, whichever is written first.
        skp_ids = writer.reserve_ids(SKP, len(plans))
        rhk_ids = writer.reserve_ids(RHK, sum(p["utama"] + p["tambahan"] for p in plans.values()))
        taken = 0
        for (employee_id, plan), skp_id in zip(plans.items(), skp_ids, strict=True):
            count = plan["utama"] + plan["tambahan"]
            plan["rhk_ids"] = rhk_ids[taken : taken + count]
            taken += count
            plan["skp"] = skp_id
            plan["employee"] = employee_id

        skps, rhks, indicators, expectations, evaluations, realisations = [], [], [], [], [], []
        indicator_plans = []
        for plan in plans.values():
            skps.append(self._skp_row(plan))
            expectations.extend(self._expectations(plan))
            penilai_plan = plans.get(plan["penilai"]) if plan["penilai"] else None
            parents = penilai_plan["rhk_ids"][: penilai_plan["utama"]] if penilai_plan else []
            for index, rhk_id in enumerate(plan["rhk_ids"]):
                utama = index < plan["utama"]
                text, perspektif = self._rhk_text(plan, index, utama)
                parent = parents[index % len(parents)] if utama and parents else None
                rhks.append(
                    (
                        rhk_id,
                        plan["skp"],
                        "utama" if utama else "tambahan",
                        text,
                        parent,
                        perspektif,
                        index,
                    )
                )
                indicator_plans.extend(self._indicator_specs(plan, rhk_id, index, utama))
        indicator_ids = writer.reserve_ids(Indicator, len(indicator_plans))
        evaluation_ids = writer.reserve_ids(Evaluation, len(plans))
        by_skp: dict[int, list[tuple[int, tuple[Any, ...]]]] = {}
        for indicator_id, spec in zip(indicator_ids, indicator_plans, strict=True):
            indicators.append((indicator_id, *spec))
            by_skp.setdefault(spec[-1], []).append((indicator_id, spec))
        latest: list[tuple[int, str]] = []
        for plan, evaluation_id in zip(plans.values(), evaluation_ids, strict=True):
            hasil, perilaku, predikat = self._ratings(plan)
            latest.append((plan["employee"], predikat))
            finalised = dt.datetime(YEAR + 1, 1, rng.randint(5, 28), 10, 0, tzinfo=WIB)
            evaluations.append(
                (
                    evaluation_id,
                    plan["skp"],
                    Evaluation.Period.TW4,
                    Evaluation.Status.FINAL,
                    hasil,
                    perilaku,
                    predikat,
                    UMPAN_BALIK[predikat],
                    plan["penilai"],
                    finalised,
                    1,
                    "",  # finalise_note: realisasi complete, no reason needed
                )
            )
            nip, email = self.employees[plan["employee"]][1], self.employees[plan["employee"]][6]
            link = f"https://bukti.{email.split('@')[1]}/{YEAR}/{nip}"
            for indicator_id, spec in by_skp.get(plan["skp"], []):
                realisations.append(
                    self._realisation(evaluation_id, indicator_id, spec, hasil, link)
                )

        self.counts["SKP"] = writer.write(
            SKP,
            [
                "id",
                "employee_id",
                "year",
                "period_start",
                "period_end",
                "pendekatan",
                "status",
                "position_id",
                "penilai_id",
                "penilai_position_id",
                "atasan_penilai_id",
                "return_note",
                "submitted_at",
                "approved_at",
                "approved_by_id",
                "revision",
                "snapshot",
                "dukungan_sumber_daya",
                "skema_pertanggungjawaban",
                "konsekuensi",
                "created_at",
            ],
            skps,
        )
        self.counts["RHK"] = writer.write(
            RHK, ["id", "skp_id", "jenis", "text", "parent_rhk_id", "perspektif", "order"], rhks
        )
        self.counts["IKI"] = writer.write(
            Indicator,
            ["id", "rhk_id", "aspek", "text", "target_value", "target_satuan", "target_text"],
            (row[:-1] for row in indicators),
        )
        self.counts["ekspektasi"] = writer.write(
            BehaviourExpectation, ["skp_id", "value", "ekspektasi"], expectations
        )
        self.counts["evaluasi"] = writer.write(
            Evaluation,
            [
                "id",
                "skp_id",
                "period",
                "status",
                "rating_hasil",
                "rating_perilaku",
                "predikat",
                "umpan_balik",
                "finalised_by_id",
                "finalised_at",
                "version",
                "finalise_note",
            ],
            evaluations,
        )
        self.counts["realisasi"] = writer.write(
            Realisation,
            [
                "evaluation_id",
                "indicator_id",
                "value",
                "text",
                "evidence",
                "evidence_name",
                "evidence_link",
                "umpan_balik",
            ],
            realisations,
        )
        # What rate_evaluation does on a final akhir evaluation, for the whole instansi: one
        # UPDATE per predikat instead of one per employee.
        by_predikat: dict[str, list[int]] = {}
        for employee_id, predikat in latest:
            by_predikat.setdefault(predikat, []).append(employee_id)
        for predikat, employee_ids in by_predikat.items():
            for chunk in range(0, len(employee_ids), 5000):
                Employee.objects.filter(pk__in=employee_ids[chunk : chunk + 5000]).update(
                    latest_predikat=predikat, latest_predikat_year=YEAR
                )

    def _skp_row(self, plan: dict[str, Any]) -> tuple[Any, ...]:
        rng = self.rng
        post = plan["post"]
        penilai_position = post[1]
        atasan_position = self.posts[penilai_position][1] if penilai_position else None
        submitted = dt.datetime.combine(
            plan["period_start"] + dt.timedelta(days=rng.randint(5, 20)), dt.time(9), tzinfo=WIB
        )
        approved = submitted + dt.timedelta(days=rng.randint(1, 7), hours=rng.randint(0, 6))
        snapshot = {
            "pegawai": self._identity(plan["employee"], plan["position"]),
            "penilai": self._identity(plan["penilai"], penilai_position),
            "atasan_penilai": self._identity(plan["atasan"], atasan_position),
            "frozen_on": approved.date().isoformat(),
            "roles_on": plan["period_start"].isoformat(),
        }
        opd_name = post[6]
        return (
            plan["skp"],
            plan["employee"],
            YEAR,
            plan["period_start"],
            dt.date(YEAR, 12, 31),
            SKP.Pendekatan.KUALITATIF if plan["kualitatif"] else SKP.Pendekatan.KUANTITATIF,
            SKP.Status.DISETUJUI,
            plan["position"],
            plan["penilai"],
            penilai_position,
            plan["atasan"],
            "",
            submitted,
            approved,
            plan["penilai"],
            1,
            json.dumps(snapshot),
            LAMPIRAN[0].format(unit=opd_name, year=YEAR),
            LAMPIRAN[1],
            LAMPIRAN[2],
            submitted,
        )

    def _expectations(self, plan: dict[str, Any]) -> list[tuple[Any, ...]]:
        filled = set(self.rng.sample(list(EKSPEKTASI), k=self.rng.choice([0, 2, 3])))
        return [
            (plan["skp"], value, EKSPEKTASI[value] if value in filled else "")
            for value, _ in BERAKHLAK_CHOICES
        ]

    def _rhk_text(self, plan: dict[str, Any], index: int, utama: bool) -> tuple[str, str]:
        post = plan["post"]
        _, parent_id, jenis, _, name, _, unit_name, _ = post
        if not utama:
            text = self.rng.choice(TAMBAHAN_RHK)
            return text, "penguatan_internal" if plan["jpt"] else ""
        if plan["jpt"]:
            unit = self.root.name if parent_id is None else unit_name
            perspektif, template = JPT_RHK[index % len(JPT_RHK)]
            return template.format(unit=unit), perspektif
        if jenis in ("administrator", "pengawas", "pelaksana"):
            templates = RHK_BY_ROLE[jenis]
        elif name.startswith("Guru"):
            templates = RHK_BY_ROLE["guru"]
        else:
            templates = RHK_BY_ROLE["fungsional"]
        return templates[index % len(templates)].format(unit=unit_name, jabatan=name), ""

    def _indicator_specs(
        self, plan: dict[str, Any], rhk_id: int, index: int, utama: bool
    ) -> list[tuple[Any, ...]]:
        """(rhk, aspek, text, target value, satuan, target text, skp) per IKI."""
        rng, skp = self.rng, plan["skp"]
        if plan["kualitatif"]:
            aspects = [("kuantitas", "Dokumen/kegiatan diselesaikan sesuai rencana aksi")]
            if utama:
                aspects.append(
                    ("kualitas", "Hasil kerja diterima pimpinan tanpa perbaikan berarti")
                )
            return [
                (rhk_id, aspek, text, None, "", "Seluruh rencana aksi tahun ini terlaksana", skp)
                for aspek, text in aspects
            ]
        if not utama:
            return [
                (
                    rhk_id,
                    "kuantitas",
                    "Jumlah kegiatan yang diikuti",
                    Decimal(rng.randint(2, 4)),
                    "Kegiatan",
                    "",
                    skp,
                )
            ]
        satuan = rng.choice(["Dokumen", "Laporan", "Kegiatan"])
        rows = [
            (
                rhk_id,
                "kuantitas",
                f"Jumlah {satuan.lower()} yang diselesaikan",
                Decimal(rng.choice([4, 6, 12, 24])),
                satuan,
                "",
                skp,
            ),
            (
                rhk_id,
                "kualitas",
                "Persentase kesesuaian hasil kerja dengan standar",
                Decimal(100),
                "%",
                "",
                skp,
            ),
        ]
        if index == 0:
            rows.append((rhk_id, "waktu", "Waktu penyelesaian", Decimal(12), "Bulan", "", skp))
        return rows

    def _ratings(self, plan: dict[str, Any]) -> tuple[str, str, str]:
        """Ratings whose predikat follows the OPD's distribution and the matrix table."""
        rng = self.rng
        org = self.org_predikat.get(plan["opd_path"], "baik")
        post = plan["post"]
        heads_opd = post[7] == plan["opd_path"] and post[2] in STRUCTURAL_JENIS
        if heads_opd:
            hasil = HEAD_RATING[org]
            perilaku = rng.choices(["diatas", "sesuai", "dibawah"], [25, 72, 3])[0]
            return hasil, perilaku, self.matrix[(hasil, perilaku)]
        weights = PREDIKAT_WEIGHTS[org]
        predikat = rng.choices(list(weights), list(weights.values()))[0]
        cells = self.cells[predikat]
        hasil, perilaku = rng.choices(
            cells, [4 if c == ("sesuai", "sesuai") else 1 for c in cells]
        )[0]
        return hasil, perilaku, predikat

    def _realisation(
        self, evaluation_id: int, indicator_id: int, spec: tuple[Any, ...], hasil: str, link: str
    ) -> tuple[Any, ...]:
        rng = self.rng
        _, aspek, _, target, _, _, _ = spec
        value, text = None, ""
        if target is None:
            text = {
                "diatas": "Seluruh rencana aksi terlaksana lebih cepat dari jadwal",
                "sesuai": "Seluruh rencana aksi terlaksana sesuai jadwal",
                "dibawah": "Sebagian rencana aksi belum terlaksana",
            }[hasil]
        elif aspek == "waktu":
            value = Decimal({"diatas": 11, "sesuai": 12, "dibawah": 14}[hasil])
        else:
            low, high = RATIO[hasil]
            ratio = Decimal(str(round(rng.uniform(low, high), 3)))
            value = (target * ratio).quantize(Decimal("0.01"))
            if aspek == "kualitas":
                value = min(value, Decimal(100))
        feedback = REALISATION_FEEDBACK[hasil] if rng.random() < 0.5 else ""
        return (evaluation_id, indicator_id, value, text, "", "", link, feedback)

    # --- history -------------------------------------------------------------------------------

    def _rating_history(self) -> None:
        rng = self.rng
        rows = []
        baik = PREDIKAT_WEIGHTS["baik"]
        for employee_id, row in self.employees.items():
            in_service_since = int(row[1][8:12])  # TMT CPNS / year of the PPPK appointment
            for year in HISTORY_YEARS:
                if year <= in_service_since:
                    continue
                if year < 2022:
                    nilai = round(rng.uniform(72, 96), 2)
                    sebutan = next(label for floor, label in SEBUTAN if nilai >= floor)
                    rows.append(
                        (
                            employee_id,
                            year,
                            RatingHistory.Regime.PP30,
                            "",
                            "",
                            "",
                            Decimal(str(nilai)),
                            sebutan,
                        )
                    )
                    continue
                predikat = rng.choices(list(baik), list(baik.values()))[0]
                cells = self.cells[predikat]
                hasil, perilaku = rng.choice(cells)
                rows.append(
                    (
                        employee_id,
                        year,
                        RatingHistory.Regime.PERMENPAN6,
                        hasil,
                        perilaku,
                        predikat,
                        None,
                        "",
                    )
                )
        self.counts["riwayat penilaian"] = self.writer.write(
            RatingHistory,
            [
                "employee_id",
                "year",
                "regime",
                "rating_hasil",
                "rating_perilaku",
                "predikat",
                "nilai_skp",
                "sebutan",
            ],
            rows,
        )


def _title(post: tuple[Any, ...]) -> str:
    """Position.title from a loaded row: the JF name with its jenjang."""
    _, _, jenis, jenjang, name, _, _, _ = post
    if jenis == Position.Jenis.FUNGSIONAL and jenjang:
        return f"{name} {JENJANG_LABEL[jenjang]}"
    return name
