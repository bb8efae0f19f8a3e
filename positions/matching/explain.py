"""The explanation of a ranking in words (the components of each displayed candidate), the
candidate page and the vacancy chain. The ranking itself is one query in `ranking`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from positions.models import (
    Education,
    Employee,
    EmployeeCompetency,
    LeadershipTraining,
    Placement,
    Position,
    retirement_date,
    today,
)

if TYPE_CHECKING:
    from asnportal.models import User

from . import cache
from .career import (
    LEVEL_LABELS,
    Check,
    Rule,
    assess,
    duration,
    grace_months,
    is_jpt,
    level_of,
    months_between,
    rule_for,
)
from .ranking import (
    CHAIN_CANDIDATES,
    CHAIN_LENGTH,
    COMPONENT_LABELS,
    DEFAULT_LIMIT,
    FULL_TENURE_MONTHS,
    PREDIKAT_NEUTRAL,
    PREDIKAT_VALUE,
    WEIGHTS,
    Requirements,
    candidate_pool,
    leadership_short,
    min_birth_date,
    min_months_to_bup,
    requirements_for,
)


@dataclass
class Component:
    key: str
    label: str
    weight: int
    value: float
    fact: str
    verdict: str = ""  # "sesuai", "serumpun", … for the badge colour

    @property
    def points(self) -> float:
        return round(self.weight * self.value, 1)


@dataclass
class Candidate:
    employee: Employee
    score: float
    components: list[Component]
    placement: Placement | None  # current definitive placement (vacated if placed)
    education: Education | None  # highest
    months_in_position: int | None
    checks: list[Check] = field(default_factory=list)  # career requirements, met or not

    @property
    def checks_met(self) -> int:
        return sum(1 for c in self.checks if c.met)

    @property
    def leadership_due(self) -> str:
        """“PKA wajib dalam 12 bulan …” when the training is still to be done, else ""."""
        return next(
            (c.fact for c in self.checks if c.key == "kepemimpinan" and c.fact != "sudah"), ""
        )


@dataclass
class ChainEntry:
    """Placing `candidate` vacates `position`; `candidates` are that post's own top picks."""

    candidate: Candidate
    position: Position
    candidates: list[Employee]
    requirements: Requirements
    placeable_ids: set[int] = field(default_factory=set)  # filled by the view from the scopes

    @property
    def is_jpt(self) -> bool:
        return is_jpt(self.position)


_duration = duration  # the name the tests and templates have used


def explain(
    employees: list[Employee], req: Requirements, *, on: dt.date | None = None
) -> list[Candidate]:
    """Words for each component and each career requirement of the ranked rows: four queries
    (definitive placements, educations, competency assessments, leadership trainings), whatever
    the row count."""
    on = on or today()
    ids = [e.pk for e in employees]
    if not ids:
        return []
    history: dict[int, list[Placement]] = {}
    for p in (
        Placement.objects.filter(employee_id__in=ids, kind=Placement.Kind.DEFINITIF)
        .select_related("position__unit")
        .order_by("employee_id", "-start_date")
    ):
        history.setdefault(p.employee_id, []).append(p)
    placements = {
        pk: next((p for p in rows if p.end_date is None), None) for pk, rows in history.items()
    }
    educations: dict[int, list[Education]] = {}
    for edu in Education.objects.filter(employee_id__in=ids).select_related("field"):
        educations.setdefault(edu.employee_id, []).append(edu)  # highest level first
    levels: dict[tuple[int, int], EmployeeCompetency] = {}
    if req.competencies:
        assessed = EmployeeCompetency.objects.filter(
            employee_id__in=ids, competency_id__in=[rc.competency_id for rc in req.competencies]
        ).order_by("employee_id", "competency_id", "-assessed_on")
        for ec in assessed:
            levels.setdefault((ec.employee_id, ec.competency_id), ec)  # latest wins
    trainings: dict[int, list[LeadershipTraining]] = {}
    if req.leadership:
        for lt in LeadershipTraining.objects.filter(
            employee_id__in=ids, kind__in=req.satisfying_leadership
        ).order_by("year"):
            trainings.setdefault(lt.employee_id, []).append(lt)

    result = []
    for emp in employees:
        placement = placements.get(emp.pk)
        months = months_between(placement.start_date, on) if placement else None
        edus = educations.get(emp.pk, [])
        components = [
            _field_component(emp, edus, req),
            _competency_component(emp, levels, req),
            _leadership_component(emp, trainings.get(emp.pk, []), req),
            _predikat_component(emp),
            _tenure_component(emp, months),
        ]
        result.append(
            Candidate(
                employee=emp,
                score=round(emp.score, 1),  # type: ignore[attr-defined]
                components=components,
                placement=placement,
                education=edus[0] if edus else None,
                months_in_position=months,
                checks=assess(
                    req.position,
                    birth_date=emp.birth_date,
                    kind=emp.kind,
                    golongan=emp.golongan,
                    education_level=edus[0].level if edus else "",
                    placements=history.get(emp.pk, []),
                    has_leadership=bool(trainings.get(emp.pk)),
                    on=on,
                ),
            )
        )
    return result


