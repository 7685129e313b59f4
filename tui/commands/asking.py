"""Whether there is a terminal to ask the person on.

``credentials``, ``login``, ``apply`` and ``undo`` ask questions on standard input, and
the checklist reads its keys there. Run from a scheduler, a pipe or with standard input
closed (``<&-``: Python then has no ``sys.stdin`` at all), there is nobody to ask: the
command says so in one line instead of failing on the first question.
"""

from __future__ import annotations

import sys


def stdin_problem() -> str | None:
    """Why no question can be asked on standard input, or ``None`` when it is a terminal."""
    stream = sys.stdin
    if stream is None:
        return "stdin is closed"
    try:
        if stream.isatty():
            return None
    except (ValueError, OSError):  # a stream closed, or a descriptor gone under it
        return "stdin is closed"
    return "stdin is not a terminal"


def no_terminal(problem: str) -> str:
    """The start of the message for a command that has nobody to ask."""
    return f"no terminal to ask on: {problem}"
