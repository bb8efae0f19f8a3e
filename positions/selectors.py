"""Read logic of the positions app used by views (and other apps' pages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Sum, Window
from django.db.models.functions import Substr
from django.urls import reverse

from core.params import parse_id

from .models import (
    Employee,
    EmployeeCompetency,
    OrgUnit,
    Placement,
    Position,
    Scopes,
    _outermost,
    scopes_for,
    today,
)


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
        "unit_moves_later": start_date > today(),  # on the TMT (services.place_employee)
        "holders_after": holders + (1 if kind == Placement.Kind.DEFINITIF else 0),
        "kebutuhan": position.kebutuhan,
    }


# --- Register ---------------------------------------------------------------------------------


def register_page(employees: Any, number: Any, per_page: int) -> Page:
    """The page `number` of the register, as `Paginator.get_page` picks it (not a number:
    the first; past the end or below 1: the last), each row prepared by `register_rows`.

    The total rides on the page's own query (`COUNT(*) OVER ()`): the database sorts every
    matching row for the page anyway, and a separate `COUNT(*)` would join, filter and
    probe them all a second time (half the page's SQL for a large dinas: 1,048 matches
    among 8,677 employees at 120,000). A page past the end, or a queryset with DISTINCT,
    takes Django's two queries."""
    paginator = Paginator(employees, per_page)
    try:
        if isinstance(number, float) and not number.is_integer():
            raise ValueError
        wanted = int(number)
    except (TypeError, ValueError):
        wanted = 1
    # A page number whose offset no database integer holds is past the end anyway.
    if 1 <= wanted <= 2**31 // per_page and not employees.query.distinct:
        bottom = (wanted - 1) * per_page
        rows = list(
            employees.annotate(register_total=Window(Count("pk")))[bottom : bottom + per_page]
        )
        if rows or wanted == 1:
            paginator.__dict__["count"] = rows[0].register_total if rows else 0
            page = paginator.page(wanted)
            page.object_list = register_rows(rows)
            return page
    page = paginator.get_page(number)
    page.object_list = register_rows(page.object_list)
    return page


def register_rows(employees: Any) -> list[Employee]:
    """One page of the register (`Employee.objects.for_list()`), each row with the cells the
    table prints as plain attributes: `url`, `golongan_label`, `kind_label`, `status_label`.
    The same text as `get_absolute_url()`, `golongan_short` and `get_…_display()`, which cost
    a `reverse()` and a choices dict per call: at 50 rows a third of the page's CPU."""
    marker = 987654321
    url = reverse("positions:employee_detail", args=[marker]).split(str(marker))
    kinds = dict(Employee.Kind.choices)
    statuses = dict(Employee.Status.choices)
    golongan: dict[str, str] = {}
    rows = list(employees)
    for e in rows:
        e.url = f"{url[0]}{e.pk}{url[1]}"
        e.kind_label = kinds.get(e.kind, e.kind)
        e.status_label = statuses.get(e.status, e.status)
        if e.golongan not in golongan:
            golongan[e.golongan] = e.golongan_short
        e.golongan_label = golongan[e.golongan]
    return rows


# --- Unit picker ------------------------------------------------------------------------------

PICKER_DEPTH = 2  # levels shown below the user's outermost scope: perangkat daerah and bidang


