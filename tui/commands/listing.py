"""`privacy-tui list`: every setting the installed plugins know; no browser, no config."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from automation import registry
from automation.model import wish_word
from automation.presets import STRICT

from ..headless import EXIT_OK
from ..output import Table, fail, print_json, print_table


def list_settings(args: argparse.Namespace) -> int:
    """Print each setting's id, kind and recommended value (``--json``: every field)."""
    classes, problems = registry.load()
    for problem in problems:
        print(f"privacy-tui: {problem}", file=sys.stderr)
    if not classes:
        return fail("no platform plugins are installed.")
    rows: list[dict[str, Any]] = []
    for cls in classes:
        for setting in cls.settings:
            rows.append(
                {
                    "id": setting.id,
                    "platform": setting.platform,
                    "platform_title": cls.title,
                    "key": setting.key,
                    "label": setting.label,
                    "kind": str(setting.kind),
                    # Done by hand: "done" or "skip" rather than an on or off.
                    "recommended": wish_word(setting, setting.recommended),
                    "strict": wish_word(setting, STRICT.value(setting)),
                    "description": setting.description,
                    "url": setting.url,
                    "manual_steps": list(setting.manual_steps),
                    "notes": setting.notes,
                    "source": setting.source,
                }
            )
    if args.json:
        print_json(rows)
        return EXIT_OK
    table = Table("SETTING", "KIND", "RECOMMENDED", "STRICT", "LABEL")
    for row in rows:
        table.add(row["id"], row["kind"], row["recommended"], row["strict"], row["label"])
    print_table(table)
    return EXIT_OK
