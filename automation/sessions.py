"""Where the engine gets and keeps each platform's signed-in browser session.

A session is Playwright's storage state (cookies and local storage) for one
platform's browser context. It is a secret like a password. The kept-on-disk
implementations live in :mod:`automation.session_store`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeAlias
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.async_api import StorageState as PlaywrightStorageState

    from .plugin import Plugin

#: Playwright's storage state of one browser context: its cookies and local storage.
#: (Named as a string so that nothing here loads Playwright before a browser is wanted.)
StorageState: TypeAlias = "PlaywrightStorageState"


def session_origin(plugin: Plugin) -> str | None:
    """The origin a platform's session is kept for: ``None`` for its real site.

    A session signed in on a replica (or any origin a config names) is kept apart
    from the real site's, so one never replaces the other.
    """
    return None if plugin.origin == plugin.default_origin.rstrip("/") else plugin.origin


def session_name(platform: str, origin: str | None = None) -> str:
    """The name a session is kept under: ``linkedin`` for the real site,
    ``linkedin@http-127.0.0.1-8801`` for another origin."""
    if origin is None:
        return platform
    split = urlsplit(origin)
    parts = [split.scheme, split.hostname or "", str(split.port) if split.port else ""]
    where = "-".join(p for p in parts if p)
    return f"{platform}@{re.sub(r'[^a-z0-9.-]', '_', where.lower())}"


class SessionError(Exception):
    """A session could not be read or kept as asked; ``str()`` tells the user what happened.

    A session that could not be read counts as signed out. One that could not be
    written may still be kept in memory for the rest of the run; the message says so.
    """


class Sessions(Protocol):
    """A place to keep sessions. ``load`` and ``save`` may raise :class:`SessionError`.

    Sessions are kept per platform and origin: ``origin`` is ``None`` for the
    platform's real site (see :func:`session_origin`).
    """

    async def load(self, platform: str, origin: str | None = None) -> StorageState | None: ...

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None: ...

    async def forget(self, platform: str, origin: str | None = None) -> bool:
        """Remove the platform's session for ``origin``; False when none was kept."""
        ...


class MemorySessions:
    """Sessions kept only for the life of the process.

    One run points each platform at one origin, so these are kept by platform alone.
    """

    def __init__(
        self,
        initial: dict[str, StorageState] | Callable[[], dict[str, StorageState]] | None = None,
    ) -> None:
        """``initial`` may be a function, called when a session is first asked for."""
        self._later = initial if callable(initial) else None
        self._kept: dict[str, StorageState] = {} if callable(initial) else dict(initial or {})

    @property
    def _states(self) -> dict[str, StorageState]:
        if self._later is not None:
            self._kept = {**self._later(), **self._kept}
            self._later = None
        return self._kept

    async def load(self, platform: str, origin: str | None = None) -> StorageState | None:
        return self._states.get(platform)

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None:
        self._states[platform] = state

    async def forget(self, platform: str, origin: str | None = None) -> bool:
        return self._states.pop(platform, None) is not None

    def __repr__(self) -> str:
        return f"MemorySessions(platforms={sorted(self._kept)})"