def picker_units(user: Any, *, selected: object = None, write: bool = False) -> list[OrgUnit]:
    """The units of a unit <select>, ordered by path, in one query: the active units the user
    may see down to two levels below their outermost scope (perangkat daerah and bidang under
    the province), plus the `selected` one (an OrgUnit or a raw id) when it is visible and
    deeper. All ~900 units of a kabupaten as <option>s took longer to render than the page.
    With `write=True`, only the units the user may write (pengelola scopes; a superuser all),
    for a form that changes something in the chosen unit."""
    scopes = scopes_for(user)
    paths = scopes.write_paths if write else scopes.all_paths
    depths = [len(path) // OrgUnit.steplen for path in paths]
    shown = Q(depth__lte=min(depths, default=1) + PICKER_DEPTH)
    selected_id = selected.pk if isinstance(selected, OrgUnit) else parse_id(selected)
    if selected_id is not None:
        shown |= Q(pk=selected_id)
    units = OrgUnit.objects.visible_to(user).active().filter(shown)
    if write and not scopes.superuser:
        units = units.filter(Scopes(write_paths=scopes.write_paths).path_q("path"))
    return list(units.order_by("path"))


def indented_choices(units: list[OrgUnit]) -> list[tuple[int, str]]:
    """(pk, name) pairs indented by depth below the shallowest unit, so a plain <select>
    reads as a tree."""
    top = min((u.depth for u in units), default=1)
    return [(u.pk, "\u2003" * (u.depth - top) + u.name) for u in units]


def unit_choices(
    user: Any, *, selected: object = None, write: bool = False
) -> list[tuple[int, str]]:
    """The choices of a unit picker (see `picker_units`): one query."""
    return indented_choices(picker_units(user, selected=selected, write=write))


# --- Organisation tree and unit page ----------------------------------------------------------


def with_subtree_counts(units: list[OrgUnit]) -> list[OrgUnit]:
    """Annotate each unit with active employees in its subtree: one grouped query per depth."""
    by_depth: dict[int, list[OrgUnit]] = {}
    for unit in units:
        by_depth.setdefault(unit.depth, []).append(unit)
    for depth, group in by_depth.items():
        prefix = depth * OrgUnit.steplen
        scope = Scopes(write_paths=[u.path for u in group])
        counts = dict(
            Employee.objects.active()
            .filter(scope.path_q("unit__path"))
            .annotate(prefix=Substr("unit__path", 1, prefix))
            .values("prefix")
            .annotate(n=Count("pk"))
            .values_list("prefix", "n")
        )
        for unit in group:
            unit.employee_count = counts.get(unit.path, 0)
    return units


def unit_tree(scopes: Scopes) -> list[OrgUnit]:
    """The roots of the user's scopes, each with `expanded_children` (its active children) and
    every node with its `employee_count`: the organisation tree opened one level."""
    if scopes.superuser:
        roots = list(OrgUnit.objects.filter(depth=1))
    else:
        roots = list(OrgUnit.objects.filter(path__in=_outermost(scopes.all_paths)))
    children = list(
        OrgUnit.objects.active()
        .filter(Scopes(write_paths=[r.path for r in roots]).path_q("path"))
        .filter(depth__in={r.depth + 1 for r in roots})
    )
    with_subtree_counts(roots + children)
    for root in roots:
        root.expanded_children = [c for c in children if c.path.startswith(root.path)]
    return roots


def unit_positions(unit: OrgUnit) -> list[Position]:
    """The unit's active posts with their bezetting, each with `holders` (today's placements,
    definitif first): two queries."""
    positions = list(
        Position.objects.active().filter(unit=unit).with_bezetting().select_related("parent")
    )
    holders: dict[int, list[Placement]] = {}
    for placement in (
        Placement.objects.on(today())
        .filter(position__unit=unit)
        .select_related("employee")
        .order_by("kind", "employee__name")
    ):
        holders.setdefault(placement.position_id, []).append(placement)
    for position in positions:
        position.holders = holders.get(position.pk, [])  # type: ignore[attr-defined]
    return positions


def unit_totals(unit: OrgUnit) -> dict[str, Any]:
    """Posts, kebutuhan and bezetting of the unit's whole subtree, and its active employees."""
    subtree = Position.objects.active().filter(unit__path__startswith=unit.path).with_bezetting()
    totals = subtree.aggregate(
        positions=Count("pk"), kebutuhan_sum=Sum("kebutuhan"), bezetting_sum=Sum("bezetting")
    )
    totals["employees"] = Employee.objects.active().in_subtree(unit).count()
    return totals


def unit_ancestors(unit: OrgUnit, scopes: Scopes) -> list[tuple[OrgUnit, bool]]:
    """The units above `unit`, each with whether the user may open it: units above the
    user's scope are named but not linked (their pages answer 404)."""
    return [
        (a, scopes.superuser or any(a.path.startswith(p) for p in scopes.all_paths))
        for a in OrgUnit.objects.get_ancestors(unit)
    ]


# --- Positions and employees ------------------------------------------------------------------


def position_list(user: Any, *, query: str = "", jenis: str = "", vacant: bool = False) -> Any:
    """The post register the user may see, filtered by name, jenis and vacancy."""
    positions = Position.objects.visible_to(user).active().for_list()
    if query:
        positions = positions.filter(name__icontains=query)
    if jenis in Position.Jenis.values:
        positions = positions.filter(jenis=jenis)
    if vacant:
        positions = positions.filter(bezetting__lt=F("kebutuhan"))
    return positions


def own_figures(employee: Employee) -> dict[str, Any]:
    """An employee's profile figures: definitive and acting posts, penilai and atasan
    penilai, retirement (TMT pensiun from the post's BUP) and highest education."""
    placement = employee.definitive_placement()
    acting = list(
        employee.placements.on(today())
        .exclude(kind=Placement.Kind.DEFINITIF)
        .select_related("position__unit")
    )
    bup = placement.position.bup_age if placement else 58
    penilai, atasan_penilai = employee.superiors(placement=placement)
    if placement is not None and placement.position.parent_id is None:
        # The top post (Sekda) is rated by the kepala daerah, who is not in the ASN register.
        penilai_note = "Kepala daerah (pejabat pembina kepegawaian)"
    else:
        penilai_note = "Jabatan atasan sedang lowong tanpa Plt/Plh — hubungi pengelola kepegawaian."
    return {
        "penilai_note": penilai_note,
        "employee": employee,
        "placement": placement,
        "acting": acting,
        "penilai": penilai,
        "atasan_penilai": atasan_penilai,
        "retirement": employee.exit_date(bup),
        "bup": bup,
        "education": employee.educations.select_related("field").first(),
    }


def competency_rows(employee: Employee, placement: Placement | None) -> list[dict[str, Any]]:
    """The employee's latest assessed levels against the current position's required levels."""
    latest: dict[int, EmployeeCompetency] = {}
    for assessed in employee.competencies.select_related("competency").order_by("assessed_on"):
        latest[assessed.competency_id] = assessed
    rows = []
    required = (
        placement.position.required_competencies.select_related("competency") if placement else []
    )
    for req in required:
        have = latest.pop(req.competency_id, None)
        rows.append(
            {
                "competency": req.competency,
                "required": req.level,
                "assessed": have,
                "gap": req.level - (have.level if have else 0),
            }
        )
    for have in latest.values():
        rows.append({"competency": have.competency, "required": None, "assessed": have, "gap": 0})
    return rows
