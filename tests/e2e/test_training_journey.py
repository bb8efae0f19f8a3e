"""Issue 5 journey: HR creates an IT training event, enrols the employees of a unit who are
below 20 JP, records attendance and results; the JP ledgers update."""

import datetime as dt

import pytest
from django.db.models import Sum

from positions.models import today
from tests.e2e.chromium import sign_in
from training.models import Participation, TrainingProgram

pytestmark = pytest.mark.e2e


def counted_jp(employee, year: int) -> int:
    rows = Participation.objects.counted().in_year(year).filter(employee=employee)
    return rows.aggregate(total=Sum("jp"))["total"] or 0


def test_hr_runs_an_it_training_for_staff_below_20_jp(
    transactional_db, world, hr_dinkes, live_server, page, screenshot
):
    year = today().year
    program = TrainingProgram.objects.create(
        code="TI-SIBER",
        name="Pelatihan Keamanan Siber",
        category="teknis",
        method="klasikal",
        jp=24,
        provider="BPSDM Provinsi Lampung",
    )
    # Perawat Satu is already on target; Perawat Dua has 10 JP; the Kabid has none this year.
    for employee, jp in [(world.employee_emp, 24), (world.colleague_emp, 10)]:
        Participation.objects.create(
            employee=employee,
            title="Webinar",
            start_date=dt.date(year, 1, 15),
            end_date=dt.date(year, 1, 15),
            jp=jp,
            result="lulus",
            verification="verified",
        )
    below = [world.colleague_emp, world.manager_emp]
    before = {e.pk: counted_jp(e, year) for e in [*below, world.employee_emp]}

    base = live_server.url
    sign_in(page, base, "hr_dinkes")

    # From the catalog to the program, then a new angkatan organised by the Bidang Yankes.
    compliance_url = f"{base}/pelatihan/kepatuhan/?unit={world.dinkes.pk}&tahun={year}"
    page.goto(compliance_url)
    compliant_before = int(page.locator("[data-testid=compliant]").inner_text())
    page.goto(f"{base}/pelatihan/")
    page.get_by_role("link", name="Pelatihan Keamanan Siber").click()
    page.get_by_role("link", name="Tambah angkatan").click()
    page.get_by_label("Angkatan").fill("Angkatan I")
    page.get_by_label("Mulai").fill(f"{year}-06-02")
    page.get_by_label("Selesai").fill(f"{year}-06-04")
    page.get_by_label("Tempat").fill("Aula Dinas Kesehatan")
    page.get_by_label("Unit penyelenggara").select_option(str(world.yankes.pk))
    page.get_by_label("Kuota").fill("10")
    page.get_by_role("button", name="Simpan angkatan").click()
    page.wait_for_url("**/pelatihan/angkatan/*/")
    assert "Angkatan disimpan" in page.locator("main").inner_text()

    # One session.
    page.get_by_role("link", name="Sesi", exact=True).click()
    page.get_by_label("Tanggal sesi 1").fill(f"{year}-06-02")
    page.get_by_label("Mulai sesi 1").fill("08:00")
    page.get_by_label("Selesai sesi 1").fill("12:00")
    page.get_by_label("Materi sesi 1").fill("Kebijakan keamanan informasi")
    page.get_by_role("button", name="Simpan sesi").click()
    assert "Sesi disimpan" in page.locator("main").inner_text()

    # Bulk enrolment: the Bidang Yankes staff below 20 JP, all ticked at once.
    page.get_by_role("link", name="Pendaftaran").click()
    page.get_by_label("Unit (beserta bawahannya)").select_option(str(world.yankes.pk))
    page.get_by_label("Di bawah 20 JP").check()
    page.get_by_role("button", name="Terapkan").click()
    rows = page.locator("table.candidates tbody")
    rows_text = rows.inner_text()
    assert "Perawat Dua" in rows_text and "Kabid Yankes" in rows_text
    assert "Perawat Satu" not in rows_text
    page.get_by_label("Pilih semua").check()
    screenshot("training-enrol-e2e")
    page.get_by_role("button", name="Daftarkan yang dipilih").click()
    assert "2 pegawai didaftarkan" in page.locator("main").inner_text()

    # Attendance: everyone present at the session.
    page.get_by_role("link", name="Presensi").click()
    for box in page.locator("table.attendance input[type=checkbox]").all():
        box.check()
    page.get_by_role("button", name="Simpan presensi").click()
    assert "Presensi disimpan" in page.locator("main").inner_text()

    # Results: both lulus, with certificate numbers.
    page.get_by_role("link", name="Hasil", exact=True).click()
    for i, employee in enumerate(sorted(below, key=lambda e: e.name), start=1):
        page.get_by_label(f"Hasil {employee.name}").select_option("lulus")
        page.get_by_label(f"Nomor sertifikat {employee.name}").fill(f"800/SIBER/{year}/{i}")
    page.get_by_role("button", name="Simpan hasil").click()
    main = page.locator("main").inner_text()
    assert "Hasil pelatihan disimpan" in main
    participants = page.locator("table.participants tbody").inner_text()
    assert participants.count("Lulus") == 2 and participants.count("100%") == 2
    screenshot("training-event-e2e")

    # The ledgers: each enrolled employee gained the program's 24 JP; the others did not.
    for employee in below:
        assert counted_jp(employee, year) == before[employee.pk] + program.jp
    assert counted_jp(world.employee_emp, year) == before[world.employee_emp.pk]

    # The JP ledger page of an enrolled employee shows the new line.
    page.goto(f"{base}/pelatihan/jp/{world.colleague_emp.pk}/?tahun={year}")
    assert "Pelatihan Keamanan Siber" in page.locator("main").inner_text()

    # The unit's 20 JP compliance counts the two newly compliant employees.
    page.goto(compliance_url)
    assert int(page.locator("[data-testid=compliant]").inner_text()) == compliant_before + 2


