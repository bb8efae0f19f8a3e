"""Analisis kebutuhan pengembangan kompetensi.

Compares each employee's latest assessed competency levels with the levels their current
definitive position requires (PermenPANRB 38/2017), checks the leadership training the position
requires (PKP/PKA/PKN, docs/domain.md §5) and the latest performance result (read through
performance.selectors.latest_ratings), then recommends active programs that develop what is
missing. Everything is fetched in bulk (a fixed number of queries for a whole unit subtree) and
computed in Python.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from performance.selectors import latest_ratings
from positions.models import (
    LEADERSHIP_RANK,
    Competency,
    Employee,
    EmployeeCompetency,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
    PositionCompetency,
    Predikat,
    today,
)

from ..models import Category, ProgramCompetency, TrainingProgram

WEAK_PREDIKAT = {Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG}
# Weak performance is addressed by managerial and socio-cultural development (PerLAN 10/2018).
PERFORMANCE_CATEGORIES = {Category.MANAJERIAL, Category.SOSIAL_KULTURAL}
LEADERSHIP_SHORT = {"pkp": "PKP", "pka": "PKA", "pkn2": "PKN Tingkat II", "pkn1": "PKN Tingkat I"}
MAX_RECOMMENDATIONS = 3


def join_words(parts: list[str]) -> str:
    """['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b dan c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} dan {parts[-1]}"


# --- The analysis ----------------------------------------------------------------------------


@dataclass
class Gap:
    competency: Competency
    required: int
    current: int | None  # None: never assessed, the whole required level is the gap

    @property
    def size(self) -> int:
        return self.required - (self.current or 0)

    @property
    def current_label(self) -> str:
        return "belum dinilai" if self.current is None else str(self.current)


@dataclass
class Recommendation:
    program: TrainingProgram
    gaps_covered: int = 0
    levels_covered: int = 0
    covers_leadership: bool = False
    covers_performance: bool = False
    reasons: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # short labels for the unit summary

    @property
    def reason(self) -> str:
        text = "; ".join(self.reasons)
        return text[:1].upper() + text[1:]

    @property
    def rank_key(self) -> tuple[int, int, int, int, str]:
        # A missing leadership training is a legal obligation of the post, so it goes first;
        # then gaps covered, gap levels covered, shorter JP (docs/domain.md §5).
        return (
            -int(self.covers_leadership),
            -self.gaps_covered,
            -self.levels_covered,
            self.program.jp,
            self.program.name,
        )


@dataclass
class EmployeeNeeds:
    employee: Employee
    position: Position | None
    gaps: list[Gap] = field(default_factory=list)
    missing_leadership: str = ""  # Leadership code the post requires and the employee lacks
    weak_predikat: str = ""
    predikat_year: int | None = None
    perilaku_below_year: int | None = None
    perilaku_label: str = ""  # the rating's label when perilaku_below_year is set
    recommendations: list[Recommendation] = field(default_factory=list)

    @property
    def missing_leadership_label(self) -> str:
        return LEADERSHIP_SHORT.get(self.missing_leadership, "")

    @property
    def weak_performance(self) -> bool:
        return bool(self.weak_predikat or self.perilaku_below_year)

    @property
    def has_needs(self) -> bool:
        return bool(self.gaps or self.missing_leadership or self.weak_performance)

    @property
    def top(self) -> Recommendation | None:
        return self.recommendations[0] if self.recommendations else None

    def performance_reasons(self) -> list[str]:
        reasons = []
        if self.weak_predikat:
            year = f" {self.predikat_year}" if self.predikat_year else ""
            reasons.append(f"predikat kinerja{year} {Predikat(self.weak_predikat).label}")
        if self.perilaku_below_year:
            reasons.append(
                f"rating perilaku kerja {self.perilaku_below_year} {self.perilaku_label}"
            )
        return reasons


def active_programs() -> list[TrainingProgram]:
    """Active programs with their competencies (two queries)."""
    return list(
        TrainingProgram.objects.filter(is_active=True)
        .prefetch_related(
            Prefetch(
                "competencies", queryset=ProgramCompetency.objects.select_related("competency")
            )
        )
        .order_by("name")
    )


def analyse(
    employees: QuerySet[Employee], *, programs: list[TrainingProgram] | None = None
) -> list[EmployeeNeeds]:
    """Needs of every employee in the queryset, in a fixed number of queries:
    employees, definitive placements, required competencies, assessments, leadership
    trainings, latest annual ratings, and (unless given) programs + their competencies."""
    on = today()
    people = list(employees.select_related("unit").order_by("name", "pk"))
    ids = employees.values("pk")
    placements = {
        p.employee_id: p
        for p in Placement.objects.on(on)
        .filter(kind=Placement.Kind.DEFINITIF, employee__in=ids)
        .select_related("position")
        .order_by("start_date")
    }
    required: dict[int, list[PositionCompetency]] = {}
    for pc in PositionCompetency.objects.filter(
        position_id__in={p.position_id for p in placements.values()}
    ).select_related("competency"):
        required.setdefault(pc.position_id, []).append(pc)
    assessed: dict[tuple[int, int], int] = {}
    for emp_id, comp_id, level in (
        EmployeeCompetency.objects.filter(employee__in=ids)
        .order_by("assessed_on", "pk")
        .values_list("employee_id", "competency_id", "level")
    ):
        assessed[(emp_id, comp_id)] = level  # ordered by date: the latest wins
    held: dict[int, int] = {}
    for emp_id, kind in LeadershipTraining.objects.filter(employee__in=ids).values_list(
        "employee_id", "kind"
    ):
        held[emp_id] = max(held.get(emp_id, 0), LEADERSHIP_RANK.get(kind, 0))
    ratings = latest_ratings(ids)
    if programs is None:
        programs = active_programs()

    result = []
    for emp in people:
        placement = placements.get(emp.pk)
        position = placement.position if placement else None
        needs = EmployeeNeeds(employee=emp, position=position)
        if position is not None:
            for pc in required.get(position.pk, []):
                current = assessed.get((emp.pk, pc.competency_id))
                if current is None or current < pc.level:
                    needs.gaps.append(Gap(pc.competency, pc.level, current))
            needed = position.required_leadership
            if needed and held.get(emp.pk, 0) < LEADERSHIP_RANK[needed]:
                needs.missing_leadership = needed
        if emp.latest_predikat in WEAK_PREDIKAT:
            needs.weak_predikat = emp.latest_predikat
            needs.predikat_year = emp.latest_predikat_year
        latest = ratings.get(emp.pk)
        if latest is not None and latest.perilaku_below:
            needs.perilaku_below_year = latest.year
            needs.perilaku_label = latest.perilaku_label
        needs.recommendations = recommend(needs, programs)
        result.append(needs)
    return result


def recommend(needs: EmployeeNeeds, programs: list[TrainingProgram]) -> list[Recommendation]:
    """Programs that develop what the employee lacks, ranked, each with its reason."""
    gaps = {gap.competency.pk: gap for gap in needs.gaps}
    found = []
    for program in programs:
        rec = Recommendation(program=program)
        covered = []
        for pc in program.competencies.all():
            gap = gaps.get(pc.competency_id)
            if gap is None or pc.target_level <= (gap.current or 0):
                continue
            reached = min(pc.target_level, gap.required)
            rec.gaps_covered += 1
            rec.levels_covered += reached - (gap.current or 0)
            covered.append(f"{gap.competency.code} ({gap.current_label} → {reached})")
            rec.tags.append(gap.competency.code)
        if covered:
            rec.reasons.append(f"menutup kesenjangan {join_words(covered)}")
        if needs.missing_leadership and program.category == needs.missing_leadership:
            rec.covers_leadership = True
            jenis = Position.Jenis(needs.position.jenis).label if needs.position else ""
            rec.reasons.append(
                f"belum memiliki {needs.missing_leadership_label} yang disyaratkan jabatan {jenis}"
            )
            rec.tags.append(f"belum {needs.missing_leadership_label}")
        if needs.weak_performance and program.category in PERFORMANCE_CATEGORIES:
            rec.covers_performance = True
            rec.reasons.extend(needs.performance_reasons())
            rec.tags.append("kinerja")
        if rec.reasons:
            found.append(rec)
    found.sort(key=lambda r: r.rank_key)
    return found[:MAX_RECOMMENDATIONS]


@dataclass
class ProgramNeed:
    """One program's row in a unit's aggregated needs."""

    program: TrainingProgram
    people: int = 0
    first_priority: int = 0
    tags: Counter[str] = field(default_factory=Counter)

    @property
    def total_jp(self) -> int:
        return self.people * self.program.jp

    @property
    def summary(self) -> str:
        return ", ".join(f"{tag} ({n})" for tag, n in self.tags.most_common())


def aggregate(analysis: list[EmployeeNeeds]) -> list[ProgramNeed]:
    """How many people need which program (any of their top recommendations), most first."""
    rows: dict[int, ProgramNeed] = {}
    for needs in analysis:
        for index, rec in enumerate(needs.recommendations):
            row = rows.setdefault(rec.program.pk, ProgramNeed(program=rec.program))
            row.people += 1
            row.first_priority += int(index == 0)
            row.tags.update(rec.tags)
    return sorted(rows.values(), key=lambda r: (-r.first_priority, -r.people, r.program.name))


def unit_employees(unit: OrgUnit) -> QuerySet[Employee]:
    """Active employees whose unit kerja lies in the unit's subtree."""
    return Employee.objects.filter(unit__path__startswith=unit.path, status=Employee.Status.AKTIF)
