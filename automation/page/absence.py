"""What a page that lacks the setting's control tells: a sign-in it fell back to, a
notice that the setting is not offered, or only that the control is missing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence

if TYPE_CHECKING:
    from playwright.async_api import Page

    from automation.plugin import Plugin


#: Words a page uses to say a setting is not offered to this account (region, age,
#: account type), in the languages the plugins know.
NOT_OFFERED = re.compile(
    r"\b(?:not|isn['\u2019]t|aren['\u2019]t) (?:currently |yet )?(?:available|offered|eligible)\b"
    r"|\bunavailable (?:in|for) (?:your|this)\b"
    r"|ご利用いただけません|利用できません",
    re.I,
)


async def missing(plugin: Plugin, page: Page, setting: Setting, what: str) -> Reading:
    """What a page that lacks the control tells, most telling first.

    A wall a page script moved on to, or a sign-in form served at the settings
    address itself, reads ``needs_login``; a page without the plugin's signed-in
    marker reads ``needs_login`` too. A page that says the setting is not offered
    reads ``unavailable``. Anything else is ``unknown``, saying ``what`` is missing.
    """
    wall = plugin.wall(page.url)
    if wall is not None:
        return Reading(setting.id, State.NEEDS_LOGIN, wall.detail, url=page.url)
    if await _shown(page, 'input[type="password"]'):
        return Reading(
            setting.id,
            State.NEEDS_LOGIN,
            Sentence(
                "Not signed in to {title}: the settings address showed a sign-in form.",
                title=plugin.title,
            ),
            url=page.url,
        )
    if plugin.signed_in_marker and not await _present(page, plugin.signed_in_marker):
        return Reading(
            setting.id,
            State.NEEDS_LOGIN,
            Sentence(
                "Not signed in to {title}: the page has none of a signed-in account's marks.",
                title=plugin.title,
            ),
            url=page.url,
        )
    said = await _page_says(page, NOT_OFFERED)
    if said:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            Sentence(
                '{title} does not offer this setting to this account; the page says: "{said}"',
                title=plugin.title,
                said=said,
            ),
            url=page.url,
        )
    return Reading(
        setting.id,
        State.UNKNOWN,
        Sentence("{what}; {title} may have changed the page.", what=what, title=plugin.title),
        url=page.url,
    )


async def _shown(page: Page, selector: str) -> bool:
    found = page.locator(selector)
    try:
        return bool(await found.count()) and await found.first.is_visible()
    except Exception as exc:
        if is_playwright_error(exc):
            return False
        raise


async def _present(page: Page, selector: str) -> bool:
    try:
        return bool(await page.locator(selector).count())
    except Exception as exc:
        if is_playwright_error(exc):
            return False
        raise


async def _page_says(page: Page, pattern: re.Pattern[str]) -> str | None:
    """The sentence of the page's text that matches ``pattern``, shortened; or None."""
    try:
        text = await page.locator("body").inner_text(timeout=2_000)
    except Exception as exc:
        if is_playwright_error(exc):
            return None
        raise
    for line in text.splitlines():
        if pattern.search(line):
            line = " ".join(line.split())
            return line if len(line) <= 160 else line[:157] + "..."
    return None


def is_playwright_error(exc: BaseException) -> bool:
    from playwright.async_api import Error

    return isinstance(exc, Error)


def is_timeout(exc: BaseException) -> bool:
    """True for Playwright's timeout: the awaited element or response never came."""
    from playwright.async_api import TimeoutError

    return isinstance(exc, TimeoutError)
