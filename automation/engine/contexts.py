"""The per-platform browser contexts and the run's pages.

Each platform has one context at a time, opened with its session when work needs it
and reused by the work that follows. When the last work on a platform ends the context
rests: its refreshed session is kept (only when a step in it read as signed in) and it
closes, giving its pages' places back; after a change it may wait a moment (linger) for
the next change, unless another page wants the places.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from automation.browser.pool import Gate, Places, Tabs

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page

    from automation.accounts.sessions import StorageState
    from automation.engine.kept import KeptSessions
    from automation.engine.lifetime import BrowserLifetime
    from automation.plugin import Plugin

log = logging.getLogger("privacy_tui.engine")


@dataclass
class Platform:
    """One platform's state in the engine: its context, its pages and its sign-in."""

    plugin: Plugin
    #: The platform's pages, each holding one of the run's places until the context closes.
    tabs: Tabs
    #: Steps share the context; a sign-in, a handed session or a sign-out replaces
    #: or drops it alone.
    gate: Gate = field(default_factory=Gate)
    opening: asyncio.Lock = field(default_factory=asyncio.Lock)
    context: BrowserContext | None = None
    #: Counts the contexts dropped or replaced: a step that found no session in an
    #: older one is tried again rather than signing in twice.
    generation: int = 0
    #: Work now running for the platform; its context closes when the last one ends.
    users: int = 0
    #: The session the context was opened with, and whether a step in it read as
    #: signed in (only then is its refreshed session kept).
    opened_with: StorageState | None = None
    proven: bool = False
    tried_sign_in: bool = False
    sign_in_problem: str | None = None
    #: Signing in failed on the way (the browser stopped, a timeout): the settings read
    #: ``error``, not ``needs login``, since nothing was learnt about the account.
    sign_in_failed: bool = False
    #: A session handed over during this run (from a browser window), used before the
    #: kept one, in case keeping it failed.
    handed: StorageState | None = None


class Contexts:
    """Every platform's context and pages, opened for work and rested after it."""

    def __init__(
        self,
        plugins: Iterable[Plugin],
        pages: int,
        browser: BrowserLifetime,
        kept: KeptSessions,
    ) -> None:
        self._browser = browser
        self._kept = kept
        self._places = Places(pages, short=self.rest_lingering)
        self._platforms = {p.name: Platform(p, Tabs(self._places)) for p in plugins}
        #: Platforms whose context stays open a moment after a change, for the next one.
        self._lingering: dict[str, asyncio.TimerHandle] = {}
        self._resting: set[asyncio.Task[None]] = set()

    def __getitem__(self, name: str) -> Platform:
        return self._platforms[name]

    def __iter__(self) -> Iterator[Platform]:
        return iter(self._platforms.values())

    def lingering(self) -> list[str]:
        """The platforms whose context waits a moment for the next change."""
        return list(self._lingering)

    def open_pages(self) -> dict[str, int]:
        """The pages open now in each platform's context (none once at rest)."""
        return {
            name: len(platform.context.pages)
            for name, platform in self._platforms.items()
            if platform.context is not None
        }

    async def context(self, platform: Platform) -> BrowserContext:
        """The platform's context, opened with its session when it has none."""
        await self._browser.start()
        async with platform.opening:
            if platform.context is None:
                state = platform.handed or await self._kept.load(platform.plugin)
                platform.context = await self._browser.new_context(state, platform.plugin)
                platform.opened_with, platform.proven = state, False
            return platform.context

    async def drop(self, platform: Platform) -> None:
        """Close the platform's context (its pages go with it)."""
        context, platform.context = platform.context, None
        platform.generation += 1
        if context is not None:
            await close_quietly(context)

    async def replace(
        self, platform: Platform, context: BrowserContext, state: StorageState
    ) -> None:
        """Use ``context``, signed in with ``state``, instead of the platform's own."""
        await self.drop(platform)
        platform.context = context
        platform.opened_with, platform.proven, platform.handed = state, True, state

    @asynccontextmanager
    async def working(self, platform: Platform, linger: float = 0) -> AsyncIterator[None]:
        """Work on ``platform``; when the last work on it ends, its context rests, at
        once or after ``linger`` seconds (unless another page wants its places)."""
        name = platform.plugin.name
        if name in self._lingering:
            self._lingering.pop(name).cancel()
        platform.users += 1
        try:
            yield
        finally:
            platform.users -= 1
            if not platform.users and not self._browser.closed:
                if linger and not self._places.locked():
                    loop = asyncio.get_running_loop()
                    self._lingering[name] = loop.call_later(linger, self._rest_soon, platform)
                else:
                    await self.rest(platform)

    def _rest_soon(self, platform: Platform) -> None:
        self._lingering.pop(platform.plugin.name, None)
        task = asyncio.get_running_loop().create_task(self.rest(platform))
        self._resting.add(task)
        task.add_done_callback(self._resting.discard)

    def rest_lingering(self) -> None:
        """A page waits for a place: the platforms kept open after a change rest now."""
        for name in list(self._lingering):
            self._lingering.pop(name).cancel()
            self._rest_soon(self._platforms[name])

    async def rest(self, platform: Platform) -> None:
        """Close the context of a platform nothing works on, keeping its session first.

        The session is kept only when a step in the context read as signed in, so a
        session that had expired is not written over a stored one.
        """
        async with platform.gate.alone():
            context = platform.context
            if platform.users or self._browser.closed:
                return
            if context is None:
                platform.tabs.release()
                return
            if platform.opened_with is not None and platform.proven:
                try:
                    state: StorageState | None = await context.storage_state()
                except Exception:
                    log.debug("no session from %s's context", platform.plugin.name, exc_info=True)
                    state = None
                if state is not None and state != platform.opened_with:
                    platform.handed = state
                    await self._kept.save(platform.plugin, state)
            await self.drop(platform)
            platform.tabs.release()

    def stop_lingering(self) -> None:
        """No context waits for a next change any more (the engine is closing)."""
        for timer in self._lingering.values():
            timer.cancel()
        self._lingering.clear()

    async def close_all(self) -> None:
        """Close every platform's context."""
        for platform in self._platforms.values():
            if platform.context is not None:
                try:
                    await platform.context.close()
                except Exception:
                    log.debug("closing %s's context failed", platform.plugin.name, exc_info=True)
                platform.context = None


async def close_quietly(what: BrowserContext | Page) -> None:
    """Close a context or a page; a failure is only logged (it may be gone already)."""
    try:
        await what.close()
    except Exception:
        log.debug("closing a browser context or page failed", exc_info=True)
