"""The vocabulary of the demo seed, shared by the demo (`demo.org`) and the province-scale
seed (`demo.scale_org` and its modules): the demo logins, golongan, age and requirements per
role, education groups of jabatan, ABK tasks and the titles and gelar derived from unit and
education names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from demo import org_data as D
from positions.models import EducationField, EducationLevel, Position

DEMO_PASSWORD = "Lampung#2026"  # nosec B105  # the published demo login (README), only for seed_demo's demo accounts

# (username, description) — printed by the command and by `make run`.
DEMO_LOGINS = [
    ("hr.bkd", "Pengelola kepegawaian BKD (seluruh Pemprov Lampung)"),
    ("hr.dinkes", "Pengelola kepegawaian Dinas Kesehatan"),
    ("kabid.yankes", "Kepala Bidang Pelayanan Kesehatan (pejabat penilai)"),
    ("staf.yankes", "Pejabat fungsional, Bidang Pelayanan Kesehatan (pegawai, belum ada SKP 2026)"),
    ("staf2.yankes", "Pejabat fungsional, bidang yang sama (pegawai, SKP 2026 disetujui)"),
    ("sekda", "Sekretaris Daerah (pimpinan, baca saja)"),
    ("admin", "Superadmin (Django admin)"),
]

GOLONGAN_BY_ROLE = {
    "jpt_madya": ["43", "44"],
    "jpt_pratama": ["42", "43"],
    "administrator": ["41", "42"],
    "pengawas": ["33", "34"],
    "ahli_madya": ["41", "42"],
    "ahli_muda": ["33", "34"],
    "ahli_pertama": ["31", "32"],
    "terampil": ["22", "23", "24"],
    "pelaksana": ["22", "23", "24", "31", "32"],
}
PELAKSANA_LEVELS = [EducationLevel.SLTA, EducationLevel.D3, EducationLevel.S1]
GRADUATION_AGE = {"15": 18, "30": 21, "40": 22, "45": 27}
AGE_BY_ROLE = {
    "jpt_madya": (50, 57),
    "jpt_pratama": (45, 57),
    "administrator": (40, 56),
    "pengawas": (33, 55),
    "ahli_madya": (42, 58),
    "ahli_muda": (33, 55),
    "ahli_pertama": (24, 40),
    "terampil": (24, 50),
    "pelaksana": (23, 56),
}


@dataclass
class Slot:
    """A seat to fill: a position and what its holder should look like."""

    position: Position
    role: str  # key of GOLONGAN_BY_ROLE
    group: str | None  # education group that fits
    level: str  # EducationLevel value
    pppk_ok: bool


# role -> (manajerial level, minimum education, minimum golongan): PermenPANRB 38/2017 sets
# the manajerial level per jabatan (JPT madya 5 … pelaksana 1); minima are demo assumptions.
REQUIREMENTS = {
    "jpt_madya": (5, "40", "43"),
    "jpt_pratama": (4, "40", "41"),
    "administrator": (3, "40", "34"),
    "pengawas": (2, "40", "32"),
    "ahli_madya": (3, "40", "41"),
    "ahli_muda": (2, "40", "33"),
    "ahli_pertama": (1, "40", "31"),
    "terampil": (1, "30", "22"),
    "pelaksana": (1, "15", "21"),
}
TEKNIS_PREFIX = {
    "kesehatan": "T.KES",
    "informatika": "T.INF",
    "ekonomi": "T.EKO",
    "sosial": "T.SOS",
    "hukum": "T.HUK",
    "teknik": "T.TEK",
    "pertanian": "T.PER",
}
JF_GROUP = {name: group for jfs in D.FUNGSIONAL_BY_SECTOR.values() for name, group in jfs}
PELAKSANA_GROUP = dict(D.PELAKSANA_COMMON)
ABK_FUNGSIONAL = [
    ("Menyusun rencana dan bahan kegiatan {name}", "Dokumen", 240),
    ("Melaksanakan kegiatan teknis {name}", "Kegiatan", 90),
    ("Menyusun laporan dan evaluasi kegiatan", "Laporan", 120),
]
ABK_PELAKSANA = [
    ("Mengelola administrasi dan surat-menyurat", "Berkas", 30),
    ("Menginput dan memutakhirkan data", "Data", 15),
    ("Menyusun laporan berkala", "Laporan", 120),
]


def _role(position: Position) -> str:
    if position.jenis == "fungsional":
        return position.jenjang if position.jenjang in REQUIREMENTS else "ahli_pertama"
    if position.jenis in ("jpt_utama", "jpt_madya"):
        return "jpt_madya"
    return position.jenis


def _position_group(position: Position, sector_by_opd: dict[str, str]) -> str | None:
    if position.jenis == "fungsional":
        return JF_GROUP.get(position.name)
    if position.jenis == "pelaksana":
        return PELAKSANA_GROUP.get(position.name)
    opd_code = ".".join(position.code.split(".")[:2])
    return sector_by_opd.get(opd_code)


def _head_title(opd_name: str) -> str:
    if opd_name.startswith("Inspektorat"):
        return "Inspektur"
    if opd_name.startswith("Sekretariat"):
        return "Sekretaris DPRD"
    if opd_name.startswith(("RSUD", "Rumah Sakit", "RS")):
        return f"Direktur {opd_name}"
    return f"Kepala {opd_name}"


def _bidang_head_title(name: str) -> str:
    if name == "Sekretariat":
        return "Sekretaris"
    if name.startswith("Inspektur"):
        return name
    return f"Kepala {name}"


def contract_end(tmt: dt.date, years: int = 5) -> dt.date:
    """The last day of a PPPK perjanjian kerja of `years` from its TMT (docs/domain.md §4.5)."""
    return dt.date(tmt.year + years, tmt.month, 1) - dt.timedelta(days=1)


def _gelar(field: EducationField | None, level: str) -> tuple[str, str]:
    if field is None or level < EducationLevel.D3:
        return "", ""
    if field.code == "KES-DOK":
        return D.GELAR_DEPAN_DOKTER, "M.Kes." if level >= EducationLevel.S2 else ""
    if field.code == "PTN-KH":
        return D.GELAR_DEPAN_DOKTER_HEWAN, "M.Si." if level >= EducationLevel.S2 else ""
    s1, s2, d3 = D.GELAR_BY_FIELD_GROUP.get(field.group, ("S.Sos.", "M.Si.", "A.Md."))
    if level == EducationLevel.D3:
        return "", d3
    if level >= EducationLevel.S2:
        return "", f"{s1}, {s2}"
    return "", s1
