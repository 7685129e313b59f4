"""The engine's event bus: who hears what the engine does.

A listener is called with every event, in the order they subscribed. A listener that
raises is logged and the others still hear the event: a screen's bug never stops a run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from automation.domain import events

log = logging.getLogger("privacy_tui.engine")

Listener = Callable[[events.Event], None]


class Bus:
    """Hands every event to every listener."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def emit(self, event: events.Event) -> None:
        """Hand ``event`` to each listener; one that raises is logged and passed over."""
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a listener's bug must not stop the engine
                log.exception("event listener failed on %r", event)
