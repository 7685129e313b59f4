"""The commands that need no browser: list, history, and their output on a terminal or not."""

from __future__ import annotations

import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

from automation import registry
from automation.domain import events
from automation.domain.settings import FACTS, Reading, State
from automation.records.history import History, default_path
from tests.cli.test_cli import COMMAND, no_traceback, run
from tui.view import sure_marks

AI = "linkedin.ai_training"


def on_a_terminal_screen(*args: str, env: dict[str, str]) -> str:
    """Run the command with its stdout on a terminal; what it printed there."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([str(COMMAND), *args], stdout=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode()


def test_list_shows_every_setting_with_kind_and_values() -> None:
    done = run("list")
    assert done.returncode == 0, done.stderr
    table, legend = done.stdout.split("\n\n")
    lines = table.splitlines()
    assert lines[0].split() == ["SETTING", "KIND", "RECOMMENDED", "STRICT", "SURE", "LABEL"]
    plugins, _ = registry.load()
    settings = [s for cls in plugins for s in cls.settings]
    assert [line.split()[0] for line in lines[1:]] == [s.id for s in settings]
    assert lines[1].split()[1:4] == ["toggle", "off", "off"]
    # How sure the page, the control and the label are, one mark each.
    assert [line.split()[4] for line in lines[1:]] == [sure_marks(s) for s in settings]
    assert "✓ confirmed, ~ likely, ? a guess" in legend
    assert "\x1b[" not in done.stdout  # not a terminal: no colour


def test_list_marks_a_guess_and_a_confirmed_fact() -> None:
    """Through the command: LinkedIn's AI switch is on record, its partner page is not."""
    rows = {line.split()[0]: line.split()[4] for line in run("list").stdout.splitlines()[1:-2]}
    assert rows[AI][:2] == "✓✓"  # page and switch id recorded by public automation code
    assert "?" in rows["linkedin.profile_visibility_partners"]


def test_list_json_has_every_field() -> None:
    done = run("list", "--json")
    rows = json.loads(done.stdout)
    first = rows[0]
    assert first["id"] == AI and first["kind"] == "toggle"
    assert first["recommended"] == "off" and first["strict"] == "off"
    assert first["manual_steps"] and first["url"].endswith("data-for-ai-improvement")
    assert {"description", "notes", "source", "label", "platform", "key"} <= set(first)


def test_list_json_carries_every_setting_s_evidence() -> None:
    rows = {row["id"]: row for row in json.loads(run("list", "--json").stdout)}
    plugins, _ = registry.load()
    for setting in (s for cls in plugins for s in cls.settings):
        row = rows[setting.id]
        assert row["evidence"] == [
            {"fact": e.fact, "confidence": str(e.confidence), "source": e.source}
            for e in setting.evidence
        ]
        sure = {f: str(setting.sureness(f)) if setting.sureness(f) else None for f in FACTS}
        assert row["sure_of"] == sure
        assert row["guessed"] == list(dict.fromkeys(setting.guessed))
    first = rows[AI]
    assert first["sure_of"]["control"] == "confirmed" and first["guessed"] == []
    control = next(e for e in first["evidence"] if e["fact"] == "control")
    assert "allowDataForGenerativeAI" in control["source"]
    assert "brave/psst-component" in control["source"]


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\x1b[1m" in on_a_terminal_screen("list", env=env)
    plain = on_a_terminal_screen("list", env={**env, "NO_COLOR": "1"})
    assert "SETTING" in plain and "\x1b[" not in plain


def test_history_prints_what_was_recorded() -> None:
    history = History.open()
    origins = {"linkedin": "https://www.linkedin.com"}
    history.record(events.Read(Reading(AI, State.OFF, "Switch is off.")), origins)
    history.record(events.Read(Reading(AI, State.ON, "Switch is on.")), origins)
    history.close()
    done = run("history")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:3] == ["WHEN", "SETTING", "WHAT"]
    assert "switched back on since the reading before, not by privacy-tui" in lines[-1]
    assert json.loads(run("history", AI, "--json").stdout)[-1]["drift"] is True
    assert run("history", "linkedin.research").stdout.startswith("Nothing recorded for")


def test_history_refuses_what_it_cannot_show(tmp_path: Path) -> None:
    unknown = run("history", "linkedin.nope")
    assert unknown.returncode == 2 and "unknown setting id" in unknown.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_demo_is_taken_by_every_command_before_or_after_it(where: str) -> None:
    """--demo is no usage error anywhere; the demo keeps no history, and says so."""

    def demo_run(*command: str):
        args = ("--demo", *command) if where == "before" else (*command, "--demo")
        done = run(*args)
        assert "unrecognized arguments" not in done.stderr, done.stderr
        no_traceback(done)
        return done

    history = demo_run("history")
    assert history.returncode == 0 and "in memory" in history.stderr
    assert history.stdout == "Nothing recorded for the demo.\n"
    assert json.loads(demo_run("history", "--json").stdout) == []
    undo = demo_run("undo")
    assert undo.returncode == 0 and undo.stdout.startswith("Nothing to undo")
    listing = demo_run("list")
    assert listing.returncode == 0 and listing.stdout.startswith("SETTING")
    for command in (("check", "--help"), ("apply", "--help"), ("export", "--help")):
        assert "--demo" in run(*command).stdout


@pytest.mark.parametrize("command", [("history",), ("check", "--only", AI)])
def test_a_damaged_history_is_a_clear_error_and_is_kept(command: tuple[str, ...]) -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database" * 50)
    done = run(*command)
    assert done.returncode == 2
    assert str(path) in done.stderr and "move it away" in done.stderr
    assert path.read_bytes() == b"not a database" * 50
    no_traceback(done)


def test_history_limit_must_be_a_count() -> None:
    done = run("history", "--limit", "-1")
    assert done.returncode == 2 and "--limit" in done.stderr
