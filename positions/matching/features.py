"""The precomputed candidate features (`CandidateFeatures`) and the ranking's SQL on them.

Why: the career rules and two score components read each employee's placements, educations and
leadership trainings. As correlated or hashed subqueries over all placements they cost most of
the candidate page at 120,000 employees; as columns of a one-to-one row they are a hash join
(docs/architecture.md, "Precomputed candidate features"; tests/perf/README.md has the figures).

Kept in step by:

* `refresh(employee_ids)` after every write that changes a fact: the receivers below (save and
  delete of Placement, Education, LeadershipTraining, a new Employee, a Position whose rung may
  have changed) call it in the same transaction, and the bulk paths (employee import, the demo
  and scale seeds) call it for the rows they wrote;
* `refresh()` of everyone by the nightly `positions.tasks.refresh_candidate_features` and
  `manage.py refresh_candidate_features` (the only date-dependent column, `months_<rung>`,
  counts closed placements that had started by the refresh day);
* `stale_employee_ids()`, which the tests and the management command (`--check`) use to prove no
  row differs from a recomputation.

The ranking reads the features when it ranks for today (`ranking.use_features`); for another
date (a JPT selection opened earlier) it keeps the direct subqueries, which are the reference the
equivalence test compares against (tests/positions/test_candidate_features.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.apps import apps
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast
from django.db.models.lookups import GreaterThanOrEqual
from django.db.models.signals import post_delete, post_migrate, post_save

from positions.models import (
    LEADERSHIP_RANK,
    CandidateFeatures,
    Education,
    Employee,
    Leadership,
    LeadershipTraining,
    Placement,
    Position,
    today,
)
from positions.models.candidate import RUNGS

from .career import (
    TOP_LEVEL,
    level_of,
    months_between,
    months_since,
    oldest_birth_date,
    rule_for,
)
from .invalidation import invalidate

PREFIX = "candidate_features__"
BATCH = 2_000
FACT_FIELDS = [
    "education_level",
    "leadership_rank",
    "current_level",
    "current_start",
    "current_is_jf",
    *[f"since_{r}" for r in RUNGS],
    *[f"months_{r}" for r in RUNGS],
]


# --- Computing and storing the rows ----------------------------------------------


SWEEP = 20_000  # employees per pass over the whole table: memory stays bounded at any size


def _batches(employee_ids: Iterable[int] | None) -> Iterator[tuple[int, int, list[int] | None]]:
    """(lowest id, highest id, ids or None for "every id in the range") per batch."""
    if employee_ids is None:
        last = 0
        while True:
            page = Employee.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)
            ids = list(page[:SWEEP])
            if not ids:
                return
            yield ids[0], ids[-1], None
            last = ids[-1]
    else:
        wanted = sorted(set(employee_ids))
        for i in range(0, len(wanted), BATCH):
            chunk = wanted[i : i + BATCH]
            yield chunk[0], chunk[-1], chunk


def _compute_batch(
    low: int, high: int, ids: list[int] | None, on: dt.date
) -> dict[int, dict[str, Any]]:
    def of(model: Any, key: str = "employee_id") -> Any:
        qs = model.objects.order_by().filter(**{f"{key}__gte": low, f"{key}__lte": high})
        return qs if ids is None else qs.filter(**{f"{key}__in": ids})

    employees = of(Employee, "pk")
    rows: dict[int, dict[str, Any]] = {
        pk: {
            "education_level": "",
            "leadership_rank": 0,
            "current_level": None,
            "current_start": None,
            "current_is_jf": False,
            **{f"since_{r}": None for r in RUNGS},
            **{f"months_{r}": 0 for r in RUNGS},
        }
        for pk in employees.values_list("pk", flat=True).iterator(chunk_size=BATCH)
    }
    for employee_id, level in (
        of(Education).values_list("employee_id", "level").iterator(chunk_size=BATCH)
    ):
        row = rows.get(employee_id)
        if row is not None and level > row["education_level"]:
            row["education_level"] = level
    for employee_id, kind in of(LeadershipTraining).values_list("employee_id", "kind"):
        row = rows.get(employee_id)
        if row is not None:
            rank = LEADERSHIP_RANK.get(Leadership(kind), 0)
            row["leadership_rank"] = max(row["leadership_rank"], rank)
    placements = (
        of(Placement)
        .filter(kind=Placement.Kind.DEFINITIF)
        .values_list(
            "employee_id", "start_date", "end_date", "position__jenis", "position__jenjang"
        )
    )
    for employee_id, start, end, jenis, jenjang in placements.iterator(chunk_size=BATCH):
        row = rows.get(employee_id)
        if row is None:
            continue
        rung = level_of(jenis, jenjang)
        since = row[f"since_{rung}"]
        if since is None or start < since:
            row[f"since_{rung}"] = start
        if end is None:  # one open definitive placement per employee (a constraint)
            row["current_level"] = rung
            row["current_start"] = start
            row["current_is_jf"] = jenis == Position.Jenis.FUNGSIONAL
        elif start <= on:
            row[f"months_{rung}"] += months_between(start, end)
    return rows


def refresh(employee_ids: Iterable[int] | None = None, *, on: dt.date | None = None) -> int:
    """Recompute and upsert the rows of the given employees (everyone when None), a batch at a
    time; returns the number of rows written. Rows of deleted employees go with them (CASCADE)."""
    on = on or today()
    written = 0
    for low, high, ids in _batches(employee_ids):
        rows = _compute_batch(low, high, ids, on)
        CandidateFeatures.objects.bulk_create(
            [CandidateFeatures(employee_id=pk, refreshed_on=on, **f) for pk, f in rows.items()],
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["employee"],
            update_fields=[*FACT_FIELDS, "refreshed_on"],
        )
        written += len(rows)
    invalidate()  # the bulk paths send no signal the ranking cache would see
    return written


def stale_employee_ids(employee_ids: Iterable[int] | None = None) -> list[int]:
    """Employees whose stored row is missing or differs from a recomputation (empty = fresh)."""
    stale: list[int] = []
    on = today()
    for low, high, ids in _batches(employee_ids):
        expected = _compute_batch(low, high, ids, on)
        stored_qs = CandidateFeatures.objects.filter(employee_id__in=list(expected))
        stored = {
            row.pop("employee_id"): row
            for row in stored_qs.order_by().values("employee_id", *FACT_FIELDS)
        }
        stale += [pk for pk, facts in expected.items() if stored.get(pk) != facts]
    return sorted(stale)


# --- Kept in step with every write -------------------------------------------------


def _employee_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loaddata: the rows come with the fixture or the nightly refresh
        return
    origin = kwargs.get("origin")  # what delete() was called on (a model or a queryset)
    if isinstance(origin, Employee) or getattr(origin, "model", None) is Employee:
        return  # the employee itself is being deleted; its row goes by CASCADE
    refresh([instance.employee_id])


def _employee_created(
    sender: Any, instance: Employee, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if created and not raw:
        refresh([instance.pk])


def _position_saved(sender: Any, instance: Position, raw: bool = False, **kwargs: Any) -> None:
    """A post's jenis or jenjang sets the rung of everyone who holds or held it."""
    if raw or kwargs.get("created"):
        return
    holders = Placement.objects.filter(position=instance, kind=Placement.Kind.DEFINITIF)
    ids = list(holders.values_list("employee_id", flat=True).distinct())
    if ids:
        refresh(ids)


