"""The exit statuses of ``privacy-tui`` and the one way a command says what went wrong.

Scripts and scheduled jobs tell the statuses apart, so each keeps its meaning across
every command.
"""

from __future__ import annotations

import sys

from automation.domain.shown import shown_lines
from automation.language import N_, said

#: Everything is as desired (or the command did what it was asked).
OK = 0
#: A setting is not as desired, or would change; for ``login``: not signed in.
NOT_AS_DESIRED = 1
NOT_SIGNED_IN = NOT_AS_DESIRED
#: A usage or config error, or something missing to work with: a browser, a display,
#: a terminal to ask on, a keyring. argparse's own usage errors exit with it too.
USAGE = 2
#: A setting could not be read, or a change could not be read back.
NOT_READ = 3
#: Stopped with Ctrl-C, as a shell reports a command ended by SIGINT.
INTERRUPTED = 130

#: What each status means, for ``privacy-tui --help`` (said there with ``_``).
MEANINGS = {
    OK: N_("all as desired"),
    NOT_AS_DESIRED: N_("something is not"),
    USAGE: N_("usage or config error"),
    NOT_READ: N_("a setting could not be read (or read back)"),
    INTERRUPTED: N_("interrupted"),
}


def warn(message: str) -> None:
    """Say on stderr, in the command's name, what is wrong or missing.

    A message often quotes what it was given (an id, a path, a line of a file): its
    control characters are written out, never sent to the terminal. An engine's
    sentence (a config error, a sign-in wall) is said in the language spoken."""
    print(f"privacy-tui: {shown_lines(said(message))}", file=sys.stderr)


def fail(message: str, status: int = USAGE) -> int:
    """Say what is wrong on stderr; the exit status to return (usage or config error)."""
    warn(message)
    return status


def with_problem(status: int) -> int:
    """The status once a usage or config problem is found as well: 2, unless 1 applies.

    A setting found not as desired (1) is the news a scheduled job is waiting for,
    so it is not hidden behind a broken history file or a failing command.
    """
    return status if status in (NOT_AS_DESIRED, USAGE) else USAGE
