"""Access helpers shared by the positions views: 404 when invisible, 403 when read-only."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Employee, OrgUnit, Position, Scopes, scopes_for


def can_write_path(user: Any, path: str) -> bool:
    return bool(user.is_superuser or scopes_for(user).can_write_path(path))


def can_write_employee(user: Any, employee: Employee) -> bool:
    if user.is_superuser:
        return True
    return employee.unit is not None and scopes_for(user).can_write_path(employee.unit.path)


def get_employee_for_user(user: Any, pk: int, *, write: bool = False) -> Employee:
    employee = get_object_or_404(Employee.objects.visible_to(user).select_related("unit"), pk=pk)
    if write and not can_write_employee(user, employee):
        raise PermissionDenied
    return employee


def get_unit_for_user(user: Any, pk: int, *, write: bool = False) -> OrgUnit:
    unit = get_object_or_404(OrgUnit.objects.visible_to(user), pk=pk)
    if write and not can_write_path(user, unit.path):
        raise PermissionDenied
    return unit


def get_position_for_user(user: Any, pk: int, *, write: bool = False) -> Position:
    position = get_object_or_404(
        Position.objects.visible_to(user).select_related("unit", "parent"), pk=pk
    )
    if write and not can_write_path(user, position.unit.path):
        raise PermissionDenied
    return position


def require_hr(user: Any) -> Scopes:
    """Pengelola kepegawaian (or superuser); everyone else gets 403."""
    scopes = scopes_for(user)
    if not (user.is_superuser or scopes.is_hr):
        raise PermissionDenied
    return scopes


def require_staff_view(user: Any) -> Scopes:
    """HR, pimpinan and managers see registers; a plain pegawai sees only their own record."""
    scopes = scopes_for(user)
    if not (user.is_superuser or scopes.all_paths):
        raise PermissionDenied
    return scopes
