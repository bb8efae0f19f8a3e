"""The home page of every role (pegawai, penilai, pengelola kepegawaian, pimpinan), the navbar
badge, and their query budgets."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from home import calendar
from home.models import Announcement
from performance import services as performance_services
from performance.models import SKP, Evaluation, ReportDocument, ReportJob
from positions.models import today
from tests.factories import EmployeeFactory, PlacementFactory, advance
from tests.performance.report_helpers import rated_skp
from training import services as training_services
from training.models import Participation, TrainingEvent, TrainingProgram

URL = reverse("home:home")


def _skp(employee, *, status: str = SKP.Status.DRAFT, year: int | None = None) -> SKP:
    """An SKP taken to `status` through the services (tests.factories.advance): past the
    draft, a perawat's RHK cascade from the kabid's SKP, which is approved first."""
    skp = performance_services.create_skp(
        employee, year=year or today().year, pendekatan="kuantitatif"
    )
    return advance(skp, status)


def _document(employee, year: int = 2025) -> ReportDocument:
    skp = rated_skp(employee, year=year)
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.EMPLOYEE,
        employee=employee,
        year=year,
        requested_by=employee.user,
        state=ReportJob.State.DONE,
    )
    return ReportDocument.objects.create(
        job=job,
        employee=employee,
        skp=skp,
        state=ReportDocument.State.DONE,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="laporan.pdf"),
        sha256="0" * 64,
    )


def _add_staff(world, n: int) -> None:
    """More subordinates of the kabid, some with a submitted SKP: budgets must not grow with
    them. The status is written directly on purpose: submitting through the services first
    approves the kabid's own SKP (the perawat's RHK cascade from it), which would change the
    kabid's home between the two measurements of test_home_queries_do_not_grow."""
    for i in range(n):
        person = EmployeeFactory(unit=world.yankes)
        PlacementFactory(employee=person, position=world.perawat)
        if i % 2:
            skp = _skp(person)
            SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DIAJUKAN)


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- Pegawai ---------------------------------------------------------------------------------


def test_pegawai_without_skp_is_asked_to_create_one(client_as, employee, world):
    response = client_as(employee).get(URL)
    body = response.content.decode()
    year = today().year
    assert f"Buat SKP {year}" in body
    assert reverse("performance:skp_create") in body
    assert "Realisasi dapat diisi setelah SKP" in body
    assert "0 dari 20 JP" in body
    assert 'data-testid="home-penilai"' not in body
    assert 'data-testid="home-hr"' not in body


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (SKP.Status.DRAFT, "Lengkapi SKP"),
        (SKP.Status.DIKEMBALIKAN, "Perbaiki SKP"),
        (SKP.Status.DIAJUKAN, "menunggu persetujuan"),
    ],
)
def test_pegawai_sees_the_next_step_of_their_skp(client_as, employee, world, status, label):
    skp = _skp(world.employee_emp, status=status)
    body = client_as(employee).get(URL).content.decode()
    assert label in body
    assert reverse("performance:skp_detail", args=[skp.pk]) in body


def test_approved_skp_leads_straight_to_the_realisasi_page(client_as, employee, world):
    from performance.selectors import open_period

    skp = _skp(world.employee_emp, status=SKP.Status.DISETUJUI)
    body = client_as(employee).get(URL).content.decode()
    period = open_period(today())
    url = reverse("performance:evaluation", args=[skp.pk, period.period])
    assert f'href="{url}" data-testid="isi-realisasi"' in body


def test_pegawai_downloads_their_own_final_document(client_as, employee, world):
    document = _document(world.employee_emp)
    client = client_as(employee)
    body = client.get(URL).content.decode()
    url = reverse("performance:report_document", args=[document.pk])
    assert url in body
    assert "Dokumen evaluasi kinerja 2025" in body
    assert client.get(url).status_code == 200


def test_pegawai_prints_a_final_year_not_yet_printed_from_home(
    client_as, employee, world, django_capture_on_commit_callbacks
):
    rated_skp(world.employee_emp, year=2025)  # final TW IV evaluation, no document yet
    client = client_as(employee)
    body = client.get(URL).content.decode()
    assert "Cetak dokumen evaluasi 2025" in body
    start = reverse("performance:report_employee_start", args=[world.employee_emp.pk])
    with django_capture_on_commit_callbacks(execute=True):  # the tasks run eagerly in tests
        client.post(start, {"tahun": "2025", "next": URL})
    document = ReportDocument.objects.get(employee=world.employee_emp, job__year=2025)
    assert document.state == ReportDocument.State.DONE, document.error
    body = client.get(URL).content.decode()
    assert "Cetak dokumen evaluasi 2025" not in body
    assert reverse("performance:report_document", args=[document.pk]) in body


