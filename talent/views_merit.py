"""The sistem merit picture (docs/domain.md §3.8): the indicators of PP 11/2017 Ps. 134(2)
the portal can measure, each with the list behind it."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from asnportal.http import AuthedRequest
from core import figures
from core.params import this_year
from performance.selectors import latest_final_evaluation_year
from positions.forms import UnitYearFilterForm
from positions.models import OrgUnit, today

from . import merit
from .views import _require_talent_reader

PAGE_SIZE = 50


def _filters(request: AuthedRequest) -> tuple[UnitYearFilterForm, OrgUnit, int]:
    _require_talent_reader(request.user)
    filters = UnitYearFilterForm(
        request.GET, user=request.user, unit_label="Unit", year_default=this_year()
    )
    # The unit UnitYearFilterForm resolved (the stubs see the form field of that name).
    unit: OrgUnit | None = filters.unit  # type: ignore[assignment]
    if filters.unit_unknown or unit is None:
        raise Http404
    return filters, unit, filters.year or this_year()


@require_GET
def merit_page(request: AuthedRequest) -> HttpResponse:
    filters, unit, year = _filters(request)
    rated_year = latest_final_evaluation_year(unit)
    on = today()
    # Shared for FIGURES_CACHE_SECONDS by every reader of the unit; ?segarkan=1 recomputes.
    counted = figures.cached(
        "merit",
        (unit.pk, unit.path, year, rated_year, on.isoformat()),
        lambda: merit.indicators(unit, year, rated_year, on),
        refresh=figures.wants_refresh(request.GET),
    )
    return render(
        request,
        "talent/merit.html",
        {
            "filters": filters,
            "unit": unit,
            "year": year,
            "rated_year": rated_year,
            "indicators": counted.value,
            "as_of": counted,
            "refresh_query": figures.refresh_query(request.GET),
        },
    )


@require_GET
def merit_detail(request: AuthedRequest) -> HttpResponse:
    filters, unit, year = _filters(request)
    key = str(request.GET.get("indikator", ""))
    rated_year = latest_final_evaluation_year(unit)
    rows = merit.detail_rows(key, unit, year, rated_year, today())
    if rows is None:
        raise Http404
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "talent/merit_detail.html",
        {
            "filters": filters,
            "unit": unit,
            "year": year,
            "key": key,
            "title": merit.detail_title(key, year, rated_year),
            "page": page,
        },
    )
