"""Request parameters parsed one way everywhere: ids and years from GET/POST strings.

Bad values (letters, Unicode digits, 40-digit numbers, years out of range) never raise: they
give None or the default, so a hand-edited URL shows the default page instead of a 500.
"""

from __future__ import annotations

from django.utils import timezone

FIRST_YEAR = 2015  # the earliest year the portal holds data for (history import starts here)
MAX_ID_DIGITS = 11  # below PostgreSQL's bigint range, so a huge id is "not found", not a 500


def parse_id(raw: object) -> int | None:
    """A positive database id from an ASCII digit string, else None."""
    text = str(raw or "")
    if text.isascii() and text.isdecimal() and len(text) <= MAX_ID_DIGITS:
        return int(text)
    return None


def this_year() -> int:
    return timezone.localdate().year


def parse_year(
    raw: object, *, default: int | None = None, first: int = FIRST_YEAR, last: int | None = None
) -> int:
    """A year between `first` and `last` (default: next year), else `default` (this year)."""
    last = this_year() + 1 if last is None else last
    fallback = this_year() if default is None else default
    text = str(raw or "")
    if text.isascii() and text.isdecimal() and len(text) == 4 and first <= int(text) <= last:
        return int(text)
    return fallback


def year_choices(*, first: int = FIRST_YEAR, last: int | None = None) -> list[int]:
    """Years for a year <select>, newest first."""
    last = this_year() if last is None else last
    return list(range(last, first - 1, -1))
