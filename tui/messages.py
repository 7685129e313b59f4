"""The messages the app's parts send to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import NoActiveWorker, Worker, get_current_worker

from automation.domain import events


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


def sender(target: MessagePump) -> Callable[[events.Event], None]:
    """A listener for the engine that posts each event to ``target`` as a message."""

    def send(event: events.Event) -> None:
        target.post_message(EngineEvent.now(event))

    return send
