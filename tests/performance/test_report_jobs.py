"""Report jobs in-process (eager Celery): fan-out, idempotence, failures, verification, scope.
The real worker and the killed worker are in tests/asnportal/test_report_worker.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from performance import report_jobs, tasks
from performance.models import DocumentVerification, ReportDocument, ReportJob
from tests.performance.report_helpers import YEAR, rated_skp


@pytest.fixture
def rated(world):
    """Kadis, kabid and the perawat are rated; the colleague has no SKP; Dishub too."""
    for emp in (world.kadis_emp, world.manager_emp, world.employee_emp, world.outsider_emp):
        rated_skp(emp)
    return world


def start_unit(user, unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return report_jobs.start_unit_job(user, unit, YEAR)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_unit_job_renders_one_pdf_per_rated_employee_and_reports_the_rest(
    rated, hr_dinkes, django_capture_on_commit_callbacks
):
    hr_dinkes.email = "hr@dinkes.example"
    hr_dinkes.save()
    job = start_unit(hr_dinkes, rated.dinkes, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE
    docs = {d.employee_id: d for d in job.documents.all()}
    # Every active employee of the subtree, nobody from Dishub.
    assert set(docs) == {
        rated.kadis_emp.pk,
        rated.manager_emp.pk,
        rated.employee_emp.pk,
        rated.colleague_emp.pk,
    }
    assert job.total == 4
    assert docs[rated.employee_emp.pk].state == ReportDocument.State.DONE
    assert docs[rated.employee_emp.pk].file.open("rb").read(4) == b"%PDF"
    colleague = docs[rated.colleague_emp.pk]
    assert colleague.state == ReportDocument.State.FAILED
    assert "Belum ada SKP tahun 2025 yang disetujui" in colleague.error
    assert report_jobs.progress(job) == {
        "total": 4,
        "processed": 4,
        "percent": 100,
        "done": 3,
        "failed": 1,
    }
    # The ZIP: three PDFs, the recap and the list of who was not printed.
    with zipfile.ZipFile(job.archive.open("rb")) as zf:
        names = zf.namelist()
        assert sum(n.endswith(".pdf") and not n.startswith("00-rekap") for n in names) == 3
        assert any(n.startswith("00-rekap-2025") for n in names)
        assert "Perawat Dua" in zf.read("99-tidak-tercetak.csv").decode()
        for name in names:
            if name.endswith(".pdf"):
                assert zf.read(name).startswith(b"%PDF")
        # Dated when the archive was made, not 1980-01-01; readable once unpacked.
        made = timezone.localtime(job.finished_at or timezone.now()).date()
        for info in zf.infolist():
            assert dt.date(*info.date_time[:3]) in (made, made - dt.timedelta(days=1))
            assert (info.external_attr >> 16) & 0o444 == 0o444
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hr@dinkes.example"]
    assert "3 dari 4" in mail.outbox[0].body


def test_rerun_replaces_documents_and_codes_without_duplicates(
    rated, hr_dinkes, django_capture_on_commit_callbacks
):
    job = start_unit(hr_dinkes, rated.dinkes, django_capture_on_commit_callbacks)
    first = {d.employee_id: (d.file.name, d.sha256) for d in job.documents.all()}
    first_codes = set(DocumentVerification.objects.values_list("code", flat=True))
    first_archive = ReportJob.objects.get(pk=job.pk).archive.name
    with django_capture_on_commit_callbacks(execute=True):
        report_jobs.rerun_job(job)
    job.refresh_from_db()
    assert job.run == 2 and job.state == ReportJob.State.DONE
    assert job.documents.count() == 4  # still one row per employee
    assert job.documents.filter(state="selesai").count() == 3
    second = {d.employee_id: d.file.name for d in job.documents.filter(state="selesai")}
    for emp_id, name in second.items():
        assert name != first[emp_id][0]
        # The replaced file is gone from storage; the new one is there.
        assert not job.documents.model.file.field.storage.exists(first[emp_id][0])
        assert job.documents.model.file.field.storage.exists(name)
    assert not job.archive.storage.exists(first_archive)
    # One valid code per rated employee; the first codes are superseded, not deleted.
    valid = DocumentVerification.objects.filter(superseded_at__isnull=True)
    assert valid.count() == 3
    assert not first_codes & set(valid.values_list("code", flat=True))
    assert DocumentVerification.objects.filter(code__in=first_codes).count() == 3
    assert all(not v.is_valid for v in DocumentVerification.objects.filter(code__in=first_codes))


def test_a_redelivered_or_stale_task_writes_nothing(
    rated, hr_dinkes, django_capture_on_commit_callbacks
):
    job = start_unit(hr_dinkes, rated.dinkes, django_capture_on_commit_callbacks)
    doc = job.documents.get(employee=rated.employee_emp)
    codes = DocumentVerification.objects.count()
    # Redelivered after it was stored (acks_late, worker lost before the ack):
    assert report_jobs.render_document(doc.pk, run=1) == "skipped"
    # A task of an older run after a re-run started:
    with django_capture_on_commit_callbacks(execute=False):
        report_jobs.rerun_job(job)
    assert report_jobs.render_document(doc.pk, run=1) == "skipped"
    assert DocumentVerification.objects.count() == codes
    # A second render of the same run after the first stored it: still one code.
    assert report_jobs.render_document(doc.pk, run=2) == "done"
    assert report_jobs.render_document(doc.pk, run=2) == "skipped"
    assert DocumentVerification.objects.filter(employee=rated.employee_emp).count() == 2
    assert (
        DocumentVerification.objects.filter(
            employee=rated.employee_emp, superseded_at__isnull=True
        ).count()
        == 1
    )


def test_one_broken_employee_is_reported_and_the_job_still_finishes(
    rated, hr_dinkes, django_capture_on_commit_callbacks, monkeypatch
):
    from performance import reports

    real = reports.render_employee_report
    broken_skp = rated.manager_emp.skps.get().pk

    def render(skp_id, **kwargs):
        if skp_id == broken_skp:
            raise ValueError("data RHK rusak")
        return real(skp_id, **kwargs)

    monkeypatch.setattr(reports, "render_employee_report", render)
    job = start_unit(hr_dinkes, rated.dinkes, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE
    broken = job.documents.get(employee=rated.manager_emp)
    assert broken.state == "gagal"
    assert "data RHK rusak" in broken.error
    assert job.documents.filter(state="selesai").count() == 2


@pytest.fixture
def eager_retries(monkeypatch):
    """Eager mode re-applies a retried task only when eager exceptions do not propagate."""
    from asnportal.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


def test_transient_errors_are_retried_with_backoff_then_succeed(monkeypatch, eager_retries):
    calls = []

    def flaky(document_id, run):
        calls.append(document_id)
        if len(calls) < 3:
            raise OperationalError("server closed the connection unexpectedly")
        return "done"

    monkeypatch.setattr(report_jobs, "render_document", flaky)
    result = tasks.render_report_document.apply(args=(7, 1))
    assert result.get() == "done"
    assert calls == [7, 7, 7]
    assert [tasks._backoff(n) for n in range(7)] == [2, 4, 8, 10, 10, 10, 10]


def test_persisting_transient_errors_end_as_a_reported_failure(monkeypatch, eager_retries):
    failed = []
    monkeypatch.setattr(
        report_jobs, "render_document", lambda *a: (_ for _ in ()).throw(OperationalError("down"))
    )
    monkeypatch.setattr(report_jobs, "fail_document", lambda d, r, reason: failed.append(reason))
    tasks.render_report_document.apply(args=(7, 1))
    # RETRY_MAX retries, then the document is reported as failed instead of retried for ever.
    assert len(failed) == 1 and "Gangguan sementara berulang" in failed[0]


def test_tasks_are_late_acked_and_time_limited():
    for task in (
        tasks.prepare_report_job,
        tasks.render_report_document,
        tasks.finish_report_job,
    ):
        assert task.acks_late is True
    assert tasks.render_report_document.soft_time_limit == 120
    assert tasks.render_report_document.time_limit == 180


def test_jobs_are_enqueued_only_after_commit(world, hr_dinkes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = report_jobs.start_unit_job(hr_dinkes, world.dinkes, YEAR)
    assert len(callbacks) == 1
    assert ReportJob.objects.get(pk=job.pk).state == ReportJob.State.QUEUED
    assert not job.documents.exists()


# --- the pages -------------------------------------------------------------------------


def test_hr_starts_a_unit_job_from_the_page_and_follows_it(
    client_as, rated, hr_dinkes, django_capture_on_commit_callbacks
):
    client = client_as(hr_dinkes)
    page = client.get(reverse("performance:report_jobs"))
    assert page.status_code == 200
    assert "Mulai penyusunan" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("performance:report_jobs"), {"unit": rated.dinkes.pk, "year": YEAR}
        )
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    detail = client.get(job.get_absolute_url()).content.decode()
    assert "Unduh arsip ZIP" in detail and "Perawat Dua" in detail  # the failure is listed
    partial = client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    # Finished: the PDFs printed out of the total, not "100 %" of the work (issue 11).
    assert 'data-testid="job-printed">3 dari 4' in partial
    assert "<html" not in partial
    archive = client.get(reverse("performance:report_job_archive", args=[job.pk]))
    assert archive.status_code == 200
    assert zipfile.ZipFile(io.BytesIO(body(archive))).testzip() is None
    listing = client.get(reverse("performance:report_jobs")).content.decode()
    assert job.get_absolute_url() in listing


def test_hr_cannot_start_a_job_outside_the_scope(client_as, rated, hr_dishub):
    response = client_as(hr_dishub).post(
        reverse("performance:report_jobs"), {"unit": rated.dinkes.pk, "year": YEAR}
    )
    assert response.status_code == 200  # the form refuses the unit: not a choice
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert not ReportJob.objects.exists()


def test_pegawai_has_no_unit_form_and_cannot_post_one(client_as, rated, employee):
    client = client_as(employee)
    assert "Mulai penyusunan" not in client.get(reverse("performance:report_jobs")).content.decode()
    response = client.post(
        reverse("performance:report_jobs"), {"unit": rated.dinkes.pk, "year": YEAR}
    )
    assert response.status_code == 403


def test_bad_year_gets_a_message_not_a_500(client_as, rated, employee):
    response = client_as(employee).post(
        reverse("performance:report_employee_start", args=[rated.employee_emp.pk]),
        {"tahun": "1999"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Tahun harus antara 2022" in response.content.decode()
    assert not ReportJob.objects.exists()


def test_pegawai_renders_and_downloads_their_own_report(
    client_as, rated, employee, django_capture_on_commit_callbacks
):
    client = client_as(employee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("performance:report_employee_start", args=[rated.employee_emp.pk]),
            {"tahun": YEAR},
        )
    job = ReportJob.objects.get()
    assert response.url == job.get_absolute_url()
    doc = job.documents.get()
    page = client.get(job.get_absolute_url()).content.decode()
    assert reverse("performance:report_document", args=[doc.pk]) in page
    pdf = body(client.get(reverse("performance:report_document", args=[doc.pk])))
    assert pdf.startswith(b"%PDF")
    # The code on the verification page names the SHA-256 of exactly these bytes.
    verification = DocumentVerification.objects.get(document=doc)
    assert verification.sha256 == hashlib.sha256(pdf).hexdigest()


def test_a_report_that_printed_inside_the_request_says_it_is_done(
    client_as, rated, employee, monkeypatch
):
    """With no worker (the embedded default) the job runs in the request, at commit: the
    message said 'Laporan sedang disusun.' over a page that already said 'Selesai'."""
    monkeypatch.setattr(report_jobs.transaction, "on_commit", lambda run, **_: run())
    response = client_as(employee).post(
        reverse("performance:report_employee_start", args=[rated.employee_emp.pk]),
        {"tahun": YEAR},
    )
    assert ReportJob.objects.get().state == ReportJob.State.DONE
    assert [m.message for m in get_messages(response.wsgi_request)] == ["Laporan selesai disusun."]


def test_penilai_may_report_on_a_subordinate_others_may_not(
    client_as, rated, manager, outsider, django_capture_on_commit_callbacks
):
    url = reverse("performance:report_employee_start", args=[rated.employee_emp.pk])
    assert client_as(outsider).post(url, {"tahun": YEAR}).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert client_as(manager).post(url, {"tahun": YEAR}).status_code == 302
    assert ReportJob.objects.get().requested_by == manager


@pytest.fixture
def finished_job(rated, hr_dinkes, django_capture_on_commit_callbacks):
    return start_unit(hr_dinkes, rated.dinkes, django_capture_on_commit_callbacks)


@pytest.mark.parametrize(
    ("who", "own", "colleague_manager", "archive"),
    [
        # pegawai: own PDF only; penilai: subordinates; HR dinkes: all; others: nothing.
        ("employee", 200, 404, 404),
        ("manager", 200, 200, 404),
        ("hr_dinkes", 200, 200, 200),
        ("hr_dishub", 404, 404, 404),
        ("outsider", 404, 404, 404),
        ("hr_admin", 200, 200, 200),
    ],
)
def test_downloads_only_inside_the_scope(
    request, client_as, finished_job, rated, who, own, colleague_manager, archive
):
    user = request.getfixturevalue(who)
    client = client_as(user)
    own_doc = finished_job.documents.get(employee=rated.employee_emp)
    manager_doc = finished_job.documents.get(employee=rated.manager_emp)
    assert client.get(reverse("performance:report_document", args=[own_doc.pk])).status_code == own
    kadis_doc = finished_job.documents.get(employee=rated.kadis_emp)
    expected_kadis = 200 if who in ("hr_dinkes", "hr_admin") else 404
    assert (
        client.get(reverse("performance:report_document", args=[kadis_doc.pk])).status_code
        == expected_kadis
    )
    assert client.get(
        reverse("performance:report_document", args=[manager_doc.pk])
    ).status_code == (200 if who in ("manager", "hr_dinkes", "hr_admin") else 404)
    assert (
        client.get(reverse("performance:report_job_archive", args=[finished_job.pk])).status_code
        == archive
    )
    assert client.get(finished_job.get_absolute_url()).status_code == archive


def test_anonymous_gets_the_login_page_for_downloads(client, finished_job):
    doc = finished_job.documents.filter(state="selesai").first()
    response = client.get(reverse("performance:report_document", args=[doc.pk]))
    assert response.status_code == 302 and "/masuk/" in response.url


def test_files_are_stored_under_unguessable_names(finished_job):
    for doc in finished_job.documents.filter(state="selesai"):
        assert doc.file.name.startswith("laporan/")
        assert doc.employee.nip not in doc.file.name and len(doc.file.name) > 40


# --- verification (public) ------------------------------------------------------------


def test_verification_page_shows_only_name_year_predikat_and_hash(client, finished_job, rated):
    record = DocumentVerification.objects.get(employee=rated.employee_emp)
    page = client.get(reverse("verify_code", args=[record.code]))
    assert page.status_code == 200
    html = page.content.decode()
    assert rated.employee_emp.full_name in html
    assert "2025" in html and "Baik" in html and record.sha256 in html
    assert "berlaku" in html
    # Nothing else: no NIP, no unit, no jabatan, no RHK.
    assert rated.employee_emp.nip not in html
    assert "Bidang Pelayanan Kesehatan" not in html
    assert "Layanan prima" not in html


def test_a_regenerated_document_supersedes_the_old_code(
    client, finished_job, rated, django_capture_on_commit_callbacks
):
    old = DocumentVerification.objects.get(employee=rated.employee_emp)
    with django_capture_on_commit_callbacks(execute=True):
        report_jobs.rerun_job(finished_job)
    html = client.get(reverse("verify_code", args=[old.code])).content.decode()
    assert "telah diganti" in html
    new = DocumentVerification.objects.get(employee=rated.employee_emp, superseded_at__isnull=True)
    assert "berlaku" in client.get(reverse("verify_code", args=[new.code])).content.decode()


def test_verification_normalises_typed_codes_and_rejects_unknown_ones(client, finished_job):
    record = DocumentVerification.objects.first()
    typed = record.code.replace("-", " ").lower()
    response = client.get(reverse("verify"), {"kode": typed})
    assert response.status_code == 302
    assert response.url == reverse("verify_code", args=[record.code])
    assert client.get(reverse("verify_code", args=["ZZZZ-ZZZZ-ZZZZ"])).status_code == 404
    assert client.get(reverse("verify"), {"kode": "<script>"}).status_code == 404
    assert client.get(reverse("verify")).status_code == 200


def test_verification_codes_are_short_and_unambiguous():
    codes = {report_jobs.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 14 and code.count("-") == 2
        assert not set(code.replace("-", "")) & set("01ILOU")


def test_progress_poll_has_a_fixed_query_budget(
    client_as, finished_job, hr_dinkes, django_assert_max_num_queries
):
    client = client_as(hr_dinkes)
    client.get(finished_job.get_absolute_url())
    with django_assert_max_num_queries(8):  # session, user, scopes (2-3), job, progress
        client.get(finished_job.get_absolute_url(), headers={"HX-Request": "true"})
