"""A yes/no question."""

from __future__ import annotations

from functools import cache

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Button, Static

from automation.language import N_, _

from .base import Dialog


class Confirm(Dialog[bool]):
    """Ask a yes/no question; y answers yes, n or escape no.

    The footer and the buttons name the answers in :attr:`YES` and :attr:`NO`: make one
    with :func:`confirm`, which gives each pair of answers a kind of its own.
    """

    YES = N_("Yes")
    NO = N_("No")
    BINDINGS = [
        Binding("y", "answer(True)", YES),
        Binding("n", "answer(False)", NO),
        Binding("escape", "answer(False)", NO, show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, self.YES, self.NO

    def body(self) -> ComposeResult:
        yield Static(self.question, classes="question")

    def buttons(self) -> list[Widget]:
        return [
            Button(f"{_(self.yes)} (y)", id="yes", variant="warning"),
            Button(f"{_(self.no)} (n)", id="no", variant="primary"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


@cache
def answered_with(yes: str, no: str) -> type[Confirm]:
    """The kind of :class:`Confirm` whose keys and buttons say ``yes`` and ``no``."""
    return type(
        "Confirm",
        (Confirm,),
        {
            "YES": yes,
            "NO": no,
            "BINDINGS": [
                Binding("y", "answer(True)", yes),
                Binding("n", "answer(False)", no),
                Binding("escape", "answer(False)", no, show=False),
            ],
        },
    )


def confirm(question: str, *, yes: str = Confirm.YES, no: str = Confirm.NO) -> Confirm:
    """A yes/no question whose footer and buttons name the answers as given: in English,
    marked with ``N_``; they are said in the language spoken where shown."""
    return answered_with(yes, no)(question)
