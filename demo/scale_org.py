"""Province-scale demo data (`seed_demo --scale lampung`): Pemerintah Provinsi Lampung and the
15 kabupaten/kota of docs/domain.md §8.1, about 120,000 employees in all. This module builds the
positions part of one instansi; SKPs and training come from the performance and training apps
(`seed_scale_performance`, `seed_scale_training`), which read what is built here.

One instansi gets:

* an OrgUnit tree: instansi → perangkat daerah (the province's OPD vocabulary of
  demo.org_data, adapted where a kabupaten/kota names or splits a dinas differently, plus
  kecamatan) → bidang/bagian → subbidang/seksi, with UPTD schools under the education bidang and
  UPTD puskesmas under the Dinas Kesehatan;
* structural posts (JPT → administrator → pengawas) whose `parent` links form the penilai
  chain, and JF and pelaksana posts under them with a kebutuhan near their bezetting;
* employees with valid, unique NIP / NI PPPK, educations, one open definitive placement each
  (a third with earlier placements closed by a mutasi SK), a Plt in some vacant structural
  posts, leadership training for most structural holders, HR scopes and four logins.

Sizes: docs/domain.md §8.3 gives no verified ASN totals, so the split per instansi below is
plausible (larger kabupaten larger, teachers and health workers the biggest groups) and keeps
the one figure it does give: the 5,469 PPPK the province appointed in July 2025. Kecamatan
counts are plausible as well, and their names are placeholders.

Speed: rows are plain tuples written by `RowWriter` (COPY on PostgreSQL), treebeard paths are
computed here instead of calling add_child per node, and ids are reserved before rows are
written, so one instansi costs a few dozen queries whatever its size.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model

from demo import org_data as D
from demo.org import (
    AGE_BY_ROLE,
    GOLONGAN_BY_ROLE,
    JF_GROUP,
    PELAKSANA_GROUP,
    REQUIREMENTS,
    _bidang_head_title,
    _gelar,
    _head_title,
)
from positions.models import (
    LEADERSHIP_BY_JENIS,
    STRUCTURAL_JENIS,
    Education,
    EducationField,
    EducationLevel,
    Employee,
    HRScope,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
)

SEED = 2026
FULL_SCALE = 120_000
# Every current definitive placement starts on or before this day (except the 2025
# appointments below), so each employee's SKP 2025 covers a single period.
ASOF = dt.date(2025, 1, 1)
WIB = ZoneInfo("Asia/Jakarta")
CREATED_AT = dt.datetime(2026, 1, 2, 8, 0, tzinfo=WIB)  # never the run time: data is deterministic
# docs/domain.md §8.3: 5,469 PPPK of the province (formasi 2024) installed on 30 July 2025.
PROVINCE_PPPK_2025 = 5_469
PPPK_2025_TMT = dt.date(2025, 8, 1)
PPPK_2025_SK = dt.date(2025, 7, 30)
CPNS_2025_TMT = dt.date(2025, 6, 1)


@dataclass(frozen=True)
class InstansiSpec:
    code: str
    name: str
    slug: str  # login suffix: bkpsdm.<slug>, sekda.<slug>, ...
    capital: str
    asn: int  # employees at full scale
    kecamatan: int  # 0 for the province

    @property
    def is_province(self) -> bool:
        return self.code == "18"

    @property
    def short(self) -> str:
        return (
            self.name.removeprefix("Pemerintah ").removeprefix("Kabupaten ").removeprefix("Kota ")
        )

    @property
    def email_domain(self) -> str:
        if self.is_province:
            return "demo.lampungprov.go.id"
        return f"demo.{self.slug}{'kota' if 'Kota ' in self.name else 'kab'}.go.id"


# Codes as in docs/domain.md §8.1 (Kemendagri). The province is built last: a database with the
# province root but no kabupaten/kota root holds the small demo, not an interrupted scale run.
INSTANSI = [
    InstansiSpec("18.01", "Pemerintah Kabupaten Lampung Barat", "lampungbarat", "Liwa", 4_900, 15),
    InstansiSpec("18.02", "Pemerintah Kabupaten Tanggamus", "tanggamus", "Kota Agung", 7_500, 20),
    InstansiSpec(
        "18.03", "Pemerintah Kabupaten Lampung Selatan", "lampungselatan", "Kalianda", 9_000, 17
    ),
    InstansiSpec(
        "18.04", "Pemerintah Kabupaten Lampung Timur", "lampungtimur", "Sukadana", 11_000, 24
    ),
    InstansiSpec(
        "18.05", "Pemerintah Kabupaten Lampung Tengah", "lampungtengah", "Gunung Sugih", 12_500, 28
    ),
    InstansiSpec(
        "18.06", "Pemerintah Kabupaten Lampung Utara", "lampungutara", "Kotabumi", 8_000, 23
    ),
    InstansiSpec(
        "18.07", "Pemerintah Kabupaten Way Kanan", "waykanan", "Blambangan Umpu", 5_800, 14
    ),
    InstansiSpec(
        "18.08", "Pemerintah Kabupaten Tulang Bawang", "tulangbawang", "Menggala", 5_200, 15
    ),
    InstansiSpec(
        "18.09", "Pemerintah Kabupaten Pesawaran", "pesawaran", "Gedong Tataan", 5_200, 11
    ),
    InstansiSpec("18.10", "Pemerintah Kabupaten Pringsewu", "pringsewu", "Pringsewu", 5_300, 9),
    InstansiSpec("18.11", "Pemerintah Kabupaten Mesuji", "mesuji", "Wiralaga Mulya", 3_500, 7),
    InstansiSpec(
        "18.12",
        "Pemerintah Kabupaten Tulang Bawang Barat",
        "tulangbawangbarat",
        "Panaragan",
        4_100,
        9,
    ),
    InstansiSpec("18.13", "Pemerintah Kabupaten Pesisir Barat", "pesisirbarat", "Krui", 3_500, 11),
    InstansiSpec(
        "18.71", "Pemerintah Kota Bandar Lampung", "bandarlampung", "Tanjung Karang", 11_500, 20
    ),
    InstansiSpec("18.72", "Pemerintah Kota Metro", "metro", "Metro Pusat", 4_000, 5),
    InstansiSpec("18", "Pemerintah Provinsi Lampung", "lampung", "Bandar Lampung", 19_000, 0),
]
SCALE_CODES = {spec.code for spec in INSTANSI}
PROVINCE_CODE = "18"


def login_rows(spec: InstansiSpec) -> list[tuple[str, str]]:
    """(username, description) of the four logins of an instansi."""
    hr = "bkd" if spec.is_province else "bkpsdm"
    agency = "BKD" if spec.is_province else "BKPSDM"
    return [
        (f"{hr}.{spec.slug}", f"Pengelola kepegawaian {agency} (seluruh {spec.short})"),
        (f"sekda.{spec.slug}", "Sekretaris Daerah (pimpinan, baca saja)"),
        (f"kabid.{spec.slug}", "Kepala Bidang (pejabat penilai)"),
        (f"pegawai.{spec.slug}", "Pegawai JF/pelaksana yang dinilai kabid tersebut"),
    ]


def plan(total: int) -> list[tuple[InstansiSpec, int]]:
    """Employees per instansi: the full-scale split scaled to `total` (largest remainder)."""
    counts = apportion(total, [spec.asn for spec in INSTANSI])
    return list(zip(INSTANSI, counts, strict=True))


class ScaleDataRefused(Exception):
    """The database holds data the scale build must not mix with."""


def pending(planned: list[tuple[InstansiSpec, int]]) -> list[tuple[InstansiSpec, int]]:
    """The instansi still to build. Refuses when other organisation data is present: the
    small demo (province root without any kabupaten/kota root) or unrelated roots."""
    roots = set(OrgUnit.objects.get_root_nodes().values_list("code", flat=True))
    foreign = sorted(roots - SCALE_CODES)
    if foreign:
        raise ScaleDataRefused(
            f"Basis data sudah berisi unit organisasi lain (akar: {', '.join(foreign[:5])}). "
            "Data skala provinsi dibangun di basis data kosong: createdb + migrate."
        )
    if PROVINCE_CODE in roots and not roots & (SCALE_CODES - {PROVINCE_CODE}):
        raise ScaleDataRefused(
            "Basis data berisi data demo kecil (seed_demo tanpa --scale). Data skala provinsi "
            "dibangun di basis data kosong: createdb + migrate, lalu seed_demo --scale lampung."
        )
    return [(spec, n) for spec, n in planned if spec.code not in roots]


def scale_roots() -> list[OrgUnit]:
    """The instansi roots built by the scale seed, in build order."""
    roots = {u.code: u for u in OrgUnit.objects.get_root_nodes().filter(code__in=SCALE_CODES)}
    return [roots[spec.code] for spec in INSTANSI if spec.code in roots]


def spec_for(code: str) -> InstansiSpec:
    return next(spec for spec in INSTANSI if spec.code == code)


def hr_user_id(root: OrgUnit) -> int | None:
    """The pengelola login of an instansi (sets predikat organisasi, verifies training)."""
    return (
        HRScope.objects.filter(unit=root, role=HRScope.Role.PENGELOLA)
        .order_by("pk")
        .values_list("user_id", flat=True)
        .first()
    )


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` into integers proportional to `weights` (largest remainder)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    exact = [total * w / weight_sum for w in weights]
    result = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (result[i] - exact[i], i))
    for i in by_remainder[: total - sum(result)]:
        result[i] += 1
    return result


def root_path(code: str) -> str:
    """A root's path: its rank among the scale codes, so roots stay ordered by code (treebeard's
    node_order_by) whichever of them exist already."""
    rank = sorted(SCALE_CODES).index(code) + 1
    return step(rank)


def step(number: int) -> str:
    """One treebeard path step (steplen characters of the model's alphabet)."""
    key = OrgUnit.numconv_obj().int2str(number)
    return OrgUnit.alphabet[0] * (OrgUnit.steplen - len(key)) + key


# --- Writing rows -----------------------------------------------------------------------


class RowWriter:
    """Writes plain tuples straight into a model's table: COPY on PostgreSQL, executemany
    elsewhere. No model instances, no signals (so no simple_history rows either). Ids can be
    reserved first so rows can point at each other before any of them is written."""

    def __init__(self, using: str = DEFAULT_DB_ALIAS) -> None:
        self.connection = connections[using]
        self.postgres = self.connection.vendor == "postgresql"
        self._next_id: dict[type[Model], int] = {}
        self.counts: Counter[str] = Counter()

    def reserve_ids(self, model: type[Model], n: int) -> list[int]:
        if n <= 0:
            return []
        table = model._meta.db_table
        with self.connection.cursor() as cursor:
            if self.postgres:
                # Drawn from the table's own sequence: later ORM inserts never collide.
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [table, n],
                )
                return [row[0] for row in cursor.fetchall()]
            if model not in self._next_id:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {self._qn(table)}")  # nosec B608  # table name from model _meta, quoted; no user input
                self._next_id[model] = cursor.fetchone()[0] + 1
        start = self._next_id[model]
        self._next_id[model] = start + n
        return list(range(start, start + n))

    def write(
        self, model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> int:
        """Insert rows whose values follow `fields` (field names or attnames such as
        "employee_id"). JSON values must already be strings."""
        opts = model._meta
        model_fields = [opts.get_field(name) for name in fields]
        columns = ", ".join(self._qn(f.column) for f in model_fields)
        table = self._qn(opts.db_table)
        written = 0
        with self.connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        written += 1
            else:
                sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # nosec B608  # identifiers from model _meta, quoted; values are %s parameters
                converters = [self._converter(f) for f in model_fields]
                batch: list[Sequence[Any]] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) == 2000:
                        written += self._execute(cursor, sql, batch, converters)
                        batch = []
                written += self._execute(cursor, sql, batch, converters)
        self.counts[opts.label] += written
        return written

    def _execute(
        self,
        cursor: Any,
        sql: str,
        batch: list[Sequence[Any]],
        converters: list[Callable[[Any], Any] | None],
    ) -> int:
        if not batch:
            return 0
        if any(converters):
            batch = [
                tuple(
                    c(v) if c and v is not None else v for c, v in zip(converters, row, strict=True)
                )
                for row in batch
            ]
        cursor.executemany(sql, batch)
        return len(batch)

    def _converter(self, model_field: Any) -> Callable[[Any], Any] | None:
        # SQLite keeps datetimes and times as text; dates, decimals and bools adapt natively.
        internal_type = model_field.get_internal_type()
        if internal_type == "DateTimeField":
            return self.connection.ops.adapt_datetimefield_value
        if internal_type == "TimeField":
            return self.connection.ops.adapt_timefield_value
        return None

    def _qn(self, name: str) -> str:
        return self.connection.ops.quote_name(name)


