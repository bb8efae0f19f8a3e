"""Employee import in a real browser: upload, preview, commit through the Celery task (eager
without Redis), and the preview page of a batch being saved polling until it is saved."""

import datetime as dt
import io

import openpyxl
import pytest
from django.utils import timezone

from positions import importing
from positions.models import Employee, ImportBatch
from tests.e2e import axe
from tests.e2e.chromium import sign_in
from tests.factories import make_nip

pytestmark = pytest.mark.e2e


def _workbook(path, unit_code):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = importing.SHEET_NAME
    sheet.append([c.header for c in importing.COLUMNS])
    for n in (1, 2):
        birth = dt.date(1990, 1, 1) + dt.timedelta(days=n)
        row = {
            "nip": make_nip(birth, gender="L", seq=n),
            "name": f"Pegawai Peramban {n}",
            "kind": "PNS",
            "gender": "L",
            "birth_date": birth,
            "golongan": "III/a",
            "unit_code": unit_code,
        }
        sheet.append([row.get(c.key, "") for c in importing.COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_hr_uploads_previews_and_saves_an_import(
    transactional_db, world, hr_dinkes, live_server, page, screenshot, tmp_path
):
    base = live_server.url
    sign_in(page, base, "hr_dinkes")
    page.goto(f"{base}/impor/")
    page.get_by_label("Berkas Excel (.xlsx)").set_input_files(
        str(_workbook(tmp_path / "pegawai.xlsx", world.yankes.code))
    )
    page.get_by_role("button", name="Unggah").click()
    page.wait_for_url("**/impor/*/")
    assert "Pratinjau impor" in page.locator("h1").inner_text()

    page.get_by_role("button", name="Simpan 2 baris ke data pegawai").click()
    page.wait_for_url("**/impor/*/")
    assert "Hasil impor" in page.locator("h1").inner_text()
    assert "2 pegawai baru" in page.locator("main").inner_text()
    assert Employee.objects.filter(name__startswith="Pegawai Peramban").count() == 2


def test_a_batch_being_saved_polls_until_it_is_saved(
    transactional_db, world, hr_dinkes, live_server, page, screenshot
):
    birth = dt.date(1990, 1, 5)
    cells = {
        "nip": make_nip(birth, gender="P", seq=7),
        "name": "Pegawai Antrean",
        "kind": "PNS",
        "gender": "P",
        "birth_date": birth,
        "golongan": "III/b",
        "unit_code": world.yankes.code,
    }
    rows = importing.check_rows([importing.parse_row(2, cells)], user=hr_dinkes)
    assert not rows[0]["errors"], rows[0]["errors"]
    batch = ImportBatch.objects.create(
        created_by=hr_dinkes,
        filename="pegawai-kabupaten.xlsx",
        unit=world.dinkes,
        rows=rows,
        summary={**importing.summarise(rows), "queued_at": timezone.now().isoformat()},
        status=ImportBatch.Status.QUEUED,
    )
    base = live_server.url
    sign_in(page, base, "hr_dinkes")
    page.goto(f"{base}/impor/{batch.pk}/")
    status = page.get_by_test_id("import-status")
    assert "Impor sedang disimpan" in status.inner_text()
    assert page.get_by_role("button", name="Sedang disimpan…").is_disabled()
    assert not axe.audit(page, "import queued")
    screenshot("import-queued-1366")
    page.set_viewport_size({"width": 390, "height": 900})
    screenshot("import-queued-390")

    # The worker saves it: the next poll reloads the whole page with the result.
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.COMMITTED,
        committed_at=timezone.now(),
        summary={**batch.summary, "created": 1, "updated": 0, "unchanged": 0, "placed": 0},
    )
    page.locator("h1", has_text="Hasil impor").wait_for(timeout=15000)
    assert page.get_by_test_id("batch-status").inner_text() == "Sudah disimpan"
