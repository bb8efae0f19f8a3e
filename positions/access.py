"""Object access, one way for every app: 404 when the object lies outside what the user may
see, then 403 when the user may only read it.

`get_object_for(user, queryset, pk, write=...)` is the one entry point; the `get_*_for_user`
helpers are its named uses for the positions models. A superuser's `Scopes` can write
everywhere, so no caller needs to special-case `is_superuser` for writing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Employee, OrgUnit, Position, Scopes, scopes_for


def can_write_path(user: Any, path: str) -> bool:
    """Whether `user` may write what lies under the unit `path` (a pengelola of that subtree,
    or a superuser): the one write check every app asks, never re-implemented."""
    return scopes_for(user).can_write_path(path)


def can_write_employee(user: Any, employee: Employee) -> bool:
    """`can_write_path` for an employee's unit; an employee without a unit only by a
    superuser."""
    if scopes_for(user).superuser:
        return True
    return employee.unit is not None and can_write_path(user, employee.unit.path)


def scope_path(obj: Any) -> str | None:
    """The unit path that decides who may write `obj`: a unit's own path, else the path of its
    `unit` (position, employee, development plan, ...); None when it has no unit."""
    if isinstance(obj, OrgUnit):
        return obj.path
    unit = getattr(obj, "unit", None)
    return unit.path if unit is not None else None


def get_object_for(
    user: Any,
    queryset: Any,
    pk: int,
    *,
    write: bool = False,
    path: Callable[[Any], str | None] = scope_path,
    may_write: Callable[[Any, Any], bool] | None = None,
) -> Any:
    """The object `pk` of `queryset` for `user`, in one check order everywhere:

    1. 404 when it is outside the user's visible scope (`queryset.visible_to(user)`), so the
       status never says whether an id exists;
    2. with `write=True`, 403 when the user may only read it (pimpinan, a penilai, a
       pengelola of another unit): `path(obj)` must lie in a write scope.

    `path` names the unit that decides writing when it is not the object's `unit` (an event's
    organiser unit, a placement's employee unit); `may_write(user, obj)` replaces the scope
    rule where writing is not a matter of units alone (an announcement's author)."""
    obj = get_object_or_404(queryset.visible_to(user), pk=pk)
    if write:
        if may_write is not None:
            allowed = may_write(user, obj)
        else:
            obj_path = path(obj)
            allowed = scopes_for(user).superuser or (
                obj_path is not None and can_write_path(user, obj_path)
            )
        if not allowed:
            raise PermissionDenied
    return obj


def get_employee_for_user(user: Any, pk: int, *, write: bool = False) -> Employee:
    return get_object_for(user, Employee.objects.select_related("unit"), pk, write=write)


def get_unit_for_user(user: Any, pk: int, *, write: bool = False) -> OrgUnit:
    return get_object_for(user, OrgUnit.objects.all(), pk, write=write)


def get_position_for_user(user: Any, pk: int, *, write: bool = False) -> Position:
    queryset = Position.objects.select_related("unit", "parent")
    return get_object_for(user, queryset, pk, write=write)


def require_hr(user: Any) -> Scopes:
    """Pengelola kepegawaian (or superuser); everyone else gets 403."""
    scopes = scopes_for(user)
    if not (scopes.superuser or scopes.is_hr):
        raise PermissionDenied
    return scopes


def require_staff_view(user: Any) -> Scopes:
    """HR, pimpinan and managers see registers; a plain pegawai sees only their own record."""
    scopes = scopes_for(user)
    if not (scopes.superuser or scopes.all_paths):
        raise PermissionDenied
    return scopes
