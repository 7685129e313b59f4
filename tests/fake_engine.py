"""An engine that keeps an account's states in memory, for tests about the screen.

It keeps :class:`~automation.engine.protocol.EngineProtocol` and tells its subscribers
what the real engine tells, in the same order (see :mod:`automation.engine.work`):
``Checking`` for every setting of a check first, then per platform, at once, ``Read``
for each setting in turn (``Expanded`` and a ``Checking`` for each blog before a
per-blog setting's readings); ``Changing`` then ``Changed`` with the read-back. No
browser runs: a test about the screen does not wait for pages.

``delay`` makes every step take that long, and ``gate`` (an :class:`asyncio.Event`) holds
every step until it is set: a test sees busy rows then, or quits mid-run. A setting can
read ``needs login``/``unknown``/``error`` (set its state), a platform can be signed out
(:attr:`signed_out`), a change can fail to read back (:attr:`unkept`), a sign-in can
meet a wall (:attr:`walls`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from automation import registry
from automation.accounts.secrets import Credentials
from automation.accounts.sessions import MemorySessions, Sessions, StorageState
from automation.accounts.signin import AskCode
from automation.domain import events
from automation.domain.settings import Kind, Reading, Setting, State, now, resolve
from automation.domain.walls import Wall
from automation.engine.options import EngineClosed, Options
from automation.engine.protocol import EngineProtocol
from automation.engine.runtime import Runtime
from automation.files.config_types import Config
from automation.plugin import Plugin
from automation.records.history import History
from automation.records.marks import Marks
from automation.replicas import DEMO_USERNAME, SITES, demo_server

#: Where the fake's platforms say they are: a loopback port nothing listens on.
ORIGIN = "http://127.0.0.1:9"

#: What a reading of each state says, unless the engine is given its own words.
DETAILS = {
    State.ON: "Switch is on (found by its id).",
    State.OFF: "Switch is off (found by its id).",
    State.NEEDS_LOGIN: "Not signed in.",
    State.UNAVAILABLE: "The platform does not offer this setting to the account.",
    State.UNKNOWN: "No switch was found on the page.",
    State.ERROR: "The page failed to load (HTTP 500).",
}


class FakeEngine:
    """Reads and changes settings kept in :attr:`states`, as the engine would tell it."""

    def __init__(
        self,
        plugins: Iterable[Plugin],
        states: Mapping[str, State] | None = None,
        *,
        blogs: Mapping[str, Sequence[str]] | None = None,
        delay: float = 0.0,
        gate: asyncio.Event | None = None,
        at: datetime | None = None,
        detail: Callable[[Setting, State], str] | None = None,
        url: Callable[[Setting], str] | None = None,
    ) -> None:
        self._plugins = {p.name: p for p in plugins}
        self._settings: dict[str, Setting] = {
            s.id: s for p in self._plugins.values() for s in p.settings
        }
        #: The account's settings as the platform keeps them, by setting id (one blog's
        #: copy under its own id); a state other than on/off is what a read finds.
        self.states: dict[str, State] = dict(states or {})
        #: The blogs or sites of each platform, for its per-blog settings.
        self.blogs: dict[str, list[str]] = {k: list(v) for k, v in (blogs or {}).items()}
        self.delay = delay
        self.gate = gate
        #: Fixed for every reading when given: when it was read, how its detail and
        #: its page's address are worded (a snapshot's picture must not drift).
        self.at = at
        self.detail = detail
        self.url = url
        #: Platforms whose pages ask for a sign-in: their settings read ``needs login``.
        self.signed_out: set[str] = set()
        #: Settings whose change is answered but not kept: the read-back shows the old state.
        self.unkept: set[str] = set()
        #: Platforms whose sign-in meets this wall.
        self.walls: dict[str, Wall] = {}
        #: The usernames of every sign-in with typed credentials, in order.
        self.sign_ins: list[str] = []
        #: Every change that reached the platform, in order.
        self.saves: list[tuple[str, State]] = []
        #: The settings each check was asked for, in order.
        self.checks: list[list[str]] = []
        #: Settings whose next reading keeps a capture (see :meth:`capture_next`).
        self.wanted: set[str] = set()
        self.captured: list[str] = []
        self.ask_code: AskCode | None = None
        self.options = Options()
        self.sessions: Sessions = MemorySessions()
        self._listeners: list[Callable[[events.Event], None]] = []
        self._started = False
        self.closed = False

    # -- what the engine knows -------------------------------------------------------

    @property
    def plugins(self) -> Mapping[str, Plugin]:
        return dict(self._plugins)

    @property
    def started(self) -> bool:
        return self._started and not self.closed

    @property
    def browser(self) -> str | None:
        return "/fake/chromium" if self.started else None

    def subscribe(self, listener: Callable[[events.Event], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, event: events.Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    def setting(self, setting_id: str) -> Setting:
        found = resolve(self._settings, setting_id)
        if found is None:
            raise KeyError(setting_id)
        return found

    def open_pages(self) -> dict[str, int]:
        return {}

    # -- life cycle --------------------------------------------------------------------

    async def start(self) -> None:
        if self.closed:
            raise EngineClosed("the engine is closed")
        self._started = True

    def prepare(self) -> None:
        pass

    async def close(self) -> None:
        self.closed = True
        if self.gate is not None:
            self.gate.set()  # steps held at the gate end with EngineClosed

    async def _step(self) -> None:
        if self.closed:
            raise EngineClosed("the engine is closed")
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.gate is not None:
            await self.gate.wait()
        if self.closed:
            raise EngineClosed("the engine is closed")

    # -- work ----------------------------------------------------------------------------

    def _reading(self, setting: Setting) -> Reading:
        plugin = self._plugins[setting.platform]
        if self.url is not None:
            url = self.url(setting)
        else:
            url = setting.switch.address(plugin.origin) if setting.switch else plugin.origin
        at = self.at or now()
        signed_out = setting.platform in self.signed_out
        state = State.NEEDS_LOGIN if signed_out else self.states.get(setting.id, State.UNKNOWN)
        detail = self.detail(setting, state) if self.detail is not None else DETAILS[state]
        if signed_out:
            return Reading(setting.id, state, detail, at, url)
        capture = None
        if setting.id in self.wanted:
            self.wanted.discard(setting.id)
            self.captured.append(setting.id)
            capture = f"capture of {setting.id}"
        return Reading(setting.id, state, detail, at, url, capture)

    async def check(self, setting_ids: Iterable[str] | None = None) -> list[Reading]:
        ids = list(self._settings) if setting_ids is None else list(setting_ids)
        ids = [i for i in ids if self.setting(i).kind is not Kind.MANUAL]
        self.checks.append(ids)
        by_platform: dict[str, list[Setting]] = {}
        for setting_id in ids:
            setting = self.setting(setting_id)
            by_platform.setdefault(setting.platform, []).append(setting)
        for setting_id in ids:
            self._emit(events.Checking(setting_id))
        found: dict[str, list[Reading]] = {}

        async def platform(settings: list[Setting]) -> None:
            for setting in settings:
                await self._step()
                if setting.per is None or setting.platform in self.signed_out:
                    reading = self._reading(setting)
                    self._emit(events.Read(reading))
                    found[setting.id] = [reading]
                    continue
                instances = tuple(
                    setting.for_instance(name) for name in self.blogs.get(setting.platform, [])
                )
                self._settings.update((i.id, i) for i in instances)
                self._emit(events.Expanded(setting.id, instances))
                for instance in instances:
                    self._emit(events.Checking(instance.id))
                found[setting.id] = []
                for instance in instances:
                    await self._step()
                    reading = self._reading(instance)
                    self._emit(events.Read(reading))
                    found[setting.id].append(reading)

        await asyncio.gather(*(platform(members) for members in by_platform.values()))
        return [r for i in ids for r in found[i]]

    async def change(self, setting_id: str, value: State) -> Reading:
        setting = self.setting(setting_id)
        if setting.kind is Kind.MANUAL or setting.per is not None:
            raise ValueError(f"{setting_id} cannot be switched by the browser")
        self._emit(events.Changing(setting_id, value))
        await self._step()
        if (
            setting.platform not in self.signed_out
            and self.states.get(setting_id, State.UNKNOWN).is_value
        ):
            self.saves.append((setting_id, value))
            if setting_id not in self.unkept:
                self.states[setting_id] = value
        reading = self._reading(setting)
        self._emit(events.Changed(reading, value))
        return reading

    def capture_next(self, setting_id: str) -> None:
        self.wanted.add(setting_id)

    # -- accounts ------------------------------------------------------------------------

    async def sign_in(self, name: str, credentials: Credentials) -> Wall | None:
        await self._step()
        self.sign_ins.append(credentials.username)
        wall = self.walls.get(name)
        if wall is None:
            self.signed_out.discard(name)
        return wall

    async def use_session(self, name: str, state: StorageState) -> None:
        await self.sessions.save(name, state, self._plugins[name].origin)
        self.signed_out.discard(name)

    async def sign_out(self, name: str) -> bool:
        kept = name not in self.signed_out
        self.signed_out.add(name)
        return kept


def demo_plugins() -> list[Plugin]:
    """The demo's plugins (those with a replica site, and those done only by hand)."""
    classes, _ = registry.load()
    plugins = [cls(ORIGIN) for cls in classes]
    return [p for p in plugins if p.name in SITES or all(s.kind is Kind.MANUAL for s in p.settings)]


