"""Province-scale demo data (`seed_demo --scale lampung`): Pemerintah Provinsi Lampung and the
15 kabupaten/kota of docs/domain.md §8.1, about 120,000 employees in all. This module builds the
positions part of one instansi; SKPs and training come from the performance and training apps
(`seed_scale_performance`, `seed_scale_training`), which read what is built here. This module
holds the plan (instansi, sizes, what is still to build) and `RowWriter`; the vocabulary is in
`demo.scale_vocabulary`, the unit tree and posts in `demo.scale_structure`, and the people and
the writing in `demo.scale_people` (`InstansiBuilder`).

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
computed in memory instead of calling add_child per node, and ids are reserved before rows are
written, so one instansi costs a few dozen queries whatever its size.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model

from positions.models import (
    HRScope,
    OrgUnit,
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


def _load_instansi() -> list[InstansiSpec]:
    with Path(__file__).with_name("lampung_instansi.json").open(encoding="utf-8") as f:
        return [InstansiSpec(**row) for row in json.load(f)]


# demo/lampung_instansi.json: codes as in docs/domain.md §8.1 (Kemendagri); `asn` is the
# instansi's employees at full scale, `kecamatan` its kecamatan (0 for the province). The
# province is built last: a database with the province root but no kabupaten/kota root holds
# the small demo, not an interrupted scale run.
INSTANSI = _load_instansi()
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


# --- The per-domain seed commands ---------------------------------------------------------


def seed_each_instansi(
    write: Callable[[str], Any],
    label: str,
    *,
    is_done: Callable[[OrgUnit], bool],
    build: Callable[[OrgUnit, RowWriter, Any], dict[str, int]],
    prepare: Callable[[], Any] | None = None,
) -> None:
    """Run one domain's part of the scale seed (`seed_scale_performance`, `..._training`):
    `build(root, writer, prepared)` for every scale instansi not yet `is_done`, one
    transaction per instansi, so running it again changes nothing. `prepare()` runs once
    first, in its own transaction (the training catalog), and its result goes to `build`.
    `write` is the command's `stdout.write`; `label` names the domain ("Kinerja")."""
    roots = scale_roots()
    if not roots:
        write("Jalankan seed_demo --scale lampung lebih dahulu.")
        return
    todo = [root for root in roots if not is_done(root)]
    if not todo:
        write(f"Data {label.lower()} skala provinsi sudah ada: tidak ada yang diubah.")
        return
    prepared = None
    if prepare is not None:
        with transaction.atomic():
            prepared = prepare()
    writer = RowWriter()
    for root in todo:
        began = time.perf_counter()
        with transaction.atomic():
            counts = build(root, writer, prepared)
        summary = ", ".join(f"{n:,} {what}" for what, n in counts.items())
        write(f"  {label} {root.name}: {summary} ({time.perf_counter() - began:.1f} s)")
