"""A run of changes in the app: what the status line shows, what quitting asks and says.

The words of its closing line are the ones ``privacy-tui apply`` ends with
(:mod:`automation.records.tally`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from automation import setting_text
from automation.language import _
from automation.records import tally
from automation.records.apply import Plan, Result

from .words import said


def title(plan: Plan) -> str:
    """What asked for the changes, for a title, in the language spoken: ``"Preset
    recommended"``, ``"Undo"``. The history keeps the plan's source in English."""
    source = plan.source
    if source.startswith("preset "):
        return _("Preset {name}").format(name=source.removeprefix("preset "))
    words = {"undo": _("Undo"), "redo": _("Redo"), "switch": _("Switch"), "apply": _("Apply")}
    return words.get(source) or source[0].upper() + source[1:]


@dataclass
class ChangeRun:
    """A switch, a preset, an undo or a redo being carried out (or just carried out)."""

    result: Result
    labels: dict[str, str] = field(default_factory=dict)
    """How to name a setting, by id (its platform and label); else the plan's label."""
    ended: asyncio.Event = field(default_factory=asyncio.Event)
    #: Set by the status line once other work took its place there.
    dismissed: bool = False

    @property
    def plan(self) -> Plan:
        return self.result.plan

    @property
    def title(self) -> str:
        return title(self.plan)

    @property
    def running(self) -> bool:
        return not self.ended.is_set()

    @property
    def total(self) -> int:
        return len(self.plan.changes)

    def progress(self) -> tuple[int, int]:
        """(changes planned, changes made) for the progress bar."""
        return max(self.total, 1), len(self.result.outcomes)

    def name(self, setting_id: str) -> str:
        step = next((s for s in self.plan.steps if s.setting_id == setting_id), None)
        return self.labels.get(setting_id) or (
            setting_text.named(setting_id, step.label) if step else setting_id
        )

    def status(self) -> str:
        """The status line's words: ``"changing 12 of 56"`` while it runs, then its
        closing line."""
        if not self.running:
            return self.closing()
        if self.result.stop_asked:
            return _("finishing the change under way ({made})").format(made=tally.made(self.result))
        count = len(self.result.outcomes) + (1 if self.result.under_way is not None else 0)
        return _("changing {n} of {total}").format(n=max(count, 1), total=self.total)

    def closing(self) -> str:
        """One line: what the run did, in the words ``apply`` uses."""
        return f"{self.title}: {tally.summary(tally.counts(self.result))}."

    def question(self) -> str:
        """What quitting asks while the run goes on."""
        result = self.result
        lines = [_("{made}. Quit anyway?").format(made=tally.made(result)), ""]
        if result.under_way is not None:
            lines.append(
                _(
                    "The change under way ({setting}) is finished and read back first; "
                    "no other is started."
                ).format(setting=self.name(result.under_way.setting_id))
            )
        else:
            lines.append(_("No other change is started."))
        return "\n".join(lines)

    def farewell(self, *, demo: bool) -> str:
        """What the terminal shows after quitting in the middle: what was done, and how
        to undo it."""
        done = tally.summary(tally.counts(self.result))
        lines = [_("{title}, stopped when you quit: {done}.").format(title=self.title, done=done)]
        for outcome in self.result.outcomes:
            step = outcome.step
            how = (
                _("read back")
                if outcome.ok
                else _("did not take, read back {state}").format(state=said(outcome.reading.state))
            )
            change = f"{said(step.found)} → {said(step.target)}"
            lines.append(f"  {self.name(step.setting_id)}: {change} ({how})")
        if self.result.outcomes:
            lines.append(tally.how_to_undo(demo=demo))
        return "\n".join(lines)
