"""The engine: one browser, one context per platform, readings and changes as events.

Work runs in pages (see :mod:`automation.browser.pool`): a bounded number are open at once
across the run; a platform's settings that live on different pages are read in
parallel pages of the platform's own browser context, which holds its session, and
that context closes once the platform's work is done. Every step has a time limit,
and a plugin's failure becomes that setting's ``error`` reading, never the caller's
exception.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Protocol, TypeVar

from automation.accounts.secrets import SecretsError
from automation.accounts.sessions import MemorySessions, Sessions, StorageState
from automation.browser.launch import BrowserError, Running
from automation.browser.pool import Tab, by_page, longest_first, steps
from automation.domain import events
from automation.domain.settings import Kind, Reading, Setting, State, resolve
from automation.domain.walls import Wall
from automation.engine.bus import Bus, Listener
from automation.engine.contexts import Contexts, Platform, close_quietly
from automation.engine.kept import KeptSessions
from automation.engine.lifetime import BrowserLifetime
from automation.engine.options import LINGER, EngineClosed, Options
from automation.page import actions

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page

    from automation.accounts.secrets import Credentials
    from automation.accounts.signin import AskCode
    from automation.plugin import Plugin

__all__ = ["LINGER", "CredentialSource", "Engine", "EngineClosed", "Listener", "Options"]

log = logging.getLogger("privacy_tui.engine")

T = TypeVar("T")


class CredentialSource(Protocol):
    """Anything that can hand the engine a platform's stored credentials."""

    async def get(self, platform: str) -> Credentials | None:
        """The stored credentials for ``platform``, or ``None`` when there are none."""
        ...


