from django.core.management import call_command

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


def test_seed_demo_builds_a_performance_cascade_for_dinas_kesehatan(db):
    from performance.models import SKP, Evaluation, OrganisationPerformance
    from performance.services import curve_violations

    call_command("seed_demo", quiet_logins=True)
    call_command("seed_demo", quiet_logins=True)
    kabid = Employee.objects.get(user__username="kabid.yankes")
    kabid_skp = SKP.objects.get(employee=kabid, year=2026)
    assert kabid_skp.status == "disetujui"
    # Cascade: every utama RHK of the kabid intervenes an RHK of the penilai's SKP.
    parents = {r.parent_rhk.skp.employee for r in kabid_skp.rhks.filter(jenis="utama")}
    assert parents == {kabid.penilai(on=kabid_skp.period_start)}
    staff_skps = SKP.objects.filter(penilai=kabid, year=2026)
    assert staff_skps.count() >= 2
    assert Evaluation.objects.filter(skp__in=staff_skps, status="final").count() == (
        3 * staff_skps.count()
    )
    # The demo staff login drafts their own SKP in the walkthrough.
    assert not SKP.objects.filter(employee__user__username="staf.yankes").exists()
    org = OrganisationPerformance.objects.get(unit__code="18.DINKES", year=2026)
    assert org.predikat == "baik"
    assert isinstance(curve_violations(org.predikat, {"baik": 3}), list)


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
