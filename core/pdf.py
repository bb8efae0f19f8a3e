from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string

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


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML string whose relative URLs resolve under `PDF_ASSET_ROOT`."""
    import weasyprint  # imported lazily: loading pango is slow and most requests never need it
    from weasyprint.urls import URLFetcher

    # Only local files and data: URIs: a render must never wait on (or leak to) the network.
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    html, stylesheets = split_stylesheets(html, fetcher)
    document = weasyprint.HTML(string=html, base_url=settings.PDF_ASSET_ROOT, url_fetcher=fetcher)
    return document.write_pdf(font_config=font_config(), stylesheets=stylesheets)


def render_pdf(template_name: str, context: dict[str, object]) -> bytes:
    """Render a Django template to PDF bytes. No DB writes, no storage, no network."""
    return html_to_pdf(render_to_string(template_name, context))
