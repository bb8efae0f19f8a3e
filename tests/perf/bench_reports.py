"""Benchmark: the yearly evaluation report PDFs (issue 6), per document and 1,000 at a time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_bench_reports \
    REDIS_URL=redis://127.0.0.1:6379/13 \
        .venv/bin/python tests/perf/bench_reports.py [--docs 30] [--bulk 1000] [--profile 5]

Creates the database if it is missing, migrates it, runs `seed_demo` once (Pemprov Lampung,
~1,000 employees) and, unless it is already there, adds one perangkat daerah "Dinas Uji Beban
Laporan" (code 18.ZBENCH<bulk>) with exactly `--bulk` active employees: a kepala dinas under the
Sekda, kepala bidang, kepala seksi and staff on JF/pelaksana posts, each with an approved SKP
2025 of 8–12 RHK (cascaded from the penilai's RHK), 2–3 IKI per RHK, ekspektasi, a final TW IV
evaluation with a realisation and umpan balik per IKI, BerAKHLAK feedback, lampiran, and 2–4
participations in 2025. Then:

1. Pipeline versus bare WeasyPrint, per document, in this process: after `--warmup` documents,
   for `--docs` pending ReportDocuments it times `report_jobs.render_document()` (queries,
   context, QR code, template, WeasyPrint, SHA-256, storage write, DB rows) and
   `weasyprint.HTML(string=<the HTML our template produced for that very document>,
   base_url=PDF_ASSET_ROOT).write_pdf()` with nothing else, in the order pipeline, bare, bare,
   pipeline (the document reset to pending in between, as a re-run does); each figure is the
   mean of its two. Besides wall time it reports the pipeline's CPU time
   (`time.process_time`) per document and per page, the figure that counts on a shared
   machine, and the load average. One extra pending document keeps the job from finishing, so
   nothing is sent to the broker. `--profile K` runs cProfile over K more documents and prints
   where the pipeline's time goes.
2. One unit job of `--bulk` employees through Redis and real `celery worker` processes (one
   worker process, prefork pool with `--concurrency=1`, then `--concurrency=2`; the second run
   is `report_jobs.rerun_job`): wall time from sending the prepare task until the job is DONE
   (recap and ZIP included), documents/s, peak RSS (VmHWM, sampled from /proc) of the main
   process and of each pool child, and a check that every employee got exactly one valid
   DocumentVerification, each document once in the ZIP.

Files go to a temporary MEDIA_ROOT, removed at the end. Not a pytest test (pytest collects
test_*.py only); it refuses a database whose name does not contain "bench".
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import math
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.perf.benchdb import create_database  # noqa: E402  (after sys.path)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")
# Production-like: no DEBUG query log growing in this process or in the workers.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("PORTAL_BASE_URL", "https://asn.example.go.id")
os.environ.setdefault("LOG_LEVEL", "WARNING")  # no "stored as" line per document

YEAR = 2025
SEED = 2026
ROOT_CODE = "18"  # seed_demo's instansi
SEKDA_CODE = "18.SETDA.SEKDA"
WIB = dt.timezone(dt.timedelta(hours=7))

FIRST = [
    "Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko",
    "Kurniawati", "Lestari", "Muhammad", "Nur", "Oktaviani", "Putu", "Rina", "Sri", "Teguh",
    "Wahyu", "Yusuf", "Zainal",
]  # fmt: skip
LAST = [
    "Saputra", "Wijaya", "Lubis", "Siregar", "Nasution", "Pratama", "Hidayat", "Rahman",
    "Kusuma", "Permana", "Setiawan", "Handayani", "Susanti", "Ramadhan", "Syahputra",
]  # fmt: skip
GELAR = ["S.E.", "S.Kom.", "S.H.", "S.Sos.", "S.T.", "S.AP.", "M.M.", "M.Si.", "A.Md."]
BIDANG = [
    "Sekretariat",
    "Bidang Perencanaan dan Evaluasi",
    "Bidang Pelayanan Publik",
    "Bidang Pengembangan Sistem Informasi",
    "Bidang Pengawasan dan Pengendalian",
    "Bidang Pembinaan dan Pemberdayaan",
    "Bidang Sarana dan Prasarana",
    "Bidang Data dan Statistik",
    "Bidang Kerja Sama dan Kemitraan",
    "Bidang Pengelolaan Keuangan",
    "Bidang Penelitian dan Pengembangan",
    "Bidang Hukum dan Kelembagaan",
]
JF_NAMES = ["Analis Kebijakan", "Perencana", "Pranata Komputer", "Analis SDM Aparatur", "Arsiparis"]
PELAKSANA_NAMES = ["Pengadministrasi Perkantoran", "Pengolah Data dan Informasi", "Penata Laporan"]
OUTPUTS = [
    ("dokumen perencanaan kegiatan", "Dokumen"),
    ("laporan monitoring dan evaluasi", "Laporan"),
    ("rekomendasi kebijakan teknis", "Rekomendasi"),
    ("kegiatan pembinaan dan pendampingan", "Kegiatan"),
    ("data kinerja yang dimutakhirkan", "Data"),
    ("layanan kepada masyarakat yang diselesaikan", "Layanan"),
    ("naskah dinas yang disusun", "Naskah"),
    ("rapat koordinasi lintas perangkat daerah", "Kegiatan"),
    ("usulan anggaran yang diverifikasi", "Usulan"),
    ("permohonan yang diproses sesuai SOP", "Permohonan"),
]
RHK_TEMPLATES = [
    "Terlaksananya penyusunan {output} di {unit} secara tepat waktu dan akuntabel",
    "Meningkatnya kualitas {output} pada {unit} sesuai standar pelayanan minimal",
    "Tersedianya {output} yang akurat sebagai bahan pengambilan keputusan pimpinan {unit}",
    "Terselenggaranya {output} yang terkoordinasi dengan unit kerja terkait di {unit}",
    "Meningkatnya efektivitas pengelolaan {output} melalui pemanfaatan aplikasi di {unit}",
]
TAMBAHAN = [
    "Menjadi anggota tim penyusun Laporan Kinerja Instansi Pemerintah (LKjIP) tahun {year}",
    "Menjadi narasumber kegiatan sosialisasi penerapan SPBE di lingkungan {unit}",
    "Menjadi anggota panitia pengadaan barang dan jasa {unit}",
    "Menjadi anggota tim reformasi birokrasi dan zona integritas {unit}",
]
ASPEK = [
    ("kuantitas", "Jumlah {output}", (4, 48), "{satuan}"),
    ("kualitas", "Persentase {output} yang diterima pimpinan tanpa revisi", (80, 100), "%"),
    ("waktu", "Ketepatan waktu penyelesaian {output}", (10, 12), "Bulan"),
]
REALISATION_TEXT = [
    "Seluruh {output} telah diselesaikan dan diserahkan kepada atasan langsung; bukti dukung "
    "berupa nota dinas dan daftar hadir terlampir.",
    "Sebagian besar {output} selesai sesuai jadwal; dua kegiatan bergeser ke triwulan berikutnya "
    "karena penyesuaian anggaran.",
    "Target {output} tercapai melalui koordinasi dengan bidang terkait dan pemanfaatan "
    "aplikasi e-kinerja.",
]
FEEDBACK = [
    "Pertahankan kualitas dan ketepatan waktu; dokumentasikan bukti dukung lebih rapi.",
    "Sudah sesuai ekspektasi. Tingkatkan koordinasi dengan unit kerja lain.",
    "Capaian baik; perlu inovasi agar proses lebih efisien tahun depan.",
    "",
]
BEHAVIOUR_FEEDBACK = [
    "Menunjukkan sikap ramah dan responsif dalam melayani pemangku kepentingan.",
    "Konsisten menyelesaikan tugas dengan jujur dan bertanggung jawab.",
    "Aktif mengikuti pelatihan dan berbagi pengetahuan kepada rekan kerja.",
    "Menjaga kerahasiaan data dan menggunakan barang milik negara secara bertanggung jawab.",
    "Mampu menyesuaikan diri dengan perubahan aplikasi dan prosedur kerja baru.",
    "Berinisiatif mengambil keputusan yang tepat dalam batas kewenangannya.",
    "Terbuka bekerja sama dan memberi kesempatan rekan untuk berkontribusi.",
]
EKSPEKTASI = [
    "Menyelesaikan permohonan layanan paling lambat dua hari kerja.",
    "Melaporkan setiap kendala pekerjaan kepada atasan pada kesempatan pertama.",
    "Mengikuti paling sedikit 20 JP pengembangan kompetensi dalam setahun.",
    "Membimbing pegawai baru di unit kerja.",
]
TRAININGS = [
    ("Pelatihan Penyusunan Laporan Kinerja", "teknis", "klasikal"),
    ("Bimbingan Teknis Sistem Informasi Kepegawaian", "kursus", "klasikal"),
    ("Pelatihan Manajemen Risiko Sektor Publik", "manajerial", "e_learning"),
    ("Webinar Transformasi Digital Pemerintahan", "seminar", "jarak_jauh"),
    ("Lokakarya Penyusunan Standar Operasional Prosedur", "workshop", "klasikal"),
    ("Pelatihan Fungsional Jenjang Ahli", "fungsional", "klasikal"),
    ("Coaching Kepemimpinan Pelayanan", "manajerial", "coaching"),
]
LAMPIRAN = {
    "dukungan_sumber_daya": [
        "Anggaran kegiatan pada DPA {unit} tahun {year}",
        "Sarana komputer, jaringan internet dan aplikasi e-kinerja",
        "Dukungan data dari bidang dan UPTD terkait",
    ],
    "skema_pertanggungjawaban": [
        "Laporan bulanan kepada atasan langsung",
        "Laporan triwulanan melalui aplikasi e-kinerja",
    ],
    "konsekuensi": [
        "Pencapaian target menjadi dasar pemberian tambahan penghasilan pegawai",
        "Capaian di bawah ekspektasi ditindaklanjuti dengan pembinaan dan rencana perbaikan",
    ],
}


def _check_environment() -> tuple[str, str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "DATABASE_URL must point to PostgreSQL, e.g. "
            "postgres://postgres@127.0.0.1:5432/asnportal_bench_reports"
        )
    if "bench" not in url.rsplit("/", 1)[-1]:
        sys.exit("Refusing to write benchmark data into a database whose name lacks 'bench'.")
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url.startswith("redis://"):
        sys.exit("REDIS_URL must point to Redis, e.g. redis://127.0.0.1:6379/13")
    return url, redis_url


# --- Data -----------------------------------------------------------------------------


class UnitBuilder:
    """One perangkat daerah with exactly `n` active employees, each with a rated SKP."""

    def __init__(self, n: int, code: str) -> None:
        self.n = n
        self.code = code
        self.rng = random.Random(SEED + n)

    def build(self) -> Any:
        from django.db import transaction

        started = time.perf_counter()
        with transaction.atomic():
            unit, levels = self._structure()
            employees = self._employees(levels)
            self._skps(employees)
            self._participations([e for level in employees for e, _ in level])
        print(f"built {self.code}: {self.n:,} employees ({time.perf_counter() - started:.0f} s)")
        return unit

    def _structure(self) -> tuple[Any, list[list[Any]]]:
        """Units and posts; returns the posts by level (kepala, kabid, kasi, staff)."""
        from positions.models import OrgUnit, Position

        root = OrgUnit.objects.get(code=ROOT_CODE)
        sekda = Position.objects.get(code=SEKDA_CODE)
        n_bidang = max(1, min(len(BIDANG), round(self.n / 110)))
        if self.n < 1 + 3 * n_bidang + 2:
            sys.exit("--bulk must be at least 10")
        opd = OrgUnit.objects.add_child(
            root,
            {"code": self.code, "name": "Dinas Uji Beban Laporan", "kind": "perangkat_daerah"},
        )
        kepala = Position.objects.create(
            unit=opd,
            code=f"{self.code}.KEPALA",
            name="Kepala Dinas Uji Beban Laporan",
            jenis="jpt_pratama",
            kelas=14,
            parent=sekda,
        )
        kabids, kasis, staff = [], [], []
        for b in range(n_bidang):
            opd.refresh_from_db()
            bidang = OrgUnit.objects.add_child(
                opd, {"code": f"{self.code}.B{b:02d}", "name": BIDANG[b], "kind": "unit"}
            )
            kabid = Position.objects.create(
                unit=bidang,
                code=f"{bidang.code}.KEPALA",
                name=f"Kepala {BIDANG[b]}" if b else "Sekretaris",
                jenis="administrator",
                kelas=12 if b == 0 else 11,
                parent=kepala,
            )
            kabids.append(kabid)
            for s in range(2):
                bidang.refresh_from_db()
                seksi = OrgUnit.objects.add_child(
                    bidang,
                    {
                        "code": f"{bidang.code}.S{s}",
                        "name": f"Seksi {'Program' if s == 0 else 'Operasional'} {b + 1}",
                        "kind": "sub_unit",
                    },
                )
                kasi = Position.objects.create(
                    unit=seksi,
                    code=f"{seksi.code}.KEPALA",
                    name=f"Kepala {seksi.name}",
                    jenis="pengawas",
                    kelas=9,
                    parent=kabid,
                )
                kasis.append(kasi)
                staff.append(
                    Position.objects.create(
                        unit=seksi,
                        code=f"{seksi.code}.JF",
                        name=JF_NAMES[(2 * b + s) % len(JF_NAMES)],
                        jenis="fungsional",
                        jenjang="ahli_pertama",
                        kelas=8,
                        kebutuhan=200,
                        parent=kasi,
                    )
                )
                staff.append(
                    Position.objects.create(
                        unit=seksi,
                        code=f"{seksi.code}.PL",
                        name=PELAKSANA_NAMES[(b + s) % len(PELAKSANA_NAMES)],
                        jenis="pelaksana",
                        kelas=6,
                        kebutuhan=200,
                        parent=kasi,
                    )
                )
        return opd, [[kepala], kabids, kasis, staff]

    def _employees(self, levels: list[list[Any]]) -> list[list[tuple[Any, Any]]]:
        """Employees and their open definitive placements, grouped by level like the posts."""
        from positions.models import Employee, Placement

        taken = set(Employee.objects.values_list("nip", flat=True))
        n_staff = self.n - sum(len(level) for level in levels[:3])
        slots = [list(level) for level in levels[:3]]
        slots.append([levels[3][i % len(levels[3])] for i in range(n_staff)])
        golongan = {"jpt_pratama": "42", "administrator": "41", "pengawas": "34"}
        result: list[list[tuple[Any, Any]]] = []
        for level in slots:
            rows = []
            for position in level:
                gender = self.rng.choice("LP")
                birth = dt.date(self.rng.randint(1968, 1996), self.rng.randint(1, 12), 1)
                birth += dt.timedelta(days=self.rng.randint(0, 27))
                nip = self._nip(birth, gender, taken)
                gol = golongan.get(position.jenis) or (
                    self.rng.choice(["32", "33"])
                    if position.jenis == "fungsional"
                    else self.rng.choice(["22", "23", "31"])
                )
                rows.append(
                    (
                        Employee(
                            nip=nip,
                            name=f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}",
                            gelar_belakang=self.rng.choice(GELAR) if gol >= "31" else "",
                            kind="pns",
                            gender=gender,
                            birth_date=birth,
                            birth_place="Bandar Lampung",
                            golongan=gol,
                            unit=position.unit,
                        ),
                        position,
                    )
                )
            Employee.objects.bulk_create([e for e, _ in rows])
            Placement.objects.bulk_create(
                Placement(
                    employee=e,
                    position=p,
                    kind="definitif",
                    start_date=dt.date(2021, 1, 4),
                    sk_number=f"821/{i + 1}/BENCH/2020",
                    sk_date=dt.date(2020, 12, 21),
                    is_structural=p.is_structural,
                )
                for i, (e, p) in enumerate(rows)
            )
            result.append(rows)
        return result

    def _nip(self, birth: dt.date, gender: str, taken: set[str]) -> str:
        while True:
            tmt = f"{birth.year + 25}{self.rng.randint(1, 12):02d}"
            nip = (
                f"{birth:%Y%m%d}{tmt}{'1' if gender == 'L' else '2'}{self.rng.randint(1, 999):03d}"
            )
            if nip not in taken:
                taken.add(nip)
                return nip

    def _skps(self, employees: list[list[tuple[Any, Any]]]) -> None:
        """SKPs level by level, so each utama RHK can name one of its penilai's RHK."""
        from performance import services
        from performance.models import (
            BERAKHLAK_CHOICES,
            RHK,
            SKP,
            BehaviourExpectation,
            BehaviourFeedback,
            Evaluation,
            Indicator,
            PredikatRule,
            Realisation,
        )

        matrix = {
            (r.rating_hasil, r.rating_perilaku): r.predikat for r in PredikatRule.objects.all()
        }
        utama_by_employee: dict[int, list[Any]] = {}
        for level in employees:
            skps = []
            for employee, _ in level:
                skp = services.create_skp(employee, year=YEAR, pendekatan="kuantitatif")
                skp = SKP.objects.select_related(
                    "employee__unit",
                    "position__unit",
                    "penilai",
                    "penilai_position__unit",
                    "penilai_position__parent__unit",
                    "atasan_penilai",
                ).get(pk=skp.pk)
                skps.append(skp)
            rhks, plans = [], []
            for skp in skps:
                unit_name = skp.position.unit.name
                parents = utama_by_employee.get(skp.penilai_id, [])
                n_rhk = self.rng.randint(8, 12)
                n_tambahan = self.rng.randint(1, 2)
                outputs = self.rng.sample(OUTPUTS, k=min(n_rhk, len(OUTPUTS)))
                for i in range(n_rhk):
                    utama = i < n_rhk - n_tambahan
                    output, satuan = outputs[i % len(outputs)]
                    if utama:
                        text = self.rng.choice(RHK_TEMPLATES).format(output=output, unit=unit_name)
                    else:
                        text = self.rng.choice(TAMBAHAN).format(year=YEAR, unit=unit_name)
                    rhk = RHK(
                        skp=skp,
                        jenis="utama" if utama else "tambahan",
                        text=text,
                        parent_rhk=self.rng.choice(parents) if utama and parents else None,
                        perspektif=(
                            ["penerima_layanan", "proses_bisnis", "penguatan_internal"][i % 3]
                            if skp.is_jpt and utama
                            else ""
                        ),
                        order=i,
                    )
                    rhks.append(rhk)
                    plans.append((rhk, output, satuan))
            RHK.objects.bulk_create(rhks)
            for rhk in rhks:
                if rhk.jenis == "utama":
                    utama_by_employee.setdefault(rhk.skp.employee_id, []).append(rhk)
            indicators, outputs_of = [], {}
            for rhk, output, satuan in plans:
                for aspek, text, (low, high), unit in ASPEK[: self.rng.randint(2, 3)]:
                    indicators.append(
                        indicator := Indicator(
                            rhk=rhk,
                            aspek=aspek,
                            text=text.format(output=output),
                            target_value=Decimal(self.rng.randint(low, high)),
                            target_satuan=unit.format(satuan=satuan),
                        )
                    )
                    outputs_of[id(indicator)] = output
            Indicator.objects.bulk_create(indicators)
            evaluations = {}
            for skp in skps:
                hasil = self.rng.choices(["diatas", "sesuai", "dibawah"], [20, 70, 10])[0]
                perilaku = self.rng.choices(["diatas", "sesuai", "dibawah"], [15, 78, 7])[0]
                evaluations[skp.pk] = Evaluation(
                    skp=skp,
                    period="tw4",
                    status="final",
                    rating_hasil=hasil,
                    rating_perilaku=perilaku,
                    predikat=matrix[(hasil, perilaku)],
                    umpan_balik="Secara umum kinerja tahun ini sesuai dengan rencana. "
                    + self.rng.choice(FEEDBACK),
                    finalised_by=skp.penilai,
                    finalised_at=dt.datetime(YEAR + 1, 1, 20, 10, tzinfo=WIB),
                )
            Evaluation.objects.bulk_create(evaluations.values())
            realisations = []
            for indicator in indicators:
                target = indicator.target_value
                factor = Decimal(self.rng.choice([85, 95, 100, 100, 105, 110])) / 100
                output = outputs_of[id(indicator)]
                realisations.append(
                    Realisation(
                        evaluation=evaluations[indicator.rhk.skp_id],
                        indicator=indicator,
                        value=min(target * factor, Decimal(100))
                        if indicator.target_satuan == "%"
                        else (target * factor).quantize(Decimal(1)),
                        text=self.rng.choice(REALISATION_TEXT).format(output=output),
                        umpan_balik=self.rng.choice(FEEDBACK),
                    )
                )
            Realisation.objects.bulk_create(realisations)
            feedback = [
                BehaviourFeedback(evaluation=evaluation, value=value, umpan_balik=text)
                for evaluation in evaluations.values()
                for (value, _), text in zip(BERAKHLAK_CHOICES, BEHAVIOUR_FEEDBACK, strict=True)
            ]
            BehaviourFeedback.objects.bulk_create(feedback)
            expectations = list(BehaviourExpectation.objects.filter(skp__in=skps))
            for expectation in expectations:
                if self.rng.random() < 0.5:
                    expectation.ekspektasi = self.rng.choice(EKSPEKTASI)
            BehaviourExpectation.objects.bulk_update(expectations, ["ekspektasi"])
            for skp in skps:
                self._approve(skp)
            SKP.objects.bulk_update(
                skps,
                [
                    "status",
                    "submitted_at",
                    "approved_at",
                    "approved_by",
                    "snapshot",
                    "dukungan_sumber_daya",
                    "skema_pertanggungjawaban",
                    "konsekuensi",
                ],
                batch_size=500,
            )

    def _approve(self, skp: Any) -> None:
        from performance import services

        penilai_position = skp.penilai_position
        skp.status = "disetujui"
        skp.submitted_at = dt.datetime(YEAR, 1, 10, 9, tzinfo=WIB)
        skp.approved_at = dt.datetime(YEAR, 1, 15, 10, tzinfo=WIB)
        skp.approved_by = skp.penilai
        skp.snapshot = {
            "pegawai": services.identity(skp.employee, skp.position),
            "penilai": services.identity(skp.penilai, penilai_position),
            "atasan_penilai": services.identity(
                skp.atasan_penilai, penilai_position.parent if penilai_position else None
            ),
            "frozen_on": f"{YEAR}-01-15",
        }
        unit = skp.position.unit.name
        for field, lines in LAMPIRAN.items():
            setattr(
                skp, field, "\n".join(f"- {line.format(unit=unit, year=YEAR)}" for line in lines)
            )

    def _participations(self, employees: list[Any]) -> None:
        from training.models import Participation

        rows = []
        for employee in employees:
            for title, category, method in self.rng.sample(TRAININGS, k=self.rng.randint(2, 4)):
                start = dt.date(YEAR, self.rng.randint(1, 11), self.rng.randint(1, 25))
                pending = self.rng.random() < 0.1
                rows.append(
                    Participation(
                        employee=employee,
                        title=title,
                        category=category,
                        method=method,
                        start_date=start,
                        end_date=start + dt.timedelta(days=self.rng.randint(0, 4)),
                        jp=self.rng.choice([4, 8, 12, 16, 24, 32]),
                        result="" if pending else "lulus",
                        certificate_number=f"SERT/{self.rng.randint(100, 999)}/{YEAR}",
                        is_self_reported=method != "klasikal",
                        verification="pending" if pending else "verified",
                    )
                )
        Participation.objects.bulk_create(rows, batch_size=2000)


