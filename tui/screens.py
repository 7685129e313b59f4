"""Dialogs: a yes/no confirmation, the export path, and the help screen.

Every dialog is a :class:`Dialog`: its body scrolls when it is taller than the
terminal, its buttons stay in sight under it, and the footer shows the dialog's own
keys (the checklist's keys do nothing while it is open).
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Static

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A dialog whose body scrolls, whose buttons stay visible, with its keys in a footer.

    Subclasses give :meth:`body` and :meth:`buttons`; ``DIALOG_CLASSES`` adds CSS
    classes to the box.
    """

    DIALOG_CLASSES = ""
    #: Bound after the dialog's own keys, so the footer names those first.
    SCROLL_BINDINGS = (
        Binding("pagedown", "scroll_body('page_down')", "Scroll", key_display="PgDn/PgUp"),
        Binding("pageup", "scroll_body('page_up')", "Scroll up", show=False),
        Binding("down", "scroll_body('down')", "Scroll down", show=False),
        Binding("up", "scroll_body('up')", "Scroll up", show=False),
        Binding("home", "scroll_body('home')", "Top", show=False),
        Binding("end", "scroll_body('end')", "Bottom", show=False),
    )

    def __init__(self, keys: tuple[Binding, ...] = ()) -> None:
        super().__init__()
        for binding in (*keys, *self.SCROLL_BINDINGS):
            self._bindings.bind(
                binding.key,
                binding.action,
                binding.description,
                show=binding.show,
                key_display=binding.key_display,
            )

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog {self.DIALOG_CLASSES}".strip()):
            # Scrolled by the dialog's keys, so it takes no turn in the focus order.
            with VerticalScroll(classes="body", can_focus=False):
                yield from self.body()
            buttons = list(self.buttons())
            if buttons:
                # Docked under the body, so no length of body pushes them out of sight.
                with Horizontal(classes="buttons"):
                    yield from buttons
        yield Footer(show_command_palette=False)

    def body(self) -> ComposeResult:
        yield from ()

    def buttons(self) -> list[Widget]:
        return []

    def on_mount(self) -> None:
        # Once laid out, the footer offers scrolling only if the body needs it.
        self.call_after_refresh(self.refresh_bindings)

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_bindings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scroll_body":
            return self.query_one(".body", VerticalScroll).allow_vertical_scroll
        return True

    def action_scroll_body(self, how: str) -> None:
        body = self.query_one(".body", VerticalScroll)
        {
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "down": body.scroll_down,
            "up": body.scroll_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[how](animate=False)


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


class ExportPath(Dialog[Path | None]):
    """Ask where to export; the suggested path is shown and can be edited."""

    BINDINGS = [
        # Before the field's own Enter, so the footer names it.
        Binding("enter", "submit", "Export", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested

    def body(self) -> ComposeResult:
        yield Label("Export the checklist to this TOML file:")
        yield Input(str(self.suggested), id="path")
        yield Static("Enter to export, Esc to cancel.", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        text = self.query_one("#path", Input).value.strip()
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
  ↑ ↓  j k      move through the checklist
  PgUp PgDn     move a page up or down
  Home End      go to the first or the last row
  space         switch the selected setting (asks first)
  r             read the selected setting again
  R             read every setting again
  /             filter the rows (Enter keeps the filter,
                Esc clears it)
  c or Enter    fold or unfold a platform's rows
  m             mark a by-hand step as done (or not)
  e             export the checklist to a TOML file
  p             apply a preset (recommended or strict) to every
                setting: lists each change and asks first
  u             undo the last change or preset: puts back the
                states it found, read back the same way (asks)
  l             sign in to the platform in a browser window
  L             sign in with email and password, where the
                platform has a sign-in form (and a code if asked)
  o             sign out: forget the kept session (and, if
                asked, the stored email and password)
  d             show or hide the detail pane
  Ctrl+P        the command palette: every action, and every
                setting by name
  ?             this help
  q  Ctrl+C     quit (closes the browser)

[b]In a dialog[/b]
  y / n         answer yes or no (the footer says what each does)
  Esc           cancel, or close
  PgUp PgDn     scroll a long list (↑ ↓ Home End too)
  Tab           the next field or button

[b]States[/b]
  on / off      read from the setting's own page on your
                signed-in account
  ✓ / ✗         as recommended, or not (✗ and its value in bold)
  needs login   the platform showed a sign-in page or a check
  unavailable   the platform does not offer it to this account
  unknown       the page did not look as expected; nothing is
                guessed
  error         the page could not be loaded or the plugin failed
  by hand       a form or an email only you can do; marked by
                you when you say so
  !             changed since the last check, not by privacy-tui
                (the platform, or someone on the site, switched it)

[b]How sure[/b]
  name ?        rests on a guess: its page, control or label
                is inferred, not on public record; where the
                site differs, the row reads unknown or
                unavailable
  detail pane   each fact (page, control, label) with its
                source and how sure it is: confirmed, likely
                or guess

Nothing changes on an account until you confirm it. A change
counts only when a fresh load of the page reads the new value back.
"""


class Help(Dialog[None]):
    DIALOG_CLASSES = "help"
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def body(self) -> ComposeResult:
        yield Static(HELP)
        yield Static("Esc to close.", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
