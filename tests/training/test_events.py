"""Training catalog and events: permissions, enrolment (quota, duplicates, register filters),
attendance, results, certificates and query budgets."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from positions.models import Competency, LeadershipTraining, today
from tests.factories import (
    EmployeeFactory,
    ParticipationFactory,
    TrainingEventFactory,
    TrainingProgramFactory,
)
from training.models import Attendance, Participation, Session, TrainingEvent, TrainingProgram

YEAR = 2026
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_program(**kw) -> TrainingProgram:
    defaults = {
        "code": f"P{TrainingProgram.objects.count() + 1}",
        "name": "Pelatihan Keamanan Informasi",
        "jp": 24,
        "provider": "BPSDM Provinsi Lampung",
    }
    return TrainingProgramFactory(**{**defaults, **kw})


def make_event(world, program=None, **kw) -> TrainingEvent:
    """An angkatan of `program` (a new one by default) organised by the Dinas Kesehatan."""
    return TrainingEventFactory(
        **{"program": program or make_program(), "organiser_unit": world.dinkes, **kw}
    )


def past_training(employee, jp, *, year=YEAR, verification="verified", result="lulus"):
    """A riwayat row outside any event, recorded by HR (not self-reported)."""
    return ParticipationFactory(
        employee=employee,
        start_date=dt.date(year, 1, 10),
        jp=jp,
        result=result,
        verification=verification,
        is_self_reported=False,
    )


def enrol_post(client, event, ids, **extra):
    return client.post(
        reverse("training:event_enrol", args=[event.pk]),
        {"employees": [str(i) for i in ids], **extra},
        follow=True,
    )


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


# --- Catalog permissions --------------------------------------------------------------------


def test_every_logged_in_user_reads_the_catalog(client_as, employee):
    program = make_program(name="Pelatihan Dasar Jaringan")
    response = client_as(employee).get(reverse("training:program_list"))
    assert response.status_code == 200
    assert "Pelatihan Dasar Jaringan" in response.content.decode()
    assert "Tambah program" not in response.content.decode()
    assert client_as(employee).get(program.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("who", ["employee", "pimpinan", "manager"])
def test_non_hr_cannot_create_or_edit_programs(request, client_as, who):
    user = request.getfixturevalue(who)
    program = make_program()
    client = client_as(user)
    assert client.get(reverse("training:program_create")).status_code == 403
    assert client.post(reverse("training:program_edit", args=[program.pk]), {}).status_code == 403


def test_hr_creates_program_with_competency(client_as, hr_dinkes):
    competency = Competency.objects.create(code="T.01", name="Keamanan siber", kind="teknis")
    data = {
        "code": "TI-01",
        "name": "Keamanan Informasi",
        "category": "teknis",
        "method": "e_learning",
        "jp": "24",
        "provider": "BSSN",
        "is_active": "on",
        "competencies-TOTAL_FORMS": "2",
        "competencies-INITIAL_FORMS": "0",
        "competencies-0-competency": str(competency.pk),
        "competencies-0-target_level": "3",
        "competencies-1-competency": "",
        "competencies-1-target_level": "",
    }
    response = client_as(hr_dinkes).post(reverse("training:program_create"), data)
    program = TrainingProgram.objects.get(code="TI-01")
    assert response.status_code == 302
    assert program.method == "e_learning"
    assert list(program.competencies.values_list("competency__code", "target_level")) == [
        ("T.01", 3)
    ]


# --- Events ---------------------------------------------------------------------------------


def event_data(program, unit, **kw):
    return {
        "program": str(program.pk),
        "name": "Angkatan I",
        "start_date": f"{YEAR}-05-04",
        "end_date": f"{YEAR}-05-06",
        "place": "Aula Dinkes",
        "organiser_unit": str(unit.pk),
        "quota": "20",
        **kw,
    }


def test_event_with_organiser_outside_scope_is_refused(client_as, hr_dinkes, world):
    program = make_program()
    response = client_as(hr_dinkes).post(
        reverse("training:event_create"), event_data(program, world.dishub)
    )
    assert response.status_code == 200
    assert "di luar lingkup pengelolaan Anda" in response.content.decode()
    assert not TrainingEvent.objects.exists()


def test_hr_creates_event_in_own_scope(client_as, hr_dinkes, world):
    program = make_program()
    response = client_as(hr_dinkes).post(
        reverse("training:event_create"), event_data(program, world.yankes)
    )
    event = TrainingEvent.objects.get()
    assert response.status_code == 302
    assert event.organiser_unit == world.yankes


def test_event_needs_place_or_online(client_as, hr_dinkes, world):
    program = make_program()
    response = client_as(hr_dinkes).post(
        reverse("training:event_create"), event_data(program, world.dinkes, place="")
    )
    assert "Isi tempat pelaksanaan" in response.content.decode()
    assert not TrainingEvent.objects.exists()


def test_event_outsider_gets_404_and_reader_gets_403(client_as, world, outsider, pimpinan):
    event = make_event(world)
    assert client_as(outsider).get(event.get_absolute_url()).status_code == 404
    client = client_as(pimpinan)
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get(reverse("training:event_enrol", args=[event.pk])).status_code == 403
    assert client.get(reverse("training:event_results", args=[event.pk])).status_code == 403


def test_sessions_formset_saves_and_checks_dates(client_as, hr_dinkes, world):
    event = make_event(world)
    url = reverse("training:event_sessions", args=[event.pk])
    data = {
        "sesi-TOTAL_FORMS": "2",
        "sesi-INITIAL_FORMS": "0",
        "sesi-0-date": f"{YEAR}-03-02",
        "sesi-0-start_time": "08:00",
        "sesi-0-end_time": "12:00",
        "sesi-0-topic": "Kebijakan keamanan",
        "sesi-1-date": f"{YEAR}-04-01",
        "sesi-1-start_time": "08:00",
        "sesi-1-end_time": "07:00",
        "sesi-1-topic": "Di luar jadwal",
    }
    response = client_as(hr_dinkes).post(url, data)
    assert response.status_code == 200
    assert "Tanggal di luar masa pelaksanaan" in response.content.decode()
    assert not Session.objects.exists()
    data.update({"sesi-1-date": "", "sesi-1-start_time": "", "sesi-1-end_time": ""})
    data["sesi-1-topic"] = ""
    assert client_as(hr_dinkes).post(url, data).status_code == 302
    assert list(event.sessions.values_list("topic", flat=True)) == ["Kebijakan keamanan"]


# --- Enrolment ------------------------------------------------------------------------------


def test_bulk_over_quota_enrols_nobody(client_as, hr_dinkes, world):
    event = make_event(world, quota=2)
    ids = [world.employee_emp.pk, world.colleague_emp.pk, world.manager_emp.pk]
    response = enrol_post(client_as(hr_dinkes), event, ids)
    assert "tersisa 2 kursi" in messages_of(response)
    assert "Tidak ada yang didaftarkan" in messages_of(response)
    assert not event.participations.exists()


def test_duplicate_enrolment_is_refused_with_names(client_as, hr_dinkes, world):
    event = make_event(world)
    client = client_as(hr_dinkes)
    enrol_post(client, event, [world.employee_emp.pk])
    response = enrol_post(client, event, [world.employee_emp.pk, world.colleague_emp.pk])
    assert "Sudah terdaftar di angkatan ini: Perawat Satu" in messages_of(response)
    assert list(event.participations.values_list("employee__name", flat=True)) == ["Perawat Satu"]


def test_enrol_one_by_nip(client_as, hr_dinkes, world):
    event = make_event(world)
    client = client_as(hr_dinkes)
    url = reverse("training:event_enrol", args=[event.pk])
    response = client.post(url, {"nip": world.colleague_emp.nip}, follow=True)
    assert "1 pegawai didaftarkan" in messages_of(response)
    # An employee outside the HR user's scope is not found, whatever the NIP.
    response = client.post(url, {"nip": world.outsider_emp.nip}, follow=True)
    assert "NIP tidak ditemukan" in messages_of(response)
    assert event.participations.count() == 1


def test_bulk_enrol_below_20_jp_chooses_exactly_the_right_people(client_as, hr_dinkes, world):
    program = make_program(jp=24, category="teknis", method="klasikal")
    event = make_event(world, program)
    past_training(world.employee_emp, 24)  # already on target
    past_training(world.colleague_emp, 10)  # below: 10 counted
    past_training(world.colleague_emp, 30, verification="pending")  # not counted
    past_training(world.manager_emp, 30, year=YEAR - 1)  # other year: 0 this year
    past_training(world.kadis_emp, 16)
    past_training(world.kadis_emp, 8)  # 24 in total: on target
    client = client_as(hr_dinkes)
    url = reverse("training:event_enrol", args=[event.pk])
    response = client.get(url, {"unit": world.yankes.pk, "below_target": "on"})
    shown = {e.pk for e in response.context["page"]}
    assert shown == {world.colleague_emp.pk, world.manager_emp.pk}
    unfiltered = {e.pk for e in client.get(url).context["page"]}
    assert world.outsider_emp.pk not in unfiltered  # Dishub is outside hr_dinkes' scope
    assert world.kadis_emp.pk in unfiltered

    response = enrol_post(client, event, sorted(shown))
    assert "2 pegawai didaftarkan" in messages_of(response)
    rows = list(event.participations.all())
    assert {p.employee_id for p in rows} == shown
    for p in rows:
        assert (p.jp, p.category, p.method) == (24, "teknis", "klasikal")
        assert (p.start_date, p.end_date) == (event.start_date, event.end_date)
        assert p.verification == "verified" and p.is_self_reported is False


def test_enrolling_outside_scope_is_refused(client_as, hr_dinkes, world):
    event = make_event(world)
    response = enrol_post(client_as(hr_dinkes), event, [world.outsider_emp.pk])
    assert "di luar lingkup" in messages_of(response)
    assert not event.participations.exists()


# --- Attendance and results -----------------------------------------------------------------


def enrolled_event(world, hr, *, program=None, sessions=2):
    from training import services

    event = make_event(world, program)
    for i in range(sessions):
        Session.objects.create(
            event=event,
            date=event.start_date,
            start_time=dt.time(8 + 2 * i),
            end_time=dt.time(9 + 2 * i),
            topic=f"Materi {i + 1}",
        )
    services.enrol_bulk(event, [world.employee_emp, world.colleague_emp], enrolled_by=hr)
    return event


def test_attendance_grid_is_saved(client_as, hr_dinkes, world):
    event = enrolled_event(world, hr_dinkes)
    p1, p2 = event.participations.order_by("employee__name")
    s1, s2 = event.sessions.all()
    url = reverse("training:event_attendance", args=[event.pk])
    client = client_as(hr_dinkes)
    client.post(url, {"present": [f"{p1.pk}:{s1.pk}", f"{p1.pk}:{s2.pk}", f"{p2.pk}:{s1.pk}"]})
    assert Attendance.objects.filter(present=True).count() == 3
    assert Attendance.objects.count() == 4
    client.post(url, {"present": [f"{p2.pk}:{s2.pk}"]})
    assert list(
        Attendance.objects.filter(present=True).values_list("participation", "session")
    ) == [(p2.pk, s2.pk)]
    detail = client.get(event.get_absolute_url())
    assert "50%" in detail.content.decode()


def results_data(event, rows):
    data = {"hasil-TOTAL_FORMS": str(len(rows)), "hasil-INITIAL_FORMS": str(len(rows))}
    for i, (p, result, number) in enumerate(rows):
        data.update(
            {
                f"hasil-{i}-id": str(p.pk),
                f"hasil-{i}-result": result,
                f"hasil-{i}-certificate_number": number,
            }
        )
    return data


def test_results_are_saved(client_as, hr_dinkes, world):
    event = enrolled_event(world, hr_dinkes)
    p1, p2 = event.participations.order_by("employee__name")
    url = reverse("training:event_results", args=[event.pk])
    data = results_data(event, [(p1, "lulus", "SRT/001"), (p2, "tidak_lulus", "")])
    response = client_as(hr_dinkes).post(url, data)
    assert response.status_code == 302
    p1.refresh_from_db()
    p2.refresh_from_db()
    assert (p1.result, p1.certificate_number) == ("lulus", "SRT/001")
    assert p2.result == "tidak_lulus"
    assert list(Participation.objects.counted().values_list("pk", flat=True)) == [p1.pk]
    # Not a leadership program: no leadership record.
    assert not LeadershipTraining.objects.exists()


def test_certificate_for_a_failed_participant_is_refused(client_as, hr_dinkes, world):
    event = enrolled_event(world, hr_dinkes)
    p1, p2 = event.participations.order_by("employee__name")
    data = results_data(event, [(p1, "tidak_lulus", "SRT/9"), (p2, "", "")])
    response = client_as(hr_dinkes).post(reverse("training:event_results", args=[event.pk]), data)
    assert response.status_code == 200
    assert "hanya dicatat untuk peserta yang lulus" in response.content.decode()
    p1.refresh_from_db()
    assert p1.result == ""


def test_leadership_program_lulus_creates_leadership_training(client_as, hr_dinkes, world):
    program = make_program(name="PKP", category="pkp", jp=60)
    event = enrolled_event(world, hr_dinkes, program=program)
    p1, p2 = event.participations.order_by("employee__name")
    data = results_data(event, [(p1, "lulus", "PKP/2026/17"), (p2, "tidak_lulus", "")])
    client_as(hr_dinkes).post(reverse("training:event_results", args=[event.pk]), data)
    record = LeadershipTraining.objects.get()
    assert (record.employee, record.kind, record.year, record.certificate_number) == (
        p1.employee,
        "pkp",
        YEAR,
        "PKP/2026/17",
    )


def test_renamed_executable_is_refused_and_pdf_is_stored(client_as, hr_dinkes, world):
    event = enrolled_event(world, hr_dinkes)
    p1, p2 = event.participations.order_by("employee__name")
    url = reverse("training:event_results", args=[event.pk])
    client = client_as(hr_dinkes)
    data = results_data(event, [(p1, "lulus", "SRT/1"), (p2, "", "")])
    fake = SimpleUploadedFile("sertifikat.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    response = client.post(url, {**data, "hasil-0-certificate": fake})
    assert response.status_code == 200
    assert "tidak sesuai dengan jenisnya" in response.content.decode()
    p1.refresh_from_db()
    assert p1.result == "" and not p1.certificate

    exe = SimpleUploadedFile("setup.exe", b"MZ\x90\x00")
    response = client.post(url, {**data, "hasil-0-certificate": exe})
    assert "Gunakan PDF, JPG atau PNG" in response.content.decode()

    real = SimpleUploadedFile("Sertifikat Perawat.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {**data, "hasil-0-certificate": real}).status_code == 302
    p1.refresh_from_db()
    assert p1.certificate_name == "Sertifikat Perawat.pdf"
    assert "Perawat" not in p1.certificate.name  # stored under an unguessable name


def test_certificate_download_is_scoped(client_as, hr_dinkes, hr_dishub, world, employee):
    event = enrolled_event(world, hr_dinkes)
    p1 = event.participations.get(employee=world.employee_emp)
    p1.result = "lulus"
    p1.certificate_name = "sertifikat.pdf"
    p1.certificate.save("sertifikat.pdf", SimpleUploadedFile("sertifikat.pdf", PDF))
    url = reverse("training:certificate_download", args=[p1.pk])
    response = client_as(employee).get(url)  # the participant themself
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_as(hr_dishub).get(url).status_code == 404
    p2 = event.participations.get(employee=world.colleague_emp)  # no file: 404 for everyone
    assert (
        client_as(hr_dinkes).get(reverse("training:certificate_download", args=[p2.pk])).status_code
        == 404
    )


# --- Query budgets --------------------------------------------------------------------------


def _program_list(client, world, n, budget, django_assert_num_queries):
    """The program list with `n` programs, each with an event, read in `budget` queries."""
    for i in range(n):
        make_event(world, make_program(code=f"Q{i}"))
    with django_assert_num_queries(budget):
        return client.get(reverse("training:program_list"))


@pytest.mark.parametrize("n", [2, 8])
def test_program_list_queries(client_as, employee, world, django_assert_num_queries, n):
    # session, user, programs count (paginator), HR scopes + headed placements (cached on the
    # user), own employee (with unit, cached: nav and the events open to the pegawai), programs
    # page, events open to the pegawai's instansi.
    response = _program_list(client_as(employee), world, n, 8, django_assert_num_queries)
    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 8])
def test_program_list_queries_for_hr(client_as, hr_dinkes, world, django_assert_num_queries, n):
    # session, user, HR scopes, headed placements, programs count, programs page,
    # events (+program, +unit, enrolled count), own employee (nav)
    response = _program_list(client_as(hr_dinkes), world, n, 8, django_assert_num_queries)
    assert len(response.context["events"]) == n


@pytest.mark.parametrize("extra", [0, 6])
def test_event_detail_queries(client_as, hr_dinkes, world, django_assert_num_queries, extra):
    event = enrolled_event(world, hr_dinkes)
    from training import services

    if extra:
        others = [EmployeeFactory(unit=world.yankes) for _ in range(extra)]
        services.enrol_bulk(event, others, enrolled_by=hr_dinkes)
    client = client_as(hr_dinkes)
    # session, user, HR scopes, headed placements, event (+program, +unit, enrolled count),
    # sessions, participants (+employee, present count), own employee (nav), pending join
    # requests of the event (the organiser decides them)
    with django_assert_num_queries(9):
        response = client.get(event.get_absolute_url())
    assert len(response.context["participants"]) == 2 + extra


@pytest.mark.parametrize("extra", [0, 6])
def test_event_enrol_queries(client_as, hr_dinkes, world, django_assert_num_queries, extra):
    event = make_event(world)
    for _ in range(extra):
        past_training(EmployeeFactory(unit=world.yankes), 5)
    client = client_as(hr_dinkes)
    url = reverse("training:event_enrol", args=[event.pk])
    # session, user, HR scopes, headed placements, event (+program, +unit, enrolled count),
    # employees count (paginator), employees page (+unit, jabatan, year JP, enrolled
    # subqueries), unit choices, education field choices, own employee (nav)
    with django_assert_num_queries(10):
        response = client.get(url, {"below_target": "on"})
    # Dinas Kesehatan's four employees of the cast, plus the extras, all below 20 JP.
    assert len(response.context["page"]) == 4 + extra


def test_enrol_one_from_the_list_button(client_as, hr_dinkes, world):
    event = make_event(world)
    url = reverse("training:event_enrol", args=[event.pk])
    response = client_as(hr_dinkes).post(
        url, {"one": str(world.manager_emp.pk), "employees": [str(world.colleague_emp.pk)]}
    )
    assert response.status_code == 302
    assert list(event.participations.values_list("employee", flat=True)) == [world.manager_emp.pk]


def test_enrol_employee_service_refuses_a_reader(world, pimpinan, hr_dinkes):
    from django.core.exceptions import PermissionDenied

    from training import services

    event = make_event(world)
    with pytest.raises(PermissionDenied):
        services.enrol_employee(event, world.employee_emp, enrolled_by=pimpinan)
    p = services.enrol_employee(event, world.employee_emp, enrolled_by=hr_dinkes)
    assert p.verified_by == hr_dinkes


def test_quota_cannot_drop_below_enrolled(client_as, hr_dinkes, world):
    event = enrolled_event(world, hr_dinkes)
    data = event_data(event.program, world.dinkes, quota="1")
    response = client_as(hr_dinkes).post(reverse("training:event_edit", args=[event.pk]), data)
    assert "Kuota tidak boleh kurang dari peserta terdaftar (2)" in response.content.decode()
    event.refresh_from_db()
    assert event.quota == 30


def test_hr_of_another_scope_sees_only_the_participants_they_may_see(
    client_as, hr_admin, hr_dinkes, world
):
    """An event of the province, open to its staff: the BKD enrolled a Dinkes nurse and a
    Dishub officer; the Dinkes pengelola (a pegawai too, so the event is open to them) sees
    the nurse, not the officer."""
    EmployeeFactory(unit=world.yankes, user=hr_dinkes)
    start = today() + dt.timedelta(days=10)
    event = make_event(
        world,
        organiser_unit=world.pemprov,
        quota=5,
        start_date=start,
        end_date=start + dt.timedelta(days=2),
    )
    from training import services

    services.enrol_bulk(event, [world.employee_emp, world.outsider_emp], enrolled_by=hr_admin)
    page = client_as(hr_dinkes).get(event.get_absolute_url())
    assert page.status_code == 200
    shown = [p.employee for p in page.context["participants"]]
    assert shown == [world.employee_emp]
    assert world.outsider_emp.nip not in page.content.decode()
    everyone = client_as(hr_admin).get(event.get_absolute_url()).context["participants"]
    assert {p.employee for p in everyone} == {world.employee_emp, world.outsider_emp}
