"""What apply and undo share: read and plan, ask, change, verify, and report."""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from automation import language, setting_text
from automation.browser.launch import BrowserError
from automation.domain import events
from automation.domain.settings import MANUAL_WORDS
from automation.engine.protocol import EngineProtocol
from automation.language import N_, Sentence, _, ngettext, told
from automation.records.apply import Action, Outcome, Plan, Result, carry_out
from automation.records.history import HistoryError
from automation.records.tally import how_to_undo, summary

from ..words import said
from . import exits
from .asking import no_terminal, stdin_problem
from .check_progress import LiveProgress, show_progress
from .output import Table, colour_wanted, paint, print_json, print_table

if TYPE_CHECKING:
    from automation.engine.runtime import Runtime

#: Reads what is to be done, on a started engine.
Planner = Callable[[EngineProtocol], Coroutine[Any, Any, Plan]]


def run_plan(
    runtime: Runtime,
    planner: Planner,
    *,
    yes: bool,
    dry_run: bool,
    as_json: bool,
    out: TextIO | None = None,
) -> int:
    """Read and plan, ask unless ``yes``, carry the plan out, and print what happened.

    Ctrl-C before the first change stops at once (nothing is changed); during the
    changes it lets the change under way finish and be read back, starts no other,
    prints what was done and how to undo it, and exits 130.
    """
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
                held_back = Sentence("dry run: nothing was changed")
            elif plan.changes and not yes and (no_stdin := stdin_problem()) is not None:
                held_back = Sentence(
                    "not changed: {why}; --yes applies without asking", why=no_terminal(no_stdin)
                )
            elif plan.changes and not yes and not _confirmed(plan, as_json):
                held_back = Sentence("not changed: you said no")
            elif plan.changes:
                result = Result(plan)
                with _stopped_by_ctrl_c(result), _counting(engine, result):
                    runner.run(carry_out(engine, plan, runtime.history, result))
        except (BrowserError, HistoryError) as exc:
            return exits.fail(told(exc))
        except KeyboardInterrupt:
            print("\n" + _("Stopped before any change: nothing was changed."), file=sys.stderr)
            return exits.INTERRUPTED
        finally:
            runner.run(engine.close())
    rows = _rows(plan, result, held_back)
    # Ctrl-C during the last change leaves nothing undone: the command ends as usual.
    stopped = result is not None and result.stopped
    if as_json:
        print_json(
            {
                "source": plan.source,
                "dry_run": dry_run,
                "applied": result is not None,
                "stopped": stopped,
                "undo_point": result.apply_id if result else None,
                "settings": rows,
            },
            out,
        )
    else:
        print_rows(rows, out)
    if stopped:
        undo = how_to_undo(demo=runtime.demo is not None)
        print(_("Stopped by Ctrl-C. {undo}").format(undo=undo), file=sys.stderr)
        return exits.INTERRUPTED
    if held_back.startswith("not changed: no terminal"):
        return exits.fail(Sentence("{reason}.", reason=held_back))
    return _status(rows)


@contextmanager
def _stopped_by_ctrl_c(result: Result) -> Iterator[None]:
    """While the changes run, Ctrl-C (SIGINT) asks the run to stop after the change
    under way, instead of cutting it off."""

    def stop(signum: int, frame: object) -> None:
        if not result.stop_asked:
            under_way = f" ({result.under_way.setting_id})" if result.under_way else ""
            print(
                "\n"
                + _(
                    "Stopping after the change under way{setting}: it is finished and read "
                    "back first."
                ).format(setting=under_way),
                file=sys.stderr,
                flush=True,
            )
        result.stop()

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@contextmanager
def _counting(engine: EngineProtocol, result: Result) -> Iterator[None]:
    """On a terminal, one line on stderr counts the changes as they are made."""
    if not sys.stderr.isatty():
        yield
        return
    live = LiveProgress(sys.stderr)

    def tell(event: events.Event) -> None:
        if isinstance(event, events.Changing):
            total = len(result.plan.changes)
            live.show(f"changing {len(result.outcomes) + 1} of {total}: {event.setting_id}")

    stop = engine.subscribe(tell)
    try:
        yield
    finally:
        stop()
        live.clear()


