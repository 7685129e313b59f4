"""The checklist's flows: switching, presets and undo, exporting, signing in and out.

Each flow is a small class that asks with dialogs, runs the engine in workers, and
updates the :class:`~tui.model.ChecklistModel`; it reaches the app only through
:class:`Host`, the few things every flow needs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Protocol, TypeVar

from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker

from automation.engine.protocol import EngineProtocol
from automation.engine.runtime import Runtime

from ..model import ChecklistModel, Redraw

T = TypeVar("T")


class Host(Protocol):
    """What a flow needs of the app."""

    model: ChecklistModel
    engine: EngineProtocol
    runtime: Runtime
    demo: bool

    @property
    def screen(self) -> Screen[Any]: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def push_screen(
        self, screen: Any, callback: Any = None, wait_for_dismiss: bool = False
    ) -> Any: ...

    def push_screen_wait(self, screen: Screen[T]) -> Awaitable[T]: ...

    def set_timer(self, delay: float, callback: Callable[[], Any] | None = None) -> Timer: ...

    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None: ...

    def call_after_refresh(self, callback: Callable[[], Any]) -> bool: ...

    def work(self, job: Coroutine[Any, Any, None]) -> Worker[None]:
        """Run ``job`` as engine work: quitting cancels it, and its rows are released
        when it ends, however it ends."""
        ...

    def redraw(self, what: Redraw = Redraw.CELLS) -> None:
        """Draw the widgets again from the model."""
        ...

    def where(self) -> str:
        """Whose account a change changes, in the words of a question."""
        ...
