"""Uploaded documents (bukti dukung, sertifikat) and the archive check shared with the
spreadsheet imports.

An upload is refused unless its extension is allowed, its size within the limit, and its
content really what the extension claims. Magic bytes are not enough: an Office file is a ZIP,
so its parts are checked too (only the parts an Office file may contain, no macros, no HTML or
script, no ZIP bomb), and a PDF may not carry JavaScript, launch actions or embedded files.
One checker for every app.
"""

from __future__ import annotations

import re
import uuid
import zipfile
import zlib
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

ALLOWED_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "xlsx", "docx")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_MAGIC = {
    "pdf": b"%PDF-",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
}
# Office Open XML: a ZIP with a content-types part and the application's folder.
OOXML_FOLDER = {"xlsx": "xl/", "docx": "word/", "pptx": "ppt/"}
_ZIP_MAGIC = b"PK\x03\x04"

# --- Limits of an Office archive -------------------------------------------------------------
# A real workbook of 25,000 employees unpacks to about 30 MB; a bomb of the same 4 MB unpacks to
# gigabytes. Past these, nothing is parsed.
MAX_PARTS = 1000
MAX_UNCOMPRESSED_BYTES = 120 * 1024 * 1024
# Parts parsed whole into memory (shared strings, styles, the content types) stay smaller:
# the shared strings of a 25,000-row register take about 5 MB; 16 MB of one-letter strings
# already make a million Python objects.
MAX_WHOLE_PART_BYTES = 16 * 1024 * 1024
# Sheet XML of real data compresses 5-30 times; a bomb hundreds or thousands of times. Small
# parts may compress well without harm, so the ratio is checked only above a size.
MAX_RATIO = 100
RATIO_GRACE_BYTES = 1024 * 1024
_FOLDERS = ("_rels/", "docProps/", "customXml/", "_xmlsignatures/", "xl/", "word/", "ppt/")
_PART_SUFFIXES = (
    ".xml",
    ".rels",
    ".vml",
    ".png",
    ".jpeg",
    ".jpg",
    ".jpe",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".emf",
    ".wmf",
    ".svg",
    ".odttf",
    ".fntdata",
    ".sigs",
    ".xlsx",  # the data of a chart in a document
    ".docx",
)
_MACRO_MARKERS = ("vbaproject", "macroenabled", "vbadata", "activex")
_ACTIVE_MARKERS = ("text/html", "javascript", "ecmascript", "text/vbscript", "application/hta")


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def megabytes(size: int) -> str:
    """5242880 -> '5', 1572864 -> '1,5' (Indonesian decimal comma)."""
    text = f"{size / 1048576:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def size_text(size: int) -> str:
    """5242880 -> '5 MB', 1000 -> '1 KB'."""
    return f"{megabytes(size)} MB" if size >= 1048576 else f"{max(1, round(size / 1024))} KB"


def _part_allowed(name: str, folder: str) -> bool:
    if name == "[Content_Types].xml":
        return True
    if name.endswith("/"):  # a directory entry
        return True
    if ".." in name.split("/") or name.startswith("/") or "\\" in name:
        return False
    lower = name.lower()
    if not name.startswith(_FOLDERS) or (
        name.startswith(("xl/", "word/", "ppt/")) and not name.startswith(folder)
    ):
        return False
    if lower.endswith(".bin"):
        # Printer settings are the only binary part Office writes for these files: macros
        # (vbaProject.bin), ActiveX controls and OLE packages (oleObject.bin) may carry code.
        return "/printersettings/" in lower
    return lower.endswith(_PART_SUFFIXES)


