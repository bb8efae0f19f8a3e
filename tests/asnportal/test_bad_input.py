"""Odd query and form values never produce a 500 (Unicode digits, huge ids, words)."""

import pytest
from django.urls import reverse

ODD = ["abc", "²", "٣", "99999999999999999999999", "-1", ""]


@pytest.mark.parametrize("value", ODD)
@pytest.mark.parametrize(
    ("name", "param"),
    [
        ("positions:mismatch_report", "unit"),
        ("positions:employee_list", "page"),
        ("positions:employee_list", "unit"),
        ("training:needs", "unit"),
        ("training:needs", "tahun"),
        ("training:compliance", "tahun"),
        ("training:compliance", "unit"),
        ("performance:curve", "tahun"),
        ("performance:monitoring", "unit"),
    ],
)
def test_odd_query_values_are_not_server_errors(client_as, hr_admin, world, name, param, value):
    response = client_as(hr_admin).get(reverse(name), {param: value})
    assert response.status_code in (200, 302, 400, 404)


@pytest.mark.parametrize("value", ["²", "99999999999999999999"])
def test_odd_ids_in_training_posts_are_not_server_errors(client_as, hr_admin, world, value):
    from training.models import TrainingEvent, TrainingProgram

    program = TrainingProgram.objects.create(
        code="X", name="X", category="teknis", method="klasikal", jp=2, provider="X"
    )
    event = TrainingEvent.objects.create(
        program=program,
        name="A",
        start_date="2026-03-01",
        end_date="2026-03-02",
        organiser_unit=world.pemprov,
        quota=5,
    )
    client = client_as(hr_admin)
    enrol = reverse("training:event_enrol", args=[event.pk])
    assert client.post(enrol, {"one": value}).status_code in (200, 302)
    assert client.post(enrol, {"employees": [value]}).status_code in (200, 302)
    attendance = reverse("training:event_attendance", args=[event.pk])
    assert client.post(attendance, {"present": [f"{value}:1", f"1:{value}"]}).status_code in (
        200,
        302,
    )
