"""Kurva distribusi, organisation predikat, closing the year; the monitoring dashboards."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from performance import services
from performance.models import OrganisationPerformance
from tests.factories import EmployeeFactory, EvaluationFactory, PlacementFactory, SKPFactory
from tests.performance.helpers import YEAR

CURVE = reverse("performance:curve")
MONITORING = reverse("performance:monitoring")


def _rated_staff(world, predikats):
    """One perawat per predikat, each with an approved SKP and a rated annual evaluation."""
    for predikat in predikats:
        emp = EmployeeFactory(unit=world.yankes)
        PlacementFactory(employee=emp, position=world.perawat)
        skp = SKPFactory(employee=emp, year=YEAR, approved=True)
        EvaluationFactory(skp=skp, period="tw4", final=True, predikat=predikat)


def _query(unit, year=YEAR):
    return f"{CURVE}?unit={unit.pk}&tahun={year}"


def test_hr_sets_org_predikat_and_sees_named_violations(client_as, hr_dinkes, world):
    _rated_staff(world, ["baik"] * 8 + ["sangat_baik"] * 2)
    client = client_as(hr_dinkes)
    response = client.post(_query(world.dinkes), {"action": "predikat", "predikat": "baik"})
    assert response.status_code == 302
    org = OrganisationPerformance.objects.get(unit=world.dinkes, year=YEAR)
    assert org.predikat == "baik" and org.set_by == hr_dinkes
    page = client.get(_query(world.dinkes)).content.decode()
    assert "Predikat Baik paling banyak 70%: saat ini 80% (8 dari 10)." in page
    assert "Harus ada pegawai dengan predikat Butuh Perbaikan" in page
    client.post(_query(world.dinkes), {"action": "predikat", "predikat": "istimewa"})
    page = client.get(_query(world.dinkes)).content.decode()
    assert 'data-testid="violation"' not in page  # 20% Sangat Baik is within 70%


def test_pimpinan_reads_but_cannot_set(client_as, pimpinan, world):
    client = client_as(pimpinan)
    assert client.get(_query(world.dinkes)).status_code == 200
    response = client.post(_query(world.dinkes), {"action": "predikat", "predikat": "baik"})
    assert response.status_code == 403
    assert not OrganisationPerformance.objects.exists()


def test_curve_units_are_scoped(client_as, hr_dishub, employee, world):
    assert client_as(hr_dishub).get(_query(world.dinkes)).status_code == 404
    assert client_as(employee).get(CURVE).status_code == 403


def test_close_year_locks_rating(client_as, hr_dinkes, manager, world):
    skp = SKPFactory(employee=world.employee_emp, year=YEAR, approved=True)
    evaluation = EvaluationFactory(skp=skp, period="tw4", realisation=None)  # not rated yet
    client = client_as(hr_dinkes)
    client.post(_query(world.dinkes), {"action": "predikat", "predikat": "baik"})
    assert client.post(_query(world.dinkes), {"action": "tutup"}).status_code == 302
    assert OrganisationPerformance.objects.get(unit=world.dinkes, year=YEAR).closed_at
    again = client.post(_query(world.dinkes), {"action": "tutup"}, follow=True)
    assert "sudah ditutup" in again.content.decode()
    with pytest.raises(ValidationError, match="sudah ditutup"):
        services.rate_evaluation(
            evaluation, user=manager, rating_hasil="sesuai", rating_perilaku="sesuai", version=0
        )


def test_a_closed_year_locks_the_predikat_of_the_unit_and_every_unit_below_it(
    client_as, hr_dinkes, world
):
    client = client_as(hr_dinkes)
    client.post(_query(world.dinkes), {"action": "predikat", "predikat": "baik"})
    client.post(_query(world.dinkes), {"action": "tutup"})
    for unit in (world.dinkes, world.yankes):
        page = client.post(
            _query(unit), {"action": "predikat", "predikat": "istimewa"}, follow=True
        )
        assert f"Tahun {YEAR} untuk {world.dinkes.name} sudah ditutup." in page.content.decode()
    assert dict(OrganisationPerformance.objects.values_list("unit", "predikat")) == {
        world.dinkes.pk: "baik"
    }
    # Another year stays open.
    services.set_org_predikat(world.yankes, year=YEAR + 1, predikat="baik", user=hr_dinkes)


def test_curve_query_budget_is_flat(client_as, hr_dinkes, world, django_assert_num_queries):
    client = client_as(hr_dinkes)
    client.post(_query(world.dinkes), {"action": "predikat", "predikat": "baik"})
    _rated_staff(world, ["baik"])
    # session, user, HR scopes, headed placements, visible units, organisation predikat,
    # distribution (one query of the rated akhir evaluations with their SKP periods; was
    # two: SKPs + prefetched evaluations), curve rules, nav.
    with django_assert_num_queries(9):
        client.get(_query(world.dinkes))
    _rated_staff(world, ["baik", "kurang", "sangat_baik", "butuh_perbaikan"])
    with django_assert_num_queries(9):
        client.get(_query(world.dinkes))


# --- Monitoring ----------------------------------------------------------------------


def test_penilai_sees_direct_subordinates_with_status_and_action(client_as, manager, world):
    skp = SKPFactory(employee=world.employee_emp, year=YEAR, submitted=True)
    page = client_as(manager).get(f"{MONITORING}?tahun={YEAR}").content.decode()
    assert "Perawat Satu" in page and "Perawat Dua" in page
    assert "Diajukan" in page and "Belum ada SKP" in page
    assert reverse("performance:skp_detail", args=[skp.pk]) in page
    assert "Kepala Dinas" not in page  # the kadis is the manager's superior, not a subordinate


def test_hr_counts_per_unit_and_reminders(
    client_as, hr_dinkes, world, django_capture_on_commit_callbacks
):
    for emp, email in (
        (world.employee_emp, "satu@example.go.id"),
        (world.colleague_emp, "dua@example.go.id"),
        (world.manager_emp, "kabid@example.go.id"),
    ):
        emp.email = email
        emp.save(update_fields=["email"])
    SKPFactory(employee=world.manager_emp, year=YEAR, approved=True)  # the kadis's too
    SKPFactory(employee=world.employee_emp, year=YEAR)  # a draft
    client = client_as(hr_dinkes)
    page = client.get(f"{MONITORING}?unit={world.dinkes.pk}&tahun={YEAR}").content.decode()
    assert "Bidang Pelayanan Kesehatan" in page
    assert page.count('data-testid="unit-row"') == 2  # dinkes itself (kadis) and yankes
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{MONITORING}?unit={world.dinkes.pk}&tahun={YEAR}", follow=True)
    assert "dikirim kepada 2 pegawai" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["dua@example.go.id", "satu@example.go.id"]


def test_pimpinan_cannot_send_reminders_and_pegawai_sees_no_dashboard(
    client_as, pimpinan, employee, world
):
    assert client_as(pimpinan).get(MONITORING).status_code == 200
    assert client_as(pimpinan).post(MONITORING).status_code == 403
    assert client_as(employee).get(MONITORING).status_code == 403


def test_monitoring_query_budget_is_flat(
    client_as, hr_dinkes, manager, world, django_assert_num_queries
):
    hr_client = client_as(hr_dinkes)
    target = f"{MONITORING}?unit={world.dinkes.pk}&tahun={YEAR}"
    # session, user, HR scopes, headed placements, visible units, children, employees per
    # unit, SKP per status, pending evaluations, predikat per unit, without approved SKP,
    # nav own-employee.
    with django_assert_num_queries(12):
        hr_client.get(target)
    _rated_staff(world, ["baik", "kurang", "sangat_baik"])
    with django_assert_num_queries(12):
        hr_client.get(target)
    manager_client = client_as(manager)
    # session, user, HR scopes, headed placements, subordinate placements, their SKP,
    # their evaluations, nav own-employee, nav penilai badge.
    with django_assert_num_queries(9):
        manager_client.get(f"{MONITORING}?tahun={YEAR}")
    _rated_staff(world, ["baik", "baik"])
    with django_assert_num_queries(9):
        manager_client.get(f"{MONITORING}?tahun={YEAR}")
