"""The text of a rendered PDF, for tests that read documents as a person would (poppler's
pdftotext must be installed: `scripts/system_deps.sh --test`; a missing tool fails the test)."""

from __future__ import annotations

import subprocess


def pdf_text(pdf: bytes, *args: str) -> str:
    """The text of `pdf` in content order (`-raw`), whitespace folded to single spaces."""
    result = subprocess.run(
        ["pdftotext", "-raw", *args, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode().split())
