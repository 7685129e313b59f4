"""The per-platform contexts and the run's places for pages, without a browser: work
holds a place, the last work's end rests the platform, a change lingers for the next one
unless a page waits for its place, and a rested context keeps only a proven session."""

from __future__ import annotations

import asyncio

import pytest

from automation.accounts.sessions import MemorySessions, StorageState, session_origin
from automation.domain import events
from automation.engine.bus import Bus
from automation.engine.contexts import Contexts
from automation.engine.kept import KeptSessions
from automation.engine.lifetime import BrowserLifetime
from automation.engine.options import EngineClosed, Options
from automation.plugins.linkedin import LinkedIn
from automation.plugins.reddit import Reddit
from tests.storage import linkedin_session


def signed_in(value: str) -> StorageState:
    """A storage state holding one LinkedIn session cookie, as Playwright writes it."""
    return linkedin_session(value)


OLD = signed_in("old")
NEW = signed_in("new")


class Opened:
    """A browser context as the pool sees it: a session to give, pages, a close."""

    def __init__(self, state: StorageState) -> None:
        self.state = state
        self.pages: list[object] = []
        self.closed = False

    async def storage_state(self) -> StorageState:
        return self.state

    async def close(self) -> None:
        self.closed = True


def pool(places: int = 1) -> tuple[Contexts, BrowserLifetime, MemorySessions, list[events.Event]]:
    bus = Bus()
    heard: list[events.Event] = []
    bus.subscribe(heard.append)
    sessions = MemorySessions()
    browser = BrowserLifetime(Options(pages=places))
    contexts = Contexts([LinkedIn(), Reddit()], places, browser, KeptSessions(sessions, bus))
    return contexts, browser, sessions, heard


async def a_page(contexts: Contexts, name: str, wait: float = 0.5) -> bool:
    """Whether ``name`` gets a page (a place) within ``wait`` seconds."""

    async def take() -> None:
        async with contexts.working(contexts[name]), contexts[name].tabs.one():
            pass

    try:
        await asyncio.wait_for(take(), wait)
    except TimeoutError:
        return False
    return True


async def test_the_last_work_rests_the_platform_and_frees_its_place() -> None:
    contexts, _, _, _ = pool(places=1)
    linkedin = contexts["linkedin"]
    async with contexts.working(linkedin):
        async with linkedin.tabs.one():
            pass
        # The page is idle but still the platform's: another platform waits.
        assert not await a_page(contexts, "reddit", wait=0.1)
    assert contexts.lingering() == []
    assert await a_page(contexts, "reddit")


async def test_a_change_lingers_then_rests() -> None:
    contexts, _, _, _ = pool(places=2)
    linkedin = contexts["linkedin"]
    async with contexts.working(linkedin, linger=0.05), linkedin.tabs.one():
        pass
    assert contexts.lingering() == ["linkedin"]
    await asyncio.sleep(0.2)
    assert contexts.lingering() == []


async def test_a_change_that_took_the_last_place_does_not_linger() -> None:
    contexts, _, _, _ = pool(places=1)
    linkedin = contexts["linkedin"]
    async with contexts.working(linkedin, linger=60), linkedin.tabs.one():
        pass
    assert contexts.lingering() == []
    assert await a_page(contexts, "reddit")


async def test_a_page_waiting_for_a_place_cuts_the_linger_short() -> None:
    contexts, _, _, _ = pool(places=2)
    linkedin, reddit = contexts["linkedin"], contexts["reddit"]
    async with contexts.working(linkedin, linger=60), linkedin.tabs.one():
        pass
    assert contexts.lingering() == ["linkedin"]

    async def two_pages() -> None:
        async with contexts.working(reddit), reddit.tabs.one(), reddit.tabs.one():
            pass

    await asyncio.wait_for(two_pages(), 0.5)  # the second page takes LinkedIn's place
    assert contexts.lingering() == []


async def test_new_work_on_a_lingering_platform_keeps_it_open() -> None:
    contexts, _, _, _ = pool(places=2)
    linkedin = contexts["linkedin"]
    async with contexts.working(linkedin, linger=0.05):
        pass
    async with contexts.working(linkedin):
        assert contexts.lingering() == []
        await asyncio.sleep(0.1)
        assert linkedin.users == 1


async def test_resting_keeps_a_refreshed_session_only_when_it_was_proven() -> None:
    contexts, _, sessions, _ = pool()
    linkedin = contexts["linkedin"]
    origin = session_origin(linkedin.plugin)
    await sessions.save("linkedin", OLD, origin)

    context = Opened(NEW)
    linkedin.context, linkedin.opened_with, linkedin.proven = context, OLD, False  # type: ignore[assignment]
    await contexts.rest(linkedin)
    assert context.closed and linkedin.context is None
    assert await sessions.load("linkedin", origin) == OLD  # an expired session is not kept

    context = Opened(NEW)
    linkedin.context, linkedin.opened_with, linkedin.proven = context, OLD, True  # type: ignore[assignment]
    generation = linkedin.generation
    await contexts.rest(linkedin)
    assert context.closed and linkedin.context is None
    assert linkedin.generation == generation + 1
    assert await sessions.load("linkedin", origin) == NEW
    assert linkedin.handed == NEW


async def test_a_platform_at_work_does_not_rest() -> None:
    contexts, _, _, _ = pool()
    linkedin = contexts["linkedin"]
    context = Opened(NEW)
    linkedin.context = context  # type: ignore[assignment]
    async with contexts.working(linkedin):
        await contexts.rest(linkedin)
        assert not context.closed
    assert context.closed


async def test_once_closed_nothing_rests_or_opens() -> None:
    contexts, browser, _, _ = pool()
    linkedin = contexts["linkedin"]
    context = Opened(NEW)
    linkedin.context = context  # type: ignore[assignment]
    await browser.close(first=contexts.close_all)
    assert context.closed and linkedin.context is None
    with pytest.raises(EngineClosed):
        await contexts.context(linkedin)
    assert contexts.open_pages() == {}
