from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

_fonts = threading.local()


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
    config = getattr(_fonts, "config", None)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        config = _fonts.config = FontConfiguration()
    return config


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML string whose relative URLs resolve under `PDF_ASSET_ROOT`."""
    import weasyprint  # imported lazily: loading pango is slow and most requests never need it
    from weasyprint.urls import URLFetcher

    # Only local files and data: URIs: a render must never wait on (or leak to) the network.
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    document = weasyprint.HTML(string=html, base_url=settings.PDF_ASSET_ROOT, url_fetcher=fetcher)
    return document.write_pdf(font_config=font_config())


def render_pdf(template_name: str, context: dict[str, object]) -> bytes:
    """Render a Django template to PDF bytes. No DB writes, no storage, no network."""
    return html_to_pdf(render_to_string(template_name, context))
