"""`privacy-tui undo`: put back what the latest change found, verified by reading back.

Run again, it goes on to the change before; ``--redo`` sets again what the last undo
put back, and ``--list`` shows the undo points, newest first.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from automation.language import _, told

from ..words import said
from . import exits
from .options import Subcommands, add_changing_options, add_common
from .output import local_time, print_json
from .running import on_runtime

if TYPE_CHECKING:
    from automation.engine.protocol import EngineProtocol
    from automation.engine.runtime import Runtime
    from automation.records.apply import Plan

NAME = "undo"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("put back what the latest change found (again: the one before)"),
        description=_(
            "Restore the states the latest apply, preset, switch in the app or "
            "watched change found before it changed anything, verified by reading back. Run "
            "again, it undoes the one before. --redo sets again what the last undo put back; "
            "--list shows the undo points, newest first. Asks first unless --yes. Exit status "
            "as for apply."
        ),
    )
    add_common(parser)
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--redo", action="store_true", help=_("set again what the last undo put back")
    )
    which.add_argument(
        "--list", action="store_true", help=_("list the undo points, newest first; change nothing")
    )
    add_changing_options(parser)


def run(args: argparse.Namespace) -> int:
    return on_runtime(args, lambda runtime: undo(runtime, args))


def undo(runtime: Runtime, args: argparse.Namespace) -> int:
    """Put back the states the latest point still in effect found (or, with ``--redo``,
    set again what the last undo put back)."""
    from automation.records.apply import read_redo_plan, read_undo_plan
    from automation.records.history import HistoryError

    from .plans import run_plan

    if runtime.demo is not None:
        print(
            _(
                "Nothing to undo: --demo keeps no history between runs. "
                "In the demo app, u undoes the latest change and U puts it back."
            )
        )
        return exits.OK
    history = runtime.history
    undo_id: int | None = None
    try:
        if args.list:
            return _list(runtime, args.json)
        if args.redo:
            found = history.next_redo()
            if found is None:
                print(_("Nothing to redo: no undo since the latest change."))
                return exits.OK
            record, undo_id = found
        else:
            latest = history.next_undo()
            if latest is None:
                print(
                    _("Nothing to undo: no change has been recorded.")
                    if history.last_apply() is None
                    else _("Nothing to undo: every recorded change has been undone.")
                )
                return exits.OK
            record = latest
    except HistoryError as exc:
        return exits.fail(told(exc))

    async def planned(engine: EngineProtocol) -> Plan:
        if undo_id is not None:
            return await read_redo_plan(engine, record, undo_id)
        return await read_undo_plan(engine, record)

    if not args.json:
        doing = (
            _("Redoing the {source} of {when}.")
            if undo_id is not None
            else _("Undoing the {source} of {when}.")
        )
        print(doing.format(source=record.source, when=local_time(record.at)), file=sys.stderr)
    return run_plan(runtime, planned, yes=args.yes, dry_run=args.dry_run, as_json=args.json)


def _list(runtime: Runtime, as_json: bool) -> int:
    """Print the undo points, newest first, with what each changed."""
    history = runtime.history
    points = history.points()
    following = history.next_undo()
    redo = history.next_redo()
    from automation import setting_text

    labels = {s.id: setting_text.label(s) for s in runtime.settings}
    if as_json:
        print_json(
            [
                {
                    "at": p.at.isoformat(),
                    "source": p.source,
                    "undone": p.undone,
                    "next_undo": following is not None and p.id == following.id,
                    "next_redo": redo is not None and p.id == redo[0].id,
                    "changes": [
                        {"id": i.setting_id, "before": str(i.before), "target": str(i.target)}
                        for i in p.items
                    ],
                }
                for p in points
            ]
        )
        return exits.OK
    if not points:
        print(_("No undo points: nothing has been changed yet."))
        return exits.OK
    for point in points:
        if following is not None and point.id == following.id:
            state = _("in effect; undo takes this next")
        elif redo is not None and point.id == redo[0].id:
            state = _("undone; undo --redo puts this back")
        else:
            state = _("undone") if point.undone else _("in effect")
        print(f"{local_time(point.at)}  {point.source}  ({state})")
        for item in point.items:
            label = labels.get(item.setting_id.split("@", 1)[0], "")
            named = f"  ({label})" if label else ""
            print(f"  {item.setting_id}: {said(item.before)} → {said(item.target)}{named}")
    return exits.OK
