"""What installing the watch writes: the plan of files and commands, the words of an
``ExecStart=`` line and of a crontab line, and the paths no scheduler may be given.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from automation.domain.shown import has_control, shown
from automation.watch.system import ScheduleError


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


def refuse_unsafe(argv: list[str], log: Path | None, folder: Path | None) -> None:
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


def cron_word(arg: str) -> str:
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


def header(every: str) -> str:
    return (
        f"# privacy-tui watch: {every}. Written by `privacy-tui watch install`;\n"
        "# `privacy-tui watch remove` removes it.\n"
    )
