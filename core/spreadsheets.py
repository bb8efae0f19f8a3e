"""Every spreadsheet the portal reads or writes goes through this module.

Reading (the upload gate of every import): the file's size, then its ZIP directory (sizes,
compression ratios, parts: `core.uploads.check_office_archive`), then the header row, then the
rows one at a time in openpyxl's streaming mode, stopping at a row cap from the settings. Memory
and time stay bounded whatever the file: a 4 MB ZIP bomb is refused before one row is parsed.

Problems: a page shows the first `ERROR_PAGE_LIMIT` row problems; the full list is offered as
an xlsx kept in the cache under a random token for an hour (`keep_error_report`).

Writing (every export): values a user typed are written as text that displays unchanged, even
when they look like a formula (`=HYPERLINK(…)`, `+1`, `-2+3`, `@SUM(A1)`): such cells get the
string type and Excel's quote prefix, and in CSV a leading apostrophe. Formulas the portal
writes on purpose go through `write_formula`, the only way to keep a live formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import IO, Any

import openpyxl
from django.conf import settings
from django.contrib import messages as flash
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from openpyxl.cell import WriteOnlyCell
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from .uploads import check_office_archive, clean_name, size_text

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

DEFAULT_MAX_ROWS = 25_000  # a kabupaten has up to ~20,000 ASN; one file per import
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Columns read per row: the templates have at most 17; a sheet claiming 16,384 columns is not
# padded out to that width for every row.
MAX_COLUMNS = 60
ERROR_PAGE_LIMIT = 200
ERROR_REPORT_SECONDS = 3600

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B5D3B")
DATE_FORMAT = "DD-MM-YYYY"


def max_rows() -> int:
    """The row cap of every import (`IMPORT_MAX_ROWS`)."""
    return int(getattr(settings, "IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS))


def max_bytes() -> int:
    """The size cap of every import file (`IMPORT_MAX_BYTES`)."""
    return int(getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def number(value: int) -> str:
    """25000 -> '25.000'."""
    return f"{value:,}".replace(",", ".")


def too_many_rows(limit: int) -> ValidationError:
    return ValidationError(
        f"Berkas berisi lebih dari {number(limit)} baris; paling banyak {number(limit)} baris "
        "— pecah berkas."
    )


# --- Reading values ----------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell as trimmed text: 12.0 -> '12', a date -> 'dd-mm-yyyy', runs of spaces -> one."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return f"{value:%d-%m-%Y}"
    return re.sub(r"\s+", " ", str(value)).strip()


def parse_date(value: Any) -> dt.date | None:
    """An Excel date cell, an Excel serial number, or text dd-mm-yyyy / yyyy-mm-dd."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            result = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            return None
        return result.date() if isinstance(result, dt.datetime) else None
    text = cell_text(value)
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    return None


def normalise_header(value: Any) -> str:
    """'Nama (tanpa gelar)*' -> 'nama': no notes in brackets, no stars, lower case."""
    text = re.sub(r"\(.*?\)|\*", "", str(value or "")).strip().lower()
    return re.sub(r"\s+", " ", text.replace("-", " "))


def header_positions(
    header: Sequence[Any],
    aliases: Mapping[str, str],
    normalise: Callable[[Any], str] = normalise_header,
) -> dict[str, int]:
    """{key: column index} for the header cells whose normalised text is in `aliases`
    (normalised text -> key); the first matching column wins."""
    positions: dict[str, int] = {}
    for index, value in enumerate(header):
        key = aliases.get(normalise(value))
        if key and key not in positions:
            positions[key] = index
    return positions


# --- The upload gate ---------------------------------------------------------------------------


