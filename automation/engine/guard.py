"""One plugin step on a platform's page, made safe: a step that fails becomes an honest
reading (``error`` with the reason, ``needs login`` after a sign-in that did not work),
never the caller's exception; a value counts only on a page that shows the account."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from automation.browser.launch import BrowserError
from automation.domain.settings import Reading, Setting, State
from automation.engine.options import EngineClosed
from automation.language import Sentence
from automation.page import waits

if TYPE_CHECKING:
    from playwright.async_api import Page

    from automation.browser.pool import Tab
    from automation.engine.capturing import Capturing
    from automation.engine.contexts import Contexts, Platform
    from automation.engine.lifetime import BrowserLifetime
    from automation.engine.options import Options
    from automation.engine.signins import SignIns

log = logging.getLogger("privacy_tui.engine")

T = TypeVar("T")


class Guard:
    """Runs plugin steps on a platform's pages, signing in once when a page asks for
    it, and capturing the page when :class:`Capturing` wants it."""

    def __init__(
        self,
        options: Options,
        browser: BrowserLifetime,
        contexts: Contexts,
        signins: SignIns,
        capturing: Capturing,
    ) -> None:
        self.options = options
        self._browser = browser
        self._contexts = contexts
        self._signins = signins
        self._capturing = capturing

    async def run(
        self, platform: Platform, setting: Setting, step: Callable[[Page], Awaitable[T]], tab: Tab
    ) -> T | Reading:
        """Run one plugin step for ``setting`` on ``tab``'s page of the platform, safely.

        Returns what the step returns, or a reading saying why it could not.
        """
        with waits.using(self.options.waits):
            return await self._run(platform, setting, step, tab)

    async def _run(
        self, platform: Platform, setting: Setting, step: Callable[[Page], Awaitable[T]], tab: Tab
    ) -> T | Reading:
        name = platform.plugin.name
        generation = platform.generation
        reading = await self._once(platform, setting, step, tab)
        if isinstance(reading, Reading) and reading.state is State.NEEDS_LOGIN:
            async with platform.gate.alone():
                # Another page may have signed in (or been handed a session) meanwhile.
                again = platform.generation != generation or await self._signins.with_stored(name)
            problem = self._signins.problem(name)
            if again:
                reading = await self._once(platform, setting, step, tab)
            elif problem:
                state = State.ERROR if platform.sign_in_failed else reading.state
                reading = replace(reading, state=state, detail=problem)
        if isinstance(reading, Reading) and self._capturing.wanted(reading, setting):
            reading = await self._capturing.take(platform, setting, reading, tab)
        return reading

    async def _once(
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
                page = await tab.page(await self._contexts.context(platform))
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
                Sentence(
                    "{title} did not answer in time (limit {timeout:g} s a step); "
                    "check the network and try again.",
                    title=title,
                    timeout=self.options.timeout,
                ),
            )
        except PlaywrightError as exc:
            if self._browser.closed:
                raise EngineClosed("the engine is closed") from None
            return Reading(setting.id, State.ERROR, network_detail(title, exc))
        except EngineClosed:
            raise
        except Exception as exc:
            log.exception("the %s plugin failed on %s", platform.plugin.name, setting.id)
            return Reading(
                setting.id,
                State.ERROR,
                Sentence(
                    "The {title} plugin failed: {kind}: {exc}",
                    title=title,
                    kind=type(exc).__name__,
                    exc=str(exc),
                ),
            )


def network_detail(title: str, exc: Exception) -> str:
    """What a browser failure on ``title``'s page tells the user."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "net::ERR_" in first:
        code = first[first.index("net::ERR_") :].split()[0]
        return Sentence(
            "Could not reach {title} ({code}); check the network and try again.",
            title=title,
            code=code,
        )
    return Sentence("The browser failed on {title}: {first}", title=title, first=first)
