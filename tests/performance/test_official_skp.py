"""The SKP forms of the yearly bundle follow the official templates (docs/domain.md §1.3,
§1.10a B and D): their text in the form's order, the JPT variant's columns and perspektif,
the Lampiran on its own page, and the layout rules (no heading stranded at the foot of a page,
readable type sizes, text inside its cells), each layout check with a control render that
proves it can fail."""

import datetime as dt
import re
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from core.pdf import render_pdf
from performance import pdf_skp, services
from performance.forms import RHKForm
from performance.models import RHK, SKP
from tests.factories import EmployeeFactory, PlacementFactory, acting_as, advance
from tests.performance.pdf_helpers import (
    LONG,
    MM,
    TOKEN,
    fold,
    layout_problems,
    missing_in_order,
    page_count,
    pdftotext,
    word_boxes,
)

YEAR = 2025
PAGE_BOTTOM = (297 - 18) * MM  # the bottom @page margin of templates/pdf/base.html
INSTANSI = "Pemerintah Provinsi Lampung"


def pages_raw(pdf: bytes) -> list[str]:
    return pdftotext(pdf, "-raw").split("\f")[:-1]


def add_rhk(skp, user, text, *, jenis="utama", perspektif="", aspek=("kuantitas",), extra=""):
    rhk = services.add_rhk(skp, user=user, jenis=jenis, text=text, perspektif=perspektif)
    for a in aspek:
        services.add_indicator(
            rhk,
            user=user,
            aspek=a,
            text=f"Jumlah {text[:40].lower()} ({a}){extra}",
            target_value=12 if a == "waktu" else 10,
            target_satuan="Bulan" if a == "waktu" else "Dokumen",
        )
    return rhk


@pytest.fixture
def jf_skp(world, employee, manager):
    """Perawat Satu's approved SKP 2025 (a JF post): two RHK utama cascaded from the kabid's
    SKP, one tambahan, ekspektasi and a Lampiran."""
    skp = services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    add_rhk(skp, employee, "Terlaksananya asuhan keperawatan pasien rawat inap",
            aspek=("kuantitas", "kualitas", "waktu"))  # fmt: skip
    add_rhk(skp, employee, "Tersusunnya dokumentasi asuhan keperawatan")
    add_rhk(skp, employee, "Menjadi narasumber sosialisasi", jenis="tambahan")
    services.set_lampiran(
        skp,
        user=employee,
        dukungan_sumber_daya="1. Anggaran DPA\n2. Aplikasi SIMRS",
        skema_pertanggungjawaban="- Laporan bulanan kepada kepala bidang",
        konsekuensi="Dasar pemberian TPP",
    )
    with acting_as(world.manager_emp) as user:
        services.set_expectations(skp, user=user, values={"akuntabel": "Laporan tepat waktu."})
    return advance(skp)


PERSPEKTIF = ["penerima_layanan", "proses_bisnis", "penguatan_internal", "anggaran"]


@pytest.fixture
def jpt_skp(world):
    """The kepala Dinas Perhubungan's approved SKP 2025 (a JPT post at the top of the tree:
    its penilai is the PPK), one RHK per perspektif and a tambahan."""
    kadis = EmployeeFactory(name="Kadis Hubung", unit=world.dishub)
    PlacementFactory(employee=kadis, position=world.kadis_dishub)
    skp = services.create_skp(kadis, year=YEAR, pendekatan="kuantitatif")
    with acting_as(kadis) as user:
        for text, perspektif in zip(
            [
                "Meningkatnya derajat kesehatan masyarakat",
                "Meningkatnya mutu tata kelola layanan kesehatan rujukan",
                "Meningkatnya kompetensi tenaga kesehatan",
                "Terserapnya anggaran program kesehatan secara akuntabel",
            ],
            PERSPEKTIF,
            strict=True,
        ):
            add_rhk(skp, user, text, perspektif=perspektif)
        add_rhk(skp, user, "Menjadi ketua tim percepatan penurunan stunting",
                jenis="tambahan", perspektif="penerima_layanan")  # fmt: skip
    return advance(skp)


