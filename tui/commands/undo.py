"""`privacy-tui undo`: put back what the last apply found, verified by reading back."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import exits
from .options import Subcommands, add_changing_options, add_common
from .output import local_time
from .running import on_runtime

if TYPE_CHECKING:
    from automation.runtime import Runtime

NAME = "undo"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help="put back what the last apply found",
        description="Restore the states the last apply (or the app's last change) found "
        "before it changed anything, verified by reading back. Asks first unless --yes. "
        "Exit status as for apply.",
    )
    add_common(parser)
    add_changing_options(parser)


def run(args: argparse.Namespace) -> int:
    return on_runtime(args, lambda runtime: undo(runtime, args))


def undo(runtime: Runtime, args: argparse.Namespace) -> int:
    """Put back the states the last apply found before it changed anything."""
    from automation.apply import read_undo_plan
    from automation.history import HistoryError

    from .plans import run_plan

    if runtime.demo is not None:
        print(
            "Nothing to undo: --demo keeps no history between runs. "
            "In the demo app, u undoes the last change."
        )
        return exits.OK
    try:
        record = runtime.history.last_apply()
    except HistoryError as exc:
        return exits.fail(str(exc))
    if record is None:
        print("Nothing to undo: no apply has been recorded.")
        return exits.OK
    if record.undone_by is not None:
        when = local_time(record.at)
        print(f"Nothing to undo: the last apply ({record.source}, {when}) was undone already.")
        return exits.OK
    if not args.json:
        print(f"Undoing the {record.source} of {local_time(record.at)}.", file=sys.stderr)
    return run_plan(
        runtime,
        lambda engine: read_undo_plan(engine, record),
        yes=args.yes,
        dry_run=args.dry_run,
        as_json=args.json,
    )
