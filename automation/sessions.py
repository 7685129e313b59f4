"""Where the engine gets and keeps each platform's signed-in browser session.

A session is Playwright's storage state (cookies and local storage) for one
platform's browser context. It is a secret like a password.
"""

from __future__ import annotations

from typing import Any, Protocol

StorageState = dict[str, Any]


class Sessions(Protocol):
    async def load(self, platform: str) -> StorageState | None: ...

    async def save(self, platform: str, state: StorageState) -> None: ...


class MemorySessions:
    """Sessions kept only for the life of the process."""

    def __init__(self, initial: dict[str, StorageState] | None = None) -> None:
        self._states: dict[str, StorageState] = dict(initial or {})

    async def load(self, platform: str) -> StorageState | None:
        return self._states.get(platform)

    async def save(self, platform: str, state: StorageState) -> None:
        self._states[platform] = state

    def __repr__(self) -> str:
        return f"MemorySessions(platforms={sorted(self._states)})"
