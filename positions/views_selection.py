"""Seleksi terbuka of JPT posts: the register, the daftar calon built from the candidate page,
the panitia, the three names, the PPK's decision and the placement with its SK.

HR (pengelola) of the post's unit who can see every candidate writes; a pengelola who cannot
(the BKD's list names people of other dinas) reads the names in their scope; pimpinan reads;
everyone else gets 403 (404 for a selection outside the scope). Every write is one call of
positions/selection.py."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from asnportal.http import AuthedRequest
from core.formpage import saved_through
from core.forms import done_through, message_service_error
from core.params import parse_id

from . import selection as service
from .access import can_write_path, get_object_for, get_position_for_user
from .forms_selection import (
    CancelForm,
    CommitteeMemberForm,
    DecideForm,
    ProposeForm,
    SelectionOpenForm,
)
from .models import JptSelection
from .views_matching import _require_hr_or_pimpinan

if TYPE_CHECKING:
    from collections.abc import Callable

    from django import forms
    from django.http import HttpResponse


def _selection_path(selection: JptSelection) -> str:
    return selection.position.unit.path


def _get(request: AuthedRequest, pk: int, *, write: bool) -> JptSelection:
    """404 outside the scope, 403 for read-only roles, and 403 for a write by a pengelola
    who cannot see every candidate (service.sees_every_candidate)."""
    _require_hr_or_pimpinan(request.user)
    queryset = JptSelection.objects.select_related("position__unit", "chosen", "placement")
    selection = get_object_for(request.user, queryset, pk, write=write, path=_selection_path)
    if write and not service.sees_every_candidate(request.user, selection):
        raise PermissionDenied
    return selection


@require_GET
def selection_list(request: AuthedRequest) -> HttpResponse:
    _require_hr_or_pimpinan(request.user)
    selections = list(service.selections_for(request.user)[:200])
    return render(request, "positions/selection_list.html", {"selections": selections})


@require_POST
def selection_open(request: AuthedRequest, pk: int) -> HttpResponse:
    """From the candidate page of a JPT post: the daftar calon of a new selection."""
    _require_hr_or_pimpinan(request.user)
    position = get_position_for_user(request.user, pk, write=True)
    form = SelectionOpenForm(request.POST, succession=bool(service.succession_group(position)))
    if not form.is_valid():
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, str(text))
        return redirect("positions:position_candidates", pk=position.pk)
    try:
        selection = service.open_selection(request.user, position, **form.cleaned_data)
    except ValidationError as exc:
        message_service_error(request, exc)
        return redirect("positions:position_candidates", pk=position.pk)
    messages.success(request, "Daftar calon seleksi disusun dari peringkat kandidat.")
    return redirect(selection)


def _detail(request: AuthedRequest, selection: JptSelection, **forms: Any) -> HttpResponse:
    page = service.selection_page(selection, request.user)
    can_write = can_write_path(request.user, selection.position.unit.path) and not page.hidden
    context = {
        "page": page,
        "selection": selection,
        "position": selection.position,
        "can_write": can_write and selection.is_open,
        "member_form": forms.get("member_form") or CommitteeMemberForm(),
        "propose_form": forms.get("propose_form") or ProposeForm(candidates=page.candidates),
        "decide_form": forms.get("decide_form") or DecideForm(proposed=page.proposed),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
    }
    return render(request, "positions/selection_detail.html", context)


@require_GET
def selection_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _detail(request, _get(request, pk, write=False))


def _submit(
    request: AuthedRequest,
    selection: JptSelection,
    form: forms.Form,
    form_name: str,
    action: Callable[[dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    """One step of the selection from its form, saved through `action` (a service call with
    the cleaned data, core.formpage.saved_through): back to the selection, else the page again
    with `form` (as `form_name`) and the service's errors on it."""
    if saved_through(request, form, action, success=success):
        return redirect(selection)
    return _detail(request, selection, **{form_name: form})


@require_POST
def selection_member_add(request: AuthedRequest, pk: int) -> HttpResponse:
    selection = _get(request, pk, write=True)
    return _submit(
        request,
        selection,
        CommitteeMemberForm(request.POST),
        "member_form",
        lambda data: service.add_member(selection, **data),
        "Anggota panitia ditambahkan.",
    )


@require_POST
def selection_member_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    selection = _get(request, pk, write=True)
    member_id = parse_id(request.POST.get("member"))
    if member_id is None:
        messages.error(request, "Anggota panitia tidak dikenal.")
    else:
        remove = functools.partial(service.remove_member, selection, member_id)
        done_through(request, remove, success="Anggota panitia dihapus.")
    return redirect(selection)


@require_POST
def selection_propose(request: AuthedRequest, pk: int) -> HttpResponse:
    selection = _get(request, pk, write=True)
    candidates = list(selection.candidates.select_related("employee"))
    form = ProposeForm(request.POST, candidates=candidates)
    return _submit(
        request,
        selection,
        form,
        "propose_form",
        lambda data: service.propose(
            selection,
            employee_ids=form.employee_ids(),
            report_number=data["report_number"],
            proposed_on=data["proposed_on"],
        ),
        "Tiga nama diusulkan kepada PPK.",
    )


@require_POST
def selection_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    selection = _get(request, pk, write=True)
    proposed = list(
        selection.candidates.filter(proposed_rank__isnull=False).select_related("employee")
    )
    return _submit(
        request,
        selection,
        DecideForm(request.POST, proposed=proposed),
        "decide_form",
        lambda data: service.decide(
            selection,
            chosen_id=data["chosen"],
            sk_number=data["sk_number"],
            sk_date=data["sk_date"],
            tmt=data["tmt"],
        ),
        "Penetapan PPK dicatat.",
    )


@require_POST
def selection_place(request: AuthedRequest, pk: int) -> HttpResponse:
    selection = _get(request, pk, write=True)
    try:
        placement = service.place(selection, placed_by=request.user)
    except ValidationError as exc:
        message_service_error(request, exc)
        return redirect(selection)
    messages.success(
        request,
        f"{placement.employee.full_name} ditempatkan sebagai {placement.position} "
        f"dengan SK {placement.sk_number}.",
    )
    return redirect(selection)


@require_POST
def selection_cancel(request: AuthedRequest, pk: int) -> HttpResponse:
    selection = _get(request, pk, write=True)
    return _submit(
        request,
        selection,
        CancelForm(request.POST),
        "cancel_form",
        lambda data: service.cancel(selection, reason=data["cancel_reason"]),
        "Seleksi dibatalkan.",
    )