def test_pegawai_sees_counted_jp_against_twenty(client_as, employee, world):
    from training.models import Participation

    Participation.objects.create(
        employee=world.employee_emp,
        title="E-learning SKP",
        method="e_learning",
        category="seminar",
        start_date=dt.date(today().year, 1, 5),
        end_date=dt.date(today().year, 1, 5),
        jp=6,
        result=Participation.Result.LULUS,
        verification=Participation.Verification.VERIFIED,
        is_self_reported=True,
    )
    body = client_as(employee).get(URL).content.decode()
    assert "6 dari 20 JP" in body
    assert "kurang 14 JP" in body
    assert 'value="30"' in body  # the progress bar


def test_pegawai_asks_to_join_an_open_event_from_home(client_as, employee, world):
    from training.models import JoinRequest, TrainingEvent, TrainingProgram

    program = TrainingProgram.objects.create(
        code="TEK-1", name="Pelatihan Triase", category="teknis", method="klasikal", jp=24,
        provider="BPSDM",
    )  # fmt: skip
    start = today() + dt.timedelta(days=20)
    event = TrainingEvent.objects.create(
        program=program, name="Angkatan I", start_date=start, end_date=start, quota=5,
        organiser_unit=world.dinkes,
    )  # fmt: skip
    client = client_as(employee)
    body = client.get(URL).content.decode()
    join = reverse("training:event_join", args=[event.pk])
    assert f'action="{join}"' in body and "Ajukan ikut" in body
    response = client.post(join, {"next": URL})
    assert response.status_code == 302 and response["Location"] == URL
    assert JoinRequest.objects.filter(event=event, employee=world.employee_emp).exists()
    assert "Menunggu persetujuan" in client.get(URL).content.decode()


def test_an_open_event_of_next_year_says_which_years_jp_it_counts_to(client_as, employee, world):
    """In December the card said '0 dari 20 JP 2026 · kurang 20 JP' over events that all
    start in 2027 and cannot close the 2026 gap."""
    program = TrainingProgram.objects.create(
        code="TEK-2", name="Pelatihan Gizi", category="teknis", jp=24, provider="BPSDM"
    )
    start = dt.date(today().year + 1, 1, 15)
    TrainingEvent.objects.create(
        program=program,
        name="Angkatan I",
        start_date=start,
        end_date=start,
        quota=5,
        organiser_unit=world.dinkes,
    )
    body = client_as(employee).get(URL).content.decode()
    assert f"24 JP (dihitung ke JP {start.year})" in body
    assert f"Untuk JP {today().year}, laporkan kegiatan" in body


# --- Penilai ---------------------------------------------------------------------------------


def test_penilai_sees_skp_waiting_and_the_badge(client_as, manager, world):
    _skp(world.employee_emp, status=SKP.Status.DIAJUKAN)
    response = client_as(manager).get(URL)
    body = response.content.decode()
    assert response.context["penilai"].skps_waiting == 1
    assert f'href="{reverse("performance:approval_inbox")}" data-testid="skps-waiting"' in body
    assert 'data-testid="nav-badge">1<span class="visually-hidden"> menunggu persetujuan' in body


def test_penilai_lists_subordinates_without_skp(client_as, manager, world):
    _skp(world.employee_emp)
    penilai = client_as(manager).get(URL).context["penilai"]
    assert penilai.without_skp == [world.colleague_emp]


def test_penilai_sees_evaluations_sent_for_rating(client_as, manager, world):
    skp = _skp(world.employee_emp, status=SKP.Status.DISETUJUI)
    evaluation = Evaluation.objects.create(skp=skp, period="tw1")
    Evaluation.objects.filter(pk=evaluation.pk).update(realisasi_sent_at=dt.datetime.now(dt.UTC))
    response = client_as(manager).get(URL)
    assert response.context["penilai"].evaluations_waiting == 1
    assert evaluation.get_absolute_url() in response.content.decode()


def test_badge_is_shown_on_every_page_but_not_to_a_pegawai(client_as, manager, employee, world):
    _skp(world.employee_emp, status=SKP.Status.DIAJUKAN)
    page = reverse("performance:skp_list")
    assert 'data-testid="nav-badge"' in client_as(manager).get(page).content.decode()
    assert 'data-testid="nav-badge"' not in client_as(employee).get(page).content.decode()


