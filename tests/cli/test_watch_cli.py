"""`privacy-tui watch run` against a replica served by the test.

As in tests/cli/test_apply_cli.py, the command reaches the in-test replica through a
config, and signs in with credentials from a keyring file.
Desktop notifications are recorded (``PRIVACY_TUI_RECORD_SYSTEM``), never shown; the
configured command is a real program that keeps what it was given.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from keyring import set_keyring

from automation.records.history import History, default_path
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer
from automation.replicas.server import Account
from automation.watch import scheduler
from tests.cli.test_cli import no_traceback, run
from tests.file_keyring import ENV as KEYRING_FILE
from tests.file_keyring import FileKeyring
from tests.paths import ROOT

AI = "linkedin.ai_training"
RESEARCH = "linkedin.research"

#: A [watch] command that keeps its standard input, one file a run.
KEEPER = """\
import pathlib, sys
folder = pathlib.Path(sys.argv[1])
folder.mkdir(exist_ok=True)
(folder / f"{len(list(folder.iterdir()))}.json").write_text(sys.stdin.read())
sys.exit(int(sys.argv[2]))
"""

pytestmark = pytest.mark.browser


@dataclass
class Watched:
    config: Path
    account: Account
    replica: ReplicaServer
    received: Path
    system: Path
    keyring: Path

    def run(self) -> tuple[int, str, str]:
        done = run("watch", "run", "--config", str(self.config))
        no_traceback(done)
        return done.returncode, done.stdout, done.stderr

    def messages(self) -> list[dict]:
        if not self.received.exists():
            return []
        return [json.loads(p.read_text()) for p in sorted(self.received.iterdir())]

    def notifications(self) -> list[list[str]]:
        if not self.system.exists():
            return []
        calls = [json.loads(line)["argv"] for line in self.system.read_text().splitlines()]
        return [c for c in calls if c[0] in ("notify-send", "osascript")]


def watched_site(
    replica: ReplicaServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    exit: int = 0,
    extra: str = "",
) -> Watched:
    keyring = tmp_path / "keyring.json"
    entry = json.dumps({"username": DEMO_USERNAME, "password": DEMO_PASSWORD})
    keyring.write_text(json.dumps({"privacy-tui/linkedin": entry}))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.file_keyring.FileKeyring")
    monkeypatch.setenv(KEYRING_FILE, str(keyring))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    # The command run in this process reads the same file.
    set_keyring(FileKeyring())  # the memory keyring's fixture puts back the one before
    system = tmp_path / "system.jsonl"
    monkeypatch.setenv(scheduler.RECORD_ENV, str(system))
    keeper = tmp_path / "keeper.py"
    keeper.write_text(KEEPER)
    received = tmp_path / "received"
    command = json.dumps([sys.executable, str(keeper), str(received), str(exit)])
    config = tmp_path / "config.toml"
    config.write_text(
        f'[platforms.linkedin]\norigin = "{replica.origins["linkedin"]}"\n\n'
        '[desired.linkedin]\nai_training = "off"\nresearch = "off"\n\n'
        f"[watch]\ncommand = {command}\n{extra}"
    )
    account = replica.sites["linkedin"].account(DEMO_USERNAME)
    account.settings.update(ai_training=False, research=False)
    return Watched(config, account, replica, received, system, keyring)


def test_a_setting_switched_back_on_is_told_once(
    replica: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = watched_site(replica, tmp_path, monkeypatch)
    status, stdout, stderr = site.run()
    assert status == 0, stdout + stderr
    assert site.messages() == [] and site.notifications() == []  # all well: quiet

    site.account.settings["ai_training"] = True  # the platform switched it back on
    status, stdout, stderr = site.run()
    assert status == 1, stdout + stderr
    assert "linkedin.ai_training came back on" in stdout
    [message] = site.messages()
    [found] = message["findings"]
    assert found["kind"] == "came_back_on" and found["id"] == AI
    assert (found["previous"], found["state"], found["desired"]) == ("off", "on", "off")
    assert found["previous_at"] < found["checked_at"]
    assert message["news"] == [f"{AI}=on"] and message["config"] == str(site.config)
    [notification] = site.notifications()  # one summary for the run
    assert (
        notification[0] == "notify-send"
        and "linkedin.ai_training came back on" in (notification[-1])
    )
    # Nothing secret in what was handed on.
    text = json.dumps(message)
    for token in site.replica.sites["linkedin"].session_tokens(DEMO_USERNAME):
        assert token not in text
    assert DEMO_USERNAME not in text and "cookie" not in text.lower()

    status, stdout, stderr = site.run()  # still on: nothing new
    assert status == 1
    assert "Nothing new since the last watched check" in stdout
    assert len(site.messages()) == 1 and len(site.notifications()) == 1

    history = json.loads(run("history", AI, "--json").stdout)
    assert [e["watched"] for e in history] == [True, True, True]
    assert [e["drift"] for e in history] == [False, True, False]
    last = History.open(default_path()).last_watch()
    assert last is not None and last.status == 1
    assert last.summary == f"{AI} not as desired" and last.told == {f"{AI}=on"}
    status_text = run("watch", "status").stdout
    assert "Last run: " in status_text and "linkedin.ai_training not as desired" in status_text


def test_a_failing_command_is_told_in_one_line_and_tried_again(
    replica: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = watched_site(replica, tmp_path, monkeypatch, exit=3)
    site.account.settings["research"] = True
    for attempt in (1, 2):
        status, stdout, stderr = site.run()
        assert status == 1, stdout + stderr  # not as desired wins over the failure
        [line] = stderr.splitlines()
        assert line.startswith("privacy-tui: the [watch] command ")
        assert line.endswith("failed (exit status 3): exit status 3")
        assert len(site.messages()) == attempt  # not told: the next run tries again


def test_apply_true_switches_it_back_with_an_undo_point(
    replica: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = watched_site(replica, tmp_path, monkeypatch, extra="apply = true\n")
    site.account.settings["ai_training"] = True
    status, stdout, stderr = site.run()
    assert status == 1, stdout + stderr
    assert site.account.settings["ai_training"] is False
    assert site.account.settings["ads_beyond_linkedin"] is True  # not named in [desired]
    [message] = site.messages()
    [found] = message["findings"]
    assert found["applied"] == {"to": "off", "now": "off", "verified": True}
    assert "1 of 1 switched back to [desired]" in stdout
    record = History.open(default_path()).last_apply()
    assert record is not None and record.source == "watch"
    assert [(i.setting_id, str(i.before)) for i in record.items] == [(AI, "on")]


def test_an_expired_session_is_told_once_with_the_command_that_fixes_it(
    replica: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = watched_site(replica, tmp_path, monkeypatch)
    assert site.run()[0] == 0  # signs in with the stored password and keeps the session
    # The password is forgotten, then the site ends the session.
    entries = json.loads(site.keyring.read_text())
    del entries["privacy-tui/linkedin"]
    site.keyring.write_text(json.dumps(entries))
    replica.sites["linkedin"].end_sessions(DEMO_USERNAME)
    status, stdout, stderr = site.run()
    assert status == 3, stdout + stderr
    [message] = site.messages()
    [found] = message["findings"]  # one for the platform, not one per setting
    assert found["kind"] == "signed_out" and found["fix"] == "privacy-tui login linkedin"
    assert sorted(found["ids"]) == [AI, RESEARCH]
    assert "could not sign in to linkedin: run privacy-tui login linkedin" in stdout


def test_no_browser_is_told_once_as_a_finding(
    replica: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = watched_site(replica, tmp_path, monkeypatch)
    site.config.write_text(
        site.config.read_text() + '\n[browser]\nexecutable = "/nonexistent/chrome"\n'
    )
    status, stdout, stderr = site.run()
    assert status == 2, stdout + stderr
    assert "/nonexistent/chrome" in stderr
    [message] = site.messages()
    assert [f["kind"] for f in message["findings"]] == ["could_not_run"]
    assert "the check could not run" in message["summary"]
    assert site.run()[0] == 2
    assert len(site.messages()) == 1  # not told twice
