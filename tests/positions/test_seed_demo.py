from django.core.management import call_command
from django.db.models import Q

from positions.matching import features
from positions.models import (
    Employee,
    EmployeeCompetency,
    HRScope,
    OrgUnit,
    Placement,
    Position,
    WorkloadTask,
)


def _counts():
    models = (OrgUnit, Position, Employee, Placement, HRScope, WorkloadTask, EmployeeCompetency)
    return tuple(m.objects.count() for m in models)


def test_seed_demo_builds_lampung_and_is_idempotent(db):
    call_command("seed_demo", quiet_logins=True)
    first = _counts()
    call_command("seed_demo", quiet_logins=True)
    assert _counts() == first

    assert OrgUnit.objects.get(code="18").name == "Pemerintah Provinsi Lampung"
    assert OrgUnit.objects.filter(depth=2).count() >= 40  # perangkat daerah
    assert 900 <= Employee.objects.count() <= 1200
    assert features.stale_employee_ids() == []  # the bulk writes refreshed the ranking's features
    # Every NIP passes validation and matches birth date and gender.
    for employee in Employee.objects.all()[:300]:
        employee.clean()

    # The Plt case: Kepala Dinas Kesehatan is vacant and held by a Plt, who is the penilai
    # of the Kepala Bidang Pelayanan Kesehatan.
    kadis = Position.objects.get(code="18.DINKES.KEPALA")
    plt = kadis.placements.get(kind="plt", end_date__isnull=True)
    kabid = Employee.objects.get(user__username="kabid.yankes")
    assert kabid.penilai() == plt.employee

    # The staff login's penilai is the Kepala Bidang.
    staff = Employee.objects.get(user__username="staf.yankes")
    assert staff.penilai() == kabid

    # A health graduate placed outside Dinas Kesehatan (for the mismatch report).
    assert Employee.objects.filter(
        unit__code__startswith="18.DISHUB", educations__field__group="kesehatan"
    ).exists()
    # Vacancies exist for the candidate pages.
    assert Position.objects.vacant().exists()

    # Anjab requirements and ABK: every position has a competency standard, JF/pelaksana posts
    # have ABK tasks whose arithmetic gives exactly their kebutuhan.
    from positions import services
    from positions.models import LeadershipTraining, PositionCompetency

    assert not Position.objects.exclude(
        pk__in=PositionCompetency.objects.values("position_id")
    ).exists()
    for position in Position.objects.filter(jenis="fungsional")[:50]:
        result = services.abk_result(list(position.workload_tasks.all()))
        assert result.kebutuhan == position.kebutuhan, position.code
    assert EmployeeCompetency.objects.exists()
    assert LeadershipTraining.objects.exists()


def _performance_counts():
    from asnportal.models import User
    from performance.models import (
        SKP,
        BehaviourFeedback,
        Evaluation,
        OrganisationPerformance,
        Realisation,
    )

    return (
        SKP.objects.count(),
        Evaluation.objects.count(),
        Evaluation.objects.filter(status="final").count(),
        Realisation.objects.count(),
        Realisation.objects.exclude(evidence="").count(),
        BehaviourFeedback.objects.count(),
        OrganisationPerformance.objects.count(),
        User.objects.count(),
    )


