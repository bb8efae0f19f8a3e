"""Issue 11, on the demo data itself: after `migrate && seed_demo`, HR's yearly report job for
Dinas Kesehatan with the form's defaults prints a PDF for everyone who has a final
evaluation, and a pegawai finds and downloads their own document."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

from asnportal.models import User
from performance import selectors
from performance.models import Evaluation, ReportDocument, ReportJob
from positions.models import Employee, OrgUnit


def test_hr_job_with_the_form_defaults_prints_everyone_with_a_final_evaluation(
    db, client, django_capture_on_commit_callbacks
):
    call_command("seed_demo", quiet_logins=True)
    dinkes = OrgUnit.objects.get(code="18.DINKES")
    client.force_login(User.objects.get(username="hr.dinkes"))

    # The form as HR first sees it: Dinas Kesehatan and the closed year 2025.
    form = client.get(reverse("performance:report_jobs")).context["form"]
    defaults = {"unit": form["unit"].value(), "year": form["year"].value()}
    assert defaults == {"unit": dinkes.pk, "year": 2025}

    # Celery runs eagerly (settings_test); the tasks run once the request's data is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("performance:report_jobs"), defaults)
    job = ReportJob.objects.get()
    assert response.url == job.get_absolute_url()
    active = set(Employee.objects.active().in_subtree(dinkes).values_list("pk", flat=True))
    with_final = set(
        Evaluation.objects.filter(
            period="tw4",
            status="final",
            skp__year=2025,
            skp__status="disetujui",
            skp__superseded_at__isnull=True,
            skp__employee__in=active,
        ).values_list("skp__employee_id", flat=True)
    )
    assert with_final == active  # the demo's closed year covers everyone
    [message] = list(get_messages(response.wsgi_request))
    assert message.message.startswith(
        f"Penyusunan dimulai di latar belakang untuk {len(active)} pegawai; "
        f"{len(active)} memiliki evaluasi akhir 2025 yang final."
    )

    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE
    printed = set(
        job.documents.filter(state=ReportDocument.State.DONE).values_list("employee_id", flat=True)
    )
    assert printed == with_final
    assert not job.documents.filter(state=ReportDocument.State.FAILED).exists()

    # The job page is green, and one PDF downloads on its own.
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'class="badge fs-6 text-bg-success"' in page
    assert f"{len(active)} dari {len(active)}" in page
    staf = Employee.objects.get(user__username="staf.yankes")
    doc = job.documents.get(employee=staf)
    url = reverse("performance:report_document", args=[doc.pk])
    assert url in page
    assert b"".join(client.get(url).streaming_content).startswith(b"%PDF")

    # The pegawai finds it among their own documents and downloads it; a colleague cannot.
    assert [d.pk for d in selectors.documents_for_employee(staf)] == [doc.pk]
    client.force_login(staf.user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(User.objects.get(username="staf2.yankes"))
    assert client.get(url).status_code == 404
