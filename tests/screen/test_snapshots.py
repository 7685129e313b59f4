"""How the main screen looks, with readings fixed so the picture does not drift."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from automation.domain.settings import Setting, State
from automation.engine.runtime import Runtime
from automation.files.config_types import Config
from automation.plugins.linkedin import LinkedIn
from tests.fake_engine import FakeEngine
from tui.app import PrivacyApp

AT = datetime(2026, 11, 29, 9, 59, 12, tzinfo=UTC)
ORIGIN = "http://127.0.0.1:8801"


def fixed_detail(setting: Setting, state: State) -> str:
    """A reading's detail, as the engine words it, the same at every run."""
    return f"Switch is {state}." if state.is_value else "Not signed in."


class FixedEngine(FakeEngine):
    """Answers every read of LinkedIn's settings with fixed readings: the states given,
    read at :data:`AT` from one page, worded by ``detail``."""

    def __init__(
        self,
        states: dict[str, State],
        detail: Callable[[Setting, State], str] = fixed_detail,
    ) -> None:
        self.plugin = LinkedIn(ORIGIN)
        super().__init__(
            [self.plugin], states, at=AT, detail=detail, url=lambda setting: f"{ORIGIN}/page"
        )


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def fixed_states() -> dict[str, State]:
    """LinkedIn's settings on, but research off and the inferred location unread."""
    states = {s.id: State.ON for s in LinkedIn(ORIGIN).settings}
    states["linkedin.research"] = State.OFF
    states["linkedin.ads_inferred_location"] = State.UNKNOWN
    return states


def fixed_app() -> PrivacyApp:
    engine = FixedEngine(fixed_states())
    runtime = Runtime(Config(), [engine.plugin], engine)
    return PrivacyApp(runtime, demo=True)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, utc) -> None:
    assert snap_compare(fixed_app(), terminal_size=(140, 40), run_before=settle)


def test_main_screen_at_80x24(snap_compare, utc) -> None:
    """Narrow: the detail pane below, labels cut with an ellipsis, the state in sight."""
    assert snap_compare(fixed_app(), terminal_size=(80, 24), run_before=settle)
