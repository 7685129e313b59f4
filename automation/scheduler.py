"""Setting up a recurring watched check with the platform's own scheduler.

A systemd user timer on Linux (a crontab line where there is no user systemd), a
launchd agent on macOS. Every program this module would start (``systemctl``,
``crontab``, ``launchctl``, and the desktop notifiers of :mod:`automation.watch`)
goes through a :class:`System`, so a test or a dry run can see what would have been
run without running it: with ``PRIVACY_TUI_RECORD_SYSTEM=FILE`` set, each command
is written to that file as a line of JSON instead.

Nothing secret goes into a unit, an agent or a crontab line: they name the
``privacy-tui`` executable and the config file, nothing else.
"""

from __future__ import annotations

import json
import os
import plistlib
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from .folders import launchd_folder, systemd_folder
from .private_files import shared_mode, write_atomic

#: When set, system commands are recorded to this file instead of being run.
RECORD_ENV = "PRIVACY_TUI_RECORD_SYSTEM"
#: How often a watched check can run, and the hour of the day it runs at.
EVERY = ("day", "week")
HOUR = 10
#: The weekday (Monday) a weekly check runs on.
WEEKDAY = 0
UNIT = "privacy-tui-watch"
AGENT = "io.github.privacy-tui.watch"
CRON_TAG = "# privacy-tui watch"
SCHEDULERS = ("systemd", "cron", "launchd")


class ScheduleError(Exception):
    """The watch cannot be installed or removed; the message says why, in one line."""


@dataclass(frozen=True)
class Done:
    """What a system command answered."""

    status: int
    out: str = ""
    err: str = ""


class System:
    """Runs the scheduler's and the notifier's programs."""

    def available(self, program: str) -> bool:
        return shutil.which(program) is not None

    def run(self, argv: list[str], stdin: str | None = None, timeout: float = 30) -> Done:
        try:
            done = subprocess.run(
                argv, input=stdin, capture_output=True, text=True, timeout=timeout
            )
        except FileNotFoundError:
            return Done(127, err=f"{argv[0]} not found")
        except subprocess.TimeoutExpired:
            return Done(124, err=f"{argv[0]} did not answer within {timeout:g} s")
        except OSError as exc:
            return Done(126, err=f"{argv[0]}: {exc.strerror or exc}")
        return Done(done.returncode, done.stdout, done.stderr.strip())


@dataclass
class RecordingSystem(System):
    """Runs nothing: appends each command to ``log`` as JSON and answers that it worked.

    ``crontab -l`` and ``crontab -`` keep the table in a file next to the log, so
    installing, reading and removing a crontab line can be followed as a whole.
    """

    log: Path
    calls: list[dict[str, object]] = field(default_factory=list)

    def available(self, program: str) -> bool:
        return True

    @property
    def crontab(self) -> Path:
        return self.log.with_name(self.log.name + ".crontab")

    def run(self, argv: list[str], stdin: str | None = None, timeout: float = 30) -> Done:
        call: dict[str, object] = {"argv": argv, "stdin": stdin}
        self.calls.append(call)
        with self.log.open("a", encoding="utf-8") as out:
            out.write(json.dumps(call) + "\n")
        if argv[:2] == ["crontab", "-l"]:
            if not self.crontab.exists():
                return Done(1, err="no crontab for user")
            return Done(0, self.crontab.read_text(encoding="utf-8"))
        if argv[:2] == ["crontab", "-"]:
            self.crontab.write_text(stdin or "", encoding="utf-8")
        return Done(0)


def system() -> System:
    """The real system, or a recording one when ``PRIVACY_TUI_RECORD_SYSTEM`` says so."""
    record = os.environ.get(RECORD_ENV)
    return RecordingSystem(Path(record)) if record else System()


# -- where things go ---------------------------------------------------------------------


