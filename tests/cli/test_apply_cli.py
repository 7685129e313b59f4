"""`apply`, `undo`, `check`, `export`, `list` and `history`.

The replica runs in the test process, so the test reads and changes the account's
state on the server directly; the command (run in this process, or in one of its own
where a terminal or Ctrl-C is the point) reaches it through a config that points
LinkedIn at it and signs in with credentials from a keyring file.
"""

from __future__ import annotations

import json
import os
import pty
import signal
import sqlite3
import subprocess
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from keyring import set_keyring

from automation.records.history import History, default_path
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer
from automation.replicas.server import Account
from tests.cli.test_cli import COMMAND, no_traceback, run
from tests.engine.test_apply import BreaksAfterSaving
from tests.engine.test_history import damaged_in_the_middle
from tests.file_keyring import ENV as KEYRING_FILE
from tests.file_keyring import FileKeyring
from tests.paths import ROOT

AI = "linkedin.ai_training"
RESEARCH = "linkedin.research"


@dataclass
class Site:
    config: Path
    account: Account
    replica: ReplicaServer

    @property
    def saves(self) -> list[tuple[str, str, bool]]:
        return self.replica.sites["linkedin"].saves

    def state(self) -> dict[str, bool]:
        return dict(self.account.settings)


@pytest.fixture
def site(replica: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """A config on the in-test replica, wanting AI training and research off."""
    keyring = tmp_path / "keyring.json"
    entry = json.dumps({"username": DEMO_USERNAME, "password": DEMO_PASSWORD})
    keyring.write_text(json.dumps({"privacy-tui/linkedin": entry}))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.file_keyring.FileKeyring")
    monkeypatch.setenv(KEYRING_FILE, str(keyring))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    # The commands run in this process read the same file.
    set_keyring(FileKeyring())  # the memory keyring's fixture puts back the one before
    config = tmp_path / "config.toml"
    config.write_text(
        f'[platforms.linkedin]\norigin = "{replica.origins["linkedin"]}"\n\n'
        '[desired.linkedin]\nai_training = "off"\nresearch = "off"\n'
    )
    return Site(config, replica.sites["linkedin"].account(DEMO_USERNAME), replica)


def on_a_terminal(*args: str, answer: str) -> tuple[int, str]:
    """Run the command with a terminal on stdin, type ``answer``; exit status and stdout."""
    leader, follower = pty.openpty()
    try:
        os.write(leader, answer.encode() + b"\n")
        done = subprocess.run(
            [str(COMMAND), *args], stdin=follower, capture_output=True, text=True, timeout=120
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout


def table_rows(stdout: str) -> dict[str, str]:
    """Table lines by the setting id on them."""
    rows = {}
    for line in stdout.splitlines()[1:]:
        ids = [cell for cell in line.split() if cell.startswith("linkedin.")]
        if ids:
            rows[ids[0]] = line
    return rows


pytestmark = pytest.mark.browser


def test_no_terminal_and_no_yes_changes_nothing(site: Site) -> None:
    done = run("apply", "--config", str(site.config))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "no terminal to ask on" in done.stderr and "--yes" in done.stderr
    assert table_rows(done.stdout)[AI].startswith("not changed")
    assert site.saves == [] and site.state()["ai_training"] is True
    no_traceback(done)


def test_a_change_whose_read_back_fails_says_so(site: Site) -> None:
    """The site keeps the change, then answers HTTP 500: apply says it could not read it
    back, never that the read-back disagreed, and exits 3 (not read)."""
    site.replica.sites["linkedin"].saves = BreaksAfterSaving(site.account, "ai_training")
    done = run("apply", "--config", str(site.config), "--only", AI, "--yes")
    assert done.returncode == 3, done.stdout + done.stderr
    row = table_rows(done.stdout)[AI]
    assert row.startswith("not read back")
    assert "Could not read back: LinkedIn answered HTTP 500" in " ".join(done.stdout.split())
    assert "1 could not be read back" in done.stdout
    assert "disagreed" not in done.stdout
    assert site.state()["ai_training"] is False
    no_traceback(done)


def test_dry_run_changes_nothing_even_with_yes(site: Site) -> None:
    done = run("apply", "--config", str(site.config), "--dry-run", "--yes", "--json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["applied"] is False and report["dry_run"] is True
    assert [(r["id"], r["result"]) for r in report["settings"]] == [
        (AI, "would change"),
        (RESEARCH, "would change"),
    ]
    assert site.saves == []
    assert site.state()["ai_training"] is True and site.state()["research"] is True


def test_apply_on_a_terminal_asks_first(site: Site) -> None:
    status, stdout = on_a_terminal("apply", "--config", str(site.config), answer="n")
    assert status == 1
    assert f"{AI}: on → off" in stdout
    assert site.saves == []
    status, stdout = on_a_terminal("apply", "--config", str(site.config), answer="y")
    assert status == 0, stdout
    rows = table_rows(stdout)
    assert rows[AI].startswith("changed") and rows[RESEARCH].startswith("changed")
    assert site.state()["ai_training"] is False and site.state()["research"] is False
    assert site.state()["ads_beyond_linkedin"] is True  # not named in [desired]


def test_apply_yes_then_history_then_undo(site: Site) -> None:
    """--yes changes and verifies; history shows reads and writes; undo puts it back."""
    site.account.settings["research"] = False
    done = run("apply", "--config", str(site.config), "--yes", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    results = {r["id"]: r for r in report["settings"]}
    assert results[AI]["result"] == "changed" and results[AI]["verified"] is True
    assert results[AI]["found"] == "on" and results[AI]["now"] == "off"
    assert results[RESEARCH]["result"] == "left"
    assert site.saves == [(DEMO_USERNAME, "ai_training", False)]
    assert default_path().exists()

    history = run("history", AI, "--json")
    assert history.returncode == 0, history.stderr
    entries = json.loads(history.stdout)
    assert [(e["action"], e["before"], e["after"], e["verified"]) for e in entries] == [
        ("read", None, "on", None),
        ("change", "on", "off", True),
    ]
    assert all(e["origin"] == site.replica.origins["linkedin"] for e in entries)
    table = run("history")
    assert RESEARCH in table.stdout and "change to off" in table.stdout

    undone = run("undo", "--config", str(site.config), "--yes")
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert table_rows(undone.stdout)[AI].startswith("changed")
    assert site.state()["ai_training"] is True and site.state()["research"] is False
    again = run("undo", "--config", str(site.config), "--yes")
    assert again.returncode == 0 and "every recorded change has been undone" in again.stdout
    assert len(site.saves) == 2

    # Redo sets again what the undo put back, read back the same way.
    redone = run("undo", "--redo", "--config", str(site.config), "--yes")
    assert redone.returncode == 0, redone.stdout + redone.stderr
    assert table_rows(redone.stdout)[AI].startswith("changed")
    assert site.state()["ai_training"] is False
    points = json.loads(run("undo", "--list", "--json", "--config", str(site.config)).stdout)
    assert [(p["source"], p["undone"], p["next_undo"]) for p in points] == [("apply", False, True)]
    assert points[0]["changes"] == [{"id": AI, "before": "on", "target": "off"}]


def test_check_exit_statuses_and_drift(site: Site) -> None:
    """0 as desired, 1 switched back on (marked as drift), 3 one could not be read."""
    site.account.settings.update(ai_training=False, research=False)
    args = ("check", "--config", str(site.config), "--only", AI, RESEARCH)
    first = run(*args)
    assert first.returncode == 0, first.stdout + first.stderr
    assert table_rows(first.stdout)[AI].startswith("ok")

    site.account.settings["ai_training"] = True  # behind the app's back
    second = run(*args)
    assert second.returncode == 1
    assert table_rows(second.stdout)[AI].startswith("DIFF")
    assert "↳ Switched back on since the last check (off on" in second.stdout
    assert "not by privacy-tui" in second.stdout

    site.account.settings["ai_training"] = False
    site.account.unavailable.add("research")  # not offered to this account: not read
    third = run(*args, "--json")
    assert third.returncode == 3, third.stdout
    rows = {r["id"]: r for r in json.loads(third.stdout)}
    assert rows[RESEARCH]["state"] == "unavailable" and rows[RESEARCH]["read"] is False
    assert rows[AI]["as_desired"] is True and rows[AI]["drift"]["previous"] == "on"

    history = json.loads(run("history", "--json").stdout)
    assert [e["drift"] for e in history if e["id"] == AI] == [False, True, True]


def test_export_writes_the_apps_toml_and_keeps_an_existing_file(site: Site, tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    # One setting read (--only before the command: export has none of its own).
    done = run("--only", AI, "--config", str(site.config), "export", str(target))
    assert done.returncode == 0, done.stderr
    data = tomllib.loads(target.read_text())
    assert data["desired"]["linkedin"]["ai_training"] == "off"
    assert data["results"]["linkedin"]["ai_training"]["state"] == "on"
    assert data["platforms"]["linkedin"]["origin"] == site.replica.origins["linkedin"]
    target.write_text("# keep me\n")
    kept = run("export", str(target), "--config", str(site.config))
    assert kept.returncode == 2 and "--force" in kept.stderr
    assert target.read_text() == "# keep me\n"


def test_apply_asks_for_something_to_apply(site: Site, tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    done = run("apply", "--config", str(empty), "--yes")
    assert done.returncode == 2 and "nothing to apply" in done.stderr
    other = run("apply", "--config", str(site.config), "--only", "linkedin.ads_beyond_linkedin")
    assert other.returncode == 2 and "not named in [desired]" in other.stderr
    assert site.saves == []
    no_traceback(done)


def test_a_history_damaged_in_the_middle_stops_check_and_undo(site: Site) -> None:
    """Neither command writes into it or crashes: exit 2, its path and the advice."""
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = damaged_in_the_middle(path, site.replica.origins["linkedin"])
    for command in (("check", "--only", AI), ("undo", "--yes")):
        done = run(*command, "--config", str(site.config))
        assert done.returncode == 2, done.stdout + done.stderr
        assert str(path) in done.stderr and "move it away" in done.stderr
        no_traceback(done)
        assert path.read_bytes() == damaged
    assert site.saves == []


def test_a_history_that_cannot_be_written_is_told_and_check_exits_2(site: Site) -> None:
    """Every setting as desired, but the readings could not be recorded: said, status 2."""
    site.account.settings.update(ai_training=False, research=False)
    History.open(default_path()).close()
    # Another program holds the file's write lock for longer than privacy-tui
    # waits (10 s): it can read the file, and no write gets through.
    holder = sqlite3.connect(default_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = run("check", "--config", str(site.config), "--only", AI, RESEARCH)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 2, done.stdout + done.stderr
    assert table_rows(done.stdout)[AI].startswith("ok")
    assert str(default_path()) in done.stderr and "could not be written" in done.stderr
    no_traceback(done)


def test_ctrl_c_during_apply_finishes_the_change_under_way_and_says_how_to_undo(
    site: Site,
) -> None:
    """SIGINT while changes run: the change under way is finished and read back, no
    other starts, the table says what was done, and the exit status is 130."""
    keys = ["ai_training", "research", "ads_beyond_linkedin", "ads_age", "ads_gender"]
    wanted = "".join(f'{key} = "off"\n' for key in keys)
    site.config.write_text(
        f'[platforms.linkedin]\norigin = "{site.replica.origins["linkedin"]}"\n\n'
        f"[desired.linkedin]\n{wanted}"
    )
    command = str(COMMAND)
    process = subprocess.Popen(
        [command, "apply", "--config", str(site.config), "--yes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not site.saves and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
        assert site.saves, "no change was ever made"
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr, stderr
    assert "Stopping after the change under way" in stderr
    assert "privacy-tui undo" in stderr
    rows = table_rows(stdout)
    changed = [k for k in keys if rows[f"linkedin.{k}"].startswith("changed")]
    stopped = [k for k in keys if rows[f"linkedin.{k}"].startswith("not started")]
    assert changed and stopped and len(changed) + len(stopped) == len(keys), stdout
    assert changed == keys[: len(changed)]
    # Each change made is on the account, read back; none after it was started.
    assert [key for _, key, _ in site.saves] == changed
    assert all(site.state()[k] is False for k in changed)
    assert all(site.state()[k] is True for k in stopped)
    assert "changed and read back" in stdout and "not started" in stdout.splitlines()[-1]

    # The undo point holds the changes made, not those never started.
    points = json.loads(run("undo", "--list", "--json", "--config", str(site.config)).stdout)
    assert [c["id"] for c in points[0]["changes"]] == [f"linkedin.{k}" for k in changed]
    undone = run("undo", "--config", str(site.config), "--yes")
    assert undone.returncode == 0, undone.stdout + undone.stderr
    assert all(site.state()[k] is True for k in keys)
