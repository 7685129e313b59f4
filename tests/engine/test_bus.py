"""The engine's event bus, alone: every listener hears every event, in order, and a
listener that raises neither stops the others nor the caller."""

from __future__ import annotations

import logging

import pytest

from automation.domain import events
from automation.engine.bus import Bus


def test_every_listener_hears_every_event_in_order() -> None:
    bus = Bus()
    heard: list[tuple[str, events.Event]] = []
    bus.subscribe(lambda event: heard.append(("first", event)))
    bus.subscribe(lambda event: heard.append(("second", event)))
    one, two = events.Checking("linkedin.ai_training"), events.Problem("disk full")
    bus.emit(one)
    bus.emit(two)
    assert heard == [("first", one), ("second", one), ("first", two), ("second", two)]


def test_a_listener_that_raises_is_logged_and_the_others_still_hear(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bus = Bus()
    heard: list[events.Event] = []

    def broken(event: events.Event) -> None:
        raise RuntimeError("a screen's bug")

    bus.subscribe(broken)
    bus.subscribe(heard.append)
    event = events.Checking("linkedin.ai_training")
    with caplog.at_level(logging.ERROR, logger="privacy_tui.engine"):
        bus.emit(event)  # does not raise
    assert heard == [event]
    assert "event listener failed" in caplog.text
    assert "a screen's bug" in caplog.text


def test_an_unsubscribed_listener_hears_nothing_more() -> None:
    bus = Bus()
    heard: list[events.Event] = []
    unsubscribe = bus.subscribe(heard.append)
    bus.emit(events.Checking("a.b"))
    unsubscribe()
    bus.emit(events.Checking("c.d"))
    assert heard == [events.Checking("a.b")]


def test_a_listener_may_unsubscribe_while_it_hears_an_event() -> None:
    bus = Bus()
    heard: list[str] = []

    def once(event: events.Event) -> None:
        heard.append("once")
        unsubscribe()

    unsubscribe = bus.subscribe(once)
    bus.subscribe(lambda event: heard.append("always"))
    bus.emit(events.Checking("a.b"))
    bus.emit(events.Checking("a.b"))
    assert heard == ["once", "always", "always"]
