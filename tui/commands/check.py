"""`privacy-tui check`: read every setting without a screen and print its state."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING, Any, TextIO

from automation import language
from automation.browser.launch import BrowserError
from automation.domain import wishes
from automation.domain.settings import Kind, Reading, Setting
from automation.language import Sentence, _, told

from ..words import said
from . import exits
from .check_progress import read_all
from .options import Subcommands, add_common, add_only
from .output import Table, print_json, print_table
from .running import on_runtime

if TYPE_CHECKING:
    from automation.engine.runtime import Runtime

NAME = "check"


def add_parser(commands: Subcommands) -> None:
    parser = commands.add_parser(
        NAME,
        help=_("read every setting without a screen"),
        description=_(
            "Read every setting with a headless browser and print its state. "
            "Exit status: 0 all as desired, 1 something is not, 2 usage or config error "
            "or no browser, 3 a setting could not be read."
        ),
    )
    add_common(parser)
    add_only(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))


def run(args: argparse.Namespace) -> int:
    return on_runtime(args, lambda runtime: check(runtime, as_json=args.json))


def exit_status(rows: list[dict[str, Any]]) -> int:
    """1 when a setting read as not desired; else 3 when one could not be read; else 0.

    A setting only a person can change (kind ``manual``) is never read by a browser,
    so it never decides the status.
    """
    if any(r["read"] and not r["as_desired"] for r in rows):
        return exits.NOT_AS_DESIRED
    if any(not r["read"] and r["kind"] != Kind.MANUAL.value for r in rows):
        return exits.NOT_READ
    return exits.OK


def check(runtime: Runtime, *, as_json: bool, out: TextIO | None = None) -> int:
    """Read every setting and print a table (or JSON).

    Exit status: 0 all as desired, 1 one is not, 2 no browser, 3 one could not be read.
    """
    out = out or sys.stdout
    try:
        readings = asyncio.run(read_all(runtime, None if as_json else sys.stderr))
    except BrowserError as exc:
        return exits.fail(told(exc))
    rows = []
    for setting in runtime.settings:
        if setting.kind is Kind.MANUAL:
            rows.append(_by_hand(runtime, setting))
            continue
        # A per-blog setting's readings are its blogs' (or one saying why none were read).
        rows += [
            read_row(runtime, r)
            for r in readings
            if r.setting_id == setting.id or r.setting_id.startswith(setting.id + "@")
        ]
    if as_json:
        print_json(rows, out)
    else:
        table = Table("", _("SETTING"), _("STATE"), _("WANT"), _("DETAIL"))
        for row in rows:
            table.add(
                _mark(row),
                row["id"],
                said(row["state"]),
                said(row["desired"]),
                language.said(row["detail"]),
            )
            if row["drift"]:
                table.note(row["drift"]["detail"])
        print_table(table, out)
        print("\n" + _("{summary}.").format(summary=summary(rows)), file=out)
    return exit_status(rows)


def summary(rows: list[dict[str, Any]]) -> str:
    """One line that counts the rows: as desired, not, not read, done by hand."""
    by_hand = [r for r in rows if r["kind"] == Kind.MANUAL.value]
    marked = sum(1 for r in by_hand if r["marked_at"])
    counts = [
        (sum(1 for r in rows if r["as_desired"]), _("{n} as desired")),
        (sum(1 for r in rows if r["read"] and not r["as_desired"]), _("{n} not as desired")),
        (
            sum(1 for r in rows if not r["read"] and r["kind"] != Kind.MANUAL.value),
            _("{n} could not be read"),
        ),
        (len(by_hand), _("{n} done by hand ({marked} marked done)")),
    ]
    said_counts = [words.format(n=n, marked=marked) for n, words in counts if n]
    return _(", ").join(said_counts) or _("nothing to check")


def read_row(runtime: Runtime, reading: Reading) -> dict[str, Any]:
    """One row of check's table (and of its --json) for ``reading``: its state, the wish
    and the verdict."""
    # The engine knows every setting read, including one per blog found on the way.
    setting = runtime.engine.setting(reading.setting_id)
    desired = runtime.desired(setting)
    drift = runtime.history.drift(reading.setting_id)
    return {
        "id": reading.setting_id,
        "kind": str(setting.kind),
        "state": str(reading.state),
        "desired": wishes.word(setting, desired),
        "read": reading.state.is_value,
        "as_desired": wishes.judge(desired, reading.state).fine,
        "detail": reading.detail,
        "checked_at": reading.checked_at.isoformat(),
        "url": reading.url,
        "capture": reading.capture,
        "marked_at": None,
        "drift": None
        if drift is None
        else {
            "previous": str(drift.previous),
            "previous_at": drift.previous_at.isoformat(),
            "detail": drift.describe(),
        },
    }


def _by_hand(runtime: Runtime, setting: Setting) -> dict[str, Any]:
    """A setting only a person can do: never read; the user's mark, if they made one."""
    marked = runtime.marks.get(setting.id)
    if marked is not None:
        when = marked.astimezone().strftime("%Y-%m-%d %H:%M")
        detail = Sentence("Marked done by you on {when}; privacy-tui cannot read it.", when=when)
    else:
        detail = Sentence(
            "Only you can do this (a form, an email or a phone app); the checklist shows the steps."
        )
    return {
        "id": setting.id,
        "kind": str(setting.kind),
        "state": "marked_done" if marked is not None else "by_hand",
        "desired": wishes.word(setting, runtime.desired(setting)),
        "read": False,
        "as_desired": None,
        "detail": detail,
        "checked_at": None,
        "url": setting.url,
        "capture": None,
        "marked_at": marked.isoformat() if marked is not None else None,
        "drift": None,
    }


def _mark(row: dict[str, Any]) -> tuple[str, str]:
    if row["as_desired"]:
        return _("ok"), "green"
    if row["read"]:
        return _("DIFF"), "bold red"
    if row["kind"] == Kind.MANUAL.value:
        return _("MANUAL"), "dim"
    return _("UNREAD"), "yellow"