def render(skp) -> bytes:
    return pdf_skp.render_skp(skp.pk)


# --- What the forms say, in the form's order ---------------------------------------------------


def test_the_order_check_fails_on_a_swapped_order():
    assert missing_in_order("A B C", ["A", "B", "C"]) == []
    assert missing_in_order("A B C", ["B", "A"]) == ["A"]


def test_jajf_skp_prints_every_line_of_the_form_in_order(world, jf_skp):
    pdf = render(jf_skp)
    pages = pages_raw(pdf)
    lampiran_at = next(i for i, page in enumerate(pages) if "LAMPIRAN SASARAN" in page)
    skp_text = " ".join(pages[:lampiran_at])
    emp, penilai = world.employee_emp, world.manager_emp
    assert (
        missing_in_order(
            skp_text,
            [
                INSTANSI.upper(),
                "SASARAN KINERJA PEGAWAI",
                "PENDEKATAN HASIL KERJA KUANTITATIF",
                "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
                "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025",
                "NO PEGAWAI YANG DINILAI NO PEJABAT PENILAI KINERJA",
                f"1 NAMA {emp.full_name} 1 NAMA {penilai.full_name}",
                f"2 NIP {emp.nip} 2 NIP {penilai.nip}",
                "3 PANGKAT/GOL. RUANG",
                "3 PANGKAT/GOL. RUANG",
                "4 JABATAN",
                "4 JABATAN",
                "5 UNIT KERJA",
                "5 UNIT KERJA",
                "HASIL KERJA",
                "NO",
                "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI*",
                "RENCANA HASIL KERJA",
                "ASPEK",
                "INDIKATOR KINERJA INDIVIDU",
                "TARGET",
                "(1) (2) (3) (4) (5) (6)",
                "A. UTAMA",
                "Terlaksananya asuhan keperawatan pasien rawat inap",
                "Kuantitas",
                "10 Dokumen",
                "Waktu",
                "12 Bulan",
                "B. TAMBAHAN",
                "Menjadi narasumber sosialisasi",
                "PERILAKU KERJA",
                "NO PERILAKU KERJA EKSPEKTASI KHUSUS PIMPINAN**",
                "Berorientasi Pelayanan",
                "Akuntabel",
                "Laporan tepat waktu.",
                "Kompeten",
                "Harmonis",
                "Loyal",
                "Adaptif",
                "Kolaboratif",
                "Bandar Lampung,",
                "Pegawai yang Dinilai",
                "Pejabat Penilai Kinerja",
                emp.full_name,
                penilai.full_name,
                "* Diisi dengan Rencana Hasil Kerja pimpinan",
                "** Pimpinan dapat memberikan ekspektasi khusus",
            ],
        )
        == []
    )
    assert "Capaian" not in skp_text and "PERSPEKTIF" not in skp_text
    # The intervened RHK is the kabid's (the cascade): printed in column (2).
    intervened = RHK.objects.get(skp=jf_skp, text__startswith="Terlaksananya").parent_rhk
    assert intervened is not None and fold(intervened.text) in fold(skp_text)


def test_lampiran_stands_on_its_own_page_with_its_own_signatures(world, jf_skp):
    pdf = render(jf_skp)
    pages = pages_raw(pdf)
    lampiran = [i for i, page in enumerate(pages) if "LAMPIRAN SASARAN KINERJA PEGAWAI" in page]
    assert len(lampiran) == 1 and lampiran[0] >= 1
    page = pages[lampiran[0]]
    # Only the Lampiran: no HASIL KERJA or PERILAKU KERJA table heading on its page.
    assert not re.search(r"^(HASIL|PERILAKU) KERJA$", page, re.M)
    assert (
        missing_in_order(
            page,
            [
                "LAMPIRAN SASARAN KINERJA PEGAWAI",
                "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
                "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025",
                "NO PEGAWAI YANG DINILAI NO PEJABAT PENILAI KINERJA",
                "1. DUKUNGAN SUMBER DAYA",
                "1. Anggaran DPA",
                "2. Aplikasi SIMRS",
                "2. SKEMA PERTANGGUNGJAWABAN",
                "1. Laporan bulanan kepada kepala bidang",
                "3. KONSEKUENSI",
                "1. Dasar pemberian TPP",
                "Pegawai yang Dinilai",
                "Pejabat Penilai Kinerja",
                world.employee_emp.full_name,
                world.manager_emp.full_name,
            ],
        )
        == []
    )
    # The SKP's own signatures stand on an earlier page: two signature blocks in all.
    assert " ".join(pages).count("Pegawai yang Dinilai") == 2


