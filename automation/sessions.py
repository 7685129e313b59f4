"""Where the engine gets and keeps each platform's signed-in browser session.

A session is Playwright's storage state (cookies and local storage) for one
platform's browser context. It is a secret like a password. The kept-on-disk
implementations live in :mod:`automation.session_store`.
"""

from __future__ import annotations

from typing import Any, Protocol

StorageState = dict[str, Any]


class SessionError(Exception):
    """A session could not be read or kept as asked; ``str()`` tells the user what happened.

    A session that could not be read counts as signed out. One that could not be
    written may still be kept in memory for the rest of the run; the message says so.
    """


class Sessions(Protocol):
    """A place to keep sessions. ``load`` and ``save`` may raise :class:`SessionError`."""

    async def load(self, platform: str) -> StorageState | None: ...

    async def save(self, platform: str, state: StorageState) -> None: ...

    async def forget(self, platform: str) -> bool:
        """Remove the platform's session; False when none was kept."""
        ...


class MemorySessions:
    """Sessions kept only for the life of the process."""

    def __init__(self, initial: dict[str, StorageState] | None = None) -> None:
        self._states: dict[str, StorageState] = dict(initial or {})

    async def load(self, platform: str) -> StorageState | None:
        return self._states.get(platform)

    async def save(self, platform: str, state: StorageState) -> None:
        self._states[platform] = state

    async def forget(self, platform: str) -> bool:
        return self._states.pop(platform, None) is not None

    def __repr__(self) -> str:
        return f"MemorySessions(platforms={sorted(self._states)})"
