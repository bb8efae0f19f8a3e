"""One object of every kind, built by the authorization matrix's builder in the calling test's
own transaction (the matrix module keeps its module-wide world for itself): the fixture
`world_objects` of the tests that walk every page or every field (test_links_allowed,
test_lengths). The builder stays in tests/test_authorization_matrix.py, which this module is
the one place to import it from."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_authorization_matrix import Objects, _build_objects

__all__ = ["Objects", "world_objects"]


@pytest.fixture
def world_objects(
    world: Any, hr_dinkes: Any, hr_dishub: Any, django_capture_on_commit_callbacks: Any
) -> Objects:
    return _build_objects(world, hr_dinkes, hr_dishub, django_capture_on_commit_callbacks)
