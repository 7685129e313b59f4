"""Dialogs: a yes/no confirmation, the export path, and the help screen."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class Confirm(ModalScreen[bool]):
    """Ask a yes/no question; escape or n answers no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="warning")
                yield Button(f"{self.no} (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ExportPath(ModalScreen[Path | None]):
    """Ask where to export; the suggested path is shown and can be edited."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export the checklist to this TOML file:")
            yield Input(str(self.suggested), id="path")
            yield Static("Enter to export, Esc to cancel.", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.dismiss(None)
            return
        try:
            self.dismiss(Path(text).expanduser())
        except RuntimeError:  # "~someone" who does not exist
            self.notify(f"{text}: no such home folder.", severity="error")

    def action_cancel(self) -> None:
        self.dismiss(None)


HELP = """\
[b]Keys[/b]
  ↑ ↓  j k     move through the checklist
  space         switch the selected setting (asks first)
  r             read the selected setting again
  R             read every setting again
  /             filter the rows (Esc clears)
  c or Enter    fold or unfold a platform's rows
  m             mark a by-hand step as done (or not)
  e             export the checklist to a TOML file
  p             apply a preset (recommended or strict) to every setting;
                lists each change and asks first
  u             undo the last change or preset: puts back the states it
                found, read back the same way (asks first)
  l             sign in to the selected platform in a browser window
  L             sign in with email and password (asks for a code if needed)
  o             sign out: forget the kept session (and, if asked, the password)
  ?             this help
  q             quit (closes the browser)

[b]States[/b]
  on / off      read from the setting's own page on your signed-in account
  needs login   the platform showed a sign-in page or a security check
  unavailable   the platform does not offer this setting to this account
  unknown       the page did not look as expected; nothing is guessed
  error         the page could not be loaded or the plugin failed
  ✓ / ✗          as recommended, or not
  by hand       a form or an email only you can do; marked by you when you say so
  !             changed since the last check, not by privacy-tui
                (the platform, or someone on the site, switched it)

[b]How sure[/b]
  name ?        the setting rests on a guess: its page, its control or
                its label is inferred, not on public record; where the
                site differs, the row reads unknown or unavailable
  detail pane   each fact (page, control, label) with its source and
                how sure it is: confirmed, likely or guess

Nothing changes on an account until you confirm it. A change counts only
when a fresh load of the page reads the new value back.
"""


class Help(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(HELP)
            yield Static("Esc to close.", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
