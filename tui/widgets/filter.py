"""The filter line over the checklist."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    """The filter line; Esc clears it, hides it and says so."""

    BINDINGS = [Binding("escape", "clear", "Clear the filter")]

    class Cleared(Message):
        """The filter was cleared and put away; the checklist takes the focus back."""

    def action_clear(self) -> None:
        self.value = ""
        self.display = False
        self.post_message(self.Cleared())