def ensure_data(n: int) -> Any:
    """seed_demo once, then the benchmark unit of `n` employees (built once per size)."""
    from django.core.management import call_command
    from django.db import connection

    from asnportal.models import User
    from positions.models import Employee, OrgUnit

    if not OrgUnit.objects.filter(code=ROOT_CODE).exists():
        print("seed_demo (once)")
        call_command("seed_demo", quiet_logins=True, verbosity=0)
    code = f"18.ZBENCH{n}"
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        print(f"building {code} (one transaction; a failed run leaves nothing behind)")
        unit = UnitBuilder(n, code).build()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    active = Employee.objects.active().filter(unit__path__startswith=unit.path).count()
    print(f"benchmark unit {code}: {active:,} active employees")
    User.objects.get_or_create(
        username="bench.reports",
        defaults={"is_superuser": True, "is_staff": True, "first_name": "Bench"},
    )
    return unit


# --- Measurement helpers ----------------------------------------------------------------


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def _summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f} ms, p95 {_p95(values):.0f} ms"


class Stopwatch:
    """Wraps module-level functions to add up the time spent in them (a few µs per call)."""

    def __init__(self) -> None:
        self.totals: Counter[str] = Counter()
        self.restore: list[tuple[Any, str, Any]] = []

    def wrap(
        self, module: Any, name: str, key: str, keep: Callable[[Any], None] | None = None
    ) -> None:
        original = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                result = original(*args, **kwargs)
            finally:
                self.totals[key] += time.perf_counter() - started
            if keep is not None:
                keep(result)
            return result

        setattr(module, name, timed)
        self.restore.append((module, name, original))

    def take(self) -> dict[str, float]:
        totals = {k: v * 1000 for k, v in self.totals.items()}
        self.totals.clear()
        return totals

    def unwrap(self) -> None:
        for module, name, original in reversed(self.restore):
            setattr(module, name, original)


