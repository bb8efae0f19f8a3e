"""JP counting rules, the ledger page and the profile fragment."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.training.helpers import self_report_data
from training import ledger as domain
from training.forms_ledger import SelfReportForm
from training.models import Participation, minutes_to_jp

V, R = Participation.Verification, Participation.Result


def add_line(
    employee, *, jp=10, end=dt.date(2026, 3, 10), verification=V.VERIFIED, result=R.LULUS, note=""
):
    return Participation.objects.create(
        employee=employee,
        title=f"Kegiatan {jp} JP",
        start_date=end,
        end_date=end,
        jp=jp,
        verification=verification,
        result=result,
        verification_note=note,
        is_self_reported=True,
    )


def test_only_verified_and_passed_lines_of_the_year_count(world):
    emp = world.employee_emp
    add_line(emp, jp=8)
    add_line(emp, jp=4, end=dt.date(2026, 12, 31))
    add_line(emp, jp=100, verification=V.PENDING)
    add_line(emp, jp=100, verification=V.REJECTED, note="Sertifikat palsu")
    add_line(emp, jp=100, result=R.TIDAK_LULUS)
    add_line(emp, jp=100, result=R.PENDING)
    add_line(emp, jp=100, end=dt.date(2025, 12, 31))
    add_line(world.colleague_emp, jp=100)

    assert domain.counted_jp(emp, 2026) == 12
    ledger = domain.ledger_for(emp, 2026)
    assert ledger.total == 12
    assert ledger.shortfall == 8
    assert ledger.percent == 60
    assert len(ledger.counted) == 2
    reasons = sorted(line.reason for line in ledger.not_counted)
    assert reasons == [
        "Belum ada hasil kelulusan",
        "Ditolak: Sertifikat palsu",
        "Menunggu verifikasi",
        "Tidak lulus",
    ]


def test_minutes_convert_to_whole_jp_of_45_minutes():
    assert minutes_to_jp(900) == 20
    assert minutes_to_jp(100) == 2
    assert domain.jp_from(jp=None, minutes=900) == 20
    assert domain.jp_from(jp=7, minutes=None) == 7


def _form_data(**overrides):
    webinar = {"title": "Webinar Pelayanan Publik", "method": "e_learning"}
    dates = {"start_date": "2026-02-01", "end_date": "2026-02-01"}
    return self_report_data(**{**webinar, **dates, **overrides})


@pytest.mark.parametrize(("minutes", "jp"), [("900", 20), ("100", 2)])
def test_form_converts_minutes_to_jp(db, minutes, jp):
    form = SelfReportForm(_form_data(minutes=minutes))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["jp"] == jp


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({}, "jp"),
        ({"jp": "2", "minutes": "90"}, "minutes"),
        ({"minutes": "30"}, "minutes"),
        ({"jp": "2", "end_date": "2026-01-01"}, "end_date"),
        ({"jp": "2", "end_date": "2999-01-01"}, "end_date"),
    ],
)
def test_form_rejects_bad_duration_and_dates(db, overrides, field):
    form = SelfReportForm(_form_data(**overrides))
    assert not form.is_valid()
    assert field in form.errors


def test_ledger_visible_to_self_manager_and_hr(world, client_as, employee, manager, hr_dinkes):
    add_line(world.employee_emp, jp=12)
    url = reverse("training:ledger", args=[world.employee_emp.pk]) + "?tahun=2026"
    for user in (employee, manager, hr_dinkes):
        response = client_as(user).get(url)
        assert response.status_code == 200
        assert b'data-testid="jp-total">12<' in response.content


def test_ledger_of_someone_outside_scope_is_404(world, client_as, outsider, hr_dishub):
    url = reverse("training:ledger", args=[world.employee_emp.pk])
    assert client_as(outsider).get(url).status_code == 404
    assert client_as(hr_dishub).get(url).status_code == 404


def test_ledger_shows_not_counted_lines_with_reason(world, client_as, employee):
    add_line(world.employee_emp, jp=3, verification=V.REJECTED, note="Bukan kegiatan pengembangan")
    url = reverse("training:ledger", args=[world.employee_emp.pk]) + "?tahun=2026"
    content = client_as(employee).get(url).content.decode()
    assert "Ditolak: Bukan kegiatan pengembangan" in content
    assert 'data-testid="jp-total">0<' in content


@pytest.mark.parametrize("lines", [1, 15])
def test_ledger_query_budget_is_flat(world, client_as, hr_dinkes, django_assert_num_queries, lines):
    for i in range(lines):
        add_line(world.employee_emp, jp=1 + i % 3)
    client = client_as(hr_dinkes)
    url = reverse("training:ledger", args=[world.employee_emp.pk]) + "?tahun=2026"
    # session + user, scopes (HR scopes + headed placements), the employee (visible_to with
    # its unit), the year's lines with event and program, the menu's own-employee lookup
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


def test_employee_summary_shows_this_year_and_recent_lines(world, client_as, employee, today):
    add_line(world.employee_emp, jp=6, end=today)
    add_line(world.employee_emp, jp=5, end=today, verification=V.PENDING)
    response = client_as(employee).get(
        reverse("training:employee_summary", args=[world.employee_emp.pk])
    )
    content = response.content.decode()
    assert "<strong>6</strong> dari 20 JP" in content
    assert "Menunggu verifikasi" in content


def test_employee_summary_outside_scope_is_404(world, client_as, outsider):
    url = reverse("training:employee_summary", args=[world.employee_emp.pk])
    assert client_as(outsider).get(url).status_code == 404
