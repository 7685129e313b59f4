"""Fixtures of the screen's tests: the demo's run around an engine that keeps its states
in memory (see :mod:`tests.fake_engine`), for tests about the screen, not the engine."""

from __future__ import annotations

import pytest

from automation.engine.runtime import Runtime
from automation.plugins.linkedin import LinkedIn
from tests import fake_engine


@pytest.fixture
def fake_linkedin() -> Runtime:
    """The demo's run covering LinkedIn's rows, on a fake engine holding the demo
    account's states (``fake_engine.fake(runtime)`` is the engine)."""
    return fake_engine.demo([s.id for s in LinkedIn.settings])[1]


@pytest.fixture
def fake_whole() -> Runtime:
    """The demo's run over every platform, on a fake engine."""
    return fake_engine.demo()[1]
