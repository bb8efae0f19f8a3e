"""selectors.register_page picks the page and total Django's Paginator.get_page would (#15)."""

from __future__ import annotations

import pytest
from django.core.paginator import Paginator

from positions import selectors
from positions.models import Employee
from tests.factories import EmployeeFactory

NUMBERS = [None, "", "1", "2", "3", "0", "-1", "1.5", "x", "999", 2, 2.0, 1.5]


@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize("query", ["", "zzz-no-match"])
def test_same_page_as_get_page(world, number, query):
    for _ in range(3):
        EmployeeFactory(unit=world.yankes)
    employees = Employee.objects.for_list().search(query).order_by("name", "pk")
    expected = Paginator(employees, 2).get_page(number)
    page = selectors.register_page(employees, number, 2)
    assert page.number == expected.number
    assert page.paginator.count == expected.paginator.count
    assert page.paginator.num_pages == expected.paginator.num_pages
    assert [e.pk for e in page] == [e.pk for e in expected]
    assert all(e.url == e.get_absolute_url() for e in page)


def test_total_rides_on_the_page_query(world, django_assert_num_queries):
    employees = Employee.objects.for_list().order_by("name", "pk")
    total = Employee.objects.count()
    with django_assert_num_queries(1):
        page = selectors.register_page(employees, "1", 2)
        assert page.paginator.count == total
        assert len(page) == 2