def test_pegawai_self_reports_an_e_learning_and_hr_verifies_it(
    transactional_db, world, employee, hr_dinkes, live_server, browser
):
    base = live_server.url
    year = today().year

    def login(username: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15000)
        sign_in(page, base, username)
        return context, page

    ctx_p, pegawai = login("employee")
    before = counted_jp(world.employee_emp, year)
    pegawai.goto(f"{base}/pelatihan/mandiri/tambah/")
    pegawai.get_by_label("Nama kegiatan").fill("E-learning Literasi Digital ASN")
    pegawai.get_by_label("Bentuk pengembangan").select_option("e_learning")
    day = today().replace(day=1).isoformat()
    pegawai.get_by_label("Tanggal mulai").fill(day)
    pegawai.get_by_label("Tanggal selesai").fill(day)
    pegawai.get_by_label("Durasi (menit)").fill("450")  # 10 JP
    pegawai.get_by_label("Nomor sertifikat").fill("ASN-UNGGUL/2026/7781")
    pegawai.get_by_role("button", name="Kirim laporan").click()
    pegawai.wait_for_load_state()
    report = Participation.objects.get(employee=world.employee_emp, is_self_reported=True)
    assert report.jp == 10 and report.verification == "pending"
    assert counted_jp(world.employee_emp, year) == before  # not counted before verification

    ctx_h, hr = login("hr_dinkes")
    hr.goto(f"{base}/pelatihan/verifikasi/")
    assert "E-learning Literasi Digital ASN" in hr.locator("main").inner_text()
    hr.get_by_role("link", name="Periksa").first.click()
    hr.get_by_label("Verifikasi (dihitung sebagai JP)").check()
    hr.get_by_role("button", name="Simpan keputusan").click()
    hr.wait_for_load_state()
    assert counted_jp(world.employee_emp, year) == before + 10

    pegawai.goto(f"{base}/pelatihan/jp/{world.employee_emp.pk}/")
    assert "E-learning Literasi Digital ASN" in pegawai.locator("main").inner_text()
    for context in (ctx_p, ctx_h):
        context.close()
