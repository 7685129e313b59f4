"""Signing in by hand in a visible browser window.

The window tests run a headed Chromium on a virtual X display (Xvfb) and are skipped
where Xvfb is not installed (`scripts/setup.sh --test` installs it). The person at
the window is played by the test, through a second connection to the same browser
(Chrome's DevTools protocol on a loopback port): it types into the real sign-in and
verification pages, exactly as a person would.
"""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest
from playwright.async_api import async_playwright

from automation.accounts.sessions import MemorySessions
from automation.accounts.window import NoDisplay, WindowSignIn, display_problem, sign_in_in_window
from automation.domain.settings import State
from automation.engine.core import Engine, Options
from automation.plugins.linkedin import LinkedIn
from automation.replicas import ReplicaServer
from tests.processes import browsers_below
from tests.xvfb import xvfb  # noqa: F401 (a fixture)

AI = "linkedin.ai_training"
USER, PASSWORD, CODE = "window@example.com", "pw-typed-in-the-window", "135790"


def test_a_window_needs_a_display_on_linux() -> None:
    assert "$DISPLAY" in (display_problem({}, "linux") or "")
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "darwin") is None
    assert display_problem({}, "win32") is None


async def test_no_display_is_said_before_any_browser_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    if display_problem() is None:
        pytest.skip("this system always has a display")
    # A browser that does not exist: reaching the launch would be a different error.
    options = Options(executable=str(tmp_path / "no-such-browser"))
    with pytest.raises(NoDisplay, match="no browser window can open"):
        await sign_in_in_window(LinkedIn("http://127.0.0.1:9"), options)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def open_window(
    plugin: LinkedIn, chromium: str, tmp_path: Path
) -> tuple[asyncio.Task[WindowSignIn], int]:
    """Start signing in in a window; return the running call and its DevTools port."""
    port = free_port()
    opened = asyncio.Event()
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "window.log")
    task = asyncio.ensure_future(
        sign_in_in_window(
            plugin, options, opened=opened.set, browser_args=[f"--remote-debugging-port={port}"]
        )
    )
    waiting = asyncio.ensure_future(opened.wait())
    await asyncio.wait([task, waiting], timeout=60, return_when=asyncio.FIRST_COMPLETED)
    if not opened.is_set():
        waiting.cancel()
        raise AssertionError(f"the window did not open: {task.result() if task.done() else ''}")
    return task, port


@pytest.mark.browser
@pytest.mark.usefixtures("xvfb")
async def test_signing_in_in_the_window_hands_back_that_session(
    chromium: str, replica: ReplicaServer, linkedin: LinkedIn, tmp_path: Path
) -> None:
    """A person signs in, code and all, in the window; the session read afterwards is theirs."""
    site = replica.sites["linkedin"]
    site.add_account(USER, PASSWORD, verification_code=CODE)
    site.account(USER).settings["ai_training"] = False
    task, port = await open_window(linkedin, chromium, tmp_path)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
        [page] = [p for c in browser.contexts for p in c.pages if p.url.endswith("/login")]
        await page.fill("#username", USER)
        await page.fill("#password", PASSWORD)
        await page.click('button[type="submit"]')
        await page.wait_for_url("**/checkpoint/challenge/**")
        assert not task.done(), "a verification page is not a signed-in account"
        await page.fill('input[name="pin"]', CODE)
        # The window closes as soon as the account is signed in: do not wait on it.
        await page.click("#email-pin-submit-button", no_wait_after=True)
        result = await asyncio.wait_for(task, 60)

    assert result.signed_in, result.detail
    assert result.state is not None
    [cookie] = [c for c in result.state["cookies"] if c["name"] == "li_at"]
    assert site.session_tokens(USER) == [cookie["value"]]
    assert cookie["value"] not in repr(result)

    # The engine, given that session, reads the account's real value.
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "engine.log")
    engine = Engine([LinkedIn(linkedin.origin)], options, sessions=MemorySessions())
    try:
        await engine.use_session("linkedin", result.state)
        [reading] = await engine.check([AI])
    finally:
        await asyncio.wait_for(engine.close(), 30)
    assert reading.state is State.OFF


@pytest.mark.browser
@pytest.mark.usefixtures("xvfb")
async def test_closing_the_window_gives_up(
    chromium: str, replica: ReplicaServer, linkedin: LinkedIn, tmp_path: Path
) -> None:
    # Browsers other tests in this process keep open are not this window's.
    others = set(browsers_below())
    task, port = await open_window(linkedin, chromium, tmp_path)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
        [page] = [p for c in browser.contexts for p in c.pages if p.url.endswith("/login")]
        await page.close()
        result = await asyncio.wait_for(task, 60)
    assert not result.signed_in
    assert "window was closed" in result.detail
    assert replica.sites["linkedin"].sign_ins == []
    assert set(browsers_below()) <= others


@pytest.mark.browser
@pytest.mark.usefixtures("xvfb")
async def test_cancelling_closes_the_window(
    chromium: str, linkedin: LinkedIn, tmp_path: Path
) -> None:
    """Quitting the app while the window waits leaves no browser behind."""
    others = set(browsers_below())
    task, _ = await open_window(linkedin, chromium, tmp_path)
    assert set(browsers_below()) - others, "the scan should see the open window"
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert set(browsers_below()) <= others
