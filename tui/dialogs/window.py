"""The wait while a browser window is open for signing in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Static

from .base import Dialog


class WindowWaiting(Dialog[bool]):
    """Shown while a browser window waits for the person to sign in; escape gives up."""

    BINDINGS = [Binding("escape", "give_up", "Give up")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.platform_title = title

    def body(self) -> ComposeResult:
        yield Label(f"Sign in to {self.platform_title} in the browser window", classes="question")
        yield Static(
            f"A browser window is open at {self.platform_title}'s sign-in page. Sign in "
            f"there, with any check {self.platform_title} asks for. The window closes by "
            "itself once you are signed in, and the session is kept."
        )
        yield Static("Close the window, or press Esc here, to give up.", classes="hint")

    def action_give_up(self) -> None:
        self.dismiss(True)
