"""A yes/no question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Static

from .base import Dialog


class Confirm(Dialog[bool]):
    """Ask a yes/no question; y answers yes, n or escape no (bound with the answers' words)."""

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        # The footer names the answers as the buttons do.
        super().__init__(
            (
                Binding("y", "answer(True)", yes),
                Binding("n", "answer(False)", no),
                Binding("escape", "answer(False)", no, show=False),
            )
        )
        self.question, self.yes, self.no = question, yes, no

    def body(self) -> ComposeResult:
        yield Static(self.question, classes="question")

    def buttons(self) -> list[Widget]:
        return [
            Button(f"{self.yes} (y)", id="yes", variant="warning"),
            Button(f"{self.no} (n)", id="no", variant="primary"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