def pipeline_vs_bare(unit: Any, n_docs: int, warmup: int, profile: int) -> dict[str, Any]:
    import weasyprint
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from asnportal.models import User
    from core import pdf
    from performance import report_jobs, reports
    from performance.models import ReportDocument, ReportJob
    from positions.models import Employee

    def bare(html: str) -> bytes:
        return weasyprint.HTML(string=html, base_url=settings.PDF_ASSET_ROOT).write_pdf()

    user = User.objects.get(username="bench.reports")
    people = list(
        Employee.objects.active()
        .filter(unit__path__startswith=unit.path)
        .order_by("unit__path", "pk")
        .values_list("pk", flat=True)
    )
    needed = warmup + n_docs + profile + 1
    if len(people) < needed:
        sys.exit(f"the benchmark unit has {len(people)} employees; --bulk must be >= {needed}")
    # The kepala dinas (JPT: perspektif column) and a kepala bidang always among the timed.
    rng = random.Random(SEED)
    head, kabid, rest = people[0], people[1], people[2:]
    chosen = rng.sample(rest, needed - 2)
    timed_ids = [head, kabid, *chosen[: n_docs - 2]]
    rng.shuffle(timed_ids)
    warm_ids = chosen[n_docs - 2 : n_docs - 2 + warmup]
    profile_ids = chosen[n_docs - 2 + warmup : n_docs - 2 + warmup + profile]
    sentinel = chosen[-1]
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.UNIT,
        unit=unit,
        year=YEAR,
        requested_by=user,
        state=ReportJob.State.RUNNING,
        total=needed,
        started_at=timezone.now(),
    )
    docs = {
        d.employee_id: d.pk
        for d in ReportDocument.objects.bulk_create(
            ReportDocument(job=job, employee_id=pk, run=job.run)
            for pk in [*warm_ids, *timed_ids, *profile_ids, sentinel]
        )
    }
    # The pending sentinel keeps _maybe_finish from claiming the job: no finish task is sent.
    html_out: list[str] = []
    pages_out: list[int] = []
    watch = Stopwatch()
    watch.wrap(pdf, "render_to_string", "template", keep=html_out.append)
    # HTML.write_pdf() is HTML.render() (parse, style, layout) + Document.write_pdf(); the
    # wrapper on the class times the layout in both paths and counts the pages.
    watch.wrap(weasyprint.HTML, "render", "layout", keep=lambda d: pages_out.append(len(d.pages)))
    watch.wrap(reports, "render_pdf", "render_pdf")
    watch.wrap(report_jobs, "store_document", "store")
    rows, page_counts = [], []

    def timed_pipeline(document_id: int) -> tuple[float, dict[str, float]]:
        started, cpu = time.perf_counter(), time.process_time()
        result = report_jobs.render_document(document_id, job.run)
        elapsed = (time.perf_counter() - started) * 1000
        cpu = (time.process_time() - cpu) * 1000
        assert result == "done", result
        return elapsed, {**watch.take(), "cpu": cpu}

    def timed_bare(html: str) -> tuple[float, float, float]:
        started, cpu = time.perf_counter(), time.process_time()
        bare(html)
        elapsed = (time.perf_counter() - started) * 1000
        return elapsed, watch.take()["layout"], (time.process_time() - cpu) * 1000

    try:
        queries = []
        for pk in warm_ids:
            with CaptureQueriesContext(connection) as ctx:
                assert report_jobs.render_document(docs[pk], job.run) == "done"
            queries.append(len(ctx.captured_queries))
            bare(html_out.pop())
        watch.take()
        for pk in timed_ids:
            # A-B-B-A: pipeline, bare, bare, then the pipeline again on the same document
            # (reset to pending, as rerun_job does), so drift of a shared machine and "who
            # collects whose garbage" cancel out.
            p1, parts1 = timed_pipeline(docs[pk])
            html = html_out.pop()
            page_counts.append(pages_out[-1])
            b1, layout1, bare_cpu1 = timed_bare(html)
            b2, layout2, bare_cpu2 = timed_bare(html)
            ReportDocument.objects.filter(pk=docs[pk]).update(state=ReportDocument.State.PENDING)
            p2, parts2 = timed_pipeline(docs[pk])
            html_out.clear()
            rows.append(
                {
                    "pipeline": (p1 + p2) / 2,
                    "bare": (b1 + b2) / 2,
                    "bare_layout": (layout1 + layout2) / 2,
                    "bare_cpu": (bare_cpu1 + bare_cpu2) / 2,
                    "pages": pages_out[-1],
                    **{key: (parts1[key] + parts2[key]) / 2 for key in parts1},
                }
            )
        profiled = None
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for pk in profile_ids:
                report_jobs.render_document(docs[pk], job.run)
            profiler.disable()
            profiled = pstats.Stats(profiler)
    finally:
        watch.unwrap()
        ReportDocument.objects.filter(pk=docs[sentinel]).update(
            state=ReportDocument.State.FAILED, error="benchmark sentinel"
        )
        ReportJob.objects.filter(pk=job.pk).update(
            state=ReportJob.State.DONE, finished_at=timezone.now()
        )
    sizes = [
        os.path.getsize(d.file.path)
        for d in ReportDocument.objects.filter(job=job, employee_id__in=timed_ids)
    ]
    return {
        "rows": rows,
        "queries": queries,
        "pages": page_counts,
        "sizes": sizes,
        "profile": profiled,
        "profile_docs": len(profile_ids),
    }


