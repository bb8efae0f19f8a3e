from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from positions.models import own_employee as _own_employee
from positions.models import scopes_for

from . import selectors


def _pending_approvals(user: Any) -> int:
    cached = getattr(user, "_asn_pending_approvals", None)
    if cached is not None:
        return cached
    if not scopes_for(user).is_manager:
        return 0  # only heads of a unit (penilai) get the badge: no query for anyone else
    return selectors.pending_approvals(_own_employee(user))


def _in_laporan(request: HttpRequest) -> bool:
    """The pages under the navbar's Laporan menu: each app's `laporan/` routes (evaluation
    documents, DUK, ketidaksesuaian) and the announcements, whichever app serves them."""
    match = request.resolver_match
    parts = (match.route if match else "").split("/")
    return "laporan" in parts or "pengumuman" in parts


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The penilai's badge in the navbar: lazy, so a page that never renders it pays nothing,
    and one COUNT for a penilai (the home page hands over the count it already has); and
    which menu the page belongs to when its app's menu is not the one (Laporan)."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "pending_approvals": SimpleLazyObject(lambda: _pending_approvals(user)),
        "in_laporan": _in_laporan(request),
    }
