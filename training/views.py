"""Training catalog (every logged-in user reads it; HR pengelola edits it) and events (angkatan):
sessions, enrolment one by one or in bulk from the register filters, attendance and results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from asnportal.http import AuthedRequest
from core.forms import message_service_error
from core.params import parse_id
from positions.access import get_object_for, require_hr
from positions.models import own_employee

from . import services
from .forms import (
    EnrolFilterForm,
    EnrolNipForm,
    EventForm,
    ProgramCompetencyFormSet,
    ProgramForm,
    ResultFormSet,
    SessionFormSet,
    category_choices,
)
from .models import (
    JP_TARGET,
    Attendance,
    Category,
    JoinRequest,
    Participation,
    TrainingEvent,
    TrainingProgram,
)

if TYPE_CHECKING:
    from asnportal.models import User

PAGE_SIZE = 50
ENROL_PAGE_SIZE = 100


# --- Access and fetch shapes ----------------------------------------------------------------


def _events_for_list(user: User) -> Any:
    return (
        TrainingEvent.objects.visible_to(user)
        .select_related("program", "organiser_unit")
        .annotate(enrolled=Count("participations"))
    )


def _get_event_for_user(user: User, pk: int, *, write: bool = False) -> TrainingEvent:
    """404 outside the user's scope; 403 when visible but not organised within a pengelola
    scope of the user."""
    events = TrainingEvent.objects.select_related("program", "organiser_unit").annotate(
        enrolled=Count("participations")
    )
    return get_object_for(
        user, events, pk, write=write, path=lambda event: event.organiser_unit.path
    )


def _is_hr(user: User) -> bool:
    try:
        require_hr(user)
    except PermissionDenied:
        return False
    return True


# --- Catalog --------------------------------------------------------------------------------


@require_GET
def program_list(request: AuthedRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    category = request.GET.get("kategori", "")
    programs = TrainingProgram.objects.all()
    if query:
        programs = programs.filter(Q(name__icontains=query) | Q(code__icontains=query))
    if category in Category.values:
        programs = programs.filter(category=category)
    page = Paginator(programs.order_by("category", "name"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "query": query,
        "category": category,
        "categories": category_choices(),
        "events": _events_for_list(request.user).order_by("-start_date")[:20],
        "can_edit": _is_hr(request.user),
    }
    return render(request, "training/program_list.html", context)


def _save_program(request: AuthedRequest, program: TrainingProgram | None) -> HttpResponse:
    require_hr(request.user)
    form = ProgramForm(request.POST or None, instance=program)
    formset = ProgramCompetencyFormSet(request.POST or None, instance=form.instance)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            program = form.save()
            formset.instance = program
            formset.save()
        messages.success(request, "Program pelatihan disimpan.")
        return redirect(program)
    return render(
        request,
        "training/program_form.html",
        {"form": form, "formset": formset, "program": program},
    )


@require_http_methods(["GET", "POST"])
def program_create(request: AuthedRequest) -> HttpResponse:
    return _save_program(request, None)


@require_http_methods(["GET", "POST"])
def program_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    return _save_program(request, get_object_or_404(TrainingProgram, pk=pk))


@require_GET
def program_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(TrainingProgram, pk=pk)
    context = {
        "program": program,
        "competencies": program.competencies.select_related("competency").order_by(
            "competency__kind", "competency__code"
        ),
        "events": Paginator(
            _events_for_list(request.user).filter(program=program).order_by("-start_date", "pk"),
            PAGE_SIZE,
        ).get_page(request.GET.get("page")),
        "can_edit": _is_hr(request.user),
    }
    return render(request, "training/program_detail.html", context)


# --- Events ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def event_create(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    initial = {}
    program_id = parse_id(request.GET.get("program"))
    if program_id is not None:
        initial["program"] = program_id
    form = EventForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = form.save()
        messages.success(request, "Angkatan disimpan. Tambahkan sesi, lalu daftarkan peserta.")
        return redirect(event)
    return render(request, "training/event_form.html", {"form": form, "event": None})


@require_http_methods(["GET", "POST"])
def event_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _get_event_for_user(request.user, pk, write=True)
    form = EventForm(request.POST or None, user=request.user, instance=event)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Angkatan diperbarui.")
        return redirect(event)
    return render(request, "training/event_form.html", {"form": form, "event": event})


@require_GET
def event_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _get_event_for_user(request.user, pk)
    can_manage = services.can_manage_event(request.user, event)
    sessions = list(event.sessions.all())
    participants_qs = event.participations.select_related("employee")
    own = own_employee(request.user)
    sees_all = can_manage or _is_hr(request.user)
    if not sees_all:
        # A participant (or a pegawai looking at an open event) sees their own row only.
        participants_qs = participants_qs.filter(employee=own)
    elif not can_manage:
        # HR and pimpinan of another scope (the event is open to their instansi): the
        # participants they may see elsewhere, not everyone the organiser enrolled.
        participants_qs = participants_qs.visible_to(request.user)
    participants = list(
        participants_qs.annotate(
            present_count=Count("attendance", filter=Q(attendance__present=True))
        ).order_by("employee__name")
    )
    for p in participants:
        p.attendance_pct = round(p.present_count * 100 / len(sessions)) if sessions else None
    context = {
        "event": event,
        "sessions": sessions,
        "participants": participants,
        "seats_left": max(event.quota - event.enrolled, 0),
        "can_manage": can_manage,
        "read_only": not can_manage,
        "sees_all": sees_all,
        "own_request": (
            JoinRequest.objects.filter(event=event, employee=own).order_by("-created_at").first()
            if own
            else None
        ),
        "can_ask": bool(
            own
            and not any(p.employee_id == own.pk for p in participants)
            and TrainingEvent.objects.open_to(own).filter(pk=event.pk).exists()
        ),
        "pending_requests": (
            event.join_requests.filter(status=JoinRequest.Status.DIAJUKAN).count()
            if can_manage
            else 0
        ),
    }
    return render(request, "training/event_detail.html", context)


@require_http_methods(["GET", "POST"])
def event_sessions(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _get_event_for_user(request.user, pk, write=True)
    formset = SessionFormSet(request.POST or None, instance=event, prefix="sesi")
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, "Sesi disimpan.")
        return redirect(event)
    return render(request, "training/event_sessions.html", {"event": event, "formset": formset})


def _enrol_from_post(request: AuthedRequest, event: TrainingEvent) -> None:
    """One by one (NIP field or a row's button) or the ticked rows; messages say what happened."""
    user = request.user
    candidates = services.writable_employees(user)
    if "nip" in request.POST:
        form = EnrolNipForm(request.POST)
        employee = (
            candidates.filter(nip=form.cleaned_data["nip"]).first() if form.is_valid() else None
        )
        if employee is None:
            messages.error(request, "NIP tidak ditemukan di lingkup pengelolaan Anda.")
            return
        chosen = [employee]
    else:
        raw = [request.POST["one"]] if "one" in request.POST else request.POST.getlist("employees")
        ids = {pk for pk in map(parse_id, raw) if pk is not None}
        chosen = list(candidates.filter(pk__in=ids))
        if len(chosen) != len(ids):
            messages.error(request, "Sebagian pegawai tidak ditemukan atau di luar lingkup Anda.")
            return
    try:
        created = services.enrol_bulk(event, chosen, enrolled_by=user)
    except ValidationError as exc:
        message_service_error(request, exc)
        return
    names = ", ".join(p.employee.name for p in created)
    messages.success(request, f"{len(created)} pegawai didaftarkan: {names}.")


@require_http_methods(["GET", "POST"])
def event_enrol(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _get_event_for_user(request.user, pk, write=True)
    if request.method == "POST":
        _enrol_from_post(request, event)
        return redirect(request.get_full_path())
    year = event.end_date.year
    filters = EnrolFilterForm(request.GET, user=request.user)
    employees = filters.filter_for_event(
        services.writable_employees(request.user).for_list(), year
    ).annotate(enrolled=Exists(Participation.objects.filter(event=event, employee=OuterRef("pk"))))
    page = Paginator(employees, ENROL_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "filters": filters,
        "page": page,
        "year": year,
        "jp_target": JP_TARGET,
        "seats_left": max(event.quota - event.enrolled, 0),
        "nip_form": EnrolNipForm(),
    }
    return render(request, "training/event_enrol.html", context)


@require_http_methods(["GET", "POST"])
def event_attendance(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _get_event_for_user(request.user, pk, write=True)
    if request.method == "POST":
        present = set()
        for value in request.POST.getlist("present"):
            raw_pid, _, raw_sid = value.partition(":")
            pid, sid = parse_id(raw_pid), parse_id(raw_sid)
            if pid is not None and sid is not None:
                present.add((pid, sid))
        services.record_attendance(event, present, recorded_by=request.user)
        messages.success(request, "Presensi disimpan.")
        return redirect(event)
    sessions = list(event.sessions.all())
    present = set(
        Attendance.objects.filter(participation__event=event, present=True).values_list(
            "participation_id", "session_id"
        )
    )
    rows = [
        (p, [(s, (p.pk, s.pk) in present) for s in sessions])
        for p in event.participations.select_related("employee").order_by("employee__name")
    ]
    return render(
        request,
        "training/event_attendance.html",
        {"event": event, "sessions": sessions, "rows": rows},
    )


@require_http_methods(["GET", "POST"])
def event_results(request: AuthedRequest, pk: int) -> HttpResponse:
    event = _get_event_for_user(request.user, pk, write=True)
    participations = event.participations.select_related("employee").order_by("employee__name")
    formset = ResultFormSet(
        request.POST or None,
        request.FILES or None,
        queryset=participations,
        prefix="hasil",
        form_kwargs={"user": request.user},
    )
    if request.method == "POST" and formset.is_valid():
        rows = [
            services.ResultRow(
                participation=form.instance,
                result=form.cleaned_data["result"],
                certificate_number=form.cleaned_data["certificate_number"],
                certificate=form.cleaned_data.get("certificate"),
            )
            for form in formset.forms
        ]
        try:
            services.record_results(event, rows, recorded_by=request.user)
        except ValidationError as exc:
            message_service_error(request, exc)
        else:
            messages.success(request, "Hasil pelatihan disimpan.")
            return redirect(event)
    return render(request, "training/event_results.html", {"event": event, "formset": formset})


@require_GET
def certificate_download(request: AuthedRequest, pk: int) -> FileResponse:
    """Certificates stream through this view only, for users who may see the participant."""
    participation = get_object_or_404(
        Participation.objects.visible_to(request.user).exclude(certificate=""), pk=pk
    )
    name = participation.certificate_name or participation.certificate.name.rsplit("/", 1)[-1]
    return FileResponse(participation.certificate.open("rb"), as_attachment=True, filename=name)
