from __future__ import annotations

import gc
import io
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

_local = threading.local()

# The stylesheets of a PDF template's <head> as templates/pdf/base.html writes them: a plain
# <link rel="stylesheet" href="relative/path.css"> or a <style> without attributes.
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_ANY_SHEET = re.compile(r"<style\b|<link\b[^>]*\bstylesheet\b", re.IGNORECASE)
_PLAIN_SHEET = re.compile(
    r'<link rel="stylesheet" href="(?P<href>[\w./-]+\.css)">|<style>(?P<text>.*?)</style>', re.S
)
# Parsed stylesheets kept per thread: one per distinct <style> text / linked file, so a few.
MAX_CACHED_STYLESHEETS = 32


def font_config() -> FontConfiguration | None:
    """The WeasyPrint font configuration this thread reuses for every document, or None (a
    new one per document, WeasyPrint's default) when `PDF_SHARE_FONT_CONFIG` is off.

    A new FontConfiguration loads the fontconfig configuration and every system font
    (`FcInitLoadConfigAndFonts`) and makes a new Pango font map; one per document made a
    Celery pool process grow by about 0.25 MB per document (tests/perf/README.md, "PDF worker
    memory"). Per thread, because a Pango font map is not thread-safe (gthread web workers
    render PDFs too). Safe while no PDF stylesheet declares `@font-face`: WeasyPrint would add
    those fonts to the shared configuration on every document (tests/core/test_pdf_fonts.py
    fails when one appears)."""
    if not settings.PDF_SHARE_FONT_CONFIG:
        return None
    config = getattr(_local, "config", None)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        config = _local.config = FontConfiguration()
    return config


def _stylesheet(kind: str, source: str, fetcher: URLFetcher) -> CSS:
    """The parsed stylesheet of a <style> text or a linked file under `PDF_ASSET_ROOT`, built
    once per thread (CSS objects are not shared between threads, like the font map). A linked
    file is keyed by its modification time too, so an edited file is read again."""
    from weasyprint import CSS

    cache: OrderedDict[tuple[str, str, float], CSS] | None = getattr(_local, "sheets", None)
    if cache is None:
        cache = _local.sheets = OrderedDict()
    path = os.path.join(settings.PDF_ASSET_ROOT, source) if kind == "link" else ""
    key = (kind, source, os.stat(path).st_mtime if path else 0.0)
    sheet = cache.get(key)
    if sheet is None:
        if path:
            sheet = CSS(filename=path, url_fetcher=fetcher)
        else:
            sheet = CSS(string=source, base_url=settings.PDF_ASSET_ROOT, url_fetcher=fetcher)
        cache[key] = sheet
        while len(cache) > MAX_CACHED_STYLESHEETS:
            cache.popitem(last=False)
    else:
        cache.move_to_end(key)
    return sheet


def split_stylesheets(html: str, fetcher: URLFetcher) -> tuple[str, list[CSS]]:
    """The HTML without the stylesheets of its <head>, and those stylesheets already parsed.

    WeasyPrint parses every <style> and linked stylesheet again for each document, and
    cssselect2 compiles each selector to Python code (`eval`): about 25 ms CPU of a yearly
    report's 1.7 s, saved from the second document on (tests/perf/README.md, "Yearly report
    PDF CPU"; the layout of the tables' text is where the time goes). Passed as `stylesheets=`
    they take the user origin instead of the author one, which changes nothing here: the user
    origin still comes above the user agent's, inline `style` attributes (author) won before
    by their specificity and still win, and no PDF stylesheet uses `!important`. All or
    nothing: a head with any other form of stylesheet (a `media` attribute, an absolute URL)
    keeps all of them in place, so their order and origin never mix."""
    end = _HEAD_END.search(html)
    if end is None:
        return html, []
    head = html[: end.start()]
    found = list(_PLAIN_SHEET.finditer(head))
    if len(found) != len(_ANY_SHEET.findall(head)) or not found:
        return html, []
    sheets = [
        _stylesheet("link", m["href"], fetcher)
        if m["href"]
        else _stylesheet("style", m["text"], fetcher)
        for m in found
    ]
    return _PLAIN_SHEET.sub("", head) + html[end.start() :], sheets


