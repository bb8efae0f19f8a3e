"""Nobody records their own training: a pengelola who is also a pegawai does not enrol
themselves, decide their own join request, or record their own attendance or result, since each
of these verifies a row that counts toward the 20 JP and the leadership record
(docs/invariants.md, "Nobody acts on their own record")."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from positions.models import LeadershipTraining, today
from tests.factories import EmployeeFactory, TrainingEventFactory, TrainingProgramFactory
from training import services
from training.models import Attendance, JoinRequest, Participation, Session

OWN = "pelatihan Anda sendiri"


@pytest.fixture
def hr_self(world, hr_dinkes):
    """hr_dinkes's own employee record, inside the Dinas Kesehatan they manage."""
    return EmployeeFactory(name="Pengelola Dinkes", unit=world.yankes, user=hr_dinkes)


@pytest.fixture
def pka_event(world):
    program = TrainingProgramFactory(code="PKA-26", name="PKA", category="pka", jp=120)
    start = today() + dt.timedelta(days=10)
    return TrainingEventFactory(
        program=program,
        organiser_unit=world.dinkes,
        start_date=start,
        end_date=start + dt.timedelta(days=5),
        quota=5,
    )


def _text(response) -> str:
    return response.content.decode()


def test_a_pengelola_does_not_enrol_themselves(world, client_as, hr_dinkes, hr_self, pka_event):
    client = client_as(hr_dinkes)
    url = reverse("training:event_enrol", args=[pka_event.pk])
    page = _text(client.get(url))
    assert "Anda sendiri" in page
    assert f'name="employees" value="{hr_self.pk}"' not in page
    assert f'name="one" value="{hr_self.pk}"' not in page

    for data in ({"employees": [str(hr_self.pk)]}, {"one": str(hr_self.pk)}, {"nip": hr_self.nip}):
        response = client.post(url, data, follow=True)
        assert OWN in _text(response)
    with pytest.raises(ValidationError):
        services.enrol_bulk(pka_event, [world.employee_emp, hr_self], enrolled_by=hr_dinkes)
    assert not Participation.objects.filter(event=pka_event).exists()


def test_a_pengelola_does_not_decide_their_own_join_request(
    world, client_as, hr_dinkes, hr_self, pka_event
):
    request = services.request_join(pka_event, hr_self, reason="Syarat jabatan")
    client = client_as(hr_dinkes)
    page = _text(client.get(reverse("training:join_requests")))
    assert "Permohonan Anda sendiri diputuskan oleh pengelola lain" in page
    assert reverse("training:join_decide", args=[request.pk]) not in page

    response = client.post(
        reverse("training:join_decide", args=[request.pk]), {"decision": "setujui"}, follow=True
    )
    assert OWN in _text(response)
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.DIAJUKAN
    assert not Participation.objects.filter(event=pka_event).exists()


def _enrolled_by_bkd(world, hr_admin, hr_self, event):
    """hr_self and a nurse, enrolled by the BKD's pengelola (as a real second person would)."""
    return {
        p.employee_id: p
        for p in services.enrol_bulk(event, [hr_self, world.employee_emp], enrolled_by=hr_admin)
    }


def test_own_result_is_read_only_and_a_crafted_one_is_not_saved(
    world, client_as, hr_dinkes, hr_admin, hr_self, pka_event
):
    rows = _enrolled_by_bkd(world, hr_admin, hr_self, pka_event)
    own, nurse = rows[hr_self.pk], rows[world.employee_emp.pk]
    client = client_as(hr_dinkes)
    url = reverse("training:event_results", args=[pka_event.pk])
    page = _text(client.get(url))
    assert "Hasil Anda sendiri dicatat oleh pengelola lain" in page
    assert page.count(" disabled>") == 3  # the own row's result, number and file

    data = {"hasil-TOTAL_FORMS": "2", "hasil-INITIAL_FORMS": "2"}
    for i, p in enumerate(sorted([own, nurse], key=lambda p: p.employee.name)):
        data |= {f"hasil-{i}-id": str(p.pk), f"hasil-{i}-result": "lulus"}
        data[f"hasil-{i}-certificate_number"] = f"PKA/{p.pk}"
    assert client.post(url, data).status_code == 302
    own.refresh_from_db()
    nurse.refresh_from_db()
    assert (own.result, own.certificate_number) == ("", "")
    assert (nurse.result, nurse.certificate_number) == ("lulus", f"PKA/{nurse.pk}")
    assert list(LeadershipTraining.objects.values_list("employee_id", flat=True)) == [
        world.employee_emp.pk
    ]

    # The service refuses it too, whoever calls it, and writes nothing.
    with pytest.raises(ValidationError):
        services.record_results(
            pka_event,
            [
                services.ResultRow(nurse, "tidak_lulus", ""),
                services.ResultRow(own, "lulus", "PKA/1"),
            ],
            recorded_by=hr_dinkes,
        )
    nurse.refresh_from_db()
    assert nurse.result == "lulus"


def test_own_attendance_is_kept_as_recorded_by_someone_else(
    world, client_as, hr_dinkes, hr_admin, hr_self, pka_event
):
    rows = _enrolled_by_bkd(world, hr_admin, hr_self, pka_event)
    own, nurse = rows[hr_self.pk], rows[world.employee_emp.pk]
    session = Session.objects.create(
        event=pka_event,
        date=pka_event.start_date,
        start_time=dt.time(8),
        end_time=dt.time(10),
        topic="Pembukaan",
    )
    services.record_attendance(pka_event, {(own.pk, session.pk)}, recorded_by=hr_admin)

    client = client_as(hr_dinkes)
    url = reverse("training:event_attendance", args=[pka_event.pk])
    page = _text(client.get(url))
    assert "Presensi Anda sendiri dicatat oleh pengelola lain" in page
    assert page.count(" disabled ") == 1

    # The disabled box is not posted: the own cell keeps what hr_admin recorded.
    client.post(url, {"present": [f"{nurse.pk}:{session.pk}"]})
    cells = dict(Attendance.objects.filter(session=session).values_list("participation", "present"))
    assert cells == {own.pk: True, nurse.pk: True}
    # Nor does a crafted grid change it, either way.
    services.record_attendance(pka_event, set(), recorded_by=hr_admin)
    client.post(url, {"present": [f"{own.pk}:{session.pk}"]})
    assert Attendance.objects.get(participation=own).present is False
    assert Attendance.objects.get(participation=nurse).present is False