def has_user_systemd() -> bool:
    """Whether a systemd user manager runs for this user (its runtime folder exists)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return Path(runtime, "systemd").is_dir() and shutil.which("systemctl") is not None


def default_scheduler() -> str:
    if sys.platform == "darwin":
        return "launchd"
    return "systemd" if has_user_systemd() else "cron"


def command_line(config: Path | None) -> list[str]:
    """The command a watched check runs: this installed privacy-tui, absolutely."""
    script = Path(sys.argv[0])
    if script.name == "privacy-tui" and script.exists():
        program = [str(script.absolute())]
    else:
        found = shutil.which("privacy-tui")
        program = [found] if found else [sys.executable, "-m", "tui.cli"]
    args = [*program, "watch", "run"]
    if config is not None:
        args += ["--config", str(config.absolute())]
    return args


# -- when ------------------------------------------------------------------------------------


def next_run(every: str, after: datetime) -> datetime:
    """The next time a check set to ``every`` runs, after ``after`` (local time)."""
    moment = after.astimezone()
    candidate = moment.replace(hour=HOUR, minute=0, second=0, microsecond=0)
    if every == "week":
        candidate += timedelta(days=(WEEKDAY - candidate.weekday()) % 7)
        step = timedelta(days=7)
    else:
        step = timedelta(days=1)
    while candidate <= moment:
        candidate += step
    return candidate


def describe(every: str) -> str:
    return f"every day at {HOUR}:00" if every == "day" else f"every Monday at {HOUR}:00"


# -- what is written ---------------------------------------------------------------------------


@dataclass(frozen=True)
class File:
    path: Path
    text: str


@dataclass(frozen=True)
class Plan:
    """What installing writes, and the commands it runs after writing."""

    scheduler: str
    every: str
    files: tuple[File, ...]
    commands: tuple[tuple[str, ...], ...]
    cron_line: str | None = None

    def show(self) -> str:
        """Exactly what would be written and where, for ``--dry-run``."""
        parts = []
        for item in self.files:
            parts.append(f"--- {item.path}\n{item.text}")
        if self.cron_line is not None:
            parts.append(
                f"--- the crontab of this user (crontab -), one line added\n{self.cron_line}"
            )
        if self.commands:
            parts.append("--- then runs\n" + "\n".join(shlex.join(c) for c in self.commands))
        return "\n".join(parts)


def _systemd_quote(arg: str) -> str:
    # systemd takes C-style escapes inside double quotes and expands % specifiers.
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped}"'


def _header(every: str) -> str:
    return (
        f"# privacy-tui watch: {every}. Written by `privacy-tui watch install`;\n"
        "# `privacy-tui watch remove` removes it.\n"
    )


def plan_install(scheduler: str, every: str, argv: list[str], log: Path | None) -> Plan:
    if every not in EVERY:
        raise ScheduleError(f"--every {every!r} is not known; use one of: {', '.join(EVERY)}")
    if scheduler == "systemd":
        folder = systemd_folder()
        service = (
            _header(every)
            + "[Unit]\nDescription=privacy-tui watch: re-check privacy settings\n\n"
            + "[Service]\nType=oneshot\n"
            + f"ExecStart={' '.join(_systemd_quote(a) for a in argv)}\n"
        )
        calendar = "*-*-* 10:00:00" if every == "day" else "Mon *-*-* 10:00:00"
        timer = (
            _header(every)
            + f"[Unit]\nDescription=privacy-tui watch, {describe(every)}\n\n"
            + f"[Timer]\nOnCalendar={calendar}\nPersistent=true\nUnit={UNIT}.service\n\n"
            + "[Install]\nWantedBy=timers.target\n"
        )
        return Plan(
            scheduler,
            every,
            (File(folder / f"{UNIT}.service", service), File(folder / f"{UNIT}.timer", timer)),
            (
                ("systemctl", "--user", "daemon-reload"),
                ("systemctl", "--user", "enable", "--now", f"{UNIT}.timer"),
            ),
        )
    if scheduler == "launchd":
        path = launchd_folder() / f"{AGENT}.plist"
        interval: dict[str, int] = {"Hour": HOUR, "Minute": 0}
        if every == "week":
            interval["Weekday"] = 1  # launchd counts Sunday as 0
        agent: dict[str, object] = {
            "Label": AGENT,
            "Comment": f"privacy-tui watch: {every}",
            "ProgramArguments": argv,
            "StartCalendarInterval": interval,
        }
        if log is not None:
            agent["StandardOutPath"] = agent["StandardErrorPath"] = str(log)
        text = plistlib.dumps(agent).decode()
        domain = f"gui/{os.getuid()}"
        return Plan(
            scheduler,
            every,
            (File(path, text),),
            (
                ("launchctl", "bootout", domain, str(path)),
                ("launchctl", "bootstrap", domain, str(path)),
            ),
        )
    if scheduler == "cron":
        when = f"0 {HOUR} * * *" if every == "day" else f"0 {HOUR} * * 1"
        # cron turns % into a newline unless escaped.
        command = shlex.join(argv).replace("%", "\\%")
        if log is not None:
            command += f" >>{shlex.quote(str(log))} 2>&1"
        line = f"{when} {command} {CRON_TAG}: {every}"
        return Plan(scheduler, every, (), (), cron_line=line)
    raise ScheduleError(f"unknown scheduler {scheduler!r}; use one of: {', '.join(SCHEDULERS)}")


# -- doing it ------------------------------------------------------------------------------------


def _write(item: File) -> None:
    try:
        item.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(item.path, item.text, mode=shared_mode())
    except OSError as exc:
        raise ScheduleError(
            f"cannot write {item.path}: {(exc.strerror or str(exc)).lower()}"
        ) from None


def _must(runner: System, argv: tuple[str, ...] | list[str], stdin: str | None = None) -> Done:
    done = runner.run(list(argv), stdin)
    if done.status != 0:
        why = done.err.splitlines()[-1] if done.err else f"exit status {done.status}"
        raise ScheduleError(f"`{shlex.join(argv)}` failed: {why}")
    return done


def _crontab(runner: System) -> list[str]:
    done = runner.run(["crontab", "-l"])
    if done.status == 127:
        raise ScheduleError("crontab is not installed, and there is no systemd user manager")
    # "no crontab for user" is an empty table.
    return done.out.splitlines() if done.status == 0 else []


def install(plan: Plan, runner: System) -> None:
    """Write the plan's files (or crontab line) and tell the scheduler."""
    if plan.cron_line is not None:
        lines = [line for line in _crontab(runner) if CRON_TAG not in line]
        _must(runner, ["crontab", "-"], "\n".join([*lines, plan.cron_line]) + "\n")
        return
    written: list[str] = []
    try:
        for item in plan.files:
            _write(item)
            written.append(str(item.path))
        for argv in plan.commands:
            if argv[:2] == ("launchctl", "bootout"):
                runner.run(list(argv))  # an agent not loaded yet is fine
                continue
            _must(runner, argv)
    except ScheduleError:
        # Half an install is none: take the files back out.
        for path in written:
            Path(path).unlink(missing_ok=True)
        raise


