"""The yearly cycle as dates: the deadlines the HR home checks and the steps the panduan
explains, each with the rule behind it (PermenPANRB 6/2022, PP 17/2020; docs/ holds the
project's notes on both).

The regulations set the stages; the exact days are the instansi's (design assumption, to be
confirmed by BKD): SKP approved by the end of January, a period's evaluation by the 10th of the
month after it (the SE Kepala BKN 11/2023 example: SKP 2024 finished before 10 January 2025).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from performance.models import Evaluation, evaluation_periods

SKP_DUE = (1, 31)  # (month, day) of the SKP's year
EVALUATION_DUE_DAY = 10  # of the month after the period ends
PERIOD_END_MONTH = {"tw1": 3, "tw2": 6, "tw3": 9, "tw4": 12}


@dataclass(frozen=True)
class Deadline:
    year: int
    period: str  # "" for the SKP itself
    label: str
    due: dt.date

    def is_past(self, on: dt.date) -> bool:
        return on > self.due


def skp_deadline(year: int) -> Deadline:
    return Deadline(year, "", f"Penetapan SKP {year}", dt.date(year, *SKP_DUE))


def evaluation_deadline(year: int, period: str) -> Deadline:
    end_month = PERIOD_END_MONTH[period]
    due = (
        dt.date(year + 1, 1, EVALUATION_DUE_DAY)
        if end_month == 12
        else dt.date(year, end_month + 1, EVALUATION_DUE_DAY)
    )
    label = f"Evaluasi {Evaluation.Period(period).label} {year}"
    return Deadline(year, period, label, due)


def evaluation_due(on: dt.date) -> Deadline:
    """The evaluation to finish now: the latest configured period that has ended by `on`
    (in January to March that is the akhir tahun of the year before)."""
    for year in (on.year, on.year - 1):
        for period in reversed(evaluation_periods()):
            month = PERIOD_END_MONTH[period]
            if dt.date(year, month, calendar.monthrange(year, month)[1]) < on:
                return evaluation_deadline(year, period)
    return evaluation_deadline(on.year - 1, Evaluation.Period.TW4.value)


# --- Panduan: what to do this month, and why --------------------------------------------------


MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


@dataclass(frozen=True)
class Step:
    months: tuple[int, ...]  # when the step is due
    title: str
    what: str
    why: str

    @property
    def when(self) -> str:
        if len(self.months) == 12:
            return "Sepanjang tahun"
        return ", ".join(MONTHS[m - 1] for m in sorted(self.months))


PEGAWAI_STEPS = [
    Step(
        (1,),
        "Susun dan ajukan SKP tahun ini",
        "Buat SKP, tulis rencana hasil kerja (RHK) yang menginduk RHK atasan, isi indikator "
        "dan target, lalu ajukan kepada pejabat penilai.",
        "Tahap perencanaan kinerja (PermenPANRB 6/2022, Pasal 5): ekspektasi ditetapkan dan "
        "SKP disusun pada awal tahun, sebelum kinerja dapat dipantau dan dinilai.",
    ),
    Step(
        (3, 4, 6, 7, 9, 10),
        "Isi realisasi triwulan dan unggah bukti dukung",
        "Buka evaluasi triwulan yang sedang berjalan dari beranda, isi realisasi setiap "
        "indikator beserta bukti dukung, lalu kirim ke penilai.",
        "Tahap pelaksanaan dan pemantauan kinerja (PermenPANRB 6/2022): kinerja "
        "didokumentasikan dan diberi umpan balik berkelanjutan setiap periode (triwulanan); "
        "penilai menilai berdasarkan bukti dukung.",
    ),
    Step(
        (12, 1),
        "Lengkapi realisasi akhir tahun",
        "Isi realisasi Triwulan IV / Akhir dengan bukti dukung agar penilai dapat "
        "menetapkan predikat tahunan.",
        "Tahap penilaian kinerja (PermenPANRB 6/2022): evaluasi tahunan dilakukan pada akhir "
        "tahun dan selesai paling lambat awal Januari; predikat tahunan dipakai untuk "
        "tindak lanjut (penghargaan, pengembangan, sanksi).",
    ),
    Step(
        tuple(range(1, 13)),
        "Penuhi 20 JP pengembangan kompetensi",
        "Ajukan ikut pelatihan yang dibuka atau laporkan kegiatan mandiri (e-learning, "
        "seminar) beserta sertifikat untuk diverifikasi.",
        "Setiap PNS berhak dan wajib mengembangkan kompetensi paling sedikit 20 jam pelajaran "
        "(JP) per tahun (PP 11/2017 sebagaimana diubah dengan PP 17/2020).",
    ),
]

PENILAI_STEPS = [
    Step(
        (1, 2),
        "Setujui SKP bawahan",
        "Periksa SKP yang diajukan di kotak persetujuan: RHK harus menginduk RHK Anda, "
        "indikator terukur. Setujui atau kembalikan dengan catatan.",
        "Pejabat penilai menetapkan SKP bersama pegawai melalui dialog kinerja "
        "(PermenPANRB 6/2022, tahap perencanaan).",
    ),
    Step(
        (1, 4, 7, 10),
        "Nilai evaluasi triwulan",
        "Buka evaluasi yang menunggu penilaian, beri umpan balik atas realisasi dan bukti "
        "dukung, lalu finalkan.",
        "Evaluasi kinerja periodik dan umpan balik berkelanjutan adalah kewajiban pejabat "
        "penilai (PermenPANRB 6/2022, tahap pemantauan dan penilaian).",
    ),
    Step(
        (12, 1),
        "Tetapkan predikat tahunan",
        "Nilai hasil kerja dan perilaku kerja (BerAKHLAK) setiap bawahan pada evaluasi "
        "akhir; predikat mengikuti matriks dan kurva distribusi instansi.",
        "Predikat kinerja pegawai ditetapkan dari rating hasil kerja dan perilaku kerja "
        "(PermenPANRB 6/2022) dan didistribusikan sesuai kinerja organisasi.",
    ),
]

HR_STEPS = [
    Step(
        (1, 2),
        "Pantau penetapan SKP",
        "Lihat pegawai yang belum mengajukan SKP per unit dan kirim pengingat.",
        "Tanpa SKP yang disetujui, kinerja pegawai tidak dapat dinilai (PermenPANRB 6/2022).",
    ),
    Step(
        (1, 4, 7, 10),
        "Pantau evaluasi periodik",
        "Periksa evaluasi yang belum final per unit dan ingatkan pejabat penilai.",
        "Evaluasi periodik mendukung pemantauan dan pembinaan kinerja (PermenPANRB 6/2022).",
    ),
    Step(
        (12, 1),
        "Tutup tahun dan cetak dokumen evaluasi",
        "Tetapkan kinerja organisasi, periksa kurva distribusi predikat, tutup tahun, lalu "
        "jalankan pekerjaan laporan PDF per unit.",
        "Distribusi predikat pegawai mengikuti predikat kinerja organisasi "
        "(PermenPANRB 6/2022); dokumen evaluasi menjadi dasar tindak lanjut.",
    ),
    Step(
        (7, 8, 9, 10, 11, 12),
        "Kejar kepatuhan 20 JP",
        "Lihat pegawai yang belum mencapai 20 JP, verifikasi laporan mandiri dan buka "
        "angkatan pelatihan.",
        "Pengembangan kompetensi paling sedikit 20 JP per tahun bagi setiap PNS "
        "(PP 17/2020); sisa waktu semester kedua menentukan tercapai tidaknya.",
    ),
]

PIMPINAN_STEPS = [
    Step(
        tuple(range(1, 13)),
        "Baca dasbor pimpinan",
        "Lihat kemajuan SKP dan evaluasi per perangkat daerah, sebaran predikat terhadap "
        "kurva, kepatuhan 20 JP, kebutuhan dan bezetting, serta pensiun 12 bulan ke depan.",
        "Pimpinan instansi bertanggung jawab atas kinerja organisasi dan penguatan peran "
        "pimpinan dalam pengelolaan kinerja (PermenPANRB 6/2022).",
    ),
    Step(
        tuple(range(1, 13)),
        "Sampaikan pengumuman",
        "Tulis pengumuman singkat untuk instansi atau unit: tenggat, perubahan cara kerja, "
        "alasan di baliknya.",
        "Perubahan cara kerja lebih mudah diterima bila dijelaskan oleh pimpinan.",
    ),
]


def steps_for(steps: list[Step], month: int) -> tuple[list[Step], list[Step]]:
    """(this month's steps, the rest of the year's) of one role."""
    return [s for s in steps if month in s.months], [s for s in steps if month not in s.months]
