"""Jejak audit: who changed what and when, read from django-simple-history's tables.

Five kinds of record are audited: employees, placements, SKP, evaluations and development
participations. Each historical table is filtered on its own (scope, kind, user, dates,
NIP/nama), the five are combined with one UNION ALL that is sorted and sliced in the
database, and only the page's rows are then loaded: per kind the rows plus their previous
records (for the diff), then the employees, posts, SKP and events they name, each in one
query. The number of queries depends on how many kinds are on the page, never on how many
rows.

positions sits below performance and training (docs/architecture.md): their models are looked up by
label here, never imported, so this module adds no import-time dependency on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Value
from django.urls import reverse
from django.utils import timezone

from .models import Employee, Placement, Position, Scopes, scopes_for

if TYPE_CHECKING:
    from asnportal.models import User


@dataclass(frozen=True)
class AuditSource:
    key: str  # URL filter value
    label: str
    model: str  # app_label.ModelName of the tracked model
    employee: str  # lookup from a historical row to the employee it concerns


SOURCES = (
    AuditSource("pegawai", "Pegawai", "positions.Employee", "id"),
    AuditSource("penempatan", "Penempatan", "positions.Placement", "employee_id"),
    AuditSource("skp", "SKP", "performance.SKP", "employee_id"),
    AuditSource("evaluasi", "Evaluasi kinerja", "performance.Evaluation", "skp__employee_id"),
    AuditSource("pengembangan", "Pengembangan kompetensi", "training.Participation", "employee_id"),
)
SOURCE_CHOICES = [(s.key, s.label) for s in SOURCES]
CHANGE_LABELS = {"+": "dibuat", "~": "diubah", "-": "dihapus"}


@dataclass(frozen=True)
class AuditFilter:
    kind: str = ""
    user: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    query: str = ""  # NIP prefix or part of the employee's name


@dataclass
class AuditRow:
    when: dt.datetime
    user: str
    kind: str
    change: str
    object_label: str
    url: str | None
    changed_fields: list[str] = field(default_factory=list)


def can_read_audit(user: User) -> bool:
    """Pengelola and pimpinan of a scope, and superusers. Penilai and pegawai: no.

    Pimpinan may read because the trail is an oversight tool for leadership (Sekda,
    inspektorat) over the HR officers' own changes, and the page changes nothing."""
    scopes = scopes_for(user)
    return bool(user.is_superuser or scopes.write_paths or scopes.read_paths)


def _history_model(source: AuditSource) -> type[models.Model]:
    return apps.get_model(source.model).history.model


def _search_q(query: str) -> Q:
    """Same rule as EmployeeQuerySet.search, for employees and their historical rows alike:
    digits are a NIP prefix, anything else part of the name."""
    if query.isdigit():
        return Q(nip__startswith=query)
    return Q(name__icontains=query)


def _scoped(source: AuditSource, rows: models.QuerySet, user: User, query: str) -> models.QuerySet:
    """Rows concerning an employee in the reader's HR scope (the unit they are in now), or a
    deleted employee whose deletion record lies in the scope (nothing else is left of them)."""
    if user.is_superuser and not query:
        return rows
    # Only HR scopes count: the subtree a penilai heads gives no audit access.
    scopes = scopes_for(user)
    in_scope = Scopes(write_paths=scopes.write_paths, read_paths=scopes.read_paths)
    employees = Employee.objects.all()
    deleted = Employee.history.model.objects.filter(history_type="-")
    if not user.is_superuser:
        employees = employees.filter(in_scope.path_q("unit__path"))
        deleted = deleted.filter(in_scope.path_q("unit__path"))
    if query:
        employees = employees.filter(_search_q(query))
        deleted = deleted.filter(_search_q(query))
    lookup = f"{source.employee}__in"
    return rows.filter(Q(**{lookup: employees.values("pk")}) | Q(**{lookup: deleted.values("id")}))


def _filtered(source: AuditSource, user: User, filters: AuditFilter) -> models.QuerySet:
    rows = _history_model(source).objects.all()
    rows = _scoped(source, rows, user, filters.query.strip())
    if filters.user:
        name = filters.user.strip()
        rows = rows.filter(
            Q(history_user__username__icontains=name)
            | Q(history_user__first_name__icontains=name)
            | Q(history_user__last_name__icontains=name)
        )
    tz = timezone.get_current_timezone()
    if filters.date_from:
        start = dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=tz)
        rows = rows.filter(history_date__gte=start)
    if filters.date_to:
        end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        rows = rows.filter(history_date__lt=end)
    return rows


def audit_entries(user: User, filters: AuditFilter) -> models.QuerySet:
    """The matching changes as (history_id, history_date, source index) rows, newest first:
    one UNION ALL query, so counting and slicing a page happen in the database."""
    parts = [
        _filtered(source, user, filters)
        .order_by()
        .values("history_id", "history_date")
        .annotate(source=Value(index, output_field=models.IntegerField()))
        for index, source in enumerate(SOURCES)
        if not filters.kind or filters.kind == source.key
    ]
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return combined.order_by("-history_date", "-source", "-history_id")


