"""The sign that a page belongs to a signed-in account, never the setting's own control.

Some sites show their settings to visitors who are not signed in and keep a
visitor's choice in the browser (grok.com does): the setting's control is there, and
switching it even reads back, while the account is untouched. So a page's ``on`` or
``off`` counts only where the account itself shows: a session cookie whose name is
on record (:attr:`Plugin.session_cookies`), held for the page's address, or the
account menu only a signed-in page draws (:attr:`Plugin.signed_in_marker`) with no
"Sign in" or "Sign up" offered beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence
from automation.page.controls import normalise

if TYPE_CHECKING:
    from playwright.async_api import Page

    from automation.plugin import Plugin

#: What a page offers a visitor who is not signed in, as a link's or button's whole name.
SIGN_IN_OFFERS = (
    "Sign in",
    "Log in",
    "Login",
    "Sign up",
    "Sign up for free",
    "Log in or sign up",
    "Sign in or sign up",
    "Create account",
    "Join now",
)

_OFFERS = """
() => Array.from(document.querySelectorAll('a, button, [role="button"], [role="link"]'))
  .filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  })
  .map((el) => (el.getAttribute('aria-label') || el.innerText || '').trim())
  .filter((name) => name && name.length < 40)
"""


def declared(plugin: Plugin) -> bool:
    """Whether ``plugin`` names a sign of a signed-in account (a cookie or a mark)."""
    return bool(plugin.session_cookies or plugin.signed_in_marker)


async def sign(plugin: Plugin, page: Page, wait_ms: int = 0) -> str | None:
    """What on ``page`` shows a signed-in account, in words; None when nothing does.

    A session cookie on record, held for the page's address, is enough. Otherwise the
    account mark (:attr:`Plugin.signed_in_marker`) must be in the page, waited for up
    to ``wait_ms`` (a page draws its header after loading), with no link or button that
    offers to sign in or sign up shown beside it.
    """
    if plugin.session_cookies:
        urls = [page.url] if page.url.startswith("http") else []
        urls.append(plugin.origin)
        held = {c["name"] for c in await page.context.cookies(urls)}
        found = [name for name in plugin.session_cookies if name in held]
        # A cookie the site no longer honours leaves a page that offers to sign in.
        if found and not await offers_sign_in(page):
            return Sentence('the session cookie "{name}"', name=found[0])
    marker = plugin.signed_in_marker
    if not marker:
        return None
    mark = page.locator(marker)
    if wait_ms:
        try:
            await mark.first.wait_for(state="attached", timeout=wait_ms)
        except Exception as exc:
            from playwright.async_api import Error

            if not isinstance(exc, Error):
                raise
            return None
    elif not await mark.count():
        return None
    if await offers_sign_in(page):
        return None
    return Sentence("the account's own menu")


async def offers_sign_in(page: Page) -> bool:
    """Whether ``page`` shows a link or button that offers to sign in or sign up."""
    offered = {normalise(w) for w in SIGN_IN_OFFERS}
    names: list[str] = await page.evaluate(_OFFERS)
    return any(normalise(name) in offered for name in names)


def unproved(plugin: Plugin, setting: Setting, url: str) -> Reading:
    """The reading of a page that shows no signed-in account."""
    if not declared(plugin):
        why = Sentence("no sign of a signed-in {title} account is on record", title=plugin.title)
    else:
        why = Sentence("the page shows no signed-in account (no session, no account menu)")
    return Reading(
        setting.id,
        State.NEEDS_LOGIN,
        Sentence(
            "Not signed in to {title}: {why}. A page shown to visitors is not "
            "the account's, so its switch is not read as yours.",
            title=plugin.title,
            why=why,
        ),
        url=url,
    )


async def check(plugin: Plugin, page: Page, setting: Setting, wait_ms: int = 0) -> Reading | None:
    """None when ``page`` shows a signed-in account; else a ``needs_login`` reading."""
    if await sign(plugin, page, wait_ms) is not None:
        return None
    return unproved(plugin, setting, page.url)
