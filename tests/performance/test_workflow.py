import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from performance import services
from performance.models import RHK, SKP, Evaluation, Indicator, OrganisationPerformance
from tests.factories import EvaluationFactory, PlacementFactory, SKPFactory
from tests.performance.helpers import rhk as _rhk

YEAR = 2026


def test_roles_are_derived_from_placements(world, employee_skp):
    assert employee_skp.position == world.perawat
    assert employee_skp.penilai == world.manager_emp
    assert employee_skp.penilai_position == world.kabid
    assert employee_skp.atasan_penilai == world.kadis_emp
    assert employee_skp.expectations.count() == 7


def test_cascade_choices_are_exactly_the_penilais_approved_rhk(world, employee_skp, manager_skp):
    _rhk(manager_skp, "Menjadi narasumber", jenis="tambahan")  # personal, not cascaded
    choices = services.cascade_choices(employee_skp)
    assert set(choices) == set(manager_skp.rhks.filter(jenis="utama"))
    assert len(choices) == 2


def test_no_cascade_choices_until_the_penilai_skp_is_approved(world, employee_skp):
    SKPFactory(employee=world.manager_emp, year=YEAR, submitted=True)  # not approved yet
    assert services.cascade_choices(employee_skp) == []
    _rhk(employee_skp, "Asuhan keperawatan")
    missing = services.missing_items(employee_skp)
    assert any("SKP pejabat penilai tahun ini belum disetujui" in m for m in missing)


def test_submit_refused_while_a_utama_rhk_is_unlinked(world, employee, employee_skp, manager_skp):
    _rhk(employee_skp, "Asuhan keperawatan")
    with pytest.raises(ValidationError) as exc:
        services.submit_skp(employee_skp, user=employee)
    assert "belum mengaitkan RHK pimpinan" in str(exc.value)
    employee_skp.refresh_from_db()
    assert employee_skp.status == "draft"


def _ready(employee_skp, manager_skp):
    _rhk(employee_skp, "Asuhan keperawatan", parent=manager_skp.rhks.first())


def test_full_workflow_with_return_and_resubmission(
    world, employee, manager, employee_skp, manager_skp
):
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    services.return_skp(employee_skp, user=manager, note="Target kuantitas terlalu rendah.")
    employee_skp.refresh_from_db()
    assert employee_skp.status == "dikembalikan"
    assert employee_skp.return_note == "Target kuantitas terlalu rendah."
    services.submit_skp(employee_skp, user=employee)
    services.approve_skp(employee_skp, user=manager)
    employee_skp.refresh_from_db()
    assert employee_skp.status == "disetujui"
    assert employee_skp.snapshot["pegawai"]["nip"] == world.employee_emp.nip
    assert employee_skp.snapshot["penilai"]["nama"] == "Kabid Yankes"
    assert employee_skp.snapshot["pegawai"]["jabatan"] == "Perawat Ahli Muda"


def test_notifications_go_to_who_must_act(
    world, employee, manager, employee_skp, manager_skp, django_capture_on_commit_callbacks
):
    _ready(employee_skp, manager_skp)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_skp(employee_skp, user=employee)
    assert mail.outbox[-1].to == ["kabid@example.go.id"]
    with django_capture_on_commit_callbacks(execute=True):
        services.return_skp(employee_skp, user=manager, note="Perbaiki IKI.")
    assert mail.outbox[-1].to == ["perawat@example.go.id"]
    assert "Perbaiki IKI." in mail.outbox[-1].body


def test_only_the_penilai_approves(world, employee, outsider, hr_admin, employee_skp, manager_skp):
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    for user in (employee, outsider, hr_admin):
        with pytest.raises(PermissionDenied):
            services.approve_skp(employee_skp, user=user)


