"""The vocabulary of the province-scale seed: the demo's, plus teachers, puskesmas and hospital
staff, the kabupaten/kota perangkat daerah and kecamatan units."""

from __future__ import annotations

from typing import Any

from demo import org_data as D
from demo.org_vocabulary import (
    JF_GROUP,
)

# The same vocabulary as the small demo, plus the teachers the demo does not need.
KEPSEK = "Guru (Kepala Sekolah)"  # a guru with the tugas tambahan: a JF post, not structural
SCALE_JF_GROUP = {**JF_GROUP, "Guru": "pendidikan", KEPSEK: "pendidikan"}
JF_KELAS = {"terampil": 6, "ahli_pertama": 8, "ahli_muda": 9, "ahli_madya": 11}
JF_JENJANG_WEIGHTS = {"ahli_pertama": 4, "ahli_muda": 3, "ahli_madya": 1, "terampil": 2}
# JF that also exist at keterampilan level (the others are keahlian only).
TERAMPIL_JF = {
    "Perawat",
    "Bidan",
    "Sanitarian",
    "Nutrisionis",
    "Pranata Laboratorium Kesehatan",
    "Pranata Komputer",
    "Statistisi",
    "Arsiparis",
    "Pustakawan",
    "Polisi Pamong Praja",
    "Penyuluh Pertanian",
    "Penyuluh Perikanan",
    "Penyuluh Kehutanan",
    "Pranata Hubungan Masyarakat",
}
FIELD_BY_JF = {
    "Dokter": "KES-DOK",
    "Perawat": "KES-KEP",
    "Bidan": "KES-BID",
    "Apoteker": "KES-FAR",
    "Nutrisionis": "KES-GIZ",
    "Sanitarian": "KES-KL",
    "Pranata Laboratorium Kesehatan": "KES-TLM",
    "Epidemiolog Kesehatan": "KES-KM",
    "Medik Veteriner": "PTN-KH",
}
# (jabatan, jenjang, weight) of the staff of a puskesmas and of a hospital bidang.
PUSKESMAS_STAFF = [
    ("Perawat", "terampil", 4),
    ("Bidan", "terampil", 4),
    ("Dokter", "ahli_pertama", 1),
    ("Sanitarian", "terampil", 1),
    ("Nutrisionis", "terampil", 1),
    ("Pranata Laboratorium Kesehatan", "terampil", 1),
]
HOSPITAL_STAFF = [
    ("Perawat", "terampil", 4),
    ("Perawat", "ahli_pertama", 3),
    ("Dokter", "ahli_muda", 1.5),
    ("Bidan", "terampil", 1),
    ("Apoteker", "ahli_pertama", 0.5),
    ("Pranata Laboratorium Kesehatan", "terampil", 0.5),
]
GURU_STAFF = [("Guru", "ahli_pertama", 4), ("Guru", "ahli_muda", 4), ("Guru", "ahli_madya", 2)]
INSTITUTIONS = [
    "Universitas Lampung",
    "Universitas Islam Negeri Raden Intan",
    "Institut Teknologi Sumatera",
    "Universitas Bandar Lampung",
    "Universitas Malahayati",
    "Universitas Muhammadiyah Metro",
    "Poltekkes Kemenkes Tanjungkarang",
    "Politeknik Negeri Lampung",
    "Universitas Gadjah Mada",
    "Universitas Sriwijaya",
    "Institut Pemerintahan Dalam Negeri",
]
OTHER_BIRTH_PLACES = ["Palembang", "Bengkulu", "Jakarta", "Serang", "Yogyakarta", "Padang"]
# Share of the non-structural staff per allocation group.
GROUP_SHARE = {
    "province": {"pendidikan": 0.45, "kesehatan": 0.20, "umum": 0.35},
    "kabkota": {"pendidikan": 0.48, "kesehatan": 0.22, "kecamatan": 0.06, "umum": 0.24},
}
PER_SCHOOL = {"province": 30, "kabkota": 20}

_OPD = {opd["code"]: opd for opd in D.OPD}


def _bidang(name: str, *subunits: str) -> dict[str, Any]:
    return {"name": name, "subunits": list(subunits)}


