from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from asnportal.http import AuthedRequest
from core import figures
from positions.access import get_object_for
from positions.models import Employee, own_employee, scopes_for, today

from . import calendar, pimpinan, selectors, services
from .forms import AnnouncementForm
from .models import Announcement, can_edit_announcement, leader_paths

if TYPE_CHECKING:
    from django.http import HttpResponse

    from asnportal.models import User


def _own_employee(user: User) -> Employee | None:
    """The user's employee record, kept on the user so the navbar reuses it (no second query)."""
    return own_employee(user)


@require_GET
def home(request: AuthedRequest) -> HttpResponse:
    """Beranda: one page, a section per role the user holds, in the order of the issue:
    pengumuman, my to-dos (pegawai), penilai, pengelola kepegawaian, pimpinan."""
    user = request.user
    on = today()
    scopes = scopes_for(user)
    employee = _own_employee(user)
    context: dict[str, Any] = {
        "employee": employee,
        "today": on,
        "announcements": selectors.announcements_for(user, on),
        "can_announce": bool(user.is_superuser or leader_paths(user)),
    }
    if employee is not None:
        context["pegawai"] = selectors.pegawai_todo(employee, on)
        if scopes.is_manager:
            context["penilai"] = selectors.penilai_todo(employee, on)
            # The navbar badge shows the same count: no second query.
            user._asn_pending_approvals = context["penilai"].skps_waiting  # type: ignore[attr-defined]
    # Scope-wide counts come from the cache for a few minutes; ?segarkan=1 computes them again.
    refresh = figures.wants_refresh(request.GET)
    if scopes.is_hr or user.is_superuser:
        context["hr"] = selectors.hr_overview(user, scopes, on, refresh=refresh)
    if scopes.is_pimpinan or user.is_superuser:
        context["pimpinan"] = pimpinan.cached_dashboard(user, scopes, on, refresh=refresh)
    return render(request, "home/home.html", context)


@require_GET
def panduan(request: AuthedRequest) -> HttpResponse:
    """What to do this month and why, for each role the user holds."""
    user = request.user
    scopes = scopes_for(user)
    month = today().month
    sections = []
    if Employee.objects.filter(user=user).exists():
        sections.append(("Pegawai", calendar.PEGAWAI_STEPS))
    if scopes.is_manager:
        sections.append(("Pejabat penilai", calendar.PENILAI_STEPS))
    if scopes.is_hr or user.is_superuser:
        sections.append(("Pengelola kepegawaian", calendar.HR_STEPS))
    if scopes.is_pimpinan:
        sections.append(("Pimpinan", calendar.PIMPINAN_STEPS))
    roles = []
    for name, steps in sections:
        now, later = calendar.steps_for(steps, month)
        roles.append({"name": name, "now": now, "later": later})
    return render(request, "home/panduan.html", {"roles": roles, "month": today()})


# --- Pengumuman ------------------------------------------------------------------------------


def _require_announcer(user: User) -> list[str]:
    paths = leader_paths(user)
    if not paths:
        raise PermissionDenied
    return paths


@require_GET
def announcement_list(request: AuthedRequest) -> HttpResponse:
    """Pengumuman the user wrote, or (a pengelola kepegawaian) that lie in their scope."""
    user = request.user
    editable = Announcement.objects.editable_by(user)
    if not (user.is_superuser or leader_paths(user) or editable.exists()):
        raise PermissionDenied
    rows = editable.select_related("unit", "author").order_by("-starts_on", "-pk")[:100]
    return render(
        request,
        "home/announcement_list.html",
        {"announcements": rows, "can_announce": bool(leader_paths(user)), "today": today()},
    )


@require_http_methods(["GET", "POST"])
def announcement_create(request: AuthedRequest) -> HttpResponse:
    paths = _require_announcer(request.user)
    form = AnnouncementForm(request.POST or None, allowed_paths=paths)
    if request.method == "POST" and form.is_valid():
        services.post_announcement(request.user, **form.cleaned_data)
        messages.success(request, "Pengumuman diterbitkan.")
        return redirect("home:announcement_list")
    return render(request, "home/announcement_form.html", {"form": form, "announcement": None})


@require_http_methods(["GET", "POST"])
def announcement_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    announcement = get_object_for(
        request.user,
        Announcement.objects.select_related("unit"),
        pk,
        write=True,
        may_write=can_edit_announcement,
    )
    # Anyone who may edit it may keep its unit, even outside their own leader paths.
    paths = [*leader_paths(request.user), announcement.unit.path]
    form = AnnouncementForm(request.POST or None, instance=announcement, allowed_paths=paths)
    if request.method == "POST" and form.is_valid():
        services.update_announcement(announcement, user=request.user, **form.cleaned_data)
        messages.success(request, "Pengumuman disimpan.")
        return redirect("home:announcement_list")
    return render(
        request, "home/announcement_form.html", {"form": form, "announcement": announcement}
    )
