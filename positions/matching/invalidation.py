"""The version number every cached ranking carries: any write that can change a ranking moves
it, so an entry computed before the write is never read after it (positions/matching/cache.py).

A ranking depends on the post's requirements, the employees' facts and the reader's scope, all
of them rows of the `positions` app (and `Employee.latest_predikat`, which the performance
services save). Every save or delete of those models, and every refresh of the candidate
features (which the bulk paths call), moves the version. It moves at once and again when the
transaction commits: a ranking computed from the old rows while the write was still uncommitted
cannot survive the commit either.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from core import safe_cache
from positions import models as m

VERSION_KEY = "candidates:version"
# Every model whose rows a ranking reads (Employee: status, golongan, predikat, scope links).
WATCHED = (
    m.Education, m.EducationField, m.Employee, m.EmployeeCompetency, m.FunctionalBup,
    m.HRScope, m.LeadershipTraining, m.Placement, m.Position, m.PositionCompetency,
)  # fmt: skip


def version() -> int:
    return safe_cache.version(VERSION_KEY)


def invalidate() -> None:
    """Every cached ranking is stale from now, and again once this transaction commits (a
    write does not fail because the cache is down: core/safe_cache.py)."""
    safe_cache.move_version_on_write(VERSION_KEY)


def _changed(sender: Any, **kwargs: Any) -> None:
    invalidate()


def connect() -> None:
    """Called from PositionsConfig.ready()."""
    for model in WATCHED:
        uid = f"candidate_cache_{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid + "_save")
        post_delete.connect(_changed, sender=model, dispatch_uid=uid + "_delete")
    m2m_changed.connect(
        _changed, sender=m.Position.accepted_fields.through, dispatch_uid="candidate_cache_fields"
    )