def _component(key: str, emp: Employee, fact: str, verdict: str = "") -> Component:
    value = float(getattr(emp, f"c_{key}"))
    return Component(key, COMPONENT_LABELS[key], WEIGHTS[key], value, fact, verdict)


def _education_text(edu: Education) -> str:
    name = f" {edu.field.name}" if edu.field_id else ""  # type: ignore[union-attr]
    return f"{edu.get_level_display()}{name}"


def _field_component(emp: Employee, edus: list[Education], req: Requirements) -> Component:
    if not req.accepted_fields:
        return _component("field", emp, "tidak dipersyaratkan", "na")
    accepted = req.accepted_field_ids
    for edu in edus:
        if edu.field_id in accepted:
            return _component("field", emp, f"{_education_text(edu)} — sesuai", "ok")
    for edu in edus:
        if edu.field_id in req.group_field_ids:
            text = f"{_education_text(edu)} — serumpun ({edu.field.group})"  # type: ignore[union-attr]
            return _component("field", emp, text, "partial")
    if edus:
        return _component("field", emp, f"{_education_text(edus[0])} — tidak sesuai", "no")
    return _component("field", emp, "belum ada riwayat pendidikan", "no")


def _competency_component(
    emp: Employee, levels: dict[tuple[int, int], EmployeeCompetency], req: Requirements
) -> Component:
    if not req.competencies:
        return _component("competency", emp, "tidak dipersyaratkan", "na")
    parts = []
    met = 0
    for rc in req.competencies:
        ec = levels.get((emp.pk, rc.competency_id))
        if ec is not None and ec.level >= rc.level:
            met += 1
        parts.append(f"{rc.code} {ec.level if ec else '–'}/{rc.level}")
    assessed = any((emp.pk, rc.competency_id) in levels for rc in req.competencies)
    verdict = "ok" if met == len(req.competencies) else ("partial" if assessed else "no")
    return _component("competency", emp, ", ".join(parts), verdict)


def _leadership_component(
    emp: Employee, held: list[LeadershipTraining], req: Requirements
) -> Component:
    if not req.leadership:
        return _component("leadership", emp, "tidak dipersyaratkan", "na")
    if held:
        lt = held[0]
        return _component("leadership", emp, f"{leadership_short(lt.kind)} {lt.year}", "ok")
    # Not a precondition (docs/domain.md §3.8): due within the grace period after appointment.
    due = f"belum {req.leadership_label} — wajib dalam {grace_months()} bulan setelah pelantikan"
    return _component("leadership", emp, due, "no")


def _predikat_component(emp: Employee) -> Component:
    if not emp.latest_predikat:
        return _component("predikat", emp, "belum ada (netral)", "na")
    year = f" ({emp.latest_predikat_year})" if emp.latest_predikat_year else ""
    value = PREDIKAT_VALUE.get(emp.latest_predikat, PREDIKAT_NEUTRAL)
    verdict = "ok" if value >= 0.8 else ("partial" if value >= 0.4 else "no")
    return _component("predikat", emp, f"{emp.get_latest_predikat_display()}{year}", verdict)


def _tenure_component(emp: Employee, months: int | None) -> Component:
    if months is None:
        return _component("tenure", emp, "belum ada jabatan definitif", "no")
    verdict = "ok" if months >= FULL_TENURE_MONTHS else ("partial" if months > 0 else "no")
    return _component("tenure", emp, _duration(months), verdict)


# --- The page -----------------------------------------------------------------


