"""Vacancy forecast (docs/domain.md §6 with §4.5): posts whose definitive holder leaves in the
next 12, 24 or 36 months through BUP, the end of a PPPK contract or a planned move, with the
approved successors of each post.

Who leaves by BUP or contract end is positions' rule (`positions.bup.leaving_within`, birth-date
windows per BUP in SQL), so the forecast of a province counts in a few indexed queries; exact
dates are computed for the displayed page with `Employee.exit_date`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from positions.bup import add_months, bup_ages_in_use, holder_leaving_q
from positions.models import Employee, OrgUnit, Placement, Position, today

from .models import PlannedMove, Readiness, SuccessionCandidate, SuccessionPlan

HORIZONS = (12, 24, 36)


def _leaving_q(on: dt.date, months: int, ages: list[int] | None = None) -> Q:
    """Placements whose holder leaves after `on` and within `months`: by BUP or contract end
    (positions.bup.holder_leaving_q, the rule of leaving_within on the placement's own
    columns) or by a planned move from that post."""
    moves = PlannedMove.objects.filter(
        employee=OuterRef("employee_id"),
        position=OuterRef("position_id"),
        move_date__gt=on,
        move_date__lte=add_months(on, months),
    )
    return holder_leaving_q(on, months, ages) | Q(Exists(moves))


def leaving_placements(
    unit: OrgUnit, months: int, *, on: dt.date | None = None, ages: list[int] | None = None
) -> QuerySet:
    """Open definitive placements in the unit subtree whose holder leaves within `months`."""
    on = on or today()
    return (
        Placement.objects.open()
        .filter(
            kind=Placement.Kind.DEFINITIF,
            position__unit__path__startswith=unit.path,
            employee__status=Employee.Status.AKTIF,
        )
        .filter(_leaving_q(on, months, ages))
    )


def horizon_counts(unit: OrgUnit, *, on: dt.date | None = None) -> dict[int, int]:
    """Posts' holders leaving within each horizon, in one aggregate over the longest one."""
    on = on or today()
    ages = bup_ages_in_use()
    longest = leaving_placements(unit, max(HORIZONS), on=on, ages=ages)
    counts = longest.aggregate(
        **{f"h{months}": Count("pk", filter=_leaving_q(on, months, ages)) for months in HORIZONS}
    )
    return {months: counts[f"h{months}"] for months in HORIZONS}


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
    leave = employee.exit_date(position.bup_age)
    if employee.is_pppk and employee.contract_end:
        reason = "Akhir perjanjian kerja PPPK"
    else:
        reason = f"BUP {position.bup_age} tahun"
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
        .filter(_leaving_q(on, months))
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
