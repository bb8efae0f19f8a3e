"""core.spreadsheets (the upload gate and the export helper) and core.uploads' content checks."""

import csv
import io
import time
import zipfile
import zlib

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core import spreadsheets, uploads
from tests import hostile

HEADER = ["NIP", "Nama"]


def upload(content: bytes, name: str = "data.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def gate(content: bytes, name: str = "data.xlsx", **kwargs) -> None:
    """Open through the gate and read every row."""
    with spreadsheets.open_xlsx(upload(content, name), **kwargs) as sheet:
        for _ in sheet.rows():
            pass


def read(content: bytes, **kwargs) -> list[tuple[int, tuple]]:
    with spreadsheets.open_xlsx(upload(content)) as sheet:
        assert [spreadsheets.cell_text(c) for c in sheet.header[:2]] == HEADER
        return list(sheet.rows(**kwargs))


# --- The gate ------------------------------------------------------------------------------


def test_rows_are_streamed_with_their_excel_numbers_and_blank_rows_skipped():
    content = hostile.xlsx(HEADER, [["1", "Budi"], [], ["3", "Sari"]])
    assert read(content) == [(2, ("1", "Budi")), (4, ("3", "Sari"))]


def test_row_cap_message_names_the_limit(settings):
    settings.IMPORT_MAX_ROWS = 3
    content = hostile.xlsx(HEADER, [[str(n), "x"] for n in range(5)])
    with pytest.raises(ValidationError) as error:
        read(content)
    assert error.value.messages == [
        "Berkas berisi lebih dari 3 baris; paling banyak 3 baris — pecah berkas."
    ]


def test_a_sheet_far_past_the_cap_is_refused_before_its_cells_are_parsed(settings, monkeypatch):
    """The raw <row> count refuses it (the sheet's own size note says one row: a lie)."""
    settings.IMPORT_MAX_ROWS = 10  # lines allowed: 2 x 10 + 1000
    content = hostile.xlsx(HEADER, [[str(n), "x"] for n in range(1100)])
    parsed = []
    original = spreadsheets._guarded

    def counting(lines):
        for line in original(lines):
            parsed.append(line)
            yield line

    monkeypatch.setattr(spreadsheets, "_guarded", counting)
    with pytest.raises(ValidationError, match=r"memuat lebih dari 1\.020 baris"):
        read(content)
    assert len(parsed) == 1  # the header only


def test_default_row_cap_admits_a_kabupaten():
    assert spreadsheets.max_rows() == 25_000


def test_header_is_read_before_any_row():
    """A wrong header is known after one row, whatever follows (here a million rows)."""
    content = hostile.xlsx(["Foo", "Bar"], hostile.nip_rows(1_000_000))
    started = time.monotonic()
    with spreadsheets.open_xlsx(upload(content), max_file_bytes=len(content)) as sheet:
        assert sheet.header == ("Foo", "Bar")
    assert time.monotonic() - started < 2


def test_a_sheet_without_its_size_note_is_streamed_too():
    """openpyxl would parse such a sheet whole while opening it, before the row cap acts."""
    content = hostile.xlsx(hostile.UNION_HEADER, hostile.nip_rows(300_000), dimension=False)
    started = time.monotonic()
    with spreadsheets.open_xlsx(upload(content)) as sheet:
        assert sheet.header[0] == "NIP"
    assert time.monotonic() - started < 1
    with pytest.raises(ValidationError, match=r"lebih dari 25\.000 baris"):
        gate(content)
    assert time.monotonic() - started < 10


def test_an_openpyxl_write_only_workbook_is_read():
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(HEADER)
    sheet.append(["1", "Budi"])
    assert read(spreadsheets.workbook_bytes(workbook)) == [(2, ("1", "Budi"))]


def test_a_sheet_formatted_down_to_the_bottom_is_refused(settings):
    settings.IMPORT_MAX_ROWS = 10
    rows = [["1", "a"]] + [[] for _ in range(2 * 10 + 1000)]
    with pytest.raises(ValidationError, match="Hapus baris kosong"):
        read(hostile.xlsx(HEADER, rows))


def test_the_100k_row_sheet_stops_at_the_cap_quickly():
    content = hostile.xlsx(hostile.UNION_HEADER, hostile.nip_rows(100_000))
    started = time.monotonic()
    with pytest.raises(ValidationError, match=r"lebih dari 25\.000 baris"):
        gate(content)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "kosong"),
        (b"bukan excel", "tidak dapat dibaca"),
        (hostile.HTML, "tidak dapat dibaca"),
        (hostile.plain_docx(), "tidak dapat dibaca"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(content, message):
    with pytest.raises(ValidationError, match=message):
        gate(content)


def test_wrong_extension_and_oversize_are_refused_before_reading():
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        gate(b"NIP,Nama", "data.csv")
    content = hostile.xlsx(HEADER, [["1", "a"]])
    with pytest.raises(ValidationError, match="Berkas lebih dari 1 KB"):
        gate(content, max_file_bytes=1000)


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating():
    bomb = hostile.zip_bomb_xlsx()
    assert len(bomb) < 5 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(ValidationError, match="bom ZIP"):
        gate(bomb)
    assert time.monotonic() - started < 1


def test_a_small_part_with_a_bomb_ratio_is_refused():
    """Under the total size, but 2 MB of one repeated byte: a ratio no real sheet has."""
    rows = [b"<row/>" * (2 * 1024 * 1024 // 6)]
    with pytest.raises(ValidationError, match="bom ZIP"):
        gate(hostile.xlsx(HEADER, rows, compresslevel=9))


def test_too_many_parts_are_refused():
    extra = {f"xl/media/image{n}.png": b"x" for n in range(uploads.MAX_PARTS)}
    with pytest.raises(ValidationError, match="bagian"):
        gate(hostile.xlsx(HEADER, [], extra=extra))


def test_formula_cells_are_read_as_their_cached_value_never_evaluated():
    rows = [["=1+1", '=HYPERLINK("http://x","Klik")']]
    assert read(hostile.xlsx(HEADER, rows)) == []  # no cached values: blank, so no data row


def test_header_positions_match_aliases_first_column_wins():
    aliases = {"nip": "nip", "nama": "name"}
    assert spreadsheets.header_positions(["Nama*", "x", "NIP", "nip"], aliases) == {
        "name": 0,
        "nip": 2,
    }


# --- Office and PDF content checks --------------------------------------------------------


def ooxml_upload(content: bytes, name: str = "dokumen.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_a_plain_docx_and_an_openpyxl_workbook_are_accepted():
    uploads.validate_evidence(ooxml_upload(hostile.plain_docx()))
    workbook = openpyxl.Workbook()
    workbook.active.append(["a", 1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    uploads.validate_evidence(ooxml_upload(buffer.getvalue(), "rekap.xlsx"))


def test_macro_docx_is_refused():
    with pytest.raises(ValidationError, match="makro"):
        uploads.validate_evidence(ooxml_upload(hostile.macro_docx()))


def test_macro_content_type_alone_is_refused():
    types = hostile.CONTENT_TYPES.replace(
        "</Types>",
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
    )
    content = hostile.ooxml("docx", {"word/document.xml": b"<w/>"}, types)
    with pytest.raises(ValidationError, match="makro"):
        uploads.validate_evidence(ooxml_upload(content))


def test_html_part_in_a_docx_is_refused():
    with pytest.raises(ValidationError, match="tidak lazim"):
        uploads.validate_evidence(ooxml_upload(hostile.html_docx()))


@pytest.mark.parametrize(
    "part", ["word/../../evil.xml", "word/embeddings/oleObject1.bin", "word/run.js", "evil.xml"]
)
def test_unexpected_parts_are_refused(part):
    content = hostile.ooxml("docx", {"word/document.xml": b"<w/>", part: b"x"})
    with pytest.raises(ValidationError):
        uploads.validate_evidence(ooxml_upload(content))


def test_a_bomb_as_evidence_is_refused():
    with pytest.raises(ValidationError, match="bom ZIP"):
        uploads.validate_evidence(ooxml_upload(hostile.zip_bomb_xlsx(), "bukti.xlsx"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (hostile.PDF_JS, "skrip"),
        (hostile.pdf_with_hidden_js(), "skrip"),
        (hostile.pdf_launch(), "menjalankan program"),
        (hostile.pdf_embedded_file(), "berkas tersemat"),
    ],
)
def test_active_pdfs_are_refused(content, message):
    with pytest.raises(ValidationError, match=message):
        uploads.validate_certificate(SimpleUploadedFile("sertifikat.pdf", content))


def test_a_plain_pdf_is_accepted_and_a_jsonish_word_is_not_a_script():
    uploads.validate_certificate(SimpleUploadedFile("s.pdf", hostile.PDF))
    text = hostile.PDF.replace(b"/Count 0", b"/Count 0/JSON(1)/JSX 2")
    uploads.validate_certificate(SimpleUploadedFile("s.pdf", text))


def test_names_are_cleaned_for_display():
    assert uploads.clean_name("../../etc/passwd.pdf") == "passwd.pdf"
    assert uploads.clean_name("bukti\x07\x1b[31m.pdf") == "bukti[31m.pdf"
    assert uploads.clean_name("..\\..\\win.ini") == "win.ini"
    name = uploads.random_storage_name("bukti", "x.p/../df")
    assert name.startswith("bukti/") and ".." not in name


# --- The export helper ---------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://x"&B2,"Klik")', "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
# openpyxl writes through lxml (pinned in requirements.txt, pulled in by pyHanko), which escapes a
# lone CR as &#13;, so every value, the CR included, reads back exactly as written.
AS_SAVED = HOSTILE


def saved(workbook) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(spreadsheets.workbook_bytes(workbook)))


def test_user_text_is_written_as_text_that_displays_unchanged():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    spreadsheets.append_row(sheet, HOSTILE)
    sheet["A2"] = "=1+1"  # even a cell written without the helper
    sheet.cell(row=3, column=1, value="=2+2")
    cells = saved(workbook).active
    assert [c.value for c in cells[1]] == AS_SAVED
    assert all(c.data_type == "s" and c.quotePrefix for c in cells[1])
    assert (cells["A2"].value, cells["A2"].data_type) == ("=1+1", "s")
    assert cells["A3"].data_type == "s"


def test_write_only_sheets_are_inert_too():
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("x")
    spreadsheets.append_row(sheet, [*HOSTILE, 5, "biasa"])
    row = next(saved(workbook).active.iter_rows())
    assert [c.data_type for c in row] == ["s"] * len(HOSTILE) + ["n", "s"]
    assert [c.value for c in row[: len(HOSTILE)]] == AS_SAVED


def test_a_formula_written_on_purpose_stays_live():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([1, 2])
    spreadsheets.write_formula(sheet, 2, 1, "=SUM(A1:B1)")
    sheet["B2"] = "=A1*2"  # not opted in
    cells = saved(workbook).active
    assert (cells["A2"].data_type, cells["B2"].data_type) == ("f", "s")


def test_csv_cells_are_prefixed_with_an_apostrophe():
    content = spreadsheets.csv_bytes([["Nama", "Catatan"], *[[v, "-"] for v in HOSTILE], [-5, 1]])
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert [r[0] for r in rows[1:-1]] == [f"'{v}" for v in HOSTILE]
    assert rows[1][1] == "'-"
    assert rows[-1] == ["-5", "1"]  # numbers are numbers


def test_error_report_is_kept_for_its_owner_only():
    content = spreadsheets.error_report([(2, "1985", ["NIP tidak terdaftar.", "Level salah."])])
    rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.values)
    assert rows == [
        ("Baris", "NIP", "Masalah"),
        (2, "1985", "NIP tidak terdaftar."),
        (2, "1985", "Level salah."),
    ]
    token = spreadsheets.keep_error_report(7, content)
    response = spreadsheets.error_report_response(7, token, "m.xlsx")
    assert response is not None and response.content == content
    assert spreadsheets.error_report_response(8, token, "m.xlsx") is None
    assert spreadsheets.error_report_response(7, "../../x", "m.xlsx") is None


def test_zip_of_the_corpus_is_what_it_claims():
    """The generated workbooks are real: openpyxl reads the small one."""
    content = hostile.xlsx(HEADER, [["1", "a"]])
    assert zipfile.ZipFile(io.BytesIO(content)).testzip() is None
    assert list(openpyxl.load_workbook(io.BytesIO(content)).active.values) == [
        ("NIP", "Nama"),
        ("1", "a"),
    ]


def test_javascript_behind_a_big_image_stream_is_still_found(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PDF_INFLATE_BYTES", 1024 * 1024)
    image = zlib.compress(b"\x00" * (4 * 1024 * 1024))
    content = (
        b"%PDF-1.5\n5 0 obj<</Type/XObject/Subtype/Image/Filter/FlateDecode>>stream\n"
        + image
        + b"\nendstream\nendobj\n"
        + hostile.pdf_with_hidden_js()[len(b"%PDF-1.5\n") :]
    )
    with pytest.raises(ValidationError, match="skrip"):
        uploads.validate_certificate(SimpleUploadedFile("s.pdf", content))


def test_a_pdf_too_big_to_inflate_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PDF_INFLATE_BYTES", 1000)
    page = zlib.compress(b"BT /F1 12 Tf (x) Tj ET " * 200)
    content = hostile.PDF + b"6 0 obj<</Filter/FlateDecode>>stream\n" + page + b"\nendstream\n"
    content += b"7 0 obj<</Filter/FlateDecode>>stream\n" + page + b"\nendstream\n"
    with pytest.raises(ValidationError, match="terlalu rumit"):
        uploads.validate_certificate(SimpleUploadedFile("s.pdf", content))


def test_a_huge_shared_strings_part_is_refused_before_openpyxl_loads_it():
    """Varied strings (no bomb ratio), but more than any real register has."""
    items = b"".join(b"<si><t>%d</t></si>" % n for n in range(17 * 1024 * 1024 // 20))
    strings = b"<sst>" + items + b"</sst>"
    content = hostile.xlsx(HEADER, [["1", "a"]], extra={"xl/sharedStrings.xml": strings})
    with pytest.raises(ValidationError, match="bom ZIP"):
        gate(content)


def test_a_download_name_cannot_add_parameters_to_content_disposition():
    """A unit code made it into export names; quotes in it are escaped, not a new filename*."""
    response = spreadsheets.xlsx_response(b"x", "talenta-YK\";filename*=UTF-8''a.html;x=\".xlsx")
    assert response["Content-Disposition"] == (
        'attachment; filename="talenta-YK\\";filename*=UTF-8\'\'a.html;x=\\".xlsx"'
    )
    assert spreadsheets.csv_response([["a"]], "rekap.csv")["Content-Disposition"] == (
        'attachment; filename="rekap.csv"'
    )
