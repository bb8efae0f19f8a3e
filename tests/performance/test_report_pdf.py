"""The yearly evaluation PDFs: what they say, that long content stays on the page, and that
their contexts cost a fixed number of queries."""

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.conf import settings

from core.pdf import render_pdf
from performance import annual, reports, services
from performance.models import (
    RHK,
    SKP,
    Evaluation,
    Indicator,
    OrganisationPerformance,
    Realisation,
)
from positions.models import Employee, Predikat
from tests.factories import (
    EmployeeFactory,
    EvaluationFactory,
    PlacementFactory,
    PositionFactory,
    SKPFactory,
)
from tests.performance.pdf_helpers import (
    CODE,
    LONG,
    TOKEN,
    VERIFY_URL,
    YEAR,
    add_rhk,
    has,
    layout_problems,
    page_count,
    pages_text,
    participation,
    pdftotext,
    render,
    text_of,
    word_boxes,
)
from tests.performance.report_helpers import akhir


@pytest.fixture(autouse=True)
def _pdftotext_installed() -> None:
    """The text checks need poppler's pdftotext: missing, the tests fail (never skip)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run scripts/system_deps.sh --test (poppler-utils)")


# --- Employee report ------------------------------------------------------------------------


def test_report_skp_is_the_approved_skp_that_decides_the_year(world, year_done):
    assert reports.report_skp(world.employee_emp.pk, YEAR) == year_done
    assert reports.report_skp(world.colleague_emp.pk, YEAR) is None  # no SKP
    services.create_skp(world.colleague_emp, year=YEAR, pendekatan="kuantitatif")
    assert reports.report_skp(world.colleague_emp.pk, YEAR) is None  # a draft only


def test_report_skp_follows_the_annual_rule_after_a_move(world):
    first = services.create_skp(world.colleague_emp, year=YEAR, pendekatan="kuantitatif")
    world.colleague_emp.placements.update(end_date=dt.date(YEAR, 8, 31))
    seat = PositionFactory(unit=world.dishub, parent=world.kadis_dishub, kebutuhan=2)
    PlacementFactory(employee=world.colleague_emp, position=seat, start_date=dt.date(YEAR, 9, 1))
    second = annual.split_skp_for_move(first, move_date=dt.date(YEAR, 9, 1))
    # Written directly: the new seat answers to the vacant kepala Dishub post, so no one in the
    # portal could approve or rate the second SKP; the rule under test reads status and dates.
    SKP.objects.filter(pk__in=[first.pk, second.pk]).update(status=SKP.Status.DISETUJUI)
    # Before any akhir is rated: the SKP covering most days (Jan–Aug).
    assert reports.report_skp(world.colleague_emp.pk, YEAR) == first
    # Only the short one rated: it is the one that decides the year.
    akhir(second, "baik", final=False)
    assert reports.report_skp(world.colleague_emp.pk, YEAR) == second
    assert recap_predikat(world, world.colleague_emp) == "Baik"
    akhir(first, "sangat_baik", "diatas", "diatas", final=False)
    assert reports.report_skp(world.colleague_emp.pk, YEAR) == first
    assert annual.annual_results(world.pemprov, YEAR)[world.colleague_emp.pk] == "sangat_baik"
    assert recap_predikat(world, world.colleague_emp) == "Sangat Baik"


def recap_predikat(world, employee):
    rows = reports.unit_recap_context(world.pemprov, YEAR)["rows"]
    return next(row.predikat for row in rows if row.nip == employee.nip)


def test_employee_report_prints_the_evaluated_year(world, year_done):
    pdf = render(year_done)

    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    emp = world.employee_emp
    evaluation = Evaluation.objects.get(skp=year_done, period="tw4")
    assert evaluation.status == "final"
    for expected in (
        settings.INSTANSI_NAME.upper(),
        "DINAS KESEHATAN",
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "PERIODE: TAHUNAN (AKHIR)",
        "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025",
        "PEGAWAI YANG DINILAI",
        "ATASAN PEJABAT PENILAI KINERJA",
        emp.full_name,
        emp.nip,
        world.manager_emp.full_name,  # pejabat penilai
        world.kadis_emp.full_name,  # atasan pejabat penilai
        "Perawat Ahli Muda",
        "CAPAIAN KINERJA ORGANISASI BAIK",
        "Terlaksananya asuhan keperawatan pasien rawat inap",
        "A. UTAMA",
        "B. TAMBAHAN",
        "8 Dokumen",
        "Delapan dokumen disusun",
        "Pertahankan kualitas",
        "Disiplin dan cermat sepanjang tahun.",
        f"RATING HASIL KERJA {evaluation.get_rating_hasil_display()}",
        f"RATING PERILAKU KERJA {evaluation.get_rating_perilaku_display()}",
        "Di Atas Ekspektasi",
        "Sesuai Ekspektasi",
        f"PREDIKAT KINERJA PEGAWAI {Predikat(evaluation.predikat).label.upper()}",
        "Tingkatkan ketepatan waktu pelaporan triwulan.",
        f"Kode verifikasi: {CODE}",
        f"Periksa keaslian di {VERIFY_URL}",
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "Anggaran DPA",
        "Aplikasi SIMRS",
        "Dasar pemberian TPP",
        "PENGEMBANGAN KOMPETENSI TAHUN 2025",
        "Pelatihan Manajemen Nyeri",
        "Webinar Keselamatan Pasien",
        "Belum diverifikasi, tidak dihitung",
        "JUMLAH JP YANG DIHITUNG 12 JP",
        "Belum memenuhi (kurang 8 JP)",
    ):
        assert has(text, expected), expected
    assert "Kursus Yang Ditolak" not in text
    assert "Pelatihan Tahun Lalu" not in text
    assert evaluation.predikat == "baik"  # diatas × sesuai in the predikat matrix


def test_employee_report_has_the_code_on_every_page_and_embeds_its_fonts(year_done):
    pdf = render(year_done)

    pages = pages_text(pdf)
    assert len(pages) == page_count(pdf) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Kode verifikasi: {CODE}" in page
        assert f"Halaman {number} dari {len(pages)}" in page
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    rows = [line.split() for line in fonts.stdout.decode().splitlines()[2:]]
    assert rows and all("DejaVu" in row[0] for row in rows)
    assert all(row[-5] == "yes" for row in rows)  # the "emb" column


def test_report_with_the_twenty_jp_met_says_memenuhi(world, year_done):
    participation(world.employee_emp, "Pelatihan Lanjutan", 8)
    text = text_of(render(year_done))
    assert "JUMLAH JP YANG DIHITUNG 20 JP" in text
    assert "KETERANGAN Memenuhi" in text


def test_a_jpt_report_has_the_perspektif_column(world, hr_dinkes):
    skp = services.create_skp(world.kadis_emp, year=YEAR, pendekatan="kuantitatif")
    rhk = add_rhk(skp, "Meningkatnya derajat kesehatan masyarakat")
    RHK.objects.filter(pk=rhk.pk).update(perspektif="penerima_layanan")
    # Written directly on purpose: an SKP approved before snapshots were frozen (older data).
    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DISETUJUI)
    text = text_of(render(skp))
    assert "PERSPEKTIF" in text and "Penerima Layanan" in text
    assert "Evaluasi akhir belum dimulai." in text
    assert "PREDIKAT KINERJA PEGAWAI BELUM DINILAI" in text
    # Approved without a snapshot (older data): today's identity rows are printed.
    assert world.kadis_emp.nip in text


def test_forty_rhk_with_long_texts_wrap_inside_the_page(year_done):
    typical_pages = page_count(render(year_done))
    for i in range(40):
        add_rhk(
            year_done,
            f"RHK nomor {i:02d}{LONG}",
            jenis="utama" if i < 35 else "tambahan",
            indicators=("kuantitas", "kualitas"),
            order=10 + i,
            long_text=LONG,
        )
    evaluation = Evaluation.objects.get(skp=year_done, period="tw4")
    Realisation.objects.bulk_create(
        Realisation(
            evaluation=evaluation,
            indicator=ind,
            value=Decimal("9.5"),
            text=f"Bukti {TOKEN} {LONG}",
            umpan_balik=f"Umpan balik{LONG}",
        )
        for ind in Indicator.objects.filter(rhk__skp=year_done).exclude(realisations__isnull=False)
    )

    pdf = render(year_done)

    pages = page_count(pdf)
    assert pages > typical_pages + 10
    raw = "".join(pdftotext(pdf, "-raw").split())
    assert "RHKnomor39" in raw
    assert raw.count(TOKEN) == 80  # every realisation's unbroken token, split but whole
    texts = pages_text(pdf)
    hasil_pages = [t for t in texts if "RHK nomor" in t and "REALISASI BERDASARKAN" in t]
    assert len(hasil_pages) >= 10  # the evaluation table's header repeats on each page
    assert all(words for _, words in word_boxes(pdf))
    assert layout_problems(pdf) == []


def test_the_layout_check_catches_text_leaving_its_cell(year_done, template_dir):
    """Guards the guard: the same report without the wrapping rule fails the check."""
    rhk = add_rhk(year_done, "RHK dengan bukti panjang", indicators=("kuantitas", "kualitas"))
    evaluation = Evaluation.objects.get(skp=year_done, period="tw4")
    for ind in rhk.indicators.all():
        Realisation.objects.create(evaluation=evaluation, indicator=ind, text=TOKEN)
    context = reports.employee_report_context(year_done, verification_code=CODE, verify_url="")
    assert layout_problems(render_pdf(reports.EMPLOYEE_TEMPLATE, context)) == []

    (template_dir / "nowrap.html").write_text(
        '{% extends "performance/pdf/employee_report.html" %}{% block extra_style %}'
        "{{ block.super }} th, td, table.grid.hasil td { overflow-wrap: normal;"
        " word-wrap: normal; hyphens: manual; }{% endblock %}"
    )
    problems = layout_problems(render_pdf("nowrap.html", context))
    assert any("LAPORANKEGIATAN" in problem for problem in problems)


# The Pola Distribusi reads the annual predikat of the year's whole population (those who
# moved or retired included), the active employees and the active rated: 15, flat.
EMPLOYEE_CONTEXT_QUERIES = 15


def test_employee_context_query_budget_is_flat(world, year_done, django_assert_max_num_queries):
    # SKP (+ employee, position, penilai, atasan and their units), RHK (+ parent RHK),
    # indicators, expectations, akhir evaluation (+ finalised_by), its realisations, its
    # behaviour feedback, ancestor units, organisation predikat, the year's participations;
    # the kuadran's predikat rules; the Pola Distribusi's akhir results, active employees and
    # curve rules of the organisation.
    kwargs = {"verification_code": CODE, "verify_url": VERIFY_URL}
    with django_assert_max_num_queries(EMPLOYEE_CONTEXT_QUERIES) as small:
        reports.employee_report_context(year_done, **kwargs)
    evaluation = Evaluation.objects.get(skp=year_done, period="tw4")
    for i in range(12):
        rhk = add_rhk(year_done, f"RHK tambahan {i}", indicators=("kuantitas", "kualitas", "waktu"))
        for ind in rhk.indicators.all():
            Realisation.objects.create(evaluation=evaluation, indicator=ind, value=3)
    for i in range(6):
        participation(world.employee_emp, f"Kursus {i}", 2)
    with django_assert_max_num_queries(EMPLOYEE_CONTEXT_QUERIES) as big:
        context = reports.employee_report_context(year_done, **kwargs)
    assert len(big.captured_queries) == len(small.captured_queries)
    assert sum(len(g["items"]) for g in context["hasil_groups"]) == 14
    assert len(context["development"]) == 8  # 7 counted + 1 pending
    # The template numbers the Lampiran items: numbering typed by the pegawai is dropped.
    lampiran = context["skp_form"]["lampiran"]
    assert lampiran[0] == ("DUKUNGAN SUMBER DAYA", ["Anggaran DPA", "Aplikasi SIMRS"])


def test_qr_code_is_an_svg_data_uri():
    uri = reports.qr_svg_data_uri(VERIFY_URL)
    assert uri.startswith("data:image/svg+xml")


# --- Unit recap -----------------------------------------------------------------------------


@pytest.fixture
def recap_world(world, employee, manager, hr_dinkes, year_done):
    """In Dinas Kesehatan: Perawat Satu rated Baik (year_done), Perawat Dua rated Sangat Baik
    with 20 JP, Kabid and Kadis not rated. In Dinas Perhubungan: Staf Dishub rated (outside)."""
    colleague = SKPFactory(employee=world.colleague_emp, year=YEAR, approved=True)
    EvaluationFactory(skp=colleague, final=True, rating_hasil="diatas", rating_perilaku="diatas")
    # Written directly: the kepala Dishub post is vacant in the world, so no one in the portal
    # could approve or rate the Dishub staff's SKP.
    skp = services.create_skp(world.outsider_emp, year=YEAR, pendekatan="kuantitatif")
    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DISETUJUI)
    akhir(skp, "kurang", "diatas", "dibawah")
    participation(world.colleague_emp, "Pelatihan Gawat Darurat", 20)
    return world


def test_unit_recap_lists_the_subtree_and_counts_the_distribution(recap_world):
    world = recap_world
    context = reports.unit_recap_context(world.dinkes, YEAR)
    counts = {row["label"]: row["count"] for row in context["distribution"]}
    assert counts == {
        "Sangat Baik": 1,
        "Baik": 1,
        "Butuh Perbaikan": 0,
        "Kurang/Misconduct": 0,
        "Sangat Kurang": 0,
    }
    assert (context["rated"], context["not_rated"], context["total"]) == (2, 2, 4)
    assert (context["jp_compliant"], context["jp_pct"]) == (1, 25)
    # Baik organisation: someone must be Butuh Perbaikan or Kurang/Misconduct; Baik is 50%.
    assert context["violations"] == services.curve_violations("baik", {"sangat_baik": 1, "baik": 1})
    assert len(context["violations"]) == 1
    # Ordered by unit path, then name: the dinas before its bidang.
    assert [r.name for r in context["rows"]] == [
        world.kadis_emp.full_name,
        world.manager_emp.full_name,
        world.colleague_emp.full_name,  # Perawat Dua
        world.employee_emp.full_name,  # Perawat Satu
    ]

    pdf = reports.render_unit_recap(world.dinkes.pk, YEAR)

    text = text_of(pdf)
    assert "REKAPITULASI PREDIKAT KINERJA PEGAWAI TAHUN 2025" in text
    assert "Dinas Kesehatan" in text
    for emp in (world.kadis_emp, world.manager_emp, world.employee_emp, world.colleague_emp):
        assert emp.full_name in text and emp.nip in text
    assert world.outsider_emp.full_name not in text
    assert "Predikat kinerja organisasi Baik" in text
    # 2 of 4 rated: the distribution is not judged yet (docs/domain.md §1.7).
    assert context["provisional"]
    assert has(text, "Sementara: 2 dari 4 pegawai sudah dinilai.")
    assert not has(text, context["violations"][0])
    assert "pola distribusi:" not in text
    assert has(text, "Sangat Baik 1 50,0% Baik 1 50,0% Butuh Perbaikan 0 0,0%")
    assert "Belum dinilai (pegawai aktif) 2" in text
    assert "1 dari 4 pegawai (25,0%)" in text
    assert text.count("Belum dinilai") == 3  # the summary line and the two unrated rows
    # The signer: today's head of the dinas.
    assert f"{world.kadis.name}," in text


def test_a_long_unit_recap_is_laid_out_in_parts_and_prints_whole(recap_world, monkeypatch):
    """core.pdf.render_in_parts with parts of one row: every employee once and in order, the
    head on the first page only, the signature on the last, pages numbered across the parts."""
    monkeypatch.setattr("core.pdf.ROWS_PER_PART", 1)
    world = recap_world
    pdf = reports.render_unit_recap(world.dinkes.pk, YEAR)
    total = page_count(pdf)
    texts = pages_text(pdf)
    everything = " ".join(texts)
    employees = [world.kadis_emp, world.manager_emp, world.colleague_emp, world.employee_emp]
    assert total == len(employees)  # a part of one row keeps its page
    # Every row's NIP once and in order, then the signer's (the kadis) under the signature.
    nips = [nip for text in texts for nip in re.findall(r"\d{18}", text)]
    assert nips == [e.nip for e in employees] + [world.kadis_emp.nip]
    assert everything.count("REKAPITULASI PREDIKAT KINERJA PEGAWAI") == 1
    assert "REKAPITULASI PREDIKAT KINERJA PEGAWAI" in texts[0]
    assert everything.count(f"{world.kadis.name},") == 1 and f"{world.kadis.name}," in texts[-1]
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {total}" in text


def test_unit_recap_without_organisation_predikat(recap_world):
    OrganisationPerformance.objects.all().delete()
    text = text_of(reports.render_unit_recap(recap_world.yankes.pk, YEAR))
    assert "Predikat kinerja organisasi Belum ditetapkan" in text
    assert recap_world.kadis_emp.full_name not in text  # the dinas sits above the bidang


def everyone_rated(world):
    """The two unrated people of Dinas Kesehatan leave it: everyone left is rated."""
    Employee.objects.filter(pk__in=[world.kadis_emp.pk, world.manager_emp.pk]).update(
        status=Employee.Status.MUTASI_KELUAR
    )


def test_unit_recap_in_line_with_the_curve_says_so(recap_world):
    OrganisationPerformance.objects.filter(unit=recap_world.dinkes).update(predikat="istimewa")
    everyone_rated(recap_world)
    text = text_of(reports.render_unit_recap(recap_world.dinkes.pk, YEAR))
    assert "Sesuai pola distribusi" in text
    assert "Sementara" not in text


def test_unit_recap_out_of_line_once_everyone_is_rated(recap_world):
    everyone_rated(recap_world)
    context = reports.unit_recap_context(recap_world.dinkes, YEAR)
    assert not context["provisional"]
    text = text_of(reports.render_unit_recap(recap_world.dinkes.pk, YEAR))
    assert "Tidak sesuai pola distribusi:" in text
    assert has(text, context["violations"][0])


# Six for the rows, plus the annual predikat of the year's whole population for the curve.
RECAP_CONTEXT_QUERIES = 7


def test_unit_recap_query_budget_is_flat(recap_world, django_assert_num_queries):
    # Organisation predikat, employees (+ unit, JP and jabatan subqueries), akhir results,
    # curve rules, the head post, its holder.
    world = recap_world
    with django_assert_num_queries(RECAP_CONTEXT_QUERIES):
        reports.unit_recap_context(world.dinkes, YEAR)
    for i in range(25):
        emp = EmployeeFactory(name=f"Perawat Tambahan {i:02d}", unit=world.yankes)
        PlacementFactory(employee=emp, position=world.perawat)
        skp = services.create_skp(emp, year=YEAR, pendekatan="kuantitatif")
        Evaluation.objects.create(
            skp=skp, period="tw4", rating_hasil="sesuai", rating_perilaku="sesuai", predikat="baik"
        )
        participation(emp, f"Pelatihan {i}", 5)
    with django_assert_num_queries(RECAP_CONTEXT_QUERIES):
        context = reports.unit_recap_context(world.dinkes, YEAR)
    assert context["total"] == 29 and context["rated"] == 27
