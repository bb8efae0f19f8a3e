"""The yearly bundle follows the official forms (docs/domain.md §1.10a): each part is its own
form from a new page, in the bundle's order, with the titles, blocks and labels of the form in
their order; the Pola Distribusi figure is drawn to scale; the recap does not judge a curve
while employees are unrated."""

import re
import xml.etree.ElementTree as ET

import pytest

from core.pdf import render_pdf
from performance import reports
from performance.figures import CURVE_ORDER, PLOT_BOTTOM, PLOT_HEIGHT, pola_distribusi_svg
from performance.models import CurveRule, Evaluation, OrganisationPerformance
from tests.factories import SKPFactory
from tests.performance.pdf_helpers import (
    CODE,
    VERIFY_URL,
    YEAR,
    fold,
    has,
    missing_in_order,
    pages_text,
    pdftotext,
    render,
    word_boxes,
)

SVG = "{http://www.w3.org/2000/svg}"

# The first line of each part and the part it opens, in bundle order (§1.10a).
PART_TITLES = [
    ("dokumen", "DOKUMEN EVALUASI KINERJA PEGAWAI"),
    ("evaluasi", "EVALUASI KINERJA PEGAWAI PENDEKATAN HASIL KERJA"),
    ("kuadran", "KUADRAN KINERJA PEGAWAI"),
    ("skp", "SASARAN KINERJA PEGAWAI"),
    ("lampiran", "LAMPIRAN SASARAN KINERJA PEGAWAI"),
    ("jp", "PENGEMBANGAN KOMPETENSI TAHUN"),
]

# docs/domain.md §1.10a part 1, in the order printed.
DOKUMEN_LABELS = [
    "DOKUMEN EVALUASI KINERJA PEGAWAI",
    "PERIODE: TAHUNAN (AKHIR)",
    "PERIODE PENILAIAN:",
    "1 PEGAWAI YANG DINILAI",
    "NAMA",
    "NIP",
    "PANGKAT/GOL. RUANG",
    "JABATAN",
    "UNIT KERJA",
    "2 PEJABAT PENILAI KINERJA",
    "3 ATASAN PEJABAT PENILAI KINERJA",
    "4 EVALUASI KINERJA",
    "CAPAIAN KINERJA ORGANISASI",
    "PREDIKAT KINERJA PEGAWAI",
    "5 CATATAN/REKOMENDASI",
    "Pegawai yang Dinilai",
    "Pejabat Penilai Kinerja",
]

# docs/domain.md §1.10a part 2, in the order printed.
EVALUASI_LABELS = [
    "EVALUASI KINERJA PEGAWAI",
    "PENDEKATAN HASIL KERJA KUANTITATIF",
    "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
    "PERIODE: TAHUNAN (AKHIR)",
    "PEGAWAI YANG DINILAI",
    "PEJABAT PENILAI KINERJA",
    "PANGKAT/GOL. RUANG",
    "CAPAIAN KINERJA ORGANISASI",
    "POLA DISTRIBUSI",
    "HASIL KERJA",
    "REALISASI BERDASARKAN BUKTI DUKUNG",
    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
    "RATING HASIL KERJA",
    "PERILAKU KERJA",
    "EKSPEKTASI KHUSUS PIMPINAN",
    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
    "RATING PERILAKU KERJA",
    "PREDIKAT KINERJA PEGAWAI",
    "Pejabat Penilai Kinerja",
]


def parts(pdf: bytes) -> dict[str, str]:
    """{part: its text}, cut at the page where the next part's title opens a page."""
    pages = pages_text(pdf)
    starts = []
    for name, title in PART_TITLES:
        # A part's title is the first text of its page, under the letterhead.
        number = next((i for i, page in enumerate(pages) if fold(title) in fold(page)[:400]), None)
        assert number is not None, f"{name}: no page opens with {title!r}"
        starts.append((number, name))
    assert [name for _, name in sorted(starts)] == [name for name, _ in PART_TITLES]
    bounds = [number for number, _ in starts] + [len(pages)]
    return {name: " ".join(pages[bounds[i] : bounds[i + 1]]) for i, (_, name) in enumerate(starts)}


@pytest.fixture
def evaluated(year_done):
    """Perawat Satu's approved SKP of 2025 with a final akhir evaluation (rated Baik)."""
    return year_done


# --- The bundle -----------------------------------------------------------------------------


def test_the_parts_are_separate_forms_in_bundle_order(evaluated):
    text = parts(render(evaluated))

    assert missing_in_order(text["dokumen"], DOKUMEN_LABELS) == []
    assert missing_in_order(text["evaluasi"], EVALUASI_LABELS) == []
    # Control: the order check fails on the same text when the labels are asked in reverse,
    # and a label of another form is missing here.
    assert missing_in_order(text["dokumen"], DOKUMEN_LABELS[::-1]) != []
    assert missing_in_order(text["dokumen"], ["POLA DISTRIBUSI"]) == ["POLA DISTRIBUSI"]
    # The Dokumen Evaluasi holds no Hasil Kerja or Perilaku tables and no atasan signature.
    for absent in ("RATING HASIL KERJA", "RENCANA HASIL KERJA", "Mengetahui", "POLA DISTRIBUSI"):
        assert not has(text["dokumen"], absent), absent
    # The Evaluasi form is signed by the pejabat penilai only.
    assert not has(text["evaluasi"], "Pegawai yang Dinilai")
    assert "Mengetahui" not in text["evaluasi"]


