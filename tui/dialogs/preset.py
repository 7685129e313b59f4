"""Which preset to apply."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from automation.domain.presets import PRESETS
from automation.language import N_, _

from .base import Dialog


class PresetChoice(Dialog[str | None]):
    """Pick a preset to apply; escape cancels."""

    DEFAULT_CSS = "PresetChoice { align: center middle; }"
    BINDINGS = [
        # Before the list's own Enter, so the footer names it.
        Binding("enter", "choose", N_("Apply"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def body(self) -> ComposeResult:
        yield Label(_("Apply a preset to every setting:"))
        yield OptionList(
            *(Option(f"{p.name}: {_(p.description)}", id=p.name) for p in PRESETS.values()),
            id="presets",
        )
        yield Static(
            _("Enter reads every setting and lists the changes before any is made. Esc to cancel."),
            classes="hint",
        )

    def action_choose(self) -> None:
        self.query_one(OptionList).action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
