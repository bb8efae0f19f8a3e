"""The factories build the states the services reach, through the services."""

import pytest

from performance.models import SKP, Evaluation
from tests.factories import (
    EvaluationFactory,
    ParticipationFactory,
    PlacementFactory,
    SKPFactory,
    TrainingEventFactory,
    TrainingProgramFactory,
)


@pytest.mark.django_db
def test_approved_skp_went_through_submission_and_approval():
    skp = SKPFactory(approved=True, rhks=2, indicators=2)
    assert skp.status == SKP.Status.DISETUJUI and skp.submitted_at and skp.approved_at
    assert skp.approved_by == skp.penilai and skp.penilai is not None
    assert skp.snapshot["pegawai"]["nip"] == skp.employee.nip
    assert skp.snapshot["penilai"]["nama"] == skp.penilai.full_name
    # A pelaksana cascades from the penilai's approved SKP, built first.
    assert all(r.parent_rhk and r.parent_rhk.skp.employee == skp.penilai for r in skp.rhks.all())
    assert skp.rhks.count() == 2 and all(r.indicators.count() == 2 for r in skp.rhks.all())


@pytest.mark.django_db
def test_submitted_and_returned_skp():
    assert SKPFactory(submitted=True).status == SKP.Status.DIAJUKAN
    returned = SKPFactory(returned=True, return_note="Target terlalu rendah")
    assert (returned.status, returned.return_note) == ("dikembalikan", "Target terlalu rendah")


def test_world_employee_without_login_keeps_none(world):
    skp = SKPFactory(employee=world.colleague_emp, approved=True)
    world.colleague_emp.refresh_from_db()
    assert world.colleague_emp.user_id is None
    assert skp.approved_by == world.manager_emp  # the manager approved it in the portal


def test_final_evaluation_is_rated_by_the_penilai(world):
    evaluation = EvaluationFactory(
        skp=SKPFactory(employee=world.employee_emp, approved=True), final=True, predikat="baik"
    )
    assert (evaluation.status, evaluation.predikat) == (Evaluation.Status.FINAL, "baik")
    assert evaluation.finalised_by == world.manager_emp
    assert evaluation.realisations.get().value == 9
    world.employee_emp.refresh_from_db()
    assert world.employee_emp.latest_predikat == "baik"


@pytest.mark.django_db
def test_training_factories():
    program = TrainingProgramFactory(covers={"M.4": 3})
    assert program.competencies.get().target_level == 3
    assert TrainingEventFactory(program=program).program == program
    assert ParticipationFactory(counted=True).counts
    assert not ParticipationFactory().counts
    assert PlacementFactory().employee.unit is not None
