"""Setting up a recurring watched check with the platform's own scheduler.

A systemd user timer on Linux (a crontab line where there is no user systemd), a
launchd agent on macOS. Every program this module would start (``systemctl``,
``crontab``, ``launchctl``, and the desktop notifiers of :mod:`automation.watch.check`)
goes through a :class:`~automation.watch.system.System`, so a test or a dry run can
see what would have been run without running it: with ``PRIVACY_TUI_RECORD_SYSTEM=FILE``
set, each command is written to that file as a line of JSON instead.

Nothing secret goes into a unit, an agent or a crontab line: they name the
``privacy-tui`` executable and the config file, nothing else.
"""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from automation.domain.shown import shown
from automation.files.folders import launchd_folder, systemd_folder
from automation.language import Sentence
from automation.watch.system import RecordingSystem, ScheduleError, System, must
from automation.watch.units import AGENT, UNIT, installed_files, own_file, unlink, write
from automation.watch.written import (
    File,
    Plan,
    cron_marker,
    cron_word,
    header,
    refuse_unsafe,
    systemd_quote,
)

#: When set, system commands are recorded to this file instead of being run.
RECORD_ENV = "PRIVACY_TUI_RECORD_SYSTEM"
#: How often a watched check can run, and the hour of the day it runs at.
EVERY = ("day", "week")
HOUR = 10
#: The weekday (Monday) a weekly check runs on.
WEEKDAY = 0


SCHEDULERS = ("systemd", "cron", "launchd")
#: Debian's cron refuses a line whose command is longer than this many bytes.
CRON_COMMAND_LIMIT = 998


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
    """When the watch runs, in words (English in the files written; said to people)."""
    if every == "day":
        return Sentence("every day at {hour}:00", hour=HOUR)
    return Sentence("every Monday at {hour}:00", hour=HOUR)


#: The exact comment line privacy-tui writes above its job line, for each schedule.
_CRON_MARKERS = {cron_marker(every): every for every in EVERY}
#: A word as :func:`cron_word` writes it.
_CRON_WORD = r"'(?:[^'%]|'\\''|'\\%')*'"
#: The job line privacy-tui writes, and only that: its schedule, quoted words that
#: run ``watch run`` (with a config), and where its output goes.
_CRON_JOB = re.compile(
    rf"0 {HOUR} \* \* (?P<day>\*|1) {_CRON_WORD}(?: {_CRON_WORD})* 'watch' 'run'"
    rf"(?: '--config' {_CRON_WORD})?(?: >>{_CRON_WORD} 2>&1)?"
)
#: The one line earlier versions wrote instead: the schedule, ``privacy-tui watch run``
#: as the shell writes it, then the tag at the end of the same line.
_CRON_EARLIER = re.compile(
    rf"0 {HOUR} \* \* (?:\*|1) \S.* watch run\b.* # privacy-tui watch: (?P<every>day|week)"
)


