"""How a run of changes went, in the words the app and the commands share.

``privacy-tui apply`` and ``undo`` end their table with :func:`summary`; the app
ends a preset, an undo or a redo with the same line, and says the same when it is
quit while changes run, with :func:`how_to_undo` after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from automation.records.apply import Result

#: What a step's result word says in a summary, in the order a summary names them.
WORDS = {
    "changed": "changed and read back",
    "failed": "not changed (the read-back disagreed)",
    "not read back": "could not be read back (read again to see whether it took)",
    "unfinished": "cut off before its read-back (read it again)",
    "not started": "not started (stopped first)",
    "left": "left as they were",
    "cannot": "could not be done",
    "would change": "would change",
    "not changed": "not changed",
}


def summary(counts: Mapping[str, int]) -> str:
    """One line from the count of each result word: ``"3 changed and read back,
    1 left as they were"``; ``"nothing to do"`` when there is none."""
    parts = [f"{counts[word]} {said}" for word, said in WORDS.items() if counts.get(word)]
    return ", ".join(parts) or "nothing to do"


def counts(result: Result) -> dict[str, int]:
    """How many steps of a run ended each way, by result word (as ``apply`` counts them)."""
    plan = result.plan
    found = {
        "changed": len(result.done),
        "failed": len(result.failed) - len(result.unconfirmed),
        "not read back": len(result.unconfirmed),
        "not started": len(result.not_started) if result.stop_asked else 0,
        "left": len(plan.kept),
        "cannot": len(plan.cannot),
    }
    if result.under_way is not None and result.finished:
        # The run failed in the middle of a change (the browser closed under it).
        found["unfinished"] = 1
    return found


def made(result: Result) -> str:
    """Where a run is: ``"4 of 56 changes made, 1 under way"``."""
    total = len(result.plan.changes)
    text = f"{len(result.outcomes)} of {total} {'change' if total == 1 else 'changes'} made"
    if result.under_way is not None:
        text += ", 1 under way"
    return text


def how_to_undo(*, demo: bool = False) -> str:
    """How to put back what a run changed."""
    if demo:
        return "This was the demo: only its local replica sites were changed, and they end with it."
    return (
        "To undo: privacy-tui undo, or u in privacy-tui; each puts back the states found "
        "before the changes and reads them back."
    )
