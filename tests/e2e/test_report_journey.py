"""Issue 6 journey: HR starts the yearly report job for a unit, watches the progress (htmx
polling) reach 100 % while a real Celery worker renders, downloads the ZIP, and the PDFs in it
open (pdftotext reads each one)."""

from __future__ import annotations

import io
import subprocess
import tempfile
import uuid
import zipfile
from pathlib import Path

import pytest

from asnportal.celery import app
from performance.models import ReportJob
from tests.asnportal.report_worker_helpers import worker_env
from tests.e2e.chromium import sign_in
from tests.performance.report_helpers import YEAR, rated_skp
from tests.worker import Worker, share_media

pytestmark = [pytest.mark.e2e, pytest.mark.celery_worker]


@pytest.fixture
def real_worker(redis_url, settings, tmp_path):
    """The live server sends tasks through Redis to a real worker (not eager), and both
    sides share a media directory."""
    share_media(settings, tmp_path)
    queue = f"asn-e2e-{uuid.uuid4().hex[:8]}"
    saved = {
        key: app.conf[key]
        for key in (
            "task_always_eager",
            "broker_url",
            "task_default_queue",
            "broker_transport_options",
        )
    }
    app.conf.update(
        task_always_eager=False,
        broker_url=redis_url,
        task_default_queue=queue,
        broker_transport_options={"visibility_timeout": 60},
    )
    app._pool = None
    app.amqp._producer_pool = None
    worker = Worker(redis_url, queue, concurrency=2, env=worker_env(tmp_path))
    try:
        worker.wait_ready()
        yield worker
    finally:
        worker.stop()
        app.conf.update(saved)
        app._pool = None
        app.amqp._producer_pool = None


def test_hr_prints_the_yearly_reports_of_a_unit(
    transactional_db, world, hr_dinkes, real_worker, live_server, page, screenshot
):
    for emp in (world.kadis_emp, world.manager_emp, world.employee_emp):
        rated_skp(emp)
    base = live_server.url
    sign_in(page, base, "hr_dinkes")

    page.get_by_role("button", name="Laporan", exact=True).click()  # the navbar's group
    page.get_by_role("link", name="Dokumen evaluasi (PDF)").click()
    page.get_by_label("Unit kerja (beserta seluruh unit di bawahnya)").select_option(
        label="Dinas Kesehatan"  # the one unit picker (positions.selectors.unit_choices)
    )
    page.get_by_label("Tahun penilaian").select_option(str(YEAR))
    page.get_by_role("button", name="Mulai penyusunan").click()
    page.wait_for_url(f"{base}/kinerja/laporan/*/")
    # The request returned at once; the worker renders while the page polls.
    progress = page.locator("[data-testid=job-progress]")
    progress.wait_for()
    screenshot("report-job-progress")
    page.locator("[data-testid=job-progress][data-state=selesai]").wait_for(timeout=120_000)
    # Finished: PDFs printed out of the total, and a warning badge for the one failure.
    assert page.locator("[data-testid=job-printed]").inner_text() == "3 dari 4"
    assert page.locator("[data-testid=job-state]").inner_text() == "Selesai dengan 1 gagal"
    assert page.locator("[data-testid=job-done]").inner_text() == "3"
    assert page.locator("[data-testid=job-failed]").inner_text() == "1"  # Perawat Dua: no SKP
    assert "Perawat Dua" in page.content()
    screenshot("report-job-done")

    with page.expect_download() as info:
        page.locator("[data-testid=download-zip]").click()
    data = Path(info.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
        assert len(pdfs) == 4  # three employees and the recap
        texts = {}
        with tempfile.TemporaryDirectory() as tmp:
            for name in pdfs:
                path = Path(tmp) / "x.pdf"
                path.write_bytes(zf.read(name))
                texts[name] = subprocess.run(
                    ["pdftotext", "-layout", str(path), "-"],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
    assert any(
        "Perawat Satu" in t and "DOKUMEN EVALUASI KINERJA" in t.upper() for t in texts.values()
    )
    assert any(name.startswith("00-rekap") for name in texts)

    # The job is listed and can be found again after leaving the page.
    page.goto(f"{base}/kinerja/laporan/")
    job = ReportJob.objects.get()
    assert page.locator(f"a[href='{job.get_absolute_url()}']").count() == 1