def _load_with_previous(source: AuditSource, history_ids: list[int]) -> dict[int, Any]:
    """The historical rows of one kind, each with `.previous` (or None): two queries."""
    model = _history_model(source)
    previous = (
        model.objects.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    rows = list(
        model.objects.filter(history_id__in=history_ids)
        .select_related("history_user")
        .annotate(previous_id=Subquery(previous))
    )
    earlier = model.objects.in_bulk([r.previous_id for r in rows if r.previous_id])
    for row in rows:
        row.previous = earlier.get(row.previous_id)
    return {row.history_id: row for row in rows}


def _changed_fields(row: Any) -> list[str]:
    if row.history_type != "~" or row.previous is None:
        return []
    delta = row.diff_against(row.previous)
    meta = row.instance_type._meta
    return [str(meta.get_field(name).verbose_name) for name in delta.changed_fields]


def _user_label(row: Any) -> str:
    if row.history_user is None:
        return "sistem"
    return row.history_user.get_full_name() or row.history_user.username


def build_rows(entries: list[dict[str, Any]]) -> list[AuditRow]:
    """Turn one page of `audit_entries` into display rows (query count bounded by kinds)."""
    ids_by_kind: dict[str, list[int]] = {}
    for entry in entries:
        ids_by_kind.setdefault(SOURCES[entry["source"]].key, []).append(entry["history_id"])
    loaded = {
        source.key: _load_with_previous(source, ids_by_kind[source.key])
        for source in SOURCES
        if source.key in ids_by_kind
    }

    def rows_of(kind: str) -> list[Any]:
        return list(loaded.get(kind, {}).values())

    # What the rows name, fetched once per model for the whole page.
    skp_ids = {r.id for r in rows_of("skp")} | {r.skp_id for r in rows_of("evaluasi")}
    skps = apps.get_model("performance.SKP").objects.in_bulk(skp_ids) if skp_ids else {}
    employee_ids = {r.id for r in rows_of("pegawai")} | {s.employee_id for s in skps.values()}
    for kind in ("penempatan", "skp", "pengembangan"):
        employee_ids |= {r.employee_id for r in rows_of(kind)}
    employees = Employee.objects.in_bulk(employee_ids) if employee_ids else {}
    position_ids = {r.position_id for r in rows_of("penempatan")}
    positions = Position.objects.in_bulk(position_ids) if position_ids else {}
    event_ids = {r.event_id for r in rows_of("pengembangan") if r.event_id}
    event_model = apps.get_model("training.TrainingEvent")
    events = event_model.objects.select_related("program").in_bulk(event_ids) if event_ids else {}

    result = []
    for entry in entries:
        source = SOURCES[entry["source"]]
        row = loaded[source.key].get(entry["history_id"])
        if row is None:  # pruned between the two queries
            continue
        label, url = _describe(source, row, employees, skps, positions, events)
        result.append(
            AuditRow(
                when=row.history_date,
                user=_user_label(row),
                kind=source.label,
                change=CHANGE_LABELS.get(row.history_type, row.history_type),
                object_label=label,
                url=url,
                changed_fields=_changed_fields(row),
            )
        )
    return result


def _describe(
    source: AuditSource,
    row: Any,
    employees: dict[int, Employee],
    skps: dict[int, Any],
    positions: dict[int, Position],
    events: dict[int, Any],
) -> tuple[str, str | None]:
    """Label of the changed object and a link to the page showing it, when it still exists.
    Every row on the page concerns an employee inside the reader's scope, so any page of
    that employee is visible to them."""
    if source.key == "pegawai":
        label = f"{row.name} ({row.nip})"
        exists = row.id in employees
        return label, reverse("positions:employee_detail", args=[row.id]) if exists else None
    if source.key == "evaluasi":
        skp = skps.get(row.skp_id)
        employee = employees.get(skp.employee_id) if skp else None
        period = apps.get_model("performance.Evaluation").Period(row.period).label
        label = f"Evaluasi {period} — SKP {skp.year if skp else '?'} {_name(employee)}"
        url = reverse("performance:evaluation", args=[row.skp_id, row.period]) if skp else None
        return label, url
    employee = employees.get(row.employee_id)
    if source.key == "penempatan":
        position = positions.get(row.position_id)
        post = position.name if position else f"jabatan #{row.position_id}"
        kind = Placement.Kind(row.kind).label
        label = f"{_name(employee)} — {post} ({kind}, TMT {row.start_date:%d-%m-%Y})"
        url = reverse("positions:employee_detail", args=[employee.pk]) if employee else None
        return label, url
    if source.key == "skp":
        label = f"SKP {row.year} {_name(employee)} (rev. {row.revision})"
        url = reverse("performance:skp_detail", args=[row.id]) if row.id in skps else None
        return label, url
    event = events.get(row.event_id) if row.event_id else None
    title = str(event) if event else (row.title or f"angkatan #{row.event_id}")
    url = reverse("training:ledger", args=[employee.pk]) if employee else None
    return f"{_name(employee)} — {title}", url


def _name(employee: Employee | None) -> str:
    return employee.full_name if employee else "(pegawai terhapus)"
