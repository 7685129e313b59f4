"""Watching without a browser: the scheduler's files, the config's [watch], quiet runs.

No real scheduler is touched: the command is run with ``PRIVACY_TUI_RECORD_SYSTEM``,
so every `systemctl`, `crontab` or `launchctl` it would run is written to a file the
test reads instead, and the units are written under the test's own XDG_CONFIG_HOME
and HOME.
"""

from __future__ import annotations

import json
import os
import plistlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from automation import registry
from automation.files.config import catalog_of, parse
from automation.files.config_types import ConfigError
from automation.records.history import History
from automation.watch import scheduler
from automation.watch.check import Report, summarise
from automation.watch.system import Done, RecordingSystem, ScheduleError
from tests.cli.test_cli import COMMAND, no_traceback, run
from tests.paths import ROOT


@pytest.fixture(autouse=True)
def installed_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The installed privacy-tui is on PATH, as for a person who installed it: the
    commands run in this process find it there for the line a watched check runs."""
    monkeypatch.setenv("PATH", f"{COMMAND.parent}{os.pathsep}{os.environ.get('PATH', '')}")


CATALOG = catalog_of(registry.load()[0])


@pytest.fixture
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path) -> Path:
    """Scheduler commands go to this file; HOME is the test's own."""
    log = tmp_path / "system.jsonl"
    monkeypatch.setenv(scheduler.RECORD_ENV, str(log))
    monkeypatch.setenv("HOME", str(isolated_home))
    return log


def calls(log: Path) -> list[list[str]]:
    if not log.exists():
        return []
    return [json.loads(line)["argv"] for line in log.read_text().splitlines()]


def units(home: Path) -> Path:
    return home / "xdg_config_home" / "systemd" / "user"


def test_systemd_install_status_remove(recorded: Path, isolated_home: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[desired.linkedin]\nai_training = "off"\n')
    done = run("watch", "install", "--scheduler", "systemd", "--config", str(config))
    assert done.returncode == 0, done.stderr
    service = units(isolated_home) / "privacy-tui-watch.service"
    timer = units(isolated_home) / "privacy-tui-watch.timer"
    # The installed privacy-tui, by its absolute path, with the user's config.
    assert f'ExecStart="{COMMAND}" "watch" "run" "--config" "{config}"' in service.read_text()
    assert "OnCalendar=*-*-* 10:00:00" in timer.read_text()
    assert "Persistent=true" in timer.read_text()
    assert calls(recorded) == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "privacy-tui-watch.timer"],
    ]
    assert "every day at 10:00" in done.stdout and "watch remove" in done.stdout

    status = run("watch", "status")
    assert status.returncode == 0, status.stderr
    assert f"Watching: every day at 10:00 (systemd, {timer})" in status.stdout
    assert "Next run: " in status.stdout and "Last run: none yet." in status.stdout

    removed = run("watch", "remove")
    assert removed.returncode == 0, removed.stderr
    assert not service.exists() and not timer.exists()
    assert ["systemctl", "--user", "disable", "--now", "privacy-tui-watch.timer"] in calls(recorded)
    assert "Not watching" in run("watch", "status").stdout
    assert "Nothing to remove" in run("watch", "remove").stdout


def test_dry_run_prints_what_and_where_and_writes_nothing(
    recorded: Path, isolated_home: Path
) -> None:
    done = run("watch", "install", "--dry-run", "--every", "WEEK", "--scheduler", "systemd")
    assert done.returncode == 0, done.stderr
    service = units(isolated_home) / "privacy-tui-watch.service"
    assert f"--- {service}\n" in done.stdout
    assert "OnCalendar=Mon *-*-* 10:00:00" in done.stdout
    assert f'ExecStart="{COMMAND}" "watch" "run"\n' in done.stdout  # no config file: defaults
    assert "systemctl --user enable --now privacy-tui-watch.timer" in done.stdout
    assert not units(isolated_home).exists()
    assert calls(recorded) == []


