"""The stylesheets of a PDF's <head> are parsed once per thread and passed to WeasyPrint as
`stylesheets=` (core.pdf.split_stylesheets, issue 15): same text in the PDF, the same parsed
objects reused across documents, and any head with another form of stylesheet left alone."""

from __future__ import annotations

from weasyprint.urls import URLFetcher

from core import pdf
from tests.pdf_text import pdf_text

HEAD = (
    '<html><head><link rel="stylesheet" href="pdf/forms.css">'
    "<style>@page { @bottom-right { content: 'Halaman ' counter(page) } } p { color: red }</style>"
    "</head><body><p>Pegawai NAME</p></body></html>"
)


def test_head_stylesheets_are_lifted_and_reused() -> None:
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    html, sheets = pdf.split_stylesheets(HEAD.replace("NAME", "Satu"), fetcher)
    assert "<style>" not in html and "<link" not in html and "Pegawai Satu" in html
    assert len(sheets) == 2
    _, again = pdf.split_stylesheets(HEAD.replace("NAME", "Dua"), fetcher)
    assert [id(s) for s in again] == [id(s) for s in sheets]


def test_the_page_rules_of_a_lifted_style_still_apply() -> None:
    assert pdf_text(pdf.html_to_pdf(HEAD.replace("NAME", "Satu"))) == "Pegawai Satu Halaman 1"


def test_a_head_with_another_form_of_stylesheet_is_left_alone() -> None:
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    html = HEAD.replace("<style>", '<style media="print">')
    assert pdf.split_stylesheets(html, fetcher) == (html, [])
    assert pdf.split_stylesheets("<p>tanpa head</p>", fetcher) == ("<p>tanpa head</p>", [])
