"""The ``privacy-tui`` command: the full-screen checklist, or one of the commands."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from automation import __version__

from . import commands
from .commands import exits
from .commands.options import add_common

if TYPE_CHECKING:
    from automation.runtime import Runtime

DESCRIPTION = (
    "A checklist of the privacy settings that feed your data to AI training and ads: "
    "reads each one's real state from your account and switches it."
)


def epilog() -> str:
    statuses = ", ".join(f"{status} {meaning}" for status, meaning in exits.MEANINGS.items())
    return (
        textwrap.fill(f"Exit status: {statuses}.", width=79)
        + "\n\nThe config is found at --config PATH, else $PRIVACY_TUI_CONFIG, else the user\n"
        "config folder (see config.example.toml). Try it without an account: privacy-tui --demo\n"
    )


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="privacy-tui",
        description=DESCRIPTION,
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"privacy-tui {__version__}")
    add_common(top, sub=False)
    subcommands = top.add_subparsers(
        dest="command",
        metavar="COMMAND",
        title="commands",
        help="leave it out to open the full-screen checklist",
    )
    commands.add_parsers(subcommands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command is None:
            from .commands.running import on_runtime

            return on_runtime(
                args, lambda runtime: _open_app(runtime, demo=args.demo), open_history=False
            )
        return commands.run(args)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return exits.INTERRUPTED


def _open_app(runtime: Runtime, *, demo: bool) -> int:
    from .app import PrivacyApp

    app = PrivacyApp(runtime, demo=demo)
    app.run()
    # The history is opened once the checklist is on screen; one that cannot be used
    # ends the app with the message it would have had before.
    if app.reading.refused is not None:
        return exits.fail(app.reading.refused)
    return exits.OK


if __name__ == "__main__":
    sys.exit(main())