def test_block_four_holds_the_capaian_organisasi_and_the_predikat(evaluated):
    text = parts(render(evaluated))["dokumen"]
    block = fold(text)[fold(text).index("4EVALUASIKINERJA") :]
    block = block[: block.index("5CATATAN/REKOMENDASI")]
    assert block == fold(
        "4 EVALUASI KINERJA CAPAIAN KINERJA ORGANISASI BAIK PREDIKAT KINERJA PEGAWAI BAIK"
    )


def test_catatan_rekomendasi_is_printed_when_empty(evaluated):
    Evaluation.objects.filter(skp=evaluated).update(umpan_balik="")
    text = parts(render(evaluated))["dokumen"]
    # Block 5 is printed, empty: the signing date follows its heading.
    assert has(text, "4 EVALUASI KINERJA")
    assert re.search(r"5 ?CATATAN/REKOMENDASI Bandar Lampung, \d+ \w+ \d{4} Pegawai", text)


def test_no_capaian_percentage_anywhere(evaluated):
    text = pdftotext(render(evaluated), "-raw")
    assert "8 Dokumen" in text  # the realisasi is printed, without a percentage under it
    assert not re.search(r"capaian\s*[\d.,]+\s*%", text, re.I)


def date_centre(page) -> float:
    """Where the signing date ("Bandar Lampung, <date>") is centred, as a share of the width."""
    width, words = page
    place = next(w for w in words if w[4] == "Bandar")
    line = [w for w in words if abs(w[1] - place[1]) < 1]
    return (place[0] + max(w[2] for w in line)) / 2 / width


def test_one_date_stands_above_both_signatures_of_the_dokumen(evaluated):
    """docs/domain.md §1.10a part 1: one date line over both signature columns (centred on
    the page). The Evaluasi form, signed by the penilai only, is the control: its date is over
    the right column."""
    pages = word_boxes(render(evaluated))
    assert date_centre(pages[0]) == pytest.approx(0.5, abs=0.05)
    # The next date after page 1 is the Evaluasi form's (the Kuadran has none).
    evaluasi = next(p for p in pages[1:] if any(w[4] == "Bandar" for w in p[1]))
    assert date_centre(evaluasi) == pytest.approx(0.75, abs=0.05)
    # The predikat and the penilai's signature share a page: the signature is never alone.
    assert any(w[4] == "PREDIKAT" for w in evaluasi[1])


def test_the_jpt_evaluation_form_has_its_title_and_columns(world):
    # The kadis sits at the top of the tree: the factory approves as the PPK would.
    skp = SKPFactory(
        employee=world.kadis_emp,
        year=YEAR,
        approved=True,
        rhk_texts=("Meningkatnya derajat kesehatan masyarakat",),
    )
    text = parts(render(skp))["evaluasi"]
    assert has(text, "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI")
    assert has(
        text,
        "NO RENCANA HASIL KERJA INDIKATOR KINERJA INDIVIDU TARGET REALISASI BERDASARKAN BUKTI "
        "DUKUNG UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG PERSPEKTIF",
    )
    assert "DIINTERVENSI" not in text and "ASPEK" not in text


# --- Kuadran -------------------------------------------------------------------------------


def test_the_kuadran_marks_the_employees_cell(evaluated):
    """diatas × sesuai is Baik: the marked cell is in the top row (hasil di atas), middle column
    (perilaku sesuai)."""
    pdf = render(evaluated)
    text = parts(pdf)["kuadran"]
    assert has(text, "HASIL KERJA")
    assert has(text, "PERILAKU KERJA")
    assert text.count("posisi pegawai") == 1
    # Top row, left to right: perilaku di bawah, sesuai, di atas.
    assert has(text, "Di Atas Ekspektasi Kurang/Misconduct Baik ▲ posisi pegawai Sangat Baik")
    assert has(text, "Di Bawah Ekspektasi Sangat Kurang Butuh Perbaikan Butuh Perbaikan")


# --- Pola Distribusi -----------------------------------------------------------------------


def bars(svg: str) -> dict[str, float]:
    root = ET.fromstring(svg)
    return {
        rect.get("data-predikat"): float(rect.get("height"))
        for rect in root.iter(f"{SVG}rect")
        if "bar" in (rect.get("class") or "").split()
    }


