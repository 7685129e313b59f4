"""The watched checks in the history: what each found, what the person was told of, and
which entries each recorded.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from automation.records.history.errors import HistoryError
from automation.records.history.store import Store, as_time, cannot_use

if TYPE_CHECKING:
    from automation.records.history.recorder import Entry


@dataclass(frozen=True)
class WatchRun:
    """One watched check: when, its exit status, what it found and what was told."""

    at: datetime
    status: int
    summary: str
    findings: list[dict[str, Any]]
    told: set[str]
    """The keys of the findings the person has been told of (see :mod:`automation.watch.check`)."""
    after_entry: int
    last_entry: int


class WatchRuns:
    """Writes the watched checks into a :class:`Store`, and reads them back."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _db(self) -> sqlite3.Connection:
        return self._store.db

    def last_entry_id(self) -> int:
        """The id of the latest entry (0 when there is none)."""
        with self._store.reading():
            return int(self._db.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()[0])

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

        A failure sets the store's ``problem``.
        """

        def keep(db: sqlite3.Connection) -> None:
            last = db.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()[0]
            db.execute(
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

        self._store.write(keep)

    def last_watch(self) -> WatchRun | None:
        """The latest watched check, if one was recorded."""
        with self._store.reading():
            row = self._db.execute(
                "SELECT at, status, summary, findings, told, after_entry, last_entry "
                "FROM watch_runs ORDER BY id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            return None
        try:
            findings = json.loads(row[3])
            told = json.loads(row[4])
            if not isinstance(findings, list) or not isinstance(told, list):
                raise ValueError("a watched check's record is not what privacy-tui writes")
            return WatchRun(
                as_time(row[0]),
                int(row[1]),
                str(row[2]),
                findings,
                {str(key) for key in told},
                int(row[5]),
                int(row[6]),
            )
        except (ValueError, TypeError) as exc:
            raise HistoryError(cannot_use(self._store.path, exc)) from None

    def watched(self, entries: Iterable[Entry]) -> set[int]:
        """The ids among ``entries`` that a watched check recorded."""
        ids = [e.id for e in entries]
        if not ids:
            return set()
        with self._store.reading():
            spans = self._db.execute(
                "SELECT after_entry, last_entry FROM watch_runs "
                "WHERE last_entry > ? AND after_entry < ?",
                (min(ids) - 1, max(ids)),
            ).fetchall()
        return {i for i in ids if any(low < i <= high for low, high in spans)}