def print_pipeline(result: dict[str, Any]) -> dict[str, float]:
    rows = result["rows"]
    pipeline = [r["pipeline"] for r in rows]
    bare = [r["bare"] for r in rows]
    ratios = [r["pipeline"] / r["bare"] for r in rows]
    weasy = [r["render_pdf"] - r["template"] for r in rows]
    template = [r["template"] for r in rows]
    store = [r["store"] for r in rows]
    other = [r["pipeline"] - r["render_pdf"] - r["store"] for r in rows]
    cpu = [r["cpu"] for r in rows]
    cpu_page = [r["cpu"] / r["pages"] for r in rows]
    bare_cpu = [r["bare_cpu"] for r in rows]
    figures = {
        "n": len(rows),
        "cpu_median": statistics.median(cpu),
        "cpu_p95": _p95(cpu),
        "cpu_page_median": statistics.median(cpu_page),
        "cpu_page_p95": _p95(cpu_page),
        "bare_cpu_median": statistics.median(bare_cpu),
        "pages_median": statistics.median(r["pages"] for r in rows),
        "load": os.getloadavg()[0],
        "pipeline_median": statistics.median(pipeline),
        "pipeline_p95": _p95(pipeline),
        "bare_median": statistics.median(bare),
        "bare_p95": _p95(bare),
        "ratio_medians": statistics.median(pipeline) / statistics.median(bare),
        "ratio_p95s": _p95(pipeline) / _p95(bare),
        "ratio_median": statistics.median(ratios),
        "ratio_p95": _p95(ratios),
        "weasy_median": statistics.median(weasy),
        "layout_median": statistics.median(r["layout"] for r in rows),
        "bare_layout_median": statistics.median(r["bare_layout"] for r in rows),
        "template_median": statistics.median(template),
        "store_median": statistics.median(store),
        "other_median": statistics.median(other),
        "queries": statistics.median(result["queries"]),
        "pages_min": min(result["pages"]),
        "pages_max": max(result["pages"]),
        "size_kib": statistics.median(result["sizes"]) / 1024,
    }
    print(f"\n## 1. Pipeline vs bare WeasyPrint, {len(rows)} documents")
    print(f"pipeline render_document(): {_summary(pipeline)}")
    print(f"bare HTML(...).write_pdf(): {_summary(bare)}")
    # CPU time of this process (time.process_time): what a document costs a worker, much less
    # disturbed than wall time by what else runs on a shared machine.
    print(
        f"CPU per document (pipeline): {_summary(cpu)}; per page median "
        f"{figures['cpu_page_median']:.0f} ms, p95 {figures['cpu_page_p95']:.0f} ms "
        f"(per 6 pages {6 * figures['cpu_page_median']:.0f} ms); bare CPU median "
        f"{figures['bare_cpu_median']:.0f} ms; {figures['pages_median']:.0f} pages median; "
        f"load average {figures['load']:.2f}"
    )
    print(
        f"ratio: {figures['ratio_medians']:.2f}x (medians), {figures['ratio_p95s']:.2f}x (p95); "
        f"per document median {figures['ratio_median']:.2f}x, p95 {figures['ratio_p95']:.2f}x "
        "(target <= 1.25x)"
    )
    print(
        "inside the pipeline (medians): WeasyPrint in render_pdf "
        f"{figures['weasy_median']:.0f} ms (HTML.render() {figures['layout_median']:.0f} ms; "
        f"bare: {figures['bare_layout_median']:.0f} ms), "
        f"template {figures['template_median']:.0f} ms, "
        f"store_document {figures['store_median']:.0f} ms, queries+context+QR+rest "
        f"{figures['other_median']:.0f} ms; {figures['queries']:.0f} queries per document; "
        f"{figures['pages_min']}–{figures['pages_max']} pages, median "
        f"{figures['size_kib']:.0f} KiB"
    )
    stats = result["profile"]
    if stats is not None:
        k = result["profile_docs"]
        print(f"\ncProfile over {k} more documents (per document, cumulative):")
        keys = {
            "render_document": "render_document",
            "employee_report_context": "context (queries)",
            "qr_svg_data_uri": "QR code",
            "render_to_string": "template",
            "__init__ (weasyprint HTML)": "HTML() parse",
            "write_pdf": "write_pdf",
            "render": "layout (Document._render)",
            "__init__ (FontConfiguration)": "FontConfiguration()",
            "store_document": "store_document",
        }
        found = {}
        for (file, _, func), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
            if func == "__init__" and file.endswith("weasyprint/__init__.py"):
                func = "__init__ (weasyprint HTML)"
            elif func == "__init__" and file.endswith("weasyprint/text/fonts.py"):
                func = "__init__ (FontConfiguration)"
            elif func == "render" and not file.endswith("weasyprint/document.py"):
                continue
            if func in keys:
                found[keys[func]] = max(found.get(keys[func], 0), cumulative)
        for label in keys.values():
            if label in found:
                print(f"  {label:<28} {found[label] * 1000 / k:7.0f} ms")
        stats.sort_stats("tottime").print_stats(15)
    return figures


