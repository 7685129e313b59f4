"""A checkbox whose box is empty until it is ticked."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Textual's checkbox draws an ``X`` in its box ticked or not, told apart by colour
    alone: without colour, or at a glance, an unticked box reads as ticked. This one
    is empty until ticked, then shows ``✓``."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # Textual's name for the box's inside
        return "✓" if self.value else " "