def check_office_archive(
    file: IO[bytes], *, kind: str, name: str, max_uncompressed: int | None = None
) -> None:
    """Refuse (ValidationError, Indonesian) an Office file whose ZIP is not what an Office file
    of `kind` ('xlsx', 'docx', 'pptx') contains: bomb sizes and ratios, too many parts, foreign
    parts (HTML, script), macros. Reads only the ZIP directory and the content-types part."""
    folder = OOXML_FOLDER[kind]
    limit = max_uncompressed or MAX_UNCOMPRESSED_BYTES
    fake = ValidationError(
        f"Isi berkas “{name}” tidak sesuai dengan jenisnya (.{kind}). Unggah berkas "
        f"{kind.upper()} yang asli, bukan berkas lain yang diganti namanya."
    )
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise ValidationError(
                    f"Berkas “{name}” memuat {len(parts):,} bagian; berkas {kind.upper()} yang "
                    f"wajar tidak lebih dari {MAX_PARTS:,}.".replace(",", ".")
                )
            names = {part.filename for part in parts}
            if "[Content_Types].xml" not in names or not any(n.startswith(folder) for n in names):
                raise fake
            total = 0
            for part in parts:
                lower = part.filename.lower()
                if any(marker in lower for marker in _MACRO_MARKERS):
                    raise _macro_error(name)
                if not _part_allowed(part.filename, folder):
                    raise ValidationError(
                        f"Berkas “{name}” memuat bagian yang tidak lazim untuk berkas "
                        f"{kind.upper()} ({part.filename[:80]}). Simpan ulang dari Office "
                        "sebagai dokumen biasa."
                    )
                if part.flag_bits & 0x1:
                    raise ValidationError(f"Berkas “{name}” terenkripsi; buka kuncinya dahulu.")
                total += part.file_size
                ratio = part.file_size / max(part.compress_size, 1)
                whole = not lower.startswith(f"{folder}worksheets/") and lower.endswith(".xml")
                if (
                    total > limit
                    or (part.file_size > RATIO_GRACE_BYTES and ratio > MAX_RATIO)
                    or (whole and part.file_size > MAX_WHOLE_PART_BYTES)
                ):
                    raise ValidationError(
                        f"Berkas “{name}” mengembang menjadi terlalu besar saat dibuka (bom "
                        "ZIP atau data yang tidak wajar). Simpan ulang berkas aslinya atau "
                        "pecah menjadi beberapa berkas."
                    )
            content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError):
        raise fake from None
    except (RuntimeError, NotImplementedError, zlib.error):  # encrypted, odd compression
        raise fake from None
    finally:
        file.seek(0)
    lowered = content_types.lower()
    if any(marker in lowered for marker in _MACRO_MARKERS):
        raise _macro_error(name)
    if any(marker in lowered for marker in _ACTIVE_MARKERS):
        raise ValidationError(
            f"Berkas “{name}” memuat halaman web atau skrip; berkas seperti ini tidak diterima."
        )


def _macro_error(name: str) -> ValidationError:
    return ValidationError(
        f"Berkas “{name}” memuat makro atau kontrol aktif, yang dapat menjalankan program. "
        "Simpan ulang sebagai dokumen tanpa makro (.docx/.xlsx)."
    )


# --- PDF ---------------------------------------------------------------------------------------

# Names that run code or carry files. PDF names may escape characters as #xx (/J#61vaScript).
_PDF_ACTIVE = re.compile(
    rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?=[\s/<>\[\]()%]|$)"
)
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"stream\r?\n")
# Compressed object streams can hide the names; they are inflated up to this much in total.
MAX_PDF_INFLATE_BYTES = 64 * 1024 * 1024
MAX_PDF_STREAM_BYTES = 8 * 1024 * 1024


def _unescape_names(data: bytes) -> bytes:
    if b"#" not in data:
        return data
    return _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _pdf_active_names(data: bytes) -> set[str]:
    """The active names in the file and in its compressed streams. Image and font streams
    cannot hold PDF objects and are skipped; the others are inflated up to a per-stream and a
    total budget, and a file that needs more is reported as "Unchecked"."""
    found = {m.group(1).decode() for m in _PDF_ACTIVE.finditer(_unescape_names(data))}
    budget = MAX_PDF_INFLATE_BYTES
    view = memoryview(data)
    for match in _PDF_STREAM.finditer(data):
        dictionary = data[max(0, match.start() - 400) : match.start()]
        if b"/Image" in dictionary or b"/FontFile" in dictionary or b"/Length1" in dictionary:
            continue
        if budget <= 0:
            found.add("Unchecked")
            break
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(view[match.end() :], min(budget, MAX_PDF_STREAM_BYTES))
        except zlib.error:
            continue
        budget -= len(chunk)
        if b"/" in chunk:
            found |= {m.group(1).decode() for m in _PDF_ACTIVE.finditer(_unescape_names(chunk))}
    return found