def test_seed_demo_closes_2025_and_leaves_2026_in_progress(db):
    """Issue 11: a closed year 2025 for everyone in Dinas Kesehatan, and 2026 in every state
    a walkthrough needs. Running the seed twice changes nothing."""
    from django.core.files.storage import default_storage

    from asnportal.models import User
    from performance.models import SKP, Evaluation, Indicator, OrganisationPerformance
    from performance.services import annual_distribution, curve_violations

    call_command("seed_demo", quiet_logins=True)
    first = _performance_counts()
    call_command("seed_demo", quiet_logins=True)
    assert _performance_counts() == first
    # The seed's service account is gone again.
    assert not User.objects.filter(username="_seed_demo_actor").exists()

    dinkes = OrgUnit.objects.get(code="18.DINKES")
    active = list(Employee.objects.active().in_subtree(dinkes))
    assert len(active) >= 20

    # --- 2025: every active employee has an approved SKP, evaluated to the end ---------
    for employee in active:
        skp = SKP.objects.current().get(employee=employee, year=2025)
        assert skp.status == "disetujui"
        # Approved through the service: the identity is frozen, dated in 2025.
        assert skp.snapshot["pegawai"]["nip"] == employee.nip
        assert skp.snapshot["penilai"]["nama"]
        assert skp.snapshot["frozen_on"].startswith("2025-")
        assert skp.approved_at.year == 2025
        indicators = Indicator.objects.filter(rhk__skp=skp).count()
        evaluations = list(skp.evaluations.all())
        assert evaluations and all(e.status == "final" for e in evaluations)
        for evaluation in evaluations:
            assert evaluation.realisations.count() == indicators
            assert evaluation.behaviour_feedback.count() == 7  # BerAKHLAK
            assert evaluation.realisations.exclude(evidence="").exists()
            assert evaluation.realisasi_sent_at is not None
        akhir = next(e for e in evaluations if e.period == "tw4")
        assert akhir.predikat and akhir.rating_hasil and akhir.rating_perilaku
        assert akhir.finalised_at.year == 2026  # rated in January after the year
        employee.refresh_from_db()
        assert (employee.latest_predikat, employee.latest_predikat_year) == (akhir.predikat, 2025)
    # The bukti dukung are real files in storage: PDFs and PNGs.
    from performance.models import Realisation

    magics = set()
    for realisation in Realisation.objects.exclude(evidence="")[:30]:
        with default_storage.open(realisation.evidence.name, "rb") as fh:
            magics.add(fh.read(4))
        assert realisation.evidence_name.endswith((".pdf", ".png"))
    assert magics == {b"%PDF", b"\x89PNG"}
    # Organisation predikat set, curve satisfied, year closed.
    org = OrganisationPerformance.objects.get(unit=dinkes, year=2025)
    assert org.predikat == "baik" and org.closed_at is not None
    assert curve_violations(org.predikat, annual_distribution(dinkes, 2025)) == []

    # --- 2026: in progress -------------------------------------------------------------
    kabid = Employee.objects.get(user__username="kabid.yankes")
    skps_2026 = SKP.objects.current().filter(year=2026)
    # The Kepala Bidang's SKP cascades from the Plt Kepala Dinas's.
    kabid_skp = skps_2026.get(employee=kabid)
    assert kabid_skp.status == "disetujui"
    parents = {r.parent_rhk.skp.employee for r in kabid_skp.rhks.filter(jenis="utama")}
    assert parents == {kabid.penilai(on=kabid_skp.period_start)}
    # staf.yankes drafts their SKP in the walkthrough: none yet.
    assert not skps_2026.filter(employee__user__username="staf.yankes").exists()
    # staf2.yankes: approved, TW I–II rated, TW III sent and waiting for the kabid, TW IV open.
    staf2 = skps_2026.get(employee__user__username="staf2.yankes")
    assert staf2.status == "disetujui" and staf2.penilai == kabid
    periods = {e.period: e for e in staf2.evaluations.all()}
    assert set(periods) == {"tw1", "tw2", "tw3"}
    assert periods["tw1"].status == periods["tw2"].status == "final"
    assert periods["tw3"].status == "draft" and periods["tw3"].realisasi_sent_at is not None
    assert periods["tw3"].realisations.exclude(evidence="").exists()
    # At least one SKP waits for kabid.yankes, one was returned with a note, some are drafts,
    # and others are approved with TW I–III final.
    assert skps_2026.filter(status="diajukan", penilai=kabid).exists()
    returned = skps_2026.filter(status="dikembalikan")
    assert returned.exists() and all(s.return_note for s in returned)
    assert skps_2026.filter(status="draft").exists()
    evaluated = [
        s
        for s in skps_2026.filter(status="disetujui").exclude(pk=staf2.pk)
        if sorted(s.evaluations.filter(status="final").values_list("period", flat=True))
        == ["tw1", "tw2", "tw3"]
    ]
    assert len(evaluated) >= 5
    assert not Evaluation.objects.filter(skp__year=2026, period="tw4").exists()
    # 2026 is not closed.
    assert not OrganisationPerformance.objects.filter(year=2026, closed_at__isnull=False).exists()
    # Every "Predikat kinerja terakhir (2025)" on a profile has its row in Riwayat kinerja:
    # a final annual evaluation or an imported rating of that year.
    from performance.models import RatingHistory

    backed = Employee.objects.filter(
        Q(skps__year=2025, skps__evaluations__period="tw4", skps__evaluations__status="final")
        | Q(rating_history__year=2025)
    )
    assert Employee.objects.filter(latest_predikat_year=2025).exists()
    assert not Employee.objects.filter(latest_predikat_year=2025).exclude(pk__in=backed).exists()
    assert RatingHistory.objects.filter(year=2025).exists()


def test_seed_demo_training_leaves_some_below_20_jp(db):
    from django.db.models import Sum

    from training.models import Participation, TrainingProgram

    call_command("seed_demo", quiet_logins=True)
    assert TrainingProgram.objects.filter(category="teknis").exists()
    assert TrainingProgram.objects.filter(category="pka").exists()
    jp = dict(
        Participation.objects.counted()
        .in_year(2026)
        .values("employee")
        .annotate(total=Sum("jp"))
        .values_list("employee", "total")
    )
    assert any(total >= 20 for total in jp.values())
    assert any(total < 20 for total in jp.values())
    assert Participation.objects.filter(is_self_reported=True, verification="pending").exists()
    # Events announced for next year with nobody enrolled: what a pegawai can ask to join.
    from training.models import TrainingEvent

    upcoming = TrainingEvent.objects.filter(start_date__year=2027)
    assert upcoming.count() == 3
    assert not Participation.objects.filter(event__in=upcoming).exists()
