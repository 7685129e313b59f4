"""Shared fixtures: an isolated home for every test, replica sites, engines, a keyring."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from automation.accounts.sessions import MemorySessions, Sessions
from automation.accounts.signin import AskCode
from automation.browser import light
from automation.browser.launch import BrowserNotFound, Running, find_browser, launch
from automation.engine.core import CredentialSource, Engine, Options
from automation.engine.runtime import Runtime, build
from automation.page.waits import Waits
from automation.plugin import Plugin
from automation.plugins.linkedin import LinkedIn
from automation.replicas import ReplicaServer, demo_server
from tests.loopback import on_this_machine


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: two test workers for each core this process may use.

    Most of a browser test is spent waiting for Chromium and the replica sites: one
    worker a core left about a third of the processor idle, two keep it busy. (Three
    were little faster, and slowed a page past its waits now and then.)
    ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still sets the number.
    """
    if (wanted := os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "").strip()).isdigit():
        return int(wanted)
    return 2 * len(os.sched_getaffinity(0))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests of the whole app (``tests/whole``: a real terminal, the wheel), the
    longest, run first: left for the end, one of them would run alone while the other
    workers are done."""
    whole = Path(__file__).parent / "whole"
    items.sort(key=lambda item: whole not in item.path.parents)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the developer's own config, data and keyring out of every test."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("PRIVACY_TUI_CONFIG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in the test's memory only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring, never the developer's real one."""
    saved = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(saved)


@pytest.fixture(autouse=True)
def app_log_put_back() -> Iterator[None]:
    """The app's log (see ``runtime.setup_logging``) as it was before the test: a test
    that runs the app in this process leaves no file handler and no cut-off logger."""
    logger = logging.getLogger("privacy_tui")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    for handler in logger.handlers:
        if handler not in saved[0]:
            handler.close()
    logger.handlers[:], logger.level, logger.propagate = saved


def chromium_path() -> str:
    """Find a browser the way the app does; tests that need one are skipped without it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        playwright_path = p.chromium.executable_path
    return find_browser(None, playwright_path)


@pytest.fixture(scope="session")
def chromium() -> str:
    try:
        return chromium_path()
    except BrowserNotFound as exc:
        pytest.fail(f"browser tests need Chromium: {exc}")


class WorkerBrowser:
    """One browser for every engine of a test worker, started when first wanted and again
    if a test stopped it; each engine opens contexts of its own in it.

    It is the browser the engine picks by itself for headless work (a headless shell
    where there is one), started with the flags the engine's own launch passes.
    """

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.running: Running | None = None

    async def get(self) -> Running:
        if self.running is not None and not self.running.browser.is_connected():
            await self.running.close()
            self.running = None
        if self.running is None:
            self.running = await launch(
                None, timeout=30, log_path=self.log_path, args=light.BROWSER_ARGS
            )
        return self.running

    async def close(self) -> None:
        if self.running is not None:
            await self.running.close()
            self.running = None


@pytest.fixture(scope="session")
async def worker_browser(
    chromium: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[WorkerBrowser]:
    browser = WorkerBrowser(tmp_path_factory.mktemp("browser") / "driver.log")
    yield browser
    await asyncio.wait_for(browser.close(), 30)


@pytest.fixture
async def shared_browser(worker_browser: WorkerBrowser) -> AsyncIterator[Running]:
    """The worker's browser, with no context left open by the test once it ends."""
    running = await worker_browser.get()
    yield running
    if running.browser.is_connected():
        for context in running.browser.contexts:
            await asyncio.wait_for(context.close(), 30)


@pytest.fixture(scope="session")
def replica_server() -> Iterator[ReplicaServer]:
    """One server per test worker with every replica site; see ``replica``.

    Its pages carry no weight (the stylesheet, script bundle, picture and analytics host
    that real pages load besides their settings): about a fifth of a browser test's
    processor time went to it. The pages keep every control and neighbour; leaving the
    weight out is the point of ``tests/engine/test_light.py``, whose demo serves it.
    """
    with demo_server(weight=False) as server:
        yield server


