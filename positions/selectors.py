"""Read logic of the positions app used by views (and other apps' pages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .models import Employee, Placement, Position


def placement_preview(
    employee: Employee, *, position: Position, kind: str, start_date: dt.date, **_: Any
) -> dict[str, Any]:
    """What a placement will change, shown before HR confirms it: the definitive post that
    closes (and on which day), the unit kerja that changes, and the post's filling."""
    previous = None
    if kind == Placement.Kind.DEFINITIF:
        previous = (
            employee.placements.open()
            .filter(kind=Placement.Kind.DEFINITIF)
            .select_related("position__unit")
            .first()
        )
    holders = position.placements.open().filter(kind=Placement.Kind.DEFINITIF).count()
    return {
        "position": position,
        "kind_label": Placement.Kind(kind).label,
        "start_date": start_date,
        "previous": previous,
        "previous_end": start_date - dt.timedelta(days=1) if previous else None,
        "unit_changes": kind == Placement.Kind.DEFINITIF and employee.unit_id != position.unit_id,
        "holders_after": holders + (1 if kind == Placement.Kind.DEFINITIF else 0),
        "kebutuhan": position.kebutuhan,
    }
