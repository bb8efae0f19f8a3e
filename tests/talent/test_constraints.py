"""The talent tables refuse rows that break their invariants, written straight through the
ORM (the page and service checks stand in front of these)."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from talent.models import SuccessionCandidate, SuccessionPlan, TalentResult, TalentRun

pytestmark = pytest.mark.django_db


def _run(world, hr_admin, **fields) -> TalentRun:
    return TalentRun.objects.create(unit=world.pemprov, year=2025, created_by=hr_admin, **fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"weight_kompetensi": 101},
        {"threshold_menengah": 80, "threshold_tinggi": 75},
        {"threshold_tinggi": 101},
        {"above_min_sangat_baik": 3},
        {"below_min_years": 0},
    ],
    ids=["weight-over-100", "thresholds-reversed", "threshold-over-100", "rule-3", "rule-0"],
)
def test_run_settings_out_of_range_are_refused(world, hr_admin, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        _run(world, hr_admin, **fields)


def test_result_kotak_and_once_per_run(world, hr_admin):
    run = _run(world, hr_admin)
    person = world.employee_emp
    with pytest.raises(IntegrityError), transaction.atomic():
        TalentResult.objects.create(
            run=run, employee=person, unit_path="x", kotak=10, explanation="-"
        )
    TalentResult.objects.create(run=run, employee=person, unit_path="x", kotak=9, explanation="-")
    with pytest.raises(IntegrityError), transaction.atomic():
        TalentResult.objects.create(
            run=run, employee=person, unit_path="x", kotak=8, explanation="-"
        )


def test_succession_versions_and_candidates_are_unique(world, hr_admin):
    plan = SuccessionPlan.objects.create(position=world.kabid, version=1, approved_by=hr_admin)
    with pytest.raises(IntegrityError), transaction.atomic():
        SuccessionPlan.objects.create(position=world.kabid, version=1, approved_by=hr_admin)
    SuccessionCandidate.objects.create(
        plan=plan, employee=world.employee_emp, rank=1, kotak=9, readiness="sekarang"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        SuccessionCandidate.objects.create(
            plan=plan, employee=world.employee_emp, rank=2, kotak=8, readiness="1_2"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        SuccessionCandidate.objects.create(
            plan=plan, employee=world.colleague_emp, rank=2, kotak=0, readiness="1_2"
        )
