"""The scheduler's files against hostile paths, checked with the real tools.

A config path, a HOME or a log path with a line break once added a job of its own to
the user's crontab. Here every path a unit, an agent or a crontab line holds is tried
with line breaks, ``%``, quotes, backslashes and ``$``:

- cron: Debian's own ``crontab`` installs and lists the table of a throw-away user
  (made for these tests and removed after them; ``crontab -u`` needs root). The
  command privacy-tui runs finds ``crontab`` on its PATH: a two-line script that
  hands every call to the real one with ``-u`` and that user's name. What cron then
  runs is worked out with crontab(5)'s rule for ``%`` and read by the real ``sh``.
- systemd: ``systemd-analyze --user verify`` reads the units written, and must find
  the program at its hostile path (so ``%`` and quotes came back as they were).
- launchd: the agent is read back with ``plistlib``.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from automation.watch import scheduler, written
from automation.watch.system import Done, RecordingSystem, ScheduleError
from tests.cli.test_cli import COMMAND, no_traceback, run


@pytest.fixture(autouse=True)
def installed_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The installed privacy-tui is on PATH, as for a person who installed it: the
    commands run in this process find it there for the line a watched check runs."""
    monkeypatch.setenv("PATH", f"{COMMAND.parent}{os.pathsep}{os.environ.get('PATH', '')}")


#: Characters each scheduler treats specially: cron's %, the shell's quotes, $, `, #
#: and ;, systemd's specifiers (%h is the home folder) and $, XML's & and <, a
#: backslash before a % and a space.
HOSTILE = "50% off %h 'q' \\%b $HOME \"d\" #;`t` &<é>"

#: What a line break in a path would add to a crontab: a job every minute.
INJECTED = "\n* * * * * echo injected #"

#: The user's own lines: some mention privacy-tui or its marker's words; none is its own.
THEIRS = [
    "MAILTO=me",
    "5 4 * * * backup --all",
    "# privacy-tui watch: day",
    "6 4 * * * echo '# privacy-tui watch' # privacy-tui watch: day",
    "0 10 * * * /usr/bin/privacy-tui watch run",
]


def one_line_refusal(done: subprocess.CompletedProcess[str]) -> str:
    no_traceback(done)
    assert done.returncode == 2, done.stdout + done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("privacy-tui: Cannot watch: ")
    assert "control character" in line
    return line


# -- cron, with Debian's crontab ---------------------------------------------------------


@pytest.fixture(scope="module")
def cron_user() -> Iterator[str]:
    """A user made for these tests, whose crontab is theirs to change."""
    crontab = shutil.which("crontab")
    if crontab is None:
        pytest.skip("Debian's crontab is not installed (apt-get install cron)")
    if os.geteuid() != 0 or not shutil.which("useradd") or not shutil.which("userdel"):
        pytest.skip("another user's crontab can only be changed by root, with useradd")
    name = f"ptui-cron-{os.getpid()}"
    _as_root(
        [
            "useradd",
            "--system",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            name,
        ]
    )
    try:
        yield name
    finally:
        subprocess.run([crontab, "-u", name, "-r"], capture_output=True)
        _as_root(["userdel", name])


def _as_root(argv: list[str]) -> None:
    # Another test process may hold the lock on /etc/passwd for a moment.
    for _ in range(50):
        done = subprocess.run(argv, capture_output=True, text=True)
        if done.returncode == 0:
            return
        if "lock" not in done.stderr:
            break
        time.sleep(0.1)
    pytest.fail(f"{argv[0]} failed: {done.stderr.strip()}")


@dataclass
class Table:
    """The test user's crontab, through the real ``crontab``."""

    user: str

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
        real = shutil.which("crontab", path=os.defpath) or "/usr/bin/crontab"
        return subprocess.run(
            [real, "-u", self.user, *args],
            input=None if stdin is None else stdin.encode(),
            capture_output=True,
        )

    def lines(self) -> list[str]:
        done = self.run("-l")
        if done.returncode != 0:
            assert b"no crontab for" in done.stderr
            return []
        return done.stdout.decode().split("\n")[:-1]

    def write(self, lines: list[str]) -> None:
        done = self.run("-", stdin="".join(f"{line}\n" for line in lines))
        assert done.returncode == 0, done.stderr