class Engine:
    """Reads and changes settings through the plugins, in one browser."""

    def __init__(
        self,
        plugins: Iterable[Plugin],
        options: Options | None = None,
        *,
        sessions: Sessions | None = None,
        credentials: CredentialSource | None = None,
        ask_code: AskCode | None = None,
        before_start: Callable[[], object] | None = None,
        shared_browser: Running | None = None,
    ) -> None:
        self.options = options or Options()
        self.sessions: Sessions = sessions if sessions is not None else MemorySessions()
        self.credentials = credentials
        #: Asks the user for a verification code; without it a code page ends signing in.
        self.ask_code = ask_code
        self._bus = Bus()
        self._kept = KeptSessions(self.sessions, self._bus)
        self._browser = BrowserLifetime(
            self.options, shared=shared_browser, before_start=before_start
        )
        self._platforms = Contexts(plugins, self.options.pages, self._browser, self._kept)
        self._settings: dict[str, tuple[Plugin, Setting]] = {
            s.id: (p.plugin, s) for p in self._platforms for s in p.plugin.settings
        }
        #: Settings whose page is captured the next time it is read, whatever it shows.
        self._capture_wanted: set[str] = set()

    # -- subscribers -----------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event; returns a function that unsubscribes."""
        return self._bus.subscribe(listener)

    # -- what the engine knows -----------------------------------------------------

    @property
    def plugins(self) -> Mapping[str, Plugin]:
        return {p.plugin.name: p.plugin for p in self._platforms}

    def setting(self, setting_id: str) -> Setting:
        """The setting ``setting_id``; ``KeyError`` when no plugin has it.

        One blog's copy of a per-blog setting (``tumblr.third_party_sharing@myblog``)
        is known from its id alone, even before the account's blogs were listed.
        """
        return self._entry(setting_id)[1]

    def _entry(self, setting_id: str) -> tuple[Plugin, Setting]:
        found = self._settings.get(setting_id)
        if found is not None:
            return found
        settings = {i: s for i, (_, s) in self._settings.items()}
        instance = resolve(settings, setting_id)
        if instance is None:
            raise KeyError(setting_id)
        plugin = self._settings[instance.template_id][0]
        self._settings[instance.id] = (plugin, instance)
        return plugin, instance

    @property
    def started(self) -> bool:
        return self._browser.started

    @property
    def browser(self) -> str | None:
        """The path of the browser the engine started (``None`` until it has)."""
        return self._browser.executable

    def open_pages(self) -> dict[str, int]:
        """The pages open now in each platform's browser context (none once at rest)."""
        return self._platforms.open_pages()

    # -- life cycle ------------------------------------------------------------------

    async def start(self) -> None:
        """Start Playwright and the browser (once).

        Raises :class:`~automation.browser.launch.BrowserError` (or its subclass
        ``BrowserNotFound``) with a message for the user.
        """
        await self._browser.start()

    def prepare(self) -> None:
        """Do what must be done before any browser reaches a site (the demo serves its
        sites): once, before the engine's browser starts or a window opens."""
        self._browser.prepare()

    async def close(self) -> None:
        """Close every context, the browser and Playwright (a shared browser is left
        running). Safe to call twice."""
        self._platforms.stop_lingering()
        await self._browser.close(first=self._platforms.close_all)

    async def __aenter__(self) -> Engine:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- work --------------------------------------------------------------------------

    async def check(self, setting_ids: Iterable[str] | None = None) -> list[Reading]:
        """Read the given settings (all by default), in pages open at once.

        Settings that only a person can change (``manual``) are not read. A setting
        kept per blog or site is read once for each one found on the account; its
        readings stand in its place in the result.
        """
        ids = list(self._settings) if setting_ids is None else list(setting_ids)
        ids = [i for i in ids if self._entry(i)[1].kind is not Kind.MANUAL]
        by_platform: dict[str, list[str]] = {}
        for setting_id in ids:
            plugin, _ = self._entry(setting_id)
            by_platform.setdefault(plugin.name, []).append(setting_id)
        for name in by_platform:
            # Each check may sign in once more: the user may have fixed the credentials.
            self._platforms[name].tried_sign_in = False
            self._platforms[name].sign_in_problem = None
            self._platforms[name].sign_in_failed = False
        for setting_id in ids:
            self._bus.emit(events.Checking(setting_id))
        work = {
            name: by_page(self._platforms[name].plugin, [self._settings[i][1] for i in members])
            for name, members in by_platform.items()
        }
        results = await asyncio.gather(
            *(self._check_platform(name, work[name]) for name in longest_first(work))
        )
        readings: dict[str, list[Reading]] = {}
        for group in results:
            readings.update(group)
        self._capture_wanted.difference_update(ids)
        return [r for i in ids for r in readings[i]]

    async def change(self, setting_id: str, value: State) -> Reading:
        """Switch one setting to ``value``; the reading is the read-back after a reload."""
        plugin, setting = self._entry(setting_id)
        if setting.kind is Kind.MANUAL or setting.per is not None:
            raise ValueError(f"{setting_id} cannot be switched by the browser")
        self._bus.emit(events.Changing(setting_id, value))
        platform = self._platforms[plugin.name]
        async with self._platforms.working(platform, linger=LINGER), platform.tabs.one() as tab:
            reading = await self._with_platform(
                platform, setting, lambda page: actions.write(plugin, page, setting, value), tab
            )
        self._bus.emit(events.Changed(reading, value))
        return reading

    async def _check_platform(
        self, name: str, groups: list[list[Setting]]
    ) -> dict[str, list[Reading]]:
        """Read one platform's settings, grouped by page: one page for each, at once."""
        platform = self._platforms[name]
        plugin = platform.plugin
        settings = [setting for group in groups for setting in group]
        # Each setting's readings, in order (a per-blog setting has one a blog).
        found: dict[str, list[Reading | None]] = {s.id: [None] for s in settings}
        place = {s.id: (s.id, 0) for s in settings}
        # The longest line of work starts first (see longest_first).
        waiting = sorted(groups, key=steps, reverse=True)

        async def read(setting: Setting, tab: Tab) -> None:
            if setting.per is None:
                reading = await self._with_platform(
                    platform, setting, partial(actions.read, plugin, setting=setting), tab
                )
                self._bus.emit(events.Read(reading))
                key, index = place[setting.id]
                found[key][index] = reading
                return
            instances = await self._expand(platform, setting, tab)
            if isinstance(instances, Reading):
                self._bus.emit(events.Read(instances))
                found[setting.id] = [instances]
                return
            found[setting.id] = [None] * len(instances)
            place.update((instance.id, (setting.id, i)) for i, instance in enumerate(instances))
            waiting.extend([instance] for instance in instances)
            for _ in instances[1:]:
                lanes.create_task(lane())

        async def lane() -> None:
            if not waiting:
                return
            async with platform.tabs.one() as tab:
                while waiting:
                    for setting in waiting.pop(0):
                        await read(setting, tab)

        async with self._platforms.working(platform):
            try:
                async with asyncio.TaskGroup() as lanes:
                    for _ in waiting:
                        lanes.create_task(lane())
            except* EngineClosed:
                raise EngineClosed("the engine is closed") from None
        return {key: [r for r in readings if r is not None] for key, readings in found.items()}

    async def _expand(
        self, platform: Platform, setting: Setting, tab: Tab
    ) -> list[Setting] | Reading:
        """Find the blogs or sites of a per-blog setting and register one setting each."""
        plugin = platform.plugin
        found = await self._with_platform(
            platform, setting, lambda page: actions.instances(plugin, page, setting), tab
        )
        if isinstance(found, Reading):
            return found
        instances = [setting.for_instance(name) for name in found]
        for instance in instances:
            self._settings[instance.id] = (plugin, instance)
        self._bus.emit(events.Expanded(setting.id, tuple(instances)))
        for instance in instances:
            self._bus.emit(events.Checking(instance.id))
        return instances

    async def _with_platform(
        self, platform: Platform, setting: Setting, step: Callable[[Page], Awaitable[T]], tab: Tab
    ) -> T | Reading:
        """Run one plugin step for ``setting`` on ``tab``'s page of the platform, safely.

        Returns what the step returns, or a reading saying why it could not.
        """
        generation = platform.generation
        reading = await self._guarded(platform, setting, step, tab)
        if isinstance(reading, Reading) and reading.state is State.NEEDS_LOGIN:
            async with platform.gate.alone():
                # Another page may have signed in (or been handed a session) meanwhile.
                again = platform.generation != generation or await self._sign_in(platform)
            if again:
                reading = await self._guarded(platform, setting, step, tab)
            elif platform.sign_in_problem:
                state = State.ERROR if platform.sign_in_failed else reading.state
                reading = replace(reading, state=state, detail=platform.sign_in_problem)
        if isinstance(reading, Reading) and self._wants_capture(reading, setting):
            reading = await self._capture(platform, setting, reading, tab)
        return reading

    def capture_next(self, setting_id: str) -> None:
        """Keep a capture of ``setting_id``'s page the next time it is read, whatever
        the reading (``privacy-tui capture``, and the checklist's capture key)."""
        self._capture_wanted.add(setting_id)

    def _wants_capture(self, reading: Reading, setting: Setting) -> bool:
        # A per-blog setting asked for stands for each of its blogs.
        if {setting.id, setting.template_id} & self._capture_wanted:
            return True
        # A page that lacks the control, or is missing (a page that moved): what it
        # shows instead is what a report needs.
        missing = reading.state is State.UNAVAILABLE and "(HTTP 404)" in reading.detail
        return (reading.state is State.UNKNOWN or missing) and self.options.capture_unknown

    async def _capture(
        self, platform: Platform, setting: Setting, reading: Reading, tab: Tab
    ) -> Reading:
        """``reading`` with a redacted capture of the page it was read from."""
        from automation.captures import capture

        self._capture_wanted.discard(setting.id)
        async with platform.gate.shared():
            page = tab.current
            if page is None:
                return reading
            try:
                taken = await asyncio.wait_for(
                    capture.take(page, setting, reading, platform.plugin.signed_in_marker), 30
                )
                path = await asyncio.to_thread(capture.save, taken, self.options.captures)
            except (OSError, TimeoutError) as exc:
                log.warning("no capture of %s: %s", setting.id, exc)
                return reading
            except Exception:
                # A capture helps a report; its failure must never cost the reading.
                log.exception("no capture of %s", setting.id)
                return reading
        return replace(reading, detail=reading.detail + capture.told(path), capture=str(path))

    async def _guarded(
        self,
        platform: Platform,
        setting: Setting,
        step: Callable[[Page], Awaitable[T]],
        tab: Tab,
    ) -> T | Reading:
        from playwright.async_api import Error as PlaywrightError
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        from automation.page import account

        title = platform.plugin.title
        # A backstop above Playwright's own per-step limits: a whole read or write
        # is a handful of steps.
        limit = self.options.timeout * 6
        try:
            async with platform.gate.shared():
                page = await tab.page(await self._platforms.context(platform))
                result = await asyncio.wait_for(step(page), limit)
                if isinstance(result, Reading) and result.state.is_value:
                    # A value counts only on a page the account's own sign is on,
                    # whatever way the plugin reached it.
                    unproved = await account.check(platform.plugin, page, setting)
                    if unproved is not None:
                        return replace(unproved, setting_id=result.setting_id)
            if not isinstance(result, Reading) or result.state.is_value:
                platform.proven = True
            return result
        except BrowserError as exc:
            return Reading(setting.id, State.ERROR, str(exc).splitlines()[0])
        except (PlaywrightTimeout, TimeoutError):
            return Reading(
                setting.id,
                State.ERROR,
                f"{title} did not answer in time (limit {self.options.timeout:g} s a step); "
                "check the network and try again.",
            )
        except PlaywrightError as exc:
            if self._browser.closed:
                raise EngineClosed("the engine is closed") from None
            return Reading(setting.id, State.ERROR, _network_detail(title, exc))
        except EngineClosed:
            raise
        except Exception as exc:
            log.exception("the %s plugin failed on %s", platform.plugin.name, setting.id)
            return Reading(
                setting.id,
                State.ERROR,
                f"The {title} plugin failed: {type(exc).__name__}: {exc}",
            )

    async def _sign_in(self, platform: Platform) -> bool:
        """Sign in with stored credentials, once per run; True when it worked.

        When it did not work, ``platform.sign_in_problem`` says why.
        """
        if self.credentials is None or platform.tried_sign_in:
            return False
        platform.tried_sign_in = True
        plugin = platform.plugin
        if not plugin.trusted_origin():
            # A config (or an export someone shared) may point a platform anywhere;
            # the stored password goes only to the platform itself or this machine.
            platform.sign_in_problem = (
                f"Not signed in to {plugin.title}. Its origin is set to {plugin.origin}, so "
                f"the stored password is not used there (only on {plugin.default_origin} "
                "or this machine)."
            )
            return False
        try:
            credentials = await self.credentials.get(plugin.name)
        except SecretsError as exc:
            platform.sign_in_problem = f"Not signed in to {plugin.title}. {exc}"
            return False
        if credentials is None:
            return False
        wall = await self._sign_in_with(platform, credentials)
        if wall is not None:
            platform.sign_in_problem = wall.detail
            platform.sign_in_failed = wall.kind == "error"
        return wall is None

    async def _sign_in_with(self, platform: Platform, credentials: Credentials) -> Wall | None:
        """Sign in in a browser context of its own; only a success replaces the platform's.

        Starting from no session keeps a stale or other account's cookie out of the way,
        and a refused password or a code given up leaves a session that works as it was.
        """
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        plugin = platform.plugin
        self._bus.emit(events.SigningIn(plugin.name))
        context: BrowserContext | None = None
        try:
            context = await self._browser.new_context(None, plugin)
            page = await context.new_page()
            from automation.accounts import signin

            wall = await signin.sign_in(
                plugin, page, credentials, ask_code=self.ask_code, limit=self.options.timeout * 4
            )
            if wall is None:
                state = await context.storage_state()
                await close_quietly(page)  # the pages at work open their own
                await self._platforms.replace(platform, context, state)
                context = None
                await self._kept.save(plugin, state)
        except BrowserError as exc:
            return Wall("error", str(exc).splitlines()[0])
        except (PlaywrightTimeout, TimeoutError):
            return Wall("error", f"{plugin.title} did not answer in time while signing in.")
        except Exception as exc:
            if self._browser.closed:
                raise EngineClosed("the engine is closed") from None
            log.info("signing in to %s failed: %s", plugin.name, type(exc).__name__)
            if not self._browser.alive():
                return Wall(
                    "error",
                    f"The browser stopped while signing in to {plugin.title}; "
                    "nothing is known about the account. Try again.",
                )
            return Wall("error", f"Signing in to {plugin.title} failed ({type(exc).__name__}).")
        finally:
            if context is not None:
                await close_quietly(context)
        return wall

    # -- accounts ------------------------------------------------------------------------

    async def sign_in(self, name: str, credentials: Credentials) -> Wall | None:
        """Sign in to platform ``name`` with credentials the user has just given.

        Nothing is typed anywhere unless the platform's origin is its real site over
        HTTPS or this machine. Asks :attr:`ask_code` when the platform wants a
        verification code. Returns
        ``None`` once the platform shows a signed-in page (the session is then kept),
        else the wall still in the way, with a detail for the user.
        """
        platform = self._platforms[name]
        refused = platform.plugin.password_refused()
        if refused is not None:
            # Typed passwords get the same protection as stored ones.
            return Wall("origin", refused)
        async with self._platforms.working(platform), platform.gate.alone():
            return await self._sign_in_with(platform, credentials)

    async def use_session(self, name: str, state: StorageState) -> None:
        """Use a session signed in elsewhere (a browser window) from now on, and keep it."""
        platform = self._platforms[name]
        async with platform.gate.alone():
            await self._platforms.drop(platform)
            platform.handed = state
            await self._kept.save(platform.plugin, state)

    async def sign_out(self, name: str) -> bool:
        """Forget platform ``name``'s session here; True when one was kept.

        Its browser context is closed and the kept copy removed. The site's own
        record of the session is left alone.
        """
        platform = self._platforms[name]
        async with platform.gate.alone():
            await self._platforms.drop(platform)
            platform.handed = None
            return await self._kept.forget(platform.plugin)


def _network_detail(title: str, exc: Exception) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "net::ERR_" in first:
        code = first[first.index("net::ERR_") :].split()[0]
        return f"Could not reach {title} ({code}); check the network and try again."
    return f"The browser failed on {title}: {first}"
