"""Kept sessions: a platform's session loaded, saved and forgotten, with a store's
failure told as a problem rather than raised."""

from __future__ import annotations

from typing import TYPE_CHECKING

from automation.accounts.sessions import SessionError, Sessions, StorageState, session_origin
from automation.domain import events
from automation.language import message

if TYPE_CHECKING:
    from automation.engine.bus import Bus
    from automation.plugin import Plugin


class KeptSessions:
    """The engine's way to the session store (``sessions``); problems go to ``bus``."""

    def __init__(self, sessions: Sessions, bus: Bus) -> None:
        self.sessions = sessions
        self._bus = bus

    async def load(self, plugin: Plugin) -> StorageState | None:
        """The kept session, or ``None`` when there is none or it cannot be read."""
        try:
            return await self.sessions.load(plugin.name, session_origin(plugin))
        except SessionError as exc:  # unreadable counts as signed out; the user is told
            self._bus.emit(events.Problem(message(exc)))
            return None

    async def save(self, plugin: Plugin, state: StorageState) -> None:
        try:
            await self.sessions.save(plugin.name, state, session_origin(plugin))
        except SessionError as exc:
            self._bus.emit(events.Problem(message(exc)))

    async def forget(self, plugin: Plugin) -> bool:
        """Remove the kept session; True when there was one."""
        try:
            return await self.sessions.forget(plugin.name, session_origin(plugin))
        except SessionError as exc:
            self._bus.emit(events.Problem(message(exc)))
            return False
