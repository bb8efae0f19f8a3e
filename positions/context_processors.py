from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .models import Employee, scopes_for


def _own_employee(user: Any) -> Employee | None:
    # A view that already loaded the user's employee (the home page) leaves it on the user.
    if hasattr(user, "_asn_employee"):
        return user._asn_employee
    user._asn_employee = Employee.objects.filter(user=user).first()
    return user._asn_employee


def roles(request: HttpRequest) -> dict[str, Any]:
    """Navigation flags for base.html; lazy so pages that never render a nav pay nothing."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "scopes": SimpleLazyObject(lambda: scopes_for(user)),
        "own_employee_id": SimpleLazyObject(lambda: getattr(_own_employee(user), "pk", None)),
    }
