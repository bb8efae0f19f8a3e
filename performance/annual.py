"""Moves during the year and the annual result.

Rule (documented in the README): when an employee's definitive placement changes during the
year, the SKP of the old position ends the day before the new TMT and a new SKP starts on the
TMT with the penilai of the new position. Each SKP gets its own final (TW IV/akhir)
evaluation. The annual predikat of the year is the predikat of the SKP that covered the most
days of the year (on a tie, the later one); all SKPs of the year are shown together on the
employee's history and on the yearly report."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction

from positions.models import OrgUnit

from . import services
from .models import SKP, Evaluation


@transaction.atomic
def split_skp_for_move(skp: SKP, *, move_date: dt.date) -> SKP:
    """End `skp` the day before `move_date` and start the SKP of the new position."""
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if not skp.period_start < move_date <= skp.period_end:
        raise ValidationError("Tanggal pindah harus berada di dalam periode SKP.")
    placement = skp.employee.definitive_placement(move_date)
    if placement is None or placement.position_id == skp.position_id:
        raise ValidationError("Tidak ada perpindahan jabatan definitif pada tanggal itu.")
    old_end = skp.period_end
    skp.period_end = move_date - dt.timedelta(days=1)
    skp.save(update_fields=["period_end"])
    return services.create_skp(
        skp.employee,
        year=skp.year,
        pendekatan=skp.pendekatan,
        period_start=move_date,
        period_end=old_end,
    )


def skps_needing_split(year: int) -> list[tuple[SKP, dt.date]]:
    """Current SKPs whose employee moved to another definitive post inside the period."""
    result = []
    skps = SKP.objects.current().filter(year=year).select_related("employee")
    for skp in skps:
        for placement in skp.employee.placements.filter(
            kind="definitif", start_date__gt=skp.period_start, start_date__lte=skp.period_end
        ).exclude(position_id=skp.position_id):
            result.append((skp, placement.start_date))
            break
    return result


def annual_predikat(skps: list[SKP]) -> str:
    """The predikat of the longest-covering SKP that has a final akhir evaluation."""
    best: tuple[int, dt.date, str] | None = None
    for skp in skps:
        final = [e for e in skp.evaluations.all() if e.period == "tw4" and e.predikat]
        if not final:
            continue
        days = (skp.period_end - skp.period_start).days + 1
        key = (days, skp.period_start, final[0].predikat)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else ""


def annual_results(unit: OrgUnit, year: int) -> dict[int, str]:
    """{employee id: annual predikat} for the unit subtree (employees with a rated akhir).

    Same rule as annual_predikat, over plain tuples from one query: loading the SKP and
    Evaluation objects of a large dinas (8,700 people) took over a second."""
    rows = (
        Evaluation.objects.filter(
            period=Evaluation.Period.TW4,
            skp__year=year,
            skp__superseded_at__isnull=True,
            skp__position__unit__path__startswith=unit.path,
        )
        .exclude(predikat="")
        .order_by()  # any order: the loop keeps the best per employee
        .values_list("skp__employee_id", "skp__period_start", "skp__period_end", "predikat")
    )
    best: dict[int, tuple[tuple[int, dt.date], str]] = {}
    for employee_id, start, end, predikat in rows:
        key = ((end - start).days + 1, start)
        if employee_id not in best or key > best[employee_id][0]:
            best[employee_id] = (key, predikat)
    return {employee_id: predikat for employee_id, (_, predikat) in best.items()}


def annual_distribution(unit: OrgUnit, year: int) -> Counter[str]:
    """Counts of annual predikat per person (a moved employee counts once)."""
    return Counter(annual_results(unit, year).values())
