"""Scope-wide figures reused for a few minutes: the dashboards of the home page and sistem merit.

The pimpinan dashboard, the HR progress table and the sistem merit indicators each aggregate a
whole scope (up to the province's 19,000 ASN: 0.2–0.7 s of PostgreSQL). Their readers look at
them many times an hour and act on the detail pages, which stay live. So each result is kept in
the project's cache for `FIGURES_CACHE_SECONDS` (default 300; 0 turns the cache off), keyed by
what it was computed from (the scope's paths, the year, the date), and the page says when it
was computed, with a link that computes it again ("Hitung ulang"). Bulk writes that change many
figures at once (an import committed, a year closed, a seed) call `invalidate()`, after which
every entry is computed afresh. docs/architecture.md, "Cached figures".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone

from . import safe_cache

T = TypeVar("T")
GENERATION_KEY = "figures:generation"
REFRESH_PARAM = "segarkan"  # ?segarkan=1 computes the page's figures again


@dataclass(frozen=True)
class Figures(Generic[T]):
    """A computed result and when it was computed (shown as "Angka per pukul …")."""

    value: T
    computed_at: dt.datetime
    seconds: int  # how long it is reused; 0: computed for this request only

    @property
    def cached(self) -> bool:
        return self.seconds > 0

    @property
    def minutes(self) -> int:
        """The longest the figures may be old, in whole minutes (rounded up)."""
        return max(1, math.ceil(self.seconds / 60))


def seconds() -> int:
    return int(settings.FIGURES_CACHE_SECONDS)


def generation() -> int:
    return safe_cache.version(GENERATION_KEY)


def new_generation() -> None:
    """Every entry cached so far is ignored from now (tests start each test with one)."""
    safe_cache.move_version(GENERATION_KEY)


def invalidate() -> None:
    """Every cached figure is computed afresh from now, and again once this transaction
    commits."""
    safe_cache.move_version_on_write(GENERATION_KEY)


def key(kind: str, *parts: object) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"figures:{generation()}:{kind}:{digest}"


def cached(
    kind: str, parts: tuple[object, ...], compute: Callable[[], T], *, refresh: bool = False
) -> Figures[T]:
    """`compute()`, or its result from the cache when the same `kind` and `parts` were computed
    less than `seconds()` ago. `refresh` computes it again and replaces the cached one."""
    ttl = seconds()
    if ttl <= 0:
        return Figures(compute(), timezone.now(), 0)
    entry_key = key(kind, *parts)
    if not refresh:
        hit = safe_cache.get(entry_key)
        if isinstance(hit, Figures):
            return hit
    result = Figures(compute(), timezone.now(), ttl)
    safe_cache.set(entry_key, result, ttl)
    return result


def refresh_query(query: QueryDict) -> str:
    """The request's other parameters, as the start of the "Hitung ulang" link's query."""
    kept = query.copy()
    kept.pop(REFRESH_PARAM, None)
    encoded = kept.urlencode()
    return f"{encoded}&" if encoded else ""


def wants_refresh(query: QueryDict) -> bool:
    """Whether the request asked for fresh figures (`?segarkan=1`)."""
    return query.get(REFRESH_PARAM) == "1"
