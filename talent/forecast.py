"""Vacancy forecast (docs/domain.md §6 with §4.5): posts whose definitive holder leaves in the
next 12, 24 or 36 months through BUP, the end of a PPPK contract or a planned move, with the
approved successors of each post.

The window is found in SQL (birth dates per BUP, contract ends, planned moves), so the forecast
of a province counts in a few indexed queries; exact dates are computed for the displayed page
with the employee's own `exit_date`/`retirement_date`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from positions.models import Employee, OrgUnit, Placement, Position, retirement_date, today

from .models import PlannedMove, Readiness, SuccessionCandidate, SuccessionPlan

HORIZONS = (12, 24, 36)
BUP_AGES = (58, 60, 65)
# positions stores the BUP of each post (`Position.bup_age`, from its BUP table) once that
# field exists; before, the same rule of PP 11/2017 Ps. 239 as an expression.
_STORED_BUP = any(f.name == "bup_age" for f in Position._meta.concrete_fields)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def _bup_expression() -> Any:
    if _STORED_BUP:
        return F("position__bup_age")
    return Case(
        When(position__jenis__in=["jpt_utama", "jpt_madya", "jpt_pratama"], then=Value(60)),
        When(position__jenjang=Position.Jenjang.AHLI_UTAMA, then=Value(65)),
        When(position__jenjang=Position.Jenjang.AHLI_MADYA, then=Value(60)),
        default=Value(58),
        output_field=IntegerField(),
    )


def _bup_of(position: Position) -> int:
    return int(position.bup_age)


def leaving_q(on: dt.date, months: int) -> Q:
    """Definitive placements (annotated with `bup`) whose holder leaves after `on` and before
    the first of the month `months` ahead: TMT pensiun (first of the month after the BUP
    birthday), a PPPK contract end, or a planned move from the post."""
    end = add_months(on, months)
    q = Q(pk__in=[])
    for age in BUP_AGES:
        # retirement_date(b, age) in (on, end]  ⇔  first-of-month(b) + age years + 1 month in
        # (on, end]: birth dates from the month after (on − age − 1 month) up to (end − age).
        first = dt.date(on.year - age, on.month, 1)
        last = dt.date(end.year - age, end.month, 1)
        bup_q = Q(bup=age, employee__birth_date__gte=first, employee__birth_date__lt=last)
        if hasattr(Employee, "contract_end"):
            bup_q &= ~Q(employee__kind=Employee.Kind.PPPK, employee__contract_end__isnull=False)
        q |= bup_q
    if hasattr(Employee, "contract_end"):
        q |= Q(
            employee__kind=Employee.Kind.PPPK,
            employee__contract_end__gt=on,
            employee__contract_end__lte=end,
        )
    moves = PlannedMove.objects.filter(
        employee=OuterRef("employee_id"),
        position=OuterRef("position_id"),
        move_date__gt=on,
        move_date__lte=end,
    )
    return q | Q(Exists(moves))


def leaving_placements(unit: OrgUnit, months: int, *, on: dt.date | None = None) -> QuerySet:
    """Open definitive placements in the unit subtree whose holder leaves within `months`."""
    on = on or today()
    return (
        Placement.objects.open()
        .filter(
            kind=Placement.Kind.DEFINITIF,
            position__unit__path__startswith=unit.path,
            employee__status=Employee.Status.AKTIF,
        )
        .annotate(bup=_bup_expression())
        .filter(leaving_q(on, months))
    )


def horizon_counts(unit: OrgUnit, *, on: dt.date | None = None) -> dict[int, int]:
    on = on or today()
    return {months: leaving_placements(unit, months, on=on).count() for months in HORIZONS}


@dataclass
class ForecastRow:
    placement: Placement
    date: dt.date
    reason: str
    successors: list[SuccessionCandidate] = field(default_factory=list)
    remaining: int = 0

    @property
    def position(self) -> Position:
        return self.placement.position

    @property
    def shortfall(self) -> int:
        """Kebutuhan minus the bezetting that remains (the formasi to fill)."""
        return max(0, self.position.kebutuhan - self.remaining)

    @property
    def has_ready_successor(self) -> bool:
        return any(c.readiness == Readiness.SEKARANG for c in self.successors)


def _exit(placement: Placement, moves: dict[tuple[int, int], dt.date]) -> tuple[dt.date, str]:
    employee, position = placement.employee, placement.position
    bup = _bup_of(position)
    if hasattr(employee, "exit_date"):
        leave = employee.exit_date(bup)
    else:
        leave = retirement_date(employee.birth_date, bup)
    contract = bool(getattr(employee, "contract_end", None)) and employee.is_pppk
    reason = "Akhir perjanjian kerja PPPK" if contract else f"BUP {bup} tahun"
    move = moves.get((employee.pk, position.pk))
    if move and move < leave:
        return move, "Rencana mutasi"
    return leave, reason


def forecast_rows(
    placements: list[Placement], months: int, *, on: dt.date | None = None
) -> list[ForecastRow]:
    """Rows of one page: the leaving date and reason, the approved successors of each post
    (latest version) and the bezetting the post keeps (kebutuhan − remaining holders).
    A fixed number of queries for the page."""
    on = on or today()
    position_ids = {p.position_id for p in placements}
    employee_ids = {p.employee_id for p in placements}
    moves = {
        (m.employee_id, m.position_id): m.move_date
        for m in PlannedMove.objects.filter(
            employee_id__in=employee_ids, position_id__in=position_ids, move_date__gt=on
        )
    }
    latest: dict[int, SuccessionPlan] = {}
    for plan in SuccessionPlan.objects.filter(position_id__in=position_ids).order_by("version"):
        latest[plan.position_id] = plan
    successors: dict[int, list[SuccessionCandidate]] = {}
    for candidate in SuccessionCandidate.objects.filter(
        plan__in=list(latest.values())
    ).select_related("employee", "plan"):
        successors.setdefault(candidate.plan.position_id, []).append(candidate)
    annotated = Position.objects.filter(pk__in=position_ids).with_bezetting(on)
    # bezetting is the annotation of with_bezetting, which the stubs cannot see.
    bezetting = dict(annotated.values_list("pk", "bezetting"))  # type: ignore[misc]
    leaving: dict[int, int] = {}
    for position_id in (
        Placement.objects.open()
        .filter(kind=Placement.Kind.DEFINITIF, position_id__in=position_ids)
        .annotate(bup=_bup_expression())
        .filter(leaving_q(on, months))
        .values_list("position_id", flat=True)
    ):
        leaving[position_id] = leaving.get(position_id, 0) + 1
    rows = []
    for placement in placements:
        date, reason = _exit(placement, moves)
        position = placement.position
        rows.append(
            ForecastRow(
                placement=placement,
                date=date,
                reason=reason,
                successors=sorted(successors.get(position.pk, []), key=lambda c: c.rank),
                remaining=max(0, bezetting.get(position.pk, 0) - leaving.get(position.pk, 0)),
            )
        )
    return rows


def remaining_bezetting(unit: OrgUnit, months: int, *, on: dt.date | None = None) -> dict[int, int]:
    """{position id: definitive holders that remain in `months`} for every post of the unit
    subtree with a holder today: today's bezetting minus those who leave by BUP, contract end
    or a planned move (docs/domain.md §6). The peta jabatan can show kebutuhan − this."""
    on = on or today()
    annotated = Position.objects.in_subtree(unit).with_bezetting(on)
    # bezetting is the annotation of with_bezetting, which the stubs cannot see.
    held = dict(annotated.filter(bezetting__gt=0).values_list("pk", "bezetting"))  # type: ignore[misc]
    leaving: dict[int, int] = {}
    for position_id in leaving_placements(unit, months, on=on).values_list(
        "position_id", flat=True
    ):
        leaving[position_id] = leaving.get(position_id, 0) + 1
    return {pk: max(0, n - leaving.get(pk, 0)) for pk, n in held.items()}
