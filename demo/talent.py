"""Talent data of the demo and of the province-scale data (docs/domain.md §6).

`seed_demo_talent` (run by seed_demo after the other pillars): the standar kompetensi
manajerial and sosial kultural of structural posts that have none, an assessment of those
competencies for structural staff and part of the others, and one talent-grid calculation per
instansi with the default rule and weights, computed at once, so the 9-box, the succession
proposals and the vacancy forecast show real figures. `seed_scale_talent` (run by
`seed_demo --scale lampung`) does the same for the 16 scale instansi.

Both are idempotent: standards and assessments are added only where missing, and an instansi
that already has a finished calculation gets no new one."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.org_vocabulary import REQUIREMENTS, _role
from performance.models import Evaluation, RatingHistory
from positions.models import (
    STRUCTURAL_JENIS,
    Competency,
    Employee,
    EmployeeCompetency,
    HRScope,
    OrgUnit,
    Placement,
    PositionCompetency,
)
from talent.grid import compute_run
from talent.models import TalentRun

SEED = 20260301
SOFT = ["manajerial", "sosial_kultural"]
SOURCE = "Assessment Center BKD (data demo talenta)"
ASSESSED_SHARE = 0.4  # of non-structural staff


def ensure_standards(root: OrgUnit) -> int:
    """Soft-competency standards (level per jenjang) for structural posts without any."""
    soft = list(Competency.objects.filter(kind__in=SOFT).order_by("code"))
    if not soft:
        return 0
    has_soft = PositionCompetency.objects.filter(competency__kind__in=SOFT).values("position_id")
    posts = (
        Placement.objects.open()
        .filter(
            kind=Placement.Kind.DEFINITIF,
            position__jenis__in=STRUCTURAL_JENIS,
            position__unit__path__startswith=root.path,
        )
        .exclude(position_id__in=has_soft)
        .select_related("position")
        .distinct()
    )
    rows = []
    seen: set[int] = set()
    for placement in posts:
        position = placement.position
        if position.pk in seen:
            continue
        seen.add(position.pk)
        level = REQUIREMENTS[_role(position)][0]
        rows += [PositionCompetency(position=position, competency=c, level=level) for c in soft]
    PositionCompetency.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)


def ensure_assessments(root: OrgUnit) -> int:
    """Soft-competency assessments around the level of each person's jenjang: every
    structural holder and a seeded share of the others (people assessed before are kept)."""
    competencies = list(Competency.objects.filter(kind__in=SOFT).order_by("code"))
    if not competencies:
        return 0
    assessed = set(
        EmployeeCompetency.objects.filter(
            competency__kind__in=SOFT, employee__unit__path__startswith=root.path
        )
        .values_list("employee_id", flat=True)
        .distinct()
    )
    placements = (
        Placement.objects.open()
        .filter(kind=Placement.Kind.DEFINITIF, employee__unit__path__startswith=root.path)
        .select_related("position")
        .only("employee_id", "position__jenis", "position__jenjang")
        .order_by("employee_id")
    )
    rows: list[EmployeeCompetency] = []
    created = 0
    for placement in placements.iterator(chunk_size=5000):
        if placement.employee_id in assessed:
            continue
        rng = random.Random(f"{SEED}-{placement.employee_id}")  # nosec B311  # reproducible demo data
        position = placement.position
        if not position.is_structural and rng.random() >= ASSESSED_SHARE:
            continue
        level = REQUIREMENTS[_role(position)][0]
        when = dt.date(rng.choice([2024, 2025]), rng.randint(1, 12), rng.randint(1, 28))
        bias = rng.choice([-1, 0, 0, 1])  # a person is generally above or below the standard
        for competency in competencies:
            rows.append(
                EmployeeCompetency(
                    employee_id=placement.employee_id,
                    competency=competency,
                    level=min(5, max(1, level + bias + rng.choice([-1, 0, 0, 0, 1]))),
                    assessed_on=when,
                    source=SOURCE,
                )
            )
        if len(rows) >= 20_000:
            EmployeeCompetency.objects.bulk_create(rows, ignore_conflicts=True)
            created += len(rows)
            rows = []
    EmployeeCompetency.objects.bulk_create(rows, ignore_conflicts=True)
    return created + len(rows)


def ensure_history(root: OrgUnit, year: int) -> int:
    """A predikat for `year` (the year before the last closed one) as imported history for
    people who have none, so kinerja rests on two years as the rule expects; and their
    predikat of `year + 1` (the one the organisation seed gave them) as the imported row it
    stands for, so the profile's Riwayat kinerja shows the year its "Predikat kinerja
    terakhir" names."""
    rated = Evaluation.objects.filter(
        period=Evaluation.Period.TW4,
        skp__year=year,
        skp__employee__unit__path__startswith=root.path,
    ).values("skp__employee_id")
    have = RatingHistory.objects.filter(year=year).values("employee_id")
    people = (
        Employee.objects.active()
        .filter(unit__path__startswith=root.path, latest_predikat_year=year + 1)
        .exclude(pk__in=rated)
        .exclude(pk__in=have)
        .values_list("pk", "latest_predikat")
    )
    rows = []
    for employee_id, latest in people.iterator(chunk_size=5000):
        rng = random.Random(f"{SEED}-kinerja-{employee_id}")  # nosec B311  # reproducible demo data
        # People tend to keep their level: a Sangat Baik this year was often one last year.
        weights = [45, 50, 4, 1] if latest == "sangat_baik" else [12, 74, 11, 3]
        predikat = rng.choices(["sangat_baik", "baik", "butuh_perbaikan", "kurang"], weights)[0]
        for row_year, row_predikat in ((year, predikat), (year + 1, latest)):
            rows.append(
                RatingHistory(
                    employee_id=employee_id,
                    year=row_year,
                    regime=RatingHistory.Regime.PERMENPAN6,
                    predikat=row_predikat,
                )
            )
    RatingHistory.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)


def ensure_run(root: OrgUnit, year: int) -> TalentRun | None:
    """One finished calculation over the instansi with the default rule and weights."""
    if TalentRun.objects.filter(unit=root, state=TalentRun.State.DONE).exists():
        return None
    user_id = (
        HRScope.objects.filter(unit=root, role=HRScope.Role.PENGELOLA)
        .order_by("pk")
        .values_list("user_id", flat=True)
        .first()
    )
    if user_id is None:
        user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        if user is None:
            return None
        user_id = user.pk
    run = TalentRun.objects.create(unit=root, year=year, created_by_id=user_id)
    compute_run(run.pk)
    run.refresh_from_db()
    return run


def seed_instansi(root: OrgUnit, year: int) -> dict[str, Any]:
    with transaction.atomic():
        standards = ensure_standards(root)
        assessments = ensure_assessments(root)
        history = ensure_history(root, year - 1)
    run = ensure_run(root, year)
    return {
        "standar": standards,
        "asesmen": assessments,
        f"riwayat predikat {year - 1}–{year}": history,
        "pegawai dihitung": run.employee_count if run else 0,
    }


class Command(BaseCommand):
    help = "Data talenta demo: standar dan asesmen kompetensi, perhitungan peta talenta."

    year = 2025  # the demo's last closed year of predikat

    def handle(self, *args: Any, **options: Any) -> None:
        for root in OrgUnit.objects.get_root_nodes():
            counts = seed_instansi(root, self.year)
            summary = ", ".join(f"{n:,} {k}" for k, n in counts.items())
            self.stdout.write(f"Talenta {root.name}: {summary}.")
