"""Uploaded documents (bukti dukung, sertifikat): the extension must be allowed, the size
within the limit, and the content must really be what the extension claims (magic bytes,
OOXML parts), so a renamed executable never lands in storage. One checker for every app."""

from __future__ import annotations

import uuid
import zipfile

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
_OOXML_FOLDER = {"xlsx": "xl/", "docx": "word/"}
_ZIP_MAGIC = b"PK\x03\x04"


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _is_ooxml(upload: UploadedFile, folder: str) -> bool:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)


def validate_upload(upload: UploadedFile, allowed: tuple[str, ...] = ALLOWED_EXTENSIONS) -> None:
    """Raise ValidationError (in Indonesian) unless the upload is an allowed, honest file."""
    name = upload.name or ""
    ext = extension_of(name)
    if ext not in allowed:
        kinds = [e.upper() for e in allowed if e != "jpeg"]
        kinds_text = ", ".join(kinds[:-1]) + f" atau {kinds[-1]}" if len(kinds) > 1 else kinds[0]
        raise ValidationError(f"Jenis berkas “{name}” tidak diizinkan. Gunakan {kinds_text}.")
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            f"Berkas “{name}” terlalu besar ({upload.size / 1048576:.1f} MB); "
            f"batasnya {limit / 1048576:.0f} MB."
        )
    if upload.size == 0:
        raise ValidationError(f"Berkas “{name}” kosong.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if ext in _MAGIC:
        honest = head.startswith(_MAGIC[ext])
    else:
        honest = head.startswith(_ZIP_MAGIC) and _is_ooxml(upload, _OOXML_FOLDER[ext])
    if not honest:
        raise ValidationError(
            f"Isi berkas “{name}” tidak sesuai dengan jenisnya (.{ext}). Unggah berkas "
            f"{ext.upper()} yang asli, bukan berkas lain yang diganti namanya."
        )


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
    return f"{folder}/{uuid.uuid4().hex}.{suffix}"
