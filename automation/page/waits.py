"""How long page code waits for what a page does, in milliseconds: one place, so that a
test can make the waits short and a slow machine can be given longer ones.

The engine's :class:`~automation.engine.options.Options` hold the waits; the engine hands
them to the page code it runs (:func:`using`), and page code asks :func:`current`.
Page code run elsewhere (the sign-in window) waits as long as :class:`Waits` says.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Waits:
    """How long page code waits, in milliseconds."""

    control_ms: int = 10_000
    """How long to wait for the switch to appear once the page has loaded (and for the
    account's sign on a page)."""
    save_ms: int = 10_000
    """How long to wait for the page's own request that saves a change."""
    click_ms: int = 3_000
    """How long one click may wait for its element to take it."""

    @classmethod
    def short(cls) -> Waits:
        """Waits for pages on this machine where something is expected to be missing:
        a control, a sign, a save are given up on after 2 seconds."""
        return cls(control_ms=2_000, save_ms=2_000, click_ms=2_000)


#: The waits page code run outside an engine keeps.
DEFAULT = Waits()

_current: ContextVar[Waits] = ContextVar("waits", default=DEFAULT)


def current() -> Waits:
    """The waits of the work running now."""
    return _current.get()


@contextmanager
def using(waits: Waits) -> Iterator[None]:
    """Run the page code inside with ``waits`` (and the tasks it starts)."""
    token = _current.set(waits)
    try:
        yield
    finally:
        _current.reset(token)
