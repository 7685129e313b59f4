"""The installed `privacy-tui --demo`, in a real terminal (tmux), driven by keys."""

from __future__ import annotations

import os
import re
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


def start(
    tmp_path: Path,
    isolated_home: Path,
    size: tuple[int, int],
    *options: str,
    status_file: Path | None = None,
) -> tuple[Terminal, str]:
    """Run the installed `privacy-tui --demo` with ``options`` in a tmux terminal of ``size``.

    With ``status_file``, a shell runs the app and writes its exit status there: tmux
    may leave an ended pane's process unreaped (so without a status) for minutes.
    """
    if shutil.which("tmux") is None:
        pytest.fail("the end-to-end test needs tmux (apt-get install tmux)")
    beside = Path(sys.executable).with_name("privacy-tui")
    command = str(beside) if beside.exists() else shutil.which("privacy-tui")
    if command is None:
        pytest.fail("privacy-tui is not installed (pip install -e .)")
    marker = f"PRIVACY_TUI_E2E_{uuid.uuid4().hex}"
    name = f"e2e-{uuid.uuid4().hex[:8]}"
    env = {
        # The export's default folder is the home folder: the test's own.
        "HOME": str(tmp_path),
        "PLAYWRIGHT_BROWSERS_PATH": os.environ.get(
            "PLAYWRIGHT_BROWSERS_PATH", str(Path.home() / ".cache" / "ms-playwright")
        ),
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
        f"env -u COLUMNS -u LINES {exports} {shlex.quote(command)} --demo "
        + " ".join(map(shlex.quote, options))
    )
    if status_file is not None:
        script += f"; echo $? > {shlex.quote(str(status_file))}"
    width, height = size
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), script],
        check=True,
    )
    return Terminal(name), marker


@pytest.fixture
def terminal(chromium: str, tmp_path: Path, isolated_home: Path) -> Iterator[tuple[Terminal, str]]:
    term, marker = start(tmp_path, isolated_home, (140, 40))
    try:
        yield term, marker
    finally:
        if term.alive():
            subprocess.run(["tmux", "kill-session", "-t", term.name])


def quit_and_leave_nothing(term: Terminal, marker: str) -> None:
    """q ends the app, and no process it started is left behind."""
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


def test_demo_switch_export_and_quit(terminal: tuple[Terminal, str], tmp_path: Path) -> None:
    term, marker = terminal
    screen = term.wait_for(lambda s: "on ✗" in row(s, AI_ROW), "the AI row to read on")
    assert "LinkedIn" in screen and "settings as you want" in screen

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

    quit_and_leave_nothing(term, marker)
    assert os.path.exists(export)


#: The summary line once every setting has been read and nothing is being worked on.
ALL_READ = "by-hand steps marked done"


def footer(screen: str) -> str:
    """The bottom line: the footer with the keys."""
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def idle(screen: str) -> bool:
    """Nothing is being read or changed: no spinner, no progress bar."""
    return "%" not in screen and "checking" not in screen and "changing" not in screen


#: The settings of the walk at 80x24: its platforms' changes run side by side.
WALKED = (
    "linkedin.ai_training",
    "linkedin.research",
    "x",
    "chatgpt",
    "copilot",
    "discord",
    "slack",
    "whatsapp",
)


@pytest.fixture
def small_terminal(
    chromium: str, tmp_path: Path, isolated_home: Path
) -> Iterator[tuple[Terminal, str]]:
    # The person wants two settings on, unlike the preset, and leaves the rest as they
    # are; after the preset, the export carries the preset's wishes.
    config = isolated_home / "config" / "privacy-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[desired.linkedin]\nai_training = "on"\nresearch = "on"\n')
    # A part of the platforms, whose preset list is still longer than the 24-line
    # screen, with a step done by hand each from Slack and WhatsApp.
    term, marker = start(tmp_path, isolated_home, (80, 24), "--only", *WALKED)
    try:
        yield term, marker
    finally:
        if term.alive():
            subprocess.run(["tmux", "kill-session", "-t", term.name])


def test_walk_through_at_80x24(small_terminal: tuple[Terminal, str], tmp_path: Path) -> None:
    """At 80x24: a preset of every setting, confirmed after scrolling its list, undone,
    exported and quit; the export's [desired] is the preset's."""
    from automation import registry
    from automation.domain import wishes
    from automation.domain.presets import RECOMMENDED

    term, marker = small_terminal
    screen = term.wait_for(
        lambda s: (
            "on ✓" in row(s, AI_ROW)
            and re.search(r"\d+ of \d+ settings", s) is not None
            and idle(s)
        ),
        "every setting read, the AI row's state in sight (on, as wanted)",
        240,
    )
    assert ALL_READ in screen
    assert "? Help" in footer(screen) and "q Quit" in footer(screen)

    term.keys("p")
    term.wait_for(lambda s: "Apply a preset" in s and "⏎ Apply" in s, "the preset choice")
    term.keys("Enter")
    screen = term.wait_for(
        lambda s: "Preset recommended: change" in s and "y Change" in footer(s),
        "the list of changes, its keys in the footer",
    )
    assert "Change (y)" in screen and "Cancel (n)" in screen
    assert "PgDn" in footer(screen), "the footer offers scrolling the long list"
    # Scroll to the end of the list, page by page: the buttons stay in sight.
    for _ in range(10):
        term.keys("PageDown")
        time.sleep(0.3)
        screen = term.screen()
        assert "Change (y)" in screen
        if "Left alone" in screen or "Block AI training" in screen:
            break
    else:
        raise AssertionError(f"the end of the list never showed:\n{screen}")
    term.keys("y")
    screen = term.wait_for(
        lambda s: "changed and read back" in s and "off ✓" in row(s, AI_ROW),
        "the preset's changes read back",
        240,
    )

    # Undo: once the preset's work has ended no row is left busy, so u asks what to
    # put back.
    term.wait_for(lambda s: "working on" not in s, "the preset's work to end", 120)
    term.keys("u")
    term.wait_for(lambda s: "Undo" in s and "Change (y)" in s, "the undo question", 60)
    term.keys("End")
    time.sleep(0.5)
    assert "Change (y)" in term.screen()
    term.keys("y")
    # The whole undo ends before the export: q while changes run would ask first.
    term.wait_for(lambda s: "on ✗" in row(s, AI_ROW) and idle(s), "the undo", 240)

    term.keys("e")
    term.wait_for(lambda s: "Export the checklist" in s, "the export dialog")
    term.keys("Enter")
    export = tmp_path / "privacy-tui-export.toml"
    term.wait_for(lambda s: export.exists(), "the export file")
    data = tomllib.loads(export.read_text())
    quit_and_leave_nothing(term, marker)

    classes, _ = registry.load()
    recommended = {
        f"{c.name}.{s.key}": wishes.word(s, RECOMMENDED.value(s))
        for c in classes
        for s in c.settings
    }
    wanted = {
        f"{platform}.{key}": value
        for platform, table in data["desired"].items()
        for key, value in table.items()
    }
    assert wanted, "the export holds a [desired] table"
    # Undo put states back; what the person wants stays the preset's.
    differs = {k: v for k, v in wanted.items() if v != recommended[k.split("@")[0]]}
    assert differs == {}, differs
