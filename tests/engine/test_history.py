"""The history: readings and changes from the engine's events, drift, undo points, no secrets."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from automation.accounts.secrets import Credentials
from automation.accounts.sessions import MemorySessions
from automation.browser.launch import Running
from automation.domain import events
from automation.domain.settings import Reading, State
from automation.engine.core import Engine, Options
from automation.plugins.linkedin import LinkedIn
from automation.plugins.tumblr import Tumblr
from automation.records.history import ApplyItem, History, HistoryError, Places, default_path
from automation.replicas import DEMO_USERNAME, ReplicaServer

AI = "linkedin.ai_training"
RESEARCH = "linkedin.research"
TUMBLR = "tumblr.third_party_sharing"
ORIGIN = "http://127.0.0.1:8801"
ORIGINS = {"linkedin": ORIGIN}


def account(replica: ReplicaServer, username: str = DEMO_USERNAME):
    return replica.sites["linkedin"].account(username)


def at(minute: int) -> datetime:
    return datetime(2026, 11, 29, 10, minute, tzinfo=UTC)


def test_the_history_lives_in_the_users_data_folder(isolated_home: Path) -> None:
    """Tests never touch the real one: the data folder follows XDG_DATA_HOME."""
    assert default_path() == isolated_home / "xdg_data_home" / "privacy-tui" / "history.sqlite"


@pytest.mark.browser
async def test_reads_and_changes_are_recorded_with_before_after_and_verified(
    engine: Engine, replica: ReplicaServer, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite"
    history = History.open(path)
    history.attach(engine)
    account(replica).settings["research"] = False
    await engine.check([AI, RESEARCH])
    await engine.change(AI, State.OFF)
    history.close()

    reopened = History.open(path)
    rows = reopened.entries()
    recorded = [(r.setting_id, r.action, r.before, r.after) for r in rows]
    # The two reads run in parallel pages: either may be recorded first.
    assert sorted(recorded[:2]) == [
        (AI, "read", None, State.ON),
        (RESEARCH, "read", None, State.OFF),
    ]
    assert recorded[2:] == [(AI, "change", State.ON, State.OFF)]
    change = rows[-1]
    assert change.target is State.OFF and change.verified is True
    assert "read back as off" in change.detail
    assert rows[0].verified is None and not any(r.drift for r in rows)
    assert all(r.origin == replica.origins["linkedin"] for r in rows)
    assert [r.setting_id for r in reopened.entries(RESEARCH)] == [RESEARCH]
    assert path.stat().st_mode & 0o777 == 0o600
    reopened.close()


@pytest.mark.browser
async def test_a_change_the_platform_refuses_is_recorded_as_not_verified(
    engine: Engine, replica: ReplicaServer
) -> None:
    history = History.in_memory()
    history.attach(engine)
    account(replica).failing.add("ai_training")
    await engine.check([AI])
    await engine.change(AI, State.OFF)
    change = history.entries()[-1]
    assert (change.action, change.target, change.after, change.verified) == (
        "change",
        State.OFF,
        State.ON,
        False,
    )
    assert "refused" in change.detail


@pytest.mark.browser
async def test_drift_when_the_replica_is_switched_back_on_behind_the_apps_back(
    engine: Engine, replica: ReplicaServer, tmp_path: Path
) -> None:
    """Two runs: the first switches it off; the site switches it on; the second notices."""
    path = tmp_path / "history.sqlite"
    first = History.open(path)
    stop = first.attach(engine)
    await engine.check([AI, RESEARCH])
    await engine.change(AI, State.OFF)
    assert first.drift(AI) is None
    stop()
    first.close()

    account(replica).settings["ai_training"] = True  # the platform, not privacy-tui
    second = History.open(path)
    second.attach(engine)
    await engine.check([AI, RESEARCH])
    drift = second.drift(AI)
    assert drift is not None
    assert (drift.previous, drift.now) == (State.OFF, State.ON)
    assert drift.describe().startswith("Switched back on since the last check (off on ")
    assert "not by privacy-tui" in drift.describe()
    assert second.drift(RESEARCH) is None
    latest = second.entries(AI)[-1]
    assert latest.drift and latest.before is State.OFF and latest.after is State.ON

    # Switching it again through privacy-tui clears the mark; a fresh read is no drift.
    await engine.change(AI, State.OFF)
    assert second.drift(AI) is None
    await engine.check([AI])
    assert second.drift(AI) is None and not second.entries(AI)[-1].drift


PLACES = {"linkedin": Places.of(LinkedIn(ORIGIN))}


def feed(history: History, *items: events.Event) -> None:
    for item in items:
        history.record(item, ORIGINS, PLACES)


def test_a_change_that_never_reported_back_is_not_taken_for_drift() -> None:
    """Stopped between the save and its read-back, the change is still privacy-tui's."""
    history = History.in_memory()
    feed(
        history,
        events.Read(Reading(AI, State.ON, "Switch is on.", at(0))),
        events.Changing(AI, State.OFF),
    )
    unfinished = history.entries()[-1]
    assert (unfinished.action, unfinished.after, unfinished.verified) == ("change", None, None)
    feed(history, events.Read(Reading(AI, State.OFF, "Switch is off.", at(5))))
    assert history.drift(AI) is None


