"""Report jobs say what happened (issue 11): a job with failures is not shown green, the start
message tells the truth, every printed PDF downloads on its own from the job page, a pegawai
finds their own documents, and the form's year is the latest year with final evaluations."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from asnportal.models import User
from performance import report_jobs, selectors
from performance.models import ReportDocument, ReportJob
from positions.models import HRScope
from tests.factories import EmployeeFactory, EvaluationFactory, SKPFactory
from tests.performance.report_helpers import YEAR, rated_skp


def start_unit(user, unit, capture, year: int = YEAR) -> ReportJob:
    with capture(execute=True):
        job = report_jobs.start_unit_job(user, unit, year)
    job.refresh_from_db()
    return job


@pytest.fixture
def partly_rated(world):
    """Kadis, kabid and the perawat are rated for 2025; the colleague has no SKP."""
    for emp in (world.kadis_emp, world.manager_emp, world.employee_emp, world.outsider_emp):
        rated_skp(emp)
    return world


# --- the badge ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "done", "failed", "label", "css"),
    [
        ("selesai", 4, 0, "Selesai", "success"),
        ("selesai", 3, 1, "Selesai dengan 1 gagal", "warning"),
        ("selesai", 0, 27, "Gagal", "danger"),
        ("gagal", 3, 0, "Gagal", "danger"),  # the archive could not be written
        ("selesai", 0, 0, "Selesai: tidak ada pegawai", "secondary"),
        ("berjalan", 1, 1, "Berjalan", "primary"),
        ("antri", 0, 0, "Menunggu", "primary"),
    ],
)
def test_outcome_is_green_only_when_everything_was_printed(state, done, failed, label, css):
    result = report_jobs.outcome(state, done=done, failed=failed)
    assert (result.label, result.css) == (label, css)


def test_job_with_a_failure_is_a_warning_with_its_reason_and_single_downloads(
    client_as, partly_rated, hr_dinkes, django_capture_on_commit_callbacks
):
    job = start_unit(hr_dinkes, partly_rated.dinkes, django_capture_on_commit_callbacks)
    client = client_as(hr_dinkes)
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'class="badge fs-6 text-bg-warning"' in page
    assert "Selesai dengan 1 gagal" in page
    assert "text-bg-success" not in page
    assert "3 dari 4" in page  # PDFs printed, not "100 %" of something
    # The reason is listed next to the name.
    assert "Perawat Dua" in page and "Belum ada SKP tahun 2025 yang disetujui" in page
    # Every printed PDF has its own link, and each link downloads that PDF.
    done = list(job.documents.filter(state=ReportDocument.State.DONE))
    assert len(done) == 3
    for doc in done:
        url = reverse("performance:report_document", args=[doc.pk])
        assert url in page
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert reverse("performance:report_job_archive", args=[job.pk]) in page
    # The list says the same.
    listing = client.get(reverse("performance:report_jobs")).content.decode()
    assert "Selesai dengan 1 gagal" in listing and "text-bg-success" not in listing


def test_job_that_printed_nothing_says_gagal_and_offers_no_zip(
    client_as, world, hr_dinkes, django_capture_on_commit_callbacks
):
    job = start_unit(hr_dinkes, world.dinkes, django_capture_on_commit_callbacks)
    assert job.state == ReportJob.State.DONE  # the pipeline finished…
    page = client_as(hr_dinkes).get(job.get_absolute_url()).content.decode()
    # …but nothing was printed, and the page says so.
    assert 'class="badge fs-6 text-bg-danger"' in page
    assert ">Gagal<" in page
    assert "Tidak ada PDF yang tercetak" in page
    assert "0 dari 4" in page
    assert "download-zip" not in page
    assert page.count("Belum ada SKP tahun 2025 yang disetujui") == 4


def test_start_message_tells_what_will_happen(
    client_as, partly_rated, hr_dinkes, django_capture_on_commit_callbacks
):
    client = client_as(hr_dinkes)
    # The tasks run after the response (a real broker): the message is a forecast.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("performance:report_jobs"), {"unit": partly_rated.dinkes.pk, "year": YEAR}
        )
    assert response.status_code == 302
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "warning"
    assert "4 pegawai" in message.message
    assert "3 memiliki evaluasi akhir 2025 yang final" in message.message
    assert "1 pegawai lainnya akan dicatat gagal" in message.message
    assert "dimulai" in message.message


def test_start_message_of_a_job_that_already_ran_reports_the_result(
    rf, partly_rated, hr_dinkes, django_capture_on_commit_callbacks
):
    """Without a broker (make run) the tasks run inside the request: the message is the
    result, not "started"."""
    from django.contrib.messages.storage.fallback import FallbackStorage

    from performance.views_reports import _tell_start

    job = start_unit(hr_dinkes, partly_rated.dinkes, django_capture_on_commit_callbacks)
    request = rf.post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    _tell_start(request, job, partly_rated.dinkes)
    [message] = list(request._messages)
    assert message.level_tag == "warning"
    assert message.message == "Penyusunan selesai dengan 1 gagal: 3 dari 4 PDF."


# --- downloading one document -------------------------------------------------------------


@pytest.fixture
def finished(partly_rated, hr_dinkes, django_capture_on_commit_callbacks):
    return start_unit(hr_dinkes, partly_rated.dinkes, django_capture_on_commit_callbacks)


@pytest.fixture
def colleague(world) -> User:
    """Perawat Dua, in the same bidang as the perawat, with a login of her own."""
    user = User.objects.create_user(username="colleague", password="x-unused-x")
    world.colleague_emp.user = user
    world.colleague_emp.save(update_fields=["user"])
    return user


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("employee", 200),  # the pegawai themself
        ("manager", 200),  # their penilai
        ("hr_dinkes", 200),  # HR of the dinas (who ran the job)
        ("hr_admin", 200),  # HR of the province
        ("pimpinan", 200),  # read-only leadership in scope
        ("colleague", 404),  # a colleague of the same bidang
        ("hr_dishub", 404),  # HR of another dinas
        ("outsider", 404),
    ],
)
def test_single_document_download_is_scoped(
    request, client_as, finished, partly_rated, who, status
):
    doc = finished.documents.get(employee=partly_rated.employee_emp)
    client = client_as(request.getfixturevalue(who))
    response = client.get(reverse("performance:report_document", args=[doc.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_missing_and_a_hidden_document_answer_alike(client_as, finished, partly_rated, colleague):
    doc = finished.documents.get(employee=partly_rated.employee_emp)
    client = client_as(colleague)
    hidden = client.get(reverse("performance:report_document", args=[doc.pk]))
    missing = client.get(reverse("performance:report_document", args=[doc.pk + 1000]))
    assert hidden.status_code == missing.status_code == 404


def test_whoever_sees_the_job_may_download_each_of_its_documents(
    client_as, finished, partly_rated, hr_dinkes
):
    """The same rule as the ZIP: the HR officer who ran the job and later left the dinas
    still sees the job, so still downloads its PDFs one by one."""
    HRScope.objects.filter(user=hr_dinkes).delete()
    hr_dinkes.__dict__.pop("_asn_scopes", None)
    client = client_as(hr_dinkes)
    assert client.get(finished.get_absolute_url()).status_code == 200
    doc = finished.documents.get(employee=partly_rated.kadis_emp)
    assert client.get(reverse("performance:report_document", args=[doc.pk])).status_code == 200


def test_failed_document_has_no_download(client_as, finished, partly_rated, hr_dinkes):
    doc = finished.documents.get(employee=partly_rated.colleague_emp)
    assert doc.state == ReportDocument.State.FAILED
    response = client_as(hr_dinkes).get(reverse("performance:report_document", args=[doc.pk]))
    assert response.status_code == 404


# --- a pegawai's own documents ---------------------------------------------------------------


def test_documents_for_employee_keeps_the_latest_finished_document_per_year(
    partly_rated, hr_dinkes, employee, django_capture_on_commit_callbacks
):
    emp = partly_rated.employee_emp
    rated_skp(emp, year=2024)
    old_2025 = start_unit(hr_dinkes, partly_rated.dinkes, django_capture_on_commit_callbacks)
    new_2025 = start_unit(hr_dinkes, partly_rated.dinkes, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        job_2024 = report_jobs.start_employee_job(employee, emp, 2024)
    docs = list(selectors.documents_for_employee(emp))
    assert [(d.job_id, d.job.year) for d in docs] == [(new_2025.pk, 2025), (job_2024.pk, 2024)]
    assert old_2025.documents.filter(employee=emp, state="selesai").exists()
    # A failed document never shows up.
    assert list(selectors.documents_for_employee(partly_rated.colleague_emp)) == []


def test_documents_for_employee_is_one_query(finished, partly_rated, django_assert_num_queries):
    with django_assert_num_queries(1):  # documents + job + employee, latest-per-year subquery
        docs = list(selectors.documents_for_employee(partly_rated.employee_emp))
        assert docs[0].job.year == YEAR and docs[0].filename.endswith(".pdf")


# --- the form's default year -----------------------------------------------------------------


def test_latest_final_evaluation_year(partly_rated):
    assert selectors.latest_final_evaluation_year() == YEAR
    assert selectors.latest_final_evaluation_year(partly_rated.dishub) == YEAR
    # A draft akhir evaluation of a later year does not count.
    later = SKPFactory(employee=partly_rated.colleague_emp, year=YEAR + 1, approved=True)
    EvaluationFactory(skp=later, period="tw4", rated=True)  # rated, not finalised
    assert selectors.latest_final_evaluation_year() == YEAR


def test_latest_final_evaluation_year_is_per_unit(world):
    rated_skp(world.employee_emp, year=2024)
    rated_skp(world.outsider_emp, year=2025)
    assert selectors.latest_final_evaluation_year() == 2025
    assert selectors.latest_final_evaluation_year(world.dinkes) == 2024
    assert selectors.latest_final_evaluation_year(world.yankes) == 2024
    assert selectors.latest_final_evaluation_year(world.dishub) == 2025


def test_form_defaults_to_the_latest_year_with_final_evaluations(
    client_as, world, hr_dinkes, today
):
    client = client_as(hr_dinkes)
    form = client.get(reverse("performance:report_jobs")).context["form"]
    assert form.fields["year"].initial == today.year - 1  # nothing final yet anywhere
    rated_skp(world.employee_emp, year=2024)
    form = client.get(reverse("performance:report_jobs")).context["form"]
    assert form.fields["unit"].initial == world.dinkes.pk
    assert form.fields["year"].initial == 2024


# --- query budget of the job page -------------------------------------------------------------


def test_job_page_queries_do_not_grow_with_documents(
    client_as, world, hr_dinkes, django_capture_on_commit_callbacks, django_assert_num_queries
):
    rated_skp(world.employee_emp)
    job = start_unit(hr_dinkes, world.dinkes, django_capture_on_commit_callbacks)
    client = client_as(hr_dinkes)
    url = job.get_absolute_url()
    # session, user, the user's HR scopes and headed posts (scopes_for), the job (+unit,
    # employee, requester), progress (one aggregate, which also gives both paginators their
    # totals), the navbar's employee record, the failures page (+employee, unit), the
    # documents page (+employee, unit).
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200
    # Twelve more printed documents (rows only: the page never opens the files): same count.
    for n in range(12):
        emp = EmployeeFactory(name=f"Perawat Tambahan {n}", unit=world.yankes)
        ReportDocument.objects.create(
            job=job,
            employee=emp,
            state=ReportDocument.State.DONE,
            file=f"laporan/tambahan-{n}.pdf",
            sha256="0" * 64,
        )
    with django_assert_num_queries(9):
        page = client.get(url).content.decode()
    assert page.count('data-testid="download-document"') == 13


def test_documents_on_the_job_page_are_paged(
    client_as, world, hr_dinkes, django_capture_on_commit_callbacks, monkeypatch
):
    from performance import views_reports

    monkeypatch.setattr(views_reports, "DOCUMENTS_PAGE_SIZE", 2)
    for emp in (world.kadis_emp, world.manager_emp, world.employee_emp):
        rated_skp(emp)
    job = start_unit(hr_dinkes, world.dinkes, django_capture_on_commit_callbacks)
    client = client_as(hr_dinkes)
    first = client.get(job.get_absolute_url()).content.decode()
    second = client.get(job.get_absolute_url() + "?dok=2").content.decode()
    docs = list(report_jobs.finished_documents(job))
    assert len(docs) == 3
    links = [reverse("performance:report_document", args=[d.pk]) for d in docs]
    assert [link in first for link in links] == [True, True, False]
    assert [link in second for link in links] == [False, False, True]
    assert "?dok=2" in first
