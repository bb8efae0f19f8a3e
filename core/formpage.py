"""The POST half of a form page whose save goes through a service (docs/architecture.md: thin
views, logic in services).

A create/edit view builds its form, then asks `saved_through(request, form, save, success=...)`:
on a valid POST it calls `save(form.cleaned_data)`; a service `ValidationError` lands on the
form (`core.forms.add_service_errors`) and the page re-renders; a save that went through adds
the success message and the view redirects.

    form = RHKForm(request.POST or None, ...)
    if saved_through(request, form, lambda data: services.add_rhk(skp, **data), success="..."):
        return redirect(skp)
    return render(request, "...", {"form": form, ...})
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from core.forms import add_service_errors


def saved_through(
    request: HttpRequest,
    form: Any,
    save: Callable[[dict[str, Any]], object],
    *,
    success: str,
) -> bool:
    """True when this request is a valid POST that `save` stored (the success message is
    added); False when the page should (re-)render the form, with any service error on it."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    messages.success(request, success)
    return True
