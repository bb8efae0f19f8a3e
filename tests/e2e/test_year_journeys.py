"""Issue 11 acceptance: one year, every role, from the home page, by clicking.

Each journey logs in through the login form on the demo data (`seed_demo`: 2025 closed,
2026 in progress), starts at `/` and from there only clicks (role and text locators; no typed
URL). Every page visited is audited by axe-core at 1366 and 390 px (tests/e2e/axe.py; the
conftest fails the test on any critical or serious WCAG 2.1 A/AA violation and on any page
loaded but not audited). Journeys run at 1366 px; the pegawai journeys also at 390 px.
Screenshots of every step land in test-artifacts/journey-*.png.

1. The pegawai files this year's SKP and ajukan.
2. The penilai sees the badge, opens the inbox from home and approves.
3. The pegawai enters TW realisasi with a bukti dukung file from the home page's to-do and
   sends it in one click.
4. The penilai rates and finalises; finalising without realisasi is refused.
5. HR runs the 2025 job for Dinas Kesehatan with the defaults and downloads one PDF.
6. The pegawai downloads their own document.
7. Sekda's home shows the charts.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from performance.models import SKP, Evaluation, Realisation, ReportDocument, ReportJob
from positions.models import Employee, today
from tests.e2e.journey import DESKTOP, PHONE

pytestmark = pytest.mark.e2e
BOTH_WIDTHS = pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["1366px", "390px"])


def _employee(username: str) -> Employee:
    return Employee.objects.select_related("unit").get(user__username=username)


def _pdf_text(path: Path) -> str:
    assert path.read_bytes()[:5] == b"%PDF-", f"{path.name} is not a PDF"
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def _evidence_file(tmp_path: Path) -> Path:
    """A small real PDF (the upload checker reads its structure), as the demo's own."""
    from demo.performance import _pdf

    path = tmp_path / "bukti-dukung-tw.pdf"
    path.write_bytes(_pdf(["Laporan pendampingan akreditasi puskesmas", "Daftar hadir"]))
    return path


# --- 1. The pegawai files this year's SKP and ajukan ----------------------------------------


@BOTH_WIDTHS
def test_1_pegawai_files_this_years_skp_and_ajukan(person, width):
    year = today().year
    assert not SKP.objects.filter(employee__user__username="staf.yankes", year=year).exists()
    pegawai = person("staf.yankes", width)
    page, main = pegawai.page, pegawai.main

    pegawai.go(main.get_by_role("link", name=f"Buat SKP {year}"), "skp-create")
    pegawai.go(main.get_by_role("button", name="Buat SKP"), "skp-draft")
    assert "Draf" in main.inner_text()

    pegawai.go(main.get_by_role("link", name="Tambah RHK"), "rhk-form")
    page.get_by_label("Rencana hasil kerja").fill(
        "Terlaksananya verifikasi klaim layanan kesehatan rujukan tepat waktu"
    )
    parent = page.get_by_label("RHK pimpinan yang diintervensi")
    options = [o for o in parent.locator("option").all_inner_texts() if not o.startswith("—")]
    assert options, "the penilai's approved SKP offers no RHK to cascade from"
    parent.select_option(label=options[0])
    pegawai.go(main.get_by_role("button", name="Simpan"), "skp-with-rhk")

    pegawai.go(main.get_by_role("link", name="Tambah IKI").first, "iki-form")
    page.get_by_label("Aspek").select_option("kuantitas")
    page.get_by_label("Indikator kinerja individu").fill("Jumlah berkas klaim yang diverifikasi")
    page.get_by_label("Target").fill("480")
    page.get_by_label("Satuan").fill("Berkas")
    pegawai.go(main.get_by_role("button", name="Simpan"), "skp-complete")

    pegawai.go(main.get_by_role("button", name="Ajukan ke pejabat penilai"), "skp-submitted")
    skp = SKP.objects.get(employee__user__username="staf.yankes", year=year)
    assert skp.status == SKP.Status.DIAJUKAN
    assert "Diajukan" in main.inner_text()

    # Home now says the SKP waits for the penilai.
    pegawai.nav("Beranda")
    assert "menunggu persetujuan" in main.inner_text().lower()


# --- 2. The penilai sees the badge, opens the inbox from home and approves -------------------


