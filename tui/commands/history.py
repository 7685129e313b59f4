"""`privacy-tui history [ID]`: the recorded readings and changes, oldest first."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from automation.domain.settings import State
from automation.language import _, told

from ..words import said
from . import exits
from .options import Subcommands, add_demo
from .output import Table, print_json, print_table

if TYPE_CHECKING:
    from automation.records.history import Entry

NAME = "history"
#: The largest --limit the history file can be asked for (SQLite's largest integer).
MAX_LIMIT = 2**63 - 1


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("show the recorded readings and changes"),
        description=_(
            "The readings and changes recorded on this machine, oldest first, "
            "with the state before and after and whether each change was verified."
        ),
    )
    parser.add_argument("id", nargs="?", metavar="ID", help=_("only this setting id"))
    parser.add_argument(
        "--limit", type=_limit, default=50, metavar="N", help=_("the latest N entries (0: all)")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    add_demo(parser, "the demo's history lasts one run, so there is none to show")


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a whole number").format(value=text)
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (everything) or more")
    if value > MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            _("{value} is too large; 0 shows everything").format(value=text)
        )
    return value


def run(args: argparse.Namespace) -> int:
    """Print the latest entries of the history (of one setting, with an id)."""
    from automation.records.history import History, HistoryError

    if args.demo:
        # The demo's history lives in memory for one run: there is nothing recorded.
        exits.warn(_("--demo keeps its history in memory for one run; none is kept."))
        if args.json:
            print_json([])
        else:
            print(_("Nothing recorded for the demo."))
        return exits.OK
    try:
        history = History.open()
    except HistoryError as exc:
        return exits.fail(told(exc))
    try:
        if args.id and args.id not in _known_ids() | history.known_ids():
            return exits.fail(
                _("unknown setting id {id!r}; `privacy-tui list` shows every id.").format(
                    id=args.id
                )
            )
        entries = history.entries(args.id, limit=args.limit or None)
        watched = history.watched(entries)
    except HistoryError as exc:
        return exits.fail(told(exc))
    finally:
        history.close()
    if args.json:
        print_json([_as_dict(e, e.id in watched) for e in entries])
        return exits.OK
    if not entries:
        print(
            _("Nothing recorded yet.")
            if not args.id
            else _("Nothing recorded for {id} yet.").format(id=args.id)
        )
        return exits.OK
    table = Table(
        _("WHEN"), _("SETTING"), _("WHAT"), _("BEFORE"), _("AFTER"), _("VERIFIED"), _("DETAIL")
    )
    for entry in entries:
        table.add(
            entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            entry.setting_id,
            _what(entry) + (" " + _("(watch)") if entry.id in watched else ""),
            said(entry.before) if entry.before else "-",
            said(entry.after) if entry.after else "-",
            _verified(entry),
            entry.detail,
        )
        if entry.drift:
            table.note(
                _("switched back on since the reading before, not by privacy-tui")
                if entry.after is State.ON
                else _("changed since the reading before, not by privacy-tui")
            )
    print_table(table)
    return exits.OK


def _what(entry: Entry) -> str:
    if entry.action == "change":
        return _("change to {state}").format(state=said(entry.target))
    return _("read")


def _verified(entry: Entry) -> str | tuple[str, str]:
    if entry.verified is None:
        return "-" if entry.action == "read" else (_("unfinished"), "yellow")
    return (_("yes"), "green") if entry.verified else (_("NO"), "bold red")


def _known_ids() -> set[str]:
    from automation import registry

    classes, _failed = registry.load()
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
