"""One way to show a service's ValidationError: on the form that was submitted, or as messages.

Services raise `ValidationError` for rules the form cannot check (a closed year, an over-full
post, a stale version). A view catches it and calls one of these two:

- `add_service_errors(form, exc)` when the page re-renders a form: errors raised with a dict
  (`{"end_date": "..."}`) go under their fields, the rest above the form;
- `message_service_error(request, exc)` when the view redirects (an action button without a
  form): each message becomes one error message on the next page; `done_through(request,
  action, success=...)` is that whole try/except/success-message flow of an action button.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def add_service_errors(form: Any, exc: ValidationError, *, field: str | None = None) -> None:
    """Put a service error on `form`: a dict's keys name fields (unknown keys fall back to
    the form's non-field errors); a plain error goes to `field`, else above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field if field in form.fields else None, exc.messages)


def message_service_error(request: HttpRequest, exc: ValidationError, *, prefix: str = "") -> None:
    """One error message per text of a service error; `prefix` names what it is about."""
    for text in exc.messages:
        messages.error(request, f"{prefix}{text}")


def done_through(request: HttpRequest, action: Callable[[], object], *, success: str) -> bool:
    """An action button's service call (the form-less sibling of core.formpage.saved_through):
    True with the `success` message when `action` went through, False with the service's
    errors as messages when it refused. The view redirects either way."""
    try:
        action()
    except ValidationError as exc:
        message_service_error(request, exc)
        return False
    messages.success(request, success)
    return True
