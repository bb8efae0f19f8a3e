"""Fixtures shared by the SKP and evaluation tests; they are defined in helpers.py so that
tests elsewhere can import them too."""

from tests.performance.helpers import approved_skp  # noqa: F401  (a fixture)
