"""Signing out of a platform."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Static

from automation.language import N_, _

from ..widgets.tickbox import TickBox
from .base import Dialog


@dataclass(frozen=True)
class SignOutAnswer:
    forget_credentials: bool


class SignOutDialog(Dialog[SignOutAnswer | None]):
    """Confirm signing out, optionally forgetting the stored credentials too."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Sign out")),
        Binding("n,escape", "answer(False)", N_("Cancel")),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.platform_title = title

    def body(self) -> ComposeResult:
        yield Static(
            _(
                "Sign out of [b]{title}[/b] here? The session privacy-tui keeps is forgotten; "
                "reading a setting needs signing in again."
            ).format(title=self.platform_title),
            classes="question",
        )
        yield TickBox(_("Also forget the stored email and password"), id="forget")

    def buttons(self) -> list[Widget]:
        return [
            Button(_("Sign out") + " (y)", id="yes", variant="warning"),
            Button(_("Cancel") + " (n)", id="no", variant="primary"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        forget = self.query_one("#forget", Checkbox).value
        self.dismiss(SignOutAnswer(forget) if yes else None)