# --- Vocabulary ----------------------------------------------------------------------------

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


# --- Building one instansi ------------------------------------------------------------------


@dataclass(eq=False)
class _Unit:
    code: str
    name: str
    kind: str
    parent: _Unit | None
    children: list[_Unit] = field(default_factory=list)
    id: int = 0
    path: str = ""
    depth: int = 0


@dataclass(eq=False)
class _Post:
    unit: _Unit
    code: str
    name: str
    jenis: str
    kelas: int
    parent: _Post | None
    jenjang: str = ""
    kebutuhan: int = 1
    group: str | None = None  # education group that fits the post
    holders: int = 0  # definitive holders to create
    plt: bool = False  # vacant structural post held by a Plt
    id: int = 0

    @property
    def role(self) -> str:
        """Key of the demo's GOLONGAN_BY_ROLE / AGE_BY_ROLE / REQUIREMENTS tables."""
        if self.jenis == "fungsional":
            return self.jenjang
        if self.jenis in ("jpt_utama", "jpt_madya"):
            return "jpt_madya"
        return self.jenis

    @property
    def is_structural(self) -> bool:
        return self.jenis in STRUCTURAL_JENIS


@dataclass(eq=False)
class _Container:
    """Where JF/pelaksana staff sit: a unit and the post their posts report to."""

    kind: str  # bidang, subunit, school, puskesmas, hospital, kecamatan
    unit: _Unit
    head: _Post
    sector: str
    group: str  # allocation group of GROUP_SHARE
    weight: float


