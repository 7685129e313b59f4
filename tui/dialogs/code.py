"""The verification code a platform sent."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from automation.language import N_, _

from .base import Dialog


class CodeDialog(Dialog[str | None]):
    """Ask for the verification code a platform sent; escape gives up."""

    BINDINGS = [
        Binding("enter", "send", N_("Send the code"), priority=True),
        Binding("escape", "cancel", N_("Give up")),
    ]

    def __init__(self, title: str, detail: str) -> None:
        super().__init__()
        self.platform_title = title
        self.detail = detail

    def body(self) -> ComposeResult:
        yield Label(
            _("{title}: verification code").format(title=self.platform_title), classes="question"
        )
        yield Static(self.detail)
        yield Input(placeholder=_("code"), id="code")
        yield Static(_("Enter to send it, Esc to give up signing in."), classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#code", Input).focus()

    def action_send(self) -> None:
        code = self.query_one("#code", Input).value.strip()
        if code:
            self.dismiss(code)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        code = event.value.strip()
        if code:
            self.dismiss(code)

    def action_cancel(self) -> None:
        self.dismiss(None)
