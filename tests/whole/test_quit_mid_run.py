"""Quitting the installed `privacy-tui --demo` while a preset runs, in a real terminal (tmux)."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from automation.plugins.linkedin import LinkedIn
from tests.processes import with_env
from tests.whole.test_e2e import Terminal, idle, start

pytestmark = [pytest.mark.browser, pytest.mark.e2e]


@pytest.fixture
def kept_terminal(
    chromium: str, tmp_path: Path, isolated_home: Path
) -> Iterator[tuple[Terminal, str]]:
    """The demo in a 140x45 terminal that stays on screen after the app ends, so what
    it prints on the way out can be read."""
    # A dozen of LinkedIn's settings: changes enough to quit in the middle of.
    twelve = [s.id for s in LinkedIn.settings[:12]]
    term, marker = start(
        tmp_path, isolated_home, (140, 45), "--only", *twelve, status_file=tmp_path / "status"
    )
    subprocess.run(["tmux", "set-option", "-t", term.name, "remain-on-exit", "on"], check=True)
    try:
        yield term, marker
    finally:
        if term.alive():
            subprocess.run(["tmux", "kill-session", "-t", term.name])


def test_q_during_a_preset_asks_then_says_what_was_done(
    kept_terminal: tuple[Terminal, str], tmp_path: Path
) -> None:
    term, marker = kept_terminal
    term.wait_for(
        lambda s: re.search(r"\d+ of \d+ settings", s) is not None and idle(s),
        "every setting read",
        240,
    )
    term.keys("p")
    term.wait_for(lambda s: "Apply a preset" in s, "the preset choice")
    term.keys("Enter")
    term.wait_for(lambda s: "Preset recommended: change" in s, "the list of changes", 120)
    term.keys("y")
    screen = term.wait_for(
        lambda s: re.search(r"changing ([3-9]|\d\d+) of \d+", s) is not None,
        "the third change",
        120,
    )
    assert "%" in screen, "the progress bar is on screen"

    term.keys("q")
    screen = term.wait_for(lambda s: "Quit anyway?" in s, "the question", 30)
    asked = re.search(r"(\d+) of (\d+) changes made, 1 under way\. Quit anyway\?", screen)
    assert asked, screen
    total = int(asked.group(2))
    term.keys("y")
    status_file = tmp_path / "status"
    term.wait_for(
        lambda s: status_file.exists() and status_file.read_text().strip() != "",
        "the app to end after the change",
        120,
    )
    # What it printed, with the lines scrolled above the pane.
    screen = subprocess.run(
        ["tmux", "capture-pane", "-p", "-S", "-200", "-t", term.name],
        capture_output=True,
        text=True,
    ).stdout
    assert status_file.read_text().strip() == "0", screen
    told = " ".join(screen.split())
    said = re.search(
        r"Preset recommended, stopped when you quit: (\d+) changed and read back, "
        r"(\d+) not started",
        told,
    )
    assert said, screen
    made, left = int(said.group(1)), int(said.group(2))
    assert made >= 3 and left >= 1
    assert made + left == total
    assert told.count("(read back)") == made
    assert "LinkedIn · Data for Generative AI Improvement: on → off (read back)" in told
    assert "This was the demo" in told
    deadline = time.monotonic() + 10
    while with_env(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert with_env(marker) == [], "processes left running after quitting"