def test_jpt_skp_has_the_five_columns_and_the_four_perspektif(world, jpt_skp, settings):
    settings.DOCUMENT_PPK_NAME = "Nama Gubernur Uji"
    pdf = render(jpt_skp)
    pages = pages_raw(pdf)
    lampiran_at = next(i for i, page in enumerate(pages) if "LAMPIRAN SASARAN" in page)
    text = " ".join(pages[:lampiran_at])
    assert (
        missing_in_order(
            text,
            [
                "SASARAN KINERJA PEGAWAI",
                "PENDEKATAN HASIL KERJA KUANTITATIF",
                "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
                "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025",
                "NO PEGAWAI YANG DINILAI NO PEJABAT PENILAI KINERJA",
                f"1 NAMA {jpt_skp.employee.full_name} 1 NAMA Nama Gubernur Uji",
                "4 JABATAN Kepala Dinas Perhubungan 4 JABATAN Gubernur Lampung",
                "5 UNIT KERJA",
                f"5 INSTANSI {INSTANSI}",
                "HASIL KERJA",
                "NO RENCANA HASIL KERJA INDIKATOR KINERJA INDIVIDU TARGET PERSPEKTIF",
                "(1) (2) (3) (4) (5)",
                "A. UTAMA",
                "Meningkatnya derajat kesehatan masyarakat",
                "Penerima Layanan",
                "Proses Bisnis",
                "Penguatan Internal",
                "Anggaran",
                "B. TAMBAHAN",
                "PERILAKU KERJA",
                "Pegawai yang Dinilai",
                "Pejabat Penilai Kinerja",
                jpt_skp.employee.full_name,
                "Nama Gubernur Uji",
            ],
        )
        == []
    )
    assert "DIINTERVENSI" not in text and "ASPEK" not in text and "(6)" not in text
    assert "BAGI PEJABAT ADMINISTRASI" not in fold(text)
    # The kepala dinas has no superior among the employees: the PPK is the penilai, filled
    # from the settings, never a block of dashes.
    assert "—" not in text


def test_jpt_columns_stand_left_to_right(jpt_skp):
    words = word_boxes(render(jpt_skp))[0][1]

    def x_of(word: str, after_y: float = 0) -> float:
        return next(x0 for x0, y0, _, _, w in words if w == word and y0 > after_y)

    header_y = next(y0 for _, y0, _, _, w in words if w == "PERSPEKTIF")
    xs = [x_of(f"({n})", header_y) for n in range(1, 6)]
    assert xs == sorted(xs) and len(set(xs)) == 5
    assert not any(w == "(6)" for *_, w in words)


def test_skp_parts_choose_the_variant_by_the_posts_jenis(jf_skp, jpt_skp):
    for skp, template in ((jf_skp, pdf_skp.SKP_JAJF_TEMPLATE), (jpt_skp, pdf_skp.SKP_JPT_TEMPLATE)):
        loaded = pdf_skp.skp_for_print().get(pk=skp.pk)
        parts = pdf_skp.skp_parts(
            loaded, identities=loaded.snapshot, instansi_name=INSTANSI, place="Metro"
        )
        assert parts["skp_form"]["template"] == template


def test_skp_parts_run_no_query_on_a_prefetched_skp(jf_skp, django_assert_num_queries):
    with django_assert_num_queries(4):  # the SKP and its people, RHK, IKI, ekspektasi
        skp = pdf_skp.skp_for_print().get(pk=jf_skp.pk)
    with django_assert_num_queries(0):
        form = pdf_skp.skp_parts(
            skp, identities=skp.snapshot, instansi_name=INSTANSI, place="Metro"
        )["skp_form"]
    assert [len(g["items"]) for g in form["hasil_groups"]] == [2, 1]