def test_plt_of_the_penilai_post_may_approve(world, employee, outsider, employee_skp, manager_skp):
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    PlacementFactory(
        employee=world.outsider_emp,
        position=world.kabid,
        kind="plt",
        start_date=dt.date(2026, 1, 1),
    )
    services.approve_skp(employee_skp, user=outsider)
    employee_skp.refresh_from_db()
    assert employee_skp.status == "disetujui"


def test_a_pegawai_standing_in_for_their_own_penilai_does_not_approve_their_own_skp(
    world, employee, employee_skp, manager_skp
):
    """A Plh of the penilai's post is penilai of everyone under it except themselves."""
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    PlacementFactory(
        employee=world.employee_emp,
        position=world.kabid,
        kind="plh",
        start_date=dt.date(2026, 1, 1),
    )
    assert not services.is_penilai_of(employee, employee_skp)
    with pytest.raises(PermissionDenied):
        services.approve_skp(employee_skp, user=employee)
    employee_skp.refresh_from_db()
    assert employee_skp.status == "diajukan"


def test_a_pegawai_standing_in_for_their_own_penilai_does_not_rate_their_own_evaluation(
    world, employee
):
    evaluation = EvaluationFactory(skp__employee=world.employee_emp)
    PlacementFactory(
        employee=world.employee_emp,
        position=world.kabid,
        kind="plh",
        start_date=dt.date(2026, 1, 1),
    )
    with pytest.raises(PermissionDenied):
        services.rate_evaluation(
            evaluation,
            user=employee,
            rating_hasil="diatas",
            rating_perilaku="diatas",
            version=evaluation.version,
            finalise=True,
        )
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.predikat) == ("draft", "")


def test_an_acting_holder_is_printed_as_plt_or_plh_as_they_sign(world):
    """The identity block (frozen at approval, printed on the forms) names the jabatan the
    signer holds on the roles date: a Plt Kepala Dinas signs as "Plt. Kepala Dinas …"."""
    on = dt.date(YEAR, 1, 1)
    PlacementFactory(employee=world.outsider_emp, position=world.kadis, kind="plt", start_date=on)
    PlacementFactory(employee=world.colleague_emp, position=world.kabid, kind="plh", start_date=on)
    assert services.identity(world.outsider_emp, world.kadis, on)["jabatan"] == (
        "Plt. Kepala Dinas Kesehatan"
    )
    assert services.identity(world.colleague_emp, world.kabid, on)["jabatan"] == (
        "Plh. Kepala Bidang Yankes"
    )
    assert services.identity(world.manager_emp, world.kabid, on)["jabatan"] == (
        "Kepala Bidang Yankes"
    )
    before = dt.date(YEAR - 1, 12, 31)  # the Plt had not started: nothing to mark
    assert services.identity(world.outsider_emp, world.kadis, before)["jabatan"] == (
        "Kepala Dinas Kesehatan"
    )


def test_return_needs_a_note(world, employee, manager, employee_skp, manager_skp):
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    with pytest.raises(ValidationError):
        services.return_skp(employee_skp, user=manager, note="  ")


def test_submitted_skp_cannot_be_submitted_again(world, employee, employee_skp, manager_skp):
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    employee_skp.refresh_from_db()
    assert not employee_skp.is_editable
    with pytest.raises(ValidationError):
        services.submit_skp(employee_skp, user=employee)


def test_one_iki_per_aspek_for_a_new_iki_and_an_edited_one(world, employee, employee_skp):
    """The aspek check of a new IKI (no pk yet) sees every IKI of the RHK; an edited IKI may
    keep its own aspek but not take another IKI's."""
    rhk = RHK.objects.create(skp=employee_skp, text="Asuhan keperawatan")
    target = {"target_value": 12, "target_satuan": "Dokumen"}
    first = services.add_indicator(rhk, user=employee, aspek="kuantitas", text="Jumlah", **target)
    with pytest.raises(ValidationError, match="sudah memiliki IKI untuk aspek"):
        services.add_indicator(rhk, user=employee, aspek="kuantitas", text="Lagi", **target)
    services.update_indicator(first, user=employee, aspek="kuantitas", text="Jumlah", **target)
    second = services.add_indicator(rhk, user=employee, aspek="kualitas", text="Mutu", **target)
    with pytest.raises(ValidationError, match="sudah memiliki IKI untuk aspek"):
        services.update_indicator(second, user=employee, aspek="kuantitas", text="Mutu", **target)
    assert sorted(rhk.indicators.values_list("aspek", flat=True)) == ["kualitas", "kuantitas"]


