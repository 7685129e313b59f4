"""The checklist's own widgets: the table, and a footer that keeps help and quit in sight."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.message import Message
from textual.widgets import DataTable, Footer
from textual.widgets._footer import FooterKey


class Checklist(DataTable):
    """The checklist table: Home and End go to the first and last row, and a change of
    size is told to the app, which fits the columns to it."""

    BINDINGS = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    class Resized(Message):
        """The table's size changed; its columns should be fitted again."""

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())


class KeysFooter(Footer):
    """The footer, with the keys for help and quitting (and the palette's) kept together
    at its right end, so a terminal too narrow for every key still shows those."""

    KEPT = ("help", "quit")

    DEFAULT_CSS = """
    KeysFooter HorizontalGroup.-kept {
        dock: right;
        width: auto;
    }
    KeysFooter HorizontalGroup.-kept FooterKey.-command-palette {
        dock: none;
    }
    """

    def compose(self) -> ComposeResult:
        kept: list[FooterKey] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey) and (
                widget.action in self.KEPT or widget.has_class("-command-palette")
            ):
                kept.append(widget)
            else:
                yield widget
        if kept:
            # The palette's key first, as Textual's footer has it, then help and quit.
            kept.sort(key=lambda key: not key.has_class("-command-palette"))
            with HorizontalGroup(classes="-kept"):
                yield from kept
