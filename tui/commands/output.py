"""Printing for the headless commands: aligned tables, JSON, colour only on a terminal."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from typing import Any, TextIO

from rich.cells import cell_len

#: ANSI codes for the few styles the tables use.
_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "magenta": "35"}


def colour_wanted(stream: TextIO) -> bool:
    """Colour only for a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, style: str | None, colour: bool) -> str:
    """``text`` in ``style`` when ``colour`` is on; the plain text otherwise."""
    if not colour or not style or not text:
        return text
    codes = ";".join(_CODES[part] for part in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


Cell = str | tuple[str, str | None]
"""A cell: its text, or its text and a style such as ``"bold red"``."""


class Table:
    """Columns padded to their widest cell, counted in the terminal's cells (a Japanese
    character takes two); the last column is never padded."""

    def __init__(self, *headers: str) -> None:
        self.headers = headers
        self.rows: list[tuple[list[tuple[str, str | None]], list[str]]] = []

    def add(self, *cells: Cell) -> None:
        self.rows.append(([(c, None) if isinstance(c, str) else c for c in cells], []))

    def note(self, text: str) -> None:
        """A line of its own under the last row (indented to the second column)."""
        self.rows[-1][1].append(text)

    def render(self, colour: bool) -> str:
        widths = [cell_len(h) for h in self.headers]
        for cells, _notes in self.rows:
            for index, (text, _style) in enumerate(cells):
                widths[index] = max(widths[index], cell_len(text))
        lines = [self._line([(h, "bold") for h in self.headers], widths, colour)]
        indent = " " * (widths[0] + 2)
        for cells, notes in self.rows:
            lines.append(self._line(cells, widths, colour))
            lines.extend(indent + paint(f"↳ {n}", "yellow", colour) for n in notes)
        return "\n".join(lines)

    @staticmethod
    def _line(cells: list[tuple[str, str | None]], widths: list[int], colour: bool) -> str:
        parts = []
        for index, (text, style) in enumerate(cells):
            pad = "" if index == len(cells) - 1 else " " * (widths[index] - cell_len(text))
            parts.append(paint(text, style, colour) + pad)
        return "  ".join(parts).rstrip()


def print_table(table: Table, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    emit(table.render(colour_wanted(out)), out)


def print_json(data: Any, out: TextIO | None = None) -> None:
    emit(json.dumps(data, indent=2, ensure_ascii=False), out)


def emit(text: str, out: TextIO | None = None) -> None:
    """Print ``text`` and a line break. A reader that stopped reading (``| head``) ends
    the output quietly: the rest goes nowhere, and the command ends as it would have."""
    out = out or sys.stdout
    try:
        out.write(text + "\n")
        out.flush()
    except BrokenPipeError:
        reader_gone(out)


def reader_gone(out: TextIO) -> None:
    """Send what is still to be written to ``out`` nowhere, so that neither a later
    print nor Python's last flush at exit fails on the closed pipe."""
    try:
        fileno = out.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


def local_time(moment: datetime) -> str:
    """A moment as this machine's local date and time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
