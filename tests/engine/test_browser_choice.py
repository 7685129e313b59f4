"""Which browser is launched: the configured one, a headless shell for headless work,
Playwright's, then the system's."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from automation.browser.launch import BrowserNotFound, find_browser, launch


def program(folder: Path, name: str, body: str = "exit 1") -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is the whole PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_headless_work_takes_the_headless_shell(bin_dir: Path) -> None:
    whole = program(bin_dir, "chromium")
    shell = program(bin_dir, "chromium-headless-shell")
    assert find_browser(None, None, headless=True) == str(shell)
    # A window needs the whole browser.
    assert find_browser(None, None, headless=False) == str(whole)
    assert find_browser(None, None) == str(whole)


def test_chrome_for_testings_shell_counts_too(bin_dir: Path) -> None:
    program(bin_dir, "google-chrome")
    shell = program(bin_dir, "chrome-headless-shell")
    assert find_browser(None, None, headless=True) == str(shell)


def test_the_shell_comes_before_playwrights_whole_browser(bin_dir: Path, tmp_path: Path) -> None:
    playwrights = program(tmp_path, "chrome")
    shell = program(bin_dir, "chromium-headless-shell")
    assert find_browser(None, str(playwrights), headless=True) == str(shell)
    assert find_browser(None, str(playwrights), headless=False) == str(playwrights)


def test_without_a_shell_headless_work_uses_the_whole_browser(bin_dir: Path) -> None:
    whole = program(bin_dir, "chromium")
    assert find_browser(None, None, headless=True) == str(whole)


def test_the_configured_browser_wins(bin_dir: Path, tmp_path: Path) -> None:
    program(bin_dir, "chromium-headless-shell")
    mine = program(tmp_path, "my-chrome")
    assert find_browser(str(mine), None, headless=True) == str(mine)


def test_a_shell_alone_does_not_open_a_window(bin_dir: Path) -> None:
    program(bin_dir, "chromium-headless-shell")
    with pytest.raises(BrowserNotFound, match=r"Only a headless Chromium .* cannot open a window"):
        find_browser(None, None, headless=False)
    assert find_browser(None, None, headless=True).endswith("chromium-headless-shell")


def whole_chromium() -> str | None:
    """This machine's whole browser, if it has one."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


WHOLE = whole_chromium()


async def headless_launch_reads() -> str:
    """Launch for headless work, read a page; the browser that was started."""
    running = await launch(None, headless=True, timeout=30)
    try:
        page = await running.browser.new_page()
        await page.set_content("<p id=x>read</p>")
        assert await page.text_content("#x") == "read"
        return running.executable
    finally:
        await running.close()


@pytest.mark.browser
@pytest.mark.skipif(WHOLE is None, reason="no whole Chromium on this machine")
async def test_a_shell_that_does_not_start_gives_way_to_the_whole_browser(bin_dir: Path) -> None:
    assert WHOLE is not None
    os.symlink(WHOLE, bin_dir / "chromium")
    program(bin_dir, "chromium-headless-shell")  # exits at once
    assert await headless_launch_reads() == str(bin_dir / "chromium")


SHELL = shutil.which("chromium-headless-shell") or shutil.which("chrome-headless-shell")


@pytest.mark.browser
@pytest.mark.skipif(SHELL is None, reason="no Chromium headless shell on this machine")
async def test_a_headless_launch_runs_the_shell(bin_dir: Path) -> None:
    """With a shell and a whole browser that would fail to start, a headless launch
    starts the shell and reads a page."""
    assert SHELL is not None
    os.symlink(os.path.realpath(SHELL), bin_dir / "chromium-headless-shell")
    program(bin_dir, "chromium")
    assert await headless_launch_reads() == str(bin_dir / "chromium-headless-shell")
