"""The approval inbox and the monitoring list of staff without an approved SKP paginate, and
their page counts come from aggregates the pages already run (no extra COUNT)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from performance import services, views, views_eval
from performance.models import SKP
from positions.models import Employee
from tests.factories import EmployeeFactory, PlacementFactory, SKPFactory

YEAR = timezone.localdate().year


def _submitted(world, n):
    for _ in range(n):
        emp = EmployeeFactory(unit=world.yankes)
        PlacementFactory(employee=emp, position=world.perawat)
        SKPFactory(employee=emp, year=YEAR, submitted=True)


def test_approval_inbox_paginates(world, client_as, manager, monkeypatch):
    monkeypatch.setattr(views, "INBOX_PAGE_SIZE", 2)
    _submitted(world, 3)
    client = client_as(manager)
    url = reverse("performance:approval_inbox")
    first = client.get(url).context["waiting"]
    assert first.paginator.count == 3 and first.paginator.num_pages == 2
    assert len(first) == 2
    second = client.get(url + "?page=2").context["waiting"]
    assert len(second) == 1
    assert {s.pk for s in [*first, *second]} == set(
        SKP.objects.filter(status="diajukan").values_list("pk", flat=True)
    )


@pytest.mark.parametrize("approved", [0, 2])
def test_monitoring_without_approved_skp_paginates_with_the_true_count(
    world, client_as, hr_dinkes, manager, monkeypatch, approved
):
    monkeypatch.setattr(views_eval, "MONITORING_PAGE_SIZE", 2)
    _submitted(world, 2)  # submitted, not approved: still listed
    for skp in SKP.objects.filter(status="diajukan")[:approved]:
        services.approve_skp(skp, user=manager)
    expected = (
        Employee.objects.filter(unit__path__startswith=world.dinkes.path, status="aktif")
        .exclude(pk__in=SKP.objects.filter(year=YEAR, status="disetujui").values("employee_id"))
        .count()
    )
    client = client_as(hr_dinkes)
    url = reverse("performance:monitoring") + f"?unit={world.dinkes.pk}&tahun={YEAR}"
    page = client.get(url).context["without"]
    assert page.paginator.count == expected
    listed = []
    for number in page.paginator.page_range:
        listed += client.get(f"{url}&page={number}").context["without"].object_list
    assert len(listed) == len(set(listed)) == expected
