"""Whether there is a terminal to ask the person on.

``credentials``, ``login``, ``apply`` and ``undo`` ask questions on standard input, and
the checklist reads its keys there. Run from a scheduler, a pipe or with standard input
closed (``<&-``: Python then has no ``sys.stdin`` at all), there is nobody to ask: the
command says so in one line instead of failing on the first question.
"""

from __future__ import annotations

import sys

from automation.language import Sentence


def stdin_problem() -> str | None:
    """Why no question can be asked on standard input, or ``None`` when it is a terminal."""
    stream = sys.stdin
    if stream is None:
        return Sentence("stdin is closed")
    try:
        if stream.isatty():
            return None
    except (ValueError, OSError):  # a stream closed, or a descriptor gone under it
        return Sentence("stdin is closed")
    return Sentence("stdin is not a terminal")


def no_terminal(problem: str) -> str:
    """The start of the message for a command that has nobody to ask (a sentence said in
    the reader's language where it is shown; English where a program reads it)."""
    return Sentence("no terminal to ask on: {problem}", problem=problem)
