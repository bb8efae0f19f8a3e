"""Length limits of free text, one table for the whole portal.

A CharField's max_length is enforced by forms and, on PostgreSQL, by its varchar(n) column.
A TextField takes max_length too (forms refuse longer text with Django's Indonesian message
and render maxlength on the textarea, which static/js/portal.js turns into a counter), and
`max_length_check()` adds the database side as a CHECK constraint, which PostgreSQL and SQLite
both enforce. tests/test_lengths.py walks every model so a new field without a limit fails.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.db.models.functions import Length

# The `length` lookup in constraints and filters on text columns (CharField is registered by
# positions.models; registering twice is harmless).
models.TextField.register_lookup(Length)
models.CharField.register_lookup(Length)

# Sizes by kind of text (characters).
SHORT_TEXT = 1_000  # one statement: an RHK, an indicator
NOTE = 2_000  # catatan: return note, verification note, a short description
FEEDBACK = 4_000  # umpan balik, ikhtisar, ekspektasi, descriptions
LONG_TEXT = 10_000  # uraian tugas (a list of duties), SKP lampiran paragraphs
SYSTEM_ERROR = 4_000  # error texts written by the portal itself (already truncated)


def max_length_check(name: str, field: str, limit: int) -> models.CheckConstraint:
    """CHECK (LENGTH(field) <= limit), named `name` (unique in the database)."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__length__lte": limit}),
        name=name,
        violation_error_message=f"Teks terlalu panjang: paling banyak {limit:,} karakter.".replace(
            ",", "."
        ),
    )


class BoundedTextarea(forms.Textarea):
    """A textarea that never renders more than its maxlength: text refused for its length comes
    back as its first N characters (with the error), not as a page as large as the upload.
    static/js/portal.js shows a character counter under every textarea with a maxlength."""

    def format_value(self, value: object) -> str | None:
        text = super().format_value(value)
        limit = self.attrs.get("maxlength")
        if text and limit:
            return text[: int(limit)]
        return text
