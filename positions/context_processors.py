from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .models import own_employee, scopes_for


def roles(request: HttpRequest) -> dict[str, Any]:
    """Navigation flags for base.html; lazy so pages that never render a nav pay nothing."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "scopes": SimpleLazyObject(lambda: scopes_for(user)),
        "own_employee_id": SimpleLazyObject(lambda: getattr(own_employee(user), "pk", None)),
    }
