"""A pegawai asks to join an open event (angkatan); the event's pengelola approves or declines.
Approval enrols the pegawai through the same quota lock as HR enrolment (training.services)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from asnportal.http import AuthedRequest
from core.forms import message_service_error
from positions.access import require_hr
from positions.models import own_employee

from . import services
from .models import JoinRequest, TrainingEvent
from .selectors import pending_join_requests

PAGE_SIZE = 50


class JoinRequestForm(forms.Form):
    reason = forms.CharField(
        label="Alasan mengikuti (opsional)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
    )


class JoinDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("setujui", "Setujui"), ("tolak", "Tolak")])
    note = forms.CharField(label="Catatan", max_length=500, required=False)


def _back(request: AuthedRequest, default: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


@require_POST
def event_join(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = own_employee(request.user)
    if employee is None:
        raise Http404
    event = get_object_or_404(TrainingEvent.objects.visible_to(request.user), pk=pk)
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Alasan terlalu panjang (paling banyak 500 karakter).")
        return _back(request, event.get_absolute_url())
    try:
        services.request_join(event, employee, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(
            request,
            f"Permohonan ikut {event} diajukan. Pengelola kepegawaian penyelenggara akan "
            "memutuskannya; statusnya tampil di beranda Anda.",
        )
    return _back(request, event.get_absolute_url())


@require_POST
def join_cancel(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = own_employee(request.user)
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("event"), pk=pk, employee=employee
    )
    try:
        services.cancel_join(join_request, employee=employee)  # type: ignore[arg-type]
    except ValidationError as exc:
        message_service_error(request, exc)
    else:
        messages.success(request, "Permohonan dibatalkan.")
    return _back(request, join_request.event.get_absolute_url())


@require_GET
def join_requests(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    page = Paginator(
        pending_join_requests(request.user).order_by("event__start_date", "created_at", "pk"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(request, "training/join_requests.html", {"page": page})


@require_POST
def join_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    require_hr(request.user)
    join_request = get_object_or_404(pending_join_requests(request.user), pk=pk)
    form = JoinDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pilih setujui atau tolak; catatan paling banyak 500 karakter.")
        return redirect("training:join_requests")
    approve = form.cleaned_data["decision"] == "setujui"
    try:
        services.decide_join(
            join_request,
            approve=approve,
            decided_by=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        message_service_error(request, exc, prefix=f"{join_request.employee.name}: ")
    else:
        verb = "disetujui dan didaftarkan" if approve else "ditolak"
        messages.success(request, f"Permohonan {join_request.employee.name} {verb}.")
    return redirect("training:join_requests")