def test_readings_that_are_not_values_neither_drift_nor_hide_drift() -> None:
    history = History.in_memory()
    feed(
        history,
        events.Read(Reading(AI, State.OFF, "Switch is off.", at(0))),
        events.Read(Reading(AI, State.NEEDS_LOGIN, "Not signed in.", at(1))),
    )
    assert history.drift(AI) is None
    feed(history, events.Read(Reading(AI, State.ON, "Switch is on.", at(2))))
    drift = history.drift(AI)
    assert drift is not None and drift.previous_at == at(0)
    assert [r.before for r in history.entries(AI)] == [None, State.OFF, State.NEEDS_LOGIN]


def test_readings_of_another_origin_are_kept_apart() -> None:
    """A replica's readings never count as the real site's last check."""
    history = History.in_memory()
    history.record(events.Read(Reading(AI, State.OFF, "Switch is off.", at(0))), ORIGINS)
    elsewhere = {"linkedin": "https://www.linkedin.com"}
    history.record(events.Read(Reading(AI, State.ON, "Switch is on.", at(1))), elsewhere)
    assert history.drift(AI) is None


def test_addresses_lose_their_query_before_they_are_stored() -> None:
    history = History.in_memory()
    url = f"{ORIGIN}/checkpoint/challenge/verify?token=abc123#frag"
    feed(history, events.Read(Reading(AI, State.NEEDS_LOGIN, "Check.", at(0), url)))
    # LinkedIn's own words are kept; the rest of the path may be anyone's.
    assert history.entries()[-1].url == f"{ORIGIN}/checkpoint/challenge/…"


class Publisher:
    """What the history follows: the real plugins, and events published by hand."""

    def __init__(self, *plugins: Any) -> None:
        self.plugins = {plugin.name: plugin for plugin in plugins}
        self.listeners: list[Callable[[events.Event], None]] = []

    def subscribe(self, listener: Callable[[events.Event], None]) -> Callable[[], None]:
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener)

    def read(self, setting_id: str, url: str) -> None:
        for listener in self.listeners:
            listener(events.Read(Reading(setting_id, State.UNKNOWN, "Not the page.", url=url)))


