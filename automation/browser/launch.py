"""Finding a Chromium and starting it: the one place a browser is launched.

The engine's headless browser and the visible sign-in window both start through
:func:`launch`, so they find the same browser, pass the same flags and keep
Playwright's driver off a broken ``stderr`` the same way.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from automation.files.private import open_log
from automation.language import Sentence

if TYPE_CHECKING:
    from playwright.async_api import Browser, Playwright

log = logging.getLogger("privacy_tui.browser")

#: Flags that keep Chromium quiet on the network and fast to start.
CHROMIUM_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-quic",
)

#: Chromium built for headless work alone (Debian's ``chromium-headless-shell``, Chrome
#: for Testing's ``chrome-headless-shell``): the same engine without a window's code,
#: and a fraction of the CPU for each page. Playwright itself reads headless with one.
HEADLESS_NAMES = ("chromium-headless-shell", "chrome-headless-shell")
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SYSTEM_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
)

#: The ways to get a browser, one a line.
WAYS = Sentence(
    "  Debian/Ubuntu:  sudo apt-get install chromium\n"
    "  macOS:          install Google Chrome, or `brew install --cask chromium`\n"
    "  with internet:  playwright install chromium\n"
    'or point the config at one: [browser] executable = "/path/to/chrome"'
)
HOW_TO_GET_ONE = Sentence(
    "No Chromium or Chrome browser was found. Install one, then try again:\n{ways}", ways=WAYS
)


class BrowserError(Exception):
    """The browser cannot be used; the message says why and what to do."""


class BrowserNotFound(BrowserError):
    """No usable browser; the message says how to get one."""


def find_browser(
    configured: str | None, playwright_path: str | None, *, headless: bool = False
) -> str:
    """The browser to launch: the configured one, a headless shell for ``headless``
    work, Playwright's, or the system's.

    ``playwright_path`` is where Playwright's own Chromium would be
    (``playwright.chromium.executable_path``); it counts only if it is there. A
    headless shell on ``PATH`` comes first for headless work: it reads the same pages
    for much less CPU. A window (signing in) needs a whole browser.

    Raises :class:`BrowserNotFound` with instructions when there is none.
    """
    if configured:
        path = Path(configured).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
        raise BrowserNotFound(
            Sentence(
                "The browser set in the config ([browser] executable = {configured}) "
                "does not exist or cannot be run.",
                configured=repr(configured),
            )
        )
    for name in HEADLESS_NAMES if headless else ():
        found = shutil.which(name)
        if found:
            return found
    if playwright_path and os.access(playwright_path, os.X_OK):
        return playwright_path
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for candidate in SYSTEM_PATHS:
        if os.access(candidate, os.X_OK):
            return candidate
    shells = [found for name in HEADLESS_NAMES if (found := shutil.which(name))]
    if shells:
        raise BrowserNotFound(
            Sentence(
                "Only a headless Chromium ({shell}) was found, which cannot open a "
                "window. Install the whole browser, then try again:\n{ways}",
                shell=shells[0],
                ways=WAYS,
            )
        )
    raise BrowserNotFound(HOW_TO_GET_ONE)


def _whole_browser(playwright_path: str | None) -> str | None:
    """The whole browser :func:`find_browser` would pick for a window, if any."""
    try:
        return find_browser(None, playwright_path, headless=False)
    except BrowserNotFound:
        return None


@contextlib.contextmanager
def stderr_to(log: IO[str]) -> Iterator[None]:
    """Point ``sys.stderr`` at a real file (and hide ``DEBUG``) while Playwright starts.

    Playwright gives ``sys.stderr.fileno()`` to its driver process. Inside a
    running Textual app that is -1, which asyncio takes as "make a pipe" that
    nobody then reads: the driver stalls once the pipe fills. A log file is a
    descriptor that always works.
    """
    saved = sys.stderr
    # Playwright's driver logs every call, typed passwords included, when DEBUG asks
    # it to; it reads the variable when it starts, so keep it from the driver.
    debug = {name: os.environ.pop(name) for name in ("DEBUG", "DEBUG_FILE") if name in os.environ}
    sys.stderr = log
    try:
        yield
    finally:
        sys.stderr = saved
        os.environ.update(debug)


@dataclass
class Running:
    """A started Playwright and the browser it launched; :meth:`close` ends both."""

    playwright: Playwright
    browser: Browser
    executable: str
    log: IO[str]

    async def close(self) -> None:
        """Close the browser, stop Playwright and close the driver's log; never raises."""
        try:
            await self.browser.close()
        except Exception:
            log.debug("closing the browser failed", exc_info=True)
        try:
            await self.playwright.stop()
        except Exception:
            log.debug("stopping Playwright failed", exc_info=True)
        self.log.close()


async def launch(
    executable: str | None,
    *,
    headless: bool = True,
    timeout: float = 30.0,
    log_path: Path | None = None,
    args: Sequence[str] = (),
) -> Running:
    """Start Playwright and launch the browser :func:`find_browser` picks.

    ``executable`` is the configured browser, if any; ``timeout`` is in seconds;
    ``args`` are Chromium flags besides :data:`CHROMIUM_ARGS`. Playwright's driver
    writes its own messages to ``log_path`` (owner-only), or nowhere without one.
    Raises :class:`BrowserError` (or :class:`BrowserNotFound`) with a message for the
    user; nothing is left running then.
    """
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    driver_log = open_log(log_path)
    try:
        with stderr_to(driver_log):
            playwright = await async_playwright().start()
    except BaseException:
        driver_log.close()
        raise
    path = executable or "the browser"
    try:
        found = playwright.chromium.executable_path
        path = find_browser(executable, found, headless=headless)

        async def start(path: str) -> Browser:
            return await playwright.chromium.launch(
                executable_path=path,
                headless=headless,
                args=[*CHROMIUM_ARGS, *args],
                timeout=timeout * 1000,
            )

        try:
            browser = await start(path)
        except PlaywrightError as exc:
            # A headless shell that does not start (too old for this Playwright, say)
            # should not stop a check that the whole browser can do.
            whole = _whole_browser(found) if Path(path).name in HEADLESS_NAMES else None
            if whole is None:
                raise
            log.warning("launching %s failed (%s); trying %s", path, exc, whole)
            path = whole
            browser = await start(path)
    except BaseException as exc:
        await playwright.stop()
        driver_log.close()
        if not isinstance(exc, PlaywrightError):
            raise
        first: str = (
            str(exc).strip().splitlines()[0] if str(exc).strip() else Sentence("no reason given")
        )
        first = first if len(first) <= 160 else first[:157] + "…"
        log.error("launching %s failed: %s", path, exc)
        raise BrowserError(
            Sentence("The browser {path} could not be started: {why}", path=path, why=first)
        ) from None
    log.info("browser started: %s", path)
    return Running(playwright, browser, path, driver_log)