# --- The fourth perspektif in the data ------------------------------------------------------------


def test_a_jpt_rhk_takes_the_anggaran_perspektif_and_nothing_unknown(world):
    skp = services.create_skp(world.kadis_emp, year=YEAR, pendekatan="kuantitatif")
    with acting_as(world.kadis_emp) as user:
        rhk = services.add_rhk(skp, user=user, jenis="utama", text="Serapan", perspektif="anggaran")
        assert rhk.get_perspektif_display() == "Anggaran"
        with pytest.raises(ValidationError) as error:
            services.update_rhk(rhk, user=user, jenis="utama", text="Serapan", perspektif="laba")
    assert "Perspektif tidak dikenal" in str(error.value)
    rhk.refresh_from_db()
    assert rhk.perspektif == "anggaran"
    # The SKP page's RHK form offers it, and requires a perspektif on a JPT's SKP.
    form = RHKForm(data={"jenis": "utama", "text": "Serapan"}, skp=skp, choices=[])
    assert ("anggaran", "Anggaran") in form.fields["perspektif"].choices
    assert not form.is_valid() and "perspektif" in form.errors


# --- Layout ------------------------------------------------------------------------------------


def skp_context(skp) -> dict:
    loaded = pdf_skp.skp_for_print().get(pk=skp.pk)
    return {
        "instansi_name": INSTANSI,
        "opd_name": "Dinas Kesehatan",
        **pdf_skp.skp_parts(loaded, identities=loaded.snapshot, instansi_name=INSTANSI,
                            place="Bandar Lampung"),
    }  # fmt: skip


def variant(template_dir, name: str, css: str) -> str:
    """The SKP document with extra CSS last in the cascade (a control render)."""
    (template_dir / name).write_text(
        '{% extends "performance/pdf/skp.html" %}{% block extra_style %}' + css + "{% endblock %}"
    )
    return name


def text_height_problems(pdf: bytes, minimum_pt: float) -> list[str]:
    """Words in the page body printed smaller than `minimum_pt` (from the height of their box:
    DejaVu Sans boxes are 1.164 × the font size)."""
    problems = []
    for number, (_, words) in enumerate(word_boxes(pdf), start=1):
        for _, y0, _, y1, word in words:
            if y1 <= PAGE_BOTTOM and (y1 - y0) / 1.164 < minimum_pt - 0.05:
                problems.append(f"page {number}: {word} at {(y1 - y0) / 1.164:.1f} pt")
    return problems


def test_tables_are_at_least_8_5_pt_and_the_check_can_fail(jf_skp, template_dir):
    context = skp_context(jf_skp)
    assert text_height_problems(render_pdf("performance/pdf/skp.html", context), 8.5) == []
    small = variant(template_dir, "small.html", "section.official-form table { font-size: 7.3pt; }"
                    "section.official-form table th { font-size: 7.3pt; }")  # fmt: skip
    assert text_height_problems(render_pdf(small, context), 8.5) != []


def test_body_text_is_10_pt(jf_skp):
    pages = word_boxes(render(jf_skp))
    # The signature block's words (outside any grid) are body text.
    heights = [
        (y1 - y0) / 1.164 for _, words in pages for _, y0, _, y1, w in words if w == "Pegawai"
    ]
    assert heights and all(abs(h - 10) < 0.2 for h in heights)


