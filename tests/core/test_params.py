"""core.params: ids and years from request strings, never an exception."""

import pytest

from core.params import parse_id, parse_year, this_year, year_choices


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("42", 42),
        ("0042", 42),
        ("", None),
        (None, None),
        ("4a", None),
        ("-1", None),
        ("١٢", None),
        ("9" * 12, None),
        ("9" * 11, int("9" * 11)),
    ],
)
def test_parse_id(raw, expected):
    assert parse_id(raw) == expected


def test_parse_year_bounds_and_default():
    year = this_year()
    assert parse_year(str(year - 1)) == year - 1
    assert parse_year(str(year + 1)) == year + 1
    assert parse_year(str(year + 2)) == year  # beyond next year: the default
    assert parse_year("2014") == year  # before the first year of data
    assert parse_year("٢٠٢٥") == year  # Unicode digits
    assert parse_year("abcd", default=2020) == 2020
    assert parse_year("2099", last=2100) == 2099


def test_year_choices_newest_first():
    choices = year_choices(first=2020, last=2023)
    assert choices == [2023, 2022, 2021, 2020]