def test_change_after_approval_is_a_new_revision(
    world, employee, manager, employee_skp, manager_skp
):
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    services.approve_skp(employee_skp, user=manager)
    revision = services.start_revision(employee_skp, user=employee)
    employee_skp.refresh_from_db()
    assert revision.revision == 2 and revision.status == "draft"
    assert employee_skp.superseded_by == revision and employee_skp.status == "disetujui"
    assert revision.rhks.count() == 1 and revision.rhks.first().indicators.count() == 1
    assert list(SKP.objects.current().filter(employee=world.employee_emp)) == [revision]


def _evaluation(employee_skp, manager_skp, employee, manager):
    _ready(employee_skp, manager_skp)
    services.submit_skp(employee_skp, user=employee)
    services.approve_skp(employee_skp, user=manager)
    return Evaluation.objects.create(skp=employee_skp, period="tw4")


def test_rating_sets_predikat_from_matrix_and_finalising_updates_profile(
    world, employee, manager, employee_skp, manager_skp
):
    evaluation = _evaluation(employee_skp, manager_skp, employee, manager)
    # Finalising needs every realisasi of the period (or a written reason).
    for indicator in Indicator.objects.filter(rhk__skp=employee_skp):
        evaluation.realisations.create(indicator=indicator, value=12)
    services.rate_evaluation(
        evaluation,
        user=manager,
        rating_hasil="diatas",
        rating_perilaku="diatas",
        version=0,
        finalise=True,
    )
    evaluation.refresh_from_db()
    assert evaluation.predikat == "sangat_baik" and evaluation.status == "final"
    world.employee_emp.refresh_from_db()
    assert (world.employee_emp.latest_predikat, world.employee_emp.latest_predikat_year) == (
        "sangat_baik",
        YEAR,
    )


def test_stale_form_is_refused_and_tells_the_loser(
    world, employee, manager, employee_skp, manager_skp
):
    evaluation = _evaluation(employee_skp, manager_skp, employee, manager)
    services.rate_evaluation(
        evaluation, user=manager, rating_hasil="sesuai", rating_perilaku="sesuai", version=0
    )
    with pytest.raises(ValidationError, match="baru saja diubah"):
        services.rate_evaluation(
            evaluation, user=manager, rating_hasil="dibawah", rating_perilaku="dibawah", version=0
        )
    evaluation.refresh_from_db()
    assert evaluation.predikat == "baik"


def test_closed_year_locks_ratings(world, employee, manager, hr_admin, employee_skp, manager_skp):
    evaluation = _evaluation(employee_skp, manager_skp, employee, manager)
    from django.utils import timezone

    OrganisationPerformance.objects.create(
        unit=world.dinkes, year=YEAR, predikat="baik", set_by=hr_admin, closed_at=timezone.now()
    )
    with pytest.raises(ValidationError, match="ditutup"):
        services.rate_evaluation(
            evaluation, user=manager, rating_hasil="sesuai", rating_perilaku="sesuai", version=0
        )


def test_annual_distribution_counts_the_unit_subtree(
    world, employee, manager, employee_skp, manager_skp
):
    evaluation = _evaluation(employee_skp, manager_skp, employee, manager)
    services.rate_evaluation(
        evaluation, user=manager, rating_hasil="sesuai", rating_perilaku="sesuai", version=0
    )
    assert services.annual_distribution(world.dinkes, YEAR) == {"baik": 1}
    assert services.annual_distribution(world.dishub, YEAR) == {}