def plan_install(scheduler: str, every: str, argv: list[str], log: Path | None) -> Plan:
    """What installing the watch with ``scheduler`` writes; raises :class:`ScheduleError`
    for a path no scheduler may be given (see :func:`refuse_unsafe`)."""
    if every not in EVERY:
        raise ScheduleError(f"--every {every!r} is not known; use one of: {', '.join(EVERY)}")
    if scheduler == "systemd":
        folder = systemd_folder()
        refuse_unsafe(argv, None, folder)
        if any(char in argv[0] for char in "\"'\\"):
            # systemd refuses such a program outright ("Executable name contains special
            # characters"), however it is quoted.
            raise ScheduleError(
                "Cannot watch with systemd: it never starts a program whose path holds a "
                f"quote or a backslash: {shown(argv[0])}. Install privacy-tui at a path "
                "without one, or use --scheduler cron."
            )
        words = [systemd_quote(argv[0], program=True), *(systemd_quote(a) for a in argv[1:])]
        service = (
            header(every)
            + "[Unit]\nDescription=privacy-tui watch: re-check privacy settings\n\n"
            + "[Service]\nType=oneshot\n"
            + f"ExecStart={' '.join(words)}\n"
        )
        calendar = "*-*-* 10:00:00" if every == "day" else "Mon *-*-* 10:00:00"
        timer = (
            header(every)
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
        folder = launchd_folder()
        refuse_unsafe(argv, log, folder)
        path = folder / f"{AGENT}.plist"
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
        # plistlib writes XML, its text escaped (&, <, >).
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
        refuse_unsafe(argv, log, None)
        when = f"0 {HOUR} * * *" if every == "day" else f"0 {HOUR} * * 1"
        command = " ".join(cron_word(a) for a in argv)
        if log is not None:
            command += f" >>{cron_word(str(log))} 2>&1"
        size = len(command.encode("utf-8"))
        if size > CRON_COMMAND_LIMIT:
            raise ScheduleError(
                f"Cannot watch with cron: its line would be {size} bytes long, and cron "
                f"takes at most {CRON_COMMAND_LIMIT}. Use a config at a shorter path."
            )
        job = f"{when} {command}"
        if not _CRON_JOB.fullmatch(job):  # what remove looks for, or it would stay
            raise ScheduleError(f"Cannot watch with cron: the line would not be known again: {job}")
        return Plan(scheduler, every, (), (), cron_lines=(cron_marker(every), job))
    raise ScheduleError(f"unknown scheduler {scheduler!r}; use one of: {', '.join(SCHEDULERS)}")


# -- doing it ------------------------------------------------------------------------------------


def _crontab(runner: System) -> list[str]:
    """This user's crontab, line by line as it is; no crontab has no lines.

    Raises :class:`ScheduleError` when it cannot be read: writing a table read as
    empty would throw the user's own lines away.
    """
    done = runner.run(["crontab", "-l"])
    if done.status == 127:
        raise ScheduleError("crontab is not installed, and there is no systemd user manager")
    if done.status != 0:
        if "no crontab for" in done.err:
            return []
        why = done.err.splitlines()[-1] if done.err else f"exit status {done.status}"
        raise ScheduleError(f"cannot read this user's crontab (`crontab -l`: {shown(why)})")
    # Split on line feeds only, as cron does: every other character stays in its line.
    lines = done.out.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _cron_own(lines: list[str]) -> tuple[set[int], str | None]:
    """The lines of ``lines`` privacy-tui wrote, and the schedule of its job if one is
    there: its exact marker line, and the line right after it when that is its job, or
    the one tagged line an earlier version wrote. A line that only mentions privacy-tui,
    or the marker's words, is not its own."""
    own: set[int] = set()
    every = None
    for index, line in enumerate(lines):
        if (earlier := _CRON_EARLIER.fullmatch(line)) is not None:
            own.add(index)
            every = earlier["every"]
            continue
        if line not in _CRON_MARKERS:
            continue
        own.add(index)
        if index + 1 < len(lines):
            job = _CRON_JOB.fullmatch(lines[index + 1])
            if job is not None:
                own.add(index + 1)
                every = "day" if job["day"] == "*" else "week"
    return own, every


def _cron_strays(lines: list[str], own: set[int]) -> int:
    """How many lines that are not comments name privacy-tui, not written by it."""
    return sum(
        1
        for index, line in enumerate(lines)
        if index not in own and not line.lstrip().startswith("#") and "privacy-tui" in line
    )


def install(plan: Plan, runner: System) -> None:
    """Write the plan's files (or crontab lines) and tell the scheduler."""
    if plan.cron_lines:
        lines = _crontab(runner)
        own, _ = _cron_own(lines)
        kept = [line for index, line in enumerate(lines) if index not in own]
        must(runner, ["crontab", "-"], "\n".join([*kept, *plan.cron_lines]) + "\n")
        return
    written: list[str] = []
    try:
        for item in plan.files:
            write(item)
            written.append(str(item.path))
        for argv in plan.commands:
            if argv[:2] == ("launchctl", "bootout"):
                runner.run(list(argv))  # an agent not loaded yet is fine
                continue
            must(runner, argv)
    except ScheduleError:
        # Half an install is none: take the files back out.
        for path in written:
            Path(path).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Installed:
    scheduler: str
    every: str
    where: str


def installed(runner: System) -> Installed | None:
    """The watch privacy-tui installed for this user, if any: its timer or agent, or
    its lines in the crontab."""
    timer, _ = installed_files("systemd")
    every = own_file(timer, "systemd")
    if every is not None:
        return Installed("systemd", every, str(timer))
    (agent,) = installed_files("launchd")
    every = own_file(agent, "launchd")
    if every is not None:
        return Installed("launchd", every, str(agent))
    if runner.available("crontab"):
        _, every = _cron_own(_crontab(runner))
        if every is not None:
            return Installed("cron", every, "crontab")
    return None


def cron_strays(runner: System) -> int:
    """How many lines of the crontab name privacy-tui without being its own."""
    if not runner.available("crontab"):
        return 0
    lines = _crontab(runner)
    own, _ = _cron_own(lines)
    return _cron_strays(lines, own)


@dataclass
class Removal:
    """What :func:`remove` took out, and what it left because privacy-tui did not write it."""

    removed: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


def remove(runner: System) -> Removal:
    """Undo :func:`install` wherever it was done; only what privacy-tui wrote goes."""
    done = Removal()
    timer, service = installed_files("systemd")
    mine = [path for path in (timer, service) if own_file(path, "systemd")]
    if mine:
        if timer in mine:
            # Stop the timer first; a scheduler that no longer knows it is fine.
            runner.run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"])
        for path in mine:
            unlink(path, done.removed)
        runner.run(["systemctl", "--user", "daemon-reload"])
    (agent,) = installed_files("launchd")
    mine_too = own_file(agent, "launchd") is not None
    if mine_too:
        runner.run(["launchctl", "bootout", f"gui/{os.getuid()}", str(agent)])
        unlink(agent, done.removed)
    for path in (timer, service, agent):
        if path.is_symlink() or path.exists():
            done.left.append(f"{path}, which privacy-tui did not write")
    if runner.available("crontab"):
        lines = _crontab(runner)
        own, _ = _cron_own(lines)
        if own:
            kept = [line for index, line in enumerate(lines) if index not in own]
            if kept:
                must(runner, ["crontab", "-"], "\n".join(kept) + "\n")
            else:
                must(runner, ["crontab", "-r"])
            done.removed.append("the privacy-tui lines of the crontab")
        strays = _cron_strays(lines, own)
        if strays:
            done.left.append(
                f"{_lines(strays)} of the crontab that name privacy-tui, which "
                "`privacy-tui watch install` did not write (crontab -e shows them)"
            )
    return done


def _lines(count: int) -> str:
    return "1 line" if count == 1 else f"{count} lines"