@dataclass
class CandidatePage:
    position: Position
    requirements: Requirements
    holders: list[Placement]
    candidates: list[Candidate]
    summary: dict[str, Any]
    limit: int
    min_months_to_bup: int
    min_birth_date: dt.date

    @property
    def weights(self) -> list[tuple[str, str, int]]:
        return [(k, COMPONENT_LABELS[k], w) for k, w in WEIGHTS.items()]

    @property
    def career_rule(self) -> Rule:
        return rule_for(self.position)

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[level_of(self.position.jenis, self.position.jenjang)]

    @property
    def lower_level_label(self) -> str:
        level = level_of(self.position.jenis, self.position.jenjang)
        return LEVEL_LABELS[level - 1] if level else ""

    @property
    def grace_months(self) -> int:
        return grace_months()

    @property
    def retirement_cutoff(self) -> dt.date:
        """TMT pensiun of the oldest eligible birth date, for the page's explanation."""
        return retirement_date(self.min_birth_date, self.position.bup_age)


def candidate_page(
    user: User, position: Position, *, limit: int = DEFAULT_LIMIT, on: dt.date | None = None
) -> CandidatePage:
    """Everything the candidate page shows but the vacancy chain (candidate_chain, loaded
    after the page), in a number of queries that does not depend on the number of employees:
    holders 1, requirements 3, ranking 1, explanation 2–4 (the assessments and trainings only
    when the post requires them), summary 1."""
    on = on or today()
    holders = list(
        Placement.objects.on(on)
        .filter(position=position)
        .select_related("employee")
        .order_by("kind", "employee__name")
    )
    req = requirements_for([position])[position.pk]
    candidates = explain(cache.ranked(user, position, req, limit=limit, on=on), req, on=on)
    summary = cache.summary(user, position, req, on=on)
    return CandidatePage(
        position=position,
        requirements=req,
        holders=holders,
        candidates=candidates,
        summary=summary,
        limit=limit,
        min_months_to_bup=min_months_to_bup(),
        min_birth_date=min_birth_date(position.bup_age, min_months_to_bup(), on),
    )


def candidate_chain(
    user: User,
    position: Position,
    *,
    top_ids: tuple[int, ...] = (),
    on: dt.date | None = None,
) -> list[ChainEntry]:
    """The vacancy chain of the candidate page, on its own request (the page shows first).

    `top_ids`: the page's top CHAIN_LENGTH candidates, best first; only those still in the
    user's pool count (2 queries: them, their placements). Without them, the same
    deterministic ranking again (requirements 3, ranking 1, placements and educations 2).
    Then vacancy_chain: 3 + one ranking per vacated post; at 120,000 employees each ranking
    takes ~0.2 s, which the page no longer waits for."""
    on = on or today()
    pool = candidate_pool(user, position, on=on)
    if top_ids:
        ids = top_ids[:CHAIN_LENGTH]
        found = {e.pk: e for e in pool.filter(pk__in=ids)}
        placements = {
            p.employee_id: p
            for p in Placement.objects.open()
            .filter(employee_id__in=found, kind=Placement.Kind.DEFINITIF)
            .select_related("position__unit")
        }
        # The chain needs only who moves and the post they would vacate, not the score.
        movers = [
            Candidate(found[pk], 0.0, [], placements.get(pk), None, None)
            for pk in ids
            if pk in found
        ]
        return vacancy_chain(user, movers, on=on)
    req = requirements_for([position])[position.pk]
    top = cache.ranked(user, position, req, limit=CHAIN_LENGTH, on=on)
    return vacancy_chain(user, explain(top, req, on=on), on=on)


def vacancy_chain(
    user: User, candidates: list[Candidate], *, on: dt.date | None = None
) -> list[ChainEntry]:
    """For each candidate with a definitive post, that post (vacated if they are placed) and its
    own top candidates: one ranking query per entry. Neither the moving candidate nor the
    first-ranked candidate of the original post (the expected appointee) is proposed."""
    on = on or today()
    if not candidates:
        return []
    first = candidates[0].employee.pk
    vacated = [c for c in candidates if c.placement is not None]
    positions = {c.placement.position_id: c.placement.position for c in vacated}  # type: ignore[union-attr]
    requirements = requirements_for(list(positions.values()))
    entries = []
    for cand in vacated:
        position = cand.placement.position  # type: ignore[union-attr]
        req = requirements[position.pk]
        top = cache.ranked(
            user,
            position,
            req,
            limit=CHAIN_CANDIDATES,
            exclude_ids=tuple(sorted({cand.employee.pk, first})),
            on=on,
        )
        entries.append(ChainEntry(cand, position, top, req))
    return entries