@dataclass
class ScaleContext:
    """What the instansi builds share: reference rows, the NIP sequence, one password hash."""

    writer: RowWriter
    fields: dict[str, EducationField]
    password_hash: str
    nip_seq: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, writer: RowWriter, password_hash: str) -> ScaleContext:
        fields = {}
        for row in [*D.EDUCATION_FIELDS, *D.SLTA_FIELDS]:
            obj, _ = EducationField.objects.get_or_create(
                code=row["code"], defaults={"name": row["name"], "group": row["group"] or "umum"}
            )
            fields[row["code"]] = obj
        context = cls(writer=writer, fields=fields, password_hash=password_hash)
        # An earlier (interrupted) run's NIPs keep their sequence numbers.
        for nip in Employee.objects.values_list("nip", flat=True).iterator(chunk_size=20_000):
            prefix = nip[:15]
            context.nip_seq[prefix] = max(context.nip_seq.get(prefix, 0), int(nip[15:]))
        return context


class InstansiBuilder:
    def __init__(self, spec: InstansiSpec, n_employees: int, context: ScaleContext) -> None:
        self.spec = spec
        self.n = n_employees
        self.context = context
        self.rng = random.Random(f"scale-{SEED}-{spec.code}-{n_employees}")  # nosec B311  # seeded for reproducible benchmark data
        self.level = "province" if spec.is_province else "kabkota"
        self.units: list[_Unit] = []
        self.posts: list[_Post] = []
        self.containers: list[_Container] = []
        self.kabid: _Post | None = None
        fields_by_group: dict[str, list[EducationField]] = {}
        for row in D.EDUCATION_FIELDS:
            fields_by_group.setdefault(row["group"], []).append(context.fields[row["code"]])
        self.fields_by_group = fields_by_group
        self.slta_fields = [context.fields[row["code"]] for row in D.SLTA_FIELDS]
        self.birth_places = [s.capital for s in INSTANSI if not s.is_province]

    def build(self) -> dict[str, int]:
        """Write the whole instansi (call inside a transaction); return row counts."""
        self._structure()
        self._staff_posts()
        self._ids_and_paths()
        employees = self._write_structure_and_people()
        self._logins(employees)
        return {
            "unit": len(self.units),
            "position": len(self.posts),
            "employee": len(employees),
        }

    # --- structure ---------------------------------------------------------------------

    def _unit(self, parent: _Unit | None, code: str, name: str, kind: str) -> _Unit:
        unit = _Unit(code=code, name=name, kind=kind, parent=parent)
        if parent is not None:
            parent.children.append(unit)
        self.units.append(unit)
        return unit

    def _post(
        self,
        unit: _Unit,
        suffix: str,
        name: str,
        jenis: str,
        kelas: int,
        parent: _Post | None,
        *,
        always_filled: bool = False,
        **extra: Any,
    ) -> _Post:
        post = _Post(
            unit=unit,
            code=f"{unit.code}.{suffix}",
            name=name,
            jenis=jenis,
            kelas=kelas,
            parent=parent,
            **extra,
        )
        if post.is_structural:
            # ~3% of structural posts are vacant; half of those get a Plt (see _placements).
            vacant = not always_filled and self.rng.random() < 0.03
            post.holders = 0 if vacant else 1
            post.plt = vacant and self.rng.random() < 0.5
        self.posts.append(post)
        return post

    def _sizes(self) -> tuple[int, int, int]:
        """(perangkat daerah, bidang per OPD, subunits per bidang) for the instansi's size."""
        catalogue = PROVINCE_OPD if self.spec.is_province else KABKOTA_OPD
        if self.n >= 2500:
            return len(catalogue), 4, 2
        if self.n >= 600:
            return min(len(catalogue), max(4, self.n // 80)), 4, 1
        return min(len(catalogue), max(2, self.n // 60)), 2, 1

    def _structure(self) -> None:
        spec = self.spec
        province = spec.is_province
        self.root = self._unit(None, spec.code, spec.name, OrgUnit.Kind.INSTANSI)
        n_opd, n_bidang, n_sub = self._sizes()
        catalogue = (PROVINCE_OPD if province else KABKOTA_OPD)[:n_opd]
        opd_units: dict[str, _Unit] = {}
        heads: dict[str, _Post] = {}
        sekda: _Post | None = None
        for opd in catalogue:
            name = opd["name"]
            if opd["code"] == "RSUD":
                name = f"Rumah Sakit Umum Daerah {spec.capital}"
            unit = self._unit(
                self.root, f"{spec.code}.{opd['code']}", name, OrgUnit.Kind.PERANGKAT_DAERAH
            )
            opd_units[opd["code"]] = unit
            if opd["code"] == "SETDA":
                head = sekda = self._post(
                    unit,
                    "SEKDA",
                    "Sekretaris Daerah",
                    "jpt_madya" if province else "jpt_pratama",
                    16 if province else 15,
                    None,
                    always_filled=True,
                    group="sosial",
                )
            else:
                head = self._post(
                    unit, "KEPALA", _head_title(name), "jpt_pratama", 14, sekda, group=opd["sector"]
                )
            heads[opd["code"]] = head
            for b_index, bidang in enumerate(opd["bidang"][:n_bidang], start=1):
                b_unit = self._unit(unit, f"{unit.code}.B{b_index}", bidang["name"], "unit")
                is_biro = bidang["name"].startswith("Biro")
                sector = bidang.get("sector", opd["sector"])
                b_head = self._post(
                    b_unit,
                    "KEPALA",
                    _bidang_head_title(bidang["name"]),
                    "jpt_pratama" if is_biro else "administrator",
                    14 if is_biro else (12 if bidang["name"] == "Sekretariat" else 11),
                    head,
                    group=sector,
                )
                hospital = opd["code"] in HOSPITAL_CODES and not bidang["name"].startswith("Bagian")
                if hospital:
                    self._container("hospital", b_unit, b_head, sector, "kesehatan", 2)
                else:
                    self._container("bidang", b_unit, b_head, sector, "umum", 2)
                for s_index, sub_name in enumerate(bidang["subunits"][:n_sub], start=1):
                    s_unit = self._unit(b_unit, f"{b_unit.code}.S{s_index}", sub_name, "sub_unit")
                    s_head = self._post(
                        s_unit, "KEPALA", f"Kepala {sub_name}", "pengawas", 9, b_head, group=sector
                    )
                    self._container("subunit", s_unit, s_head, sector, "umum", 1)
                if opd["code"] == "DINKES" and b_index == 2 and b_head.holders:
                    self.kabid = b_head  # the demo's kabid.yankes, at scale
        if self.kabid is None:
            self.kabid = next(
                (p for p in self.posts if p.jenis == "administrator" and p.holders), None
            )
        assert sekda is not None  # nosec B101  # type narrowing: every generated instansi has a Sekda post
        n_kec = self._kecamatan(sekda)
        if "DISDIKBUD" in opd_units:
            self._schools(opd_units["DISDIKBUD"])
        if "DINKES" in opd_units and not province and self.n >= 100:
            self._puskesmas(opd_units["DINKES"], heads["DINKES"], max(n_kec, 1))

    def _container(
        self, kind: str, unit: _Unit, head: _Post, sector: str, group: str, weight: float
    ) -> None:
        weight *= self.rng.uniform(0.6, 1.4)
        self.containers.append(_Container(kind, unit, head, sector, group, weight))

    def _kecamatan(self, sekda: _Post) -> int:
        spec = self.spec
        if not spec.kecamatan:
            return 0
        n_kec = round(spec.kecamatan * self.n / spec.asn)
        if self.n >= 100:
            n_kec = max(n_kec, 1)
        for i in range(1, n_kec + 1):
            unit = self._unit(
                self.root, f"{spec.code}.KEC{i:02d}", f"Kecamatan {i:02d}", "perangkat_daerah"
            )
            camat = self._post(unit, "CAMAT", "Camat", "administrator", 12, sekda, group="sosial")
            sekret = self._unit(unit, f"{unit.code}.B1", "Sekretariat Kecamatan", "unit")
            sekcam = self._post(
                sekret, "KEPALA", "Sekretaris Kecamatan", "administrator", 10, camat
            )
            subbag = self._unit(
                sekret, f"{sekret.code}.S1", "Subbagian Umum dan Kepegawaian", "sub_unit"
            )
            head = self._post(
                subbag, "KEPALA", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", 9, sekcam
            )
            self._container("kecamatan", subbag, head, "administrasi", "kecamatan", 1)
            for index, (name, kind) in enumerate(KECAMATAN_UNITS, start=2):
                seksi = self._unit(unit, f"{unit.code}.B{index}", name, kind)
                head = self._post(seksi, "KEPALA", f"Kepala {name}", "pengawas", 9, camat)
                self._container("kecamatan", seksi, head, "administrasi", "kecamatan", 1)
        return n_kec

    def _schools(self, disdik: _Unit) -> None:
        """UPTD satuan pendidikan under the bidang of SMA/SMK (province) or SD/SMP."""
        bidangs = disdik.children[1:3]
        if not bidangs:
            return
        staff = self.n * GROUP_SHARE[self.level]["pendidikan"]
        n_schools = max(1, round(staff / PER_SCHOOL[self.level]))
        shares = [0.55, 0.45] if self.spec.is_province else [0.7, 0.3]
        split = apportion(n_schools, shares[: len(bidangs)])
        kinds = ["SMA", "SMK"] if self.spec.is_province else ["SD", "SMP"]
        towns = [s.capital for s in INSTANSI if not s.is_province]
        heads = {p.unit: p for p in self.posts if p.code.endswith(".KEPALA")}
        for bidang, count, kind in zip(bidangs, split, kinds, strict=False):
            b_head = heads[bidang]
            for i in range(count):
                if self.spec.is_province:
                    name = f"UPTD {kind} Negeri {i // len(towns) + 1} {towns[i % len(towns)]}"
                else:
                    name = f"UPTD {kind} Negeri {i + 1} {self.spec.short}"
                unit = self._unit(bidang, f"{bidang.code}.U{i + 1:03d}", name, "uptd")
                kepsek = self._post(
                    unit,
                    "KEPSEK",
                    KEPSEK,
                    "fungsional",
                    JF_KELAS["ahli_madya"],
                    b_head,
                    jenjang="ahli_madya",
                    group="pendidikan",
                    holders=1,
                )
                self._container("school", unit, kepsek, "pendidikan", "pendidikan", 1)

    def _puskesmas(self, dinkes: _Unit, kadis: _Post, count: int) -> None:
        for i in range(1, count + 1):
            name = f"UPTD Puskesmas Kecamatan {i:02d}"
            unit = self._unit(dinkes, f"{dinkes.code}.PKM{i:02d}", name, "uptd")
            head = self._post(
                unit, "KEPALA", f"Kepala {name}", "pengawas", 9, kadis, group="kesehatan"
            )
            self._container("puskesmas", unit, head, "kesehatan", "kesehatan", 1)

    # --- JF and pelaksana posts ------------------------------------------------------------

    def _staff_posts(self) -> None:
        rng = self.rng
        filled = sum(p.holders for p in self.posts)
        staff = self.n - filled
        if staff < 0:
            raise ValueError(
                f"{self.spec.name}: {self.n} pegawai terlalu sedikit untuk strukturnya."
            )
        shares = GROUP_SHARE[self.level]
        groups = sorted({c.group for c in self.containers})
        per_group = dict(zip(groups, apportion(staff, [shares[g] for g in groups]), strict=True))
        for group in groups:
            members = [c for c in self.containers if c.group == group]
            counts = apportion(per_group[group], [c.weight for c in members])
            for container, holders in zip(members, counts, strict=True):
                self._fill_container(container, holders)
        # Every JF/pelaksana post gets a kebutuhan near its bezetting: mostly short of staff,
        # a few over (selisih lebih), as a real peta jabatan.
        for post in self.posts:
            if post.is_structural or post.name == KEPSEK:
                continue
            h = post.holders
            if h == 0:
                post.kebutuhan = rng.randint(1, 3)
            elif rng.random() < 0.05:
                post.kebutuhan = max(1, h - 1 - round(h * 0.1))
            else:
                post.kebutuhan = h + rng.choice([0, 0, 1, 1, 2]) + round(h * rng.uniform(0, 0.15))

    def _fill_container(self, container: _Container, holders: int) -> None:
        rng = self.rng
        unit, head = container.unit, container.head
        specs: list[tuple[str, str, float]]  # (jabatan, jenjang or "" for pelaksana, weight)
        if container.kind == "school":
            specs = list(GURU_STAFF)
        elif container.kind == "puskesmas":
            specs = [*PUSKESMAS_STAFF[:3], rng.choice(PUSKESMAS_STAFF[3:])]
        elif container.kind == "hospital":
            specs = rng.sample(HOSPITAL_STAFF[:3], 3) + rng.sample(HOSPITAL_STAFF[3:], 1)
        elif container.kind == "bidang":
            choices = D.FUNGSIONAL_BY_SECTOR[container.sector]
            specs = []
            for name, _ in rng.sample(choices, k=min(len(choices), rng.choice([1, 2, 2, 3]))):
                jenjangs = [j for j in JF_JENJANG_WEIGHTS if j != "terampil" or name in TERAMPIL_JF]
                weights = [JF_JENJANG_WEIGHTS[j] for j in jenjangs]
                specs.append((name, rng.choices(jenjangs, weights)[0], rng.uniform(1, 3)))
        else:  # subunit, kecamatan: pelaksana
            names = rng.sample(D.PELAKSANA_COMMON, k=rng.choice([1, 2]))
            specs = [(name, "", rng.uniform(1, 3)) for name, _ in names]
        counts = apportion(holders, [w for _, _, w in specs])
        for index, ((name, jenjang, _), count) in enumerate(zip(specs, counts, strict=True), 1):
            if jenjang:
                post = self._post(
                    unit,
                    f"JF{index}",
                    name,
                    "fungsional",
                    JF_KELAS[jenjang],
                    head,
                    jenjang=jenjang,
                    group=SCALE_JF_GROUP.get(name),
                )
            else:
                post = self._post(
                    unit,
                    f"PL{index}",
                    name,
                    "pelaksana",
                    rng.choice([5, 6, 7]),
                    head,
                    group=PELAKSANA_GROUP.get(name),
                )
            post.holders = count

    def _ids_and_paths(self) -> None:
        writer = self.context.writer
        for unit, pk in zip(self.units, writer.reserve_ids(OrgUnit, len(self.units)), strict=True):
            unit.id = pk
        for post, pk in zip(self.posts, writer.reserve_ids(Position, len(self.posts)), strict=True):
            post.id = pk

        def assign(unit: _Unit, path: str, depth: int) -> None:
            unit.path, unit.depth = path, depth
            # treebeard keeps siblings in node_order_by (code) order along their paths.
            for i, child in enumerate(sorted(unit.children, key=lambda u: u.code), start=1):
                assign(child, path + step(i), depth + 1)

        assign(self.root, root_path(self.spec.code), 1)

    # --- people ----------------------------------------------------------------------------

    def _write_structure_and_people(self) -> list[dict[str, Any]]:
        writer, rng = self.context.writer, self.rng
        writer.write(
            OrgUnit,
            ["id", "path", "depth", "numchild", "code", "name", "kind"],
            (
                (u.id, u.path, u.depth, len(u.children), u.code, u.name, u.kind)
                for u in sorted(self.units, key=lambda u: u.path)
            ),
        )
        writer.write(
            Position,
            [
                "id",
                "unit_id",
                "code",
                "name",
                "jenis",
                "jenjang",
                "kelas",
                "parent_id",
                "kebutuhan",
                "is_active",
                "ikhtisar",
                "uraian_tugas",
                "min_education_level",
                "min_golongan",
            ],
            (
                (
                    p.id,
                    p.unit.id,
                    p.code,
                    p.name,
                    p.jenis,
                    p.jenjang,
                    p.kelas,
                    p.parent.id if p.parent else None,
                    p.kebutuhan,
                    True,
                    "",
                    "",
                    REQUIREMENTS[p.role][1],
                    REQUIREMENTS[p.role][2],
                )
                for p in self.posts
            ),
        )

        # One seat per planned holder; the province's 2025 PPPK, other PPPK and the 2025 CPNS
        # are drawn among the JF/pelaksana seats (structural posts and school heads are PNS).
        seats = [post for post in self.posts for _ in range(post.holders)]
        open_seats = [
            i for i, post in enumerate(seats) if not post.is_structural and post.name != KEPSEK
        ]
        modes = ["pns"] * len(seats)
        wave = 0
        if self.spec.is_province:
            wave = min(len(open_seats), round(PROVINCE_PPPK_2025 * self.n / self.spec.asn))
        for i in rng.sample(open_seats, wave):
            modes[i] = "pppk2025"
        pppk_share = 0.08 if self.spec.is_province else 0.22
        for i in open_seats:
            if modes[i] == "pns":
                roll = rng.random()
                modes[i] = "pppk" if roll < pppk_share else ("cpns" if roll > 0.98 else "pns")

        ids = writer.reserve_ids(Employee, len(seats))
        people = [
            self._person(pk, post, mode) for pk, post, mode in zip(ids, seats, modes, strict=True)
        ]
        writer.write(
            Employee,
            [
                "id",
                "nip",
                "name",
                "gelar_depan",
                "gelar_belakang",
                "kind",
                "gender",
                "birth_date",
                "birth_place",
                "golongan",
                "tmt_golongan",
                "status",
                "unit_id",
                "email",
                "latest_predikat",
            ],
            (
                (
                    p["id"],
                    p["nip"],
                    p["name"],
                    p["gelar_depan"],
                    p["gelar_belakang"],
                    p["kind"],
                    p["gender"],
                    p["birth_date"],
                    p["birth_place"],
                    p["golongan"],
                    p["tmt_golongan"],
                    Employee.Status.AKTIF,
                    p["post"].unit.id,
                    f"{p['nip']}@{self.spec.email_domain}",
                    "",
                )
                for p in people
            ),
        )
        writer.write(
            Education,
            ["employee_id", "level", "field_id", "institution", "graduation_year"],
            (row for p in people for row in p["educations"]),
        )
        writer.write(
            Placement,
            [
                "employee_id",
                "position_id",
                "kind",
                "start_date",
                "end_date",
                "end_reason",
                "sk_number",
                "sk_date",
                "is_structural",
                "created_at",
            ],
            self._placements(people),
        )
        writer.write(
            LeadershipTraining,
            ["employee_id", "kind", "year", "certificate_number"],
            self._leadership(people),
        )
        return people

    def _person(self, pk: int, post: _Post, mode: str) -> dict[str, Any]:
        rng = self.rng
        role = post.role
        level = self._education_level(post)
        group = post.group or rng.choice(sorted(self.fields_by_group))
        if mode in ("pppk", "pppk2025"):
            age = rng.randint(24, 50)
        elif mode == "cpns":
            age = rng.randint(23, 33)
        else:
            age = rng.randint(*AGE_BY_ROLE[role])
        birth = dt.date(2026 - age, rng.randint(1, 12), rng.randint(1, 28))
        female_share = {"kesehatan": 0.72, "pendidikan": 0.66}.get(group, 0.42)
        gender = "P" if rng.random() < female_share else "L"
        if mode == "pppk2025":
            tmt, middle = PPPK_2025_TMT, "202521"
        elif mode == "pppk":
            year = rng.choice([2021, 2022, 2023, 2024])
            tmt, middle = dt.date(year, rng.choice([1, 3, 7]), 1), f"{year}21"
        elif mode == "cpns":
            tmt, middle = CPNS_2025_TMT, f"{CPNS_2025_TMT:%Y%m}"
        else:
            year = min(birth.year + rng.randint(23, 30), 2024)
            tmt = dt.date(year, rng.randint(1, 12), 1)
            middle = f"{tmt:%Y%m}"
        prefix = f"{birth:%Y%m%d}{middle}{'1' if gender == 'L' else '2'}"
        seq = self.context.nip_seq.get(prefix, 0) + 1
        self.context.nip_seq[prefix] = seq
        nip = f"{prefix}{seq:03d}"

        if mode in ("pppk", "pppk2025"):
            kind = Employee.Kind.PPPK
            golongan = {"50": "P11", "45": "P10", "40": "P09", "30": "P07"}.get(level, "P05")
            tmt_golongan = tmt
        elif mode == "cpns":
            kind = Employee.Kind.CPNS
            golongan = {"45": "32", "40": "31", "30": "23"}.get(level, "21")
            tmt_golongan = tmt
        else:
            kind = Employee.Kind.PNS
            if role == "pelaksana":
                choices = {"15": ["21", "22", "23", "24"], "30": ["23", "24", "31"]}
                golongan = rng.choice(choices.get(level, ["31", "32", "33"]))
            else:
                golongan = rng.choice(GOLONGAN_BY_ROLE[role])
            # Kenaikan pangkat periods: April and October.
            year = rng.randint(max(tmt.year + 1, 2019), 2025)
            tmt_golongan = max(tmt, dt.date(year, rng.choice([4, 10]), 1))

        field_code = FIELD_BY_JF.get(post.name)
        if level < EducationLevel.D3:
            main_field = rng.choice(self.slta_fields)
        elif field_code:
            main_field = self.context.fields[field_code]
        else:
            main_field = rng.choice(
                self.fields_by_group.get(group) or self.fields_by_group["sosial"]
            )
        gelar_depan, gelar_belakang = _gelar(main_field, level)
        first = rng.choice(D.FIRST_NAMES_MALE if gender == "L" else D.FIRST_NAMES_FEMALE)
        last = rng.choice(
            D.LAST_NAMES + (D.MALE_LAST_NAMES if gender == "L" else D.FEMALE_LAST_NAMES)
        )

        educations = []
        grad_age = {"15": 18, "30": 21, "40": 22, "45": 27}
        graduated = min(birth.year + grad_age.get(level, 22) + rng.randint(0, 2), tmt.year, 2025)
        if level >= EducationLevel.S2:
            # Most earned the S-2 while in service; the S-1 came first.
            graduated = min(max(graduated, tmt.year + rng.randint(2, 8)), 2025)
            s1_year = min(birth.year + 22, graduated - 1)
            educations.append(
                (pk, EducationLevel.S1, main_field.pk, rng.choice(INSTITUTIONS), s1_year)
            )
        institution = (
            f"{'SMK' if main_field.code.startswith('SMK') else 'SMA'} Negeri "
            f"{rng.randint(1, 12)} {rng.choice(self.birth_places)}"
            if level < EducationLevel.D3
            else rng.choice(INSTITUTIONS)
        )
        educations.append((pk, level, main_field.pk, institution, graduated))
        if EducationLevel.D3 <= level <= EducationLevel.S1 and rng.random() < 0.4:
            slta = rng.choice(self.slta_fields)
            educations.append(
                (
                    pk,
                    EducationLevel.SLTA,
                    slta.pk,
                    f"SMA Negeri {rng.randint(1, 12)} {rng.choice(self.birth_places)}",
                    birth.year + 18,
                )
            )
        birth_place = (
            self.spec.capital
            if rng.random() < 0.5
            else rng.choice(self.birth_places + OTHER_BIRTH_PLACES)
        )
        return {
            "id": pk,
            "post": post,
            "mode": mode,
            "nip": nip,
            "name": f"{first} {last}",
            "gelar_depan": gelar_depan,
            "gelar_belakang": gelar_belakang,
            "kind": kind,
            "gender": gender,
            "birth_date": birth,
            "birth_place": birth_place,
            "golongan": golongan,
            "tmt_golongan": tmt_golongan,
            "tmt": tmt,
            "educations": educations,
        }

    def _education_level(self, post: _Post) -> str:
        r = self.rng.random()
        role = post.role
        if post.name == "Dokter":
            return EducationLevel.S1 if r < 0.8 else EducationLevel.S2
        if role in ("jpt_madya", "jpt_pratama"):
            return EducationLevel.S2 if r < 0.8 else EducationLevel.S1
        if role in ("administrator", "ahli_madya"):
            return EducationLevel.S2 if r < 0.45 else EducationLevel.S1
        if role in ("pengawas", "ahli_muda", "ahli_pertama"):
            return EducationLevel.S2 if r < 0.1 else EducationLevel.S1
        if role == "terampil":
            return EducationLevel.D3
        return (
            EducationLevel.SLTA
            if r < 0.4
            else (EducationLevel.D3 if r < 0.65 else EducationLevel.S1)
        )

    def _sk(self, start: dt.date) -> tuple[str, dt.date]:
        sk_date = start - dt.timedelta(days=self.rng.randint(3, 20))
        office = "VI.04" if self.spec.is_province else f"BKPSDM.{self.spec.code[3:]}"
        return f"800.1.3/{self.rng.randint(100, 999)}/{office}/{sk_date.year}", sk_date

    def _placements(self, people: list[dict[str, Any]]) -> Iterable[tuple[Any, ...]]:
        rng = self.rng
        pools: dict[str, list[_Post]] = {}
        for post in self.posts:
            pools.setdefault(post.role if post.is_structural else post.jenis, []).append(post)
        earlier_pool = {
            "jpt_madya": "jpt_pratama",
            "jpt_pratama": "administrator",
            "administrator": "pengawas",
            "pengawas": "fungsional",
        }
        holder_of: dict[int, int] = {}
        for person in people:
            post: _Post = person["post"]
            tmt: dt.date = person["tmt"]
            if person["mode"] != "pns" or tmt.year >= 2024:
                start = tmt
            else:
                start = dt.date(rng.randint(max(tmt.year + 1, 2010), 2024), rng.randint(1, 12), 1)
            if post.is_structural:
                holder_of[post.id] = person["id"]
            # Earlier posts (SK mutasi/promosi): closed the day before the next TMT.
            history: list[tuple[_Post, dt.date]] = []
            pool = pools.get(earlier_pool.get(post.role, post.jenis), [])
            if pool and person["mode"] == "pns" and (start - tmt).days > 3 * 365:
                gap_years = (start - tmt).days // 365
                roll = rng.random()
                if roll < 0.12 and gap_years >= 6:
                    middle = dt.date(tmt.year + gap_years // 2, rng.randint(1, 12), 1)
                    history = [(rng.choice(pool), tmt), (rng.choice(pool), middle)]
                elif roll < 0.4:
                    history = [(rng.choice(pool), tmt)]
                history = [(p, s) for p, s in history if p is not post]
            for index, (earlier, earlier_start) in enumerate(history):
                next_start = history[index + 1][1] if index + 1 < len(history) else start
                sk_number, sk_date = self._sk(earlier_start)
                yield (
                    person["id"],
                    earlier.id,
                    Placement.Kind.DEFINITIF,
                    earlier_start,
                    next_start - dt.timedelta(days=1),
                    Placement.EndReason.MUTASI,
                    sk_number,
                    sk_date,
                    earlier.is_structural,
                    CREATED_AT,
                )
            sk_number, sk_date = self._sk(start)
            if person["mode"] == "pppk2025":
                sk_date = PPPK_2025_SK
            yield (
                person["id"],
                post.id,
                Placement.Kind.DEFINITIF,
                start,
                None,
                "",
                sk_number,
                sk_date,
                post.is_structural,
                CREATED_AT,
            )
        # Plt: a vacant structural post is held by the holder of the first filled structural
        # post below it (a Sekretaris acting as Plt Kepala Dinas), since the second half of 2024.
        for post in self.posts:
            if not post.plt:
                continue
            below = [p for p in self.posts if p.parent is post and p.id in holder_of]
            if not below:
                continue
            start = dt.date(2024, rng.choice([7, 8, 9, 10]), 1)
            sk_number, sk_date = self._sk(start)
            yield (
                holder_of[below[0].id],
                post.id,
                Placement.Kind.PLT,
                start,
                None,
                "",
                sk_number,
                sk_date,
                True,
                CREATED_AT,
            )

    def _leadership(self, people: list[dict[str, Any]]) -> Iterable[tuple[Any, ...]]:
        """Most structural holders already have the leadership training their post requires
        (years up to 2023; seed_scale_training adds later ones for some of the rest)."""
        rng = self.rng
        earlier = {"pkn2": ["pka", "pkp"], "pkn1": ["pkn2", "pka"], "pka": ["pkp"], "pkp": []}
        for person in people:
            required = LEADERSHIP_BY_JENIS.get(person["post"].jenis)
            if not required or rng.random() >= 0.75:
                continue
            kinds = [required] + [k for k in earlier[required] if rng.random() < 0.5]
            first_year = max(person["tmt"].year + 3, 2005)
            for offset, kind in enumerate(kinds):
                year = max(first_year, 2023 - offset * 4 - rng.randint(0, 3))
                year = min(year, 2023)
                yield (
                    person["id"],
                    kind,
                    year,
                    f"{kind.upper()}/{rng.randint(1000, 9999)}/LAN/{year}",
                )

    # --- logins ----------------------------------------------------------------------------

    def _logins(self, people: list[dict[str, Any]]) -> None:
        User = get_user_model()
        spec = self.spec
        root_id = self.root.id
        by_post: dict[int, dict[str, Any]] = {}
        for person in people:
            by_post.setdefault(person["post"].id, person)
        sekda = next(p for p in self.posts if p.code.endswith(".SEKDA"))
        kabid = self.kabid
        staff_post = next(
            (
                p
                for p in self.posts
                if kabid is not None and p.parent is kabid and not p.is_structural and p.holders
            ),
            None,
        )
        linked = {
            f"sekda.{spec.slug}": by_post.get(sekda.id),
            f"kabid.{spec.slug}": by_post.get(kabid.id) if kabid else None,
            f"pegawai.{spec.slug}": by_post.get(staff_post.id) if staff_post else None,
        }
        for index, (username, description) in enumerate(login_rows(spec)):
            person = linked.get(username)
            if index > 0 and person is None:
                continue  # the post is vacant in a scaled-down build
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={
                    "password": self.context.password_hash,
                    "first_name": person["name"] if person else description[:150],
                },
            )
            if person is not None:
                Employee.objects.filter(pk=person["id"], user__isnull=True).update(user=user)
            if index == 0:
                HRScope.objects.get_or_create(
                    user=user, unit_id=root_id, role=HRScope.Role.PENGELOLA
                )
            if username.startswith("sekda."):
                HRScope.objects.get_or_create(
                    user=user, unit_id=root_id, role=HRScope.Role.PIMPINAN
                )