def _html(html: str) -> tuple[Any, list[CSS]]:
    """A WeasyPrint HTML of our PDF conventions, and its head's stylesheets already parsed."""
    import weasyprint  # imported lazily: loading pango is slow and most requests never need it
    from weasyprint.urls import URLFetcher

    # Only local files and data: URIs: a render must never wait on (or leak to) the network.
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    html, stylesheets = split_stylesheets(html, fetcher)
    document = weasyprint.HTML(string=html, base_url=settings.PDF_ASSET_ROOT, url_fetcher=fetcher)
    return document, stylesheets


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML string whose relative URLs resolve under `PDF_ASSET_ROOT`."""
    document, stylesheets = _html(html)
    return document.write_pdf(font_config=font_config(), stylesheets=stylesheets)


def render_pdf(template_name: str, context: dict[str, object]) -> bytes:
    """Render a Django template to PDF bytes. No DB writes, no storage, no network."""
    return html_to_pdf(render_to_string(template_name, context))


# --- A long table, laid out a part at a time ----------------------------------------------

ROWS_PER_PART = 400  # ≈ 20 landscape pages of the unit recap; ≈ 80 MB of layout at a time
ROW_ANCHOR = "baris-"  # id of a row in the first pass: ROW_ANCHOR + its index in all the rows


@dataclass(frozen=True)
class Part:
    """Which part of a long document a template renders. `first`: the head before the table;
    `last`: what follows it; `first_page` for `counter-reset: page` and `total_pages` (None in
    the first pass: `counter(pages)`) for the "Halaman x dari y" footer (templates/pdf/base.html);
    `anchors`: give row i the id ROW_ANCHOR + (row_offset + i)."""

    first: bool
    last: bool
    row_offset: int = 0
    first_page: int = 1
    total_pages: int | None = None
    anchors: bool = False


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    """A rendered PDF opened in the browser's viewer, saved as `filename` (escaped by Django:
    a name made of user data cannot add header parameters)."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename) or "inline"
    return response


def render_in_parts(
    html_for: Callable[[Sequence[Any], Part], str],
    rows: Sequence[Any],
    *,
    rows_per_part: int | None = None,
) -> bytes:
    """The PDF of a document whose one long table has `rows`, laid out `rows_per_part` rows at a
    time, so a worker holds the layout of one part, not of the whole document.

    WeasyPrint keeps every laid-out page until it writes: the recap of a dinas of 8,677 ASN
    (415 pages) took 1.8 GB in one layout, ~0.2 MB per row, and 237 MB in parts
    (tests/perf/README.md, "The unit recap, a part at a time"). Up to `rows_per_part` rows
    this is one plain render. Beyond, two passes:
    1. each part is laid out and the rows on its last page are carried to the next part
       (found by the rows' anchors), so every page but the document's last is as full as in
       one render, and each part's page count is known;
    2. each part is written with its first page number and the total, and the parts' PDFs are
       joined with pypdf.
    1.8× the CPU of one render (each row is laid out twice), for the one recap of a report
    job: ~12 s beside the ~1,000 CPU-s of a 1,000-employee job's reports."""
    rows_per_part = rows_per_part or ROWS_PER_PART
    if len(rows) <= rows_per_part:
        return html_to_pdf(html_for(rows, Part(first=True, last=True)))
    parts: list[tuple[int, int, int]] = []  # (first row, end row, pages)
    start = 0
    while start < len(rows):
        end = min(start + rows_per_part, len(rows))
        last = end == len(rows)
        part = Part(first=start == 0, last=last, row_offset=start, anchors=not last)
        pages = _layout(html_for(rows[start:end], part))
        cut = end
        if not last:
            carried = [
                int(name.removeprefix(ROW_ANCHOR))
                for name in pages[-1].anchors
                if name.startswith(ROW_ANCHOR)
            ]
            if carried and start < min(carried):  # a part of one page keeps all its rows
                cut = min(carried)
        parts.append((start, cut, len(pages) - 1 if cut < end else len(pages)))
        start = cut
        del pages  # before the next part is laid out: one part's layout at a time
        gc.collect()  # the boxes hold cycles: free them now, not at some later collection
    total = sum(count for _, _, count in parts)
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    first_page = 1
    for index, (start, end, count) in enumerate(parts):
        last = index == len(parts) - 1
        part = Part(index == 0, last, row_offset=start, first_page=first_page, total_pages=total)
        pdf = html_to_pdf(html_for(rows[start:end], part))
        reader = PdfReader(io.BytesIO(pdf))
        if index == 0 and reader.metadata:
            writer.add_metadata(dict(reader.metadata))
        writer.append(reader)
        first_page += count
        gc.collect()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _layout(html: str) -> list[Any]:
    """The laid-out pages of an HTML string (nothing written)."""
    document, stylesheets = _html(html)
    return list(document.render(font_config=font_config(), stylesheets=stylesheets).pages)
