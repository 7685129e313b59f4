"""The sign-in form: username, password, and whether to remember them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Static

from automation.accounts.secrets import Credentials
from automation.language import N_, _

from ..widgets.tickbox import TickBox
from .base import Dialog


@dataclass(frozen=True)
class CredentialsAnswer:
    """What the credentials form was given."""

    credentials: Credentials = field(repr=False)
    remember: bool


class UsernameInput(Input):
    """The username field, which hands what follows Tab or Enter to the password field.

    Keys typed quickly (a password manager's auto-type, a paste sent as keys) are on
    their way to this field before a change of focus can take effect: every key after
    Tab or Enter goes straight into the password field, so no character meant for the
    password is ever shown here. A paste holding a tab or a line break is split the
    same way.
    """

    def __init__(self, password: Input, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.password_field = password
        self.handed_over = False

    # Textual calls these before Input's own handlers; prevent_default() skips those.

    def on_focus(self, event: events.Focus) -> None:
        self.handed_over = False  # back in the username field, on purpose

    async def on_key(self, event: events.Key) -> None:
        if self.handed_over:
            event.stop()
            event.prevent_default()
            if event.is_printable and event.character is not None:
                self.password_field.insert_text_at_cursor(event.character)
            elif event.key == "backspace":
                self.password_field.action_delete_left()
            elif event.key == "enter":
                await self.password_field.action_submit()
            return
        if event.key in ("tab", "enter"):
            event.stop()
            event.prevent_default()
            self._hand_over()

    def on_paste(self, event: events.Paste) -> None:
        first, *rest = re.split(r"[\t\r\n]+", event.text, maxsplit=1)
        if not rest:
            return  # a username alone: Input's own handler pastes it
        event.stop()
        event.prevent_default()
        self.insert_text_at_cursor(first)
        self._hand_over()
        password = re.split(r"[\t\r\n]", rest[0], maxsplit=1)[0]
        self.password_field.insert_text_at_cursor(password)

    def _hand_over(self) -> None:
        self.handed_over = True
        # Set at once, not later: keys already on their way follow ``handed_over``.
        self.screen.set_focus(self.password_field)


class CredentialsForm(Dialog[CredentialsAnswer | None]):
    """Ask for a username and a password (masked), and whether to remember them.

    Without a working keyring there is nothing to remember them in, and no box to tick.
    """

    BINDINGS = [
        Binding("tab", "focus_next", N_("Next field")),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, title: str, *, can_remember: bool, note: str = "") -> None:
        super().__init__()
        self.platform_title = title
        self.can_remember = can_remember
        self.note = note

    def body(self) -> ComposeResult:
        yield Label(_("Sign in to {title}").format(title=self.platform_title), classes="question")
        if self.note:
            yield Static(self.note, classes="hint")
        # Keys handed over from the username land in a field that has no selection
        # to replace when it takes the focus.
        password = Input(
            placeholder=_("password"), password=True, id="password", select_on_focus=False
        )
        yield UsernameInput(password, placeholder=_("email or phone"), id="username")
        yield password
        if self.can_remember:
            yield TickBox(_("Remember them in the keyring"), value=False, id="remember")
        else:
            yield Static(
                _("No working keyring here: they are used once and not kept."), classes="hint"
            )

    def buttons(self) -> list[Widget]:
        return [
            Button(_("Sign in"), id="submit", variant="primary"),
            Button(_("Cancel") + " (esc)", id="cancel"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#username", Input).focus()

    def action_focus_next(self) -> None:
        self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "username":
            self.query_one("#password", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        username = self.query_one("#username", Input).value.strip()
        password = self.query_one("#password", Input)
        if not username or not password.value:
            self.notify(_("Give both the username and the password."), severity="warning")
            return
        remember = self.can_remember and self.query_one("#remember", Checkbox).value
        answer = CredentialsAnswer(Credentials(username, password.value), remember)
        password.value = ""  # no password left in a widget after the form is gone
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.query_one("#password", Input).value = ""
        self.dismiss(None)
