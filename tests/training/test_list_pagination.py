"""Lists that grow with the province paginate: the two leadership compliance lists (each
with its own page parameter) and the angkatan of a program."""

import datetime as dt

from django.urls import reverse

from positions.models import today
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory
from training import views, views_ledger
from training.models import TrainingEvent, TrainingProgram


def _new_pengawas(world, days_ago):
    position = PositionFactory(unit=world.yankes, jenis="pengawas", kelas=9, parent=world.kabid)
    emp = EmployeeFactory(unit=world.yankes)
    start = today() - dt.timedelta(days=days_ago)
    PlacementFactory(employee=emp, position=position, start_date=start)
    return emp


def test_leadership_lists_page_independently(world, client_as, hr_dinkes, monkeypatch):
    monkeypatch.setattr(views_ledger, "COMPLIANCE_PAGE_SIZE", 1)
    # Overdue: the kadis and the kabid (TMT 2024). In grace: two pengawas placed this month.
    in_grace = {_new_pengawas(world, 10), _new_pengawas(world, 20)}
    client = client_as(hr_dinkes)
    url = reverse("training:leadership_compliance") + f"?unit={world.dinkes.pk}"

    def names(query=""):
        context = client.get(url + query).context
        return (
            [g.placement.employee for g in context["overdue"]],
            [g.placement.employee for g in context["in_grace"]],
        )

    first = names()
    assert [len(rows) for rows in first] == [1, 1]
    second_overdue = names("&page=2")
    assert second_overdue[1] == first[1]  # the other list stays on its page
    assert {*first[0], *second_overdue[0]} == {world.kadis_emp, world.manager_emp}
    second_grace = names("&tenggang=2")
    assert second_grace[0] == first[0]
    assert {*first[1], *second_grace[1]} == in_grace
    html = client.get(url).content.decode()
    assert "tenggang=2" in html and "page=2" in html


def test_program_events_paginate(world, client_as, hr_dinkes, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    program = TrainingProgram.objects.create(
        code="TI-02", name="Keamanan Siber", category="teknis", method="klasikal", jp=24
    )
    for day in (1, 2, 3):
        TrainingEvent.objects.create(
            program=program,
            name=f"Angkatan {day}",
            start_date=dt.date(2026, 6, day),
            end_date=dt.date(2026, 6, day),
            organiser_unit=world.dinkes,
            quota=10,
        )
    client = client_as(hr_dinkes)
    first = client.get(program.get_absolute_url()).context["events"]
    assert [e.name for e in first] == ["Angkatan 3", "Angkatan 2"]
    second = client.get(program.get_absolute_url() + "?page=2").context["events"]
    assert [e.name for e in second] == ["Angkatan 1"]
