"""A footer that keeps the keys for help and quitting in sight, and shows whole keys only."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """The footer, with the keys for help and quitting (and the palette's) kept together
    at its right end, so a terminal too narrow for every key still shows those.

    Where the other keys do not all fit, the least needed go whole, in the order of
    :attr:`RANK`, rather than the last one being cut in half.
    """

    KEPT = ("help", "quit")
    #: The other keys, the most needed first; a key not named here comes after these.
    RANK = (
        "switch",
        "preset",
        "export",
        "undo",
        "redo",
        "read",
        "filter",
        "sign_in",
        "read_all",
        "details",
        "collapse",
        "mark",
    )

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

    async def recompose(self) -> None:
        # The keys change with the focus and the screen: fit the new ones once mounted.
        await super().recompose()
        self.fit()

    def on_resize(self, event: Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """Show the keys that fit whole beside the kept ones, the most needed first."""
        if not self.is_attached:
            return
        kept = [k for k in self.query(FooterKey) if k.parent is not self]
        others = [k for k in self.query(FooterKey) if k.parent is self]
        room = self.size.width - sum(_width(k) for k in kept)
        ranked = sorted(
            others,
            key=lambda k: self.RANK.index(k.action) if k.action in self.RANK else len(self.RANK),
        )
        shown: set[FooterKey] = set()
        for key in ranked:
            width = _width(key)
            if width <= room:
                shown.add(key)
                room -= width
        for key in others:
            key.display = key in shown


def _width(key: FooterKey) -> int:
    """How many columns ``key`` takes: its words, its padding and border, its margin."""
    styles = key.styles
    return cell_len(key.render().plain) + styles.gutter.width + styles.margin.width
