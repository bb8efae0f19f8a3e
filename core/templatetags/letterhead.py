"""The instansi's logo on the letterhead of printed documents (templates/pdf/_letterhead.html).

DOCUMENT_LOGO (settings, from the environment) is the path of a PNG, JPEG or SVG file; it is
embedded as a data: URI, so a render reads no URL. Unset, or the file unreadable, the
letterhead is text only: a missing logo never stops a document from printing.
"""

from __future__ import annotations

import base64
import logging
from functools import lru_cache
from pathlib import Path

from django import template
from django.conf import settings

register = template.Library()
logger = logging.getLogger(__name__)

MEDIA_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}
MAX_BYTES = 2 * 1024 * 1024  # a logo, not a photograph: kept small in every PDF


@lru_cache(maxsize=4)
def _data_uri(path: str, mtime: float) -> str:
    file = Path(path)
    media_type = MEDIA_TYPES.get(file.suffix.lower())
    if media_type is None:
        logger.warning(
            "DOCUMENT_LOGO %s: not a PNG, JPEG or SVG file; letterhead without logo", path
        )
        return ""
    data = file.read_bytes()
    if len(data) > MAX_BYTES:
        logger.warning("DOCUMENT_LOGO %s: larger than 2 MiB; letterhead without logo", path)
        return ""
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def logo_data_uri() -> str:
    """The configured logo as a data: URI, or "" for a text-only letterhead."""
    path = getattr(settings, "DOCUMENT_LOGO", "")
    if not path:
        return ""
    try:
        mtime = Path(path).stat().st_mtime
    except OSError:
        logger.warning("DOCUMENT_LOGO %s: file not found; letterhead without logo", path)
        return ""
    return _data_uri(str(path), mtime)


@register.simple_tag
def document_logo() -> str:
    return logo_data_uri()