def test_long_texts_stay_inside_the_page_and_the_check_can_fail(jpt_skp, template_dir):
    with acting_as(jpt_skp.employee) as user:
        services.start_revision(jpt_skp, user=user)
    skp = SKP.objects.get(employee=jpt_skp.employee, superseded_at__isnull=True)
    with acting_as(skp.employee) as user:
        for i in range(12):
            add_rhk(skp, user, f"RHK nomor {i:02d}{LONG} {TOKEN}", perspektif="anggaran",
                    aspek=("kuantitas", "kualitas"), extra=LONG)  # fmt: skip
    skp = advance(skp)
    context = skp_context(skp)
    pdf = render_pdf("performance/pdf/skp.html", context)
    assert page_count(pdf) >= 4
    assert fold(pdftotext(pdf, "-raw")).count(TOKEN) == 12
    assert layout_problems(pdf) == []
    nowrap = variant(template_dir, "nowrap.html", "th, td { overflow-wrap: normal; }")
    assert any("LAPORANKEGIATAN" in p for p in layout_problems(render_pdf(nowrap, context)))


def stranded_headings(pdf: bytes, heading: str, follower: str) -> list[int]:
    """Pages on which `heading` is the last thing of the page body: the row that follows it
    (whose text starts with `follower`) is on a later page."""
    stranded = []
    for number, (_, words) in enumerate(word_boxes(pdf), start=1):
        body = [w for w in words if w[3] <= PAGE_BOTTOM]
        if any(w[4] == heading for w in body) and not any(w[4] == follower for w in body):
            stranded.append(number)
    return stranded


def test_no_group_heading_at_the_foot_of_a_page_and_the_check_can_fail(jf_skp, template_dir):
    """B. TAMBAHAN pushed to the last lines of a page: it moves with its first RHK, while the
    control render (breaks allowed inside the RHK's body and after the heading row) leaves it
    alone there."""
    context = skp_context(jf_skp)
    first = word_boxes(render_pdf("performance/pdf/skp.html", context))[0][1]
    y_heading = next(y0 for _, y0, _, _, w in first if w == "TAMBAHAN")
    # Push the hasil table down so that the heading's row just fits above the bottom margin.
    push = (PAGE_BOTTOM - y_heading) / MM - 7
    spacer = f"section.official-form table.form-identity {{ margin-bottom: {push + 3:.1f}mm; }}"
    pushed = variant(template_dir, "pushed.html", spacer)
    control = variant(
        template_dir,
        "control.html",
        spacer
        + " section.official-form table.form-grid tbody.rhk { break-inside: auto; }"
        + " section.official-form tr.group { break-after: auto; }",
    )
    assert stranded_headings(render_pdf(control, context), "TAMBAHAN", "Menjadi") != []
    pdf = render_pdf(pushed, context)
    assert stranded_headings(pdf, "TAMBAHAN", "Menjadi") == []
    assert any(w == "TAMBAHAN" for *_, w in word_boxes(pdf)[1][1])  # it moved to page 2


# --- Letterhead ----------------------------------------------------------------------------------


def images_in(pdf: bytes) -> int:
    listing = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True)
    return len(listing.stdout.decode().splitlines()[2:])


PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101006e3e8b1a0000000049454e44ae426082"
)


def test_letterhead_is_text_only_by_default_and_shows_a_configured_logo(jf_skp, tmp_path):
    assert images_in(render(jf_skp)) == 0
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_1PX)
    with override_settings(DOCUMENT_LOGO=str(logo)):
        assert images_in(render(jf_skp)) >= 2  # SKP and Lampiran each have their letterhead
    with override_settings(DOCUMENT_LOGO=str(tmp_path / "missing.png")):
        assert images_in(render(jf_skp)) == 0  # a missing file never stops the print


def test_the_demo_kepala_dinas_skp_prints_the_four_perspektif(world):
    """The demo seed plans a JPT's SKP with one utama RHK per perspektif and a tambahan in
    penguatan internal: the printed JPT form shows all four (the demo shows the whole form)."""
    from demo.performance import Command

    skp = Command()._plan_skp(world.kadis_emp, YEAR, dt.date(YEAR, 1, 1))
    assert sorted(skp.rhks.values_list("perspektif", flat=True)) == sorted(PERSPEKTIF)
    text = " ".join(pages_raw(render(skp))[:-1])  # the SKP form, not its Lampiran
    order = ["PERSPEKTIF", "Penerima Layanan", "Proses Bisnis", "Anggaran", "B. TAMBAHAN"]
    assert missing_in_order(text, [*order, "Penguatan Internal"]) == []
