"""The browser's lifetime: started once when first needed, closed once, and asked
whether it still runs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from automation.browser import light
from automation.browser.launch import Running, launch
from automation.engine.options import EngineClosed, Options

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext

    from automation.accounts.sessions import StorageState
    from automation.plugin import Plugin

log = logging.getLogger("privacy_tui.engine")


class BrowserLifetime:
    """One browser for the engine: launched on first use, or one started elsewhere
    (``shared``), which is used and left running."""

    def __init__(
        self,
        options: Options,
        *,
        shared: Running | None = None,
        before_start: Callable[[], object] | None = None,
    ) -> None:
        self.options = options
        self._shared = shared
        #: Called once before the browser starts (the demo serves its sites then).
        self._before_start = before_start
        self._lock = asyncio.Lock()
        self._running: Running | None = None
        self._closed = False

    @property
    def started(self) -> bool:
        return self._running is not None

    @property
    def closed(self) -> bool:
        """Closed for good: nothing starts again."""
        return self._closed

    @property
    def executable(self) -> str | None:
        """The path of the browser started (``None`` until it has)."""
        return self._running.executable if self._running is not None else None

    def alive(self) -> bool:
        """The browser was started and still answers."""
        running = self._running
        return running is not None and running.browser.is_connected()

    async def start(self) -> None:
        """Start Playwright and the browser (once); :class:`EngineClosed` once closed.

        Raises :class:`~automation.browser.launch.BrowserError` (or its subclass
        ``BrowserNotFound``) with a message for the user.
        """
        async with self._lock:
            if self._closed:
                raise EngineClosed("the engine is closed")
            if self._running is not None:
                return
            self.prepare()
            if self._shared is not None:
                self._running = self._shared
                return
            self._running = await launch(
                self.options.executable,
                headless=self.options.headless,
                timeout=self.options.timeout,
                log_path=self.options.log_path,
                args=light.BROWSER_ARGS if self.options.light else (),
            )

    def prepare(self) -> None:
        """Do what must be done before any browser reaches a site (the demo serves its
        sites): once, before the browser starts or a window opens."""
        if self._before_start is not None:
            self._before_start()
            self._before_start = None

    async def new_context(self, state: StorageState | None, plugin: Plugin) -> BrowserContext:
        """A new browser context for ``plugin``, with session ``state``, starting the
        browser first when it has not started."""
        await self.start()
        assert self._running is not None
        browser = self._running.browser
        if self.options.light:
            context = await light.new_context(browser, plugin, state)
        else:
            context = await browser.new_context(storage_state=state)
        context.set_default_timeout(self.options.timeout * 1000)
        context.set_default_navigation_timeout(self.options.timeout * 1000)
        return context

    async def close(self, first: Callable[[], Awaitable[None]] | None = None) -> None:
        """Close for good: ``first`` runs once no start is under way (the contexts close
        then), then the browser and Playwright stop (a shared browser is left running).
        Safe to call twice."""
        self._closed = True
        async with self._lock:
            if first is not None:
                await first()
            if self._running is not None:
                if self._running is not self._shared:
                    await self._running.close()
                self._running = None
