"""Changes that leave an undo point: a switch, a preset, and undo itself.

Each one reads (or takes the row's reading), shows a confirmation that lists every
change, and then runs :func:`automation.apply.carry_out`, which records the states
found before changing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from rich.markup import escape

from automation.apply import Plan, carry_out, make_plan, read_plan, read_undo_plan
from automation.engine import Engine
from automation.history import HistoryError
from automation.model import Kind, Setting, State
from automation.presets import preset

from ..model import Redraw
from ..words import count
from . import Host

Planner = Callable[[Engine], Coroutine[Any, Any, Plan]]


class Changes:
    """Switching one setting, applying a preset, and undoing the last of them."""

    def __init__(self, host: Host) -> None:
        self.host = host

    def _idle(self) -> bool:
        if self.host.model.busy:
            self.host.notify("Wait until the settings being worked on are done.")
            return False
        return True

    def switch(self, setting: Setting) -> None:
        """Ask to switch ``setting`` to the other value, from its row's own reading."""
        from ..dialogs import Confirm

        host, model = self.host, self.host.model
        if setting.kind is Kind.MANUAL:
            host.notify("This one can only be done by hand: see the steps, then press m.")
            return
        if setting.id in model.busy:
            host.notify("Wait until this setting has been read.")
            return
        reading = model.readings.get(setting.id)
        if reading is None or not reading.state.is_value:
            host.notify(
                "Its current state is not known, so it is not switched. Press r to read it again.",
                severity="warning",
            )
            return
        target = State.OFF if reading.state is State.ON else State.ON
        question = (
            f"Switch [b]{escape(setting.label)}[/b] on {model.title(setting.platform)} from "
            f"[b]{reading.state}[/b] to [b]{target}[/b]?\n\nThis changes {host.where()}."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                model.desired[setting.id] = target
                # Through the same path as a preset, so a switch leaves an undo point too.
                plan = make_plan(
                    "switch",
                    {setting.id: target},
                    {setting.id: setting},
                    {setting.id: reading},
                )
                host.work(self.run_plan(plan))

        host.push_screen(Confirm(question, yes=f"Switch {target}", no="Cancel"), answered)

    def preset(self) -> None:
        if not self._idle():
            return

        def chosen(name: str | None) -> None:
            if name:
                targets = preset(name).desired(self.host.model.settings.values())
                self._plan(lambda engine: read_plan(engine, targets, source=f"preset {name}"))

        from ..dialogs import PresetChoice

        self.host.push_screen(PresetChoice(), chosen)

    def undo(self) -> None:
        if not self._idle():
            return
        host = self.host
        try:
            record = host.runtime.history.last_apply()
        except HistoryError as exc:
            host.notify(str(exc), title="Nothing to undo", severity="error", timeout=15)
            return
        if record is None:
            host.notify("Nothing to undo: no change has been recorded.")
            return
        if record.undone_by is not None:
            host.notify("Nothing to undo: the last change was undone already.")
            return
        self._plan(lambda engine: read_undo_plan(engine, record))

    def _plan(self, planner: Planner) -> None:
        async def plan() -> None:
            self._confirm(await planner(self.host.engine))

        self.host.work(plan())

    def _confirm(self, plan: Plan) -> None:
        from ..dialogs import Confirm

        host = self.host
        if not plan.changes:
            left = f"{len(plan.kept)} already as wanted"
            if plan.cannot:
                left += f"; {len(plan.cannot)} left alone (not read, or only by hand)"
            host.notify(f"Nothing to change: {left}.", title=_title(plan))
            return
        lines = [
            f"[b]{_title(plan)}[/b]: change {count(len(plan.changes), 'setting')} "
            f"on {host.where()}?",
            "",
        ]
        for step in plan.changes:
            lines.append(f"  {escape(step.label)}: [b]{step.found}[/b] → [b]{step.target}[/b]")
        if plan.cannot:
            lines += ["", "Left alone:"]
            lines += [f"  {escape(s.label)}: {escape(s.reason)}" for s in plan.cannot]

        def answered(yes: bool | None) -> None:
            if yes:
                host.work(self.run_plan(plan))

        host.push_screen(Confirm("\n".join(lines), yes="Change", no="Cancel"), answered)

    async def run_plan(self, plan: Plan) -> None:
        """Carry ``plan`` out and say how it went."""
        host = self.host
        try:
            result = await carry_out(host.engine, plan, host.runtime.history)
        except HistoryError as exc:
            host.notify(str(exc), title="Nothing changed", severity="error", timeout=15)
            return
        if plan.undoes is None:
            # A switch or a preset says what the person wants. Undo only puts back
            # what was found; what they want stays as it was.
            for outcome in result.outcomes:
                if outcome.ok:
                    host.model.desired[outcome.step.setting_id] = outcome.step.target
        if plan.source == "switch":
            return  # the row itself shows the read-back, and a failure is notified
        done = len(result.outcomes) - len(result.failed)
        message = f"{done} changed and read back"
        if result.failed:
            message += f"; {len(result.failed)} did not take (see their rows)"
        host.notify(message + ".", title=_title(plan))
        host.redraw(Redraw.CELLS)


def _title(plan: Plan) -> str:
    if plan.source == "undo":
        return "Undo"
    return plan.source[0].upper() + plan.source[1:]
