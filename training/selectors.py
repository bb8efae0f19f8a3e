"""Read logic of the training app that other pages (the home pages) use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, OuterRef, Q, Subquery

from positions.models import Employee, scopes_for

from .models import JoinRequest, TrainingEvent

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
