"""A local record of every reading and every change, kept in SQLite.

Each entry says when, which setting (and on which origin, so a replica's readings
never mix with the real site's), the state before and after, and for a change
whether the fresh read-back showed the value asked for. It also keeps the undo
points: the states an apply found before it changed anything.

Four parts, one file: :mod:`~automation.records.history.store` opens the file and refuses a
damaged one, :mod:`~automation.records.history.recorder` records the engine's events and reads
them back, :mod:`~automation.records.history.watch_runs` keeps the watched checks,
:mod:`~automation.records.history.undo` keeps the undo points. :class:`History` is all four
over one file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automation.domain import events
from automation.files import folders
from automation.records.history.errors import HistoryError

if TYPE_CHECKING:
    from automation.records.history.addresses import Places, kept_address
    from automation.records.history.recorder import Drift, Entry, EventSource, Recorder
    from automation.records.history.store import SCHEMA_VERSION, Store, default_path
    from automation.records.history.undo import ApplyItem, ApplyRecord, UndoPoints
    from automation.records.history.watch_runs import WatchRun, WatchRuns

__all__ = [
    "SCHEMA_VERSION",
    "ApplyItem",
    "ApplyRecord",
    "Drift",
    "Entry",
    "History",
    "HistoryError",
    "Places",
    "WatchRun",
    "default_path",
    "kept_address",
]

#: Where the names this package hands on are defined. They are imported when first
#: asked for, so naming the history (and opening it later) does not load SQLite.
_LATER = {
    "SCHEMA_VERSION": "store",
    "Places": "addresses",
    "default_path": "store",
    "kept_address": "addresses",
    "Drift": "recorder",
    "Entry": "recorder",
    "WatchRun": "watch_runs",
    "ApplyItem": "undo",
    "ApplyRecord": "undo",
}


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(import_module(f"{__name__}.{_LATER[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class History:
    """The record of readings, changes and undo points.

    Open a file with :meth:`open`, or keep one only in memory with :meth:`in_memory`
    (the demo does, so replica readings never reach the user's own record). The
    in-memory one, and a file opened with ``later``, are opened at their first use,
    or by :meth:`ready`.
    """

    def __init__(self, opener: Callable[[], Store], path: Path | None = None) -> None:
        self._opener = opener
        self._path = path
        self._store: Store | None = None
        self._recorder: Recorder | None = None
        self._watch_runs: WatchRuns | None = None
        self._undo_points: UndoPoints | None = None

    @classmethod
    def open(cls, path: Path | None = None, *, later: bool = False) -> History:
        """Open (or create) the history file; raises :class:`HistoryError`.

        With ``later``, the file is opened at the history's first use (or by
        :meth:`ready`), which raises it then.
        """

        def opener() -> Store:
            from automation.records.history.store import Store

            return Store.open(path)

        # The store's default_path, without loading SQLite yet.
        history = cls(opener, path or folders.history_file())
        if not later:
            history.ready()
        return history

    @classmethod
    def in_memory(cls) -> History:
        """A history that lasts as long as the process."""

        def opener() -> Store:
            from automation.records.history.store import Store

            return Store.in_memory()

        return cls(opener)

    def ready(self) -> None:
        """Open the history now if it is not open yet; raises :class:`HistoryError`."""
        if self._store is None:
            from automation.records.history.recorder import Recorder
            from automation.records.history.undo import UndoPoints
            from automation.records.history.watch_runs import WatchRuns

            store = self._opener()
            self._recorder, self._undo_points = Recorder(store), UndoPoints(store)
            self._watch_runs = WatchRuns(store)
            self._store = store

    @property
    def opened(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> Store:
        self.ready()
        assert self._store is not None
        return self._store

    @property
    def recorder(self) -> Recorder:
        self.ready()
        assert self._recorder is not None
        return self._recorder

    @property
    def watch_runs(self) -> WatchRuns:
        self.ready()
        assert self._watch_runs is not None
        return self._watch_runs

    @property
    def undo_points(self) -> UndoPoints:
        self.ready()
        assert self._undo_points is not None
        return self._undo_points

    @property
    def path(self) -> Path | None:
        return self._path if self._store is None else self._store.path

    @property
    def problem(self) -> str | None:
        """Why this run's entries could not be written, once a write failed."""
        return None if self._store is None else self._store.problem

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            return
        # Not opened yet: used after this, it acts as closed (nothing is written).
        opener = self._opener

        def closed() -> Store:
            store = opener()
            store.close()
            return store

        self._opener = closed

    # -- recording -----------------------------------------------------------------------

    def attach(self, engine: EventSource) -> Callable[[], None]:
        """Record every reading and change ``engine`` makes; returns a function that stops.

        The history is opened at the first event, if it is not open by then.
        """
        from automation.records.history.addresses import Places

        origins = {name: plugin.origin for name, plugin in engine.plugins.items()}
        places = {name: Places.of(plugin) for name, plugin in engine.plugins.items()}

        def listener(event: events.Event) -> None:
            self.record(event, origins, places)

        return engine.subscribe(listener)

    def record(
        self,
        event: events.Event,
        origins: Mapping[str, str],
        places: Mapping[str, Places] | None = None,
    ) -> None:
        """Append what ``event`` says; ``origins`` maps platform names to their origin,
        ``places`` to the pages whose paths are kept whole (see
        :func:`~automation.records.history.store.kept_address`)."""
        self.recorder.record(event, origins, places)

    def drift(self, setting_id: str) -> Drift | None:
        """The drift this run found for ``setting_id``, until privacy-tui changes it."""
        # Before the history is opened, this run has recorded nothing.
        return None if self._recorder is None else self._recorder.drift(setting_id)

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
        return self.watch_runs.last_entry_id()

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
        self.watch_runs.record_watch(
            after_entry, at=at, status=status, summary=summary, findings=findings, told=told
        )

    def last_watch(self) -> WatchRun | None:
        """The latest watched check, if one was recorded."""
        return self.watch_runs.last_watch()

    def watched(self, entries: Iterable[Entry]) -> set[int]:
        """The ids among ``entries`` that a watched check recorded."""
        return self.watch_runs.watched(entries)

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

    def next_undo(self) -> ApplyRecord | None:
        """The point undo takes next: the newest switch, preset, apply or watched change
        still in effect."""
        return self.undo_points.next_undo()

    def next_redo(self) -> tuple[ApplyRecord, int] | None:
        """The point redo puts back and the undo that took it back, if any."""
        return self.undo_points.next_redo()

    def points(self, limit: int | None = 50) -> list[ApplyRecord]:
        """The latest undo points (not undos or redos), newest first."""
        return self.undo_points.points(limit)

    def apply_at(self, apply_id: int) -> datetime | None:
        """When apply ``apply_id`` was recorded."""
        return self.undo_points.at(apply_id)

    def drop_items(self, apply_id: int, setting_ids: Iterable[str]) -> None:
        """Take changes apply ``apply_id`` never started out of its undo point."""
        self.undo_points.drop_items(apply_id, setting_ids)

    def mark_undone(self, apply_id: int, by: int) -> None:
        """Note that apply ``by`` restored what apply ``apply_id`` found (a redo, when
        ``apply_id`` is an undo: its point is in effect again)."""
        self.undo_points.mark_undone(apply_id, by)
