"""A footer that keeps the keys for help and quitting in sight."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


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