def test_2_penilai_sees_the_badge_opens_the_inbox_from_home_and_approves(person):
    waiting = SKP.objects.filter(status=SKP.Status.DIAJUKAN, penilai__user__username="kabid.yankes")
    count = waiting.count()
    assert count >= 1, "the demo has no SKP waiting for kabid.yankes"
    skp = waiting.select_related("employee").first()
    penilai = person("kabid.yankes")
    page, main = penilai.page, penilai.main

    # The badge: the count, read as "<n> menunggu persetujuan", visible in the navbar.
    navbar = page.get_by_role("navigation", name="Navigasi utama")
    badge = navbar.get_by_text(re.compile(rf"^{count}\s*(SKP )?menunggu persetujuan$"))
    assert badge.filter(visible=True).count() >= 1, "no visible badge in the navbar"

    penilai.go(main.get_by_role("link", name=re.compile("SKP menunggu persetujuan Anda")), "inbox")
    penilai.go(main.get_by_role("link", name=skp.employee.full_name).first, "skp")
    penilai.go(main.get_by_role("link", name="Setujui SKP…"), "approve-confirm")
    assert "Yang akan terjadi" in main.inner_text()
    penilai.go(main.get_by_role("button", name="Ya, setujui SKP"), "approved")
    skp.refresh_from_db()
    assert skp.status == SKP.Status.DISETUJUI
    assert f"{skp.employee.full_name} disetujui" in main.inner_text()

    penilai.nav("Beranda")
    if count == 1:
        assert badge.filter(visible=True).count() == 0, "the badge still shows after approving"


# --- 3. The pegawai enters TW realisasi with a bukti dukung file from the home to-do ---------


@BOTH_WIDTHS
def test_3_pegawai_enters_tw_realisasi_with_bukti_dukung_from_home(person, width, tmp_path):
    employee = _employee("staf2.yankes")
    skp = SKP.objects.get(employee=employee, year=today().year, status=SKP.Status.DISETUJUI)
    pegawai = person("staf2.yankes", width)
    page, main = pegawai.page, pegawai.main

    pegawai.go(main.get_by_role("link", name="Isi realisasi").first, "realisasi")
    period = page.url.rstrip("/").rsplit("/", 1)[-1]
    evaluation = Evaluation.objects.get(skp=skp, period=period)
    assert evaluation.status == Evaluation.Status.DRAFT

    numbers = main.locator("input[type=number]:visible")
    assert numbers.count() >= 1, "no realisasi field on the page the to-do opens"
    for i in range(numbers.count()):
        numbers.nth(i).fill("8")
    main.locator("input[type=file]").first.set_input_files(_evidence_file(tmp_path))
    # One click saves what was typed and tells the penilai (no separate "Simpan" first).
    send = main.get_by_role("button", name="Simpan dan kirim ke penilai")
    pegawai.go(send, "realisasi-sent")
    assert "Realisasi disimpan dan dikirim" in main.inner_text()
    saved = Realisation.objects.filter(evaluation=evaluation)
    assert saved.exclude(value=None).count() >= 1
    assert saved.exclude(evidence="").count() >= 1, "the bukti dukung file was not stored"
    evaluation.refresh_from_db()
    assert evaluation.realisasi_sent_at is not None


# --- 4. The penilai rates and finalises; finalising without realisasi is refused -------------


def _rate(penilai, hasil: str, perilaku: str) -> None:
    page = penilai.page
    page.get_by_label(re.compile("^Rating hasil kerja")).select_option(label=hasil)
    page.get_by_label(re.compile("^Rating perilaku kerja")).select_option(label=perilaku)


def test_4_penilai_rates_and_finalises_and_finalising_without_realisasi_is_refused(person):
    employee = _employee("staf2.yankes")
    skp = SKP.objects.get(employee=employee, year=today().year, status=SKP.Status.DISETUJUI)
    sent = Evaluation.objects.get(skp=skp, realisasi_sent_at__isnull=False, status="draft")
    penilai = person("kabid.yankes")
    main = penilai.main

    # From home: the evaluation waiting for the rating.
    label = f"{employee.full_name} — {sent.get_period_display()} {skp.year}"
    penilai.go(main.get_by_role("link", name=label), "evaluation")
    _rate(penilai, "Sesuai Ekspektasi", "Sesuai Ekspektasi")
    penilai.go(main.get_by_role("button", name="Simpan dan finalkan…"), "finalise-confirm")
    assert "lengkap untuk semua IKI" in main.inner_text()
    penilai.go(main.get_by_role("button", name="Ya, finalkan evaluasi"), "finalised")
    sent.refresh_from_db()
    assert sent.status == Evaluation.Status.FINAL
    assert sent.predikat == "baik"

    # The next period has no realisasi: finalising it is refused with the list of what is
    # missing, and nothing is finalised without a written reason.
    following = Evaluation.Period.values[Evaluation.Period.values.index(sent.period) + 1]
    tab = main.get_by_role("navigation", name="Periode evaluasi").or_(
        main.get_by_role("list", name="Periode evaluasi")
    )
    penilai.go(
        tab.get_by_role("link", name=Evaluation.Period(following).label, exact=True),
        "evaluation-empty",
    )
    _rate(penilai, "Sesuai Ekspektasi", "Sesuai Ekspektasi")
    penilai.go(main.get_by_role("button", name="Simpan dan finalkan…"), "finalise-refused")
    problems = main.get_by_test_id("confirm-problems")
    assert "belum lengkap" in problems.inner_text()
    assert problems.locator("li").count() >= 1
    penilai.go(main.get_by_role("button", name="Ya, finalkan evaluasi"), "finalise-no-reason")
    empty = Evaluation.objects.get(skp=skp, period=following)
    assert empty.status == Evaluation.Status.DRAFT, "finalised with zero realisasi"
    assert main.get_by_role("alert").first.is_visible()


