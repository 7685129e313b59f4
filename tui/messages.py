"""The messages the app's parts send to it."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.worker import NoActiveWorker, Worker, get_current_worker

from automation import events


class EngineEvent(Message):
    """An engine event, with the worker whose engine call sent it (which owns its rows)."""

    def __init__(self, event: events.Event, worker: Worker[Any] | None = None) -> None:
        super().__init__()
        self.event = event
        self.worker = worker

    @classmethod
    def now(cls, event: events.Event) -> EngineEvent:
        """The message for ``event``, sent by the worker running now (if any)."""
        try:
            worker: Worker[Any] | None = get_current_worker()
        except NoActiveWorker:
            worker = None
        return cls(event, worker)
