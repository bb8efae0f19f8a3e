"""A pegawai asks to join an open event from their home page; the organiser's pengelola decides.
The participant can open the page of an event they attend (it was a 404)."""

import datetime as dt

import pytest
from django.urls import reverse

from positions.models import today
from tests.factories import ParticipationFactory, make_unit
from training import selectors, services
from training.models import JoinRequest, Participation, TrainingEvent, TrainingProgram


def _event(world, *, starts_in_days=10, quota=2, unit=None) -> TrainingEvent:
    program = TrainingProgram.objects.create(
        code=f"J{TrainingProgram.objects.count() + 1}",
        name="Pelatihan Pelayanan Prima",
        category="teknis",
        method="klasikal",
        jp=16,
        provider="BPSDM Provinsi Lampung",
    )
    start = today() + dt.timedelta(days=starts_in_days)
    return TrainingEvent.objects.create(
        program=program,
        name="Angkatan I",
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        organiser_unit=unit or world.dinkes,
        quota=quota,
    )


@pytest.mark.django_db
def test_open_events_list_future_events_with_seats_of_own_instansi(world):
    open_event = _event(world)
    _event(world, starts_in_days=-1)  # already started
    full = _event(world, quota=1)
    ParticipationFactory(seat=True, event=full, employee=world.colleague_emp, jp=16)
    events = selectors.open_events_for(world.employee_emp)
    assert [e.pk for e in events] == [open_event.pk]
    assert events[0].seats_left == 2
    assert events[0].request_status == ""


@pytest.mark.django_db
def test_pegawai_asks_and_hr_approves_enrols_with_a_seat(world, client_as, employee, hr_dinkes):
    event = _event(world)
    client = client_as(employee)
    response = client.post(
        reverse("training:event_join", args=[event.pk]), {"reason": "Tugas pelayanan"}, follow=True
    )
    assert "diajukan" in response.content.decode()
    request = JoinRequest.objects.get(event=event, employee=world.employee_emp)
    assert request.status == "diajukan"
    assert selectors.open_events_for(world.employee_emp)[0].request_status == "diajukan"

    # A second ask while pending is refused with a message, not a second row.
    client.post(reverse("training:event_join", args=[event.pk]), {}, follow=True)
    assert JoinRequest.objects.filter(event=event).count() == 1

    client = client_as(hr_dinkes)
    page = client.get(reverse("training:join_requests"))
    assert "Perawat Satu" in page.content.decode()
    client.post(reverse("training:join_decide", args=[request.pk]), {"decision": "setujui"})
    request.refresh_from_db()
    assert request.status == "disetujui"
    participation = Participation.objects.get(event=event, employee=world.employee_emp)
    assert participation.verification == "verified"


@pytest.mark.django_db
def test_decline_needs_a_note(world, hr_dinkes):
    event = _event(world)
    request = services.request_join(event, world.employee_emp)
    with pytest.raises(Exception, match="alasan penolakan"):
        services.decide_join(request, approve=False, decided_by=hr_dinkes, note=" ")
    services.decide_join(
        request, approve=False, decided_by=hr_dinkes, note="Kuota untuk bidang lain"
    )
    request.refresh_from_db()
    assert request.status == "ditolak"
    assert not Participation.objects.filter(event=event).exists()


@pytest.mark.django_db
def test_approval_refused_when_quota_is_full(world, hr_dinkes):
    event = _event(world, quota=1)
    first = services.request_join(event, world.employee_emp)
    second = services.request_join(event, world.colleague_emp)
    services.decide_join(first, approve=True, decided_by=hr_dinkes)
    with pytest.raises(Exception, match="Kuota tidak cukup"):
        services.decide_join(second, approve=True, decided_by=hr_dinkes)
    second.refresh_from_db()
    assert second.status == "diajukan"
    assert event.participations.count() == 1


@pytest.mark.django_db
def test_only_the_organisers_pengelola_decides(world, client_as, hr_dishub):
    event = _event(world)
    request = services.request_join(event, world.employee_emp)
    response = client_as(hr_dishub).post(
        reverse("training:join_decide", args=[request.pk]), {"decision": "setujui"}
    )
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == "diajukan"


@pytest.mark.django_db
def test_pegawai_cannot_decide(world, client_as, employee):
    event = _event(world)
    request = services.request_join(event, world.employee_emp)
    assert client_as(employee).get(reverse("training:join_requests")).status_code == 403
    response = client_as(employee).post(
        reverse("training:join_decide", args=[request.pk]), {"decision": "setujui"}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_participant_opens_the_event_page_and_sees_only_own_row(world, client_as, employee):
    event = _event(world, starts_in_days=-30)  # past event, no longer open
    for emp in (world.employee_emp, world.colleague_emp):
        ParticipationFactory(seat=True, event=event, employee=emp, jp=16)
    response = client_as(employee).get(reverse("training:event_detail", args=[event.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Perawat Satu" in body
    assert "Perawat Dua" not in body
    assert "Keikutsertaan Anda" in body


@pytest.mark.django_db
def test_outsider_cannot_open_an_event_of_another_instansi(world, client_as, outsider):
    other_root = make_unit("Kabupaten Lain")
    event = _event(world, unit=other_root)
    response = client_as(outsider).get(reverse("training:event_detail", args=[event.pk]))
    assert response.status_code == 404
    with pytest.raises(Exception, match="tidak terbuka"):
        services.request_join(event, world.outsider_emp)
