"""Undo points: the states an apply found before it changed anything.

An apply writes its undo point before its first change and refuses to change
anything when it cannot (:meth:`UndoPoints.begin`); an undo is an apply of its own
that names the apply it restores.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ..model import State, now
from .store import HistoryError, Store, as_time


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
        with self._store.reading() as db:
            row = db.execute(
                "SELECT id, at, source, undoes, undone_by FROM applies "
                "WHERE undoes IS NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
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

    def at(self, apply_id: int) -> datetime | None:
        """When apply ``apply_id`` was recorded."""
        with self._store.reading() as db:
            row = db.execute("SELECT at FROM applies WHERE id = ?", (apply_id,)).fetchone()
        return as_time(row[0]) if row else None

    def mark_undone(self, apply_id: int, by: int) -> None:
        """Note that apply ``by`` restored what apply ``apply_id`` found.

        A failure sets the store's ``problem`` (the changes themselves were made).
        """
        self._store.write(
            lambda db: db.execute("UPDATE applies SET undone_by = ? WHERE id = ?", (by, apply_id))
        )