# --- 5. HR runs the 2025 job for Dinas Kesehatan with the defaults, downloads one PDF ---------


def test_5_hr_runs_the_2025_job_with_the_defaults_and_downloads_one_pdf(person, tmp_path):
    hr = person("hr.dinkes")
    page, main = hr.page, hr.main
    hr.nav("Dokumen evaluasi (PDF)", group="Laporan")
    year = page.get_by_label("Tahun penilaian")
    assert year.input_value() == "2025", "the year does not default to the last evaluated year"
    unit = page.get_by_label("Unit kerja")
    assert "Dinas Kesehatan" in unit.locator("option:checked").inner_text()
    hr.go(main.get_by_role("button", name="Mulai penyusunan"), "job", timeout=600_000)

    job = ReportJob.objects.latest("pk")
    assert (job.year, job.unit.name) == (2025, "Dinas Kesehatan")
    done = job.documents.filter(state=ReportDocument.State.DONE)
    # Everyone in Dinas Kesehatan has a final 2025 evaluation in the demo: a PDF for each.
    assert job.total > 0 and done.count() == job.total, f"{done.count()} of {job.total} PDFs"
    assert not job.documents.filter(state=ReportDocument.State.FAILED).exists()
    assert "Selesai" in main.inner_text()

    doc = done.select_related("employee").first()
    link = main.get_by_role("link", name=f"Unduh PDF {doc.employee.full_name}")
    pdf = hr.download(link, tmp_path)
    assert doc.employee.nip in _pdf_text(pdf)


# --- 6. The pegawai downloads their own document ---------------------------------------------


@BOTH_WIDTHS
def test_6_pegawai_downloads_their_own_document(person, width, tmp_path):
    employee = _employee("staf.yankes")
    pegawai = person("staf.yankes", width)
    # 2025 is final but not printed yet: the pegawai prints it from "Dokumen saya" (the job
    # runs inside the request in the tests) and lands on the job page.
    pegawai.go(
        pegawai.main.get_by_role("button", name="Cetak dokumen evaluasi 2025"),
        "print-own",
        timeout=600_000,
    )
    pegawai.nav("Beranda")
    link = pegawai.main.get_by_role("link", name=re.compile("Dokumen evaluasi kinerja 2025"))
    pdf = pegawai.download(link, tmp_path)
    text = _pdf_text(pdf)
    assert employee.nip in text and "2025" in text
    job = ReportDocument.objects.get(employee=employee, job__year=2025).job
    assert job.requested_by.username == "staf.yankes"


# --- 7. Sekda's home shows the charts ---------------------------------------------------------


ACCESSIBLE_NAME = """el => el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby')
  || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ')"""


def test_7_sekda_home_shows_the_charts(person):
    sekda = person("sekda")
    dashboard = sekda.page.get_by_test_id("pimpinan-dashboard")
    assert dashboard.is_visible()
    # Server-rendered charts (inline SVG), each an image with a name and its numbers as a
    # table for screen readers: predikat vs curve, kesesuaian penempatan by year, SKP and
    # evaluation progress, 20 JP, kebutuhan vs bezetting, and retirements in 12 months (the
    # demo has none in the next 12 months: that card says so instead of drawing).
    charts = dashboard.get_by_role("img")
    assert charts.count() >= 5, f"{charts.count()} charts on sekda's home"
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.is_visible()
        name = chart.evaluate(ACCESSIBLE_NAME)
        assert name.strip(), f"chart {i} has no accessible name"
        assert chart.locator("svg").count() >= 1 or chart.evaluate(
            "el => el.tagName.toLowerCase() === 'svg'"
        ), f"chart {i} ({name[:40]}) is not drawn"
    tables = dashboard.locator("table")  # folded in <details> "Lihat angka dalam tabel"
    assert tables.count() >= charts.count(), "the charts' numbers are not available as tables"
    dashboard.get_by_text("Lihat angka dalam tabel").first.click()
    assert tables.first.is_visible(), "the first chart's table does not unfold"
    text = dashboard.inner_text().lower()
    for topic in ("predikat", "kesesuaian penempatan", "skp", "20 jp", "bezetting", "bup"):
        assert topic in text, f"no {topic} on sekda's home"