def _confirmed(plan: Plan, as_json: bool) -> bool:
    """List each planned change on the terminal and ask; anything but yes is no."""
    out = sys.stderr if as_json else sys.stdout
    colour = colour_wanted(out)
    about = ngettext(
        "About to change {n} setting:", "About to change {n} settings:", len(plan.changes)
    ).format(n=len(plan.changes))
    print(paint(about, "bold", colour), file=out)
    for step in plan.changes:
        label = setting_text.named(step.setting_id, step.label)
        change = f"{said(step.found)} → {said(step.target)}"
        print(f"  {step.setting_id}: {change}  ({label})", file=out)
    print(_("Go ahead? [y/N] "), end="", file=sys.stderr, flush=True)
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
            row.update(result="left", detail=Sentence("Already {target}.", target=step.target))
        elif step.action is Action.CANNOT:
            row.update(result="cannot", detail=step.reason)
        elif step.setting_id in outcomes:
            outcome = outcomes[step.setting_id]
            row.update(
                result=_result_word(outcome),
                now=str(outcome.reading.state),
                verified=outcome.ok,
                detail=outcome.reading.detail
                if outcome.read_back
                else Sentence(
                    "Could not read back: {detail} The change may have taken: check it again.",
                    detail=outcome.reading.detail,
                ),
            )
        elif result is not None and result.under_way is step:
            row.update(result="unfinished", detail=Sentence("Cut off before its read-back."))
        elif result is not None:
            row.update(
                result="not started", detail=Sentence("Not started: stopped by Ctrl-C first.")
            )
        else:
            result_word = "would change" if held_back.startswith("dry run") else "not changed"
            row.update(result=result_word, detail=_held_back_detail(held_back))
        rows.append(row)
    return rows


def _held_back_detail(held_back: str) -> str:
    """Why nothing was changed, as a row's detail: a sentence of its own, begun with a
    capital (``held_back`` as the stderr line says it)."""
    if held_back == "dry run: nothing was changed":
        return Sentence("Dry run: nothing was changed.")
    if held_back == "not changed: you said no":
        return Sentence("Not changed: you said no.")
    if isinstance(held_back, Sentence) and "why" in held_back.values:
        return Sentence(
            "Not changed: {why}; --yes applies without asking.", why=held_back.values["why"]
        )
    return held_back.capitalize() + "."


def _result_word(outcome: Outcome) -> str:
    """``changed``; ``failed`` when the read-back read another value; ``not read back``
    when it read nothing (the page failed after the save, say)."""
    if outcome.ok:
        return "changed"
    return "failed" if outcome.read_back else "not read back"


#: The results' words, in the catalog: the table says them in the language chosen, and
#: the JSON as they are.
RESULT_WORDS = (
    N_("changed"),
    N_("left"),
    N_("failed"),
    N_("not read back"),
    N_("unfinished"),
    N_("not started"),
    N_("cannot"),
    N_("would change"),
    N_("not changed"),
)

_STYLES = {
    "changed": "green",
    "left": "dim",
    "failed": "bold red",
    "not read back": "bold yellow",
    "unfinished": "bold red",
    "not started": "bold",
    "cannot": "yellow",
    "would change": "bold",
    "not changed": "bold",
}


def print_rows(rows: list[dict[str, Any]], out: TextIO) -> None:
    table = Table(_("RESULT"), _("SETTING"), _("FOUND"), _("WANTED"), _("NOW"), _("DETAIL"))
    for row in rows:
        table.add(
            (_(row["result"]), _STYLES[row["result"]]),
            row["id"],
            said(row["found"] or "-"),
            said(row["wanted"]),
            said(row["now"] or "-"),
            language.said(row["detail"]),
        )
    print_table(table, out)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["result"]] = counts.get(row["result"], 0) + 1
    print(f"\n{summary(counts)}.", file=out)


def _status(rows: list[dict[str, Any]]) -> int:
    if any(
        r["result"] in ("failed", "unfinished", "not started", "would change", "not changed")
        for r in rows
    ):
        return exits.NOT_AS_DESIRED
    if any(r["result"] == "not read back" for r in rows):
        return exits.NOT_READ
    if any(r["result"] == "cannot" and not r["manual"] for r in rows):
        return exits.NOT_READ
    return exits.OK
