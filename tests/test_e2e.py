"""The installed `privacy-tui --demo`, in a real terminal (tmux), driven by keys."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.processes import with_env

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

AI_ROW = "Data for Generative AI Improvement"


class Terminal:
    """One tmux session running one command."""

    def __init__(self, name: str) -> None:
        self.name = name

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        done = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return done.stdout

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name]).returncode == 0

    def wait_for(self, what: Callable[[str], bool], why: str, limit: float = 120) -> str:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            screen = self.screen()
            if what(screen):
                return screen
            time.sleep(0.2)
        size = subprocess.run(
            ["tmux", "display", "-p", "-t", self.name, "#{window_width}x#{window_height}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        raise AssertionError(
            f"waited {limit:g} s for {why}; the {size} screen shows:\n{self.screen()}"
        )


def row(screen: str, label: str) -> str:
    """The checklist's line for ``label`` (the left pane, not the detail pane's title)."""
    lines = (line.split("││")[0] for line in screen.splitlines())
    return next((line for line in lines if label in line), "")


@pytest.fixture
def terminal(chromium: str, tmp_path: Path, isolated_home: Path) -> Iterator[tuple[Terminal, str]]:
    if shutil.which("tmux") is None:
        pytest.fail("the end-to-end test needs tmux (apt-get install tmux)")
    beside = Path(sys.executable).with_name("privacy-tui")
    command = str(beside) if beside.exists() else shutil.which("privacy-tui")
    if command is None:
        pytest.fail("privacy-tui is not installed (pip install -e .)")
    marker = f"PRIVACY_TUI_E2E_{uuid.uuid4().hex}"
    name = f"e2e-{uuid.uuid4().hex[:8]}"
    env = {
        "XDG_CONFIG_HOME": str(isolated_home / "config"),
        "XDG_STATE_HOME": str(isolated_home / "state"),
        "XDG_DATA_HOME": str(isolated_home / "data"),
        marker: "1",
    }
    # Textual sizes itself from COLUMNS and LINES when they are set (test runners
    # set them); the terminal's own size is what a person would see.
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    script = (
        f"cd {shlex.quote(str(tmp_path))} && "
        f"env -u COLUMNS -u LINES {exports} {shlex.quote(command)} --demo"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "140", "-y", "40", script], check=True
    )
    term = Terminal(name)
    try:
        yield term, marker
    finally:
        if term.alive():
            subprocess.run(["tmux", "kill-session", "-t", name])


def test_demo_switch_export_and_quit(terminal: tuple[Terminal, str], tmp_path: Path) -> None:
    term, marker = terminal
    screen = term.wait_for(lambda s: "on ✗" in row(s, AI_ROW), "the AI row to read on")
    assert "LinkedIn" in screen and "settings as recommended" in screen

    term.keys("Space")
    term.wait_for(lambda s: "Switch off (y)" in s, "the confirmation")
    term.keys("y")
    term.wait_for(lambda s: "off ✓" in row(s, AI_ROW), "the AI row to read off")

    term.keys("e")
    term.wait_for(lambda s: "Export the checklist" in s, "the export dialog")
    term.keys("Enter")
    export = tmp_path / "privacy-tui-export.toml"
    term.wait_for(lambda s: export.exists(), "the export file")
    data = tomllib.loads(export.read_text())
    assert data["desired"]["linkedin"]["ai_training"] == "off"
    assert data["results"]["linkedin"]["ai_training"]["state"] == "off"
    assert data["results"]["linkedin"]["research"]["state"] == "on"

    assert with_env(marker), "the app's processes should carry the marker while it runs"
    term.keys("q")
    deadline = time.monotonic() + 30
    said = False  # closing Chromium takes a moment; the status line says so meanwhile
    while term.alive() and time.monotonic() < deadline:
        said = said or "closing the browser…" in term.screen()
        time.sleep(0.05)
    assert not term.alive(), "q did not end the app"
    assert said, "the screen never said it was closing the browser"
    deadline = time.monotonic() + 10
    while with_env(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = with_env(marker)
    assert left == [], f"processes left running after quitting: {left}"
    assert os.path.exists(export)