@pytest.mark.parametrize(
    ("setting_id", "url", "kept"),
    [
        # The setting's own page, and one blog's, are kept whole.
        (AI, "/mypreferences/d/settings/data-for-ai-improvement", None),
        (f"{TUMBLR}@myblog", "/settings/blog/myblog", None),
        # A page it was sent to instead keeps only the platform's own words.
        (AI, "/in/jane-doe-5b1a2/", "/…/…/"),
        (AI, "/mypreferences/d/jane.doe@example.com", "/mypreferences/d/…"),
        (AI, "/checkpoint/jane%40example.com/verify", "/checkpoint/…/…"),
        (f"{TUMBLR}@myblog", "/settings/blog/janedoe", "/settings/blog/…"),
        (
            f"{TUMBLR}@myblog",
            "/settings/blog/myblog/followers/jane-doe",
            "/settings/blog/myblog/…/…",
        ),
        (AI, "/", None),
    ],
)
def test_page_paths_that_may_name_the_person_are_not_kept(
    setting_id: str, url: str, kept: str | None
) -> None:
    history = History.in_memory()
    publisher = Publisher(LinkedIn(ORIGIN), Tumblr(ORIGIN))
    history.attach(publisher)
    publisher.read(setting_id, f"{ORIGIN}{url}?u=jane#jane")
    assert history.entries()[-1].url == f"{ORIGIN}{kept or url}"


def test_undo_points_are_kept_in_order_and_marked_when_undone(tmp_path: Path) -> None:
    history = History.open(tmp_path / "h.sqlite")
    assert history.last_apply() is None
    items = [
        ApplyItem(AI, ORIGIN, State.ON, State.OFF),
        ApplyItem(RESEARCH, ORIGIN, State.ON, State.OFF),
    ]
    first = history.begin_apply("apply", items)
    record = history.last_apply()
    assert record is not None and record.id == first and record.items == tuple(items)
    undo = history.begin_apply("undo", [ApplyItem(AI, ORIGIN, State.OFF, State.ON)], first)
    history.mark_undone(first, undo)
    record = history.last_apply()
    assert record is not None and record.id == first and record.undone_by == undo


def test_undo_walks_back_through_the_points_and_redo_puts_back_the_last_undone(
    tmp_path: Path,
) -> None:
    """Undo takes the newest point still in effect; redo the point undone last, until a
    new point is made; undos and redos are not points themselves."""
    history = History.open(tmp_path / "h.sqlite")
    assert history.next_undo() is None and history.next_redo() is None

    def point(setting_id: str, source: str = "switch") -> int:
        return history.begin_apply(source, [ApplyItem(setting_id, ORIGIN, State.ON, State.OFF)])

    def next_undo() -> int | None:
        found = history.next_undo()
        return found.id if found else None

    def undone(apply_id: int) -> bool:
        found = history.undo_points.get(apply_id)
        assert found is not None
        return found.undone

    def undo(apply_id: int, undoes: int, source: str = "undo") -> int:
        done = history.begin_apply(source, [ApplyItem(AI, ORIGIN, State.OFF, State.ON)], undoes)
        history.mark_undone(undoes, done)
        return done

    first, second, third = point(AI), point(RESEARCH, "preset recommended"), point(AI, "watch")
    assert [p.id for p in history.points()] == [third, second, first]
    assert next_undo() == third
    undo_third = undo(third, third)
    undo_second = undo(second, second)
    assert next_undo() == first and undone(second) and undone(third)
    found = history.next_redo()
    assert found is not None and (found[0].id, found[1]) == (second, undo_second)
    redo = undo(second, undo_second, "redo")
    # The redone point is in effect again, and undo takes it next; redo the one before.
    assert not undone(second) and undone(undo_second)
    assert next_undo() == second
    found = history.next_redo()
    assert found is not None and (found[0].id, found[1]) == (third, undo_third)
    assert [p.id for p in history.points()] == [third, second, first]
    assert redo not in [p.id for p in history.points()]

    # A new point leaves nothing to redo.
    fourth = point(RESEARCH)
    assert history.next_redo() is None and next_undo() == fourth

    # Changes a stopped run never started leave its point.
    history.drop_items(fourth, [RESEARCH])
    kept = history.undo_points.get(fourth)
    assert kept is not None and kept.items == ()


