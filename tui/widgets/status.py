"""The status line: how many settings are as recommended, and the progress of the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from .. import history_view, view
from ..model import ChecklistModel

if TYPE_CHECKING:
    from automation.history import History, WatchRun

#: The status line while the app closes the browser on its way out.
QUITTING = Text(" closing the browser…", style="bold")


class StatusLine(Horizontal):
    """The counts of the checklist, the latest watched check, and a progress bar while
    settings are being read or changed."""

    def __init__(self, model: ChecklistModel, history: History, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.model = model
        self.history = history
        #: The latest watched check, looked up once the history is open.
        self.last_watch: WatchRun | None = None
        self._looked = False
        self.closing = False
        #: The counts shown: drawn again only when they change.
        self.shown: Text | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        yield ProgressBar(id="progress", show_eta=False)

    def show(self) -> None:
        """Draw the counts and the progress from the model."""
        progress = self.query_one(ProgressBar)
        progress.display = bool(self.model.busy) and not self.closing
        if self.closing:
            self.query_one("#summary", Static).update(QUITTING)
            return
        if not self._looked and self.history.opened:
            self._looked = True
            self.last_watch = history_view.last_watch(self.history)
        summary = view.summary(self.model.counts())
        summary.append_text(history_view.watch_text(self.last_watch))
        if self.app.no_color:
            summary = view.colourless(summary)
        if not view.same(self.shown, summary):
            self.shown = summary
            # One line, as wide as the status line leaves it whatever it says: the screen
            # need not be laid out again (that would draw every widget again).
            self.query_one("#summary", Static).update(summary, layout=False)
        if self.model.busy:
            total, done = self.model.progress()
            progress.update(total=total, progress=done)

    def close(self) -> None:
        """Say that the browser is being closed, in place of the counts."""
        self.closing = True
        self.show()
