"""Undo points: the states an apply found before it changed anything.

An apply writes its undo point before its first change and refuses to change
anything when it cannot (:meth:`UndoPoints.begin`); an undo is an apply of its own
that names the apply it restores, and a redo is an apply that names the undo it
takes back. Every apply that is neither (a switch, a preset, ``apply``, a watched
change) is a point: undo takes the newest point still in effect, again and again;
redo puts back the point undone last, until a new point is made.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from automation.domain.settings import State, now
from automation.records.history.store import HistoryError, Store, as_time


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

    @property
    def undone(self) -> bool:
        return self.undone_by is not None


#: The columns of an apply, as :func:`_record` takes them.
_APPLY = "id, at, source, undoes, undone_by"


class UndoPoints:
    """The undo points kept in a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def begin(self, source: str, items: Iterable[ApplyItem], undoes: int | None = None) -> int:
        """Record the states an apply found, before it changes anything; returns its id.

        Raises :class:`HistoryError` when it cannot be written: the apply must then
        change nothing, since it could not be undone.
        """
        store = self._store
        if store.problem is not None:
            raise HistoryError(
                f"The undo point could not be written: {store.problem} Nothing was changed."
            )

        def write(db: sqlite3.Connection) -> int:
            cursor = db.execute(
                "INSERT INTO applies (at, source, undoes) VALUES (?, ?, ?)",
                (now().isoformat(), source, undoes),
            )
            apply_id = cursor.lastrowid
            assert apply_id is not None
            db.executemany(
                "INSERT INTO apply_items (apply_id, position, setting_id, origin, "
                "before, target) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (apply_id, n, i.setting_id, i.origin, i.before.value, i.target.value)
                    for n, i in enumerate(items)
                ],
            )
            return apply_id

        try:
            return store.transaction(write)
        except sqlite3.Error as exc:
            raise HistoryError(
                f"The undo point could not be written to the history at {store.path} ({exc}); "
                "nothing was changed."
            ) from None

    def last(self) -> ApplyRecord | None:
        """The latest apply (not counting undos themselves), whether undone or not."""
        return self._one(
            f"SELECT {_APPLY} FROM applies WHERE undoes IS NULL ORDER BY id DESC LIMIT 1"
        )

    def next_undo(self) -> ApplyRecord | None:
        """The point undo takes next: the newest one still in effect."""
        return self._one(
            f"SELECT {_APPLY} FROM applies WHERE undoes IS NULL AND undone_by IS NULL "
            "ORDER BY id DESC LIMIT 1"
        )

    def next_redo(self) -> tuple[ApplyRecord, int] | None:
        """The point redo puts back, with the undo that took it back: the point undone
        last, unless a point was made after that undo."""
        with self._store.reading() as db:
            row = db.execute(
                "SELECT p.id, u.id FROM applies p JOIN applies u ON u.id = p.undone_by "
                "WHERE p.undoes IS NULL ORDER BY u.id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            later = db.execute(
                "SELECT 1 FROM applies WHERE undoes IS NULL AND id > ? LIMIT 1", (row[1],)
            ).fetchone()
        if later is not None:
            return None
        point = self.get(row[0])
        return None if point is None else (point, row[1])

    def get(self, apply_id: int) -> ApplyRecord | None:
        """The apply ``apply_id``."""
        return self._one(f"SELECT {_APPLY} FROM applies WHERE id = ?", (apply_id,))

    def points(self, limit: int | None = 50) -> list[ApplyRecord]:
        """The latest ``limit`` points (not undos or redos), newest first."""
        query = f"SELECT {_APPLY} FROM applies WHERE undoes IS NULL ORDER BY id DESC"
        args: tuple[int, ...] = ()
        if limit is not None:
            query += " LIMIT ?"
            args = (min(int(limit), 2**63 - 1),)
        with self._store.reading() as db:
            rows = db.execute(query, args).fetchall()
            return [_record(db, row) for row in rows]

    def _one(self, query: str, args: tuple[object, ...] = ()) -> ApplyRecord | None:
        with self._store.reading() as db:
            row = db.execute(query, args).fetchone()
            return None if row is None else _record(db, row)

    def at(self, apply_id: int) -> datetime | None:
        """When apply ``apply_id`` was recorded."""
        with self._store.reading() as db:
            row = db.execute("SELECT at FROM applies WHERE id = ?", (apply_id,)).fetchone()
        return as_time(row[0]) if row else None

    def drop_items(self, apply_id: int, setting_ids: Iterable[str]) -> None:
        """Take ``setting_ids`` out of apply ``apply_id``: changes it planned and never
        started (it was stopped first), so undo and redo leave them alone.

        A failure sets the store's ``problem``.
        """
        ids = [(apply_id, i) for i in setting_ids]
        self._store.write(
            lambda db: db.executemany(
                "DELETE FROM apply_items WHERE apply_id = ? AND setting_id = ?", ids
            )
        )

    def mark_undone(self, apply_id: int, by: int) -> None:
        """Note that apply ``by`` restored what apply ``apply_id`` found.

        When ``apply_id`` was itself an undo, ``by`` is a redo: the point that undo
        took back is in effect again. A failure sets the store's ``problem`` (the
        changes themselves were made).
        """

        def mark(db: sqlite3.Connection) -> None:
            db.execute("UPDATE applies SET undone_by = ? WHERE id = ?", (by, apply_id))
            db.execute(
                "UPDATE applies SET undone_by = NULL WHERE undone_by = ? "
                "AND id = (SELECT undoes FROM applies WHERE id = ?)",
                (apply_id, apply_id),
            )

        self._store.write(mark)


def _record(db: sqlite3.Connection, row: tuple[Any, ...]) -> ApplyRecord:
    """The apply of ``row`` (its columns as in ``_APPLY``), with its items."""
    items = db.execute(
        "SELECT setting_id, origin, before, target FROM apply_items "
        "WHERE apply_id = ? ORDER BY position",
        (row[0],),
    ).fetchall()
    return ApplyRecord(
        row[0],
        as_time(row[1]),
        row[2],
        tuple(ApplyItem(i[0], i[1], State(i[2]), State(i[3])) for i in items),
        row[3],
        row[4],
    )
