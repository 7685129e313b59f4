"""Signing in through a platform's own sign-in form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .plugin import Wall

if TYPE_CHECKING:
    from playwright.async_api import Page

    from .plugin import Plugin
    from .secrets import Credentials


async def fill_login_form(plugin: Plugin, page: Page, credentials: Credentials) -> Wall | None:
    """Fill and submit ``plugin.login_form``; return what is still in the way, if anything."""
    form = plugin.login_form
    if form is None:
        return Wall("login", f"{plugin.title} cannot be signed in to with a password here.")
    await page.goto(plugin.url(form.path), wait_until="domcontentloaded")
    await page.locator(form.username).fill(credentials.username)
    await page.locator(form.password).fill(credentials.password)
    async with page.expect_navigation(wait_until="domcontentloaded"):
        await page.locator(form.submit).first.click()
    # The form still showing is the surest sign the password was refused, whatever
    # the URL now says.
    password = page.locator(form.password).first
    if await password.count() and await password.is_visible():
        # Leave no password typed into a page that stays open.
        await password.fill("")
        return Wall("login", f"{plugin.title} did not accept the stored username and password.")
    return plugin.wall(page.url)
