"""One WeasyPrint FontConfiguration per thread (core.pdf.font_config, issue 15): reused across
documents, never shared between threads, off with PDF_SHARE_FONT_CONFIG=0, and only while no
PDF stylesheet declares @font-face (the fonts of such a rule would pile up in the shared
configuration, one copy per document)."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from django.conf import settings

from core import pdf
from tests.pdf_text import pdf_text

ROOT = Path(settings.BASE_DIR)


def test_no_pdf_stylesheet_declares_a_font_face() -> None:
    """Every PDF template and the stylesheets under static/pdf: a @font-face there needs the
    shared font configuration rethought (core/pdf.py) before it is added."""
    files = [
        *ROOT.glob("templates/**/pdf/**/*.html"),
        *ROOT.glob("templates/pdf/*.html"),
        *ROOT.glob("static/pdf/**/*.css"),
    ]
    assert len(files) > 10
    offenders = [
        str(path.relative_to(ROOT))
        for path in files
        if re.search(r"@font-face", path.read_text(), re.IGNORECASE)
    ]
    assert offenders == []


def test_the_font_configuration_is_reused_per_thread(settings: Any) -> None:
    settings.PDF_SHARE_FONT_CONFIG = True
    first = pdf.font_config()
    assert first is not None
    assert pdf.font_config() is first
    other: list[object] = []
    thread = threading.Thread(target=lambda: other.append(pdf.font_config()))
    thread.start()
    thread.join()
    assert other[0] is not None and other[0] is not first


def test_documents_rendered_with_the_shared_configuration_keep_their_text(
    settings: Any,
) -> None:
    settings.PDF_SHARE_FONT_CONFIG = True
    first = pdf.html_to_pdf("<h1>Laporan Kinerja</h1><p>Pegawai Satu</p>")
    second = pdf.html_to_pdf("<h1>Laporan Kinerja</h1><p>Pegawai <b>Dua</b></p>")
    assert pdf_text(first) == "Laporan Kinerja Pegawai Satu"
    assert pdf_text(second) == "Laporan Kinerja Pegawai Dua"


def test_the_setting_turns_sharing_off(settings: Any) -> None:
    settings.PDF_SHARE_FONT_CONFIG = False
    assert pdf.font_config() is None
    assert pdf.html_to_pdf("<p>Tanpa berbagi</p>").startswith(b"%PDF")
