"""Excel import of employees and placements, and the Excel export of the register.

An import runs in two steps. Upload (`read`, `validate`): the workbook is read through the
upload gate, every row is parsed and checked against the database in a fixed number of bulk
queries, and the result (with every row's problems) is stored as an `ImportBatch` for the
preview page. Commit (`commit`): the rows are checked again (the data may have changed since
the preview) and written all-or-nothing; employees are matched by NIP, so importing the same
file twice changes nothing the second time. `workbooks` writes the template and the export.

The names below are the package's public interface; the limits a test may lower
(`MAX_ROWS`, `MAX_FILE_BYTES`, `MAX_SHEET_LINES`) live on `importing.read`.
"""

from .commit import (
    ImportRefused,
    can_queue,
    commit_batch,
    commit_import,
    record_failure,
    request_commit,
)
from .read import (
    COLUMNS,
    EXAMPLE,
    HEADERS,
    SHEET_NAME,
    XLSX_CONTENT_TYPE,
    ImportUploadForm,
    parse_date,
    parse_golongan,
    read_workbook,
)
from .validate import check_rows, create_batch, parse_row, scope_root, summarise
from .workbooks import build_register_export, build_template

__all__ = [
    "COLUMNS",
    "EXAMPLE",
    "HEADERS",
    "SHEET_NAME",
    "XLSX_CONTENT_TYPE",
    "ImportRefused",
    "ImportUploadForm",
    "build_register_export",
    "build_template",
    "can_queue",
    "check_rows",
    "commit_batch",
    "commit_import",
    "create_batch",
    "parse_date",
    "parse_golongan",
    "parse_row",
    "read_workbook",
    "record_failure",
    "request_commit",
    "scope_root",
    "summarise",
]