# --- Workers --------------------------------------------------------------------------


def _status(pid: int) -> dict[str, int]:
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    key, value = line.split(":")
                    values[key] = int(value.split()[0])  # kB
    except FileNotFoundError:
        pass
    return values


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    kids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            kids += [int(x) for x in (task / "children").read_text().split()]
    return kids


class MemorySampler(threading.Thread):
    """Every 0.2 s: VmHWM (peak RSS) of the worker's main process and of its pool children,
    and their CPU time; a child replaced by the pool keeps its own row."""

    def __init__(self, main_pid: int) -> None:
        super().__init__(daemon=True)
        self.main_pid = main_pid
        self.peak: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.running = True

    def run(self) -> None:
        while self.running:
            self.sample()
            time.sleep(0.2)

    def sample(self) -> None:
        for pid in [self.main_pid, *_children(self.main_pid)]:
            hwm = _status(pid).get("VmHWM")
            if hwm:
                self.peak[pid] = max(self.peak.get(pid, 0), hwm)
                self.cpu[pid] = _cpu_seconds(pid)

    def stop(self) -> None:
        self.running = False
        self.join()
        self.sample()


def run_job_on_worker(
    unit: Any, redis_url: str, concurrency: int, job: Any | None
) -> tuple[dict[str, Any], Any]:
    from django.utils import timezone

    from asnportal.celery import app as celery_app
    from asnportal.models import User
    from performance import report_jobs
    from performance.models import ReportDocument, ReportJob
    from tests.worker import Worker

    queue = os.environ["CELERY_QUEUE"]
    worker = Worker(redis_url, queue, concurrency=concurrency)
    # Worker's client Celery() made itself the current app; shared tasks sent by
    # report_jobs must go through ours, whose default queue is the private one.
    celery_app.set_current()
    try:
        worker.wait_ready(timeout=120)
        time.sleep(2)  # let the pool children finish importing before the clock starts
        sampler = MemorySampler(worker.proc.pid)
        sampler.start()
        load_before = os.getloadavg()
        sent_at = timezone.now()
        started = time.perf_counter()
        # Both send the prepare task on commit, i.e. at once in autocommit mode.
        if job is None:
            job = report_jobs.start_unit_job(User.objects.get(username="bench.reports"), unit, YEAR)
        else:
            job = report_jobs.rerun_job(job)
        state, progress, progressed_at = job.state, -1, time.monotonic()
        while state not in (ReportJob.State.DONE, ReportJob.State.FAILED):
            if worker.proc.poll() is not None:
                sys.exit(f"worker exited with code {worker.proc.returncode}")
            time.sleep(0.25)
            state = ReportJob.objects.values_list("state", flat=True).get(pk=job.pk)
            done = (
                ReportDocument.objects.filter(job=job)
                .exclude(state=ReportDocument.State.PENDING)
                .count()
            )
            if done != progress:
                progress, progressed_at = done, time.monotonic()
            elif time.monotonic() - progressed_at > 300:
                sys.exit(f"no progress for 5 minutes (job {job.pk} {state}, {done} documents)")
        polled = time.perf_counter() - started
        sampler.stop()
        load_after = os.getloadavg()
    finally:
        worker.stop()
    job.refresh_from_db()
    if state == ReportJob.State.FAILED:
        sys.exit(f"job failed: {job.error}")
    check = check_job(job, sent_at)
    wall = (job.finished_at - sent_at).total_seconds()
    # In the order they were first seen, i.e. started (sorting by pid breaks when pids wrap).
    kids = [pid for pid in sampler.peak if pid != worker.proc.pid]
    result = {
        "concurrency": concurrency,
        "wall": wall,
        "polled": polled,
        "prepare": (job.started_at - sent_at).total_seconds(),
        "finish": (job.finished_at - check["last_rendered"]).total_seconds(),
        "throughput": check["documents"] / wall,
        "main_hwm": sampler.peak.get(worker.proc.pid, 0) / 1024,
        "child_hwm": [sampler.peak[pid] / 1024 for pid in kids],
        "cpu": sum(sampler.cpu.values()),
        "load_before": load_before[0],
        "load_after": load_after[0],
        **check,
    }
    print(
        f"\n## 2. concurrency={concurrency}: {check['documents']:,} documents in {wall:.1f} s "
        f"({result['throughput']:.2f} doc/s; prepare {result['prepare']:.1f} s, recap+ZIP "
        f"{result['finish']:.1f} s); peak RSS main {result['main_hwm']:.0f} MiB, pool "
        + ", ".join(f"{m:.0f}" for m in result["child_hwm"])
        + f" MiB; worker CPU {result['cpu']:.0f} s; ZIP {check['zip_mib']:.1f} MiB with "
        f"{check['zip_pdfs']:,} PDFs; exactly once: {check['exactly_once']}; "
        f"load average {load_before[0]:.2f} -> {load_after[0]:.2f}"
    )
    return result, job


