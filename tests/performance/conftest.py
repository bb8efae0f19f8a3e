"""Fixtures shared by the SKP, evaluation and report tests; they are defined in helper modules
so that tests elsewhere can import them too."""

from tests.performance.helpers import (  # noqa: F401  (fixtures)
    approved_skp,
    employee_skp,
    manager_skp,
)
from tests.performance.pdf_helpers import year_done  # noqa: F401  (a fixture)