class Sheet:
    """One worksheet read row by row. `header` is the first row; `rows()` yields the rest."""

    def __init__(
        self,
        title: str,
        lines: Iterator[tuple[Any, ...]],
        *,
        count_lines: Callable[[int], int] | None = None,
    ) -> None:
        self.title = title
        self._lines = lines
        # Counts the sheet's <row> elements in the raw XML (up to a stop value): a sheet far
        # past the cap is refused in a fraction of the time its cells would take to parse.
        self._count_lines = count_lines
        self.header: tuple[Any, ...] = next(lines, ())
        self.is_empty = not any(cell_text(c) for c in self.header)

    def rows(
        self, *, limit: int | None = None, max_lines: int | None = None
    ) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(Excel row number, values) of every non-blank row under the header.

        Raises ValidationError past `limit` data rows (the `IMPORT_MAX_ROWS` setting by default)
        or past Excel row `max_lines` counting blank ones (a sheet formatted down to row
        1,048,576 is refused rather than read for minutes; twice the row cap by default)."""
        limit = max_rows() if limit is None else limit
        max_lines = 2 * limit + 1000 if max_lines is None else max_lines
        if self._count_lines is not None and self._count_lines(max_lines) > max_lines:
            # Far past the cap: refused before a cell is parsed.
            raise ValidationError(
                f"Lembar '{self.title}' memuat lebih dari {number(max_lines)} baris. Berkas "
                f"berisi lebih dari {number(limit)} baris; paling banyak {number(limit)} baris "
                "— pecah berkas. Hapus baris kosong yang diberi format di bawah data, bila ada."
            )
        count = 0
        for number_, line in enumerate(self._lines, start=2):
            if number_ > max_lines:
                raise ValidationError(
                    f"Lembar '{self.title}' memuat lebih dari {number(max_lines)} baris (termasuk "
                    "baris kosong yang diberi format). Hapus baris kosong di bawah data."
                )
            if not any(cell_text(c) for c in line):
                continue
            count += 1
            if count > limit:
                raise too_many_rows(limit)
            yield number_, line


def _check_upload(upload: Any, limit: int | None) -> str:
    name = clean_name(getattr(upload, "name", "") or "")
    size_limit = max_bytes() if limit is None else limit
    size = getattr(upload, "size", None)
    if size is not None and size > size_limit:
        raise ValidationError(
            f"Berkas lebih dari {size_text(size_limit)}. Pecah menjadi beberapa berkas."
        )
    if not name.lower().endswith(".xlsx"):
        raise ValidationError(
            "Berkas harus berformat Excel .xlsx (unduh templat di halaman ini). Berkas .xls, "
            ".csv atau .ods simpan ulang sebagai .xlsx terlebih dahulu."
        )
    if size == 0:
        raise ValidationError(f"Berkas “{name}” kosong.")
    return name


_UNREADABLE = (
    "Berkas tidak dapat dibaca sebagai Excel .xlsx. Pastikan berkas tidak rusak dan disimpan "
    "dengan format Excel Workbook (.xlsx)."
)


@contextmanager
def open_xlsx(
    upload: IO[bytes], *, sheet_name: str | None = None, max_file_bytes: int | None = None
) -> Iterator[Sheet]:
    """The upload gate: check size, extension and ZIP, then open the sheet `sheet_name` (else
    the first) for streaming. Raises ValidationError (Indonesian) for a problem with the file
    as a whole; the workbook is closed when the block ends."""
    name = _check_upload(upload, max_file_bytes)
    try:
        check_office_archive(upload, kind="xlsx", name=name)
    except ValidationError as exc:
        if "tidak sesuai dengan jenisnya" in exc.messages[0]:
            raise ValidationError(_UNREADABLE) from None
        raise
    try:
        workbook = _load(upload)
    except Exception:  # openpyxl raises a dozen unrelated types for a damaged or foreign file
        raise ValidationError(_UNREADABLE) from None
    try:
        if sheet_name and sheet_name in workbook.sheetnames:
            worksheet = workbook[sheet_name]
        elif workbook.worksheets:
            worksheet = workbook.worksheets[0]
        else:
            raise ValidationError(_UNREADABLE)
        # The dimensions a file claims are not trusted: rows are read as they come, at most
        # MAX_COLUMNS wide, with the empty cells at their end left off.
        worksheet.reset_dimensions()
        lines = worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        yield Sheet(
            worksheet.title,
            _guarded(lines),
            count_lines=lambda stop: _count_row_tags(workbook, worksheet, stop),
        )
    finally:
        workbook.close()


class _UnsizedSheet(ReadOnlyWorksheet):
    """openpyxl's streaming sheet without its size probe: for a sheet that does not state its
    size (openpyxl's own write-only files, some exporters) the probe parses the whole sheet
    while the workbook opens, before the row cap can act. The gate ignores the stated size
    anyway (`reset_dimensions`)."""

    def _get_size(self) -> None:
        return None


class _StreamingReader(ExcelReader):
    """`openpyxl.load_workbook(read_only=True)` with `_UnsizedSheet`s (chart sheets are left
    out: an import reads cells only)."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files or "chartsheet" in rel.Type:
                continue
            worksheet = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
            worksheet.sheet_state = sheet.state
            self.wb._sheets.append(worksheet)


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>]")
_CHUNK = 1 << 20


