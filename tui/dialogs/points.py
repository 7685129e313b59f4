"""The undo points, newest first: what each changed, and which one u or U takes next."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from automation.language import N_, _, ngettext
from automation.records.history import ApplyRecord

from ..words import said
from .base import Dialog


def points_text(
    points: Sequence[ApplyRecord],
    *,
    next_undo: int | None,
    next_redo: int | None,
    name: Callable[[str], str],
    undo_key: str = "u",
    redo_key: str = "U",
) -> str:
    """The points as the dialog lists them (Rich markup); ``name`` names a setting id, and
    ``undo_key`` and ``redo_key`` are the keys that undo and redo."""
    if not points:
        return _("No undo points yet: a switch, a preset or an apply makes one.")
    lines: list[str] = []
    for point in points:
        when = point.at.astimezone().strftime("%Y-%m-%d %H:%M")
        if point.id == next_undo:
            state = (
                "[b]" + _("in effect: {key} undoes this next").format(key=escape(undo_key)) + "[/b]"
            )
        elif point.id == next_redo:
            said_ = _("undone: {key} puts this back").format(key=escape(redo_key))
            state = f"[b]{said_}[/b]"
        else:
            state = "[dim]" + _("undone") + "[/dim]" if point.undone else _("in effect")
        count = len(point.items)
        what = ngettext("{n} change", "{n} changes", count).format(n=count)
        lines.append(f"[b]{escape(point.source)}[/b]  {when}  {what}  {state}")
        for item in point.items:
            lines.append(
                f"    {escape(name(item.setting_id))}: {said(item.before)} → {said(item.target)}"
            )
        lines.append("")
    return "\n".join(lines).rstrip()


class UndoPoints(Dialog[None]):
    """Lists the undo points; Esc closes it."""

    DIALOG_CLASSES = "help"
    BINDINGS = [Binding("escape,q,h", "close", N_("Close"))]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def body(self) -> ComposeResult:
        yield Static(_("[b]Undo points[/b], newest first") + "\n", classes="hint")
        yield Static(self.text)
        yield Static("\n" + _("Esc to close."), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
