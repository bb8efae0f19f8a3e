"""Issue 4 journey: draft → submit → returned with a note → revised → approved → realisasi
with a file → rated → predikat → the unit's curve."""

import re

import pytest
from django.utils import timezone

from performance import services
from performance.models import RHK, SKP, Indicator, OrganisationPerformance
from tests.e2e.chromium import sign_in

pytestmark = pytest.mark.e2e
YEAR = timezone.localdate().year


def _login(browser, base, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, base, username)
    return context, page


def test_skp_from_draft_to_predikat_on_the_curve(
    transactional_db, world, employee, manager, hr_dinkes, live_server, browser, tmp_path
):
    # The penilai's own SKP is approved, so the pegawai can cascade from it.
    boss_skp = services.create_skp(world.manager_emp, year=YEAR, pendekatan="kuantitatif")
    RHK.objects.create(skp=boss_skp, text="Meningkatnya mutu pelayanan keperawatan rumah sakit")
    SKP.objects.filter(pk=boss_skp.pk).update(status="disetujui")
    OrganisationPerformance.objects.create(
        unit=world.dinkes, year=YEAR, predikat="baik", set_by=hr_dinkes
    )
    base = live_server.url
    ctx_p, pegawai = _login(browser, base, "employee")
    ctx_m, penilai = _login(browser, base, "manager")

    # Pegawai drafts the SKP; the penilai is shown before filing.
    pegawai.goto(f"{base}/kinerja/skp/baru/")
    assert "Kabid Yankes" in pegawai.locator("main").inner_text()
    pegawai.get_by_role("button", name="Buat SKP").click()
    pegawai.wait_for_url(re.compile(r".*/kinerja/skp/\d+/$"))
    skp_url = pegawai.url
    skp = SKP.objects.get(employee=world.employee_emp, year=YEAR)

    pegawai.get_by_role("link", name="Tambah RHK").click()
    pegawai.get_by_label("Rencana hasil kerja").fill("Terlaksananya asuhan keperawatan bermutu")
    pegawai.get_by_label("RHK pimpinan yang diintervensi").select_option(
        label="Meningkatnya mutu pelayanan keperawatan rumah sakit"
    )
    pegawai.get_by_role("button", name="Simpan").click()
    pegawai.wait_for_url(skp_url)
    pegawai.get_by_role("link", name="Tambah IKI").click()
    pegawai.get_by_label("Aspek").select_option("kuantitas")
    pegawai.get_by_label("Indikator kinerja individu").fill("Jumlah pasien yang dilayani")
    pegawai.get_by_label("Target").fill("100")
    pegawai.get_by_label("Satuan").fill("Pasien")
    pegawai.get_by_role("button", name="Simpan").click()
    pegawai.wait_for_url(skp_url)
    pegawai.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    pegawai.wait_for_url(skp_url)
    assert SKP.objects.get(pk=skp.pk).status == "diajukan"

    # Penilai returns it with a note.
    penilai.goto(skp_url)
    penilai.get_by_role("link", name="Kembalikan dengan catatan").click()
    penilai.get_by_label("Catatan untuk pegawai").fill("Target pasien terlalu rendah.")
    penilai.get_by_role("button", name="Kembalikan dengan catatan").click()
    penilai.wait_for_url("**/kinerja/persetujuan/")  # back to the inbox

    # Pegawai sees the note, revises the target and submits again.
    pegawai.goto(skp_url)
    assert "Target pasien terlalu rendah." in pegawai.locator("main").inner_text()
    iki = Indicator.objects.get(rhk__skp=skp)
    pegawai.goto(f"{base}/kinerja/iki/{iki.pk}/ubah/")
    pegawai.get_by_label("Target").fill("240")
    pegawai.get_by_role("button", name="Simpan").click()
    pegawai.wait_for_url(skp_url)
    pegawai.get_by_role("button", name="Ajukan ke pejabat penilai").click()
    pegawai.wait_for_url(skp_url)

    # Penilai approves.
    penilai.goto(skp_url)
    penilai.get_by_role("link", name="Setujui SKP").click()  # asks first (issue 11)
    penilai.get_by_role("button", name="Ya, setujui SKP").click()
    penilai.wait_for_url("**/kinerja/persetujuan/")
    assert SKP.objects.get(pk=skp.pk).status == "disetujui"

    # Pegawai enters a realisasi with a PDF as bukti dukung.
    evidence = tmp_path / "laporan-asuhan.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    eval_url = f"{base}/kinerja/skp/{skp.pk}/evaluasi/tw4/"
    pegawai.goto(eval_url)
    pegawai.get_by_label("Realisasi (Pasien)").fill("250")
    pegawai.get_by_label("Bukti dukung (berkas)").set_input_files(str(evidence))
    pegawai.get_by_role("button", name="Simpan realisasi").click()
    pegawai.wait_for_load_state()
    assert "laporan-asuhan.pdf" in pegawai.locator("main").inner_text()

    # Penilai rates; the predikat follows from the matrix.
    penilai.goto(eval_url)
    penilai.get_by_label("Rating hasil kerja").select_option("diatas")
    penilai.get_by_label("Rating perilaku kerja").select_option("sesuai")
    penilai.get_by_role("button", name="Simpan dan finalkan").click()
    penilai.get_by_role("button", name="Ya, finalkan evaluasi").click()  # asks first (issue 11)
    penilai.wait_for_url(eval_url)
    assert "Baik" in penilai.locator("main").inner_text()

    # The unit's curve counts it.
    ctx_h, hr = _login(browser, base, "hr_dinkes")
    hr.goto(f"{base}/kinerja/kurva/?unit={world.dinkes.pk}&tahun={YEAR}")
    assert "1 pegawai dinilai" in hr.locator("main").inner_text()
    hr.screenshot(path="test-artifacts/curve-e2e.png", full_page=True)
    for context in (ctx_p, ctx_m, ctx_h):
        context.close()