# --- Pengelola kepegawaian -------------------------------------------------------------------


def test_hr_sees_deadlines_per_unit(client_as, hr_dinkes, world):
    _skp(world.employee_emp, status=SKP.Status.DIAJUKAN)
    _skp(world.colleague_emp, status=SKP.Status.DISETUJUI)
    # A third perawat without an SKP (the kabid's is approved: the perawat's cascade from it).
    PlacementFactory(employee=EmployeeFactory(unit=world.yankes), position=world.perawat)
    response = client_as(hr_dinkes).get(URL)
    hr = response.context["hr"]
    assert [row.unit for row in hr.rows] == [world.yankes]
    row = hr.rows[0]
    # kabid, three perawat in Bidang Yankes (the kadis sits in the dinas itself: totals only)
    assert (row.employees, row.skp_submitted, row.skp_approved) == (4, 1, 2)
    assert row.skp_not_submitted == 1
    body = response.content.decode()
    assert f"?unit={world.yankes.pk}&amp;tahun={today().year}" in body
    assert calendar.skp_deadline(today().year).label in body


def test_hr_counts_evaluations_not_final_of_the_due_period(client_as, hr_dinkes, world):
    due = calendar.evaluation_due(today())
    rated = _skp(world.employee_emp, status=SKP.Status.DISETUJUI, year=due.year)
    _skp(world.colleague_emp, status=SKP.Status.DISETUJUI, year=due.year)
    Evaluation.objects.create(
        skp=rated,
        period=due.period,
        status=Evaluation.Status.FINAL,
        rating_hasil="sesuai",
        rating_perilaku="sesuai",
        predikat="baik",
    )
    row = client_as(hr_dinkes).get(URL).context["hr"].rows[0]
    # Approved: the two perawat's and the kabid's (their RHK cascade from it); one rated.
    assert (row.skp_approved_due, row.evaluated, row.evaluations_open) == (3, 1, 2)


def test_hr_sees_jp_compliance_jobs_and_imports(client_as, hr_dinkes, world):
    from positions import importing

    job = ReportJob.objects.create(
        kind=ReportJob.Kind.UNIT, unit=world.dinkes, year=2025, requested_by=hr_dinkes
    )
    batch = importing.create_batch(filename="pegawai.xlsx", raw_rows=[], user=hr_dinkes)
    response = client_as(hr_dinkes).get(URL)
    body = response.content.decode()
    compliance = response.context["hr"].compliance
    assert [(c.unit, c.active, c.compliant) for c in compliance] == [(world.dinkes, 4, 0)]
    assert job.get_absolute_url() in body
    assert reverse("positions:import_preview", args=[batch.pk]) in body


def test_hr_of_the_province_sees_perangkat_daerah_rows(client_as, hr_admin, world):
    rows = client_as(hr_admin).get(URL).context["hr"].rows
    assert {row.unit.name: row.employees for row in rows} == {
        "Dinas Kesehatan": 4,
        "Dinas Perhubungan": 1,
    }


# --- Pimpinan --------------------------------------------------------------------------------


def test_pimpinan_home_shows_the_dashboard_and_no_hr_section(client_as, pimpinan, world):
    response = client_as(pimpinan).get(URL)
    body = response.content.decode()
    assert 'data-testid="pimpinan-dashboard"' in body
    assert "hr" not in response.context
    assert "pegawai" not in response.context


def test_kepala_bidang_sees_own_todos_before_penilai_section(client_as, manager, world):
    body = client_as(manager).get(URL).content.decode()
    assert body.index('data-testid="home-pegawai"') < body.index('data-testid="home-penilai"')


def test_what_waits_for_each_role_is_named_above_the_sections(client_as, manager, world):
    """The penilai's section sat below their own SKP card and the open trainings (y = 1,850 px
    of 2,300 on a phone): the counts are now in one line under the greeting."""
    _skp(world.employee_emp, status=SKP.Status.DIAJUKAN)
    body = client_as(manager).get(URL).content.decode()
    bar = body[body.index('data-testid="waiting-for-me"') :]
    assert "1 SKP menunggu persetujuan" in bar[: bar.index("</nav>")]
    assert body.index('data-testid="waiting-for-me"') < body.index('data-testid="home-pegawai"')


