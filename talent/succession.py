"""Rencana suksesi (docs/domain.md §6 with the career rules of §3.8): successors for a
jabatan kritikal from Kotak 7, 8 and 9 of the latest talent run, with the career step rule,
readiness and the development actions that close the gap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max

from positions.matching.career import level_of, min_education, rule_for
from positions.models import (
    LEADERSHIP_RANK,
    Education,
    Employee,
    Golongan,
    Leadership,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
    today,
)
from training.models import TrainingProgram

from .models import SUCCESSION_KOTAK, Readiness, SuccessionPlan, TalentResult, TalentRun

# Minimum education and years in the lower post per target: the one table of
# positions.matching.career (PP 11/2017 as amended, docs/domain.md §3.8).
YEARS_PER_GOLONGAN = 4  # kenaikan pangkat reguler
PNS_GOLONGAN = [value for value, _ in Golongan.choices if not value.startswith("P")]
MAX_PROPOSED = 10


def step_of(jenis: str, jenjang: str = "") -> int:
    """The post's step on the one career ladder of docs/domain.md §3.8
    (positions.matching.career.level_of), counted from 1 = pelaksana and JF at that level."""
    return level_of(jenis, jenjang) + 1


def career_step_allows(current_step: int, target_step: int) -> bool:
    """No demotion by placement and one step at a time (docs/domain.md §3.8): the candidate's
    current post is of the same jenjang as the target or one step below, never higher."""
    return target_step - 1 <= current_step <= target_step


@dataclass
class Action:
    """A development action that closes a gap; `program` when a catalog program fits."""

    text: str
    program: TrainingProgram | None = None


@dataclass
class Proposal:
    employee: Employee
    result: TalentResult
    current: Position | None
    readiness: str
    lateral: bool = False  # on the target's jenjang already (a move, not a promotion)
    opd_name: str = ""
    gaps: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def readiness_label(self) -> str:
        return str(Readiness(self.readiness).label)

    @property
    def gaps_text(self) -> str:
        return "; ".join(self.gaps)


def latest_run_for(position: Position) -> TalentRun | None:
    return TalentRun.objects.covering(position.unit).select_related("unit").first()


def _years_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / 365.25


def _pangkat_gap(golongan: str, tmt: dt.date | None, minimum: str, on: dt.date) -> float:
    """Years until a PNS reaches `minimum` by regular promotion (0 when already there)."""
    if not minimum or golongan >= minimum:
        return 0.0
    steps = PNS_GOLONGAN.index(minimum) - PNS_GOLONGAN.index(golongan)
    elapsed = _years_between(tmt, on) if tmt else 0.0
    return max(0.5, steps * YEARS_PER_GOLONGAN - elapsed)


def readiness_of(
    target: Position,
    *,
    employee: Employee,
    placement: Placement | None,
    top_education: str,
    leadership: set[str],
    programs: dict[str, TrainingProgram],
    on: dt.date,
) -> tuple[str, list[str], list[Action]] | None:
    """(readiness, gaps, actions) for `employee` as successor to `target`; None when the
    career rules exclude them (a higher post, more than one step below, a PPPK for a
    structural post, or an education below the minimum)."""
    target_step = step_of(target.jenis, target.jenjang)
    current = placement.position if placement else None
    current_step = step_of(current.jenis, current.jenjang) if current else 1
    if not career_step_allows(current_step, target_step):
        return None
    if target.is_structural and employee.is_pppk:
        return None
    minimum = min_education(target)
    if minimum and (not top_education or top_education < minimum):
        return None
    gaps: list[str] = []
    actions: list[Action] = []
    waits: list[float] = []
    needed = target.required_leadership
    if needed and not any(
        LEADERSHIP_RANK[Leadership(kind)] >= LEADERSHIP_RANK[Leadership(needed)]
        for kind in leadership
    ):
        label = Leadership(needed).label.split(" (")[0]
        gaps.append(f"pelatihan {label} belum diikuti")
        actions.append(Action(f"Ikutkan {label}", programs.get(needed)))
        waits.append(1.0)
    pangkat_wait = _pangkat_gap(employee.golongan, employee.tmt_golongan, target.min_golongan, on)
    if pangkat_wait:
        gaps.append(f"pangkat minimal {Golongan.short(target.min_golongan)} belum tercapai")
        actions.append(Action("Kenaikan pangkat reguler sesuai masa kerja golongan"))
        waits.append(pangkat_wait)
    if current_step < target_step and placement is not None:
        served = _years_between(placement.start_date, on)
        need = rule_for(target).years_in_lower
        if served < need:
            short = need - served
            gaps.append(
                f"pengalaman di jabatan sekarang kurang {short:.1f} tahun".replace(".", ",")
            )
            actions.append(Action("Penugasan/pengayaan jabatan sampai masa jabatan terpenuhi"))
            waits.append(short)
    if not waits:
        return Readiness.SEKARANG, gaps, actions
    return (Readiness.SATU_DUA if max(waits) <= 2 else Readiness.LEBIH), gaps, actions


READINESS_ORDER = {Readiness.SEKARANG: 0, Readiness.SATU_DUA: 1, Readiness.LEBIH: 2}


def propose_successors(
    target: Position, *, user: Any = None, on: dt.date | None = None
) -> list[Proposal]:
    """Successors for `target` from Kotak 7–9 of the latest run covering its instansi
    (the run over the target's unit or an ancestor): those of the same perangkat daerah
    first, then the ready ones, a promotion (one step below) before a lateral move, then by
    Kotak and score;
    with `user`, only people that user may see. A fixed number of queries."""
    on = on or today()
    run = latest_run_for(target)
    if run is None:
        return []
    holders = Placement.objects.on(on).filter(position=target).values("employee_id")
    pool = TalentResult.objects.filter(run=run, kotak__in=SUCCESSION_KOTAK)
    if user is not None:
        pool = pool.filter(employee__in=Employee.objects.visible_to(user).values("pk"))
    results = list(
        pool.exclude(employee_id__in=holders)
        .select_related("employee")
        .order_by("-kotak", "-potential_score")[:500]
    )
    ids = [r.employee_id for r in results]
    placements = {
        p.employee_id: p
        for p in Placement.objects.open()
        .filter(employee_id__in=ids, kind=Placement.Kind.DEFINITIF)
        .select_related("position__unit")
    }
    education = dict(
        Education.objects.filter(employee_id__in=ids)
        .values("employee_id")
        .annotate(top=Max("level"))
        .values_list("employee_id", "top")
    )
    leadership: dict[int, set[str]] = {}
    for employee_id, kind in LeadershipTraining.objects.filter(employee_id__in=ids).values_list(
        "employee_id", "kind"
    ):
        leadership.setdefault(employee_id, set()).add(kind)
    programs: dict[str, TrainingProgram] = {}
    for program in TrainingProgram.objects.filter(
        is_active=True, category__in=[k.value for k in Leadership]
    ).order_by("-pk"):
        programs[program.category] = program
    depth = 2 * OrgUnit.steplen
    opd_names = dict(
        OrgUnit.objects.filter(
            path__in={p.position.unit.path[:depth] for p in placements.values()}
        ).values_list("path", "name")
    )
    proposals = []
    for result in results:
        placement = placements.get(result.employee_id)
        verdict = readiness_of(
            target,
            employee=result.employee,
            placement=placement,
            top_education=education.get(result.employee_id, ""),
            leadership=leadership.get(result.employee_id, set()),
            programs=programs,
            on=on,
        )
        if verdict is None:
            continue
        readiness, gaps, actions = verdict
        proposals.append(
            Proposal(
                employee=result.employee,
                result=result,
                current=placement.position if placement else None,
                readiness=readiness,
                opd_name=opd_names.get(placement.position.unit.path[:depth], "")
                if placement
                else "",
                lateral=placement is not None
                and step_of(placement.position.jenis, placement.position.jenjang)
                == step_of(target.jenis, target.jenjang),
                gaps=gaps,
                actions=actions,
            )
        )
    # The same perangkat daerah first: its people know the field (rekam jejak).
    opd_path = target.unit.path[: 2 * OrgUnit.steplen]
    proposals.sort(
        key=lambda p: (
            not (p.current is not None and p.current.unit.path.startswith(opd_path)),
            READINESS_ORDER[Readiness(p.readiness)],
            p.lateral,
            -(p.result.kotak or 0),
            -(p.result.potential_score or 0),
        )
    )
    return proposals[:MAX_PROPOSED]


def current_plan(position: Position) -> SuccessionPlan | None:
    return (
        SuccessionPlan.objects.filter(position=position)
        .prefetch_related("candidates__employee")
        .select_related("approved_by")
        .order_by("-version")
        .first()
    )


def opd_of(unit: OrgUnit) -> OrgUnit:
    """The perangkat daerah above a unit (two levels from the root), or the unit itself."""
    depth = 2 * OrgUnit.steplen
    if len(unit.path) <= depth:
        return unit
    return OrgUnit.objects.get(path=unit.path[:depth])


def approved_succession_group(position: Position) -> list[tuple[Employee, float]]:
    """The latest approved succession list of a post, in its order, as the names of a JPT
    selection filled from the rencana suksesi (docs/domain.md §3.8: an instansi applying the
    sistem merit may fill a JPT from its talent pool instead of an open selection). The score
    of each name is its kotak (9 best). Registered with positions.selection in
    TalentConfig.ready(); empty when the post has no approved list."""
    plan = current_plan(position)
    if plan is None:
        return []
    candidates = sorted(plan.candidates.all(), key=lambda c: c.rank)
    return [(c.employee, float(c.kotak)) for c in candidates]
