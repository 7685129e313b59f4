"""Drawing the widgets again from the model, and keeping the screen quick meanwhile."""

from __future__ import annotations

import gc
from typing import Any

from textual.app import App

from .model import ChecklistModel, Redraw, SettingRow
from .widgets.checklist import Checklist
from .widgets.detail import DetailPane
from .widgets.status import StatusLine

#: Python's threshold for full garbage collections while engine work is under way
#: (in effect, none), and its own.
HELD = 10**9
FULL = gc.get_threshold()[2]


class Drawing:
    """Draws the checklist, the status line and the detail pane from the model.

    Engine events come in bursts (a platform's page gives several readings at once):
    the widgets are drawn once for all the events waiting, not once for each. And while
    engine work is under way, Python's full garbage collections wait: one walks every
    object the app, Textual and Playwright hold, 50 to 200 ms in which the screen
    answers no key. The young generations are still collected; the full collections
    come back when the work is over.
    """

    def __init__(self, app: App[Any], model: ChecklistModel) -> None:
        self.app = app
        self.model = model
        #: What the events waiting ask of the widgets; ``None`` when none wait.
        self._pending: set[Redraw] | None = None

    def now(self, what: Redraw = Redraw.CELLS) -> None:
        """Draw the widgets again; ``Redraw.ROWS`` lays the checklist out again first."""
        checklist = self.app.query_one(Checklist)
        if what is Redraw.ROWS:
            checklist.lay_out()
        checklist.update_cells()
        self.app.query_one(StatusLine).show()
        self.detail()
        self.hold_collections(bool(self.model.busy))

    def soon(self, what: Redraw) -> None:
        """Draw the widgets again once the events waiting now are taken in."""
        if self._pending is None:
            self._pending = set()
            self.app.call_later(self._draw_pending)
        self._pending.add(what)

    def detail(self) -> None:
        """Show the highlighted row in the detail pane."""
        checklist = self.app.query_one(Checklist)
        row = checklist.highlighted()
        state = checklist.state_cell(row.setting_id) if isinstance(row, SettingRow) else None
        self.app.query_one(DetailPane).show(row, state)

    def hold_collections(self, hold: bool) -> None:
        """Hold Python's full garbage collections off, or let them come again."""
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, HELD if hold else FULL)

    def _draw_pending(self) -> None:
        pending, self._pending = self._pending or set(), None
        self.now(Redraw.ROWS if Redraw.ROWS in pending else Redraw.CELLS)
