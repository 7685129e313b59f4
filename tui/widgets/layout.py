"""The checklist and its detail pane, side by side when there is room."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.geometry import Size

#: Narrower than this, the detail pane goes below the checklist (columns).
SIDE_BY_SIDE = 120
#: Lower than this, the detail pane is left out unless asked for with d (lines).
ROOM_FOR_DETAIL = 24


class MainArea(Horizontal):
    """Holds the checklist and the detail pane, and lays them out for the terminal's size:
    side by side when wide, the pane below when narrow, and the pane left out when low
    unless d asks for it."""

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        #: The detail pane as d last set it; ``None`` while the terminal's size decides.
        self.detail_wanted: bool | None = None
        self._terminal = Size(SIDE_BY_SIDE, ROOM_FOR_DETAIL)

    def fit(self, terminal: Size) -> None:
        """Lay out for a terminal of this size."""
        self._terminal = terminal
        width, height = terminal
        self.set_class(width < SIDE_BY_SIDE, "narrow")
        shown = self.detail_wanted
        if shown is None:
            shown = height >= ROOM_FOR_DETAIL or width >= SIDE_BY_SIDE
        self.set_class(not shown, "no-detail")

    def toggle_detail(self) -> None:
        """Show the detail pane if it is hidden, else hide it, whatever the size."""
        self.detail_wanted = self.has_class("no-detail")
        self.fit(self._terminal)
