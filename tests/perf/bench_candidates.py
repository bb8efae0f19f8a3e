"""Benchmark: rank candidates for one position over 120,000 employees on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_bench \
        .venv/bin/python tests/perf/bench_candidates.py [--write-readme]

Creates the database if it is missing, migrates it and, unless it already holds the benchmark
data, bulk-inserts a province of 16 perangkat daerah (273 units, ~2,400 positions) with
120,000 employees, their educations, managerial/technical competency assessments (two rounds
for some), leadership trainings and definitive placements. Then, with an HR user scoped to the
whole tree, it times `positions.matching.rank()` (the one ranking query) and the whole
`candidate_page()` (ranking, exclusion summary, explanations, vacancy chain) for three posts,
10 runs each after one warm-up, and prints EXPLAIN (ANALYZE, BUFFERS) of each ranking query.

No extra index is created: the ranking uses the indexes the models already declare (see the
README). `--write-readme` replaces the figures between the markers in tests/perf/README.md.

Not a pytest test (pytest collects test_*.py only); it refuses to run on a database whose name
does not contain "bench", because it writes 1M rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.perf.benchdb import create_database  # noqa: E402  (after sys.path)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")
# Production-like: no DEBUG query log growing during the runs.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-used-anywhere-else-0123456789")

N_EMPLOYEES = 120_000
N_DINAS = 16
BIDANG_PER_DINAS = 4
SEKSI_PER_BIDANG = 3
RUNS = 10
SEED = 2026
ROOT_CODE = "BENCH-ROOT"
BATCH = 10_000

# JF families: (name, education group whose fields are accepted, technical competency code)
JF_FAMILIES = [
    ("Perawat", "Kesehatan"),
    ("Pranata Komputer", "Teknik Informatika"),
    ("Analis Kebijakan", "Sosial Politik"),
    ("Auditor", "Ekonomi"),
    ("Penyuluh Pertanian", "Pertanian"),
    ("Pengawas Sekolah", "Pendidikan"),
]
GROUPS = [
    "Kesehatan",
    "Teknik Informatika",
    "Sosial Politik",
    "Ekonomi",
    "Pertanian",
    "Pendidikan",
    "Hukum",
    "Teknik Sipil",
    "Matematika",
    "Bahasa",
    "Administrasi",
    "Perhubungan",
]
FIRST = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko"]
LAST = ["Saputra", "Wijaya", "Lubis", "Siregar", "Nasution", "Pratama", "Hidayat", "Rahman"]


def _check_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "DATABASE_URL must point to PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/asnportal_bench"
        )
    if "bench" not in url.rsplit("/", 1)[-1]:
        sys.exit("Refusing to write benchmark data into a database whose name lacks 'bench'.")
    return url


# --- Data ---------------------------------------------------------------------


def _nip(
    rng_counter: dict[str, int], birth: dt.date, start_year: int, gender: str, pppk: bool
) -> str:
    middle = (
        f"{start_year}21" if pppk else f"{start_year}{rng_counter.setdefault('m', 1) % 12 + 1:02d}"
    )
    rng_counter["m"] += 1
    prefix = f"{birth:%Y%m%d}{middle}{'1' if gender == 'L' else '2'}"
    seq = rng_counter.get(prefix, 0) + 1
    rng_counter[prefix] = seq
    if seq > 999:
        raise RuntimeError("NIP sequence overflow")
    return f"{prefix}{seq:03d}"


def populate() -> None:
    from django.db import connection, transaction

    from asnportal.models import User
    from positions.models import (
        Competency,
        Education,
        EducationField,
        Employee,
        EmployeeCompetency,
        HRScope,
        LeadershipTraining,
        OrgUnit,
        Placement,
        Position,
        PositionCompetency,
    )

    rng = random.Random(SEED)
    today = dt.date.today()
    started = time.perf_counter()
    with transaction.atomic():
        root = OrgUnit.objects.add_root(
            {"code": ROOT_CODE, "name": "Pemerintah Provinsi Bench", "kind": "instansi"}
        )
        units: list[tuple[OrgUnit, list[tuple[OrgUnit, list[OrgUnit]]]]] = []
        for d in range(N_DINAS):
            root.refresh_from_db()
            dinas = OrgUnit.objects.add_child(
                root,
                {
                    "code": f"BENCH-D{d:02d}",
                    "name": f"Dinas Bench {d + 1}",
                    "kind": "perangkat_daerah",
                },
            )
            bidangs = []
            for b in range(BIDANG_PER_DINAS):
                dinas.refresh_from_db()
                bidang = OrgUnit.objects.add_child(
                    dinas,
                    {
                        "code": f"BENCH-D{d:02d}-B{b}",
                        "name": f"Bidang {b + 1} Dinas {d + 1}",
                        "kind": "unit",
                    },
                )
                seksis = []
                for s in range(SEKSI_PER_BIDANG):
                    bidang.refresh_from_db()
                    seksis.append(
                        OrgUnit.objects.add_child(
                            bidang,
                            {
                                "code": f"BENCH-D{d:02d}-B{b}-S{s}",
                                "name": f"Seksi {s + 1} Bidang {b + 1} Dinas {d + 1}",
                                "kind": "sub_unit",
                            },
                        )
                    )
                bidangs.append((bidang, seksis))
            units.append((dinas, bidangs))
        print(f"  units: {OrgUnit.objects.filter(path__startswith=root.path).count()}")

        fields_by_group: dict[str, list[EducationField]] = {}
        new_fields = []
        for g, group in enumerate(GROUPS):
            for i in range(5):
                new_fields.append(
                    EducationField(code=f"BENCH-F{g:02d}{i}", name=f"{group} {i + 1}", group=group)
                )
        for f in EducationField.objects.bulk_create(new_fields):
            fields_by_group.setdefault(f.group, []).append(f)
        all_fields = [f for fs in fields_by_group.values() for f in fs]
        competencies = {c.code: c for c in Competency.objects.all()}
        managerial = [competencies[f"M.{i}"] for i in range(1, 9) if f"M.{i}" in competencies]
        technical = [c for c in competencies.values() if c.kind == "teknis"][: len(JF_FAMILIES)]

        # Positions, level by level so parents exist.
        seq = iter(range(10**9))
        heads = Position.objects.bulk_create(
            Position(
                unit=dinas,
                code=f"BENCH-P{next(seq)}",
                name=f"Kepala {dinas.name}",
                jenis="jpt_pratama",
                kelas=14,
                min_education_level="45",
                min_golongan="42",
            )
            for dinas, _ in units
        )
        admins, jfs = [], []
        for (_dinas, bidangs), head in zip(units, heads, strict=True):
            for bidang, _ in bidangs:
                admins.append(
                    Position(
                        unit=bidang,
                        code=f"BENCH-P{next(seq)}",
                        name=f"Kepala {bidang.name}",
                        jenis="administrator",
                        kelas=11,
                        parent=head,
                        min_education_level="40",
                        min_golongan="34",
                    )
                )
        admins = Position.objects.bulk_create(admins)
        pengawas, pelaksana = [], []
        admin_iter = iter(admins)
        for _dinas, bidangs in units:
            for bidang, seksis in bidangs:
                admin = next(admin_iter)
                for fam, (family, _group) in enumerate(JF_FAMILIES):
                    for jenjang, kelas, gol in (
                        ("ahli_pertama", 8, "31"),
                        ("ahli_muda", 9, "33"),
                        ("ahli_madya", 11, "41"),
                    ):
                        jfs.append(
                            (
                                Position(
                                    unit=bidang,
                                    code=f"BENCH-P{next(seq)}",
                                    name=family,
                                    jenis="fungsional",
                                    jenjang=jenjang,
                                    kelas=kelas,
                                    parent=admin,
                                    kebutuhan=1,
                                    min_education_level="40",
                                    min_golongan=gol,
                                ),
                                fam,
                            )
                        )
                for seksi in seksis:
                    pengawas.append(
                        Position(
                            unit=seksi,
                            code=f"BENCH-P{next(seq)}",
                            name=f"Kepala {seksi.name}",
                            jenis="pengawas",
                            kelas=9,
                            parent=admin,
                            min_education_level="40",
                            min_golongan="33",
                        )
                    )
        pengawas = Position.objects.bulk_create(pengawas)
        for p in pengawas:
            for k in range(5):
                pelaksana.append(
                    Position(
                        unit_id=p.unit_id,
                        code=f"BENCH-P{next(seq)}",
                        name=f"Pelaksana {k + 1}",
                        jenis="pelaksana",
                        kelas=6,
                        parent=p,
                        kebutuhan=1,
                        min_education_level="15",
                    )
                )
        pelaksana = Position.objects.bulk_create(pelaksana)
        jf_positions = Position.objects.bulk_create(p for p, _ in jfs)
        jf_family = {p.pk: fam for p, (_, fam) in zip(jf_positions, jfs, strict=True)}
        # Benchmark targets that nobody holds: a JF ahli muda and a pelaksana without requirements.
        target_jf = Position.objects.create(
            unit=units[0][1][0][0],
            code="BENCH-JF-TARGET",
            name="Perawat",
            jenis="fungsional",
            jenjang="ahli_muda",
            kelas=9,
            parent=admins[0],
            kebutuhan=3,
            min_education_level="40",
            min_golongan="33",
        )
        Position.objects.create(
            unit=units[1][1][0][1][0],
            code="BENCH-PEL-TARGET",
            name="Pengadministrasi Umum",
            jenis="pelaksana",
            kelas=5,
            parent=pengawas[SEKSI_PER_BIDANG * BIDANG_PER_DINAS],
            kebutuhan=2,
        )
        jf_family[target_jf.pk] = 0

        through = Position.accepted_fields.through
        accepted = []
        for p in [*jf_positions, target_jf]:
            group = JF_FAMILIES[jf_family[p.pk]][1]
            accepted += [
                through(position_id=p.pk, educationfield_id=f.pk)
                for f in fields_by_group[group][:2]
            ]
        through.objects.bulk_create(accepted)
        required = []
        for p in [*jf_positions, target_jf]:
            level = {"ahli_pertama": 2, "ahli_muda": 3, "ahli_madya": 3}[p.jenjang]
            for c in managerial[:3]:
                required.append(PositionCompetency(position=p, competency=c, level=level))
            if technical:
                required.append(
                    PositionCompetency(
                        position=p,
                        competency=technical[jf_family[p.pk] % len(technical)],
                        level=level,
                    )
                )
        for p in [*admins, *heads]:
            for c in managerial[:6]:
                required.append(
                    PositionCompetency(
                        position=p, competency=c, level=3 if p.jenis == "administrator" else 4
                    )
                )
        for p in pengawas:
            for c in managerial[:4]:
                required.append(PositionCompetency(position=p, competency=c, level=2))
        PositionCompetency.objects.bulk_create(required, batch_size=BATCH)
        print(f"  positions: {Position.objects.filter(code__startswith='BENCH-P').count() + 2}")

        # Employees: structural posts get one senior PNS each; the rest are JF (45%),
        # pelaksana (50%) or without a definitive post yet (5%).
        nip_counter: dict[str, int] = {}
        structural = [*heads, *admins, *pengawas]
        jf_by_dinas: dict[int, list[Position]] = {}
        pel_by_dinas: dict[int, list[Position]] = {}
        dinas_of_path = {dinas.path: i for i, (dinas, _) in enumerate(units)}
        unit_path = dict(
            OrgUnit.objects.filter(path__startswith=root.path).values_list("pk", "path")
        )
        for p in jf_positions:
            jf_by_dinas.setdefault(dinas_of_path[unit_path[p.unit_id][:8]], []).append(p)
        for p in pelaksana:
            pel_by_dinas.setdefault(dinas_of_path[unit_path[p.unit_id][:8]], []).append(p)

        employees: list[Employee] = []
        plan: list[tuple[str, Position | None, int]] = []  # role, position, family
        for i in range(N_EMPLOYEES):
            if i < len(structural):
                role, pos, fam = "structural", structural[i], -1
            else:
                d = i % N_DINAS
                r = rng.random()
                if r < 0.45:
                    pos = rng.choice(jf_by_dinas[d])
                    role, fam = "jf", jf_family[pos.pk]
                elif r < 0.95:
                    pos = rng.choice(pel_by_dinas[d])
                    role, fam = "pelaksana", -1
                else:
                    pos, role, fam = None, "none", rng.randrange(len(JF_FAMILIES))
            if role == "structural":
                age, kind = rng.randint(40, 57), "pns"
                golongan = {"jpt_pratama": "42", "administrator": "41", "pengawas": "34"}[pos.jenis]
            elif role == "jf":
                age = rng.randint(24, 57)
                kind = "pppk" if rng.random() < 0.2 else "pns"
                golongan = {
                    "ahli_pertama": rng.choice(["31", "32"]),
                    "ahli_muda": rng.choice(["33", "34"]),
                    "ahli_madya": rng.choice(["41", "42"]),
                }[pos.jenjang]
            else:
                age = rng.randint(21, 58)
                kind = rng.choices(["pns", "cpns", "pppk"], [80, 5, 15])[0]
                golongan = rng.choice(["21", "22", "23", "24", "31", "32", "33"])
            if kind == "pppk":
                golongan = f"P{rng.randint(5, 11):02d}"
            if kind == "cpns":
                golongan = rng.choice(["21", "31"])
            birth = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            gender = rng.choice("LP")
            start_year = min(birth.year + rng.randint(20, 30), today.year)
            predikat = rng.choices(
                ["", "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"],
                [20, 12, 55, 9, 3, 1],
            )[0]
            unit_id = pos.unit_id if pos else rng.choice(units[i % N_DINAS][1])[0].pk
            employees.append(
                Employee(
                    nip=_nip(nip_counter, birth, start_year, gender, kind == "pppk"),
                    name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
                    kind=kind,
                    gender=gender,
                    birth_date=birth,
                    golongan=golongan,
                    status="aktif" if rng.random() < 0.97 else rng.choice(["cltn", "pensiun"]),
                    unit_id=unit_id,
                    latest_predikat=predikat,
                    latest_predikat_year=today.year - 1 if predikat else None,
                )
            )
            plan.append((role, pos, fam))
        employees = Employee.objects.bulk_create(employees, batch_size=BATCH)
        print(f"  employees: {len(employees)} ({time.perf_counter() - started:.0f} s)")

        educations, assessments, trainings, placements = [], [], [], []
        for emp, (role, pos, fam) in zip(employees, plan, strict=True):
            group = JF_FAMILIES[fam][1] if fam >= 0 else rng.choice(GROUPS)
            in_group = rng.random() < 0.7
            field_choice = (
                rng.choice(fields_by_group[group]) if in_group else rng.choice(all_fields)
            )
            if role in ("structural", "jf"):
                level = rng.choices(["40", "45", "30"], [70, 25, 5])[0]
            else:
                level = rng.choices(["15", "30", "40", "45"], [35, 25, 35, 5])[0]
            educations.append(
                Education(
                    employee=emp,
                    level=level,
                    field=field_choice,
                    graduation_year=emp.birth_date.year + 22,
                )
            )
            if level == "45":
                educations.append(
                    Education(
                        employee=emp,
                        level="40",
                        field=rng.choice(all_fields),
                        graduation_year=emp.birth_date.year + 22,
                    )
                )
            if rng.random() < 0.5 or role == "structural":
                rounds = [today.replace(year=today.year - 1, day=1)]
                if rng.random() < 0.25:
                    rounds.append(today.replace(year=today.year - 4, day=1))
                for when in rounds:
                    for c in managerial:
                        assessments.append(
                            EmployeeCompetency(
                                employee=emp,
                                competency=c,
                                level=rng.randint(1, 5),
                                assessed_on=when,
                            )
                        )
                    if technical and fam >= 0:
                        assessments.append(
                            EmployeeCompetency(
                                employee=emp,
                                competency=technical[fam % len(technical)],
                                level=rng.randint(1, 5),
                                assessed_on=when,
                            )
                        )
            g = emp.golongan
            if (
                emp.kind == "pns"
                and g >= "33"
                and rng.random() < (0.9 if role == "structural" else 0.25)
            ):
                trainings.append(
                    LeadershipTraining(
                        employee=emp, kind="pkp", year=rng.randint(2010, today.year - 1)
                    )
                )
            if (
                emp.kind == "pns"
                and g >= "41"
                and rng.random() < (0.95 if role == "structural" else 0.3)
            ):
                trainings.append(
                    LeadershipTraining(
                        employee=emp, kind="pka", year=rng.randint(2012, today.year - 1)
                    )
                )
            if pos is not None:
                start = today - dt.timedelta(days=rng.randint(30, 10 * 365))
                placements.append(
                    Placement(
                        employee=emp,
                        position=pos,
                        kind="definitif",
                        start_date=start,
                        sk_number=f"BENCH/{emp.pk}",
                        sk_date=start,
                        is_structural=pos.is_structural,
                    )
                )
        for model, rows in (
            (Education, educations),
            (EmployeeCompetency, assessments),
            (LeadershipTraining, trainings),
            (Placement, placements),
        ):
            model.objects.bulk_create(rows, batch_size=BATCH)
            print(
                f"  {model._meta.model_name}: {len(rows)} ({time.perf_counter() - started:.0f} s)"
            )
        # JF/pelaksana kebutuhan = their holders: the register looks filled, targets stay vacant.
        with connection.cursor() as cursor:
            cursor.execute(
                """UPDATE positions_position p SET kebutuhan = GREATEST(1, sub.n)
                   FROM (SELECT position_id, COUNT(*) AS n FROM positions_placement
                         WHERE end_date IS NULL GROUP BY position_id) sub
                   WHERE sub.position_id = p.id AND p.jenis IN ('fungsional', 'pelaksana')"""
            )
        user, _ = User.objects.get_or_create(username="bench_hr")
        HRScope.objects.get_or_create(user=user, unit=root, role=HRScope.Role.PENGELOLA)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"populated in {time.perf_counter() - started:.0f} s")


# --- Measurement ----------------------------------------------------------------


def _timed(fn: Callable[[], Any], runs: int = RUNS) -> tuple[float, float, Any]:
    result = fn()  # warm-up: plans, caches
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    p95 = samples[math.ceil(0.95 * len(samples)) - 1]  # nearest rank: the slowest of 10
    return statistics.median(samples), p95, result


def _explain(sql: str) -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return [row[0] for row in cursor.fetchall()]


def _plan_summary(lines: Iterable[str]) -> str:
    """The plan's node types in order, without costs: enough to see scans and subplans."""
    nodes = []
    for line in lines:
        text = line.strip().removeprefix("->").strip()
        if text.startswith(("Planning Time", "Execution Time")):
            nodes.append(text)
            continue
        if "(cost=" in text or "(actual" in text:
            head = text.split("  (")[0]
            rows = text.split("rows=")[2].split(" ")[0] if text.count("rows=") >= 2 else "?"
            loops = text.split("loops=")[-1].rstrip(")") if "loops=" in text else "?"
            nodes.append(f"{head} [rows={rows} loops={loops}]")
        elif text.startswith("SubPlan") or text.startswith("InitPlan"):
            nodes.append(text)
    return "\n".join(nodes)


