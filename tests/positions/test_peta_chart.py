"""Peta jabatan as a box organigram: the tree of boxes, their content on the page and in the
PDF, sheets that never cut a box, and the approval block."""

import itertools
import re
import subprocess
from dataclasses import replace
from xml.etree import ElementTree

from django.urls import reverse

from positions import peta_chart, peta_print
from positions.models import Placement
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit


def _pdftotext(pdf: bytes, *args: str) -> str:
    result = subprocess.run(
        ["pdftotext", *args, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode()


def _chart_pdf(unit) -> tuple[bytes, list[peta_chart.Sheet]]:
    plan = peta_print.plan_chart(unit)
    return peta_print.render_chart(peta_print.chart_context(plan, "Uji")), plan.sheets


# --- The tree of boxes ---------------------------------------------------------------


def test_heads_top_their_unit_and_other_posts_hang_under_them(world):
    seksi = make_unit("Seksi Rujukan", world.yankes)
    PositionFactory(unit=seksi, name="Kepala Seksi Rujukan", jenis="pengawas", kelas=9)
    PositionFactory(unit=seksi, name="Pengadministrasi Rujukan", kelas=6)

    plan = peta_print.plan_chart(world.dinkes)

    assert plan.root.head.title == "Kepala Dinas Kesehatan"
    [sheet] = plan.sheets  # small: one A4 sheet
    assert sheet.paper == peta_chart.A4
    [column] = sheet.columns  # the dinas has no JF of its own: one column, the bidang
    assert column.title == "Bidang Pelayanan Kesehatan"
    assert column.head.title == "Kepala Bidang Yankes"
    stacked = [(i.box.title if i.box else i.unit_name, i.level, i.head) for i in column.items]
    assert stacked == [
        ("Perawat Ahli Muda", 0, False),
        ("Kepala Seksi Rujukan", 1, True),  # the seksi, indented under its bidang
        ("Pengadministrasi Rujukan", 1, False),
    ]
    perawat = column.items[0].box
    assert (perawat.kelas, perawat.kebutuhan, perawat.bezetting, perawat.selisih_display) == (
        9,
        3,
        2,
        "−1",
    )


def test_a_unit_too_large_for_a_column_gets_its_own_sheets(world):
    for number in range(20):
        PositionFactory(unit=world.yankes, name=f"Analis Nomor {number:02d}", kelas=8)

    plan = peta_print.plan_chart(world.dinkes)

    dinas_sheet = plan.sheets[0]
    [column] = dinas_sheet.columns
    assert column.summary and column.items == []  # head, totals and "Bagan: lembar 2"
    assert column.node_sheet == 2
    bidang = [s for s in plan.sheets if s.node.unit == world.yankes]
    assert [s.number for s in bidang] == [2, 3]  # 21 boxes: 15 on A3, 6 continued
    assert all(s.paper == peta_chart.A3 for s in bidang)
    assert bidang[1].continued and bidang[1].columns[0].continued


def test_the_stack_sizes_counted_bottom_up_equal_the_stacks(world):
    """_mark_own_sheets counts each sub-unit's stack instead of building it at every level:
    the counts and the own-sheet marks are those of the stacks themselves."""
    for number in range(20):
        PositionFactory(unit=world.yankes, name=f"Analis Nomor {number:02d}", kelas=8)
    seksi = make_unit("Seksi Rujukan", world.yankes)
    PositionFactory(unit=seksi, name="Kepala Seksi Rujukan", jenis="pengawas", kelas=9)
    root = peta_print.plan_chart(world.pemprov).root

    assert peta_chart._mark_own_sheets(root) == len(root.stack())
    nodes, marked = [root], []
    while nodes:
        node = nodes.pop()
        for child in node.children:
            assert child.own_sheet == (len(child.stack()) > peta_chart.A3.rows)
            marked.append(child.own_sheet)
        nodes.extend(node.children)
    assert True in marked and False in marked  # both kinds were checked


def test_more_than_five_columns_go_on_a3_in_rows_of_eight(world):
    for number in range(10):
        make_unit(f"Seksi Nomor {number}", world.dinkes)

    sheets = peta_print.plan_chart(world.dinkes).sheets

    # 11 short columns: two rows (bands) of one A3 sheet
    assert [(s.paper.label, [len(b.columns) for b in s.bands]) for s in sheets] == [("A3", [8, 3])]


def test_bands_that_do_not_fit_go_on_the_next_sheet(world):
    for number in range(30):  # 30 sub-units of 4 posts (4 rows each + 3 for a band's heads)
        seksi = make_unit(f"Seksi Nomor {number}", world.dinkes)
        for post in range(4):
            PositionFactory(unit=seksi, name=f"Staf {number}-{post}")

    sheets = peta_print.plan_chart(world.dinkes).sheets

    # 31 columns (the bidang and 30 seksi) in rows of 8: 4 + 7 + 7 = 18 rows > 15 on A3
    assert [[len(b.columns) for b in s.bands] for s in sheets] == [[8, 8], [8, 7]]


# --- The web page ----------------------------------------------------------------------


def test_page_opens_on_the_organigram_with_every_figure_in_the_boxes(client_as, hr_dinkes, world):
    acting = EmployeeFactory(name="Pelaksana Tugas", unit=world.yankes)
    PlacementFactory(employee=acting, position=world.perawat, kind=Placement.Kind.PLT)

    response = client_as(hr_dinkes).get(reverse("positions:peta_jabatan", args=[world.dinkes.pk]))

    body = response.content.decode()
    assert 'data-testid="peta-chart"' in body and "peta-table" not in body
    boxes = re.findall(r'<div class="peta-box[^"]*" data-testid="peta-box">.*?</dl></div>', body)
    perawat = next(b for b in boxes if "Perawat Ahli Muda" in b)
    figures = dict(
        re.findall(r"<dt>([^<]+)</dt><dd[^>]*>([^<]+)</dd>", perawat)
    )  # the Plt is not counted
    assert figures == {"Kelas": "9", "K": "3", "B": "2", "±": "−1"}
    assert any("Kepala Bidang Yankes" in b and "peta-head" in b for b in boxes)
    tabel = reverse("positions:peta_jabatan", args=[world.dinkes.pk]) + "?tampilan=tabel"
    assert f'href="{tabel}"' in body  # the table stays as the second view


def test_a_large_sub_unit_links_to_its_own_peta(client_as, hr_dinkes, world):
    for number in range(20):
        PositionFactory(unit=world.yankes, name=f"Analis Nomor {number:02d}")

    body = (
        client_as(hr_dinkes)
        .get(reverse("positions:peta_jabatan", args=[world.dinkes.pk]))
        .content.decode()
    )

    assert "Analis Nomor 00" not in body
    assert reverse("positions:peta_jabatan", args=[world.yankes.pk]) in body
    assert "Buka bagan Bidang Pelayanan Kesehatan" in body


# --- The PDF -------------------------------------------------------------------------


def test_pdf_boxes_hold_jabatan_kelas_kebutuhan_bezetting_and_selisih(world):
    pdf, _ = _chart_pdf(world.dinkes)

    text = _pdftotext(pdf, "-layout")
    assert "PETA JABATAN" in text and "Lembar 1 dari 1" in text
    assert "Kepala Dinas Kesehatan" in text and "Kepala Bidang Yankes" in text
    # pdftotext may join a label and its figure ("K3"): the figures follow the title in its box
    box = r"{}\s*\n\s*Kelas {}\s+K ?{}\s+B ?{}\s+± ?{}\n"
    assert re.search(box.format("Perawat Ahli Muda", 9, 3, 2, "−1"), text), text
    assert re.search(box.format("Kepala Bidang Yankes", 11, 1, 1, 0), text), text


def test_approval_block_names_the_head_of_the_kepegawaian_agency(world, today):
    bkd = make_unit("Badan Kepegawaian Daerah", world.pemprov, "perangkat_daerah")
    head = PositionFactory(unit=bkd, name="Kepala BKD", jenis="jpt_pratama", kelas=14)
    PlacementFactory(
        employee=EmployeeFactory(name="Dra. Ratna Sari", nip="197001011995032001", unit=bkd),
        position=head,
    )

    pdf, _ = _chart_pdf(world.dinkes)

    text = _pdftotext(pdf, "-layout")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.endswith("Ditetapkan di Bandar Lampung"))
    block = [re.sub(r"^.*\s{3,}", "", line) for line in lines[start : start + 5]]
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"]
    months += ["September", "Oktober", "November", "Desember"]
    assert block == [
        "Ditetapkan di Bandar Lampung",
        f"pada tanggal {today.day} {months[today.month - 1]} {today.year}",
        "KEPALA BADAN KEPEGAWAIAN DAERAH,",
        "Dra. Ratna Sari",
        "NIP. 197001011995032001",
    ]


def test_approval_block_leaves_a_line_to_sign_when_nobody_is_known(world):
    pdf, _ = _chart_pdf(world.dinkes)

    text = _pdftotext(pdf, "-layout")
    assert "KEPALA BADAN KEPEGAWAIAN DAERAH," in text
    assert "( ........................................ )" in text
    assert "NIP. ......" in text


def test_an_acting_head_signs_as_plt(world):
    bkd = make_unit("Badan Kepegawaian Daerah", world.pemprov, "perangkat_daerah")
    head = PositionFactory(unit=bkd, name="Kepala BKD", jenis="jpt_pratama", kelas=14)
    PlacementFactory(employee=EmployeeFactory(name="Budi Plt", unit=bkd), position=head, kind="plt")

    approval = peta_chart.approval_for(
        world.dinkes, peta_print.plan_chart(world.dinkes).peta.on, place="Metro"
    )

    assert (approval.place, approval.acting, approval.name) == ("Metro", "Plt.", "Budi Plt")


# --- Sheets never cut a box ------------------------------------------------------------

MM = 72 / 25.4  # PDF points per millimetre


def _words(pdf: bytes) -> list[tuple[int, str, float, float, float]]:
    """(page, word, yMin, yMax, page height) of every word (poppler's -bbox)."""
    html = _pdftotext(pdf, "-bbox")
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ElementTree.fromstring(html)
    words = []
    for number, page in enumerate(root.iter("page"), start=1):
        height = float(page.get("height"))
        for word in page.iter("word"):
            words.append(
                (number, word.text, float(word.get("yMin")), float(word.get("yMax")), height)
            )
    return words


def _cut_boxes(pdf: bytes, count: int) -> list[str]:
    """Problems with the boxes "Analis Nomor NN" (kebutuhan 100 + NN): each must appear once,
    its figures on the same page just under its title (within the box's 10.5 mm), above
    the page's foot margin (14 mm)."""
    words = _words(pdf)
    problems = []
    for number in range(count):
        titles = [w for w in words if w[1] == f"N{number:02d}x"]
        figures = [
            (page, y0)
            for (page, text, y0, _, _), following in itertools.pairwise(words)
            if text == f"K{100 + number}" or (text == "K" and following[1] == str(100 + number))
        ]
        if len(titles) != 1 or len(figures) != 1:
            problems.append(f"box {number}: {len(titles)} titles, {len(figures)} figure rows")
            continue
        page, _, title_top, _, height = titles[0]
        figure_page, figure_top = figures[0]
        if figure_page != page or not 0 < figure_top - title_top < 10.5 * MM:
            problems.append(f"box {number}: title p{page}, figures p{figure_page} apart")
        elif figure_top > height - 14 * MM:
            problems.append(f"box {number}: below the printable area of page {page}")
    return problems


def _big_unit(world, count: int) -> None:
    for number in range(count):
        PositionFactory(
            unit=world.yankes, name=f"Analis N{number:02d}x", kelas=8, kebutuhan=100 + number
        )


def test_a_big_unit_spans_several_pages_without_cutting_a_box(world):
    _big_unit(world, 40)

    pdf, sheets = _chart_pdf(world.yankes)

    pages = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(
                ["pdfinfo", "-"], input=pdf, capture_output=True, check=True
            ).stdout.decode(),
        )[1]
    )
    assert pages == len(sheets) == 3  # 41 boxes (perawat + 40) on A3: 15 a sheet
    assert _cut_boxes(pdf, 40) == []
    assert "Lembar 3 dari 3" in _pdftotext(pdf, "-f", "3", "-l", "3")


def test_control_the_check_finds_boxes_pushed_off_the_page(world, monkeypatch):
    """The same unit planned as if 41 boxes fitted on one A4 sheet: the check must fail."""
    _big_unit(world, 40)
    crammed = replace(peta_chart.A4, rows=60)
    monkeypatch.setattr(peta_chart, "A4", crammed)
    monkeypatch.setattr(peta_chart, "A3", replace(peta_chart.A3, rows=60))

    pdf, sheets = _chart_pdf(world.yankes)

    assert len(sheets) == 1
    problems = _cut_boxes(pdf, 40)
    # 41 boxes do not fit in 185 mm: those past the sheet's foot are lost, and the check says so
    assert len(problems) >= 20 and all("0 titles" in p for p in problems), problems
