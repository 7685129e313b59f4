"""Signing in by hand in a visible browser window.

This is the route that survives two-step checks and captchas: a person signs in on
the platform's own page, in a headed Chromium of its own, and the session it ends
with is handed back. The window opens at the sign-in page; after every page change
the session is tried on the plugin's signed-in page (fetched with the window's own
cookies, so the window is not moved). The window closes once that succeeds, when
the person closes it, or after a time limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from automation.accounts.sessions import StorageState
from automation.browser.launch import launch
from automation.language import Sentence

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.async_api import BrowserContext, Page

    from automation.plugin import Plugin


class Options(Protocol):
    """What the window takes of the engine's options
    (:class:`automation.engine.options.Options` is one)."""

    @property
    def executable(self) -> str | None: ...

    @property
    def timeout(self) -> float: ...

    @property
    def log_path(self) -> Path | None: ...


#: How long the window waits for a person to sign in (seconds).
GIVE_UP_AFTER = 15 * 60


class NoDisplay(Exception):
    """No window can be opened here; the message says why and what else to do."""


@dataclass
class WindowSignIn:
    """How signing in in a window ended: a session, or why there is none."""

    state: StorageState | None = field(repr=False)
    detail: str

    @property
    def signed_in(self) -> bool:
        return self.state is not None


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no browser window can open on this machine, or ``None`` when one can.

    On Linux and the BSDs a window needs an X or Wayland display; macOS and Windows
    always have one.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("darwin", "win32", "cygwin")):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return Sentence(
        "No display here ($DISPLAY and $WAYLAND_DISPLAY are not set), so no browser "
        "window can open."
    )


async def sign_in_in_window(
    plugin: Plugin,
    options: Options,
    *,
    opened: Callable[[], None] | None = None,
    give_up_after: float = GIVE_UP_AFTER,
    browser_args: Sequence[str] = (),
) -> WindowSignIn:
    """Open a headed Chromium at ``plugin``'s sign-in page and wait for a signed-in account.

    ``opened`` is called once the page is showing. ``browser_args`` are extra
    Chromium flags. Raises :class:`NoDisplay` when no window can open here and
    :class:`~automation.browser.launch.BrowserError` when no browser starts. Cancelling the
    call closes the window.
    """
    problem = display_problem()
    if problem is not None:
        raise NoDisplay(problem)
    running = await launch(
        options.executable,
        headless=False,
        timeout=options.timeout,
        log_path=options.log_path,
        args=browser_args,
    )
    try:
        context = await running.browser.new_context(no_viewport=True)
        return await _wait_for_sign_in(plugin, context, opened, give_up_after, options)
    finally:
        await running.close()


async def _wait_for_sign_in(
    plugin: Plugin,
    context: BrowserContext,
    opened: Callable[[], None] | None,
    give_up_after: float,
    options: Options,
) -> WindowSignIn:
    changes: asyncio.Queue[str | None] = asyncio.Queue()
    open_pages: set[Page] = set()

    def closed(page: Page) -> None:
        open_pages.discard(page)
        if not open_pages:
            changes.put_nowait(None)  # no window left: the person gave up

    def watch(page: Page) -> None:
        if page in open_pages:
            return
        open_pages.add(page)
        page.on(
            "framenavigated",
            lambda frame: changes.put_nowait(frame.url) if frame is page.main_frame else None,
        )
        page.on("close", closed)

    context.on("page", watch)
    context.on("close", lambda _: changes.put_nowait(None))
    page = await context.new_page()
    watch(page)
    await page.goto(plugin.sign_in_url(), wait_until="domcontentloaded")
    if opened is not None:
        opened()
    # The page code is imported once a window is open: the checklist's first frame,
    # which imports this module, needs none of it.
    from automation.accounts import signin

    loop = asyncio.get_running_loop()
    deadline = loop.time() + give_up_after
    url: str | None = page.url
    # asyncio.timeout rather than wait_for: on Python 3.11 wait_for can swallow a
    # cancellation that arrives as its inner step finishes, leaving the window open.
    while True:
        if url is not None and plugin.on_origin(url) and plugin.wall(url) is None:
            with contextlib.suppress(Exception):  # a window closing mid-check is no error
                async with asyncio.timeout(options.timeout):
                    if await signin.is_signed_in(plugin, context):
                        state = await context.storage_state()
                        return WindowSignIn(state, Sentence("Signed in."))
        try:
            async with asyncio.timeout_at(deadline):
                url = await changes.get()
        except TimeoutError:
            minutes = round(give_up_after / 60)
            return WindowSignIn(
                None,
                Sentence.plural(
                    "Not signed in to {title} within {n} minute.",
                    "Not signed in to {title} within {n} minutes.",
                    minutes,
                    title=plugin.title,
                ),
            )
        if url is None:
            return WindowSignIn(
                None,
                Sentence("The window was closed before signing in to {title}.", title=plugin.title),
            )
