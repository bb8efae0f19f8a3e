"""Read logic of the training app that other pages (the home pages) use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from positions.models import Employee, scopes_for

from .ledger import ledger_for
from .models import (
    JP_TARGET,
    Category,
    JoinRequest,
    Method,
    Participation,
    TrainingEvent,
    counted_jp_subquery,
)

if TYPE_CHECKING:
    from asnportal.models import User


def open_events_for(employee: Employee, *, limit: int = 5) -> list[TrainingEvent]:
    """Events the pegawai may ask to join, soonest first, each with `seats_left` and
    `request_status` (the status of the pegawai's latest request, "" when none). Two queries
    whatever the number of events."""
    latest_request = JoinRequest.objects.filter(event=OuterRef("pk"), employee=employee).order_by(
        "-created_at", "-pk"
    )
    events = list(
        TrainingEvent.objects.open_to(employee)
        .exclude(participations__employee=employee)
        .select_related("program", "organiser_unit")
        .annotate(
            enrolled=Count("participations", distinct=True),
            request_status=Subquery(latest_request.values("status")[:1]),
        )
        .order_by("start_date", "pk")[:limit]
    )
    for event in events:
        event.seats_left = max(event.quota - event.enrolled, 0)
        event.request_status = event.request_status or ""
    return events


def pending_join_requests(user: User) -> Any:
    """Pending join requests of events the user organises (pengelola scope)."""
    requests = JoinRequest.objects.filter(status=JoinRequest.Status.DIAJUKAN).select_related(
        "employee__unit", "event__program"
    )
    if user.is_superuser:
        return requests
    scopes = scopes_for(user)
    if not scopes.write_paths:
        return requests.none()
    q = Q(pk__in=[])
    for path in scopes.write_paths:
        q |= Q(event__organiser_unit__path__startswith=path)
    return requests.filter(q)


# --- The training page and JP columns of the yearly documents (performance.reports) ---------
# performance sits below training and does not import it: TrainingConfig.ready() registers
# these with performance.reports.


def jp_report_section(employee_id: int, year: int) -> dict[str, Any]:
    """The pengembangan kompetensi page of the employee report: the year's participations,
    counted ones plus those still waiting (verification or result) or not passed, marked as
    not counted; the JP total against the target. Rejected self-reports are left out: HR
    judged they did not happen as reported. One query (training.ledger.ledger_for)."""
    # ledger_for filters on the employee's pk only: an unsaved stand-in costs no query.
    ledger = ledger_for(Employee(pk=employee_id), year)
    V = Participation.Verification
    lines = ledger.counted + [
        line for line in ledger.not_counted if line.participation.verification != V.REJECTED
    ]
    lines.sort(key=lambda line: (line.participation.end_date, line.participation.pk))
    rows = []
    for line in lines:
        p = line.participation
        program = p.event.program if p.event_id else None
        category = p.category or (program.category if program else "")
        method = p.method or (program.method if program else "")
        if not line.reason:
            note = "Dihitung"
        elif p.verification == V.PENDING:
            note = "Belum diverifikasi, tidak dihitung"
        else:
            note = f"{line.reason}, tidak dihitung"
        rows.append(
            {
                "participation": p,
                "jenis": " · ".join(
                    str(label)
                    for label in (
                        Category(category).label if category else "",
                        Method(method).label if method else "",
                    )
                    if label
                ),
                "counted": not line.reason,
                "note": note,
            }
        )
    return {"development": rows, "ledger": ledger, "jp_target": JP_TARGET}


def jp_recap_annotate(employees: QuerySet[Employee], year: int) -> QuerySet[Employee]:
    """`jp`: the JP counted in the year (training.ledger.employees_with_jp's annotation), as a
    subquery of the recap's one employee query."""
    return employees.annotate(jp=counted_jp_subquery(year))


def jp_recap_cells(employee: Employee) -> dict[str, int]:
    return {"jp": employee.jp, "jp_shortfall": max(JP_TARGET - employee.jp, 0)}


def jp_recap_summary(rows: list[Any]) -> dict[str, Any]:
    """The 20 JP compliance line of the unit recap."""
    compliant = sum(1 for row in rows if row["jp"] >= JP_TARGET)
    return {
        "jp_target": JP_TARGET,
        "jp_compliant": compliant,
        "jp_pct": compliant * 100 / len(rows) if rows else 0,
    }