def check_pdf(upload: IO[bytes], *, name: str) -> None:
    """Refuse a PDF with JavaScript, launch actions or embedded files (also inside compressed
    object streams)."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    active = _pdf_active_names(data)
    if "Unchecked" in active:
        raise ValidationError(
            f"PDF “{name}” terlalu rumit untuk diperiksa. Cetak ulang dokumen ke PDF atau "
            "pindai sertifikatnya."
        )
    if active:
        what = []
        if active & {"JavaScript", "JS", "RichMedia", "XFA"}:
            what.append("skrip (JavaScript)")
        if "Launch" in active:
            what.append("perintah menjalankan program")
        if active & {"EmbeddedFile", "EmbeddedFiles"}:
            what.append("berkas tersemat")
        raise ValidationError(
            f"PDF “{name}” memuat {' dan '.join(what)}. Unggah PDF biasa: cetak ulang "
            "dokumen ke PDF atau pindai sertifikatnya."
        )


# --- The checker -------------------------------------------------------------------------------


def clean_name(name: str) -> str:
    """The file name as shown back to the user: no folders, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable())
    return base.strip()[:120] or "berkas"


def validate_upload(upload: UploadedFile, allowed: tuple[str, ...] = ALLOWED_EXTENSIONS) -> None:
    """Raise ValidationError (in Indonesian) unless the upload is an allowed, honest file."""
    name = clean_name(upload.name or "")
    ext = extension_of(name)
    if ext not in allowed:
        kinds = [e.upper() for e in allowed if e != "jpeg"]
        kinds_text = ", ".join(kinds[:-1]) + f" atau {kinds[-1]}" if len(kinds) > 1 else kinds[0]
        raise ValidationError(f"Jenis berkas “{name}” tidak diizinkan. Gunakan {kinds_text}.")
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            f"Berkas “{name}” terlalu besar ({size_text(upload.size)}); "
            f"batasnya {size_text(limit)}."
        )
    if not upload.size:
        raise ValidationError(f"Berkas “{name}” kosong.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    honest = head.startswith(_MAGIC[ext]) if ext in _MAGIC else head.startswith(_ZIP_MAGIC)
    if not honest:
        raise ValidationError(
            f"Isi berkas “{name}” tidak sesuai dengan jenisnya (.{ext}). Unggah berkas "
            f"{ext.upper()} yang asli, bukan berkas lain yang diganti namanya."
        )
    if ext in OOXML_FOLDER:
        check_office_archive(upload, kind=ext, name=name)
    elif ext == "pdf":
        check_pdf(upload, name=name)


def validate_evidence(upload: UploadedFile) -> None:
    """Bukti dukung: PDF, JPG, PNG, XLSX or DOCX."""
    validate_upload(upload, ALLOWED_EXTENSIONS)


CERTIFICATE_EXTENSIONS = ("pdf", "jpg", "jpeg", "png")


def validate_certificate(upload: UploadedFile) -> None:
    """Sertifikat: PDF, JPG or PNG."""
    validate_upload(upload, CERTIFICATE_EXTENSIONS)


def random_storage_name(folder: str, filename: str) -> str:
    """An unguessable storage name under `folder` keeping only the file's extension: files
    are served through views that check access, and a guessed name must not be enough even
    if media were exposed by mistake. The original name, where needed, stays on the row."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    if not suffix.isalnum() or len(suffix) > 8:
        suffix = "bin"
    return f"{folder}/{uuid.uuid4().hex}.{suffix}"
