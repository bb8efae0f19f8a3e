"""Candidate page of a position: ranked and explained; the vacancy chain follows by htmx."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from asnportal.http import AuthedRequest
from core.params import parse_id

from . import matching, selection
from .access import can_write_employee, can_write_path, get_position_for_user
from .forms_selection import SelectionOpenForm
from .models import scopes_for

if TYPE_CHECKING:
    from django.http import HttpResponse

LIMIT_CHOICES = (10, 20, 50, 100)


def _require_hr_or_pimpinan(user: Any) -> None:
    # Ranking colleagues for a post is an HR decision: pengelola and pimpinan (read-only) only;
    # a pejabat penilai or a plain pegawai gets 403.
    scopes = scopes_for(user)
    if not (scopes.superuser or scopes.is_hr or scopes.is_pimpinan):
        raise PermissionDenied


def _parse_limit(raw: str | None) -> tuple[int, str]:
    """`?n=` as an int in 1..MAX_LIMIT; anything else falls back with a message, never a 500."""
    if raw is None or raw == "":
        return matching.DEFAULT_LIMIT, ""
    try:
        value = int(raw)
    except ValueError:
        return (
            matching.DEFAULT_LIMIT,
            f"Jumlah kandidat “{raw[:20]}” tidak valid; ditampilkan {matching.DEFAULT_LIMIT}.",
        )
    if not 1 <= value <= matching.MAX_LIMIT:
        clamped = min(max(value, 1), matching.MAX_LIMIT)
        return clamped, (
            f"Jumlah kandidat harus antara 1 dan {matching.MAX_LIMIT}; ditampilkan {clamped}."
        )
    return value, ""


@require_GET
def position_candidates(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    _require_hr_or_pimpinan(user)
    position = get_position_for_user(user, pk)
    limit, limit_error = _parse_limit(request.GET.get("n"))
    page = matching.candidate_page(user, position, limit=limit)
    # Place buttons only where the user may write both the post and the person (no queries:
    # scopes are cached on the user and units come with the ranking query).
    can_place = can_write_path(user, position.unit.path)
    # A JPT post is filled by seleksi terbuka, never by one click (docs/domain.md §3.8): its
    # page offers the daftar calon of a selection instead of "Tempatkan" buttons.
    jpt = matching.is_jpt(position)
    placeable = {
        c.employee.pk
        for c in page.candidates
        if can_place and not jpt and can_write_employee(user, c.employee)
    }
    # The chain fragment gets the top three, so it need not rank this post a second time.
    top = [("kandidat", c.employee.pk) for c in page.candidates[: matching.CHAIN_LENGTH]]
    chain_url = reverse("positions:position_candidate_chain", args=[position.pk])
    context = {
        "page": page,
        "position": position,
        "chain_url": f"{chain_url}?{urlencode(top)}",
        "can_place": can_place,
        "placeable": placeable,
        "limit_error": limit_error,
        "limit_choices": LIMIT_CHOICES,
        "is_jpt": jpt,
    }
    if jpt:
        succession = bool(selection.succession_group(position))
        context["open_selection"] = selection.open_selection_of(position)
        context["selection_form"] = SelectionOpenForm(succession=succession)
    return render(request, "positions/position_candidates.html", context)


@require_GET
def position_candidate_chain(request: AuthedRequest, pk: int) -> HttpResponse:
    """The vacancy chain under the candidate page (fragment, requested by htmx once the page
    is shown): three more rankings the page itself no longer waits for."""
    user = request.user
    _require_hr_or_pimpinan(user)
    position = get_position_for_user(user, pk)
    ids = (parse_id(raw) for raw in request.GET.getlist("kandidat"))
    top_ids = tuple(pk for pk in ids if pk is not None)
    chain = matching.candidate_chain(user, position, top_ids=top_ids)
    for entry in chain:
        # A vacated JPT post is filled by seleksi terbuka: no Tempatkan there either.
        if not matching.is_jpt(entry.position) and can_write_path(user, entry.position.unit.path):
            entry.placeable_ids = {e.pk for e in entry.candidates if can_write_employee(user, e)}
    return render(request, "positions/_candidate_chain.html", {"chain": chain})
