"""How a run of changes went, in the words the app and the commands share.

``privacy-tui apply`` and ``undo`` end their table with :func:`summary`; the app
ends a preset, an undo or a redo with the same line, and says the same when it is
quit while changes run, with :func:`how_to_undo` after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from automation.language import N_, _, ngettext

if TYPE_CHECKING:
    from automation.records.apply import Result

#: What a step's result word says in a summary, in the order a summary names them (in
#: English, marked for the catalog; :func:`summary` says them in the language spoken).
WORDS = {
    "changed": N_("{n} changed and read back"),
    "failed": N_("{n} not changed (the read-back disagreed)"),
    "not read back": N_("{n} could not be read back (read again to see whether it took)"),
    "unfinished": N_("{n} cut off before its read-back (read it again)"),
    "not started": N_("{n} not started (stopped first)"),
    "left": N_("{n} left as they were"),
    "cannot": N_("{n} could not be done"),
    "would change": N_("{n} would change"),
    "not changed": N_("{n} not changed"),
}


def summary(counts: Mapping[str, int]) -> str:
    """One line from the count of each result word: ``"3 changed and read back,
    1 left as they were"``; ``"nothing to do"`` when there is none."""
    parts = [_(said).format(n=counts[word]) for word, said in WORDS.items() if counts.get(word)]
    return _(", ").join(parts) or _("nothing to do")


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
    text = ngettext("{n} of {total} change made", "{n} of {total} changes made", total).format(
        n=len(result.outcomes), total=total
    )
    if result.under_way is not None:
        text += _(", 1 under way")
    return text


def how_to_undo(*, demo: bool = False) -> str:
    """How to put back what a run changed."""
    if demo:
        return _(
            "This was the demo: only its local replica sites were changed, and they end with it."
        )
    return _(
        "To undo: privacy-tui undo, or u in privacy-tui; each puts back the states found "
        "before the changes and reads them back."
    )
