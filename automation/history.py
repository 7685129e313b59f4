"""A local record of every reading and every change, kept in SQLite.

Each entry says when, which setting (and on which origin, so a replica's readings
never mix with the real site's), the state before and after, and for a change
whether the fresh read-back showed the value asked for. It also keeps the undo
points: the states an apply found before it changed anything.

The engine's events are the only source of entries: :meth:`History.attach`
subscribes to an engine, so the terminal app and the headless commands record the
same way. Nothing secret is recorded: readings hold states, sentences and page
addresses, and addresses lose their query and fragment before they are stored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from . import events
from .model import Reading, State, now

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    setting_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    target TEXT,
    verified INTEGER,
    drift INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL,
    url TEXT
);
CREATE INDEX IF NOT EXISTS entries_by_setting ON entries (setting_id, origin, id);
CREATE TABLE IF NOT EXISTS applies (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    undoes INTEGER,
    undone_by INTEGER
);
CREATE TABLE IF NOT EXISTS apply_items (
    apply_id INTEGER NOT NULL REFERENCES applies (id),
    position INTEGER NOT NULL,
    setting_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    before TEXT NOT NULL,
    target TEXT NOT NULL
);
"""


#: Watched checks, kept apart from the entries so older files need no new format: each
#: run covers the entries after ``after_entry`` up to ``last_entry``.
_WATCH_SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_runs (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    after_entry INTEGER NOT NULL,
    last_entry INTEGER NOT NULL,
    status INTEGER NOT NULL,
    summary TEXT NOT NULL,
    findings TEXT NOT NULL,
    told TEXT NOT NULL
);
"""


class HistoryError(Exception):
    """The history file cannot be used; the message says why and what to do."""


class _Engine(Protocol):
    @property
    def plugins(self) -> Mapping[str, Any]: ...

    def subscribe(self, listener: Callable[[events.Event], None]) -> Callable[[], None]: ...


@dataclass(frozen=True)
class Entry:
    """One reading or one change of one setting."""

    id: int
    at: datetime
    setting_id: str
    origin: str
    action: str
    """``read`` or ``change``."""
    before: State | None
    """The state the previous entry for this setting left it in, if any."""
    after: State | None
    """What was read; ``None`` for a change that never finished (the run was stopped)."""
    target: State | None
    """For a change, the value asked for."""
    verified: bool | None
    """For a change, whether a fresh load read ``target`` back; ``None`` for a read."""
    drift: bool
    """True when this reading found a value privacy-tui had not set since the last one."""
    detail: str
    url: str | None


@dataclass(frozen=True)
class Drift:
    """A setting whose value changed since the last check without privacy-tui changing it."""

    setting_id: str
    previous: State
    previous_at: datetime
    now: State

    def describe(self) -> str:
        """One sentence for people."""
        when = self.previous_at.astimezone().strftime("%Y-%m-%d %H:%M")
        how = "Switched back on" if self.now is State.ON else f"Changed to {self.now}"
        return (
            f"{how} since the last check ({self.previous} on {when}), not by privacy-tui: "
            "the platform, or someone on the site, changed it."
        )


@dataclass(frozen=True)
class WatchRun:
    """One watched check: when, its exit status, what it found and what was told."""

    at: datetime
    status: int
    summary: str
    findings: list[dict[str, Any]]
    told: set[str]
    """The keys of the findings the person has been told of (see :mod:`automation.watch`)."""
    after_entry: int
    last_entry: int


@dataclass(frozen=True)
class ApplyItem:
    """One setting an apply set out to change, and the state it found first."""

    setting_id: str
    origin: str
    before: State
    target: State


@dataclass(frozen=True)
class ApplyRecord:
    """An undo point: what one apply set out to change and what it found before."""

    id: int
    at: datetime
    source: str
    items: tuple[ApplyItem, ...]
    undoes: int | None = None
    undone_by: int | None = None


def default_path() -> Path:
    """The history file in the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("privacy-tui", appauthor=False) / "history.sqlite"


