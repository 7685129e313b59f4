"""The headless commands beyond `check`: apply, undo, export, list and history.

:func:`add_parsers` adds their command lines; :func:`run_standalone` runs the ones
that need neither a config nor a browser, :func:`run_with_runtime` the others.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from automation.presets import PRESETS
from automation.runtime import Runtime

#: Commands that read no config and start no browser (or, like watch, start their own).
STANDALONE = ("list", "history", "watch")
#: Commands that run the engine on the config's platforms.
WITH_RUNTIME = ("apply", "undo", "export")

Common = Callable[..., None]
#: The largest --limit the history file can be asked for (SQLite's largest integer).
MAX_LIMIT = 2**63 - 1


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (everything) or more")
    if value > MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"{text} is too large; 0 shows everything")
    return value


def add_parsers(commands: argparse._SubParsersAction, common: Common) -> None:
    """Add the subcommands; ``common`` adds ``--config`` and ``--demo`` to one."""
    apply = commands.add_parser(
        "apply",
        help="bring settings to the desired state, verified by reading back",
        description="Read every setting named in [desired] (or every setting, with "
        "--preset), change those that differ, read each change back, and print what "
        "was changed, left and not done. Asks first unless --yes; without a terminal "
        "and without --yes it changes nothing. Exit status: 0 all as desired, "
        "1 something is not (or would change), 2 usage or config error or no terminal "
        "to ask on, 3 a setting could not be read.",
    )
    common(apply, sub=True)
    apply.add_argument(
        "--only", nargs="+", metavar="ID", help="only these setting ids (like linkedin.ai_training)"
    )
    apply.add_argument(
        "--preset",
        choices=list(PRESETS),
        help="; ".join(f"{p.name}: {p.description}" for p in PRESETS.values())
        + " (instead of [desired])",
    )
    _changing_options(apply)

    undo = commands.add_parser(
        "undo",
        help="put back what the last apply found",
        description="Restore the states the last apply (or the app's last change) found "
        "before it changed anything, verified by reading back. Asks first unless --yes. "
        "Exit status as for apply.",
    )
    common(undo, sub=True)
    _changing_options(undo)

    export = commands.add_parser(
        "export",
        help="read every setting and write the export TOML",
        description="Read every setting and write the same TOML as the checklist's export "
        "(itself a config). An existing file is replaced only with --force.",
    )
    common(export, sub=True)
    export.add_argument("path", metavar="PATH", help="the TOML file to write")
    export.add_argument("--force", action="store_true", help="replace PATH if it exists")

    listing = commands.add_parser(
        "list",
        help="list every setting the installed plugins know",
        description="Every setting the installed plugins know: id, kind, recommended and "
        "strict values, how sure its page, control and label are (SURE: ✓ confirmed, "
        "~ likely, ? a guess, - no evidence), label. --json adds every field, with each "
        "fact's source.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON with every field")
    _demo(listing)

    history = commands.add_parser(
        "history",
        help="show the recorded readings and changes",
        description="The readings and changes recorded on this machine, oldest first, "
        "with the state before and after and whether each change was verified.",
    )
    history.add_argument("id", nargs="?", metavar="ID", help="only this setting id")
    history.add_argument(
        "--limit", type=_limit, default=50, metavar="N", help="the latest N entries (0: all)"
    )
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _demo(history, "the demo's history lasts one run, so there is none to show")

    from .watch import add_parser as add_watch

    add_watch(commands, common)


def _demo(parser: argparse.ArgumentParser, note: str = "the same as without it") -> None:
    """Take --demo after the subcommand too, as every other command does."""
    # Not given here means "as given before the subcommand".
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help=note)


def _changing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="read and show the plan; change nothing"
    )
    parser.add_argument("--yes", action="store_true", help="change without asking")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run_standalone(args: argparse.Namespace) -> int:
    """Run ``list``, ``history`` or ``watch``."""
    if args.command == "watch":
        from .watch import watch

        return watch(args)
    if args.command == "list":
        from .listing import list_settings

        return list_settings(args)
    from .history import show_history

    return show_history(args)


def run_with_runtime(args: argparse.Namespace, runtime: Runtime) -> int:
    """Run ``apply``, ``undo`` or ``export`` on a built runtime."""
    if args.command == "apply":
        from .apply import apply

        return apply(runtime, args)
    if args.command == "undo":
        from .apply import undo

        return undo(runtime, args)
    from .export import export

    return export(runtime, args)