def _kabkota_opd() -> list[dict[str, Any]]:
    """Perangkat daerah of a kabupaten/kota: the province's where the same dinas exists,
    renamed or restructured where a kabupaten/kota differs (Bagian instead of Biro, BKPSDM,
    schools SD/SMP, one Dinas PUPR, its own RSUD)."""

    def like(base: str, **changes: Any) -> dict[str, Any]:
        return {**_OPD[base], **changes}

    setda = _OPD["SETDA"]
    return [
        like(
            "SETDA",
            bidang=[
                {
                    **b,
                    "name": b["name"].replace("Biro", "Bagian", 1),
                    "subunits": [s.replace("Bagian", "Subbagian", 1) for s in b["subunits"]],
                }
                for b in setda["bidang"]
            ],
        ),
        like(
            "BKD",
            name="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            short="BKPSDM",
            bidang=[
                _bidang("Sekretariat", "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"),
                _bidang(
                    "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
                    "Subbidang Pengadaan dan Pemberhentian",
                    "Subbidang Data dan Informasi Kepegawaian",
                ),
                _bidang(
                    "Bidang Mutasi dan Promosi",
                    "Subbidang Mutasi",
                    "Subbidang Kepangkatan dan Promosi",
                ),
                _bidang(
                    "Bidang Pengembangan Sumber Daya Manusia",
                    "Subbidang Pengembangan Kompetensi",
                    "Subbidang Penilaian Kinerja Aparatur",
                ),
            ],
        ),
        like(
            "DISDIKBUD",
            bidang=[
                _bidang("Sekretariat", "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"),
                _bidang(
                    "Bidang Pembinaan Sekolah Dasar",
                    "Seksi Kurikulum dan Penilaian SD",
                    "Seksi Peserta Didik dan Pembangunan Karakter SD",
                ),
                _bidang(
                    "Bidang Pembinaan Sekolah Menengah Pertama",
                    "Seksi Kurikulum dan Penilaian SMP",
                    "Seksi Kelembagaan dan Sarana Prasarana SMP",
                ),
                _bidang(
                    "Bidang Pembinaan PAUD dan Pendidikan Nonformal",
                    "Seksi Pembinaan PAUD",
                    "Seksi Pendidikan Masyarakat",
                ),
            ],
        ),
        _OPD["DINKES"],
        _OPD["INSPEKTORAT"],
        _OPD["BAPPEDA"],
        _OPD["BPKAD"],
        _OPD["SETWAN"],
        _OPD["BAPENDA"],
        like("RSUDAM", code="RSUD", name="Rumah Sakit Umum Daerah", short="RSUD"),
        like(
            "BMBK",
            code="PUPR",
            name="Dinas Pekerjaan Umum dan Penataan Ruang",
            short="PUPR",
            bidang=[
                _bidang("Sekretariat", "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"),
                _OPD["BMBK"]["bidang"][1],
                _OPD["PSDA"]["bidang"][1],
                _bidang(
                    "Bidang Penataan Ruang",
                    "Seksi Perencanaan Tata Ruang",
                    "Seksi Pengendalian Pemanfaatan Ruang",
                ),
            ],
        ),
        _OPD["PERKIM"],
        _OPD["SATPOLPP"],
        _OPD["DINSOS"],
        _OPD["DISNAKER"],
        _OPD["DKPTPH"],
        _OPD["DLH"],
        _OPD["DISDUKCAPIL"],
        _OPD["DISHUB"],
        _OPD["DISKOPUKM"],
        _OPD["DPMPTSP"],
        _OPD["DISPORA"],
        _OPD["DISPUSIP"],
        like("DKP", name="Dinas Perikanan"),
        _OPD["DISPAREKRAF"],
        like("DISKOMINFOTIK", name="Dinas Komunikasi dan Informatika"),
        like("DPMDT", name="Dinas Pemberdayaan Masyarakat dan Desa"),
        _OPD["DPPPA"],
        _OPD["BPBD"],
        _OPD["KESBANGPOL"],
        _OPD["DISNAKKESWAN"],
    ]


# Most important first: a scaled-down instansi keeps the head of the list.
PROVINCE_FIRST = ["SETDA", "BKD", "DISDIKBUD", "DINKES", "INSPEKTORAT", "BAPPEDA", "BPSDM"]
PROVINCE_OPD = [_OPD[c] for c in PROVINCE_FIRST] + [
    opd for opd in D.OPD if opd["code"] not in PROVINCE_FIRST
]
KABKOTA_OPD = _kabkota_opd()
HOSPITAL_CODES = {"RSUDAM", "RSJ", "RSUDBNH", "RSUD"}
KECAMATAN_UNITS = [
    ("Seksi Pemerintahan", "unit"),
    ("Seksi Ketenteraman dan Ketertiban Umum", "unit"),
    ("Seksi Pemberdayaan Masyarakat dan Desa", "unit"),
]