def _count_row_tags(workbook: Any, worksheet: Any, stop: int) -> int:
    """How many <row> elements the sheet XML holds, counting no further than `stop` + 1:
    a byte scan of the (already size-checked) part, ~50x faster than parsing the cells."""
    count, tail = 0, b""
    try:
        with workbook._archive.open(worksheet._worksheet_path) as source:
            while count <= stop:
                chunk = source.read(_CHUNK)
                if not chunk:
                    break
                data = tail + chunk
                count += len(_ROW_TAG.findall(data))
                # Keep the end of the chunk (a tag cut in two), minus what was counted in it.
                cut = max(data.rfind(b"<"), len(data) - 16)
                tail = data[cut:]
                count -= len(_ROW_TAG.findall(tail))
    except Exception:  # an unreadable part fails later, while its rows are read
        return 0
    return count


def _load(upload: IO[bytes]) -> Any:
    reader = _StreamingReader(upload, read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _guarded(lines: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """Turn a parse error deep in a damaged sheet into the same clear message."""
    try:
        for line in lines:
            end = len(line)
            while end and line[end - 1] is None:
                end -= 1
            yield line[:end]
    except ValidationError:
        raise
    except Exception:  # broken XML, bad numbers: openpyxl and the XML parser raise many types
        raise ValidationError(_UNREADABLE) from None


# --- Row problems ------------------------------------------------------------------------------


def error_report(
    problems: Iterable[tuple[int, str, Iterable[str]]], *, key_title: str = "NIP"
) -> bytes:
    """The full list of row problems as an xlsx: row number, key (NIP), one problem per line."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Masalah")
    for index, width in enumerate((8, 22, 100), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    append_row(sheet, header_cells(sheet, ["Baris", key_title, "Masalah"]))
    for row, key, messages in problems:
        for message in messages:
            append_row(sheet, [row, key, message])
    return workbook_bytes(workbook)


def _report_key(user_id: int, token: str) -> str:
    return f"import-errors:{user_id}:{token}"


def keep_error_report(user_id: int, content: bytes) -> str:
    """Keep an error report for its uploader for an hour; returns the token for the link."""
    token = secrets.token_urlsafe(16)
    cache.set(_report_key(user_id, token), content, ERROR_REPORT_SECONDS)
    return token


def error_report_response(user_id: int, token: str, filename: str) -> HttpResponse | None:
    """The kept report as a download, or None when unknown, expired or someone else's."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{10,40}", token or ""):
        return None
    content = cache.get(_report_key(user_id, token))
    if content is None:
        return None
    return xlsx_response(content, filename)


def kept_report_download(request: HttpRequest, filename: str) -> HttpResponse | None:
    """An import page's `?galat=<token>` link: the kept problem list as a download. None when
    the request is not such a link, or (with a message, the page then renders) when the list
    has expired."""
    user_id = request.user.pk
    if request.method != "GET" or not request.GET.get("galat") or user_id is None:
        return None
    report = error_report_response(user_id, request.GET["galat"], filename)
    if report is None:
        flash.error(request, "Daftar masalah sudah kedaluwarsa; unggah ulang berkasnya.")
    return report


def problem_rows_context(
    user_id: int, bad: Sequence[Any], error_report: Callable[[], bytes]
) -> dict[str, Any]:
    """What an import page shows of the problem rows: the first `ERROR_PAGE_LIMIT`, their
    count and, when there are more, the token of the full list (`error_report()`) kept for
    download."""
    context: dict[str, Any] = {"bad_rows": bad[:ERROR_PAGE_LIMIT], "bad_count": len(bad)}
    if len(bad) > ERROR_PAGE_LIMIT:
        context["report_token"] = keep_error_report(user_id, error_report())
    return context


# --- Writing -----------------------------------------------------------------------------------

# A cell that starts with one of these is read as a formula by a spreadsheet program (Excel
# also takes +, - and @; tab and CR start a DDE payload in CSV).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULAS_ATTR = "_portal_formulas"


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def inert(cell: Any) -> Any:
    """Make a cell holding user text display that text, never evaluate it."""
    value = cell.value
    if isinstance(value, str) and (cell.data_type == "f" or value.startswith(FORMULA_PREFIXES)):
        cell.data_type = "s"
        cell.quotePrefix = True
    elif cell.data_type == "f":  # ArrayFormula / DataTableFormula objects
        cell.value = str(getattr(value, "text", value))
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_formula(sheet: Any, row: int, column: int, formula: str) -> Any:
    """A formula the portal writes on purpose (the only way to keep one live)."""
    cell = sheet.cell(row=row, column=column, value=formula)
    kept: set[tuple[str, str]] = getattr(sheet.parent, _FORMULAS_ATTR, set())
    kept.add((sheet.title, cell.coordinate))
    setattr(sheet.parent, _FORMULAS_ATTR, kept)
    return cell


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """`sheet.append(values)` for user data, on a normal or a write-only sheet (whose rows
    are written out at once, so its formula-looking values are made inert here)."""
    if getattr(sheet.parent, "write_only", False):
        cells = []
        for value in values:
            if looks_like_formula(value):
                cell = WriteOnlyCell(sheet, value=value)
                cells.append(inert(cell))
            else:
                cells.append(value)
        sheet.append(cells)
        return
    # A normal sheet is made inert as a whole when saved (`workbook_bytes`).
    sheet.append(list(values))


def header_cells(sheet: Any, titles: Iterable[str]) -> list[Any]:
    """Styled header cells for a write-only sheet (white bold on green)."""
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cells.append(inert(cell))
    return cells


def style_header(
    sheet: Any, widths: Sequence[int], *, row: int = 1, freeze: bool = True, wrap: bool = True
) -> None:
    """White bold on green for the header row of a normal sheet, column widths, frozen panes."""
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=row, column=index)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=wrap)
        sheet.column_dimensions[get_column_letter(index)].width = width
    if freeze:
        sheet.freeze_panes = f"A{row + 1}"


def workbook_bytes(workbook: Any) -> bytes:
    """Save a workbook; every formula cell not written with `write_formula` becomes inert text
    first (so an export that forgot the helper still writes no live user formula)."""
    if not getattr(workbook, "write_only", False):
        kept: set[tuple[str, str]] = getattr(workbook, _FORMULAS_ATTR, set())
        for sheet in workbook.worksheets:
            for cell in sheet._cells.values():  # every written cell, without creating new ones
                if (sheet.title, cell.coordinate) in kept:
                    continue
                if cell.data_type == "f" or looks_like_formula(cell.value):
                    inert(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def csv_value(value: Any) -> Any:
    """A CSV cell a spreadsheet program shows as the text, never runs: a leading apostrophe."""
    return f"'{value}" if looks_like_formula(value) else value


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """CSV (UTF-8 with BOM so Excel reads the accents, semicolons as Excel-ID expects)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def csv_response(rows: Iterable[Iterable[Any]], filename: str) -> HttpResponse:
    response = HttpResponse(csv_bytes(rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
