"""20 JP compliance of a unit subtree, its early warning and Excel export; leadership training
compliance with its grace period."""

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from positions.models import LeadershipTraining, Placement
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory
from training import ledger as domain
from training.models import Participation

V, R = Participation.Verification, Participation.Result


def add_jp(employee, jp, *, year=2026, verification=V.VERIFIED):
    return Participation.objects.create(
        employee=employee,
        title="Pelatihan",
        start_date=dt.date(year, 5, 1),
        end_date=dt.date(year, 5, 2),
        jp=jp,
        verification=verification,
        result=R.LULUS,
    )


@pytest.fixture
def jp_world(world):
    add_jp(world.kadis_emp, 24)
    add_jp(world.manager_emp, 12)
    add_jp(world.manager_emp, 8)  # 20 in total: compliant
    add_jp(world.employee_emp, 15)
    add_jp(world.employee_emp, 10, verification=V.PENDING)  # not counted
    add_jp(world.colleague_emp, 30, year=2025)  # other year
    add_jp(world.outsider_emp, 2)  # other dinas
    return world


def test_compliance_counts_share_and_shortfall(jp_world):
    report = domain.compliance(jp_world.dinkes, 2026, today=dt.date(2026, 3, 1))
    assert (report.active, report.compliant, report.below_count) == (4, 2, 2)
    assert report.share == 50.0
    below = [(e.name, e.jp, e.kurang) for e in report.below]
    assert below == [("Perawat Dua", 0, 20), ("Perawat Satu", 15, 5)]


def test_inactive_employees_are_not_counted(jp_world):
    jp_world.colleague_emp.status = "pensiun"
    jp_world.colleague_emp.save(update_fields=["status"])
    report = domain.compliance(jp_world.dinkes, 2026, today=dt.date(2026, 3, 1))
    assert (report.active, report.compliant) == (3, 2)


def test_early_warning_from_the_third_quarter(jp_world, settings):
    settings.JP_WARNING_FROM_MONTH = 7
    assert domain.compliance(jp_world.dinkes, 2026, today=dt.date(2026, 8, 15)).warning
    assert not domain.compliance(jp_world.dinkes, 2026, today=dt.date(2026, 2, 15)).warning
    # A past year is closed: no warning.
    assert not domain.compliance(jp_world.dinkes, 2025, today=dt.date(2026, 8, 15)).warning
    settings.JP_WARNING_FROM_MONTH = 10
    assert not domain.compliance(jp_world.dinkes, 2026, today=dt.date(2026, 8, 15)).warning


def test_compliance_page_shows_numbers(jp_world, client_as, hr_dinkes, today):
    url = reverse("training:compliance") + f"?unit={jp_world.dinkes.pk}&tahun=2026"
    content = client_as(hr_dinkes).get(url).content.decode()
    assert 'data-testid="active">4<' in content
    assert 'data-testid="compliant">2<' in content
    assert 'data-testid="share">50.0%<' in content or 'data-testid="share">50,0%<' in content
    assert content.count('data-testid="below-row"') == 2
    warned = today.year == 2026 and today.month >= 7
    assert ('data-testid="jp-warning"' in content) == warned


def test_pegawai_gets_403_and_other_units_404(jp_world, client_as, employee, hr_dishub):
    assert client_as(employee).get(reverse("training:compliance")).status_code == 403
    assert client_as(employee).get(reverse("training:leadership_compliance")).status_code == 403
    url = reverse("training:compliance") + f"?unit={jp_world.dinkes.pk}"
    assert client_as(hr_dishub).get(url).status_code == 404


def test_manager_sees_their_subtree(jp_world, client_as, manager):
    url = reverse("training:compliance") + f"?unit={jp_world.yankes.pk}&tahun=2026"
    assert client_as(manager).get(url).status_code == 200
    url = reverse("training:compliance") + f"?unit={jp_world.dinkes.pk}&tahun=2026"
    assert client_as(manager).get(url).status_code == 404