def test_hr_sees_the_join_requests_and_self_reports_waiting_for_them(client_as, hr_dinkes, world):
    program = TrainingProgram.objects.create(
        code="J1", name="Pelayanan Prima", category="teknis", jp=16, provider="BPSDM"
    )
    start = today() + dt.timedelta(days=10)
    event = TrainingEvent.objects.create(
        program=program,
        name="Angkatan I",
        start_date=start,
        end_date=start + dt.timedelta(days=1),
        organiser_unit=world.dinkes,
        quota=5,
    )
    training_services.request_join(event, world.employee_emp)
    Participation.objects.create(
        employee=world.colleague_emp,
        title="Webinar",
        category="seminar",
        method="daring",
        start_date=today(),
        end_date=today(),
        jp=2,
        is_self_reported=True,
    )
    body = client_as(hr_dinkes).get(URL).content.decode()
    bar = body[body.index('data-testid="waiting-for-me"') :]
    bar = bar[: bar.index("</nav>")]
    assert "1 permohonan ikut pelatihan" in bar and reverse("training:join_requests") in bar
    assert "1 laporan kegiatan mandiri untuk diverifikasi" in bar
    assert reverse("training:verification_list") in bar


# --- Pengumuman on the home page -------------------------------------------------------------


def test_current_announcement_shows_to_those_concerned(
    client_as, hr_dinkes, employee, outsider, pimpinan, world
):
    for title, body, first_day, last_day in [
        ("Batas SKP", "Ajukan SKP sebelum akhir Januari.", -1, 5),
        ("Sudah lewat", "x", -10, -1),
    ]:
        Announcement.objects.create(
            author=hr_dinkes,
            unit=world.dinkes,
            title=title,
            body=body,
            starts_on=today() + dt.timedelta(days=first_day),
            ends_on=today() + dt.timedelta(days=last_day),
        )
    assert "Batas SKP" in client_as(employee).get(URL).content.decode()
    assert "Batas SKP" in client_as(pimpinan).get(URL).content.decode()
    assert "Batas SKP" not in client_as(outsider).get(URL).content.decode()
    assert "Sudah lewat" not in client_as(employee).get(URL).content.decode()


# --- Query budgets ---------------------------------------------------------------------------

# Every role: session, user, the two scope queries (HR scopes, headed posts), own employee
# (+unit), current pengumuman (visibility in SQL): 6.
HOME_BUDGETS = {
    # 6 + SKP of the year, its missing items for a draft (RHK with IKI, the penilai's SKP),
    # counted JP, open events, documents, final years not yet printed
    "employee": 13,
    # 6 + leader posts (may they write pengumuman), SKP of the year (none: "Buat SKP"), counted
    # JP, open events, documents, final years not yet printed, SKP waiting (COUNT, reused by
    # the badge), evaluations waiting (COUNT and the first rows), subordinates without SKP
    "manager": 16,
    # 6 + scope roots, report jobs, import batches, units below the roots, staff per unit,
    # SKP per unit, final evaluations per unit, JP compliance of the root, and what waits for
    # their decision (join requests, self-reports to verify: two COUNTs)
    "hr_dinkes": 16,
    "hr_admin": 16,
    # 6 + the pimpinan dashboard of home.pimpinan (15 here: figures per perangkat daerah,
    # curve, BUP ages in use and retirements, kesesuaian by year; tests/home/test_pimpinan.py
    # itemises them)
    "pimpinan": 21,
}


@pytest.mark.parametrize("role", list(HOME_BUDGETS))
def test_home_queries_do_not_grow(world, client_as, request, role, django_assert_num_queries):
    client = client_as(request.getfixturevalue(role))
    _skp(world.employee_emp)
    _add_staff(world, 1)
    # ?segarkan=1: the scope-wide figures are computed, not read from the cache (core/figures.py;
    # tests/home/test_figures_cache.py counts the cached reads).
    with django_assert_num_queries(HOME_BUDGETS[role]):
        assert client.get(URL, {"segarkan": "1"}).status_code == 200
    _add_staff(world, 6)
    with django_assert_num_queries(HOME_BUDGETS[role]):
        assert client.get(URL, {"segarkan": "1"}).status_code == 200


def test_navbar_marks_the_current_page(client_as, employee, world):
    body = client_as(employee).get(URL).content.decode()
    assert f'active" aria-current="page" href="{URL}">Beranda' in body
    body = client_as(employee).get(reverse("performance:skp_list")).content.decode()
    assert "dropdown-toggle active" in body and 'aria-current="page" href="/">' not in body


def test_pegawai_without_a_unit_on_record_still_gets_a_home(client_as, employee, world):
    from positions.models import Employee

    Employee.objects.filter(pk=world.employee_emp.pk).update(unit=None)
    response = client_as(employee).get(URL)
    assert response.status_code == 200
    assert response.context["pegawai"].events == []
