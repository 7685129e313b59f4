"""A local record of every reading and every change, kept in SQLite.

Each entry says when, which setting (and on which origin, so a replica's readings
never mix with the real site's), the state before and after, and for a change
whether the fresh read-back showed the value asked for. It also keeps the undo
points: the states an apply found before it changed anything.

Three parts, one file: :mod:`~automation.history.store` opens the file and refuses a
damaged one, :mod:`~automation.history.recorder` records the engine's events (and
watched checks) and reads them back, :mod:`~automation.history.undo` keeps the undo
points. :class:`History` is all three over one file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import events
from .recorder import Drift, Entry, EventSource, Recorder, WatchRun
from .store import SCHEMA_VERSION, HistoryError, Store, default_path
from .undo import ApplyItem, ApplyRecord, UndoPoints

__all__ = [
    "SCHEMA_VERSION",
    "ApplyItem",
    "ApplyRecord",
    "Drift",
    "Entry",
    "History",
    "HistoryError",
    "WatchRun",
    "default_path",
]


class History:
    """The record of readings, changes and undo points.

    Open a file with :meth:`open`, or keep one only in memory with :meth:`in_memory`
    (the demo does, so replica readings never reach the user's own record).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.recorder = Recorder(store)
        self.undo_points = UndoPoints(store)

    @classmethod
    def open(cls, path: Path | None = None) -> History:
        """Open (or create) the history file; raises :class:`HistoryError`."""
        return cls(Store.open(path))

    @classmethod
    def in_memory(cls) -> History:
        """A history that lasts as long as the process."""
        return cls(Store.in_memory())

    @property
    def path(self) -> Path | None:
        return self.store.path

    @property
    def problem(self) -> str | None:
        """Why this run's entries could not be written, once a write failed."""
        return self.store.problem

    def close(self) -> None:
        self.store.close()

    # -- recording -----------------------------------------------------------------------

    def attach(self, engine: EventSource) -> Callable[[], None]:
        """Record every reading and change ``engine`` makes; returns a function that stops."""
        return self.recorder.attach(engine)

    def record(self, event: events.Event, origins: Mapping[str, str]) -> None:
        """Append what ``event`` says; ``origins`` maps platform names to their origin."""
        self.recorder.record(event, origins)

    def drift(self, setting_id: str) -> Drift | None:
        """The drift this run found for ``setting_id``, until privacy-tui changes it."""
        return self.recorder.drift(setting_id)

    def entries(
        self,
        setting_id: str | None = None,
        *,
        origin: str | None = None,
        limit: int | None = 50,
    ) -> list[Entry]:
        """The latest ``limit`` entries (of one setting and origin, or all), oldest first."""
        return self.recorder.entries(setting_id, origin=origin, limit=limit)

    def known_ids(self) -> set[str]:
        """Every setting id the history has an entry for."""
        return self.recorder.known_ids()

    # -- watched checks ------------------------------------------------------------------

    def last_entry_id(self) -> int:
        """The id of the latest entry (0 when there is none)."""
        return self.recorder.last_entry_id()

    def record_watch(
        self,
        after_entry: int,
        *,
        at: datetime,
        status: int,
        summary: str,
        findings: list[dict[str, Any]],
        told: list[str],
    ) -> None:
        """Keep what a watched check found; its entries are those after ``after_entry``."""
        self.recorder.record_watch(
            after_entry, at=at, status=status, summary=summary, findings=findings, told=told
        )

    def last_watch(self) -> WatchRun | None:
        """The latest watched check, if one was recorded."""
        return self.recorder.last_watch()

    def watched(self, entries: Iterable[Entry]) -> set[int]:
        """The ids among ``entries`` that a watched check recorded."""
        return self.recorder.watched(entries)

    # -- undo points -----------------------------------------------------------------------

    def begin_apply(
        self, source: str, items: Iterable[ApplyItem], undoes: int | None = None
    ) -> int:
        """Record the states an apply found, before it changes anything; returns its id.

        Raises :class:`HistoryError` when it cannot be written.
        """
        return self.undo_points.begin(source, items, undoes)

    def last_apply(self) -> ApplyRecord | None:
        """The latest apply (not counting undos themselves), whether undone or not."""
        return self.undo_points.last()

    def apply_at(self, apply_id: int) -> datetime | None:
        """When apply ``apply_id`` was recorded."""
        return self.undo_points.at(apply_id)

    def mark_undone(self, apply_id: int, by: int) -> None:
        """Note that apply ``by`` restored what apply ``apply_id`` found."""
        self.undo_points.mark_undone(apply_id, by)
