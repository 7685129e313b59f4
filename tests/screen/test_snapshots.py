"""How the main screen looks, with readings fixed so the picture does not drift."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import pytest

from automation.domain import events
from automation.domain.settings import Reading, State
from automation.engine.runtime import Runtime
from automation.files.config_types import Config
from automation.plugins.linkedin import LinkedIn
from tui.app import PrivacyApp

AT = datetime(2026, 11, 29, 9, 59, 12, tzinfo=UTC)
ORIGIN = "http://127.0.0.1:8801"


class FixedEngine:
    """Answers every read with fixed readings, as the engine's events would carry them."""

    def __init__(self, states: dict[str, State]) -> None:
        self.plugin = LinkedIn(ORIGIN)
        self.plugins = {"linkedin": self.plugin}
        self.states = states
        self.listeners: list[Callable[[events.Event], None]] = []

    def subscribe(self, listener):
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener)

    async def start(self) -> None:
        pass

    async def check(self, ids: Iterable[str]) -> list[Reading]:
        readings = []
        for setting_id in ids:
            state = self.states[setting_id]
            detail = f"Switch is {state}." if state.is_value else "Not signed in."
            reading = Reading(setting_id, state, detail, AT, f"{ORIGIN}/page")
            for listener in self.listeners:
                listener(events.Read(reading))
            readings.append(reading)
        return readings

    async def close(self) -> None:
        pass


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def fixed_app() -> PrivacyApp:
    plugin = LinkedIn(ORIGIN)
    states = {s.id: State.ON for s in plugin.settings}
    states["linkedin.research"] = State.OFF
    states["linkedin.ads_inferred_location"] = State.UNKNOWN
    engine = FixedEngine(states)
    runtime = Runtime(Config(), [engine.plugin], engine)  # type: ignore[arg-type]
    return PrivacyApp(runtime, demo=True)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, utc) -> None:
    assert snap_compare(fixed_app(), terminal_size=(140, 40), run_before=settle)


def test_main_screen_at_80x24(snap_compare, utc) -> None:
    """Narrow: the detail pane below, labels cut with an ellipsis, the state in sight."""
    assert snap_compare(fixed_app(), terminal_size=(80, 24), run_before=settle)