def test_cron_keeps_the_other_lines_and_two_lines_of_its_own(recorded: Path) -> None:
    table = recorded.with_name(recorded.name + ".crontab")
    table.write_text("MAILTO=me\n5 4 * * * backup\n")
    for _ in range(2):  # installing again replaces its lines
        done = run("watch", "install", "--scheduler", "cron", "--every", "week")
        assert done.returncode == 0, done.stderr
    lines = table.read_text().splitlines()
    assert lines[:2] == ["MAILTO=me", "5 4 * * * backup"]
    assert len(lines) == 4
    assert lines[2].startswith("# privacy-tui watch: week. Written by `privacy-tui watch install`")
    assert lines[3].startswith(f"0 10 * * 1 '{COMMAND}' 'watch' 'run' >>'")
    assert lines[3].endswith("/watch.log' 2>&1")
    assert "(cron, crontab)" in run("watch", "status").stdout
    assert run("watch", "remove").returncode == 0
    assert table.read_text().splitlines() == ["MAILTO=me", "5 4 * * * backup"]


def test_launchd_agent_in_the_home_library(recorded: Path, isolated_home: Path) -> None:
    done = run("watch", "install", "--scheduler", "launchd")
    assert done.returncode == 0, done.stderr
    path = isolated_home / "Library" / "LaunchAgents" / "io.github.privacy-tui.watch.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["ProgramArguments"] == [str(COMMAND), "watch", "run"]
    assert agent["StartCalendarInterval"] == {"Hour": 10, "Minute": 0}
    assert calls(recorded)[-1] == ["launchctl", "bootstrap", f"gui/{os.getuid()}", str(path)]
    assert run("watch", "remove").returncode == 0
    assert not path.exists()
    assert ["launchctl", "bootout", f"gui/{os.getuid()}", str(path)] in calls(recorded)


def test_unknown_every_and_unwritable_folder_get_one_line(
    recorded: Path, isolated_home: Path
) -> None:
    done = run("watch", "install", "--every", "month")
    assert done.returncode == 2
    assert done.stderr == "privacy-tui: --every 'month' is not known; use day or week\n"
    # A file where the folder should be: no one, not even root, can write under it.
    (isolated_home / "xdg_config_home").mkdir(parents=True, exist_ok=True)
    (isolated_home / "xdg_config_home" / "systemd").write_text("")
    done = run("watch", "install", "--scheduler", "systemd")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("privacy-tui: cannot write ")
    assert "privacy-tui-watch.service" in done.stderr
    no_traceback(done)
    assert calls(recorded) == []


def test_a_failing_scheduler_takes_its_files_back(tmp_path: Path, isolated_home: Path) -> None:
    class Refusing(RecordingSystem):
        def run(self, argv, stdin=None, timeout=30):
            super().run(argv, stdin, timeout)
            return Done(1, err="Failed to connect to bus: No medium found")

    plan = scheduler.plan_install("systemd", "day", ["/bin/privacy-tui", "watch", "run"], None)
    with pytest.raises(ScheduleError, match="No medium found"):
        scheduler.install(plan, Refusing(tmp_path / "log"))
    assert not (units(isolated_home) / "privacy-tui-watch.service").exists()


def test_systemd_arguments_are_quoted() -> None:
    argv = ["/a b/privacy-tui", "--config", "/x/50%"]
    plan = scheduler.plan_install("systemd", "day", argv, None)
    assert 'ExecStart="/a b/privacy-tui" "--config" "/x/50%%"' in plan.files[0].text


def test_next_run() -> None:
    wednesday_morning = datetime(2026, 11, 25, 8, 0).astimezone()
    day = scheduler.next_run("day", wednesday_morning)
    assert (day.day, day.hour) == (25, 10)
    assert scheduler.next_run("day", day).day == 26
    week = scheduler.next_run("week", wednesday_morning)
    assert (week.weekday(), week.day, week.hour) == (0, 30, 10)


