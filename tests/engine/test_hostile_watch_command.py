"""The [watch] command and a watched check against what can go wrong on this machine.

A command that starts processes and outlives its timeout, one that floods its output,
one that writes control sequences; a history file that cannot be used. The commands
are real programs; nothing here needs a browser.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from automation.records.history import History
from automation.watch import scheduler
from automation.watch.check import CommandFailed, run_command
from automation.watch.process import OUTPUT_KEPT
from tests.cli.test_cli import no_traceback, run
from tests.paths import ROOT

#: Starts a process of its own (whose pid it writes down), then waits far past any timeout.
STARTS_ANOTHER = """\
import subprocess, sys, time
quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
other = subprocess.Popen(
    [sys.executable, "-c", "import time; time.sleep(60)"],
    **(quiet if sys.argv[2] == "its own outputs" else {}),
)
open(sys.argv[1], "w").write(str(other.pid))
time.sleep(60)
"""


def ended(pid: int, within: float = 5) -> bool:
    """Whether process ``pid`` is gone (or a zombie nobody reaped yet)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            return True
        if fields[0] in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("outputs", ["the command's outputs", "its own outputs"])
def test_a_timeout_stops_every_process_the_command_started(tmp_path: Path, outputs: str) -> None:
    script = tmp_path / "slow.py"
    script.write_text(STARTS_ANOTHER)
    written = tmp_path / "pid"
    started = time.monotonic()
    with pytest.raises(CommandFailed, match="did not finish within 1 s"):
        run_command([sys.executable, str(script), str(written), outputs], {"news": []}, 1)
    # Not held up by a process that keeps the command's output open.
    assert time.monotonic() - started < 10
    assert ended(int(written.read_text()))


#: Runs one [watch] command in a process of its own and says its peak memory (KiB): the
#: high-water mark of this program's own memory (``ru_maxrss`` would also count the
#: test worker that started it, as Linux keeps it across ``exec``).
MEASURED = """\
import logging, sys
logging.basicConfig(filename=sys.argv[1], level=logging.INFO, format="%(message)s")
from automation.watch.check import run_command
run_command([sys.executable, "-c", sys.argv[2]], {"news": []}, 60)
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


@pytest.mark.parametrize(
    "flood",
    [
        "import sys\nfor _ in range(300): sys.stdout.buffer.write(b'x' * 2**20)",
        "import sys\nsys.stderr.write(''.join(f'line {n}\\n' for n in range(10**6)))",
    ],
    ids=["one line of 300 MB", "a million lines"],
)
def test_a_flood_of_output_is_read_and_dropped_not_held(tmp_path: Path, flood: str) -> None:
    log = tmp_path / "watch.log"
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, str(log), flood],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) < 64 * 1024  # KiB: far below what went through
    lines = log.read_text().splitlines()
    assert max(len(line) for line in lines) < 400  # each line shortened
    # What is kept is bounded (each kept line comes with the log's own words before it).
    assert len(log.read_bytes()) < 6 * OUTPUT_KEPT
    assert lines[-1].endswith("bytes more, not kept")
    dropped = int(lines[-1].rsplit(": ", 1)[1].split()[0])
    assert dropped > 6 * 10**6  # all of it was read, and dropped


LOUD = """\
import sys
print("first line")
print("second line")
sys.stderr.write("x" * 5000 + "\\n")
sys.stderr.write("\\x1b]0;retitled\\x07 it broke\\n")
sys.exit(3)
"""


def test_each_line_is_logged_shortened_and_a_failure_names_the_last_made_safe(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    script = tmp_path / "loud.py"
    script.write_text(LOUD)
    with (
        caplog.at_level(logging.INFO, logger="privacy_tui.watch"),
        pytest.raises(CommandFailed) as failed,
    ):
        run_command([sys.executable, str(script)], {"news": []}, 30)
    message = str(failed.value)
    assert "(exit status 3): \\e]0;retitled\\x07 it broke" in message
    assert "\x1b" not in message and "\n" not in message
    logged = [record.getMessage() for record in caplog.records]
    assert "[watch] command's output: first line" in logged
    assert "[watch] command's output: second line" in logged
    assert all(len(line) < 400 and "\x1b" not in line for line in logged)


# -- a history that cannot be used ---------------------------------------------------------------

KEEPER = """\
import pathlib, sys
folder = pathlib.Path(sys.argv[1])
folder.mkdir(exist_ok=True)
(folder / f"{len(list(folder.iterdir()))}.json").write_text(sys.stdin.read())
"""


def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """A config whose [watch] command keeps what it is given; notifications recorded."""
    keeper = tmp_path / "keeper.py"
    keeper.write_text(KEEPER)
    received = tmp_path / "received"
    system = tmp_path / "system.jsonl"
    monkeypatch.setenv(scheduler.RECORD_ENV, str(system))
    config = tmp_path / "config.toml"
    command = json.dumps([sys.executable, str(keeper), str(received)])
    config.write_text(f'[desired.linkedin]\nai_training = "off"\n\n[watch]\ncommand = {command}\n')
    return config, received, system


def told(received: Path, system: Path) -> tuple[list[dict], list[list[str]]]:
    messages = [json.loads(p.read_text()) for p in sorted(received.iterdir())]
    calls = [json.loads(line)["argv"] for line in system.read_text().splitlines()]
    return messages, [c for c in calls if c[0] in ("notify-send", "osascript")]


def test_a_damaged_history_is_told_by_notification_and_command(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, received, system = watched(tmp_path, monkeypatch)
    history = isolated_home / "xdg_data_home" / "privacy-tui" / "history.sqlite"
    history.parent.mkdir(parents=True)
    damaged = b"SQLite format 3\0" + bytes(range(256)) * 16
    history.write_bytes(damaged)
    for attempt in (1, 2):  # told at every run: nothing can say it was told before
        done = run("watch", "run", "--config", str(config))
        no_traceback(done)
        assert done.returncode == 2, done.stdout + done.stderr
        [line] = done.stderr.splitlines()
        assert line.startswith(f"privacy-tui: The history at {history} cannot be used")
        messages, notifications = told(received, system)
        assert len(messages) == len(notifications) == attempt
        [finding] = messages[-1]["findings"]
        assert finding["kind"] == "could_not_run" and "cannot be used" in finding["detail"]
        assert "the check could not run: The history at" in notifications[-1][-1]
    assert history.read_bytes() == damaged  # left as it was


def test_a_damaged_record_of_watched_checks_is_told_too(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, received, system = watched(tmp_path, monkeypatch)
    path = isolated_home / "xdg_data_home" / "privacy-tui" / "history.sqlite"
    History.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO watch_runs (at, after_entry, last_entry, status, summary, findings, "
            "told) VALUES ('2026-11-29T10:00:00+00:00', 0, 0, 0, 'x', '[', '[]')"
        )
    done = run("watch", "run", "--config", str(config))
    no_traceback(done)
    assert done.returncode == 2
    messages, notifications = told(received, system)
    assert [f["kind"] for f in messages[0]["findings"]] == ["could_not_run"]
    assert len(notifications) == 1
    status = run("watch", "status")
    no_traceback(status)
    assert status.returncode == 2
    assert status.stderr.startswith(f"privacy-tui: The history at {path} cannot be used")
