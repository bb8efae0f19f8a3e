"""core.pdf.render_in_parts: a long table laid out a part at a time prints as one render does."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from django.template.loader import render_to_string

from core.pdf import Part, render_in_parts
from tests.performance.pdf_helpers import page_count, pages_text

# The real base template (its "Halaman x dari y" footer and the parts' page numbers); a fixed
# footer instead of the print time, which could change between two renders.
LONG = """{% extends "pdf/base.html" %}
{% block extra_style %}tr.tall td { height: 28mm; }{% endblock %}
{% block footer %}Dokumen uji{% endblock %}
{% block content %}
{% if part.first %}<h1>Kepala dokumen</h1><p>Ringkasan sebelum tabel.</p>{% endif %}
<table><thead><tr><th>Isi</th></tr></thead><tbody>
{% for row in rows %}<tr class="{{ height }}"
  {% if part.anchors %}id="baris-{{ part.row_offset|add:forloop.counter0 }}"{% endif %}>
  <td>Baris nomor {{ row }}</td></tr>{% endfor %}
</tbody></table>
{% if part.last %}<p>Tanda tangan pejabat</p>{% endif %}
{% endblock %}"""


@pytest.fixture
def long_template(template_dir):
    (template_dir / "long.html").write_text(LONG)

    def render(rows: Sequence[int], *, rows_per_part: int, height: str = "tall") -> bytes:
        def html_for(part_rows: Sequence[int], part: Part) -> str:
            return render_to_string(
                "long.html", {"rows": part_rows, "part": part, "height": height}
            )

        return render_in_parts(html_for, rows, rows_per_part=rows_per_part)

    return render


def pages(pdf: bytes) -> list[str]:
    """The text of each page."""
    assert page_count(pdf) == len(pages_text(pdf))
    return pages_text(pdf)


def test_parts_print_the_same_pages_as_one_render(long_template):
    rows = list(range(1, 41))  # 28 mm rows: 8 a page, so each part of 9 ends mid-page
    whole = long_template(rows, rows_per_part=1000)
    parted = long_template(rows, rows_per_part=9)
    assert page_count(whole) == 5
    assert pages(parted) == pages(whole)  # the same rows on the same pages, no half-empty page


def test_pages_are_numbered_across_the_parts(long_template):
    pdf = long_template(list(range(1, 41)), rows_per_part=9)
    total = page_count(pdf)
    numbers = [re.search(r"Halaman (\d+) dari (\d+)", text).groups() for text in pages(pdf)]
    assert numbers == [(str(n), str(total)) for n in range(1, total + 1)]


def test_every_row_once_with_the_head_first_and_the_signature_last(long_template):
    # Short rows and parts of 2: a part fits on one page, keeps its rows and the next part
    # starts a new page; nothing is lost or repeated.
    pdf = long_template(list(range(1, 12)), rows_per_part=2, height="short")
    texts = pages(pdf)
    every = " ".join(texts)
    assert [int(n) for n in re.findall(r"Baris nomor (\d+)", every)] == list(range(1, 12))
    assert every.count("Kepala dokumen") == 1 and "Kepala dokumen" in texts[0]
    assert every.count("Tanda tangan pejabat") == 1 and "Tanda tangan pejabat" in texts[-1]
    assert f"Halaman {len(texts)} dari {len(texts)}" in texts[-1]


def test_a_short_table_is_one_plain_render(long_template, monkeypatch):
    monkeypatch.setattr("pypdf.PdfWriter", None)  # no joining: one document
    pdf = long_template([1, 2, 3], rows_per_part=9)
    assert "Halaman 1 dari 1" in pages(pdf)[0]
