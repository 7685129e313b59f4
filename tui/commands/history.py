"""`privacy-tui history [ID]`: the recorded readings and changes, oldest first."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from automation import registry
from automation.history import Entry, History, HistoryError
from automation.model import State

from ..headless import EXIT_OK
from ..output import Table, fail, print_json, print_table


def show_history(args: argparse.Namespace) -> int:
    """Print the latest entries of the history (of one setting, with an id)."""
    if args.demo:
        # The demo's history lives in memory for one run: there is nothing recorded.
        print(
            "privacy-tui: --demo keeps its history in memory for one run; none is kept.",
            file=sys.stderr,
        )
        if args.json:
            print_json([])
        else:
            print("Nothing recorded for the demo.")
        return EXIT_OK
    try:
        history = History.open()
    except HistoryError as exc:
        return fail(str(exc))
    try:
        if args.id and args.id not in _known_ids() | history.known_ids():
            return fail(f"unknown setting id {args.id!r}; `privacy-tui list` shows every id.")
        entries = history.entries(args.id, limit=args.limit or None)
        watched = history.watched(entries)
    except HistoryError as exc:
        return fail(str(exc))
    finally:
        history.close()
    if args.json:
        print_json([_as_dict(e, e.id in watched) for e in entries])
        return EXIT_OK
    if not entries:
        print("Nothing recorded yet." if not args.id else f"Nothing recorded for {args.id} yet.")
        return EXIT_OK
    table = Table("WHEN", "SETTING", "WHAT", "BEFORE", "AFTER", "VERIFIED", "DETAIL")
    for entry in entries:
        table.add(
            entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            entry.setting_id,
            _what(entry) + (" (watch)" if entry.id in watched else ""),
            str(entry.before or "-"),
            str(entry.after or "-"),
            _verified(entry),
            entry.detail,
        )
        if entry.drift:
            how = "switched back on" if entry.after is State.ON else "changed"
            table.note(f"{how} since the reading before, not by privacy-tui")
    print_table(table)
    return EXIT_OK


def _what(entry: Entry) -> str:
    return f"change to {entry.target}" if entry.action == "change" else "read"


def _verified(entry: Entry) -> str | tuple[str, str]:
    if entry.verified is None:
        return "-" if entry.action == "read" else ("unfinished", "yellow")
    return ("yes", "green") if entry.verified else ("NO", "bold red")


def _known_ids() -> set[str]:
    classes, _ = registry.load()
    return {s.id for cls in classes for s in cls.settings}


def _as_dict(entry: Entry, watched: bool = False) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "id": entry.setting_id,
        "origin": entry.origin,
        "action": entry.action,
        "before": str(entry.before) if entry.before else None,
        "after": str(entry.after) if entry.after else None,
        "target": str(entry.target) if entry.target else None,
        "verified": entry.verified,
        "drift": entry.drift,
        "detail": entry.detail,
        "url": entry.url,
        "watched": watched,
    }
