"""The dialog every dialog is: its body scrolls, its buttons and its own keys stay in sight."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget

from automation.language import N_

from ..widgets.footer import KeysFooter

T = TypeVar("T")


class DialogBody(VerticalScroll):
    """A dialog's body. When it comes to need scrolling, or no longer does, the dialog's
    keys are looked at again: the footer offers scrolling only while it is needed."""

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        self.screen.refresh_bindings()


class Dialog(ModalScreen[T]):
    """A dialog whose body scrolls, whose buttons stay visible, with its keys in a footer.

    Subclasses give :meth:`body` and :meth:`buttons`, and their keys in ``BINDINGS``;
    ``DIALOG_CLASSES`` adds CSS classes to the box.
    """

    DIALOG_CLASSES = ""
    #: Bound after the dialog's own keys, so the footer names those first.
    SCROLL_BINDINGS: ClassVar[tuple[Binding, ...]] = (
        Binding("pagedown", "scroll_body('page_down')", N_("Scroll"), key_display="PgDn/PgUp"),
        Binding("pageup", "scroll_body('page_up')", N_("Scroll up"), show=False),
        Binding("down", "scroll_body('down')", N_("Scroll down"), show=False),
        Binding("up", "scroll_body('up')", N_("Scroll up"), show=False),
        Binding("home", "scroll_body('home')", N_("Top"), show=False),
        Binding("end", "scroll_body('end')", N_("Bottom"), show=False),
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # A dialog's own keys, then the keys that scroll its body: Textual keeps the
        # order in which a key is first bound, from the base class down.
        own = cls.__dict__.get("BINDINGS")
        if own is not None:
            cls.BINDINGS = [*own, *cls.SCROLL_BINDINGS]
        super().__init_subclass__(**kwargs)

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog {self.DIALOG_CLASSES}".strip()):
            # Scrolled by the dialog's keys, so it takes no turn in the focus order.
            with DialogBody(classes="body", can_focus=False):
                yield from self.body()
            buttons = list(self.buttons())
            if buttons:
                # Docked under the body, so no length of body pushes them out of sight.
                with Horizontal(classes="buttons"):
                    yield from buttons
        yield KeysFooter(palette=False)

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
