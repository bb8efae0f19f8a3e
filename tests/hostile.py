"""A hostile-file corpus, generated (no stored blobs): ZIP bombs, huge sheets, fakes, macros.

Sheets are written straight as XML into a ZIP, a chunk at a time, so a million rows take about
a second and little memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from performance import history
from positions.importing import read
from training.needs import assessments

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
DIMENSION = b'<dimension ref="A1"/>'  # Excel's size note; its values are not trusted
SHEET_TAIL = b"</sheetData></worksheet>"

# Every column any import needs, so each import reads past the header to the rows: the
# required columns of the pegawai import, the assessment import's competency columns, then
# the rating-history columns (each import's own list, NIP once).
UNION_HEADER = [
    *(column.header for column in read.COLUMNS if column.required),
    *assessments.IMPORT_COLUMNS[1:4],  # Kode kompetensi, Level, Tanggal penilaian
    *history.HEADERS[1:],  # Tahun … Sebutan
]


def column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row_xml(number: int, values: Iterable[object]) -> bytes:
    cells = []
    for i, value in enumerate(values):
        ref = f"{column(i)}{number}"
        if value is None or value == "":
            continue
        if isinstance(value, int | float):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        elif isinstance(value, str) and value.startswith("="):
            cells.append(f'<c r="{ref}"><f>{escape(value[1:])}</f></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'.encode()


def xlsx(
    header: list[str],
    rows: Iterable[bytes] | Iterable[Iterable[object]],
    *,
    sheet: str = "Sheet1",
    compresslevel: int = 6,
    extra: dict[str, bytes] | None = None,
    dimension: bool = True,
) -> bytes:
    """A minimal workbook: `rows` are lists of values, or ready row XML (bytes) for speed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK.format(name=sheet))
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(SHEET_HEAD + (DIMENSION if dimension else b"") + b"<sheetData>")
            out.write(row_xml(1, header))
            chunk: list[bytes] = []
            for number, row in enumerate(rows, start=2):
                chunk.append(row if isinstance(row, bytes) else row_xml(number, row))
                if len(chunk) == 5000:
                    out.write(b"".join(chunk))
                    chunk = []
            out.write(b"".join(chunk))
            out.write(SHEET_TAIL)
        for name, content in (extra or {}).items():
            zf.writestr(name, content)
    return buffer.getvalue()


def nip_rows(count: int) -> Iterator[bytes]:
    """`count` rows with a distinct NIP-like value in column A (not blank, all different)."""
    for number in range(2, count + 2):
        nip = 198501012010000000 + number
        yield b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (number, number, nip)


def zip_bomb_xlsx() -> bytes:
    """About 0.5 MB that unpacks to ~500 MB of identical rows (some 30 million cells)."""
    row = b'<row><c t="inlineStr"><is><t>198501012010011001</t></is></c></row>'
    block = row * (1024 * 1024 // len(row))
    return xlsx(UNION_HEADER, (block for _ in range(500)), compresslevel=9)


def ooxml(kind: str, parts: dict[str, bytes], content_types: str = CONTENT_TYPES) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", ROOT_RELS)
        for name, content in parts.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def plain_docx() -> bytes:
    return ooxml("docx", {"word/document.xml": b"<w:document/>"})


def macro_docx() -> bytes:
    """A macro-enabled document saved with the .docx name."""
    types = CONTENT_TYPES.replace(
        "</Types>",
        '<Override PartName="/word/vbaProject.bin" '
        'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    return ooxml(
        "docx",
        {"word/document.xml": b"<w:document/>", "word/vbaProject.bin": b"\xd0\xcf\x11\xe0" * 64},
        types,
    )


def html_docx() -> bytes:
    """The attack of issue 14: content types plus an HTML page with a script in word/."""
    return ooxml(
        "docx",
        {"word/document.html": b"<html><script>alert(document.cookie)</script></html>"},
    )


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PDF_JS = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"3 0 obj<</S/JavaScript/JS(app.alert('x'))>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_with_hidden_js() -> bytes:
    """JavaScript inside a compressed object stream, its name escaped (#61 = a)."""
    hidden = zlib.compress(b"3 0 obj<</S/J#61vaScript/JS(app.alert(1))>>endobj")
    return (
        b"%PDF-1.5\n4 0 obj<</Type/ObjStm/Filter/FlateDecode/Length "
        + str(len(hidden)).encode()
        + b">>stream\n"
        + hidden
        + b"\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def pdf_launch() -> bytes:
    return PDF.replace(b"/Pages 2 0 R>>", b"/Pages 2 0 R/OpenAction<</S/Launch/F(cmd.exe)>>>>")


def pdf_embedded_file() -> bytes:
    return PDF.replace(b"/Pages 2 0 R>>", b"/Pages 2 0 R/Names<</EmbeddedFiles 5 0 R>>>>")