def _set_jit(value: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SET jit = {value}")


def measure(write_readme: bool) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from asnportal.models import User
    from positions import matching
    from positions.models import Employee, Position

    user = User.objects.get(username="bench_hr")
    admin = (
        Position.objects.filter(jenis="administrator", code__startswith="BENCH-P")
        .select_related("unit")
        .order_by("pk")[1]
    )
    targets = [
        (
            "JF Perawat Ahli Muda, vacant (S-1, III/c, 2 fields, 4 competencies)",
            Position.objects.select_related("unit").get(code="BENCH-JF-TARGET"),
        ),
        ("Administrator, Kepala Bidang (PNS, S-1, III/d, PKA, 6 competencies)", admin),
        (
            "Pelaksana, no requirement but BUP",
            Position.objects.select_related("unit").get(code="BENCH-PEL-TARGET"),
        ),
    ]
    n_emp = Employee.objects.count()
    n_active = Employee.objects.filter(status="aktif").count()
    rows = []
    for label, position in targets:
        req = matching.requirements_for([position])[position.pk]
        pool = matching.candidate_pool(user, position)

        def ranking(p: Any = pool, r: Any = req) -> Any:
            return matching.rank(p, r)

        def whole_page(p: Any = position) -> Any:
            return matching.candidate_page(user, p)

        # PostgreSQL's default JIT compiles this many-expression query for longer than it
        # runs; measured as shipped, then with jit=off (the recommended connection option).
        _set_jit("on")
        jit_med, jit_p95, _ = _timed(ranking)
        with CaptureQueriesContext(connection) as ctx:
            ranking()
        jit_plan = _explain(ctx.captured_queries[-1]["sql"])
        _set_jit("off")
        rank_med, rank_p95, top = _timed(ranking)
        page_med, page_p95, page = _timed(whole_page)
        with CaptureQueriesContext(connection) as ctx:
            ranking()
        plan = _explain(ctx.captured_queries[-1]["sql"])
        with CaptureQueriesContext(connection) as page_ctx:
            whole_page()
        eligible = page.summary["eligible"]
        rows.append((label, eligible, rank_med, rank_p95, page_med, page_p95, jit_med, jit_p95))
        print(f"\n## {label}: {eligible:,} eligible of {page.summary['total']:,}")
        print(
            f"jit=off: rank() median {rank_med:.0f} ms, p95 {rank_p95:.0f} ms; "
            f"candidate_page() median {page_med:.0f} ms, p95 {page_p95:.0f} ms "
            f"({len(page_ctx.captured_queries)} queries)"
        )
        print(f"jit=on (server default): rank() median {jit_med:.0f} ms, p95 {jit_p95:.0f} ms")
        print("JIT with jit=on:", *[line.strip() for line in jit_plan if "Timing:" in line])
        print("top 3:", [(e.name, round(e.score, 1)) for e in top[:3]])
        print("EXPLAIN (ANALYZE, BUFFERS) of the ranking query, jit=off:")
        print("\n".join(plan))
        print("-- plan summary --")
        print(_plan_summary(plan))

    table = [
        "| Position | Eligible | `rank()` median / p95 | whole page median / p95 "
        "| `rank()` with default JIT median / p95 |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, eligible, rm, rp, pm, pp, jm, jp in rows:
        table.append(
            f"| {label} | {eligible:,} | {rm:.0f} / {rp:.0f} ms | {pm:.0f} / {pp:.0f} ms "
            f"| {jm:.0f} / {jp:.0f} ms |"
        )
    figures = "\n".join(
        [
            f"Run {dt.date.today():%Y-%m-%d} on this machine (2 cores, 24 GiB), PostgreSQL "
            f"{connection.pg_version // 10000} with default settings except `jit`: "
            f"{n_emp:,} employees ({n_active:,} aktif), HR scope = the whole tree; {RUNS} runs "
            "after one warm-up (p95 by nearest rank, i.e. the slowest of 10).",
            "",
            *table,
        ]
    )
    print("\n" + figures)
    if write_readme:
        readme = Path(__file__).with_name("README.md")
        text = readme.read_text()
        start, end = "<!-- bench_candidates:start -->", "<!-- bench_candidates:end -->"
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        readme.write_text(f"{before}{start}\n{figures}\n{end}{after}")
        print(f"wrote figures to {readme}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write-readme", action="store_true", help="update tests/perf/README.md")
    args = parser.parse_args()
    url = _check_database_url()
    create_database(url)

    import django

    django.setup()
    from django.core.management import call_command

    from positions.models import Employee, OrgUnit

    call_command("migrate", verbosity=0)
    if OrgUnit.objects.filter(code=ROOT_CODE).exists():
        print(f"reusing benchmark data: {Employee.objects.count():,} employees")
    else:
        print("populating (one transaction; a failed run leaves nothing behind)")
        populate()
    measure(args.write_readme)


if __name__ == "__main__":
    main()
