"""`privacy-tui export PATH`: read every setting and write the TUI's export without a screen."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from automation.browser.launch import BrowserError
from automation.language import _, ngettext, told

from . import exits
from .check_progress import read_all
from .options import Subcommands, add_common
from .running import on_runtime

if TYPE_CHECKING:
    from automation.engine.runtime import Runtime

NAME = "export"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("read every setting and write the export TOML"),
        description=_(
            "Read every setting and write the same TOML as the checklist's export "
            "(itself a config). An existing file is replaced only with --force."
        ),
    )
    add_common(parser)
    parser.add_argument("path", metavar="PATH", help=_("the TOML file to write"))
    parser.add_argument("--force", action="store_true", help=_("replace PATH if it exists"))


def run(args: argparse.Namespace) -> int:
    return on_runtime(args, lambda runtime: export(runtime, args))


def export(runtime: Runtime, args: argparse.Namespace) -> int:
    """Read every setting, then write the same TOML as the checklist's ``e``."""
    from automation.records.export import (
        AlreadyExists,
        ExportError,
        destination,
        render,
        write_atomic,
    )

    # Say what is wrong with the path before the browser spends time reading.
    try:
        path = destination(args.path, overwrite=args.force)
    except AlreadyExists as exc:
        return exits.fail(_("{problem} --force replaces it.").format(problem=exc))
    except ExportError as exc:
        return exits.fail(told(exc))
    try:
        readings = asyncio.run(read_all(runtime, sys.stderr))
    except BrowserError as exc:
        return exits.fail(told(exc))
    settings = []
    for setting in runtime.settings:
        settings.append(setting)
        if setting.per is not None:
            # Each blog found on the account, with its own reading and desired value.
            settings += [
                runtime.engine.setting(r.setting_id)
                for r in readings
                if r.setting_id.startswith(setting.id + "@")
            ]
    text = render(
        settings,
        {s.id: runtime.desired(s) for s in settings},
        {r.setting_id: r for r in readings},
        runtime.config,
        marks=dict(runtime.marks.items()),
    )
    try:
        write_atomic(path, text, overwrite=args.force)
    except ExportError as exc:
        return exits.fail(told(exc))
    print(
        ngettext(
            "Exported {n} setting to {path}.", "Exported {n} settings to {path}.", len(readings)
        ).format(n=len(readings), path=path)
    )
    return exits.OK
