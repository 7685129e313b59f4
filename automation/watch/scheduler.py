"""Setting up a recurring watched check with the platform's own scheduler.

A systemd user timer on Linux (a crontab line where there is no user systemd), a
launchd agent on macOS. Every program this module would start (``systemctl``,
``crontab``, ``launchctl``, and the desktop notifiers of :mod:`automation.watch.check`)
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
from typing import Any

from automation.domain.shown import has_control, shown
from automation.files.folders import launchd_folder, systemd_folder
from automation.files.private import read_text_limited, shared_mode, write_atomic

#: When set, system commands are recorded to this file instead of being run.
RECORD_ENV = "PRIVACY_TUI_RECORD_SYSTEM"
#: How often a watched check can run, and the hour of the day it runs at.
EVERY = ("day", "week")
HOUR = 10
#: The weekday (Monday) a weekly check runs on.
WEEKDAY = 0
UNIT = "privacy-tui-watch"
AGENT = "io.github.privacy-tui.watch"
SCHEDULERS = ("systemd", "cron", "launchd")
#: Debian's cron refuses a line whose command is longer than this many bytes.
CRON_COMMAND_LIMIT = 998
#: A unit or agent larger than this was not written by privacy-tui.
UNIT_LIMIT = 64 * 1024


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
        """Run ``argv``, given ``stdin``. The text goes in and comes out byte for byte
        (no newline is translated, bytes that are not UTF-8 survive the round trip), so
        a crontab read and written back keeps every line of the user's as it was."""
        given: dict[str, Any] = (
            {"input": _encoded(stdin)} if stdin is not None else {"stdin": subprocess.DEVNULL}
        )
        try:
            done = subprocess.run(argv, capture_output=True, timeout=timeout, **given)
        except FileNotFoundError:
            return Done(127, err=f"{argv[0]} not found")
        except subprocess.TimeoutExpired:
            return Done(124, err=f"{argv[0]} did not answer within {timeout:g} s")
        except OSError as exc:
            return Done(126, err=f"{argv[0]}: {exc.strerror or exc}")
        return Done(done.returncode, _decoded(done.stdout), _decoded(done.stderr).strip())


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _decoded(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


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
            return Done(0, _decoded(self.crontab.read_bytes()))
        if argv[:2] == ["crontab", "-"]:
            self.crontab.write_bytes(_encoded(stdin or ""))
        if argv[:2] == ["crontab", "-r"]:
            self.crontab.unlink(missing_ok=True)
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
    #: For cron: the two lines added to the user's crontab (the marker, then the job).
    cron_lines: tuple[str, ...] = ()

    def show(self) -> str:
        """Exactly what would be written and where, for ``--dry-run``."""
        parts = []
        for item in self.files:
            parts.append(f"--- {item.path}\n{item.text}")
        if self.cron_lines:
            parts.append(
                "--- the crontab of this user (crontab -), two lines added\n"
                + "\n".join(self.cron_lines)
            )
        if self.commands:
            parts.append("--- then runs\n" + "\n".join(shlex.join(c) for c in self.commands))
        return "\n".join(parts)


def _unsafe(text: str) -> str | None:
    """What in ``text`` no scheduler may be given, if anything."""
    if has_control(text):
        return "a control character (a line break, say)"
    if any("\ud800" <= char <= "\udfff" for char in text):
        return "bytes that are not UTF-8 text"
    return None


def _refuse_unsafe(argv: list[str], log: Path | None, folder: Path | None) -> None:
    """Refuse every path a unit, an agent or a crontab line would hold that holds a
    control character.

    A line break in a path would end a crontab line or a unit's line early, and what
    follows it would be read as a line of its own: a job the path chose. No quoting
    makes that safe in every scheduler, so such a path is refused, with what to do.
    """
    named: list[tuple[str, str, str]] = []
    for index, arg in enumerate(argv):
        if index == 0:
            named.append(("privacy-tui's own path", arg, "Install it at a path without one."))
        elif argv[index - 1] == "--config":
            named.append(("the config file's path", arg, "Move the config to a path without one."))
        else:
            named.append(("an argument of the command", arg, "Use one without it."))
    if log is not None:
        named.append(
            (
                "the log's path",
                str(log),
                "It is made from $XDG_STATE_HOME, else from $HOME: set them to a folder "
                "without one.",
            )
        )
    if folder is not None:
        named.append(
            (
                "the folder of the scheduler's files",
                str(folder),
                "It is made from $XDG_CONFIG_HOME (on Linux), else from $HOME: set them to "
                "a folder without one.",
            )
        )
    for what, value, fix in named:
        why = _unsafe(value)
        if why is not None:
            raise ScheduleError(
                f"Cannot watch: {what} holds {why}, which a scheduled job cannot be given "
                f"safely: {shown(value)}. {fix}"
            )


def systemd_quote(arg: str, *, program: bool = False) -> str:
    """One word of an ``ExecStart=`` line, as systemd reads it back (systemd.service(5),
    "Command lines"): in double quotes with C-style escapes for ``\\`` and ``"``; ``%%``
    for a ``%``, which starts a specifier everywhere; and ``$$`` for a ``$``, which
    starts a variable in every word but the program's own path."""
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    if not program:
        escaped = escaped.replace("$", "$$")
    return f'"{escaped}"'


def _cron_word(arg: str) -> str:
    """One word of a crontab command, as cron and then ``sh`` read it back.

    The word is in single quotes (a quote of its own as ``'\\''``). crontab(5) turns an
    unescaped ``%`` into a new line and hands what follows to the command as its
    input, so every ``%`` stands outside the quotes as ``\\%``: then a backslash of
    the path's own is never right before it, where cron would take it for the escape.
    """
    quoted = "'" + arg.replace("'", "'\\''") + "'"
    return quoted.replace("%", "'\\%'")


def cron_marker(every: str) -> str:
    return (
        f"# privacy-tui watch: {every}. Written by `privacy-tui watch install`; "
        "`privacy-tui watch remove` takes out this line and the next."
    )


#: The exact comment line privacy-tui writes above its job line, for each schedule.
_CRON_MARKERS = {cron_marker(every): every for every in EVERY}
#: A word as :func:`_cron_word` writes it.
_CRON_WORD = r"'(?:[^'%]|'\\''|'\\%')*'"
#: The job line privacy-tui writes, and only that: its schedule, quoted words that
#: run ``watch run`` (with a config), and where its output goes.
_CRON_JOB = re.compile(
    rf"0 {HOUR} \* \* (?P<day>\*|1) {_CRON_WORD}(?: {_CRON_WORD})* 'watch' 'run'"
    rf"(?: '--config' {_CRON_WORD})?(?: >>{_CRON_WORD} 2>&1)?"
)


def _header(every: str) -> str:
    return (
        f"# privacy-tui watch: {every}. Written by `privacy-tui watch install`;\n"
        "# `privacy-tui watch remove` removes it.\n"
    )


def plan_install(scheduler: str, every: str, argv: list[str], log: Path | None) -> Plan:
    """What installing the watch with ``scheduler`` writes; raises :class:`ScheduleError`
    for a path no scheduler may be given (see :func:`_refuse_unsafe`)."""
    if every not in EVERY:
        raise ScheduleError(f"--every {every!r} is not known; use one of: {', '.join(EVERY)}")
    if scheduler == "systemd":
        folder = systemd_folder()
        _refuse_unsafe(argv, None, folder)
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
            _header(every)
            + "[Unit]\nDescription=privacy-tui watch: re-check privacy settings\n\n"
            + "[Service]\nType=oneshot\n"
            + f"ExecStart={' '.join(words)}\n"
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
        folder = launchd_folder()
        _refuse_unsafe(argv, log, folder)
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
        _refuse_unsafe(argv, log, None)
        when = f"0 {HOUR} * * *" if every == "day" else f"0 {HOUR} * * 1"
        command = " ".join(_cron_word(a) for a in argv)
        if log is not None:
            command += f" >>{_cron_word(str(log))} 2>&1"
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
        raise ScheduleError(f"`{shlex.join(argv)}` failed: {shown(why)}")
    return done


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
    there: its exact marker line, and the line right after it when that is its job.
    A line that only mentions privacy-tui, or the marker's words, is not its own."""
    own: set[int] = set()
    every = None
    for index, line in enumerate(lines):
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
        _must(runner, ["crontab", "-"], "\n".join([*kept, *plan.cron_lines]) + "\n")
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


def _own_file(path: Path, scheduler: str) -> str | None:
    """The schedule (``day`` or ``week``) of the unit or agent at ``path`` when
    privacy-tui wrote it; ``None`` when there is none, or someone else wrote it."""
    try:
        text = read_text_limited(path, UNIT_LIMIT)
    except (OSError, UnicodeDecodeError):
        return None
    if scheduler == "systemd":
        found = re.match(r"# privacy-tui watch: (day|week)\. Written by `privacy-tui", text)
        return found.group(1) if found else None
    try:
        agent = plistlib.loads(text.encode("utf-8"))
    except Exception:  # plistlib raises what its XML parser raises
        return None
    if not isinstance(agent, dict) or agent.get("Label") != AGENT:
        return None
    found = re.fullmatch(r"privacy-tui watch: (day|week)", str(agent.get("Comment", "")))
    return found.group(1) if found else None


@dataclass(frozen=True)
class Installed:
    scheduler: str
    every: str
    where: str


def installed(runner: System) -> Installed | None:
    """The watch privacy-tui installed for this user, if any: its timer or agent, or
    its lines in the crontab."""
    timer, _ = _installed_files("systemd")
    every = _own_file(timer, "systemd")
    if every is not None:
        return Installed("systemd", every, str(timer))
    (agent,) = _installed_files("launchd")
    every = _own_file(agent, "launchd")
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
    timer, service = _installed_files("systemd")
    mine = [path for path in (timer, service) if _own_file(path, "systemd")]
    if mine:
        if timer in mine:
            # Stop the timer first; a scheduler that no longer knows it is fine.
            runner.run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"])
        for path in mine:
            _unlink(path, done.removed)
        runner.run(["systemctl", "--user", "daemon-reload"])
    (agent,) = _installed_files("launchd")
    mine_too = _own_file(agent, "launchd") is not None
    if mine_too:
        runner.run(["launchctl", "bootout", f"gui/{os.getuid()}", str(agent)])
        _unlink(agent, done.removed)
    for path in (timer, service, agent):
        if path.is_symlink() or path.exists():
            done.left.append(f"{path}, which privacy-tui did not write")
    if runner.available("crontab"):
        lines = _crontab(runner)
        own, _ = _cron_own(lines)
        if own:
            kept = [line for index, line in enumerate(lines) if index not in own]
            if kept:
                _must(runner, ["crontab", "-"], "\n".join(kept) + "\n")
            else:
                _must(runner, ["crontab", "-r"])
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


def _unlink(path: Path, removed: list[str]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ScheduleError(f"cannot remove {path}: {(exc.strerror or str(exc)).lower()}") from None
    removed.append(str(path))
