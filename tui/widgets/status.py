"""The status line: how many settings are as recommended, and the progress of the work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from automation.language import _

from .. import history_view, view
from ..model import ChecklistModel
from .line import FittedLine

if TYPE_CHECKING:
    from automation.records.history import History, WatchRun

    from ..progress import ChangeRun


#: The status line while the app closes the browser on its way out.
def quitting() -> Text:
    return Text(" " + _("closing the browser…"), style="bold")


class StatusLine(Horizontal):
    """The counts of the checklist, the latest watched check, and a progress bar while
    settings are being read or changed. While a run of changes goes on, it counts them
    ("changing 12 of 56"), and then says how the run went until other work starts."""

    def __init__(
        self,
        model: ChecklistModel,
        history: History,
        changes: Callable[[], ChangeRun | None] = lambda: None,
        **kwargs: str,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.model = model
        self.history = history
        #: The run of changes under way, or the last one.
        self.changes = changes
        #: The latest watched check, looked up once the history is open.
        self.last_watch: WatchRun | None = None
        self._looked = False
        self.closing = False
        #: The counts shown: drawn again only when they change.
        self.shown: Text | None = None

    def compose(self) -> ComposeResult:
        yield FittedLine(id="summary")

    def _bar(self, wanted: bool) -> ProgressBar | None:
        """The progress bar: put in the first time there is progress to show, so the
        first frame does not wait for a widget it keeps hidden."""
        found = self.query(ProgressBar)
        if found or not wanted:
            return found.first() if found else None
        bar = ProgressBar(id="progress", show_eta=False)
        self.mount(bar)
        return bar

    def show(self) -> None:
        """Draw the counts and the progress from the model."""
        run = self.changes()
        if run is not None and not run.running and "checking" in self.model.busy.values():
            run.dismissed = True  # a reading took its place
        changing = run is not None and run.running
        working = (bool(self.model.busy) or changing) and not self.closing
        progress = self._bar(working)
        if progress is not None:
            progress.display = working
        if self.closing:
            self.query_one("#summary", Static).update(quitting())
            return
        if not self._looked and self.history.opened:
            self._looked = True
            self.last_watch = history_view.last_watch(self.history)
        summary = view.summary(self.model.counts())
        summary.append_text(history_view.watch_text(self.last_watch))
        if run is not None and not run.dismissed:
            said = Text(f" {run.status()} ·", style="bold")
            summary = said.append_text(summary)
        if self.app.no_color:
            summary = view.colourless(summary)
        if not view.same(self.shown, summary):
            self.shown = summary
            # One line, as wide as the status line leaves it whatever it says: the screen
            # need not be laid out again (that would draw every widget again).
            self.query_one("#summary", Static).update(summary, layout=False)
        if progress is not None and working:
            total, done = run.progress() if run is not None and changing else self.model.progress()
            progress.update(total=total, progress=done)

    def close(self) -> None:
        """Say that the browser is being closed, in place of the counts."""
        self.closing = True
        self.show()
