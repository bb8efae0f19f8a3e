"""Shared set-up of the talent tests: annual predikat, assessments and a calculation run
through the HR page (the on-commit task runs eagerly)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from performance.models import RatingHistory
from positions.models import Employee, EmployeeCompetency, OrgUnit, PositionCompetency
from talent.models import TalentRun
from tests.factories import competency

WEIGHTS_ONLY_COMPETENCY = {
    "weight_kompetensi": 100,
    "weight_kualifikasi": 0,
    "weight_rekam_jejak": 0,
    "threshold_tinggi": 80,
    "threshold_menengah": 60,
}


def rate(employee: Employee, **by_year: str) -> None:
    """Annual predikat as imported history: rate(e, y2025="baik", y2024="sangat_baik")."""
    for key, predikat in by_year.items():
        RatingHistory.objects.create(
            employee=employee, year=int(key[1:]), regime="permenpan6", predikat=predikat
        )


def standard(position: Any, level: int = 4, code: str = "M.1") -> None:
    PositionCompetency.objects.get_or_create(
        position=position, competency=competency(code), defaults={"level": level}
    )


def assess(employee: Employee, level: int, code: str = "M.1") -> None:
    import datetime as dt

    EmployeeCompetency.objects.create(
        employee=employee, competency=competency(code), level=level, assessed_on=dt.date(2025, 5, 2)
    )


def calculate(
    client: Any, unit: OrgUnit, capture: Any, *, year: int = 2025, **settings: Any
) -> Any:
    data = {
        "year": year,
        "above_min_sangat_baik": 1,
        "below_min_years": 1,
        "single_year_counts": "on",
        "weight_kompetensi": 50,
        "weight_kualifikasi": 20,
        "weight_rekam_jejak": 30,
        "threshold_tinggi": 75,
        "threshold_menengah": 55,
        **settings,
    }
    if not data["single_year_counts"]:
        del data["single_year_counts"]
    with capture(execute=True):
        response = client.post(f"{reverse('talent:grid_calculate')}?unit={unit.pk}", data)
    return response


def latest_run(unit: OrgUnit) -> TalentRun:
    return TalentRun.objects.filter(unit=unit).latest("pk")
