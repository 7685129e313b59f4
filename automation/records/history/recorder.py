"""Recording the engine's readings and changes, and the watched checks, in the history.

The engine's events are the only source of entries:
:meth:`automation.records.history.History.attach` subscribes to an engine, so the terminal
app and the headless commands record the same way. A reading that finds a value
privacy-tui did not set since the last one is drift. Nothing secret is recorded:
readings hold states, sentences and page addresses, and addresses lose their query
and fragment before they are stored, and any part of their path that is not one of
the platform's own words (a profile's name, say).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from automation.domain import events
from automation.domain.settings import Reading, State, now
from automation.language import Sentence
from automation.records.history.addresses import Places, kept_address
from automation.records.history.store import Store, as_state, as_text, as_time


class EventSource(Protocol):
    """What the recorder follows: an engine, or anything that publishes its events."""

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
        if self.now is State.ON:
            return Sentence(
                "Switched back on since the last check ({previous} on {when}), not by "
                "privacy-tui: the platform, or someone on the site, changed it.",
                previous=self.previous,
                when=when,
            )
        return Sentence(
            "Changed to {now} since the last check ({previous} on {when}), not by "
            "privacy-tui: the platform, or someone on the site, changed it.",
            now=self.now,
            previous=self.previous,
            when=when,
        )


class Recorder:
    """Writes entries from the engine's events into a :class:`Store`, and reads them back."""

    def __init__(self, store: Store) -> None:
        self._store = store
        #: The entry of each change that has started and not yet reported back.
        self._pending: dict[str, int] = {}
        self._drifts: dict[str, Drift] = {}

    @property
    def _db(self) -> sqlite3.Connection:
        return self._store.db

    def record(
        self,
        event: events.Event,
        origins: Mapping[str, str],
        places: Mapping[str, Places] | None = None,
    ) -> None:
        """Append what ``event`` says; ``origins`` maps platform names to their origin.

        A write that fails sets the store's ``problem`` and ends the recording for this
        run: a file that took half a change is not written into again.
        """
        self._store.write(lambda _db: self._record(event, origins, places or {}))

    def _record(
        self, event: events.Event, origins: Mapping[str, str], places: Mapping[str, Places]
    ) -> None:
        if isinstance(event, events.Read):
            reading = event.reading
            url = _address(reading, places)
            self._read(reading, _origin(reading.setting_id, origins), url)
        elif isinstance(event, events.Changing):
            self._changing(event, _origin(event.setting_id, origins))
        elif isinstance(event, events.Changed):
            reading = event.reading
            url = _address(reading, places)
            self._changed(event, _origin(reading.setting_id, origins), url)

    def _read(self, reading: Reading, origin: str, url: str | None) -> None:
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
            url=url,
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
        return Drift(reading.setting_id, State(row[2]), as_time(row[1]), reading.state)

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

    def _changed(self, event: events.Changed, origin: str, url: str | None) -> None:
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
                url=url,
            )
            return
        self._db.execute(
            "UPDATE entries SET at = ?, after = ?, verified = ?, detail = ?, url = ? WHERE id = ?",
            (
                reading.checked_at.isoformat(),
                reading.state.value,
                int(event.ok),
                reading.detail,
                url,
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
                as_text(before),
                as_text(after),
                as_text(target),
                None if verified is None else int(verified),
                int(drift),
                detail,
                url,
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
        with self._store.lock:
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
        with self._store.reading():
            rows = self._db.execute(query, args).fetchall()
        return [_entry(row) for row in reversed(rows)]

    def known_ids(self) -> set[str]:
        """Every setting id the history has an entry for."""
        with self._store.reading():
            return {row[0] for row in self._db.execute("SELECT DISTINCT setting_id FROM entries")}


_COLUMNS = "id, at, setting_id, origin, action, before, after, target, verified, drift, detail, url"


def _entry(row: tuple[Any, ...]) -> Entry:
    return Entry(
        id=row[0],
        at=as_time(row[1]),
        setting_id=row[2],
        origin=row[3],
        action=row[4],
        before=as_state(row[5]),
        after=as_state(row[6]),
        target=as_state(row[7]),
        verified=None if row[8] is None else bool(row[8]),
        drift=bool(row[9]),
        detail=row[10],
        url=row[11],
    )


def _address(reading: Reading, places: Mapping[str, Places]) -> str | None:
    """The page address kept for ``reading``: see :func:`~.store.kept_address`."""
    platform = reading.setting_id.split(".", 1)[0]
    return kept_address(reading.url, places.get(platform), reading.setting_id)


def _origin(setting_id: str, origins: Mapping[str, str]) -> str:
    platform = setting_id.split(".", 1)[0]
    return origins.get(platform, "")
