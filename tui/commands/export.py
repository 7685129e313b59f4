"""`privacy-tui export PATH`: read every setting and write the TUI's export without a screen."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from automation.browser import BrowserError
from automation.export import ExportError, render, write_atomic
from automation.runtime import Runtime

from ..headless import EXIT_OK, read_all
from ..output import fail


def export(runtime: Runtime, args: argparse.Namespace) -> int:
    """Read every setting, then write the same TOML as the checklist's ``e``."""
    path = Path(args.path).expanduser()
    # Say what is wrong with the path before the browser spends time reading.
    if path.is_dir():
        return fail(f"{path} is a folder; give a file name.")
    if path.exists() and not args.force:
        return fail(f"{path} already exists; --force replaces it.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return fail(f"cannot write {path}: {folder} does not exist.")
    try:
        readings = asyncio.run(read_all(runtime, sys.stderr))
    except BrowserError as exc:
        return fail(str(exc))
    settings = runtime.settings
    text = render(
        settings,
        {s.id: runtime.desired(s) for s in settings},
        {r.setting_id: r for r in readings},
        runtime.config,
    )
    try:
        write_atomic(path, text, overwrite=args.force)
    except ExportError as exc:
        return fail(str(exc))
    print(f"Exported {len(readings)} settings to {path}.")
    return EXIT_OK
