from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .models import Announcement, leader_paths

if TYPE_CHECKING:
    from asnportal.models import User
    from positions.models import OrgUnit


def _check_unit(user: User, unit: OrgUnit) -> None:
    if not any(unit.path.startswith(path) for path in leader_paths(user)):
        raise PermissionDenied


@transaction.atomic
def post_announcement(user: User, *, unit: OrgUnit, **fields: Any) -> Announcement:
    """Publish a pengumuman to `unit` and its subtree; the unit must lie in the author's
    leadership or HR scope (re-checked here, whatever the form offered)."""
    _check_unit(user, unit)
    return Announcement.objects.create(author=user, unit=unit, **fields)


@transaction.atomic
def update_announcement(
    announcement: Announcement, *, user: User, unit: OrgUnit, **fields: Any
) -> Announcement:
    if not Announcement.objects.editable_by(user).filter(pk=announcement.pk).exists():
        raise PermissionDenied
    if unit.pk != announcement.unit_id:
        _check_unit(user, unit)
    announcement.unit = unit
    for name, value in fields.items():
        setattr(announcement, name, value)
    announcement.save(update_fields=["unit", *fields, "updated_at"])
    return announcement