@pytest.fixture
def table(
    cron_user: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> Table:
    """The test user's crontab, holding :data:`THEIRS`; privacy-tui's ``crontab`` is it."""
    real = shutil.which("crontab")
    assert real is not None
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    wrapper = bin_folder / "crontab"
    wrapper.write_text(f'#!/bin/sh\nexec {real} -u {cron_user} "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(scheduler.RECORD_ENV, raising=False)
    found = Table(cron_user)
    found.write(THEIRS)
    return found


def cron_hands_to_sh(line: str) -> tuple[str, str | None]:
    """The command cron gives ``sh`` for ``line``, and its standard input if any.

    crontab(5): "Percent-signs (%) in the command, unless escaped with backslash (\\),
    will be changed into newline characters, and all data after the first % will be
    sent to the command as standard input." A backslash before any other character
    stays, with that character (Debian's cron 3.0pl1 was seen doing so, jobs run).
    """
    command = line.split(" ", 5)[5]
    out: list[str] = []
    index = 0
    while index < len(command):
        char = command[index]
        if char == "\\" and index + 1 < len(command):
            following = command[index + 1]
            out.append("%" if following == "%" else char + following)
            index += 2
            continue
        if char == "%":
            return "".join(out), command[index + 1 :].replace("%", "\n")
        out.append(char)
        index += 1
    return "".join(out), None


def sh_words(command: str, out: Path) -> list[str]:
    """The words the real ``sh`` makes of ``command``; its redirection is done too."""
    script = f'set -- {command}\nprintf "%s\\0" "$@" >"$0"'
    done = subprocess.run(["/bin/sh", "-c", script, str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out.read_bytes().decode().split("\0")[:-1]


def test_a_line_break_in_the_config_path_adds_no_crontab_line(table: Table, tmp_path: Path) -> None:
    folder = tmp_path / f"x{INJECTED}"
    folder.mkdir()
    config = folder / "config.toml"
    config.write_text("")
    done = run("watch", "install", "--scheduler", "cron", "--config", str(config))
    line = one_line_refusal(done)
    assert "config file's path" in line and "\\n* * * * *" in line
    assert table.lines() == THEIRS
    assert "Not watching" in run("watch", "status").stdout


def test_a_line_break_in_home_adds_no_crontab_line(
    table: Table, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / f"home{INJECTED}"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_STATE_HOME")  # the log goes under HOME
    done = run("watch", "install", "--scheduler", "cron")
    line = one_line_refusal(done)
    assert "the log's path" in line and "$HOME" in line
    assert table.lines() == THEIRS


def test_a_percent_quotes_and_backslashes_reach_the_job_as_they_are(
    table: Table, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / HOSTILE
    folder.mkdir()
    config = folder / "config.toml"
    config.write_text("")
    state = tmp_path / f"state {HOSTILE}"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    log = state / "privacy-tui" / "log" / "watch.log"
    log.parent.mkdir(parents=True)
    for every in ("week", "day"):  # installing again replaces its own lines
        done = run(
            "watch", "install", "--scheduler", "cron", "--every", every, "--config", str(config)
        )
        assert done.returncode == 0, done.stderr
    lines = table.lines()
    assert lines[: len(THEIRS)] == THEIRS
    marker, job = lines[len(THEIRS) :]
    assert marker.startswith("# privacy-tui watch: day. Written by `privacy-tui watch install`")
    assert job.startswith("0 10 * * * ")

    command, stdin = cron_hands_to_sh(job)
    assert stdin is None  # no % was left for cron to cut the line at
    assert sh_words(command, tmp_path / "words") == [
        str(COMMAND),
        "watch",
        "run",
        "--config",
        str(config),
    ]
    assert log.exists()  # the output goes to the log, at its hostile path

    status = run("watch", "status")
    assert "Watching: every day at 10:00 (cron, crontab)" in status.stdout
    removed = run("watch", "remove")
    assert removed.returncode == 0, removed.stderr
    assert "Removed the privacy-tui lines of the crontab." in removed.stdout
    assert table.lines() == THEIRS


def test_remove_and_status_leave_lines_that_only_mention_it(table: Table) -> None:
    status = run("watch", "status")
    assert status.returncode == 0, status.stderr
    assert "Not watching" in status.stdout
    # Two of the user's lines that are not comments name privacy-tui: told, not touched.
    assert "The crontab has 2 lines naming privacy-tui that `watch install` did not" in (
        status.stdout.replace("\n", " ")
    )
    removed = run("watch", "remove")
    assert removed.returncode == 0, removed.stderr
    assert "Nothing to remove" in removed.stdout
    assert "Left 2 lines of the crontab that name privacy-tui" in removed.stdout
    assert table.lines() == THEIRS


def test_a_marker_whose_next_line_is_not_its_job_takes_only_the_marker(table: Table) -> None:
    marker = written.cron_marker("day")
    table.write([*THEIRS[:2], marker, "7 4 * * * their own job", *THEIRS[2:]])
    assert "Not watching" in run("watch", "status").stdout
    assert run("watch", "remove").returncode == 0
    assert table.lines() == [*THEIRS[:2], "7 4 * * * their own job", *THEIRS[2:]]


def test_a_line_too_long_for_cron_is_refused_in_one_line(table: Table, tmp_path: Path) -> None:
    folder = tmp_path / ("long" * 60) / ("long" * 60) / ("long" * 60) / ("long" * 60)
    folder.mkdir(parents=True)
    config = folder / "config.toml"
    config.write_text("")
    done = run("watch", "install", "--scheduler", "cron", "--config", str(config))
    no_traceback(done)
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert "cron takes at most 998" in line
    assert table.lines() == THEIRS


def test_an_unreadable_crontab_is_never_written_over(tmp_path: Path) -> None:
    class Unreadable(RecordingSystem):
        def run(self, argv, stdin=None, timeout=30):
            super().run(argv, stdin, timeout)
            if argv[:2] == ["crontab", "-l"]:
                return Done(1, err="crontabs/me: Permission denied")
            return Done(0)

    system = Unreadable(tmp_path / "log")
    plan = scheduler.plan_install("cron", "day", ["/bin/privacy-tui", "watch", "run"], None)
    with pytest.raises(ScheduleError, match="cannot read this user's crontab"):
        scheduler.install(plan, system)
    with pytest.raises(ScheduleError, match="Permission denied"):
        scheduler.remove(system)
    assert [c["argv"] for c in system.calls] == [["crontab", "-l"], ["crontab", "-l"]]


# -- systemd, with systemd-analyze ---------------------------------------------------------


def verify(*units: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return subprocess.run(
        [analyze, "--user", "verify", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)},
    )


def test_units_with_hostile_paths_pass_systemd_analyze_verify(
    tmp_path: Path, isolated_home: Path
) -> None:
    # systemd never starts a program whose path holds a quote or a backslash (below).
    folder = tmp_path / HOSTILE.replace("'", "").replace('"', "").replace("\\", "")
    folder.mkdir()
    program = folder / "privacy-tui"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    config = tmp_path / HOSTILE / "config.toml"
    argv = [str(program), "watch", "run", "--config", str(config)]
    plan = scheduler.plan_install("systemd", "week", argv, None)
    scheduler.install(plan, RecordingSystem(tmp_path / "system.jsonl"))
    service, timer = (item.path for item in plan.files)
    done = verify(service, timer, tmp_path=tmp_path)
    # verify finds the program only when its path was read back as it is.
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not executable" not in done.stderr
    # A $ in an argument is written $$, or systemd would put a variable there.
    assert "$$HOME" in service.read_text() and "50%% off %%h" in service.read_text()

    # The check can fail: the same unit with a % left as it is names another program.
    wrong = tmp_path / "wrong.service"
    wrong.write_text(service.read_text().replace("%%h", "%h"))
    assert verify(wrong, tmp_path=tmp_path).returncode != 0


@pytest.mark.parametrize("char", ["'", '"', "\\"])
def test_systemd_is_never_given_a_program_it_refuses_to_start(
    char: str, tmp_path: Path, isolated_home: Path
) -> None:
    folder = tmp_path / f"a{char}b"
    folder.mkdir()
    program = folder / "privacy-tui"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    argv = [str(program), "watch", "run"]
    # The tool agrees: quoted as systemd reads it back, it still refuses the program.
    service = tmp_path / "refused.service"
    word = written.systemd_quote(str(program), program=True)
    service.write_text(f"[Service]\nType=oneshot\nExecStart={word}\n")
    assert "special characters" in verify(service, tmp_path=tmp_path).stderr
    with pytest.raises(ScheduleError, match="never starts a program whose path holds a quote"):
        scheduler.plan_install("systemd", "day", argv, None)
    scheduler.plan_install("cron", "day", argv, None)  # cron takes it


@pytest.mark.parametrize("scheduler_name", ["systemd", "cron", "launchd"])
@pytest.mark.parametrize(
    "where", ["program", "config", "log", "folder"], ids=lambda w: f"line break in the {w}"
)
def test_every_scheduler_refuses_a_control_character_in_any_path(
    scheduler_name: str,
    where: str,
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = str(tmp_path / f"x{INJECTED}")
    program, config, log = "/usr/bin/privacy-tui", "/home/me/config.toml", Path("/tmp/watch.log")
    if where == "program":
        program = bad
    elif where == "config":
        config = bad
    elif where == "log":
        log = Path(bad)
    else:
        monkeypatch.setenv("HOME", bad)
        monkeypatch.delenv("XDG_CONFIG_HOME")
    argv = [program, "watch", "run", "--config", config]
    if where == "folder" and scheduler_name == "cron":
        # cron keeps no file of its own: only the line matters.
        scheduler.plan_install(scheduler_name, "day", argv, log)
        return
    if where == "log" and scheduler_name == "systemd":
        # A systemd unit does not name the log (the journal keeps the output).
        scheduler.plan_install(scheduler_name, "day", argv, log)
        return
    with pytest.raises(ScheduleError, match="control character") as refused:
        scheduler.plan_install(scheduler_name, "day", argv, log)
    assert "\n" not in str(refused.value) and "\\n* * * * *" in str(refused.value)


@pytest.mark.parametrize("char", ["\r", "\x1b", "\x00", "\u2028", "\x85", "\udcff"])
def test_other_characters_no_line_may_hold_are_refused(char: str) -> None:
    argv = ["/usr/bin/privacy-tui", "watch", "run", "--config", f"/home/me/a{char}b.toml"]
    for name in scheduler.SCHEDULERS:
        with pytest.raises(ScheduleError, match="Cannot watch: the config file's path holds"):
            scheduler.plan_install(name, "day", argv, None)


def test_a_newline_in_the_config_path_writes_no_unit(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(scheduler.RECORD_ENV, str(tmp_path / "system.jsonl"))
    folder = tmp_path / "x\nExecStartPre=false"
    folder.mkdir()
    config = folder / "config.toml"
    config.write_text("")
    done = run("watch", "install", "--scheduler", "systemd", "--config", str(config))
    one_line_refusal(done)
    assert not (isolated_home / "xdg_config_home" / "systemd").exists()
    assert not (tmp_path / "system.jsonl").exists()


# -- launchd ---------------------------------------------------------------------------------


def test_the_launchd_agent_reads_back_the_paths_as_they_are(
    tmp_path: Path, isolated_home: Path
) -> None:
    folder = tmp_path / HOSTILE
    argv = [str(folder / "privacy-tui"), "watch", "run", "--config", str(folder / "c.toml")]
    log = folder / "watch.log"
    plan = scheduler.plan_install("launchd", "day", argv, log)
    agent = plistlib.loads(plan.files[0].text.encode())
    assert agent["ProgramArguments"] == argv
    assert agent["StandardOutPath"] == agent["StandardErrorPath"] == str(log)
    assert "&amp;&lt;é&gt;" in plan.files[0].text