@pytest.mark.parametrize(
    ("text", "key", "message"),
    [
        ("[watch]\ncommand = 'mail me'\n", "watch.command", "must be a list"),
        ("[watch]\ncommand = ['mail', '']\n", "watch.command", "non-empty strings"),
        ("[watch]\napply = 'yes'\n", "watch.apply", "must be true or false"),
        ("[watch]\nnotify = 1\n", "watch.notify", "must be true or false"),
        ("[watch]\ncommand_timeout = 0\n", "watch.command_timeout", "above 0"),
        ("[watch]\nevery = 'day'\n", "watch.every", "unknown key"),
    ],
)
def test_config_rejects_bad_watch_values(text: str, key: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse(text, CATALOG, path=Path("c.toml"))
    assert caught.value.key == key and message in str(caught.value)
    assert str(caught.value).startswith("c.toml:2:1:")


def test_config_watch_defaults_and_values() -> None:
    assert parse("", CATALOG).watch.command == []
    assert parse("", CATALOG).watch.apply is False and parse("", CATALOG).watch.notify
    example = ROOT / "config.example.toml"
    watch = parse(example.read_text(), CATALOG).watch
    assert (watch.command, watch.apply, watch.notify, watch.command_timeout) == (
        [],
        False,
        True,
        60.0,
    )
    watch = parse("[watch]\ncommand = ['a', 'b']\napply = true\n", CATALOG).watch
    assert watch.command == ["a", "b"] and watch.apply is True


def finding(key: str, kind: str = "not_desired", **more: str) -> dict[str, str]:
    return {"key": key, "kind": kind, "id": key.split("=")[0], **more}


def test_only_news_is_told_and_what_was_told_is_kept() -> None:
    at = datetime(2026, 11, 29, tzinfo=UTC)
    first = Report(at, [finding("linkedin.ai_training=on", "came_back_on")], 1)
    assert [f["key"] for f in first.news] == ["linkedin.ai_training=on"]
    told = first.told(notified=True)
    again = Report(at, [finding("linkedin.ai_training=on")], 1, told)
    assert again.news == []  # still on: nothing new to say
    assert again.told(notified=False) == told
    fixed = Report(at, [], 0, again.told(notified=False))
    assert fixed.told(notified=False) == set()  # back off: a later return is news again
    failed = Report(at, [finding("x.location=on")], 1, set())
    assert failed.told(notified=False) == set()  # the command failed: try next time


def test_summary_is_one_line_for_the_run() -> None:
    findings = [
        finding("linkedin.ai_training=on", "came_back_on"),
        finding("linkedin.research=on"),
        {"key": "signed_out:x", "kind": "signed_out", "platform": "x"}
        | {"fix": "privacy-tui login x"},
    ]
    assert summarise(findings) == (
        "linkedin.ai_training came back on; linkedin.research not as desired; "
        "could not sign in to x: run privacy-tui login x"
    )
    assert summarise([]) == "all as desired"


def test_history_marks_the_entries_of_a_watched_run(tmp_path: Path) -> None:
    from automation.domain import events
    from automation.domain.settings import Reading, State

    history = History.open(tmp_path / "h.sqlite")
    origins = {"linkedin": "http://127.0.0.1:1"}
    read = events.Read(Reading("linkedin.ai_training", State.OFF, "Switch is off."))
    history.record(read, origins)
    after = history.last_entry_id()
    history.record(read, origins)
    history.record_watch(
        after,
        at=datetime.now(UTC),
        status=0,
        summary="all as desired",
        findings=[],
        told=[],
    )
    history.record(read, origins)
    entries = history.entries()
    assert history.watched(entries) == {entries[1].id}
    last = history.last_watch()
    assert last is not None and last.summary == "all as desired" and last.told == set()
    history.close()


def test_a_findings_page_address_keeps_no_part_that_may_name_the_person(
    tmp_path: Path, isolated_home: Path
) -> None:
    from automation.domain.settings import Reading, State
    from automation.engine.runtime import build
    from automation.watch.check import find

    origin = "http://127.0.0.1:8801"
    config = tmp_path / "config.toml"
    config.write_text(f'[platforms.linkedin]\norigin = "{origin}"\n')
    runtime = build(str(config), open_history=False)
    try:
        page = f"{origin}/mypreferences/d/settings/data-for-ai-improvement"
        readings = [
            Reading("linkedin.ai_training", State.ON, "Switch is on.", url=page),
            Reading("linkedin.research", State.ON, "Switch is on.", url=f"{origin}/in/jane-doe/"),
        ]
        # What the command is given is what the history keeps of the run.
        urls = [f["url"] for f in find(runtime, readings, set())]
        assert urls == [page, f"{origin}/…/…/"]
    finally:
        runtime.close()
