"""The ``?`` help: every key, and what the states mean."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from automation.language import N_, _

from ..keys import bound, help_text
from .base import Dialog


class Help(Dialog[None]):
    DIALOG_CLASSES = "help"
    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"))]

    def body(self) -> ComposeResult:
        yield Static(help_text(bound(self.app)))
        yield Static(_("Esc to close."), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
