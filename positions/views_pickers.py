"""Search endpoints of the searchable pickers (core.widgets.AutocompleteSelect): <option>s of
the posts and employees the user may choose, each labelled with its unit and perangkat daerah
(826 posts carry ~40 identical names such as "Analis Kebijakan")."""

from __future__ import annotations

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from asnportal.http import AuthedRequest
from core.widgets import SEARCH_LIMIT, render_options

from .access import require_hr
from .forms import placeable_positions, position_label
from .models import Employee, opd_name_of


def _field_id(request: AuthedRequest) -> str:
    value = request.GET.get("field", "")
    return value if value.replace("_", "").isalnum() and len(value) < 60 else "id_pilihan"


@require_GET
def position_choices(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    query = request.GET.get("q", "")[:100]
    rows = placeable_positions(request.user).search(query).order_by("unit__path", "name", "pk")
    found = [(p.pk, position_label(p)) for p in rows[: SEARCH_LIMIT + 1]]
    return HttpResponse(render_options(found, field_id=_field_id(request)))


@require_GET
def employee_choices(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    query = request.GET.get("q", "")[:100]
    rows = (
        Employee.objects.visible_to(request.user)
        .active()
        .search(query)
        .select_related("unit")
        .annotate(opd_name=opd_name_of("unit__path"))
        .order_by("name", "pk")
    )
    found = [(e.pk, employee_label(e)) for e in rows[: SEARCH_LIMIT + 1]]
    return HttpResponse(render_options(found, field_id=_field_id(request)))


def employee_label(employee: Employee) -> str:
    opd = getattr(employee, "opd_name", "") or ""
    unit = employee.unit.name
    where = unit if not opd or opd == unit else f"{unit} · {opd}"
    return f"{employee.name} ({employee.nip}) — {where}"
