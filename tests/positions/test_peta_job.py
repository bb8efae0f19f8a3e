"""The peta jabatan printed in the background: start, progress, PDF, re-run, scope."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from positions import peta_print
from positions.models import PetaJob
from tests.factories import PositionFactory


def _start(client, unit, capture):
    with capture(execute=True):
        response = client.post(reverse("positions:peta_job_start", args=[unit.pk]))
    assert response.status_code == 302
    return PetaJob.objects.latest("pk")


def test_start_prints_the_chart_and_offers_the_pdf(
    client_as, hr_dinkes, world, django_capture_on_commit_callbacks
):
    client = client_as(hr_dinkes)

    job = _start(client, world.dinkes, django_capture_on_commit_callbacks)

    assert (job.unit, job.requested_by, job.state) == (world.dinkes, hr_dinkes, "selesai")
    assert job.total == job.done == 1 and job.percent == 100
    page = client.get(job.get_absolute_url()).content.decode()
    assert "100%" in page and reverse("positions:peta_job_pdf", args=[job.pk]) in page
    assert 'hx-trigger="every 2s"' not in page  # finished: no more polling
    pdf = client.get(reverse("positions:peta_job_pdf", args=[job.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_the_job_page_polls_while_the_job_runs(client_as, hr_dinkes, world):
    job = PetaJob.objects.create(
        unit=world.dinkes, requested_by=hr_dinkes, state="berjalan", total=8, done=2
    )
    client = client_as(hr_dinkes)

    fragment = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})

    body = fragment.content.decode()
    assert "<html" not in body  # the fragment only, swapped in place
    assert 'hx-trigger="every 2s"' in body and "25%" in body and "2 dari 8 lembar" in body
    download = client.get(reverse("positions:peta_job_pdf", args=[job.pk]))
    assert download.status_code == 404  # nothing to download yet


def test_progress_is_counted_sheet_by_sheet(hr_dinkes, world, monkeypatch):
    for number in range(40):  # 41 boxes in the bidang: its own 3 sheets after the dinas's
        PositionFactory(unit=world.yankes, name=f"Analis {number}")
    job = PetaJob.objects.create(unit=world.dinkes, requested_by=hr_dinkes)
    seen = []
    document = peta_print._document

    def spy(context):
        seen.append(PetaJob.objects.values_list("state", "done", "total").get(pk=job.pk))
        return document(context)

    monkeypatch.setattr(peta_print, "CHUNK_SHEETS", 1)
    monkeypatch.setattr(peta_print, "_document", spy)

    assert peta_print.render_job(job.pk, job.run) == "done"

    assert seen == [("berjalan", 0, 4), ("berjalan", 1, 4), ("berjalan", 2, 4), ("berjalan", 3, 4)]
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("selesai", 4, 4)


def test_a_repeated_or_stale_task_changes_nothing_and_a_rerun_replaces_the_file(
    client_as, hr_dinkes, world, django_capture_on_commit_callbacks
):
    client = client_as(hr_dinkes)
    job = _start(client, world.dinkes, django_capture_on_commit_callbacks)
    first = job.file.name

    assert peta_print.render_job(job.pk, job.run) == "skipped"  # re-delivered: already done
    job.refresh_from_db()
    assert job.file.name == first

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("positions:peta_job_rerun", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.run, job.state) == (2, "selesai")
    assert job.file.name != first and not default_storage.exists(first)  # replaced, not kept
    assert peta_print.render_job(job.pk, 1) == "skipped"  # a task of the old run
    assert PetaJob.objects.count() == 1


def test_starting_twice_while_running_gives_the_same_job(hr_dinkes, world):
    first = peta_print.start_job(hr_dinkes, world.dinkes)  # not run: on_commit not executed

    assert peta_print.start_job(hr_dinkes, world.dinkes) == first


def test_a_failure_is_recorded_on_the_job(hr_dinkes, world, monkeypatch):
    from positions import tasks

    job = PetaJob.objects.create(unit=world.dinkes, requested_by=hr_dinkes)

    def broken(context):
        raise RuntimeError("font hilang")

    monkeypatch.setattr(peta_print, "_document", broken)

    assert tasks.render_peta_job(job.pk, job.run) == "failed"
    job.refresh_from_db()
    assert job.state == "gagal" and "font hilang" in job.error


@pytest.mark.parametrize("name", ["positions:peta_job", "positions:peta_job_pdf"])
def test_download_and_page_are_scoped(
    client_as,
    hr_dinkes,
    hr_dishub,
    pimpinan,
    employee,
    world,
    name,
    django_capture_on_commit_callbacks,
):
    job = _start(client_as(hr_dinkes), world.dinkes, django_capture_on_commit_callbacks)
    url = reverse(name, args=[job.pk])

    assert client_as(hr_dinkes).get(url).status_code == 200
    assert client_as(pimpinan).get(url).status_code == 200  # province-wide read scope
    assert client_as(hr_dishub).get(url).status_code == 404  # another dinas: as if missing
    assert client_as(employee).get(url).status_code == 403  # a pegawai sees no registers


def test_hr_of_another_dinas_cannot_start_a_job_there(client_as, hr_dishub, world):
    url = reverse("positions:peta_job_start", args=[world.dinkes.pk])

    assert client_as(hr_dishub).post(url).status_code == 404
    assert not PetaJob.objects.exists()


def test_a_large_scope_is_not_printed_in_the_request(client_as, hr_admin, world, monkeypatch):
    monkeypatch.setattr(peta_print, "IN_REQUEST_SHEETS", 0)

    response = client_as(hr_admin).get(
        reverse("positions:peta_jabatan_pdf", args=[world.pemprov.pk])
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("positions:peta_jabatan", args=[world.pemprov.pk])


def test_job_page_query_budget_is_flat(
    client_as, hr_dinkes, world, django_assert_num_queries, django_capture_on_commit_callbacks
):
    client = client_as(hr_dinkes)
    job = _start(client, world.dinkes, django_capture_on_commit_callbacks)
    for number in range(30):
        PositionFactory(unit=world.yankes, name=f"Analis {number}")
    # session, user, HR scopes, headed posts, the job (with unit and requester), own employee
    with django_assert_num_queries(6):
        assert client.get(job.get_absolute_url()).status_code == 200
