"""The project's cache, failing open: a cache outage (Redis restarting, CACHE_URL unreachable)
makes a cached page compute its figures and a write skip moving a cache version, with a warning
in the log, instead of answering 500. Rate limits do the same (core/ratelimit.py).

What is lost while the cache is down is only speed; what a version move could not reach is an
entry written before the outage that survives it, read until its timeout (CANDIDATE_CACHE_SECONDS,
FIGURES_CACHE_SECONDS), which a Redis restart without persistence, as shipped, empties anyway.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache import cache
from django.db import transaction

log = logging.getLogger(__name__)


def get(key: str, default: Any = None) -> Any:
    try:
        return cache.get(key, default)
    except Exception:  # any cache outage: fail open
        log.warning("cache unavailable: %s not read", key, exc_info=True)
        return default


def set(key: str, value: Any, timeout: float | None) -> None:
    try:
        cache.set(key, value, timeout)
    except Exception:
        log.warning("cache unavailable: %s not written", key, exc_info=True)


def add(key: str, value: Any, timeout: float | None) -> None:
    try:
        cache.add(key, value, timeout)
    except Exception:
        log.warning("cache unavailable: %s not added", key, exc_info=True)


# --- Version numbers: every key that embeds one is dropped at once when it moves -------------


def version(key: str) -> int:
    """The version number kept under `key`, created on first use."""
    current = get(key)
    if current is None:
        add(key, time.time_ns(), None)
        current = get(key, 0)
    return int(current)


def move_version(key: str) -> None:
    set(key, time.time_ns(), None)


def move_version_on_write(key: str) -> None:
    """Move it now and again when the current transaction commits: a reader between the write
    and the commit computed from the old rows."""
    move_version(key)
    transaction.on_commit(lambda: move_version(key))