def _installed_files(scheduler: str) -> list[Path]:
    if scheduler == "systemd":
        folder = systemd_folder()
        return [folder / f"{UNIT}.timer", folder / f"{UNIT}.service"]
    if scheduler == "launchd":
        return [launchd_folder() / f"{AGENT}.plist"]
    return []


@dataclass(frozen=True)
class Installed:
    scheduler: str
    every: str
    where: str


def installed(runner: System) -> Installed | None:
    """The watch this user has installed, if any (its files, or its crontab line)."""
    for scheduler in ("systemd", "launchd"):
        for path in _installed_files(scheduler):
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                continue
            found = re.search(r"privacy-tui watch: (day|week)", text)
            return Installed(scheduler, found.group(1) if found else "day", str(path))
    if runner.available("crontab"):
        for line in runner.run(["crontab", "-l"]).out.splitlines():
            if CRON_TAG in line:
                found = re.search(r"privacy-tui watch: (day|week)", line)
                return Installed("cron", found.group(1) if found else "day", "crontab")
    return None


def remove(runner: System) -> list[str]:
    """Undo :func:`install` wherever it was done; what was removed, for people."""
    removed: list[str] = []
    timer, service = _installed_files("systemd")
    if timer.exists() or service.exists():
        # Stop the timer first; a scheduler that no longer knows it is fine.
        runner.run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"])
        for path in (timer, service):
            _unlink(path, removed)
        runner.run(["systemctl", "--user", "daemon-reload"])
    (agent,) = _installed_files("launchd")
    if agent.exists():
        runner.run(["launchctl", "bootout", f"gui/{os.getuid()}", str(agent)])
        _unlink(agent, removed)
    if runner.available("crontab"):
        done = runner.run(["crontab", "-l"])
        lines = done.out.splitlines() if done.status == 0 else []
        kept = [line for line in lines if CRON_TAG not in line]
        if len(kept) != len(lines):
            _must(runner, ["crontab", "-"], "\n".join(kept) + "\n" if kept else "")
            removed.append("the privacy-tui line of the crontab")
    return removed


def _unlink(path: Path, removed: list[str]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ScheduleError(f"cannot remove {path}: {(exc.strerror or str(exc)).lower()}") from None
    removed.append(str(path))