def check_job(job: Any, sent_at: dt.datetime) -> dict[str, Any]:
    """Every employee of the unit: one document, done in this run, one valid verification
    code issued in this run, one PDF in the ZIP."""
    from django.db.models import Count, Max

    from performance import report_jobs
    from performance.models import DocumentVerification, ReportDocument

    expected = set(report_jobs.job_employee_ids(job))
    docs = ReportDocument.objects.filter(job=job)
    states = Counter(docs.values_list("state", flat=True))
    doc_ids = set(docs.values_list("pk", flat=True))
    this_run = docs.filter(state=ReportDocument.State.DONE, rendered_run=job.run).count()
    issued = DocumentVerification.objects.filter(document__job=job, issued_at__gte=sent_at)
    valid = (
        DocumentVerification.objects.filter(
            year=job.year, superseded_at__isnull=True, employee_id__in=expected
        )
        .values("employee_id")
        .annotate(n=Count("pk"), document=Max("document_id"))
    )
    valid_ok = len(valid) == len(expected) and all(
        v["n"] == 1 and v["document"] in doc_ids for v in valid
    )
    with zipfile.ZipFile(job.archive.path) as zf:
        names = zf.namelist()
        pdfs = [n for n in names if n.endswith(".pdf") and not n.startswith("00-rekap")]
        all_pdf = all(zf.read(n)[:5] == b"%PDF-" for n in pdfs)
    exactly_once = (
        set(docs.values_list("employee_id", flat=True)) == expected
        and len(doc_ids) == len(expected)
        and states == {ReportDocument.State.DONE: len(expected)}
        and this_run == len(expected)
        and issued.count() == len(expected)
        and issued.values("employee_id").distinct().count() == len(expected)
        and valid_ok
        and len(pdfs) == len(set(pdfs)) == len(expected)
        and all_pdf
    )
    return {
        "documents": len(expected),
        "states": dict(states),
        "exactly_once": exactly_once,
        "zip_mib": os.path.getsize(job.archive.path) / 2**20,
        "zip_pdfs": len(pdfs),
        "last_rendered": docs.aggregate(last=Max("rendered_at"))["last"],
    }


