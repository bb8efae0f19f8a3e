"""Peta jabatan per unit and the placement mismatch report (domain logic, no HTTP).

Peta jabatan: every active position in a unit's subtree as a forest ordered by the position
parent chain, with kebutuhan, bezetting (definitive holders), selisih and the holders' names.
Built from two queries whatever the size of the subtree; the tree is assembled in Python.

Mismatch report: today's definitive holders whose education, golongan or leadership training
does not meet their position's requirements. Each rule is a SQL annotation, so filtering,
counting and paging happen in the database and only one page of cases is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce

from .bup import add_months
from .models import (
    LEADERSHIP_BY_JENIS,
    LEADERSHIP_RANK,
    Education,
    EducationLevel,
    Employee,
    Golongan,
    Leadership,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
    today,
)

# --- Peta jabatan ---------------------------------------------------------------


class _Counts(Protocol):
    @property
    def kebutuhan(self) -> int: ...
    @property
    def bezetting(self) -> int: ...


class Selisih:
    """Bezetting − kebutuhan of a post, a subtree's totals or a chart box: negative = kurang
    (vacant seats), positive = lebih, printed with a real minus sign."""

    @property
    def selisih(self: _Counts) -> int:
        return self.bezetting - self.kebutuhan

    @property
    def selisih_display(self: _Counts) -> str:
        return format_selisih(self.bezetting - self.kebutuhan)


@dataclass
class PetaRow(Selisih):
    position: Position
    depth: int
    holders: list[Placement]  # definitif: counted in bezetting
    acting: list[Placement]  # Plt/Plh: shown, never counted
    # Definitive holders who leave by BUP or contract end within LEAVING_MONTHS, with the day
    # (docs/domain.md §4.5): the bezetting that remains is what the peta will need to refill.
    leaving: list[tuple[Placement, dt.date]] = field(default_factory=list)

    @property
    def remaining(self) -> int:
        """Bezetting that remains after LEAVING_MONTHS: kebutuhan − remaining is the need."""
        return self.bezetting - len(self.leaving)

    @property
    def kebutuhan(self) -> int:
        return self.position.kebutuhan

    @property
    def bezetting(self) -> int:
        return self.position.bezetting  # type: ignore[attr-defined]

    @property
    def jenis_display(self) -> str:
        jenis = self.position.get_jenis_display()
        if self.position.jenjang:
            return f"{jenis} – {self.position.get_jenjang_display()}"
        return jenis


@dataclass
class PetaTotals(Selisih):
    positions: int = 0
    kebutuhan: int = 0
    bezetting: int = 0
    kurang: int = 0  # Σ vacant seats (kebutuhan − bezetting where positive)
    lebih: int = 0  # Σ holders above kebutuhan

    def add(self, row: PetaRow) -> None:
        # Called twice per post of a subtree (the totals, then peta_chart's unit nodes):
        # each of the row's properties read once.
        kebutuhan, bezetting = row.kebutuhan, row.bezetting
        self.positions += 1
        self.kebutuhan += kebutuhan
        self.bezetting += bezetting
        if bezetting < kebutuhan:
            self.kurang += kebutuhan - bezetting
        else:
            self.lebih += bezetting - kebutuhan


@dataclass
class PetaJabatan:
    unit: OrgUnit
    on: dt.date
    rows: list[PetaRow]
    unit_totals: PetaTotals  # positions of the unit itself
    subtree_totals: PetaTotals  # the unit and every unit below it


def format_selisih(value: int) -> str:
    """+2 / −1 / 0, with a real minus sign as printed in peta jabatan tables."""
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"−{-value}"
    return "0"


def build_peta_jabatan(
    unit: OrgUnit, on: dt.date | None = None, *, with_holders: bool = True
) -> PetaJabatan:
    """Peta jabatan of a unit's subtree: two queries (positions, placements in force).

    `with_holders=False` leaves the holders out (one query): the page fills only the rows it
    shows with `attach_holders`, the totals are always those of the whole subtree."""
    on = on or today()
    unit_fields = [f.attname for f in OrgUnit._meta.concrete_fields]
    positions = list(
        Position.objects.active()
        .in_subtree(unit)
        .with_bezetting(on)
        .annotate(**{f"peta_unit_{name}": F(f"unit__{name}") for name in unit_fields})
        .order_by("unit__path", "-kelas", "name", "pk")
    )
    _share_units(positions, unit_fields)
    rows = [PetaRow(position, depth, [], []) for position, depth in _forest(positions)]
    if with_holders:
        attach_holders(rows, on)
    unit_totals, subtree_totals = PetaTotals(), PetaTotals()
    for row in rows:
        subtree_totals.add(row)
        if row.position.unit_id == unit.pk:
            unit_totals.add(row)
    return PetaJabatan(unit, on, rows, unit_totals, subtree_totals)


def _share_units(positions: list[Position], unit_fields: list[str]) -> None:
    """Set each position's `unit` from the `peta_unit_*` columns, one OrgUnit per unit.

    What `select_related("unit")` gives, without an OrgUnit per post: a province dinas has
    1,173 posts in 298 units, and the peta page builds it on every request."""
    units: dict[int, OrgUnit] = {}
    cache = Position._meta.get_field("unit")
    for position in positions:
        shared = units.get(position.unit_id)
        if shared is None:
            values = [getattr(position, f"peta_unit_{name}") for name in unit_fields]
            shared = OrgUnit.from_db(position._state.db, unit_fields, values)
            units[position.unit_id] = shared
        cache.set_cached_value(position, shared)


LEAVING_MONTHS = 12  # the horizon of positions.bup.leaving_within on the pimpinan dashboard


def attach_holders(rows: Iterable[PetaRow], on: dt.date) -> None:
    """Fill `holders` (definitif), `acting` (Plt/Plh) and `leaving` (holders whose TMT pensiun
    or contract end falls within LEAVING_MONTHS, from what the query already loaded) of these
    rows: one query."""
    by_position = {row.position.pk: row for row in rows}
    if not by_position:
        return
    placements = (
        Placement.objects.on(on)
        .filter(position__in=list(by_position))
        .select_related("employee")
        .order_by("employee__name", "pk")
    )
    horizon = add_months(on, LEAVING_MONTHS)
    for placement in placements:
        row = by_position[placement.position_id]
        target = row.holders if placement.kind == Placement.Kind.DEFINITIF else row.acting
        target.append(placement)
        if placement.kind == Placement.Kind.DEFINITIF:
            leaves = placement.employee.exit_date(row.position.bup_age)
            if on < leaves <= horizon:
                row.leaving.append((placement, leaves))


def _forest(positions: list[Position]) -> list[tuple[Position, int]]:
    """Depth-first order by the parent chain; siblings keep the order of `positions`.

    A position whose parent is outside the list (another unit's subtree, inactive, or None)
    is a root. Positions caught in a parent cycle are appended as roots so none is lost.
    (Plain ids, not `pk`: a large dinas has >1,000 posts, and this runs on every peta page.)"""
    ids = {p.id for p in positions}
    children: dict[int, list[Position]] = {}
    roots: list[Position] = []
    for position in positions:
        parent_id = position.parent_id
        if parent_id in ids and parent_id != position.id:
            children.setdefault(parent_id, []).append(position)
        else:
            roots.append(position)
    ordered: list[tuple[Position, int]] = []
    seen: set[int] = set()

    def walk(start: Position) -> None:
        stack = [(start, 0)]
        while stack:
            position, depth = stack.pop()
            if position.id in seen:
                continue
            seen.add(position.id)
            ordered.append((position, depth))
            below = children.get(position.id)
            if below:
                stack.extend((child, depth + 1) for child in reversed(below))

    for root in roots:
        walk(root)
    if len(ordered) < len(positions):  # only positions in a parent cycle are left
        for position in positions:
            if position.id not in seen:
                walk(position)
    return ordered


# --- Mismatch report -------------------------------------------------------------


class Problem:
    FIELD = "field"
    LEVEL = "level"
    GOLONGAN = "golongan"
    LEADERSHIP = "leadership"

    LABELS = {
        FIELD: "Bidang pendidikan tidak sesuai",
        LEVEL: "Pendidikan di bawah syarat minimal",
        GOLONGAN: "Golongan di bawah syarat minimal",
        LEADERSHIP: "Belum pelatihan kepemimpinan",
    }
    SHORT = {FIELD: "Bidang", LEVEL: "Pendidikan", GOLONGAN: "Golongan", LEADERSHIP: "Kepemimpinan"}
    ALL = (FIELD, LEVEL, GOLONGAN, LEADERSHIP)


class Finding(NamedTuple):
    kind: str
    sentence: str

    @property
    def short(self) -> str:
        return Problem.SHORT[self.kind]


_FLAG = {
    Problem.FIELD: "field_mismatch",
    Problem.LEVEL: "level_below",
    Problem.GOLONGAN: "golongan_below",
    Problem.LEADERSHIP: "leadership_missing",
}


def _leadership_rank_case(lookup: str, ranks: dict[str, int]) -> Case:
    return Case(
        *[When(**{lookup: key}, then=Value(rank)) for key, rank in ranks.items()],
        default=Value(0),
        output_field=IntegerField(),
    )


def _flag(q: Q) -> ExpressionWrapper:
    return ExpressionWrapper(q, output_field=BooleanField())


def holders_with_problems(
    paths: Iterable[str], on: dt.date | None = None, *, until: dt.date | None = None
) -> QuerySet[Placement]:
    """Definitive placements in force in the given subtrees, annotated with one boolean per
    problem kind and filtered to those with at least one. Plt/Plh are not assessed: acting
    holders are not appointed against the position's requirements. With `until`: those in
    force on any day from `on` to `until` (the pimpinan dashboard's yearly trend, one query).

    Annotations: highest_level, holder_rank / required_rank (leadership), and the flags
    field_mismatch, level_below, golongan_below, leadership_missing."""
    on = on or today()
    in_force = Placement.objects.on(on)
    if until is not None:
        in_force = Placement.objects.filter(start_date__lte=until).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )
    scope = Q(pk__in=[])
    for path in paths:
        scope |= Q(position__unit__path__startswith=path)
    accepted = Position.accepted_fields.through.objects.filter(position_id=OuterRef("position_id"))
    fitting_education = Education.objects.filter(
        employee_id=OuterRef("employee_id"),
        field_id__in=Position.accepted_fields.through.objects.filter(
            position_id=OuterRef(OuterRef("position_id"))
        ).values("educationfield_id"),
    )
    highest_level = (
        Education.objects.filter(employee_id=OuterRef("employee_id"))
        .order_by("-level")
        .values("level")[:1]
    )
    holder_rank = (
        LeadershipTraining.objects.filter(employee_id=OuterRef("employee_id"))
        .annotate(rank=_leadership_rank_case("kind", LEADERSHIP_RANK))
        .order_by("-rank")
        .values("rank")[:1]
    )
    required_ranks = {jenis: LEADERSHIP_RANK[kind] for jenis, kind in LEADERSHIP_BY_JENIS.items()}
    return (
        in_force.filter(scope, kind=Placement.Kind.DEFINITIF, position__is_active=True)
        .annotate(
            highest_level=Subquery(highest_level),
            holder_rank=Coalesce(Subquery(holder_rank, output_field=IntegerField()), 0),
            required_rank=_leadership_rank_case("position__jenis", required_ranks),
        )
        .annotate(
            field_mismatch=_flag(Exists(accepted) & ~Exists(fitting_education)),
            level_below=_flag(
                ~Q(position__min_education_level="")
                & (
                    Q(highest_level__isnull=True)
                    | Q(highest_level__lt=F("position__min_education_level"))
                )
            ),
            # PPPK golongan (I–XVII) is a different scale: min_golongan applies to PNS/CPNS only.
            golongan_below=_flag(
                Q(employee__kind__in=[Employee.Kind.PNS, Employee.Kind.CPNS])
                & ~Q(position__min_golongan="")
                & Q(employee__golongan__lt=F("position__min_golongan"))
            ),
            leadership_missing=_flag(
                Q(required_rank__gt=0) & Q(holder_rank__lt=F("required_rank"))
            ),
        )
        .filter(
            Q(field_mismatch=True)
            | Q(level_below=True)
            | Q(golongan_below=True)
            | Q(leadership_missing=True)
        )
        .select_related("employee", "position__unit")
        .order_by("position__unit__path", "-position__kelas", "employee__name", "pk")
    )


def _kind_counts() -> dict[str, Count]:
    counts = {kind: Count("pk", filter=Q(**{_FLAG[kind]: True})) for kind in Problem.ALL}
    return {"total": Count("pk"), **counts}


def problem_summary(cases: QuerySet[Placement]) -> dict[str, int]:
    """Holders with any problem ('total') and per kind: one aggregate query."""
    return cases.order_by().aggregate(**_kind_counts())


@dataclass
class GroupCounts:
    unit: OrgUnit
    total: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Problem.ALL, 0))

    @property
    def by_kind(self) -> list[int]:
        return [self.counts[kind] for kind in Problem.ALL]


def counts_per_group(cases: QuerySet[Placement], groups: list[OrgUnit]) -> list[GroupCounts]:
    """Roll per-unit counts (one grouped query) up into `groups` (disjoint subtrees or a unit
    and its children: the longest matching path wins). Groups without cases are dropped."""
    per_unit = cases.order_by().values("position__unit__path").annotate(**_kind_counts()).order_by()
    result = {unit.path: GroupCounts(unit) for unit in groups}
    prefixes = sorted(result, key=len, reverse=True)
    for row in per_unit:
        path = row["position__unit__path"]
        prefix = next((p for p in prefixes if path.startswith(p)), None)
        if prefix is None:
            continue
        group = result[prefix]
        group.total += row["total"]
        for kind in Problem.ALL:
            group.counts[kind] += row[kind]
    return sorted((g for g in result.values() if g.total), key=lambda g: (-g.total, g.unit.path))


def report_groups(roots: list[OrgUnit]) -> list[OrgUnit]:
    """Rows of the per-unit summary: the children of a single root (perangkat daerah under
    the province, bidang under a dinas) plus the root itself; several roots stand as they are."""
    if len(roots) != 1:
        return roots
    root = roots[0]
    return [root, *OrgUnit.objects.filter(path__startswith=root.path, depth=root.depth + 1)]


@dataclass
class MismatchCase:
    placement: Placement
    problems: list[Finding]
    group: OrgUnit | None = None  # the summary row the case is counted in (its perangkat daerah)

    @property
    def employee(self) -> Employee:
        return self.placement.employee

    @property
    def position(self) -> Position:
        return self.placement.position


def page_cases(
    placements: Iterable[Placement], groups: Iterable[OrgUnit] = ()
) -> list[MismatchCase]:
    """Explain one page of annotated placements in words: two prefetch queries.

    `groups` (already loaded) name the perangkat daerah of each case, so a bare
    "Sekretariat" in the table says which one."""
    placements = list(placements)
    by_length = sorted(groups, key=lambda unit: len(unit.path), reverse=True)
    prefetch_related_objects(
        placements,
        Prefetch("employee__educations", Education.objects.select_related("field")),
        "position__accepted_fields",
    )
    return [
        MismatchCase(
            p,
            _describe(p),
            next((g for g in by_length if p.position.unit.path.startswith(g.path)), None),
        )
        for p in placements
    ]


def _describe(placement: Placement) -> list[Finding]:
    employee, position = placement.employee, placement.position
    educations = sorted(employee.educations.all(), key=lambda e: e.level, reverse=True)
    highest = educations[0] if educations else None
    problems: list[Finding] = []
    if placement.field_mismatch:  # type: ignore[attr-defined]
        accepted = ", ".join(f.name for f in position.accepted_fields.all())
        problems.append(
            Finding(
                Problem.FIELD,
                f"Pendidikan {_education_words(highest)} tidak termasuk bidang yang sesuai: "
                f"{accepted}",
            )
        )
    if placement.level_below:  # type: ignore[attr-defined]
        minimum = EducationLevel(position.min_education_level).label
        if highest is None:
            sentence = f"Riwayat pendidikan belum diisi; syarat pendidikan minimal {minimum}"
        else:
            sentence = (
                f"Pendidikan tertinggi {highest.get_level_display()} di bawah syarat "
                f"minimal {minimum}"
            )
        problems.append(Finding(Problem.LEVEL, sentence))
    if placement.golongan_below:  # type: ignore[attr-defined]
        problems.append(
            Finding(
                Problem.GOLONGAN,
                f"Golongan {Golongan.short(employee.golongan)} di bawah syarat minimal "
                f"{Golongan.short(position.min_golongan)}",
            )
        )
    if placement.leadership_missing:  # type: ignore[attr-defined]
        required = Leadership(position.required_leadership).label
        held = _leadership_by_rank(placement.holder_rank)  # type: ignore[attr-defined]
        have = f"baru memiliki {held}" if held else "belum memiliki pelatihan kepemimpinan"
        problems.append(
            Finding(
                Problem.LEADERSHIP,
                f"Jabatan {position.get_jenis_display()} mensyaratkan {required}; {have}",
            )
        )
    return problems


def _education_words(education: Education | None) -> str:
    if education is None:
        return "(belum diisi)"
    if education.field is None:
        return f"{education.get_level_display()} (tanpa bidang/program studi)"
    group = education.field.group.replace("_", " ").capitalize()
    return f"{education.get_level_display()} {education.field.name} (rumpun {group})"


def _leadership_by_rank(rank: int) -> str:
    for kind, value in LEADERSHIP_RANK.items():
        if value == rank:
            return str(Leadership(kind).label)
    return ""
