"""Every domain invariant is also a database constraint: a row written straight through the
ORM (no form, no service, no full_clean) that breaks one is refused by the database.

One case per constraint (docs/invariants.md lists them with the form/service check in front).
`test_every_constraint_has_a_case` fails when a model gains a constraint without a case here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from asnportal.models import User
from performance import models as perf
from positions import models as pos
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory
from training import models as train

YEAR = 2026
JAN_1, DEC_31 = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)


# --- Builders: valid rows the violations start from ------------------------------------


def skp(w: Any, **kw: Any) -> perf.SKP:
    data = {
        "employee": w.employee_emp,
        "year": YEAR,
        "period_start": JAN_1,
        "period_end": DEC_31,
        "pendekatan": perf.SKP.Pendekatan.KUANTITATIF,
        "position": w.perawat,
    }
    return perf.SKP.objects.create(**{**data, **kw})


def indicator(w: Any, **kw: Any) -> perf.Indicator:
    rhk = perf.RHK.objects.create(skp=skp(w), text="Asuhan keperawatan")
    return perf.Indicator.objects.create(rhk=rhk, aspek="kuantitas", text="Jumlah pasien", **kw)


def evaluation(w: Any, **kw: Any) -> perf.Evaluation:
    return perf.Evaluation.objects.create(skp=skp(w), period=perf.Evaluation.Period.TW1, **kw)


def competency(code: str = "T.UJI") -> pos.Competency:
    return pos.Competency.objects.create(code=code, name="Kompetensi uji", kind="teknis")


def education_field() -> pos.EducationField:
    return pos.EducationField.objects.create(code="UJI-01", name="Keperawatan", group="Kesehatan")


def user(w: Any) -> User:
    return w.employee_emp.user


def report_job(w: Any) -> perf.ReportJob:
    return perf.ReportJob.objects.create(
        kind="unit", unit=w.dinkes, year=YEAR, requested_by=user(w)
    )


def program(**kw: Any) -> train.TrainingProgram:
    data = {
        "code": "UJI-1",
        "name": "Pelatihan uji",
        "category": "teknis",
        "method": "klasikal",
        "jp": 20,
        "provider": "BPSDM",
    }
    return train.TrainingProgram.objects.create(**{**data, **kw})


def event(w: Any, **kw: Any) -> train.TrainingEvent:
    data = {
        "program": program(),
        "name": "Angkatan I",
        "start_date": dt.date(YEAR, 3, 2),
        "end_date": dt.date(YEAR, 3, 4),
        "organiser_unit": w.dinkes,
        "quota": 10,
    }
    return train.TrainingEvent.objects.create(**{**data, **kw})


def participation(w: Any, **kw: Any) -> train.Participation:
    data = {
        "employee": w.employee_emp,
        "title": "Kursus daring",
        "start_date": dt.date(YEAR, 2, 1),
        "end_date": dt.date(YEAR, 2, 2),
        "jp": 8,
    }
    return train.Participation.objects.create(**{**data, **kw})


def session(ev: train.TrainingEvent, **kw: Any) -> train.Session:
    data = {"date": ev.start_date, "start_time": dt.time(8), "end_time": dt.time(12), "topic": "X"}
    return train.Session.objects.create(event=ev, **{**data, **kw})


def plan(w: Any, **kw: Any) -> train.DevelopmentPlan:
    return train.DevelopmentPlan.objects.create(unit=w.dinkes, year=YEAR, **kw)


def twice(create: Callable[[], Any]) -> None:
    create()
    create()


def update(model: Any, pk: int, **values: Any) -> None:
    model.objects.filter(pk=pk).update(**values)


# Multi-step violations (named, so the CASES table stays one line of intent per constraint).


def two_educations_same_level_and_field(w: Any) -> None:
    field = education_field()
    twice(
        lambda: pos.Education.objects.create(
            employee=w.employee_emp, level="40", field=field, graduation_year=2008
        )
    )


def two_levels_same_number(w: Any) -> None:
    c = competency()
    twice(lambda: pos.CompetencyLevel.objects.create(competency=c, level=2, description="x"))


def a_competency_required_twice(w: Any) -> None:
    c = competency()
    twice(lambda: pos.PositionCompetency.objects.create(position=w.perawat, competency=c, level=3))


def two_assessments_same_day(w: Any) -> None:
    c = competency()
    twice(
        lambda: pos.EmployeeCompetency.objects.create(
            employee=w.employee_emp, competency=c, level=3, assessed_on=JAN_1
        )
    )


def superseded_without_time(w: Any) -> None:
    first = skp(w, superseded_at=timezone.now())
    update(perf.SKP, first.pk, superseded_at=None, superseded_by=skp(w))


def two_skps_superseded_by_one(w: Any) -> None:
    new = skp(w)
    for start in (dt.date(YEAR, 2, 1), dt.date(YEAR, 3, 1)):
        skp(w, period_start=start, superseded_by=new, superseded_at=timezone.now())


def two_indicators_same_aspek(w: Any) -> None:
    first = indicator(w)
    perf.Indicator.objects.create(rhk=first.rhk, aspek=first.aspek, text="Jumlah kedua")


def two_expectations_same_value(w: Any) -> None:
    s = skp(w)
    twice(lambda: perf.BehaviourExpectation.objects.create(skp=s, value="akuntabel"))


def two_evaluations_same_period(w: Any) -> None:
    s = skp(w)
    twice(lambda: perf.Evaluation.objects.create(skp=s, period="tw1"))


def two_realisations_same_indicator(w: Any) -> None:
    ind = indicator(w)
    ev = perf.Evaluation.objects.create(skp=ind.rhk.skp, period="tw1")
    twice(lambda: perf.Realisation.objects.create(evaluation=ev, indicator=ind, value=1))


def negative_realisation(w: Any) -> None:
    ind = indicator(w)
    ev = perf.Evaluation.objects.create(skp=ind.rhk.skp, period="tw1")
    perf.Realisation.objects.create(evaluation=ev, indicator=ind, value=-1)


def two_feedbacks_same_value(w: Any) -> None:
    ev = evaluation(w)
    twice(lambda: perf.BehaviourFeedback.objects.create(evaluation=ev, value="loyal"))


def two_documents_same_employee(w: Any) -> None:
    job = report_job(w)
    twice(lambda: perf.ReportDocument.objects.create(job=job, employee=w.employee_emp))


def a_competency_developed_twice(w: Any) -> None:
    p, c = program(), competency()
    twice(lambda: train.ProgramCompetency.objects.create(program=p, competency=c, target_level=3))


def enrolled_twice(w: Any) -> None:
    ev = event(w)
    twice(lambda: participation(w, event=ev, title=""))


def join_requested_twice(w: Any) -> None:
    ev = event(w)
    twice(lambda: train.JoinRequest.objects.create(employee=w.employee_emp, event=ev))


def join_decided_without_time(w: Any) -> None:
    train.JoinRequest.objects.create(employee=w.employee_emp, event=event(w), status="disetujui")


def attendance_twice(w: Any) -> None:
    ev = event(w)
    p, s = participation(w, event=ev), session(ev)
    twice(lambda: train.Attendance.objects.create(participation=p, session=s, present=True))


def planned_twice(w: Any) -> None:
    pl, pr = plan(w), program()
    twice(
        lambda: train.PlanItem.objects.create(
            plan=pl, employee=w.employee_emp, program=pr, reason="x"
        )
    )


# --- The cases ---------------------------------------------------------------------------


# --- BUP table, PPPK contract and JPT selection (issue 13) --------------------------------


def bup_rule(**kw: Any) -> pos.FunctionalBup:
    values = {"name": "Penyuluh Uji", "jenjang": "", "bup_age": 60, "legal_basis": "uji"}
    return pos.FunctionalBup.objects.create(**{**values, **kw})


def selection(w: Any, **kw: Any) -> pos.JptSelection:
    values = {"position": w.kadis_dishub, "method": "terbuka", "opened_on": dt.date(2026, 1, 5)}
    return pos.JptSelection.objects.create(**{**values, **kw})


def candidate(sel: pos.JptSelection, employee: pos.Employee, **kw: Any) -> pos.SelectionCandidate:
    values = {"source": "peringkat", "listed_rank": 1, "score": 50}
    return pos.SelectionCandidate.objects.create(
        selection=sel, employee=employee, **{**values, **kw}
    )


def two_candidates_same_proposed_rank(w: Any) -> None:
    sel = selection(w)
    candidate(sel, w.employee_emp, proposed_rank=1)
    candidate(sel, w.colleague_emp, listed_rank=2, proposed_rank=1)


def two_ketua(w: Any) -> None:
    sel = selection(w)
    for name in ("Ketua Satu", "Ketua Dua"):
        pos.SelectionCommitteeMember.objects.create(
            selection=sel, name=name, role="ketua", unsur="internal"
        )


@dataclass
class Case:
    name: str  # the constraint's name, or "<Model>.<field>" for a field-level one
    kind: str  # "check" or "unique"
    violate: Callable[[Any], Any]
    marker: str = ""  # text the database puts in its error; the constraint name by default

    @property
    def expected_text(self) -> str:
        return self.marker or self.name


CASES = [
    # positions: organisation tree, positions, employees
    Case(
        "OrgUnit.code",
        "unique",
        lambda w: update(pos.OrgUnit, w.dishub.pk, code=w.dinkes.code),
        "code",
    ),
    Case(
        "OrgUnit.path",
        "unique",
        lambda w: update(pos.OrgUnit, w.dishub.pk, path=w.dinkes.path),
        "path",
    ),
    Case(
        "Position.code",
        "unique",
        lambda w: update(pos.Position, w.kabid.pk, code=w.kadis.code),
        "code",
    ),
    Case("position_kelas_1_17", "check", lambda w: update(pos.Position, w.kabid.pk, kelas=18)),
    Case(
        "position_jenjang_only_fungsional",
        "check",
        lambda w: update(pos.Position, w.kabid.pk, jenjang="ahli_muda"),
    ),
    Case(
        "position_fungsional_has_jenjang",
        "check",
        lambda w: update(pos.Position, w.perawat.pk, jenjang=""),
    ),
    Case(
        "position_structural_kebutuhan_1",
        "check",
        lambda w: update(pos.Position, w.kabid.pk, kebutuhan=2),
    ),
    Case(
        "position_not_own_parent",
        "check",
        lambda w: update(pos.Position, w.kabid.pk, parent=F("pk")),
    ),
    Case(
        "Position.kebutuhan",
        "check",
        lambda w: update(pos.Position, w.perawat.pk, kebutuhan=-1),
        "kebutuhan",
    ),
    Case("EducationField.code", "unique", lambda w: twice(education_field), "code"),
    Case(
        "employee_nip_18_digits",
        "check",
        lambda w: update(pos.Employee, w.employee_emp.pk, nip="1985"),
    ),
    Case(
        "employee_nip_digits_only",
        "check",
        lambda w: update(pos.Employee, w.employee_emp.pk, nip=w.employee_emp.nip[:17] + "X"),
    ),
    Case(
        "Employee.nip",
        "unique",
        lambda w: update(pos.Employee, w.colleague_emp.pk, nip=w.employee_emp.nip),
        "nip",
    ),
    Case(
        "Employee.user",
        "unique",
        lambda w: update(pos.Employee, w.colleague_emp.pk, user=user(w)),
        "user_id",
    ),
    Case(
        "employee_golongan_matches_kind",
        "check",
        lambda w: update(pos.Employee, w.employee_emp.pk, kind="pppk"),
    ),
    Case("education_unique_per_level_field", "unique", two_educations_same_level_and_field),
    Case(
        "education_graduation_from_1950",
        "check",
        lambda w: pos.Education.objects.create(
            employee=w.employee_emp, level="40", graduation_year=1949
        ),
    ),
    Case("Competency.code", "unique", lambda w: twice(competency), "code"),
    Case("competency_level_unique", "unique", two_levels_same_number),
    Case(
        "competency_level_1_5",
        "check",
        lambda w: pos.CompetencyLevel.objects.create(
            competency=competency(), level=6, description="x"
        ),
    ),
    Case("position_competency_unique", "unique", a_competency_required_twice),
    Case(
        "position_competency_level_1_5",
        "check",
        lambda w: pos.PositionCompetency.objects.create(
            position=w.perawat, competency=competency(), level=0
        ),
    ),
    Case("employee_competency_once_per_day", "unique", two_assessments_same_day),
    Case(
        "employee_competency_level_1_5",
        "check",
        lambda w: pos.EmployeeCompetency.objects.create(
            employee=w.employee_emp, competency=competency(), level=9, assessed_on=JAN_1
        ),
    ),
    Case(
        "leadership_once_per_kind",
        "unique",
        lambda w: twice(
            lambda: pos.LeadershipTraining.objects.create(
                employee=w.manager_emp, kind="pka", year=2020
            )
        ),
    ),
    Case(
        "workload_non_negative",
        "check",
        lambda w: pos.WorkloadTask.objects.create(
            position=w.perawat, description="x", satuan_hasil="x", volume=-1, norma_waktu=10
        ),
    ),
    # positions: placements and scopes
    Case(
        "placement_one_open_definitive_per_employee",
        "unique",
        lambda w: PlacementFactory(
            employee=w.employee_emp, position=PositionFactory(unit=w.yankes, kebutuhan=5)
        ),
    ),
    Case(
        "placement_one_definitive_holder_per_structural_position",
        "unique",
        lambda w: PlacementFactory(employee=EmployeeFactory(unit=w.yankes), position=w.kabid),
    ),
    Case(
        "placement_end_after_start",
        "check",
        lambda w: w.employee_emp.placements.update(end_date=dt.date(2023, 12, 31)),
    ),
    Case(
        "placement_reason_only_when_ended",
        "check",
        lambda w: w.employee_emp.placements.update(end_reason=pos.Placement.EndReason.MUTASI),
    ),
    Case(
        "hrscope_unique",
        "unique",
        lambda w: twice(
            lambda: pos.HRScope.objects.create(
                user=user(w), unit=w.dinkes, role=pos.HRScope.Role.PIMPINAN
            )
        ),
    ),
    Case(
        "importbatch_committed_has_time",
        "check",
        lambda w: pos.ImportBatch.objects.create(
            created_by=user(w), filename="pegawai.xlsx", unit=w.dinkes, status="committed"
        ),
    ),
    # performance: rules as data
    Case(
        "predikat_rule_cell",
        "unique",
        lambda w: twice(
            lambda: perf.PredikatRule.objects.create(
                regulation="Uji", rating_hasil="sesuai", rating_perilaku="sesuai", predikat="baik"
            )
        ),
    ),
    Case(
        "curverule_shares_0_1",
        "check",
        lambda w: perf.CurveRule.objects.create(
            org_predikat="baik", predikats="baik", max_share="1.50", description="x"
        ),
    ),
    Case(
        "curverule_has_bound",
        "check",
        lambda w: perf.CurveRule.objects.create(
            org_predikat="baik", predikats="baik", description="x"
        ),
    ),
    # performance: SKP, RHK, IKI, evaluation
    Case("skp_one_current_per_period", "unique", lambda w: twice(lambda: skp(w))),
    Case("skp_period_order", "check", lambda w: skp(w, period_start=DEC_31, period_end=JAN_1)),
    Case(
        "skp_period_in_year",
        "check",
        lambda w: skp(w, period_start=dt.date(YEAR - 1, 12, 1), period_end=DEC_31),
    ),
    Case("skp_revision_from_1", "check", lambda w: skp(w, revision=0)),
    Case("skp_superseded_has_time", "check", superseded_without_time),
    Case("SKP.superseded_by", "unique", two_skps_superseded_by_one, "superseded_by_id"),
    Case("indicator_once_per_aspek", "unique", two_indicators_same_aspek),
    Case("expectation_once_per_value", "unique", two_expectations_same_value),
    Case("evaluation_once_per_period", "unique", two_evaluations_same_period),
    Case(
        "evaluation_final_is_rated",
        "check",
        lambda w: evaluation(w, status="final", rating_perilaku="sesuai"),
    ),
    Case(
        "evaluation_final_has_perilaku",
        "check",
        lambda w: evaluation(w, status="final", rating_hasil="sesuai", predikat="baik"),
    ),
    Case("realisation_once_per_indicator", "unique", two_realisations_same_indicator),
    Case("realisation_value_non_negative", "check", negative_realisation),
    Case("indicator_target_non_negative", "check", lambda w: indicator(w, target_value=-1)),
    Case("feedback_once_per_value", "unique", two_feedbacks_same_value),
    Case(
        "org_performance_once_per_year",
        "unique",
        lambda w: twice(
            lambda: perf.OrganisationPerformance.objects.create(
                unit=w.dinkes, year=YEAR, predikat="baik", set_by=user(w)
            )
        ),
    ),
    Case(
        "rating_history_once_a_year",
        "unique",
        lambda w: twice(
            lambda: perf.RatingHistory.objects.create(
                employee=w.employee_emp, year=2023, regime="permenpan6", predikat="baik"
            )
        ),
    ),
    # performance: report jobs
    Case(
        "reportjob_target_matches_kind",
        "check",
        lambda w: perf.ReportJob.objects.create(kind="unit", year=YEAR, requested_by=user(w)),
    ),
    Case("reportdoc_once_per_job", "unique", two_documents_same_employee),
    Case(
        "reportdoc_done_has_file",
        "check",
        lambda w: perf.ReportDocument.objects.create(
            job=report_job(w), employee=w.employee_emp, state="selesai"
        ),
    ),
    Case(
        "DocumentVerification.code",
        "unique",
        lambda w: twice(
            lambda: perf.DocumentVerification.objects.create(
                code="ABCD-EFGH-JKMN", employee=w.employee_emp, year=YEAR, name="x", sha256="0"
            )
        ),
        "code",
    ),
    # training
    Case("TrainingProgram.code", "unique", lambda w: twice(program), "code"),
    Case("program_jp_positive", "check", lambda w: program(jp=0)),
    Case("program_competency_once", "unique", a_competency_developed_twice),
    Case(
        "program_level_1_5",
        "check",
        lambda w: train.ProgramCompetency.objects.create(
            program=program(), competency=competency(), target_level=6
        ),
    ),
    Case(
        "event_dates_in_order",
        "check",
        lambda w: event(w, start_date=dt.date(YEAR, 3, 4), end_date=dt.date(YEAR, 3, 2)),
    ),
    Case("event_quota_positive", "check", lambda w: event(w, quota=0)),
    Case(
        "session_times_in_order",
        "check",
        lambda w: session(event(w), start_time=dt.time(12), end_time=dt.time(8)),
    ),
    Case("participation_once_per_event", "unique", enrolled_twice),
    Case(
        "participation_dates_in_order",
        "check",
        lambda w: participation(w, start_date=dt.date(YEAR, 2, 2), end_date=dt.date(YEAR, 2, 1)),
    ),
    Case("participation_event_or_title", "check", lambda w: participation(w, title="")),
    Case("Participation.jp", "check", lambda w: participation(w, jp=-1), "jp"),
    Case("attendance_once_per_session", "unique", attendance_twice),
    Case("join_request_one_pending", "unique", join_requested_twice),
    Case("join_request_decided_has_time", "check", join_decided_without_time),
    Case("plan_once_per_unit_year", "unique", lambda w: twice(lambda: plan(w))),
    Case(
        "plan_approved_has_approver",
        "check",
        lambda w: plan(w, status="approved", approved_at=timezone.now()),
    ),
    Case("plan_item_once", "unique", planned_twice),
    Case(
        "plan_item_priority_from_1",
        "check",
        lambda w: train.PlanItem.objects.create(
            plan=plan(w), employee=w.employee_emp, program=program(), reason="x", priority=0
        ),
    ),
    # issue 13: the BUP table, the PPPK contract end and the JPT selection record
    Case("functionalbup_age_50_75", "check", lambda w: bup_rule(bup_age=80)),
    Case("functionalbup_names_something", "check", lambda w: bup_rule(name="", jenjang="")),
    Case("functionalbup_unique_name_jenjang", "unique", lambda w: twice(bup_rule)),
    Case(
        "employee_contract_end_only_pppk",
        "check",
        lambda w: update(pos.Employee, w.employee_emp.pk, contract_end=dt.date(2030, 1, 1)),
    ),
    Case("jpt_selection_one_open_per_position", "unique", lambda w: twice(lambda: selection(w))),
    Case("jpt_selection_decided_has_sk", "check", lambda w: selection(w, status="ditetapkan")),
    Case(
        "jpt_selection_done_has_placement",
        "check",
        lambda w: selection(
            w,
            status="selesai",
            chosen=w.outsider_emp,
            sk_number="821/1/2026",
            sk_date=dt.date(2026, 3, 1),
            tmt=dt.date(2026, 3, 2),
        ),
    ),
    Case(
        "selection_candidate_unique",
        "unique",
        lambda w: (lambda sel: twice(lambda: candidate(sel, w.employee_emp)))(selection(w)),
    ),
    Case("selection_candidate_proposed_rank_unique", "unique", two_candidates_same_proposed_rank),
    Case(
        "selection_candidate_proposed_rank_1_3",
        "check",
        lambda w: candidate(selection(w), w.employee_emp, proposed_rank=4),
    ),
    Case("selection_committee_one_ketua", "unique", two_ketua),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_database_refuses_a_violating_row(world, case):
    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        case.violate(world)
    text = str(exc.value)
    if case.kind == "unique" and connection.vendor == "sqlite":
        # SQLite names the columns of a failed unique index, not the index.
        assert "UNIQUE constraint failed" in text, text
    else:
        assert case.expected_text in text, text


def test_every_constraint_has_a_case():
    named = {
        constraint.name
        for app in ("positions", "performance", "training")
        for model in apps.get_app_config(app).get_models()
        for constraint in model._meta.constraints
    }
    # The text length checks (core.limits.max_length_check, named *_length) are each refused
    # on a real row, field by field, by tests/test_lengths.py.
    length_checks = {name for name in named if name.endswith("_length")}
    covered = {case.name for case in CASES} | length_checks
    assert named - covered == set(), "add a case (and a docs/invariants.md row) for these"
    assert len({case.name for case in CASES}) == len(CASES), "two cases share a name"


def test_new_constraints_explain_themselves_in_indonesian():
    """Model validation (ModelForm, admin, full_clean) shows these messages, not Django's
    English default, for the constraints added with docs/invariants.md."""
    from django.db.models import BaseConstraint

    default = BaseConstraint.default_violation_error_message
    for app in ("positions", "performance", "training"):
        for model in apps.get_app_config(app).get_models():
            for constraint in model._meta.constraints:
                if constraint.name in ADDED_WITH_INVARIANTS_DOC:
                    assert constraint.violation_error_message != default, constraint.name


ADDED_WITH_INVARIANTS_DOC = {
    "employee_nip_digits_only",
    "position_not_own_parent",
    "placement_reason_only_when_ended",
    "education_graduation_from_1950",
    "importbatch_committed_has_time",
    "curverule_shares_0_1",
    "curverule_has_bound",
    "skp_period_in_year",
    "skp_revision_from_1",
    "skp_superseded_has_time",
    "indicator_once_per_aspek",
    "evaluation_final_has_perilaku",
    "realisation_value_non_negative",
    "indicator_target_non_negative",
    "plan_approved_has_approver",
    "plan_item_priority_from_1",
}