class History:
    """The record of readings, changes and undo points.

    Open a file with :meth:`open`, or keep one only in memory with :meth:`in_memory`
    (the demo does, so replica readings never reach the user's own record).
    """

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = connection
        self.path = path
        self._lock = threading.RLock()
        self._pending: dict[str, int] = {}
        self._drifts: dict[str, Drift] = {}
        #: Why this run's entries could not be written, once a write failed; nothing
        #: more is written after that.
        self.problem: str | None = None

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None) -> History:
        """Open (or create) the history file; raises :class:`HistoryError`."""
        path = path or default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                # Only its owner needs to read which accounts were looked at, and when.
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            connection = sqlite3.connect(
                path, timeout=10, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(_cannot_use(path, exc)) from None
        history = cls(connection, path)
        history._verify()
        history._prepare()
        return history

    @classmethod
    def in_memory(cls) -> History:
        """A history that lasts as long as the process."""
        history = cls(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False))
        history._prepare()
        return history

    def _verify(self) -> None:
        """Refuse a damaged file before anything is written into it."""
        try:
            with self._lock:
                found = [row[0] for row in self._db.execute("PRAGMA integrity_check(3)")]
        except sqlite3.Error as exc:
            self._db.close()
            raise HistoryError(_cannot_use(self.path, exc)) from None
        if found != ["ok"]:
            self._db.close()
            raise HistoryError(_cannot_use(self.path, "it is damaged"))

    def _prepare(self) -> None:
        try:
            with self._lock:
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    self._db.executescript(_SCHEMA)
                    self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                if version <= SCHEMA_VERSION:
                    self._db.executescript(_WATCH_SCHEMA)
        except sqlite3.Error as exc:
            self._db.close()
            raise HistoryError(_cannot_use(self.path, exc)) from None
        if version > SCHEMA_VERSION:
            self._db.close()
            raise HistoryError(
                f"The history at {self.path} was written by a newer privacy-tui "
                f"(format {version}); update privacy-tui to use it."
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- recording the engine's events ----------------------------------------------------

    def attach(self, engine: _Engine) -> Callable[[], None]:
        """Record every reading and change ``engine`` makes; returns a function that stops."""
        origins = {name: plugin.origin for name, plugin in engine.plugins.items()}

        def listener(event: events.Event) -> None:
            self.record(event, origins)

        return engine.subscribe(listener)

    def record(self, event: events.Event, origins: Mapping[str, str]) -> None:
        """Append what ``event`` says; ``origins`` maps platform names to their origin.

        A write that fails sets :attr:`problem` and ends the recording for this run:
        a file that took half a change is not written into again.
        """
        with self._lock:
            if self.problem is not None:
                return
            try:
                self._record(event, origins)
            except sqlite3.Error as exc:
                self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.problem = (
            f"The history at {self.path} could not be written ({_reason(exc)}): "
            "this run's readings and changes are not recorded in it."
        )

    def _record(self, event: events.Event, origins: Mapping[str, str]) -> None:
        if isinstance(event, events.Read):
            self._read(event.reading, _origin(event.reading.setting_id, origins))
        elif isinstance(event, events.Changing):
            self._changing(event, _origin(event.setting_id, origins))
        elif isinstance(event, events.Changed):
            self._changed(event, _origin(event.reading.setting_id, origins))

    def _read(self, reading: Reading, origin: str) -> None:
        before = self._last(reading.setting_id, origin)
        drift = self._drift_from(reading, origin)
        self._insert(
            reading.checked_at,
            reading.setting_id,
            origin,
            "read",
            before=before.after if before else None,
            after=reading.state,
            drift=drift is not None,
            detail=reading.detail,
            url=reading.url,
        )
        if drift is not None:
            self._drifts[reading.setting_id] = drift

    def _drift_from(self, reading: Reading, origin: str) -> Drift | None:
        if not reading.state.is_value:
            return None
        row = self._db.execute(
            "SELECT id, at, after FROM entries WHERE setting_id = ? AND origin = ? "
            "AND after IN ('on', 'off') ORDER BY id DESC LIMIT 1",
            (reading.setting_id, origin),
        ).fetchone()
        if row is None or row[2] == reading.state.value:
            return None
        # A change privacy-tui started after that reading, even one that never
        # reported back, may be why the value differs: then it is not drift.
        tried = self._db.execute(
            "SELECT 1 FROM entries WHERE setting_id = ? AND origin = ? AND action = 'change' "
            "AND id > ? LIMIT 1",
            (reading.setting_id, origin, row[0]),
        ).fetchone()
        if tried:
            return None
        return Drift(reading.setting_id, State(row[2]), _time(row[1]), reading.state)

    def _changing(self, event: events.Changing, origin: str) -> None:
        before = self._last(event.setting_id, origin)
        self._pending[event.setting_id] = self._insert(
            now(),
            event.setting_id,
            origin,
            "change",
            before=before.after if before else None,
            after=None,
            target=event.value,
            detail="Started; it did not report back.",
        )
        self._drifts.pop(event.setting_id, None)

    def _changed(self, event: events.Changed, origin: str) -> None:
        reading = event.reading
        pending = self._pending.pop(reading.setting_id, None)
        if pending is None:
            before = self._last(reading.setting_id, origin)
            self._insert(
                reading.checked_at,
                reading.setting_id,
                origin,
                "change",
                before=before.after if before else None,
                after=reading.state,
                target=event.value,
                verified=event.ok,
                detail=reading.detail,
                url=reading.url,
            )
            return
        self._db.execute(
            "UPDATE entries SET at = ?, after = ?, verified = ?, detail = ?, url = ? WHERE id = ?",
            (
                reading.checked_at.isoformat(),
                reading.state.value,
                int(event.ok),
                reading.detail,
                _without_query(reading.url),
                pending,
            ),
        )

    def _insert(
        self,
        at: datetime,
        setting_id: str,
        origin: str,
        action: str,
        *,
        before: State | None,
        after: State | None,
        target: State | None = None,
        verified: bool | None = None,
        drift: bool = False,
        detail: str,
        url: str | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO entries (at, setting_id, origin, action, before, after, target, "
            "verified, drift, detail, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                at.isoformat(),
                setting_id,
                origin,
                action,
                _value(before),
                _value(after),
                _value(target),
                None if verified is None else int(verified),
                int(drift),
                detail,
                _without_query(url),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _last(self, setting_id: str, origin: str) -> Entry | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM entries WHERE setting_id = ? AND origin = ? "
            "ORDER BY id DESC LIMIT 1",
            (setting_id, origin),
        ).fetchone()
        return _entry(row) if row else None

    # -- reading the record ------------------------------------------------------------------

    def drift(self, setting_id: str) -> Drift | None:
        """The drift this run found for ``setting_id``, until privacy-tui changes it."""
        with self._lock:
            return self._drifts.get(setting_id)

    def entries(
        self,
        setting_id: str | None = None,
        *,
        origin: str | None = None,
        limit: int | None = 50,
    ) -> list[Entry]:
        """The latest ``limit`` entries (of one setting and origin, or all), oldest first."""
        conditions: list[str] = []
        args: list[object] = []
        for column, value in (("setting_id", setting_id), ("origin", origin)):
            if value:
                conditions.append(f"{column} = ?")
                args.append(value)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        query = f"SELECT {_COLUMNS} FROM entries {where} ORDER BY id DESC"
        if limit is not None:
            # SQLite's integers end at 2**63 - 1; no history is that long.
            query += " LIMIT ?"
            args.append(min(int(limit), 2**63 - 1))
        with self._reading():
            rows = self._db.execute(query, args).fetchall()
        return [_entry(row) for row in reversed(rows)]

    def known_ids(self) -> set[str]:
        """Every setting id the history has an entry for."""
        with self._reading():
            return {row[0] for row in self._db.execute("SELECT DISTINCT setting_id FROM entries")}

    # -- undo points ---------------------------------------------------------------------------

    def begin_apply(
        self, source: str, items: Iterable[ApplyItem], undoes: int | None = None
    ) -> int:
        """Record the states an apply found, before it changes anything; returns its id.

        Raises :class:`HistoryError` when it cannot be written: the apply must then
        change nothing, since it could not be undone.
        """
        if self.problem is not None:
            raise HistoryError(
                f"The undo point could not be written: {self.problem} Nothing was changed."
            )
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    cursor = self._db.execute(
                        "INSERT INTO applies (at, source, undoes) VALUES (?, ?, ?)",
                        (now().isoformat(), source, undoes),
                    )
                    apply_id = cursor.lastrowid
                    assert apply_id is not None
                    self._db.executemany(
                        "INSERT INTO apply_items (apply_id, position, setting_id, origin, "
                        "before, target) VALUES (?, ?, ?, ?, ?, ?)",
                        [
                            (apply_id, n, i.setting_id, i.origin, i.before.value, i.target.value)
                            for n, i in enumerate(items)
                        ],
                    )
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise HistoryError(
                f"The undo point could not be written to the history at {self.path} ({exc}); "
                "nothing was changed."
            ) from None
        return apply_id

    def last_apply(self) -> ApplyRecord | None:
        """The latest apply (not counting undos themselves), whether undone or not."""
        with self._reading():
            row = self._db.execute(
                "SELECT id, at, source, undoes, undone_by FROM applies "
                "WHERE undoes IS NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            items = self._db.execute(
                "SELECT setting_id, origin, before, target FROM apply_items "
                "WHERE apply_id = ? ORDER BY position",
                (row[0],),
            ).fetchall()
        return ApplyRecord(
            row[0],
            _time(row[1]),
            row[2],
            tuple(ApplyItem(i[0], i[1], State(i[2]), State(i[3])) for i in items),
            row[3],
            row[4],
        )

    def apply_at(self, apply_id: int) -> datetime | None:
        """When apply ``apply_id`` was recorded."""
        with self._reading():
            row = self._db.execute("SELECT at FROM applies WHERE id = ?", (apply_id,)).fetchone()
        return _time(row[0]) if row else None

    def mark_undone(self, apply_id: int, by: int) -> None:
        """Note that apply ``by`` restored what apply ``apply_id`` found.

        A failure sets :attr:`problem` (the changes themselves were made).
        """
        with self._lock:
            if self.problem is not None:
                return
            try:
                self._db.execute("UPDATE applies SET undone_by = ? WHERE id = ?", (by, apply_id))
            except sqlite3.Error as exc:
                self._failed(exc)

    # -- watched checks --------------------------------------------------------------------

    def last_entry_id(self) -> int:
        """The id of the latest entry (0 when there is none)."""
        with self._reading():
            return self._db.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()[0]

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
        """Keep what a watched check found; its entries are those after ``after_entry``.

        A failure sets :attr:`problem`.
        """
        with self._lock:
            if self.problem is not None:
                return
            try:
                last = self._db.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()[0]
                self._db.execute(
                    "INSERT INTO watch_runs (at, after_entry, last_entry, status, summary, "
                    "findings, told) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        at.isoformat(),
                        after_entry,
                        last,
                        status,
                        summary,
                        json.dumps(findings),
                        json.dumps(sorted(told)),
                    ),
                )
            except sqlite3.Error as exc:
                self._failed(exc)

    def last_watch(self) -> WatchRun | None:
        """The latest watched check, if one was recorded."""
        with self._reading():
            row = self._db.execute(
                "SELECT at, status, summary, findings, told, after_entry, last_entry "
                "FROM watch_runs ORDER BY id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            return None
        return WatchRun(
            _time(row[0]),
            row[1],
            row[2],
            json.loads(row[3]),
            set(json.loads(row[4])),
            row[5],
            row[6],
        )

    def watched(self, entries: Iterable[Entry]) -> set[int]:
        """The ids among ``entries`` that a watched check recorded."""
        ids = [e.id for e in entries]
        if not ids:
            return set()
        with self._reading():
            spans = self._db.execute(
                "SELECT after_entry, last_entry FROM watch_runs "
                "WHERE last_entry > ? AND after_entry < ?",
                (min(ids) - 1, max(ids)),
            ).fetchall()
        return {i for i in ids if any(low < i <= high for low, high in spans)}

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Hold the lock; a file found damaged only now is a :class:`HistoryError`."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise HistoryError(_cannot_use(self.path, exc)) from None


_COLUMNS = "id, at, setting_id, origin, action, before, after, target, verified, drift, detail, url"


def _entry(row: tuple[Any, ...]) -> Entry:
    return Entry(
        id=row[0],
        at=_time(row[1]),
        setting_id=row[2],
        origin=row[3],
        action=row[4],
        before=_state(row[5]),
        after=_state(row[6]),
        target=_state(row[7]),
        verified=None if row[8] is None else bool(row[8]),
        drift=bool(row[9]),
        detail=row[10],
        url=row[11],
    )


def _origin(setting_id: str, origins: Mapping[str, str]) -> str:
    platform = setting_id.split(".", 1)[0]
    return origins.get(platform, "")


def _value(state: State | None) -> str | None:
    return None if state is None else state.value


def _state(value: str | None) -> State | None:
    if value is None:
        return None
    try:
        return State(value)
    except ValueError:
        return State.UNKNOWN


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _without_query(url: str | None) -> str | None:
    # Sign-in and checkpoint addresses can carry tokens in their query.
    if not url:
        return url
    split = urlsplit(url)
    return urlunsplit((split.scheme, split.netloc, split.path, "", ""))


def _reason(exc: BaseException | str) -> str:
    if isinstance(exc, str):
        return exc
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _cannot_use(path: Path | None, exc: BaseException | str) -> str:
    reason = _reason(exc)
    return (
        f"The history at {path} cannot be used ({reason}). "
        "privacy-tui has not changed it; move it away to start a new one."
    )
