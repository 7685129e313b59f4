"""What apply and undo share: read and plan, ask, change, verify, and report."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TextIO

from automation.apply import Action, Plan, Result, carry_out
from automation.browser import BrowserError
from automation.engine import Engine
from automation.history import HistoryError
from automation.model import MANUAL_WORDS

from ..words import count, said
from . import exits
from .output import Table, colour_wanted, paint, print_json, print_table
from .reading import show_progress

if TYPE_CHECKING:
    from automation.runtime import Runtime

#: Reads what is to be done, on a started engine.
Planner = Callable[[Engine], Coroutine[Any, Any, Plan]]


def run_plan(
    runtime: Runtime,
    planner: Planner,
    *,
    yes: bool,
    dry_run: bool,
    as_json: bool,
    out: TextIO | None = None,
) -> int:
    """Read and plan, ask unless ``yes``, carry the plan out, and print what happened."""
    out = out or sys.stdout
    engine = runtime.engine
    if not as_json:
        engine.subscribe(lambda e: show_progress(e, sys.stderr))
    held_back = ""
    result: Result | None = None
    # One loop for the whole command: Playwright's objects belong to the loop that
    # made them, and the question in between is asked with no loop running, so
    # Ctrl-C at the prompt stops the command at once.
    with asyncio.Runner() as runner:
        try:
            runner.run(engine.start())
            plan = runner.run(planner(engine))
            if plan.changes and dry_run:
                held_back = "dry run: nothing was changed"
            elif plan.changes and not yes and not sys.stdin.isatty():
                held_back = "not changed: no terminal to ask on; --yes applies without asking"
            elif plan.changes and not yes and not _confirmed(plan, as_json):
                held_back = "not changed: you said no"
            elif plan.changes:
                result = runner.run(carry_out(engine, plan, runtime.history))
        except (BrowserError, HistoryError) as exc:
            return exits.fail(str(exc))
        finally:
            runner.run(engine.close())
    rows = _rows(plan, result, held_back)
    if as_json:
        print_json(
            {
                "source": plan.source,
                "dry_run": dry_run,
                "applied": result is not None,
                "undo_point": result.apply_id if result else None,
                "settings": rows,
            },
            out,
        )
    else:
        _print_rows(rows, out)
    if held_back.startswith("not changed: no terminal"):
        return exits.fail(f"{held_back}.")
    return _status(rows)


def _confirmed(plan: Plan, as_json: bool) -> bool:
    """List each planned change on the terminal and ask; anything but yes is no."""
    out = sys.stderr if as_json else sys.stdout
    colour = colour_wanted(out)
    about = f"About to change {count(len(plan.changes), 'setting')}:"
    print(paint(about, "bold", colour), file=out)
    for step in plan.changes:
        print(f"  {step.setting_id}: {step.found} → {step.target}  ({step.label})", file=out)
    print("Go ahead? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _rows(plan: Plan, result: Result | None, held_back: str) -> list[dict[str, Any]]:
    outcomes = {o.step.setting_id: o for o in result.outcomes} if result else {}
    rows = []
    for step in plan.steps:
        found = str(step.found) if step.found else None
        row: dict[str, Any] = {
            "id": step.setting_id,
            "label": step.label,
            "found": found,
            # Done by hand: "done" or "skip", never a bare on or off that was not read.
            "wanted": MANUAL_WORDS.get(step.target, str(step.target))
            if step.manual
            else str(step.target),
            "now": found,
            "verified": None,
            "manual": step.manual,
        }
        if step.action is Action.KEEP:
            row.update(result="left", detail=f"Already {step.target}.")
        elif step.action is Action.CANNOT:
            row.update(result="cannot", detail=step.reason)
        elif step.setting_id in outcomes:
            outcome = outcomes[step.setting_id]
            row.update(
                result="changed" if outcome.ok else "failed",
                now=str(outcome.reading.state),
                verified=outcome.ok,
                detail=outcome.reading.detail,
            )
        else:
            result_word = "would change" if held_back.startswith("dry run") else "not changed"
            row.update(result=result_word, detail=held_back.capitalize() + ".")
        rows.append(row)
    return rows


_STYLES = {
    "changed": "green",
    "left": "dim",
    "failed": "bold red",
    "cannot": "yellow",
    "would change": "bold",
    "not changed": "bold",
}


def _print_rows(rows: list[dict[str, Any]], out: TextIO) -> None:
    table = Table("RESULT", "SETTING", "FOUND", "WANTED", "NOW", "DETAIL")
    for row in rows:
        table.add(
            (row["result"], _STYLES[row["result"]]),
            row["id"],
            said(row["found"] or "-"),
            row["wanted"],
            said(row["now"] or "-"),
            row["detail"],
        )
    print_table(table, out)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["result"]] = counts.get(row["result"], 0) + 1
    words = {
        "changed": "changed and read back",
        "left": "left as they were",
        "failed": "not changed (the read-back disagreed)",
        "cannot": "could not be done",
        "would change": "would change",
        "not changed": "not changed",
    }
    summary = ", ".join(f"{n} {words[k]}" for k, n in counts.items())
    print(f"\n{summary or 'nothing to do'}.", file=out)


def _status(rows: list[dict[str, Any]]) -> int:
    if any(r["result"] in ("failed", "would change", "not changed") for r in rows):
        return exits.NOT_AS_DESIRED
    if any(r["result"] == "cannot" and not r["manual"] for r in rows):
        return exits.NOT_READ
    return exits.OK
