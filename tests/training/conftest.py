"""Fixtures shared by the training tests."""

import pytest

from tests.training.helpers import Case, build_case


@pytest.fixture
def case(world) -> Case:
    """The Kabid Yankes's needs case (see tests.training.helpers.build_case)."""
    return build_case(world)