def demo_account(plugins: Iterable[Plugin]) -> tuple[dict[str, State], dict[str, list[str]]]:
    """The demo account's states and blogs, as the replica sites start them."""
    sites = demo_server().sites
    states: dict[str, State] = {}
    blogs: dict[str, list[str]] = {}
    for plugin in plugins:
        if plugin.name not in sites:
            continue
        account = sites[plugin.name].account(DEMO_USERNAME)
        blogs[plugin.name] = list(account.blogs)
        for key, value in account.settings.items():
            states[f"{plugin.name}.{key}"] = State.ON if value else State.OFF
    return states, blogs


def runtime(
    engine: FakeEngine,
    *,
    config: Config | None = None,
    only: Iterable[str] = (),
    marks: Marks | None = None,
) -> Runtime:
    """A run around ``engine``, as the demo builds one: its plugins, the config's wishes,
    marks and a history in memory (the history hears the engine, as ``build`` sets up)."""
    config = config or Config()
    history = History.in_memory()
    history.attach(engine)
    plugins = list(engine.plugins.values())
    return Runtime(
        config,
        plugins,
        engine,
        only=list(only),
        marks=marks or Marks(None, config.marks),
        history=history,
    )


def demo(
    only: Iterable[str] = (), *, config: Config | None = None, **options: object
) -> tuple[FakeEngine, Runtime]:
    """A fake engine on the demo account's states, and its run (``only``: these ids)."""
    only = list(only)
    plugins = demo_plugins()
    states, blogs = demo_account(plugins)
    engine = FakeEngine(plugins, states, blogs=blogs, **options)  # type: ignore[arg-type]
    return engine, runtime(engine, config=config, only=only)


def fake(runtime: Runtime) -> FakeEngine:
    """The fake engine ``runtime`` drives."""
    assert isinstance(runtime.engine, FakeEngine)
    return runtime.engine


def _typed(engine: FakeEngine) -> EngineProtocol:
    """The fake keeps the engine's protocol (mypy checks this line)."""
    return engine
