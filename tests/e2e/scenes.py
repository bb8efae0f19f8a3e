"""Data several browser tests set up on `tests/world.py` before they look at pages."""

from __future__ import annotations

import datetime as dt

from performance.models import SKP, Evaluation, OrganisationPerformance
from training.models import TrainingEvent, TrainingProgram


def rated_year_and_event(world, hr_admin, colleague_skp: SKP, year: int, **event) -> TrainingEvent:
    """A final annual rating on the colleague's SKP (so the curve and monitoring draw bars),
    the Dinas Kesehatan's organisation predikat, and a training event of the Dinas with places
    left; `event` adds fields to the event."""
    Evaluation.objects.create(
        skp=colleague_skp,
        period="tw4",
        status="final",
        rating_hasil="diatas",
        rating_perilaku="sesuai",
        predikat="baik",
    )
    OrganisationPerformance.objects.create(
        unit=world.dinkes, year=year, predikat="baik", set_by=hr_admin
    )
    program = TrainingProgram.objects.create(
        code="TI-01", name="Literasi Digital Aparatur", category="teknis", method="klasikal", jp=24
    )
    return TrainingEvent.objects.create(
        program=program,
        name="Angkatan I",
        start_date=dt.date(year, 6, 2),
        end_date=dt.date(year, 6, 4),
        organiser_unit=world.dinkes,
        quota=10,
        **event,
    )