# --- Main -----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=30, help="timed documents in part 1")
    parser.add_argument("--warmup", type=int, default=3, help="untimed documents first")
    parser.add_argument("--profile", type=int, default=0, help="cProfile K more documents")
    parser.add_argument("--bulk", type=int, default=1000, help="employees of the unit job")
    parser.add_argument(
        "--concurrency", default="1,2", help="worker --concurrency values, in order (1,2)"
    )
    parser.add_argument("--skip-pipeline", action="store_true", help="only part 2")
    parser.add_argument("--skip-workers", action="store_true", help="only part 1")
    args = parser.parse_args()
    if args.docs < 3:
        sys.exit("--docs must be at least 3")
    url, redis_url = _check_environment()
    create_database(url)
    media = tempfile.mkdtemp(prefix="asnportal-bench-reports-")
    os.environ["MEDIA_ROOT"] = media  # this process and the workers (tests.worker copies env)
    os.environ["CELERY_QUEUE"] = f"bench-reports-{uuid.uuid4().hex[:8]}"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        unit = ensure_data(args.bulk)
        machine = (
            f"{os.cpu_count()} cores, PostgreSQL {connection.pg_version // 10000}, "
            f"Python {sys.version.split()[0]}"
        )
        print(f"machine: {machine}; media {media}; queue {os.environ['CELERY_QUEUE']}")
        figures = None
        if not args.skip_pipeline:
            result = pipeline_vs_bare(unit, args.docs, args.warmup, args.profile)
            figures = print_pipeline(result)
        runs = []
        if not args.skip_workers:
            job = None
            for concurrency in [int(c) for c in args.concurrency.split(",")]:
                run, job = run_job_on_worker(unit, redis_url, concurrency, job)
                runs.append(run)
        print_summary(figures, runs)
    finally:
        shutil.rmtree(media, ignore_errors=True)
        _delete_queue(redis_url, os.environ["CELERY_QUEUE"])


