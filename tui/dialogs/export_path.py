"""Where to export the checklist."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from automation.language import N_, _

from .base import Dialog


class ExportPath(Dialog[Path | None]):
    """Ask where to export; the suggested path is shown and can be edited.

    Enter hands the path to ``export``, which writes the file (asking first before
    replacing one) and closes the dialog; where it cannot, it says why with
    :meth:`problem`, and the dialog stays open with the path as typed.
    """

    DEFAULT_CSS = """
    ExportPath .problem {
        color: $text-error;
        text-style: bold;
        margin-top: 1;
    }
    """
    BINDINGS = [
        # Before the field's own Enter, so the footer names it.
        Binding("enter", "submit", N_("Export"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, suggested: Path, export: Callable[[ExportPath, Path], None]) -> None:
        super().__init__()
        self.suggested = suggested
        self.export = export
        #: The path last given to ``export``.
        self._tried = ""

    def body(self) -> ComposeResult:
        yield Label(_("Export the checklist to this TOML file:"))
        yield Input(str(self.suggested), id="path")
        yield Static("", id="problem", classes="problem", markup=False)
        yield Static(_("Enter to export, Esc to cancel."), classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#problem", Static).display = False

    def on_input_changed(self, event: Input.Changed) -> None:
        # Another path than the one that failed takes the message away.
        if event.value.strip() != self._tried:
            self.problem(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        text = self._tried = self.query_one("#path", Input).value.strip()
        if not text:
            self.problem(_("Give the path of the file to write."))
            return
        try:
            path = Path(text).expanduser()
        except RuntimeError:  # "~someone" who does not exist
            self.problem(_("{path}: no such home folder.").format(path=text))
            return
        self.export(self, path)

    def problem(self, message: str | None) -> None:
        """Say why the file was not written (``None`` takes the message away)."""
        shown = self.query_one("#problem", Static)
        shown.update(message or "", layout=True)
        shown.display = message is not None
        if message is not None:
            self.query_one("#path", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
