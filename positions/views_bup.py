"""The BUP table of jabatan fungsional (docs/domain.md §4.5): HR reads it, a pengelola of a
whole instansi edits it, and every edit re-stamps the posts it covers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from asnportal.http import AuthedRequest
from core.forms import add_service_errors

from . import bup
from .forms import FunctionalBupForm
from .models import FunctionalBup, Position, scopes_for


def _require_reader(request: AuthedRequest) -> None:
    scopes = scopes_for(request.user)
    if not (scopes.superuser or scopes.is_hr or scopes.is_pimpinan):
        raise PermissionDenied


def _require_editor(request: AuthedRequest) -> None:
    if not bup.can_edit_table(request.user):
        raise PermissionDenied


@require_GET
def bup_list(request: AuthedRequest) -> HttpResponse:
    _require_reader(request)
    rules = list(FunctionalBup.objects.all())
    # How many posts each age covers today: HR sees what a change would touch.
    per_age = dict(
        Position.objects.active()
        .visible_to(request.user)
        .values_list("bup_age")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return render(
        request,
        "positions/bup_list.html",
        {
            "rules": rules,
            "per_age": sorted(per_age.items()),
            "can_edit": bup.can_edit_table(request.user),
        },
    )


def _form_page(request: AuthedRequest, rule: FunctionalBup | None) -> HttpResponse:
    form = FunctionalBupForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        try:
            changed = bup.save_rule(form.instance)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, f"Aturan BUP disimpan; BUP {changed} jabatan berubah mengikuti tabel."
            )
            return redirect("positions:bup_list")
    return render(request, "positions/bup_form.html", {"form": form, "rule": rule})


@require_http_methods(["GET", "POST"])
def bup_create(request: AuthedRequest) -> HttpResponse:
    _require_editor(request)
    return _form_page(request, None)


@require_http_methods(["GET", "POST"])
def bup_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    return _form_page(request, get_object_or_404(FunctionalBup, pk=pk))


@require_http_methods(["GET", "POST"])
def bup_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    rule = get_object_or_404(FunctionalBup, pk=pk)
    if request.method == "POST":
        changed = bup.delete_rule(rule)
        messages.success(
            request,
            f"Aturan BUP dihapus; BUP {changed} jabatan kembali ke aturan berikutnya "
            "atau ke PP 11/2017.",
        )
        return redirect("positions:bup_list")
    return render(request, "positions/bup_delete.html", {"rule": rule})
