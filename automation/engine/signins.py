"""Signing in: with stored credentials when a page asks for it, with credentials the
user just typed, with a session from a browser window; and signing out."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from automation.accounts.secrets import SecretsError
from automation.browser.launch import BrowserError
from automation.domain import events
from automation.domain.walls import Wall
from automation.engine.contexts import close_quietly
from automation.engine.options import EngineClosed
from automation.language import Sentence, message

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext

    from automation.accounts.secrets import Credentials
    from automation.accounts.sessions import StorageState
    from automation.accounts.signin import AskCode
    from automation.engine.bus import Bus
    from automation.engine.contexts import Contexts, Platform
    from automation.engine.kept import KeptSessions
    from automation.engine.lifetime import BrowserLifetime
    from automation.engine.options import Options

log = logging.getLogger("privacy_tui.engine")


class CredentialSource(Protocol):
    """Anything that can hand the engine a platform's stored credentials."""

    async def get(self, platform: str) -> Credentials | None:
        """The stored credentials for ``platform``, or ``None`` when there are none."""
        ...


class SignIns:
    """Every way the engine signs a platform in or out; a success replaces the
    platform's context and keeps its session."""

    def __init__(
        self,
        options: Options,
        bus: Bus,
        browser: BrowserLifetime,
        contexts: Contexts,
        kept: KeptSessions,
        *,
        credentials: CredentialSource | None = None,
        ask_code: AskCode | None = None,
    ) -> None:
        self.options = options
        self._bus = bus
        self._browser = browser
        self._contexts = contexts
        self._kept = kept
        self.credentials = credentials
        #: Asks the user for a verification code; without it a code page ends signing in.
        self.ask_code = ask_code

    def again(self, name: str) -> None:
        """Platform ``name`` may sign in with its stored credentials once more (a new
        check: the user may have fixed them)."""
        platform = self._contexts[name]
        platform.tried_sign_in = False
        platform.sign_in_problem = None
        platform.sign_in_failed = False

    def problem(self, name: str) -> str | None:
        """Why signing in to ``name`` with stored credentials did not work, if it did not."""
        return self._contexts[name].sign_in_problem

    async def with_stored(self, name: str) -> bool:
        """Sign in to ``name`` with stored credentials, once per check; True when it
        worked. When it did not, :meth:`problem` says why."""
        platform = self._contexts[name]
        if self.credentials is None or platform.tried_sign_in:
            return False
        platform.tried_sign_in = True
        plugin = platform.plugin
        if not plugin.trusted_origin():
            # A config (or an export someone shared) may point a platform anywhere;
            # the stored password goes only to the platform itself or this machine.
            platform.sign_in_problem = Sentence(
                "Not signed in to {title}. Its origin is set to {origin}, so "
                "the stored password is not used there (only on {default} "
                "or this machine).",
                title=plugin.title,
                origin=plugin.origin,
                default=plugin.default_origin,
            )
            return False
        try:
            credentials = await self.credentials.get(plugin.name)
        except SecretsError as exc:
            platform.sign_in_problem = Sentence(
                "Not signed in to {title}. {why}", title=plugin.title, why=message(exc)
            )
            return False
        if credentials is None:
            return False
        wall = await self._with(platform, credentials)
        if wall is not None:
            platform.sign_in_problem = wall.detail
            platform.sign_in_failed = wall.kind == "error"
        return wall is None

    async def typed(self, name: str, credentials: Credentials) -> Wall | None:
        """Sign in to ``name`` with credentials the user has just given (see
        :meth:`Engine.sign_in`)."""
        platform = self._contexts[name]
        refused = platform.plugin.password_refused()
        if refused is not None:
            # Typed passwords get the same protection as stored ones.
            return Wall("origin", refused)
        async with self._contexts.working(platform), platform.gate.alone():
            return await self._with(platform, credentials)

    async def _with(self, platform: Platform, credentials: Credentials) -> Wall | None:
        """Sign in in a browser context of its own; only a success replaces the platform's.

        Starting from no session keeps a stale or other account's cookie out of the way,
        and a refused password or a code given up leaves a session that works as it was.
        """
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        from automation.accounts import signin

        plugin = platform.plugin
        self._bus.emit(events.SigningIn(plugin.name))
        context: BrowserContext | None = None
        try:
            context = await self._browser.new_context(None, plugin)
            page = await context.new_page()
            wall = await signin.sign_in(
                plugin, page, credentials, ask_code=self.ask_code, limit=self.options.timeout * 4
            )
            if wall is None:
                state = await context.storage_state()
                await close_quietly(page)  # the pages at work open their own
                await self._contexts.replace(platform, context, state)
                context = None
                await self._kept.save(plugin, state)
        except BrowserError as exc:
            return Wall("error", str(exc).splitlines()[0])
        except (PlaywrightTimeout, TimeoutError):
            return Wall(
                "error",
                Sentence("{title} did not answer in time while signing in.", title=plugin.title),
            )
        except Exception as exc:
            if self._browser.closed:
                raise EngineClosed("the engine is closed") from None
            log.info("signing in to %s failed: %s", plugin.name, type(exc).__name__)
            if not self._browser.alive():
                return Wall(
                    "error",
                    Sentence(
                        "The browser stopped while signing in to {title}; "
                        "nothing is known about the account. Try again.",
                        title=plugin.title,
                    ),
                )
            return Wall(
                "error",
                Sentence(
                    "Signing in to {title} failed ({kind}).",
                    title=plugin.title,
                    kind=type(exc).__name__,
                ),
            )
        finally:
            if context is not None:
                await close_quietly(context)
        return wall

    async def use_session(self, name: str, state: StorageState) -> None:
        """Use a session signed in elsewhere (a browser window) from now on, and keep it."""
        platform = self._contexts[name]
        async with platform.gate.alone():
            await self._contexts.drop(platform)
            platform.handed = state
            await self._kept.save(platform.plugin, state)

    async def sign_out(self, name: str) -> bool:
        """Forget ``name``'s session here (its context closes, the kept copy goes);
        True when one was kept."""
        platform = self._contexts[name]
        async with platform.gate.alone():
            await self._contexts.drop(platform)
            platform.handed = None
            return await self._kept.forget(platform.plugin)
