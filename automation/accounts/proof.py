"""Proving a session is signed in, by the account's own sign, never by the setting's
control: some sites show their settings to visitors too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from automation.browser import light
from automation.page import account, waits

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext

    from automation.plugin import Plugin


async def is_signed_in(plugin: Plugin, context: BrowserContext) -> bool:
    """Whether ``context``'s session is signed in, proved by the account's own sign.

    A session cookie on record must be held and :meth:`Plugin.signed_in_url` reached
    without a wall; a platform known by its account menu instead must show it there.
    The setting's own control proves nothing: some sites show it to visitors too.
    """
    if plugin.session_cookies:
        held = {c["name"] for c in await context.cookies(plugin.origin)}
        if held & set(plugin.session_cookies):
            return await reaches_signed_in_page(plugin, context)
        if not plugin.signed_in_marker:
            return False
    if not plugin.signed_in_marker:
        return False
    return await shows_signed_in_page(plugin, context)


async def shows_signed_in_page(plugin: Plugin, context: BrowserContext) -> bool:
    """Whether :meth:`Plugin.signed_in_url`, opened with ``context``'s session in a
    context of its own (so no open window is moved), shows the account's own mark
    (:attr:`Plugin.signed_in_marker`) with no offer to sign in beside it."""
    browser = context.browser
    if browser is None:
        return await reaches_signed_in_page(plugin, context)
    probe = await light.context_like(context, await context.storage_state())
    try:
        page = await probe.new_page()
        await page.goto(plugin.signed_in_url(), wait_until="domcontentloaded")
        if plugin.wall(page.url) is not None:
            return False
        return await account.sign(plugin, page, waits.current().control_ms) is not None
    finally:
        await probe.close()


async def reaches_signed_in_page(plugin: Plugin, context: BrowserContext) -> bool:
    """Whether ``plugin.signed_in_url()``, opened with the context's cookies, stays on it.

    It is opened in a browser context of its own where there is a browser (so no open
    window is moved, and a host the browser itself resolves, such as a name under
    ``localhost``, is reached), else fetched.
    """
    url = plugin.signed_in_url()
    browser = context.browser
    if browser is not None:
        probe = await light.context_like(context, await context.storage_state())
        try:
            page = await probe.new_page()
            await page.goto(url, wait_until="domcontentloaded")
            final = page.url
            # A page served to visitors too (grok.com) offers to sign in.
            if await account.offers_sign_in(page):
                return False
        finally:
            await probe.close()
    else:
        response = await context.request.get(url)
        try:
            final = response.url
        finally:
            await response.dispose()
    return plugin.on_origin(final) and plugin.wall(final) is None and plugin.landed(url, final)
