"""Where to export the checklist."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from .base import Dialog


class ExportPath(Dialog[Path | None]):
    """Ask where to export; the suggested path is shown and can be edited."""

    BINDINGS = [
        # Before the field's own Enter, so the footer names it.
        Binding("enter", "submit", "Export", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested

    def body(self) -> ComposeResult:
        yield Label("Export the checklist to this TOML file:")
        yield Input(str(self.suggested), id="path")
        yield Static("Enter to export, Esc to cancel.", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.dismiss(None)
            return
        try:
            self.dismiss(Path(text).expanduser())
        except RuntimeError:  # "~someone" who does not exist
            self.notify(f"{text}: no such home folder.", severity="error")

    def action_cancel(self) -> None:
        self.dismiss(None)
