"""The wait while a browser window is open for signing in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Static

from automation.language import N_, _

from .base import Dialog


class WindowWaiting(Dialog[bool]):
    """Shown while a browser window waits for the person to sign in; escape gives up."""

    BINDINGS = [Binding("escape", "give_up", N_("Give up"))]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.platform_title = title

    def body(self) -> ComposeResult:
        title = self.platform_title
        yield Label(
            _("Sign in to {title} in the browser window").format(title=title), classes="question"
        )
        yield Static(
            _(
                "A browser window is open at {title}'s sign-in page. Sign in there, with any "
                "check {title} asks for. The window closes by itself once you are signed in, "
                "and the session is kept."
            ).format(title=title)
        )
        yield Static(_("Close the window, or press Esc here, to give up."), classes="hint")

    def action_give_up(self) -> None:
        self.dismiss(True)
