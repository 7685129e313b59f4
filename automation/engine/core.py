"""The engine: one browser, one context per platform, readings and changes as events.

Work runs in pages (see :mod:`automation.browser.pool`): a bounded number are open at once
across the run; a platform's settings that live on different pages are read in
parallel pages of the platform's own browser context, which holds its session, and
that context closes once the platform's work is done. Every step has a time limit,
and a plugin's failure becomes that setting's ``error`` reading, never the caller's
exception.

:class:`Engine` composes the pieces it holds, each a class of its own: the event bus
(:mod:`~automation.engine.bus`), the browser's lifetime (:mod:`~automation.engine.lifetime`),
the per-platform contexts and pages (:mod:`~automation.engine.contexts`), kept sessions
(:mod:`~automation.engine.kept`), sign-ins (:mod:`~automation.engine.signins`), the
settings it knows (:mod:`~automation.engine.index`), safe steps
(:mod:`~automation.engine.guard`), captures (:mod:`~automation.engine.capturing`) and
reads and changes (:mod:`~automation.engine.work`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from automation.accounts.sessions import MemorySessions, Sessions, StorageState
from automation.browser.launch import Running
from automation.domain.settings import Reading, Setting, State
from automation.engine.bus import Bus, Listener
from automation.engine.capturing import Capturing
from automation.engine.contexts import Contexts
from automation.engine.guard import Guard
from automation.engine.index import SettingsIndex
from automation.engine.kept import KeptSessions
from automation.engine.lifetime import BrowserLifetime
from automation.engine.options import LINGER, EngineClosed, Options
from automation.engine.protocol import EngineProtocol
from automation.engine.signins import CredentialSource, SignIns
from automation.engine.work import Work
from automation.page import waits

if TYPE_CHECKING:
    from automation.accounts.secrets import Credentials
    from automation.accounts.signin import AskCode
    from automation.domain.walls import Wall
    from automation.plugin import Plugin

__all__ = [
    "LINGER",
    "CredentialSource",
    "Engine",
    "EngineClosed",
    "EngineProtocol",
    "Listener",
    "Options",
]


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
        self._bus = Bus()
        #: ``shared_browser``: a browser started elsewhere, used instead of launching one
        #: and left running when the engine closes (the tests share one among engines).
        #: ``before_start``: called once before the browser starts (the demo serves its
        #: sites then).
        self._browser = BrowserLifetime(
            self.options, shared=shared_browser, before_start=before_start
        )
        kept = KeptSessions(self.sessions, self._bus)
        self._contexts = Contexts(plugins, self.options.pages, self._browser, kept)
        #: Sign-ins and sign-outs, platform by platform.
        self.signins = SignIns(
            self.options,
            self._bus,
            self._browser,
            self._contexts,
            kept,
            credentials=credentials,
            ask_code=ask_code,
        )
        self._index = SettingsIndex(platform.plugin for platform in self._contexts)
        self._capturing = Capturing(self.options)
        guard = Guard(self.options, self._browser, self._contexts, self.signins, self._capturing)
        self._work = Work(
            self._index,
            self._contexts,
            guard,
            self.signins,
            self._capturing,
            self._bus,
            self.options,
        )

    @property
    def credentials(self) -> CredentialSource | None:
        """Where stored credentials come from (``None``: a page that asks for a sign-in
        reads ``needs login``)."""
        return self.signins.credentials

    @credentials.setter
    def credentials(self, credentials: CredentialSource | None) -> None:
        self.signins.credentials = credentials

    @property
    def ask_code(self) -> AskCode | None:
        """Asks the user for a verification code; without it a code page ends signing in."""
        return self.signins.ask_code

    @ask_code.setter
    def ask_code(self, ask_code: AskCode | None) -> None:
        self.signins.ask_code = ask_code

    # -- subscribers -----------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event; returns a function that unsubscribes."""
        return self._bus.subscribe(listener)

    # -- what the engine knows -----------------------------------------------------

    @property
    def plugins(self) -> Mapping[str, Plugin]:
        return {platform.plugin.name: platform.plugin for platform in self._contexts}

    def setting(self, setting_id: str) -> Setting:
        """The setting ``setting_id``; ``KeyError`` when no plugin has it.

        One blog's copy of a per-blog setting (``tumblr.third_party_sharing@myblog``)
        is known from its id alone, even before the account's blogs were listed.
        """
        return self._index.entry(setting_id)[1]

    @property
    def started(self) -> bool:
        return self._browser.started

    @property
    def browser(self) -> str | None:
        """The path of the browser the engine started (``None`` until it has)."""
        return self._browser.executable

    def open_pages(self) -> dict[str, int]:
        """The pages open now in each platform's browser context (none once at rest)."""
        return self._contexts.open_pages()

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
        self._contexts.stop_lingering()
        await self._browser.close(first=self._contexts.close_all)

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
        return await self._work.check(setting_ids)

    async def change(self, setting_id: str, value: State) -> Reading:
        """Switch one setting to ``value``; the reading is the read-back after a reload."""
        return await self._work.change(setting_id, value)

    def capture_next(self, setting_id: str) -> None:
        """Keep a capture of ``setting_id``'s page the next time it is read, whatever
        the reading (``privacy-tui capture``, and the checklist's capture key)."""
        self._capturing.want(setting_id)

    # -- accounts ------------------------------------------------------------------------

    async def sign_in(self, name: str, credentials: Credentials) -> Wall | None:
        """Sign in to platform ``name`` with credentials the user has just given.

        Nothing is typed anywhere unless the platform's origin is its real site over
        HTTPS or this machine. Asks :attr:`ask_code` when the platform wants a
        verification code. Returns
        ``None`` once the platform shows a signed-in page (the session is then kept),
        else the wall still in the way, with a detail for the user.
        """
        with waits.using(self.options.waits):
            return await self.signins.typed(name, credentials)

    async def use_session(self, name: str, state: StorageState) -> None:
        """Use a session signed in elsewhere (a browser window) from now on, and keep it."""
        await self.signins.use_session(name, state)

    async def sign_out(self, name: str) -> bool:
        """Forget platform ``name``'s session here; True when one was kept.

        Its browser context is closed and the kept copy removed. The site's own
        record of the session is left alone.
        """
        return await self.signins.sign_out(name)
