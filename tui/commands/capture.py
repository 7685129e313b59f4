"""`privacy-tui capture`: keep a redacted capture of a setting's page, or show one."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from automation import language
from automation.language import _, told

from ..words import said
from . import exits
from .options import Subcommands, add_common
from .running import on_runtime

if TYPE_CHECKING:
    from automation.engine.runtime import Runtime

NAME = "capture"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("keep a redacted capture of a setting's page, or show what one holds"),
        description=_(
            "Read a setting (or a per-blog setting's blogs) and keep a redacted "
            "capture of its page: the page's structure and controls, the words the plugin "
            "knows, and none of your data (see README, 'Reporting a page that changed'). A reading "
            "of 'unknown' keeps one by itself. With --show, print what a capture file holds, "
            "to check it before attaching it to a report. Exit status: 0 kept (or shown), "
            "2 usage or config error, 3 the page could not be captured."
        ),
    )
    add_common(parser)
    parser.add_argument(
        "id", nargs="?", metavar="ID", help=_("the setting (like linkedin.ai_training)")
    )
    parser.add_argument(
        "--show",
        metavar="FILE",
        type=Path,
        help=_("print what FILE holds (its control characters written out, long texts cut)"),
    )


def run(args: argparse.Namespace) -> int:
    if args.show is not None:
        if args.id is not None:
            return exits.fail(_("give a setting id or --show FILE, not both"))
        return show(args.show)
    if args.id is None:
        return exits.fail(_("give the setting to capture (see privacy-tui list), or --show FILE"))
    args.only = [args.id]
    return on_runtime(args, lambda runtime: keep(runtime, args.id))


def show(path: Path) -> int:
    from automation.captures.fileformat import CaptureError, describe, load

    from .output import emit

    try:
        kept = load(path)
    except CaptureError as exc:
        return exits.fail(told(exc))
    emit("\n".join(describe(kept)))
    return exits.OK


def keep(runtime: Runtime, setting_id: str) -> int:
    from automation.browser.launch import BrowserError

    from .check_progress import read_all

    runtime.engine.capture_next(setting_id)
    try:
        readings = asyncio.run(read_all(runtime, sys.stderr))
    except BrowserError as exc:
        return exits.fail(told(exc))
    status = exits.OK
    for reading in readings:
        if reading.capture is None:
            exits.warn(
                _("{id}: no capture: {state}: {detail}").format(
                    id=reading.setting_id,
                    state=said(reading.state),
                    detail=language.said(reading.detail),
                )
            )
            status = exits.NOT_READ
        else:
            print(
                _("{id}: read {state}; capture kept in {path}").format(
                    id=reading.setting_id, state=said(reading.state), path=reading.capture
                )
            )
    if status == exits.OK:
        print(_("Look at it with privacy-tui capture --show FILE before sending it anywhere."))
    return status
