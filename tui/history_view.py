"""How a setting's record shows in the detail pane: the drift mark and the latest entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from automation.language import _
from automation.language import said as say
from automation.records.history import History, HistoryError

from .words import said

if TYPE_CHECKING:
    from automation.records.history import Entry, WatchRun

#: How many entries of a setting's history the detail pane shows.
RECENT = 5
#: What a row's state gets when its value changed without privacy-tui changing it.
DRIFT_MARK = " !"


def drift_text(history: History, setting_id: str) -> Text:
    """The drift warning for the detail pane, or nothing."""
    drift = history.drift(setting_id)
    if drift is None:
        return Text()
    return Text(f"{say(drift.describe())}\n", style="bold red")


def recent_text(history: History, setting_id: str, origin: str) -> Text:
    """The latest entries for ``setting_id`` on ``origin``, newest last; nothing when none.

    Nothing either before the history is opened, which waits for the checklist's first
    frame; the pane is drawn again then.
    """
    if not history.opened:
        return Text()
    try:
        entries = history.entries(setting_id, origin=origin, limit=RECENT)
    except HistoryError as exc:
        return Text(f"\n{exc}\n", style="red")
    if not entries:
        return Text()
    try:
        watched = history.watched(entries)
    except HistoryError:
        watched = set()
    text = Text()
    text.append("\n" + _("History") + "\n", style="bold")
    for entry in entries:
        text.append(f"{entry.at.astimezone():%Y-%m-%d %H:%M}  ", style="dim")
        text.append_text(_line(entry))
        if entry.id in watched:
            text.append(" · " + _("watch"), style="dim")
        text.append("\n")
    return text


def _line(entry: Entry) -> Text:
    if entry.action == "read":
        line = Text(_("read {state}").format(state=said(entry.after)))
        if entry.drift:
            line.append(" " + _("(changed, not by privacy-tui)"), style="red")
        return line
    before = said(entry.before) if entry.before else "?"
    line = Text(_("changed {before} → {after}:").format(before=before, after=said(entry.target)))
    line.append(" ")
    if entry.verified is None:
        line.append(_("did not finish"), style="yellow")
    elif entry.verified:
        line.append(_("read back"), style="green")
    else:
        not_taken = _("did not take (read back {state})").format(state=said(entry.after))
        line.append(not_taken, style="red")
    return line


def last_watch(history: History) -> WatchRun | None:
    """The latest watched check, or none (also when the history cannot tell)."""
    try:
        return history.last_watch()
    except HistoryError:
        return None


def watch_text(run: WatchRun | None) -> Text:
    """For the summary line: when the last watched check ran and what it found."""
    if run is None:
        return Text()
    from automation.watch.check import summary_of

    style = "dim" if run.status == 0 else "bold red" if run.status == 1 else "yellow"
    watched = _("watched {when}: {found}").format(
        when=f"{run.at.astimezone():%Y-%m-%d %H:%M}",
        found=say(summary_of(run.summary, run.findings)),
    )
    return Text(" · " + watched, style=style)
