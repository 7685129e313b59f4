"""`privacy-tui list`: every setting the installed plugins know; no browser, no config."""

from __future__ import annotations

import argparse
from typing import Any

from automation import setting_text
from automation.domain import wishes
from automation.domain.presets import RECOMMENDED, STRICT
from automation.domain.settings import FACTS, Setting
from automation.language import N_, _

from ..words import said
from . import exits
from .options import Subcommands, add_demo
from .output import Table, print_json, print_table

NAME = "list"

#: Under the table: what the SURE column's marks mean.
#: The kinds of setting, as the table says them (the JSON keeps these words).
KINDS = (N_("toggle"), N_("manual"))
LEGEND = N_(
    "SURE: how sure the page, the control and the label are: "
    "✓ confirmed, ~ likely, ? a guess, - no evidence."
)


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("list every setting the installed plugins know"),
        description=_(
            "Every setting the installed plugins know: id, kind, recommended and "
            "strict values, how sure its page, control and label are (SURE: ✓ confirmed, "
            "~ likely, ? a guess, - no evidence), label. --json adds every field, with each "
            "fact's source."
        ),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON with every field"))
    add_demo(parser)


def run(args: argparse.Namespace) -> int:
    """Print each setting's id, kind, recommended value and how sure its facts are
    (``--json``: every field, the evidence with its sources)."""
    from automation import registry

    # The checklist's view, and rich with it, is loaded only when a list is printed.
    from ..view import sure_marks

    classes, problems = registry.load()
    for problem in problems:
        exits.warn(str(problem))
    if not classes:
        return exits.fail("no platform plugins are installed.")
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
                    # Done by hand: "done" or "skip" rather than an on or off; "any"
                    # where the preset leaves a convenience as it is.
                    "recommended": wishes.word(setting, RECOMMENDED.value(setting)),
                    "strict": wishes.word(setting, STRICT.value(setting)),
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
        return exits.OK
    table = Table(_("SETTING"), _("KIND"), _("RECOMMENDED"), _("STRICT"), _("SURE"), _("LABEL"))
    for row, setting in zip(rows, settings, strict=True):
        sure = sure_marks(setting)
        table.add(
            row["id"],
            _(row["kind"]),
            said(row["recommended"]),
            said(row["strict"]),
            (sure, "yellow" if "?" in sure else None),
            setting_text.label(setting),
        )
    print_table(table)
    print("\n" + _(LEGEND))
    return exits.OK
