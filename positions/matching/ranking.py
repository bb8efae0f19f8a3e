"""Competency-based matching: ranked candidates for a position, with an explainable score.

Eligibility and every score component are SQL expressions, so ranking 120,000 employees is one
query that sorts in the database and returns only the top rows (tests/perf/bench_candidates.py).
Python only turns the few displayed rows into words. The expressions avoid backend-specific
functions so the same code runs on PostgreSQL and SQLite.

Score (0–100) = Σ WEIGHTS[key] × component, each component in [0, 1]:

* field — 1 if an education's field is accepted by the position, 0.5 if it is in the same
  rumpun (EducationField.group) as an accepted field, else 0; 1 when no field is required.
* competency — mean over required competencies of min(latest assessed level / required, 1).
* leadership — 1 when the required pelatihan kepemimpinan (or a higher one) is held.
* predikat — latest annual predikat kinerja, PREDIKAT_VALUE; 0.5 when there is none yet.
* tenure — time in the current definitive position, full after FULL_TENURE_MONTHS (a move
  after 2–4 years is normal rotation, so a longer stay counts in the candidate's favour).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Coalesce

from positions.models import (
    LEADERSHIP_RANK,
    Education,
    EducationField,
    EducationLevel,
    Employee,
    EmployeeCompetency,
    EmployeeQuerySet,
    Golongan,
    Leadership,
    LeadershipTraining,
    Placement,
    Position,
    PositionCompetency,
    Predikat,
    today,
)

from . import features as feat
from .career import EXCLUSION_LABELS as CAREER_LABELS
from .career import (
    career_conditions,
    min_education,
    min_golongan,
    months_since,
)

if TYPE_CHECKING:
    from asnportal.models import User

# The weights are shown on the page next to every score; they add up to 100.
WEIGHTS: dict[str, int] = {
    "field": 35,
    "competency": 25,
    "leadership": 15,
    "predikat": 15,
    "tenure": 10,
}
COMPONENT_LABELS: dict[str, str] = {
    "field": "Kesesuaian bidang pendidikan",
    "competency": "Pemenuhan standar kompetensi",
    "leadership": "Pelatihan kepemimpinan",
    "predikat": "Predikat kinerja terakhir",
    "tenure": "Masa dalam jabatan sekarang",
}
PREDIKAT_VALUE: dict[str, float] = {
    Predikat.SANGAT_BAIK: 1.0,
    Predikat.BAIK: 0.8,
    Predikat.BUTUH_PERBAIKAN: 0.4,
    Predikat.KURANG: 0.2,
    Predikat.SANGAT_KURANG: 0.0,
}
PREDIKAT_NEUTRAL = (
    0.5  # no predikat yet (new CPNS, imported without history): neither bonus nor penalty
)
FIELD_SAME_GROUP = 0.5
FULL_TENURE_MONTHS = 48

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
CHAIN_LENGTH = 3  # vacancy chain for the top three candidates: one ranking query each
CHAIN_CANDIDATES = 3

# In display order; eligibility_summary evaluates them in reverse (column tests first).
EXCLUSION_LABELS: dict[str, str] = {
    "turun_jenjang": CAREER_LABELS["turun_jenjang"],
    "lompat_jenjang": CAREER_LABELS["lompat_jenjang"],
    "pendidikan": "pendidikan di bawah syarat minimal",
    "pengalaman": CAREER_LABELS["pengalaman"],
    "golongan": "golongan/status kepegawaian tidak memenuhi",
    "usia": CAREER_LABELS["usia"],
    "bup": "mencapai BUP dalam waktu dekat",
}


def min_months_to_bup() -> int:
    return int(getattr(settings, "MATCHING_MIN_MONTHS_TO_BUP", 24))


def min_birth_date(bup_age: int, months: int, on: dt.date) -> dt.date:
    """Earliest birth date whose TMT pensiun lies more than `months` months after `on`.

    TMT pensiun is the first of the month after the BUP birthday and grows with the birth
    date, so the eligibility rule becomes one indexable comparison on birth_date:
    retirement_date(b) > cutoff  ⇔  (b.year + BUP, b.month) ≥ (cutoff.year, cutoff.month).
    """
    total = on.year * 12 + (on.month - 1) + months
    cutoff_year, cutoff_month = divmod(total, 12)
    return dt.date(cutoff_year - bup_age, cutoff_month + 1, 1)


def leadership_short(kind: str) -> str:
    return str(Leadership(kind).label).split(" (")[0]


# --- Requirements -------------------------------------------------------------


@dataclass(frozen=True)
class RequiredCompetency:
    competency_id: int
    code: str
    name: str
    level: int


@dataclass
class Requirements:
    """What a position asks for, loaded once so the ranking query carries plain literals."""

    position: Position
    accepted_fields: list[EducationField] = field(default_factory=list)
    group_field_ids: set[int] = field(default_factory=set)  # same rumpun, not accepted
    competencies: list[RequiredCompetency] = field(default_factory=list)

    @property
    def accepted_field_ids(self) -> set[int]:
        return {f.pk for f in self.accepted_fields}

    @property
    def accepted_groups(self) -> list[str]:
        return sorted({f.group for f in self.accepted_fields})

    @property
    def leadership(self) -> str:
        return self.position.required_leadership

    @property
    def leadership_label(self) -> str:
        return leadership_short(self.leadership) if self.leadership else ""

    @property
    def satisfying_leadership(self) -> list[str]:
        if not self.leadership:
            return []
        needed = LEADERSHIP_RANK[Leadership(self.leadership)]
        return [str(kind) for kind, rank in LEADERSHIP_RANK.items() if rank >= needed]

    @property
    def min_education_level(self) -> str:
        """The post's minimum or the regulation's, whichever is higher (career.py)."""
        return min_education(self.position)

    @property
    def min_golongan(self) -> str:
        return min_golongan(self.position)

    @property
    def min_education_label(self) -> str:
        level = self.min_education_level
        return EducationLevel(level).label if level else ""

    @property
    def min_golongan_label(self) -> str:
        return Golongan.short(self.min_golongan)


def requirements_for(positions: list[Position]) -> dict[int, Requirements]:
    """Requirements of several positions in three queries (accepted fields, fields of the
    same rumpun, required competencies), whatever the number of positions."""
    result = {p.pk: Requirements(position=p) for p in positions}
    if not result:
        return result
    ids = list(result)
    through = Position.accepted_fields.through
    accepted_rows = through.objects.filter(position_id__in=ids).select_related("educationfield")
    groups_by_position: dict[int, set[str]] = {}
    for row in accepted_rows:
        result[row.position_id].accepted_fields.append(row.educationfield)
        groups_by_position.setdefault(row.position_id, set()).add(row.educationfield.group)
    accepted_groups = through.objects.filter(position_id__in=ids).values("educationfield__group")
    for pk, group in EducationField.objects.filter(group__in=accepted_groups).values_list(
        "pk", "group"
    ):
        for position_id, groups in groups_by_position.items():
            if group in groups:
                result[position_id].group_field_ids.add(pk)
    for req in result.values():
        req.accepted_fields.sort(key=lambda f: f.name)
        req.group_field_ids -= req.accepted_field_ids
    required = (
        PositionCompetency.objects.filter(position_id__in=ids)
        .select_related("competency")
        .order_by("competency__kind", "competency__code")
    )
    for pc in required:
        result[pc.position_id].competencies.append(
            RequiredCompetency(pc.competency_id, pc.competency.code, pc.competency.name, pc.level)
        )
    return result


# --- SQL expressions ----------------------------------------------------------


def candidate_pool(
    user: User, position: Position, *, on: dt.date | None = None
) -> EmployeeQuerySet:
    """Active employees the user may see, less the position's current definitive holders
    (a Plt/Plh of the post stays a candidate for the definitive appointment)."""
    holders = (
        Placement.objects.on(on or today())
        .filter(position=position, kind=Placement.Kind.DEFINITIF)
        .values("employee_id")
    )
    return Employee.objects.visible_to(user).active().exclude(pk__in=holders)


def use_features(on: dt.date, features: bool | None = None) -> bool:
    """Rank on the precomputed features (features.py) when ranking for today; another date
    (a selection opened earlier) reads the source tables directly."""
    return on == today() if features is None else features


def eligibility_conditions(
    req: Requirements, *, on: dt.date | None = None, features: bool | None = None
) -> dict[str, Q]:
    """Hard filters, keyed like EXCLUSION_LABELS; an absent key means no requirement. The
    career rules (jenjang, years in the lower post, age) come from career.py (or their twin
    on the precomputed features, features.py)."""
    on = on or today()
    stored = use_features(on, features)
    position = req.position
    conditions: dict[str, Q] = {}
    if req.min_education_level and stored:
        conditions["pendidikan"] = feat.education_condition(req.min_education_level)
    elif req.min_education_level:
        educated = Education.objects.filter(
            employee=OuterRef("pk"), level__gte=req.min_education_level
        )
        conditions["pendidikan"] = Q(Exists(educated))
    # PNS golongan codes "11".."45" sort as strings; PPPK codes ("P01"…) are not comparable.
    golongan = Q(golongan__gte=req.min_golongan) if req.min_golongan else Q()
    if position.is_structural:
        # Jabatan struktural is for PNS only: PPPK and CPNS (still on probation) are excluded.
        conditions["golongan"] = Q(kind=Employee.Kind.PNS) & golongan
    elif req.min_golongan:
        conditions["golongan"] = Q(kind=Employee.Kind.PPPK) | golongan
    conditions["bup"] = Q(birth_date__gte=min_birth_date(position.bup_age, min_months_to_bup(), on))
    if stored:
        conditions.update(feat.career_conditions(position, on))
    else:
        conditions.update(career_conditions(position, on))
    return {key: conditions[key] for key in EXCLUSION_LABELS if key in conditions}


def _float(value: float) -> Value:
    return Value(float(value), output_field=FloatField())


def score_components(
    req: Requirements, *, on: dt.date | None = None, features: bool | None = None
) -> dict[str, Combinable]:
    """One SQL expression per component, each in [0, 1]."""
    on = on or today()
    stored = use_features(on, features)
    educations = Education.objects.filter(employee=OuterRef("pk"))
    components: dict[str, Combinable] = {}

    accepted = req.accepted_field_ids
    if not accepted:
        components["field"] = _float(1)
    else:
        whens = [When(Exists(educations.filter(field_id__in=accepted)), then=_float(1))]
        if req.group_field_ids:
            same_group = educations.filter(field_id__in=req.group_field_ids)
            whens.append(When(Exists(same_group), then=_float(FIELD_SAME_GROUP)))
        components["field"] = Case(*whens, default=_float(0), output_field=FloatField())

    if not req.competencies:
        components["competency"] = _float(1)
    else:
        ratios = []
        for rc in req.competencies:
            latest = (
                EmployeeCompetency.objects.filter(
                    employee=OuterRef("pk"), competency_id=rc.competency_id
                )
                .order_by("-assessed_on")
                .annotate(
                    ratio=Case(
                        When(level__gte=rc.level, then=_float(1)),
                        default=Cast("level", FloatField()) / _float(rc.level),
                        output_field=FloatField(),
                    )
                )
                .values("ratio")[:1]
            )
            ratios.append(Coalesce(Subquery(latest, output_field=FloatField()), _float(0)))
        total: Combinable = ratios[0]
        for ratio in ratios[1:]:
            total = total + ratio
        components["competency"] = ExpressionWrapper(
            total / _float(len(ratios)), output_field=FloatField()
        )

    if not req.leadership:
        components["leadership"] = _float(1)
    elif stored:
        needed = LEADERSHIP_RANK[Leadership(req.leadership)]
        components["leadership"] = feat.leadership_component(needed)
    else:
        held = LeadershipTraining.objects.filter(
            employee=OuterRef("pk"), kind__in=req.satisfying_leadership
        )
        components["leadership"] = Case(
            When(Exists(held), then=_float(1)), default=_float(0), output_field=FloatField()
        )

    components["predikat"] = Case(
        *[When(latest_predikat=k, then=_float(v)) for k, v in PREDIKAT_VALUE.items()],
        default=_float(PREDIKAT_NEUTRAL),
        output_field=FloatField(),
    )

    if stored:
        components["tenure"] = feat.tenure_component(on, FULL_TENURE_MONTHS)
        return components
    months = months_since("start_date", on)
    tenure = (
        Placement.objects.filter(
            employee=OuterRef("pk"), kind=Placement.Kind.DEFINITIF, end_date__isnull=True
        )
        .order_by()
        .annotate(months=months)
        .annotate(
            tenure=Case(
                When(months__gte=FULL_TENURE_MONTHS, then=_float(1)),
                When(months__lte=0, then=_float(0)),
                default=Cast("months", FloatField()) / _float(FULL_TENURE_MONTHS),
                output_field=FloatField(),
            )
        )
        .values("tenure")[:1]
    )
    components["tenure"] = Coalesce(Subquery(tenure, output_field=FloatField()), _float(0))
    return components


def _weighted_sum(parts: dict[str, Combinable], keys: list[str] | None = None) -> Combinable:
    total: Combinable = _float(0)
    for key in keys if keys is not None else list(WEIGHTS):
        total = total + _float(WEIGHTS[key]) * parts[key]
    return ExpressionWrapper(total, output_field=FloatField())


def _per_row_keys(req: Requirements, stored: bool) -> list[str]:
    """Components that cost a correlated index probe per row (latest assessment, current
    placement unless precomputed); the others are column CASEs or EXISTS that PostgreSQL
    hashes once."""
    keys = ["competency"] if req.competencies else []
    return keys if stored else [*keys, "tenure"]


# --- Ranking ------------------------------------------------------------------

RANK_ORDER = ("-score", "name", "pk")
# Floating-point guard for the pruning bound below (scores have at most ~15 significant digits).
_EPSILON = 1e-6


def rank(
    pool: QuerySet[Employee],
    req: Requirements,
    *,
    limit: int = DEFAULT_LIMIT,
    exclude_ids: tuple[int, ...] = (),
    on: dt.date | None = None,
    features: bool | None = None,
) -> list[Employee]:
    """Top `limit` eligible employees of `pool`, best first, in ONE query.

    Scoring every eligible row with every component would cost a few correlated probes per
    row. Instead the query prunes with a bound (a threshold algorithm, done in SQL):

    1. `cheap` = the weighted components that need no per-row probe; the rest can add at
       most `slack` = the sum of their weights.
    2. `threshold` = the `limit`-th best full score among the 2×`limit` rows with the best
       `cheap` (an uncorrelated subquery, run once). The true `limit`-th score is at least
       this, so a row with `cheap + slack < threshold` can never reach the top.
    3. Only rows with `cheap >= threshold - slack` get the full score, sorted, LIMIT.

    The outer query re-computes the components of the kept rows as `c_<key>` attributes next
    to `score`. The result is exactly the unpruned ranking (see test_pruning_changes_nothing).
    """
    on = on or today()
    stored = use_features(on, features)
    limit = max(limit, 1)
    conditions = eligibility_conditions(req, on=on, features=stored)
    eligible = pool.filter(*conditions.values())
    if exclude_ids:
        eligible = eligible.exclude(pk__in=exclude_ids)
    per_row = _per_row_keys(req, stored)
    cheap_keys = [k for k in WEIGHTS if k not in per_row]
    slack = sum(WEIGHTS[k] for k in per_row) + _EPSILON

    def cheap() -> Combinable:
        return _weighted_sum(score_components(req, on=on, features=stored), cheap_keys)

    def full() -> Combinable:
        return _weighted_sum(score_components(req, on=on, features=stored))

    if not per_row:  # every component is a column or a hashed EXISTS: one scan, no pruning
        top_ids = eligible.annotate(score=full()).order_by(*RANK_ORDER).values("pk")[:limit]
        return _scored(top_ids, req, on=on, stored=stored)
    sample = eligible.annotate(cheap=cheap()).order_by("-cheap", "pk").values("pk")[: 2 * limit]
    threshold = (
        Employee.objects.filter(pk__in=sample)
        .annotate(score=full())
        .order_by("-score")
        .values("score")[limit - 1 : limit]
    )
    bound = Coalesce(Subquery(threshold, output_field=FloatField()), _float(-1000)) - _float(slack)
    top_ids = (
        eligible.annotate(cheap=cheap())
        .filter(cheap__gte=bound)
        .annotate(score=full())
        .order_by(*RANK_ORDER)
        .values("pk")[:limit]
    )
    return _scored(top_ids, req, on=on, stored=stored)


def _scored(
    top_ids: QuerySet[Employee, dict[str, Any]], req: Requirements, *, on: dt.date, stored: bool
) -> list[Employee]:
    """The kept rows with their components as `c_<key>` and `score`, best first."""
    components = {f"c_{k}": v for k, v in score_components(req, on=on, features=stored).items()}
    return list(
        Employee.objects.filter(pk__in=top_ids)
        .select_related("unit")
        .annotate(**components)
        .annotate(score=_weighted_sum({k: F(f"c_{k}") for k in WEIGHTS}))
        .order_by(*RANK_ORDER)
    )


def eligibility_summary(
    pool: QuerySet[Employee],
    req: Requirements,
    *,
    on: dt.date | None = None,
    features: bool | None = None,
) -> dict[str, Any]:
    """How many of the pool pass, and how many fail each filter: one aggregate query.

    One employee can fail several filters, so the reasons may add up to more than `excluded`."""
    conditions = eligibility_conditions(req, on=on, features=features)
    aggregates: dict[str, Count] = {"total": Count("pk")}
    passes = Q()
    # Column tests first: SQL evaluates AND left to right and short-circuits, so the EXISTS
    # (an index probe per row) runs only for the rows that pass them.
    for key in reversed(conditions):
        aggregates[f"fails_{key}"] = Count("pk", filter=~conditions[key])  # not a field name
        passes &= conditions[key]
    aggregates["eligible"] = Count("pk", filter=passes)
    counts = pool.aggregate(**aggregates)
    reasons = [
        {"key": key, "label": EXCLUSION_LABELS[key], "count": counts[f"fails_{key}"]}
        for key in EXCLUSION_LABELS
        if key in conditions
    ]
    return {
        "total": counts["total"],
        "eligible": counts["eligible"],
        "excluded": counts["total"] - counts["eligible"],
        "reasons": reasons,
    }