def _delete_queue(redis_url: str, queue: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")


def print_summary(figures: dict[str, float] | None, runs: list[dict[str, Any]]) -> None:
    print("\n## Summary\n")
    if figures:
        print("| Per document (n = {n}) | median | p95 |".format(n=figures["n"]))
        print("|---|---:|---:|")
        print(
            f"| pipeline `render_document()` | {figures['pipeline_median']:.0f} ms "
            f"| {figures['pipeline_p95']:.0f} ms |"
        )
        print(
            f"| bare `HTML(string=…).write_pdf()` | {figures['bare_median']:.0f} ms "
            f"| {figures['bare_p95']:.0f} ms |"
        )
        print(
            f"| ratio pipeline / bare | {figures['ratio_medians']:.2f}× "
            f"| {figures['ratio_p95s']:.2f}× |"
        )
        print(
            f"| CPU per document (pipeline, {figures['pages_median']:.0f} pages median) "
            f"| {figures['cpu_median']:.0f} ms | {figures['cpu_p95']:.0f} ms |"
        )
        print(
            f"| CPU per page | {figures['cpu_page_median']:.0f} ms "
            f"| {figures['cpu_page_p95']:.0f} ms |"
        )
        print()
    if runs:
        print(
            "| Unit job | wall | documents/s | peak RSS main | peak RSS per pool child "
            "| worker CPU | ZIP | exactly once |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|:-:|")
        for r in runs:
            kids = " / ".join(f"{m:.0f}" for m in r["child_hwm"])
            print(
                f"| {r['documents']:,} documents, `--concurrency={r['concurrency']}` "
                f"| {r['wall']:.0f} s | {r['throughput']:.2f} | {r['main_hwm']:.0f} MiB "
                f"| {kids} MiB | {r['cpu']:.0f} s | {r['zip_mib']:.1f} MiB "
                f"| {'yes' if r['exactly_once'] else 'NO'} |"
            )


if __name__ == "__main__":
    main()
