"""The history's SQLite file: opened whole or refused, written by one caller at a time.

A damaged file or one written by a newer privacy-tui is refused before anything is
written into it. Once a write fails, :attr:`Store.problem` says why and nothing more
is written for the rest of the run: a file that took half a change is left alone.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from automation.domain.settings import State
from automation.files import folders
from automation.files.private import make_private
from automation.records.history.errors import HistoryError

T = TypeVar("T")

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


def default_path() -> Path:
    """The history file in the user's data folder."""
    return folders.history_file()


class Store:
    """One SQLite connection to the history, behind one lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self.db = connection
        self.path = path
        self.lock = threading.RLock()
        #: Why this run's entries could not be written, once a write failed; nothing
        #: more is written after that.
        self.problem: str | None = None

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        """Open (or create) the history file; raises :class:`HistoryError`."""
        path = path or default_path()
        try:
            # Only its owner needs to read which accounts were looked at, and when: the
            # folder too (one an older privacy-tui made 0755 is made owner-only).
            folders.make_private_folder(path.parent)
            if not path.exists():
                make_private(path)
            connection = sqlite3.connect(
                path, timeout=10, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(cannot_use(path, exc)) from None
        store = cls(connection, path)
        store._verify()
        store._prepare()
        return store

    @classmethod
    def in_memory(cls) -> Store:
        """A store that lasts as long as the process."""
        store = cls(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False))
        store._prepare()
        return store

    def _verify(self) -> None:
        """Refuse a damaged file before anything is written into it."""
        try:
            with self.lock:
                found = [row[0] for row in self.db.execute("PRAGMA integrity_check(3)")]
        except sqlite3.Error as exc:
            self.db.close()
            raise HistoryError(cannot_use(self.path, exc)) from None
        if found != ["ok"]:
            self.db.close()
            raise HistoryError(cannot_use(self.path, "it is damaged"))

    def _prepare(self) -> None:
        try:
            with self.lock:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    self.db.executescript(_SCHEMA)
                    self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                if version <= SCHEMA_VERSION:
                    self.db.executescript(_WATCH_SCHEMA)
        except sqlite3.Error as exc:
            self.db.close()
            raise HistoryError(cannot_use(self.path, exc)) from None
        if version > SCHEMA_VERSION:
            self.db.close()
            raise HistoryError(
                f"The history at {self.path} was written by a newer privacy-tui "
                f"(format {version}); update privacy-tui to use it."
            )

    def close(self) -> None:
        with self.lock:
            self.db.close()

    def write(self, step: Callable[[sqlite3.Connection], object]) -> None:
        """Run ``step`` on the file unless a write failed before; a failure now sets
        :attr:`problem` and ends the writing for this run."""
        with self.lock:
            if self.problem is not None:
                return
            try:
                step(self.db)
            except sqlite3.Error as exc:
                self.problem = (
                    f"The history at {self.path} could not be written ({_reason(exc)}): "
                    "this run's readings and changes are not recorded in it."
                )

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock; a file found damaged only now is a :class:`HistoryError`."""
        with self.lock:
            try:
                yield self.db
            except sqlite3.Error as exc:
                raise HistoryError(cannot_use(self.path, exc)) from None

    def transaction(self, step: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``step`` as one transaction: all of it is written, or none. Raises
        ``sqlite3.Error``."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                result = step(self.db)
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
            return result


# -- the columns' values ----------------------------------------------------------------------


def as_text(state: State | None) -> str | None:
    return None if state is None else state.value


def as_state(text: str | None) -> State | None:
    if text is None:
        return None
    try:
        return State(text)
    except ValueError:
        return State.UNKNOWN


def as_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _reason(exc: BaseException | str) -> str:
    if isinstance(exc, str):
        return exc
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def cannot_use(path: Path | None, exc: BaseException | str) -> str:
    reason = _reason(exc)
    return (
        f"The history at {path} cannot be used ({reason}). "
        "privacy-tui has not changed it; move it away to start a new one."
    )
