"""The engine's pages: how many are open at once, who may use them, and when.

A full check is the engine's most common run. It works in pages, not platforms:

- a fixed number of pages may be open at once across the whole run (:func:`default_pages`,
  from the number of cores, or the config's ``[browser] pages``);
- the settings of one platform that live on different pages are read in parallel pages
  of that platform's browser context (:func:`by_page`);
- one page (a :class:`Tab`) reads every setting it is given in turn, so a page is
  opened once and reused;
- a platform's context closes once its work is done (the engine keeps its session
  first), so memory follows the pages at work, not the platforms already read.

A :class:`Gate` lets many steps use a platform's context at once, and lets a sign-in
or a sign-out replace or drop that context only when no step is using it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page

    from automation.domain.settings import Setting
    from automation.plugin import Plugin

log = logging.getLogger("privacy_tui.engine")

#: The most pages the config may ask for at once.
MOST_PAGES = 16


def default_pages(cores: int | None = None) -> int:
    """Pages open at once when the config does not say: two a core, from 2 to 8.

    Reading a page is mostly waiting on the network, so a core keeps two busy; past
    eight, memory grows faster than a full check speeds up.
    """
    cores = cores if cores is not None else (os.cpu_count() or 1)
    return max(2, min(8, 2 * cores))


def by_page(plugin: Plugin, settings: Iterable[Setting]) -> list[list[Setting]]:
    """``settings`` grouped by the page each is read from, in their order.

    Settings on one page are read one after another on one page (a second page would
    load the same document again); groups run in parallel pages.
    """
    groups: dict[str, list[Setting]] = {}
    for setting in settings:
        key = "per:" + setting.id if setting.per is not None else plugin.page_url(setting)
        groups.setdefault(key, []).append(setting)
    return list(groups.values())


def steps(group: list[Setting]) -> int:
    """How many steps a page's line of work takes one after another: one a setting,
    and two for a setting kept per blog (its list of blogs, then a blog's page)."""
    return sum(2 if setting.per is not None else 1 for setting in group)


def longest_first(work: Mapping[str, list[list[Setting]]]) -> list[str]:
    """The platforms in the order their work should start, given each one's pages.

    The platform with the longest line of work on one page starts first (Copilot's
    four settings share one page, so they take four steps one after another, however
    many pages are free); among equals, the one with most pages. A long line started
    last would have the whole check wait for it at the end, with the other places idle.
    """
    return sorted(
        work,
        key=lambda name: (-max(map(steps, work[name]), default=0), -len(work[name])),
    )


class Gate:
    """Many steps at once, or one change of a platform's context alone.

    A step holds :meth:`shared` while it uses the context; a sign-in, a handed
    session or a sign-out holds :meth:`alone` to replace or drop it. A change waiting
    to go alone goes before steps that come after it, so a sign-in is not kept
    waiting by a stream of reads.
    """

    def __init__(self) -> None:
        self._changed = asyncio.Condition()
        self._steps = 0
        self._alone = False
        self._waiting = 0

    @asynccontextmanager
    async def shared(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: not self._alone and not self._waiting)
            self._steps += 1
        try:
            yield
        finally:
            async with self._changed:
                self._steps -= 1
                self._changed.notify_all()

    @asynccontextmanager
    async def alone(self) -> AsyncIterator[None]:
        async with self._changed:
            self._waiting += 1
            try:
                await self._changed.wait_for(lambda: not self._alone and not self._steps)
            finally:
                self._waiting -= 1
            self._alone = True
        try:
            yield
        finally:
            async with self._changed:
                self._alone = False
                self._changed.notify_all()


class Tab:
    """One page of a platform's context, used by one line of work at a time and reused.

    When the platform's context has been replaced (a sign-in), the next :meth:`page`
    opens one in the new context; the old page went with the old context. Pages are
    closed with their context, never one by one: closing a single page that shows a
    browser error page can wait forever.
    """

    def __init__(self) -> None:
        self._page: Page | None = None
        self._context: BrowserContext | None = None

    @property
    def current(self) -> Page | None:
        """The page last used, while it is open."""
        page = self._page
        return page if page is not None and not page.is_closed() else None

    async def page(self, context: BrowserContext) -> Page:
        """A page of ``context``: the one used last when it is still there."""
        page = self.current
        if page is not None and self._context is context:
            return page
        self._page, self._context = await context.new_page(), context
        return self._page


class Places:
    """The run's places for pages: a page open holds one.

    ``short`` is called when a page has to wait for a place, so that a platform
    keeping its context open for a moment (after a change, for the next one) can
    give its places back at once.
    """

    def __init__(self, count: int, short: Callable[[], None] = lambda: None) -> None:
        self._free = asyncio.Semaphore(max(1, count))
        self.short = short

    async def acquire(self) -> None:
        if self._free.locked():
            self.short()
        await self._free.acquire()

    def release(self) -> None:
        self._free.release()

    def locked(self) -> bool:
        """No place is free."""
        return self._free.locked()


class Tabs:
    """A platform's pages: each holds one of the run's places (``slots``) until the
    platform's context closes (:meth:`release`), so the pages open never outnumber
    the places. A page whose work is done goes to the platform's next line of work,
    or waits idle for one.
    """

    def __init__(self, slots: Places) -> None:
        self._slots = slots
        self._idle: list[Tab] = []
        self._wanted: list[asyncio.Future[Tab]] = []
        self._held = 0

    @asynccontextmanager
    async def one(self) -> AsyncIterator[Tab]:
        """A page of the platform: an idle one, one handed on, or a new place."""
        tab = self._idle.pop() if self._idle else await self._wait()
        try:
            yield tab
        finally:
            self._hand_on(tab)

    async def _wait(self) -> Tab:
        handed: asyncio.Future[Tab] = asyncio.get_running_loop().create_future()
        self._wanted.append(handed)
        place = asyncio.ensure_future(self._slots.acquire())
        try:
            either: set[asyncio.Future[Any]] = {handed, place}
            await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            place.cancel()
            if handed.done() and not handed.cancelled():
                self._hand_on(handed.result())
            handed.cancel()
            raise
        finally:
            if handed in self._wanted:
                self._wanted.remove(handed)
        if handed.done():
            # A page of this platform came free: the place is not needed after all.
            if place.done() and not place.cancelled():
                self._slots.release()
            else:
                place.cancel()
            return handed.result()
        handed.cancel()
        self._held += 1
        return Tab()

    def _hand_on(self, tab: Tab) -> None:
        while self._wanted:
            waiter = self._wanted.pop(0)
            if not waiter.done():
                waiter.set_result(tab)
                return
        self._idle.append(tab)

    def release(self) -> None:
        """Give back every place once the platform's context (and its pages) closed."""
        for _ in range(self._held):
            self._slots.release()
        self._held = 0
        self._idle.clear()
