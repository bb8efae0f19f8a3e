"""Ranked candidate lists and exclusion summaries kept in the cache, dropped on every write.

The keys carry the version of `invalidation.py`, which every write that can change a ranking
moves; entries also expire after `CANDIDATE_CACHE_SECONDS` (default 600). Only rankings for
today are cached (the live candidate page and its vacancy chain). The cache is the project's
default cache: Redis in production, shared by every web worker; per process with the embedded
default, where there is one process.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings

from core import safe_cache
from positions.models import Employee, Position

from .invalidation import version
from .ranking import (
    WEIGHTS,
    Requirements,
    candidate_pool,
    eligibility_summary,
    rank,
    use_features,
)

if TYPE_CHECKING:
    from asnportal.models import User


def seconds() -> int:
    return int(settings.CANDIDATE_CACHE_SECONDS)


def _key(kind: str, user: User, position: Position, on: dt.date, *parts: Any) -> str:
    tail = ":".join(str(p) for p in parts)
    return f"candidates:{version()}:{kind}:{user.pk}:{position.pk}:{on.isoformat()}:{tail}"


def ranked(
    user: User,
    position: Position,
    req: Requirements,
    *,
    limit: int,
    exclude_ids: tuple[int, ...] = (),
    on: dt.date,
) -> list[Employee]:
    """`ranking.rank` over the user's candidate pool, from the cache when nothing changed.

    A hit costs one query (the employees, with their units); the scores and components come
    from the cache as the ranking computed them."""

    def ranking() -> list[Employee]:  # on a hit not even the pool's scopes are looked up
        pool = candidate_pool(user, position, on=on)
        return rank(pool, req, limit=limit, exclude_ids=exclude_ids, on=on)

    if not use_features(on):
        return ranking()
    key = _key("rank", user, position, on, limit, ",".join(map(str, sorted(exclude_ids))))
    rows = safe_cache.get(key)
    if rows is None:
        top = ranking()
        rows = [(e.pk, e.score, {k: getattr(e, f"c_{k}") for k in WEIGHTS}) for e in top]
        safe_cache.set(key, rows, seconds())
        return top
    found = Employee.objects.select_related("unit").in_bulk([pk for pk, _, _ in rows])
    result = []
    for pk, score, parts in rows:
        employee = found.get(pk)
        if employee is None:  # deleted since: a write moved the version, so not reached
            continue
        setattr(employee, "score", score)  # noqa: B010  (an annotation in the uncached path)
        for key_, value in parts.items():
            setattr(employee, f"c_{key_}", value)
        result.append(employee)
    return result


def summary(user: User, position: Position, req: Requirements, *, on: dt.date) -> dict[str, Any]:
    """`ranking.eligibility_summary` of the user's candidate pool, from the cache when nothing
    changed."""

    def counted() -> dict[str, Any]:
        return eligibility_summary(candidate_pool(user, position, on=on), req, on=on)

    if not use_features(on):
        return counted()
    key = _key("summary", user, position, on)
    result = safe_cache.get(key)
    if result is None:
        result = counted()
        safe_cache.set(key, result, seconds())
    return result