@pytest.fixture
def replica(replica_server: ReplicaServer) -> ReplicaServer:
    """Every replica site on its own loopback port, with the demo account, as new: no
    session, save or sign-in of an earlier test is left."""
    replica_server.reset(list(demo_server().sites.values()))
    return replica_server


@pytest.fixture
def linkedin(replica: ReplicaServer) -> LinkedIn:
    """The LinkedIn plugin pointed at the replica."""
    return LinkedIn(replica.origins["linkedin"])


@pytest.fixture
async def engine(
    chromium: str,
    shared_browser: Running,
    replica: ReplicaServer,
    linkedin: LinkedIn,
    tmp_path,
) -> AsyncIterator[Engine]:
    """An engine on the replica, signed in as the demo account, in the worker's browser."""
    sessions = MemorySessions({"linkedin": replica.storage_state("linkedin")})
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "engine.log")
    engine = Engine([linkedin], options, sessions=sessions, shared_browser=shared_browser)
    try:
        yield engine
    finally:
        await asyncio.wait_for(engine.close(), 30)


@pytest.fixture
async def linkedin_demo(chromium: str, tmp_path) -> AsyncIterator[Runtime]:
    """What `privacy-tui --demo` builds (replica sites, demo sessions, a real engine),
    covering LinkedIn's first four rows only (the AI row first, then research); its
    browser is closed even when a test fails."""
    four = [s.id for s in LinkedIn.settings[:4]]
    built = build(demo=True, only=four, log=tmp_path / "app.log")
    yield built
    await asyncio.wait_for(built.engine.close(), 30)
    built.close()


@pytest.fixture
async def whole_demo(chromium: str, tmp_path) -> AsyncIterator[Runtime]:
    """What `privacy-tui --demo` builds, every platform included."""
    built = build(demo=True, log=tmp_path / "app.log")
    yield built
    await asyncio.wait_for(built.engine.close(), 30)
    built.close()


@pytest.fixture
async def make_engine(
    chromium: str, shared_browser: Running, replica: ReplicaServer, tmp_path
) -> AsyncIterator[Callable[..., Engine]]:
    """Engines for plugins on their replicas, signed in unless told otherwise; all closed after.

    ``sessions`` hands the engine a store of its own (then ``signed_in=False`` says so:
    nothing is seeded into it); ``credentials`` and ``ask_code`` go to the engine. The
    engines share the worker's browser; ``own_browser`` launches one for the engine alone
    (its driver's log is ``engine-<n>.log`` in ``tmp_path``). ``waits``: how long page
    code waits (``Waits.short()`` where the test expects a control, a sign or a save to
    be missing); ``pages``: how many pages may be open at once (waits for what is
    missing overlap).
    """
    made: list[Engine] = []

    def make(
        *plugins: Plugin,
        signed_in: bool = True,
        credentials: CredentialSource | None = None,
        sessions: Sessions | None = None,
        ask_code: AskCode | None = None,
        own_browser: bool = False,
        waits: Waits | None = None,
        pages: int | None = None,
    ) -> Engine:
        assert all(on_this_machine(p.origin) for p in plugins), "tests never reach a real site"
        assert sessions is None or not signed_in, "a store of its own starts as it is"
        if sessions is None:
            seeded = [p.name for p in plugins if signed_in and p.name in replica.origins]
            sessions = MemorySessions({name: replica.storage_state(name) for name in seeded})
        options = Options(
            executable=chromium,
            timeout=15,
            log_path=tmp_path / f"engine-{len(made)}.log",
            waits=waits or Waits(),
        )
        if pages is not None:
            options.pages = pages
        engine = Engine(
            list(plugins),
            options,
            sessions=sessions,
            credentials=credentials,
            ask_code=ask_code,
            shared_browser=None if own_browser else shared_browser,
        )
        made.append(engine)
        return engine

    try:
        yield make
    finally:
        for engine in made:
            await asyncio.wait_for(engine.close(), 30)