def test_a_damaged_history_file_is_a_clear_error_and_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(HistoryError) as caught:
        History.open(path)
    message = str(caught.value)
    assert str(path) in message and "move it away" in message
    assert path.read_bytes() == b"this is not a database" * 100


def damaged_in_the_middle(path: Path, origin: str = ORIGIN) -> bytes:
    """A history of many readings and an undo point, with a page in its middle overwritten.

    Its first page is intact, so SQLite opens it and would write into it; the
    damaged bytes are returned.
    """
    history = History.open(path)
    for number in range(3000):
        state = State.ON if number % 2 else State.OFF
        history.record(events.Read(Reading(AI, state, "Switch is read.")), {"linkedin": origin})
    history.begin_apply("apply", [ApplyItem(AI, origin, State.ON, State.OFF)])
    history.close()
    data = bytearray(path.read_bytes())
    page = 4096
    middle = len(data) // page // 2
    data[middle * page : (middle + 1) * page] = b"\xff" * page
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_history_damaged_in_the_middle_is_refused_and_never_written(tmp_path: Path) -> None:
    """The integrity check at opening finds a damaged page before anything is written."""
    path = tmp_path / "history.sqlite"
    damaged = damaged_in_the_middle(path)
    with pytest.raises(HistoryError) as caught:
        History.open(path)
    message = str(caught.value)
    assert str(path) in message and "damaged" in message and "move it away" in message
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite"]


def test_a_history_that_cannot_be_written_says_so_and_writes_nothing_more(
    tmp_path: Path,
) -> None:
    """A failed write is kept as the history's problem; later writes are not tried."""
    path = tmp_path / "history.sqlite"
    history = History.open(path)
    assert history.problem is None
    # SQLite writes through a journal file next to the database; a folder of that
    # name makes every write fail, as a full disk or a read-only folder would.
    journal = tmp_path / "history.sqlite-journal"
    journal.mkdir()
    history.record(events.Read(Reading(AI, State.ON, "Switch is on.")), ORIGINS)
    assert history.problem is not None
    assert str(path) in history.problem and "could not be written" in history.problem
    journal.rmdir()
    history.record(events.Read(Reading(AI, State.OFF, "Switch is off.")), ORIGINS)
    assert history.entries() == []  # nothing written after the failure
    with pytest.raises(HistoryError, match="Nothing was changed"):
        history.begin_apply("apply", [ApplyItem(AI, ORIGIN, State.ON, State.OFF)])
    history.close()


def test_a_history_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(HistoryError, match="newer privacy-tui"):
        History.open(path)


class Keyring:
    """Hands the engine fixed credentials, as the keyring would."""

    def __init__(self, credentials: Credentials) -> None:
        self.credentials = credentials

    async def get(self, platform: str) -> Credentials | None:
        return self.credentials


@pytest.mark.browser
async def test_the_history_holds_no_password_and_no_session(
    chromium: str,
    shared_browser: Running,
    replica: ReplicaServer,
    linkedin: LinkedIn,
    tmp_path: Path,
) -> None:
    """Signing in with a password and reading leaves neither secret in the file."""
    password = "correct-horse-battery-staple-42"
    site = replica.sites["linkedin"]
    site.add_account("someone@example.com", password)
    path = tmp_path / "history.sqlite"
    history = History.open(path)
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "engine.log")
    engine = Engine(
        [linkedin],
        options,
        sessions=MemorySessions(),
        credentials=Keyring(Credentials("someone@example.com", password)),
        shared_browser=shared_browser,
    )
    history.attach(engine)
    try:
        readings = await engine.check([AI, RESEARCH])
        assert [r.state for r in readings] == [State.ON, State.ON]
        await engine.change(AI, State.OFF)
        tokens = site.session_tokens("someone@example.com")
    finally:
        await engine.close()
    history.close()
    assert tokens, "the engine should have signed in"
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("history.sqlite*"))
    assert password.encode() not in stored
    assert not any(token.encode() in stored for token in tokens)
