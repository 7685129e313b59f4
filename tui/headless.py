"""The commands that run the engine without a screen."""

from __future__ import annotations

import asyncio
import sys
from typing import Any, TextIO

from automation import events
from automation.browser import BrowserError
from automation.model import Kind, Reading, Setting, wish_word
from automation.runtime import Runtime

from .output import Table, fail, print_json, print_table

#: Exit statuses: as desired, not as desired, usage or config error, not read.
EXIT_OK, EXIT_DRIFT, EXIT_USAGE, EXIT_UNREAD = 0, 1, 2, 3


class LiveProgress:
    """On a terminal, one line on stderr that counts the settings read, rewritten in place.

    Other news (signing in, a problem) gets a line of its own above it; the line is
    cleared when the work is done.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started: set[str] = set()
        self.finished: set[str] = set()
        self.shown = False

    def __call__(self, event: events.Event) -> None:
        if isinstance(event, events.Checking):
            self.started.add(event.setting_id)
        elif isinstance(event, events.Read):
            self.finished.add(event.reading.setting_id)
        elif isinstance(event, events.Expanded):
            # A per-blog setting gives way to its blogs, each read in turn.
            self.started.discard(event.setting_id)
        elif isinstance(event, events.SigningIn | events.Problem):
            self.clear()
            show_progress(event, self.out)
        done = len(self.finished & self.started)
        self.show(f"reading settings… {done} of {len(self.started)} read")

    def show(self, text: str) -> None:
        self.out.write(f"\r\x1b[K{text}")
        self.out.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.out.write("\r\x1b[K")
            self.out.flush()
            self.shown = False


async def read_all(runtime: Runtime, progress: TextIO | None) -> list[Reading]:
    """Start the engine, read every setting of the run, and close the engine.

    With stderr on a terminal, a line there counts the settings read (and says
    when the browser is being closed, which takes a moment). Otherwise ``progress``
    gets a line for what takes a while (signing in) and for problems; without it
    only problems are told, on stderr.
    """
    engine = runtime.engine
    live = LiveProgress(sys.stderr) if _on_terminal(sys.stderr) else None
    if live is not None:
        engine.subscribe(live)
    elif progress is not None:
        engine.subscribe(lambda e: show_progress(e, progress))
    else:
        # Even with --json, a problem (an unreadable kept session) is told, on stderr.
        engine.subscribe(lambda e: _problem(e, sys.stderr))
    # Settings done by hand are never read: with only those, no browser is started.
    ids = [s.id for s in runtime.settings if s.kind is not Kind.MANUAL]
    try:
        if not ids:
            return []
        await engine.start()
        return await engine.check(ids)
    finally:
        if live is not None and engine.started:
            live.show("closing the browser…")
        await engine.close()
        if live is not None:
            live.clear()


def _on_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _problem(event: events.Event, out: TextIO) -> None:
    if isinstance(event, events.Problem):
        print(event.message, file=out)


def show_progress(event: events.Event, out: TextIO) -> None:
    """Tell a person at the terminal what the engine is doing that takes a while."""
    if isinstance(event, events.SigningIn):
        print(f"signing in to {event.platform}…", file=out)
    elif isinstance(event, events.Problem):
        print(event.message, file=out)


def exit_status(rows: list[dict[str, Any]]) -> int:
    """1 when a setting read as not desired; else 3 when one could not be read; else 0.

    A setting only a person can change (kind ``manual``) is never read by a browser,
    so it never decides the status.
    """
    if any(r["read"] and not r["as_desired"] for r in rows):
        return EXIT_DRIFT
    if any(not r["read"] and r["kind"] != Kind.MANUAL.value for r in rows):
        return EXIT_UNREAD
    return EXIT_OK


def check(runtime: Runtime, *, as_json: bool, out: TextIO = sys.stdout) -> int:
    """Read every setting and print a table (or JSON).

    Exit status: 0 all as desired, 1 one is not, 2 no browser, 3 one could not be read.
    """
    try:
        readings = asyncio.run(read_all(runtime, None if as_json else sys.stderr))
    except BrowserError as exc:
        return fail(str(exc))
    rows = []
    for setting in runtime.settings:
        if setting.kind is Kind.MANUAL:
            rows.append(_by_hand(runtime, setting))
            continue
        # A per-blog setting's readings are its blogs' (or one saying why none were read).
        rows += [
            _read_row(runtime, r)
            for r in readings
            if r.setting_id == setting.id or r.setting_id.startswith(setting.id + "@")
        ]
    if as_json:
        print_json(rows, out)
    else:
        table = Table("", "SETTING", "STATE", "WANT", "DETAIL")
        for row in rows:
            table.add(_mark(row), row["id"], row["state"], row["desired"], row["detail"])
            if row["drift"]:
                table.note(row["drift"]["detail"])
        print_table(table, out)
        print(f"\n{summary(rows)}.", file=out)
    return exit_status(rows)


def summary(rows: list[dict[str, Any]]) -> str:
    """One line that counts the rows: as desired, not, not read, done by hand."""
    by_hand = [r for r in rows if r["kind"] == Kind.MANUAL.value]
    marked = sum(1 for r in by_hand if r["marked_at"])
    counts = [
        (sum(1 for r in rows if r["as_desired"]), "as desired"),
        (sum(1 for r in rows if r["read"] and not r["as_desired"]), "not as desired"),
        (
            sum(1 for r in rows if not r["read"] and r["kind"] != Kind.MANUAL.value),
            "could not be read",
        ),
        (len(by_hand), f"done by hand ({marked} marked done)"),
    ]
    return ", ".join(f"{n} {words}" for n, words in counts if n) or "nothing to check"


def _read_row(runtime: Runtime, reading: Reading) -> dict[str, Any]:
    # The engine knows every setting read, including one per blog found on the way.
    setting = runtime.engine.setting(reading.setting_id)
    desired = runtime.desired(setting)
    drift = runtime.history.drift(reading.setting_id)
    return {
        "id": reading.setting_id,
        "kind": str(setting.kind),
        "state": str(reading.state),
        "desired": str(desired),
        "read": reading.state.is_value,
        "as_desired": reading.state == desired,
        "detail": reading.detail,
        "checked_at": reading.checked_at.isoformat(),
        "url": reading.url,
        "marked_at": None,
        "drift": None
        if drift is None
        else {
            "previous": str(drift.previous),
            "previous_at": drift.previous_at.isoformat(),
            "detail": drift.describe(),
        },
    }


def _by_hand(runtime: Runtime, setting: Setting) -> dict[str, Any]:
    """A setting only a person can do: never read; the user's mark, if they made one."""
    marked = runtime.marks.get(setting.id)
    if marked is not None:
        when = marked.astimezone().strftime("%Y-%m-%d %H:%M")
        detail = f"Marked done by you on {when}; privacy-tui cannot read it."
    else:
        detail = "Only you can do this (a form or an email); the checklist shows the steps."
    return {
        "id": setting.id,
        "kind": str(setting.kind),
        "state": "marked_done" if marked is not None else "by_hand",
        "desired": wish_word(setting, runtime.desired(setting)),
        "read": False,
        "as_desired": None,
        "detail": detail,
        "checked_at": None,
        "url": setting.url,
        "marked_at": marked.isoformat() if marked is not None else None,
        "drift": None,
    }


def _mark(row: dict[str, Any]) -> tuple[str, str]:
    if row["as_desired"]:
        return "ok", "green"
    if row["read"]:
        return "DIFF", "bold red"
    if row["kind"] == Kind.MANUAL.value:
        return "MANUAL", "dim"
    return "UNREAD", "yellow"
