"""A footer that keeps the keys for help and quitting in sight, and shows whole keys only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from automation.language import N_, _

#: Textual's own word for the command palette's key, in the catalog with ours.
N_("palette")


@dataclass(frozen=True)
class FooterEntry:
    """A key the footer offers: the key, as shown, what it does, and for whom."""

    key: str
    shown: str
    description: str
    action: str
    #: Where the action runs (the widget, screen or app that binds the key).
    namespace: DOMNode
    enabled: bool = True
    #: The command palette's key, shown apart at the right end.
    palette: bool = False

    @property
    def width(self) -> int:
        """Its columns, with the space after it."""
        return cell_len(self.shown) + 1 + cell_len(self.description) + 1 + self.palette


class KeysFooter(Widget):
    """The keys of the screen it is on, on one line: ``space Switch  / Filter …``.

    The keys for help and quitting (and the palette's) stay together at its right end,
    so a terminal too narrow for every key still shows those. Where the other keys do
    not all fit, the least needed go whole, in the order of :attr:`RANK`, rather than
    the last one being cut in half. A click on a key does what the key does.
    """

    ALLOW_SELECT = False
    KEPT: ClassVar[tuple[str, ...]] = ("help", "quit")
    #: The other keys, the most needed first; a key not named here comes after these.
    RANK: ClassVar[tuple[str, ...]] = (
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

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--item",
        "keys-footer--bar",
    }

    # The look of Textual's compact footer.
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keys-footer--item {
            background: $footer-item-background;
        }
        & > .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keys-footer--bar {
            color: $foreground 20%;
            background: $footer-item-background;
        }
    }
    """

    def __init__(self, *, palette: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: Whether the command palette's key is offered.
        self.palette = palette
        self._keys: list[FooterEntry] = []

    def on_mount(self) -> None:
        # Its keys come with the screen's first news of its bindings, as Textual's
        # footer's do: by then the screen is laid out, and a dialog knows whether its
        # body scrolls (the footer does not show its keys without scrolling first).
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        # As Textual's own footer does: once the screen is drawn, what the keys' actions
        # allow (a body that can scroll) is known.
        self.call_after_refresh(self.read_bindings)

    def read_bindings(self) -> None:
        """Take the keys from the screen's bindings as they are now."""
        if not self.is_attached:
            return  # taken away with its screen before the news came
        keys: list[FooterEntry] = []
        seen: set[str] = set()
        active = self.screen.active_bindings
        for namespace, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown = self.app.get_key_display(binding)
                said = _(binding.description)
                keys.append(
                    FooterEntry(binding.key, shown, said, binding.action, namespace, enabled)
                )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            namespace, binding, enabled, _tooltip = palette
            shown = self.app.get_key_display(binding)
            keys.append(
                FooterEntry(
                    binding.key,
                    shown,
                    _(binding.description),
                    binding.action,
                    namespace,
                    enabled,
                    True,
                )
            )
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    # -- what it shows -----------------------------------------------------------------

    def offered(self) -> list[FooterEntry]:
        """Every key it would show with room enough: the others, then the kept ones."""
        kept = [k for k in self._keys if k.palette or k.action in self.KEPT]
        # The palette's key first, as Textual's footer has it, then help and quit.
        kept.sort(key=lambda k: not k.palette)
        return [k for k in self._keys if k not in kept] + kept

    def shown(self) -> list[FooterEntry]:
        """The keys it shows at its width, left to right."""
        kept = [k for k in self.offered() if k.palette or k.action in self.KEPT]
        others = [k for k in self.offered() if k not in kept]
        room = self.size.width - sum(k.width for k in kept)
        fitting: set[FooterEntry] = set()
        for key in sorted(others, key=self._rank):
            if key.width <= room:
                fitting.add(key)
                room -= key.width
        return [k for k in others if k in fitting] + kept

    def _rank(self, key: FooterEntry) -> int:
        return self.RANK.index(key.action) if key.action in self.RANK else len(self.RANK)

    def render(self) -> Text:
        shown = self.shown()
        kept = [k for k in shown if k.palette or k.action in self.KEPT]
        line = Text(no_wrap=True, end="")
        for key in shown:
            if key is (kept[0] if kept else None):
                gap = self.size.width - line.cell_len - sum(k.width for k in kept)
                line.append(" " * max(gap, 0))
            line.append_text(self._drawn(key))
            line.append(" ")
        return line

    def _drawn(self, key: FooterEntry) -> Text:
        item = self.get_component_rich_style("keys-footer--item")
        dim = Style(dim=True) if not key.enabled else Style()
        text = Text()
        if key.palette:
            text.append("▏", self.get_component_rich_style("keys-footer--bar"))
        text.append(key.shown, item + self.get_component_rich_style("keys-footer--key") + dim)
        description = self.get_component_rich_style("keys-footer--description")
        text.append(" " + key.description, item + description + dim)
        return text

    # -- clicks ------------------------------------------------------------------------

    def key_at(self, x: int) -> FooterEntry | None:
        """The key drawn at column ``x``."""
        shown = self.shown()
        kept = [k for k in shown if k.palette or k.action in self.KEPT]
        start = 0
        for key in shown:
            if kept and key is kept[0]:
                start = self.size.width - sum(k.width for k in kept)
            if start <= x < start + key.width - 1:
                return key
            start += key.width
        return None

    async def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            await self.app.run_action(key.action, key.namespace)
        else:
            self.app.bell()