def test_excel_export_lists_everyone_with_status(jp_world, client_as, pimpinan):
    url = reverse("training:compliance_xlsx") + f"?unit={jp_world.dinkes.pk}&tahun=2026"
    response = client_as(pimpinan).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == domain.XLSX_CONTENT_TYPE
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[3]] == domain.XLSX_HEADERS
    rows = {row[1]: row[4:] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows == {
        "Kadis Sehat": (24, 0, "Memenuhi"),
        "Kabid Yankes": (20, 0, "Memenuhi"),
        "Perawat Satu": (15, 5, "Belum memenuhi"),
        "Perawat Dua": (0, 20, "Belum memenuhi"),
    }


@pytest.mark.parametrize("extra", [0, 20])
def test_compliance_query_budget_is_flat(
    jp_world, client_as, hr_dinkes, django_assert_num_queries, extra
):
    for _ in range(extra):
        emp = EmployeeFactory(unit=jp_world.yankes)
        add_jp(emp, 3)
    client = client_as(hr_dinkes)
    url = reverse("training:compliance") + f"?unit={jp_world.dinkes.pk}&tahun=2026"
    # session + user, scopes (2), visible units, the counts aggregate, the page of employees
    # below target (JP as a subquery), the menu's own-employee lookup (the paginator's count
    # comes from the aggregate: was 9)
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200


# --- Leadership ---------------------------------------------------------------------------

TODAY = dt.date(2026, 6, 1)


def _holder(world, jenis, start, *, kind=Placement.Kind.DEFINITIF):
    position = PositionFactory(unit=world.yankes, jenis=jenis, kelas=9, parent=world.kabid)
    emp = EmployeeFactory(unit=world.yankes)
    PlacementFactory(employee=emp, position=position, start_date=start, kind=kind)
    return emp


def test_leadership_rule_with_grace_period(world, settings):
    settings.LEADERSHIP_GRACE_MONTHS = 12
    # World: kadis (JPT pratama, TMT 2024) and kabid (administrator, TMT 2024) lack training.
    LeadershipTraining.objects.create(employee=world.kadis_emp, kind="pkn2", year=2024)
    new = _holder(world, "pengawas", dt.date(2025, 9, 1))  # deadline 2026-09-01: in grace
    late = _holder(world, "pengawas", dt.date(2025, 5, 1))  # deadline 2026-05-01: overdue
    plt = _holder(world, "pengawas", dt.date(2024, 1, 1), kind=Placement.Kind.PLT)
    higher = _holder(world, "pengawas", dt.date(2020, 1, 1))
    LeadershipTraining.objects.create(employee=higher, kind="pka", year=2019)  # PKA ≥ PKP
    lower = _holder(world, "administrator", dt.date(2020, 1, 1))
    LeadershipTraining.objects.create(employee=lower, kind="pkp", year=2019)  # PKP < PKA

    report = domain.leadership_report(world.pemprov, today=TODAY)

    assert [g.placement.employee for g in report.in_grace] == [new]
    assert report.in_grace[0].deadline == dt.date(2026, 9, 1)
    assert report.in_grace[0].days_overdue == 0
    overdue = {g.placement.employee: g for g in report.overdue}
    assert set(overdue) == {world.manager_emp, late, plt, lower}
    assert overdue[late].days_overdue == 31
    assert overdue[lower].held == "pkp"
    assert [(c.unit, c.in_grace, c.overdue) for c in report.per_unit] == [(world.dinkes, 1, 4)]


def test_longer_grace_period_moves_rows_back_into_grace(world, settings):
    settings.LEADERSHIP_GRACE_MONTHS = 36
    report = domain.leadership_report(world.dinkes, today=TODAY)
    assert {g.placement.employee for g in report.in_grace} == {world.kadis_emp, world.manager_emp}
    assert report.overdue == []


def test_ended_placements_are_ignored(world):
    Placement.objects.filter(employee=world.manager_emp).update(end_date=dt.date(2025, 1, 1))
    report = domain.leadership_report(world.dinkes, today=TODAY)
    assert world.manager_emp not in {g.placement.employee for g in report.overdue}


def test_leadership_page_lists_rows(world, client_as, hr_dinkes):
    url = reverse("training:leadership_compliance") + f"?unit={world.dinkes.pk}"
    content = client_as(hr_dinkes).get(url).content.decode()
    assert "Kabid Yankes" in content
    assert "Kadis Sehat" in content


@pytest.mark.parametrize("extra", [0, 15])
def test_leadership_query_budget_is_flat(
    world, client_as, hr_dinkes, django_assert_num_queries, extra
):
    for i in range(extra):
        emp = _holder(world, "pengawas", dt.date(2025, 1, 1))
        if i % 2:
            LeadershipTraining.objects.create(employee=emp, kind="pkp", year=2025)
    client = client_as(hr_dinkes)
    url = reverse("training:leadership_compliance") + f"?unit={world.dinkes.pk}"
    # session + user, scopes (2), visible units, today's structural placements with employee,
    # position and unit, their leadership trainings, the perangkat daerah list, the menu's
    # own-employee lookup
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200
