"""`privacy-tui list`: every setting the installed plugins know; no browser, no config."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from automation import registry
from automation.model import FACTS, Setting, wish_word
from automation.presets import STRICT

from ..headless import EXIT_OK
from ..output import Table, fail, print_json, print_table
from ..view import sure_marks

#: Under the table: what the SURE column's marks mean.
LEGEND = (
    "SURE: how sure the page, the control and the label are: "
    "✓ confirmed, ~ likely, ? a guess, - no evidence."
)


def list_settings(args: argparse.Namespace) -> int:
    """Print each setting's id, kind, recommended value and how sure its facts are
    (``--json``: every field, the evidence with its sources)."""
    classes, problems = registry.load()
    for problem in problems:
        print(f"privacy-tui: {problem}", file=sys.stderr)
    if not classes:
        return fail("no platform plugins are installed.")
    rows: list[dict[str, Any]] = []
    settings: list[Setting] = []
    for cls in classes:
        for setting in cls.settings:
            settings.append(setting)
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
                    "sure_of": {
                        fact: str(c) if (c := setting.sureness(fact)) else None for fact in FACTS
                    },
                    "guessed": list(dict.fromkeys(setting.guessed)),
                    "evidence": [
                        {"fact": e.fact, "confidence": str(e.confidence), "source": e.source}
                        for e in setting.evidence
                    ],
                }
            )
    if args.json:
        print_json(rows)
        return EXIT_OK
    table = Table("SETTING", "KIND", "RECOMMENDED", "STRICT", "SURE", "LABEL")
    for row, setting in zip(rows, settings, strict=True):
        sure = sure_marks(setting)
        table.add(
            row["id"],
            row["kind"],
            row["recommended"],
            row["strict"],
            (sure, "yellow" if "?" in sure else None),
            row["label"],
        )
    print_table(table)
    print(f"\n{LEGEND}")
    return EXIT_OK
