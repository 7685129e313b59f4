"""The undo points, newest first: what each changed, and which one u or U takes next."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from automation.history import ApplyRecord

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
        return "No undo points yet: a switch, a preset or an apply makes one."
    lines: list[str] = []
    for point in points:
        when = point.at.astimezone().strftime("%Y-%m-%d %H:%M")
        if point.id == next_undo:
            state = f"[b]in effect: {escape(undo_key)} undoes this next[/b]"
        elif point.id == next_redo:
            state = f"[b]undone: {escape(redo_key)} puts this back[/b]"
        else:
            state = "[dim]undone[/dim]" if point.undone else "in effect"
        count = len(point.items)
        what = f"{count} {'change' if count == 1 else 'changes'}"
        lines.append(f"[b]{escape(point.source)}[/b]  {when}  {what}  {state}")
        for item in point.items:
            lines.append(f"    {escape(name(item.setting_id))}: {item.before} → {item.target}")
        lines.append("")
    return "\n".join(lines).rstrip()


class UndoPoints(Dialog[None]):
    """Lists the undo points; Esc closes it."""

    DIALOG_CLASSES = "help"
    BINDINGS = [Binding("escape,q,h", "close", "Close")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def body(self) -> ComposeResult:
        yield Static("[b]Undo points[/b], newest first\n", classes="hint")
        yield Static(self.text)
        yield Static("\nEsc to close.", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