def fill_missing(**kwargs: Any) -> int:
    """After `migrate`: rows for employees that have none (a database upgraded to the release
    that added the table, or restored without it). Two cheap queries when nothing is missing."""
    missing = list(
        Employee.objects.filter(candidate_features__isnull=True).values_list("pk", flat=True)
    )
    return refresh(missing) if missing else 0


def connect() -> None:
    """Called from PositionsConfig.ready()."""
    post_migrate.connect(
        fill_missing,
        sender=apps.get_app_config("positions"),
        dispatch_uid="candidate_features_fill",
    )
    for model in (Placement, Education, LeadershipTraining):
        uid = f"candidate_features_{model.__name__}"
        post_save.connect(_employee_changed, sender=model, dispatch_uid=uid + "_save")
        post_delete.connect(_employee_changed, sender=model, dispatch_uid=uid + "_delete")
    post_save.connect(_employee_created, sender=Employee, dispatch_uid="candidate_features_emp")
    post_save.connect(_position_saved, sender=Position, dispatch_uid="candidate_features_pos")


# --- The ranking's SQL on the features ------------------------------------------------


def _f(name: str) -> str:
    return PREFIX + name


def _current_at(levels: Iterable[int], on: dt.date) -> Q:
    return Q(**{_f("current_level__in"): list(levels), _f("current_start__lte"): on})


def career_conditions(position: Position, on: dt.date) -> dict[str, Q]:
    """`career.career_conditions` on the features: the same rules, the same keys."""
    target = level_of(position.jenis, position.jenjang)
    rule = rule_for(position)
    lateral = _current_at([target], on)
    conditions: dict[str, Q] = {}
    if target < TOP_LEVEL:
        conditions["turun_jenjang"] = ~_current_at(range(target + 1, TOP_LEVEL + 1), on)
    lower = range(max(target - 1, 0), TOP_LEVEL + 1)
    if position.is_structural and target >= 2:
        held = Q(pk__in=[])
        for rung in lower:
            held |= Q(**{_f(f"since_{rung}__lte"): on})
        conditions["lompat_jenjang"] = held
    if position.is_structural and rule.years_in_lower:
        served: Combinable = Case(
            When(
                Q(**{_f("current_level__gte"): lower.start, _f("current_start__lte"): on}),
                then=months_since(_f("current_start"), on),
            ),
            default=Value(0),
        )
        for rung in lower:
            served = served + F(_f(f"months_{rung}"))
        conditions["pengalaman"] = lateral | Q(
            GreaterThanOrEqual(served, Value(rule.years_in_lower * 12))
        )
    if rule.max_age is not None:
        young_enough = Q(birth_date__gt=oldest_birth_date(rule.max_age, on))
        if position.is_structural:
            conditions["usia"] = young_enough | lateral
        else:
            conditions["usia"] = young_enough | Q(
                **{_f("current_is_jf"): True, _f("current_start__lte"): on}
            )
    return conditions


def education_condition(min_level: str) -> Q:
    return Q(**{_f("education_level__gte"): min_level})


def leadership_component(needed_rank: int) -> Case:
    return Case(
        When(**{_f("leadership_rank__gte"): needed_rank}, then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )


def tenure_component(on: dt.date, full_months: int) -> Case:
    months = months_since(_f("current_start"), on)
    return Case(
        When(**{_f("current_start__isnull"): True}, then=Value(0.0)),
        When(GreaterThanOrEqual(months, Value(full_months)), then=Value(1.0)),
        When(GreaterThanOrEqual(Value(0), months), then=Value(0.0)),
        default=Cast(months, FloatField()) / Value(float(full_months)),
        output_field=FloatField(),
    )
