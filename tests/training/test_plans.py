"""Development plans: built from the needs analysis, edited while draft, approved, exported."""

import io

import openpyxl
import pytest
from django.urls import reverse

from tests.training.helpers import add_nurses, competency, program
from training.models import DevelopmentPlan, PlanItem


@pytest.fixture
def nursing(world):
    from positions.models import PositionCompetency

    PositionCompetency.objects.create(
        position=world.perawat, competency=competency("T.KES.1", "teknis"), level=3
    )
    return program("Asuhan Keperawatan", "teknis", 30, {"T.KES.1": 3})


def _create(client, unit, year=2027):
    return client.post(reverse("training:plan_create"), {"unit": unit.pk, "year": year})


def test_create_builds_one_item_per_employee_top_program(
    client_as, hr_dinkes, world, case, nursing
):
    response = _create(client_as(hr_dinkes), world.dinkes)
    plan = DevelopmentPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("training:plan_detail", args=[plan.pk])
    assert (plan.unit, plan.year, plan.status) == (world.dinkes, 2027, "draft")
    items = {(i.employee.name, i.program.code): i for i in plan.items.select_related("employee")}
    assert set(items) == {
        ("Kabid Yankes", "PKA"),
        ("Perawat Satu", "Asuhan Keperawatan"),
        ("Perawat Dua", "Asuhan Keperawatan"),
    }
    assert items[("Kabid Yankes", "PKA")].reason == (
        "Belum memiliki PKA yang disyaratkan jabatan Administrator"
    )


def test_second_plan_for_same_unit_year_refused(client_as, hr_dinkes, world, case):
    client = client_as(hr_dinkes)
    _create(client, world.dinkes)
    plan = DevelopmentPlan.objects.get()
    response = _create(client, world.dinkes)
    assert response["Location"] == reverse("training:plan_detail", args=[plan.pk])
    assert DevelopmentPlan.objects.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "sudah ada" in page


def test_remove_and_add_item_then_approve_locks(client_as, hr_dinkes, world, case, nursing):
    client = client_as(hr_dinkes)
    _create(client, world.dinkes)
    plan = DevelopmentPlan.objects.get()
    url = reverse("training:plan_detail", args=[plan.pk])
    item = plan.items.get(program__code="PKA")

    client.post(url, {"action": "remove", "item": item.pk})
    assert not plan.items.filter(pk=item.pk).exists()

    client.post(
        url,
        {
            "action": "add",
            "nip": world.manager_emp.nip,
            "program": case.both_gaps.pk,
            "reason": "Usulan kepala bidang",
        },
    )
    assert plan.items.filter(employee=world.manager_emp, program=case.both_gaps).exists()
    # An employee outside the plan's unit is refused with a form error.
    response = client.post(
        url, {"action": "add", "nip": world.outsider_emp.nip, "program": case.pka.pk, "reason": "x"}
    )
    assert "tidak ada di unit ini" in response.content.decode()

    client.post(url, {"action": "approve"})
    plan.refresh_from_db()
    assert plan.status == "approved" and plan.approved_by == hr_dinkes
    count = plan.items.count()
    client.post(url, {"action": "remove", "item": plan.items.first().pk})
    client.post(
        url, {"action": "add", "nip": world.kadis_emp.nip, "program": case.pka.pk, "reason": "x"}
    )
    assert plan.items.count() == count
    page = client.get(url).content.decode()
    assert "Setujui rencana" not in page and "Tambah butir" not in page


def test_access(client_as, world, case, hr_dinkes, hr_dishub, pimpinan, employee):
    _create(client_as(hr_dinkes), world.dinkes)
    plan = DevelopmentPlan.objects.get()
    url = reverse("training:plan_detail", args=[plan.pk])
    assert client_as(hr_dishub).get(url).status_code == 404
    assert client_as(hr_dishub).post(url, {"action": "approve"}).status_code == 404
    assert _create(client_as(hr_dishub), world.dinkes, 2028).status_code == 404
    assert client_as(employee).get(url).status_code == 403
    assert _create(client_as(pimpinan), world.dinkes, 2028).status_code == 403
    response = client_as(pimpinan).get(url)
    assert response.status_code == 200 and "Setujui rencana" not in response.content.decode()
    assert client_as(pimpinan).post(url, {"action": "approve"}).status_code == 403
    assert DevelopmentPlan.objects.get().status == "draft"


def test_export_content(client_as, hr_dinkes, world, case, nursing):
    client = client_as(hr_dinkes)
    _create(client, world.dinkes)
    plan = DevelopmentPlan.objects.get()
    response = client.get(reverse("training:plan_export", args=[plan.pk]))
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Rencana"].iter_rows(values_only=True))
    assert rows[0] == ("Program", "Pegawai", "NIP", "Unit kerja", "Alasan", "Prioritas")
    assert len(rows) == 4
    nurse = next(r for r in rows if r[2] == world.employee_emp.nip)
    assert nurse[0] == "Asuhan Keperawatan"
    assert nurse[3] == world.yankes.name
    assert nurse[4] == "Menutup kesenjangan T.KES.1 (belum dinilai → 3)"
    summary = {r[0]: r for r in workbook["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Asuhan Keperawatan"][3:] == (2, 30, 60)
    assert summary["PKA"][3:] == (1, 200, 200)


@pytest.mark.parametrize("extra", [0, 10])
def test_plan_detail_query_budget_is_flat(
    client_as, hr_dinkes, world, case, nursing, extra, django_assert_num_queries
):
    add_nurses(world, extra)
    client = client_as(hr_dinkes)
    _create(client, world.dinkes)
    plan = DevelopmentPlan.objects.get()
    assert PlanItem.objects.count() == 3 + extra
    # session, user, HR scopes, headed posts, the plan, the items (with employee, unit and
    # program), the nav's own employee, the program choices of the add form = 8.
    with django_assert_num_queries(8):
        response = client.get(reverse("training:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