def test_bar_heights_are_proportional_to_the_counts(db):
    counts = {"sangat_baik": 1, "baik": 6, "butuh_perbaikan": 2, "kurang": 1, "sangat_kurang": 0}
    rules = list(CurveRule.objects.filter(org_predikat="baik"))
    svg = str(pola_distribusi_svg(counts, rules, own="baik"))

    heights = bars(svg)
    assert list(heights) == list(CURVE_ORDER)
    for code, count in counts.items():
        assert heights[code] == pytest.approx(count / 10 * PLOT_HEIGHT)
    # Each bar stands on the axis, and the employee's bar is the one marked.
    root = ET.fromstring(svg)
    rects = [r for r in root.iter(f"{SVG}rect") if "bar" in (r.get("class") or "")]
    for rect in rects:
        assert float(rect.get("y")) + float(rect.get("height")) == pytest.approx(PLOT_BOTTOM)
    assert [r.get("data-predikat") for r in rects if "own" in r.get("class")] == ["baik"]
    # The Baik organisation's bands: Baik at most 70 %, some Butuh Perbaikan or Kurang.
    band_text = [t.text for t in root.iter(f"{SVG}text")]
    assert "maks. 70%" in band_text and "min. 1 orang" in band_text


def test_a_control_figure_with_other_counts_has_other_heights(db):
    """Guards the proportionality check: swapped counts give other heights."""
    one = bars(str(pola_distribusi_svg({"baik": 6, "sangat_baik": 4}, [])))
    two = bars(str(pola_distribusi_svg({"baik": 4, "sangat_baik": 6}, [])))
    assert one["baik"] != two["baik"]
    assert one["baik"] == pytest.approx(two["sangat_baik"])


def test_the_evaluasi_form_draws_the_organisations_curve(world, evaluated):
    pdf = render(evaluated)
    text = parts(pdf)["evaluasi"]
    assert has(
        text, "Kurva distribusi predikat kinerja pegawai dengan capaian kinerja organisasi BAIK"
    )
    # 1 of the 4 active employees of Dinas Kesehatan is rated: the figure says so.
    assert has(text, "Sementara: 1 dari 4 pegawai sudah dinilai.")
    assert has(text, "predikat pegawai ini")
    context = reports.employee_report_context(evaluated, verification_code=CODE, verify_url="")
    assert bars(str(context["pola"]["svg"]))["baik"] == pytest.approx(PLOT_HEIGHT)


def test_without_a_predikat_organisasi_there_is_no_curve(evaluated):
    OrganisationPerformance.objects.all().delete()
    text = parts(render(evaluated))["evaluasi"]
    assert has(text, "Belum dapat digambarkan: capaian kinerja organisasi belum ditetapkan.")


def test_the_figure_is_drawn_in_the_pdf(evaluated, template_dir):
    """The SVG is rendered (its labels are text of the page); a control render without the
    figure proves the check can fail."""
    context = reports.employee_report_context(evaluated, verification_code=CODE, verify_url="")
    drawn = pdftotext(render_pdf(reports.EMPLOYEE_TEMPLATE, context), "-raw")
    assert "maks. 70%" in drawn and "▲ predikat pegawai ini" in drawn
    context["pola"] = {**context["pola"], "svg": ""}
    blank = pdftotext(render_pdf(reports.EMPLOYEE_TEMPLATE, context), "-raw")
    assert "maks. 70%" not in blank


# --- Verification code ----------------------------------------------------------------------


def body_words(page):
    """The words of a page above its running footer (the line with "Halaman")."""
    _, words = page
    footer = min(w[1] for w in words if w[4] == "Halaman")
    return [w for w in words if w[3] < footer - 2]


def places(pdf: bytes, word: str) -> list[tuple[int, float, float]]:
    """(page, top, height) of each `word` outside the running footer, in reading order."""
    return [
        (number, w[1], w[3] - w[1])
        for number, page in enumerate(word_boxes(pdf))
        for w in body_words(page)
        if w[4] == word
    ]


def test_the_verification_box_is_small_and_below_the_signatures(evaluated, template_dir):
    pdf = render(evaluated)
    code, nip = places(pdf, CODE), places(pdf, "NIP")
    assert code and code[0][0] == 0  # on the Dokumen Evaluasi
    assert code[0][:2] > max(n[:2] for n in nip if n[0] == 0)  # under its signatures
    assert code[0][2] < 11  # at most about 8.5 pt type
    assert has(pdftotext(pdf, "-raw"), f"Periksa keaslian di {VERIFY_URL}")
    # Control: the same check on a render with the box before the form fails.
    (template_dir / "box_on_top.html").write_text(
        '{% extends "performance/pdf/employee_report.html" %}{% block content %}'
        '{% include "performance/pdf/_verification.html" %}{{ block.super }}{% endblock %}'
    )
    context = reports.employee_report_context(
        evaluated, verification_code=CODE, verify_url=VERIFY_URL
    )
    control = render_pdf("box_on_top.html", context)
    assert places(control, CODE)[0][:2] < places(control, "NIP")[0][:2]
