"""`privacy-tui export PATH`: read every setting and write the TUI's export without a screen."""

from __future__ import annotations

import argparse
import asyncio
import sys

from automation.browser import BrowserError
from automation.export import AlreadyExists, ExportError, destination, render, write_atomic
from automation.runtime import Runtime

from ..headless import EXIT_OK, read_all
from ..output import fail


def export(runtime: Runtime, args: argparse.Namespace) -> int:
    """Read every setting, then write the same TOML as the checklist's ``e``."""
    # Say what is wrong with the path before the browser spends time reading.
    try:
        path = destination(args.path, overwrite=args.force)
    except AlreadyExists as exc:
        return fail(f"{exc} --force replaces it.")
    except ExportError as exc:
        return fail(str(exc))
    try:
        readings = asyncio.run(read_all(runtime, sys.stderr))
    except BrowserError as exc:
        return fail(str(exc))
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
        return fail(str(exc))
    print(f"Exported {len(readings)} settings to {path}.")
    return EXIT_OK
