"""Fixtures shared by the SKP and evaluation tests; they are defined in helpers.py so that
tests elsewhere can import them too."""

from tests.performance.helpers import (  # noqa: F401  (fixtures)
    approved_skp,
    employee_skp,
    manager_skp,
)
