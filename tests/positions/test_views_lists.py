"""Every list page: scoped, and a query budget that does not grow with the rows."""

import pytest
from django.urls import reverse

from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory


def _grow(world, n):
    for _ in range(n):
        position = PositionFactory(unit=world.yankes, parent=world.kabid, kebutuhan=2)
        PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=position)


LISTS = [
    # Every page: session, user, HR scopes, headed posts, nav employee. Then:
    # register: count, rows, unit filter choices, education field choices
    ("positions:employee_list", 8),
    # positions: count, rows
    ("positions:position_list", 7),
    # tree: scope roots, their children, employee counts per depth (two depths)
    ("positions:unit_list", 9),
]


@pytest.mark.parametrize(("name", "budget"), LISTS)
def test_list_query_budget_is_flat(
    client_as, hr_admin, world, django_assert_num_queries, name, budget
):
    client = client_as(hr_admin)
    _grow(world, 3)
    with django_assert_num_queries(budget):
        assert client.get(reverse(name)).status_code == 200
    _grow(world, 30)
    with django_assert_num_queries(budget):
        assert client.get(reverse(name)).status_code == 200


def test_employee_list_is_scoped(client_as, hr_dinkes, world):
    response = client_as(hr_dinkes).get(reverse("positions:employee_list"))
    names = {e.name for e in response.context["page"]}
    assert "Staf Dishub" not in names
    assert {"Perawat Satu", "Kabid Yankes"} <= names


def test_employee_list_search_by_nip_and_name(client_as, hr_admin, world):
    client = client_as(hr_admin)
    by_nip = client.get(reverse("positions:employee_list"), {"q": world.outsider_emp.nip})
    assert [e.pk for e in by_nip.context["page"]] == [world.outsider_emp.pk]
    by_name = client.get(reverse("positions:employee_list"), {"q": "perawat"})
    assert {e.name for e in by_name.context["page"]} == {"Perawat Satu", "Perawat Dua"}


def test_employee_list_htmx_returns_rows_only(client_as, hr_admin, world):
    response = client_as(hr_admin).get(
        reverse("positions:employee_list"), {"q": "perawat"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "<table" in body and "<html" not in body
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_position_list_vacant_filter(client_as, hr_admin, world):
    response = client_as(hr_admin).get(reverse("positions:position_list"), {"lowong": "1"})
    assert {p.pk for p in response.context["page"]} == {world.perawat.pk, world.kadis_dishub.pk}


def test_unit_and_position_pages_outside_scope_are_404(client_as, hr_dinkes, world):
    client = client_as(hr_dinkes)
    assert client.get(reverse("positions:unit_detail", args=[world.dishub.pk])).status_code == 404
    assert client.get(reverse("positions:unit_detail", args=[world.dinkes.pk])).status_code == 200
    url = reverse("positions:position_detail", args=[world.kadis_dishub.pk])
    assert client.get(url).status_code == 404
    url = reverse("positions:position_detail", args=[world.kabid.pk])
    assert client.get(url).status_code == 200


def test_unit_detail_query_budget_is_flat(client_as, hr_admin, world, django_assert_num_queries):
    client = client_as(hr_admin)
    url = reverse("positions:unit_detail", args=[world.dinkes.pk])
    _grow(world, 2)
    client.get(url)
    # session, user, scopes x2, unit, positions, holders, subtree totals, employees,
    # ancestors, children, nav employee
    with django_assert_num_queries(12):
        client.get(url)
    _grow(world, 20)
    with django_assert_num_queries(12):
        assert client.get(url).status_code == 200
