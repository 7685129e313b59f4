"""The checklist's changes that leave an undo point: a switch, a preset, and undo itself.

Each one reads (or takes the row's reading), shows a confirmation that lists every
change, and then runs :func:`automation.apply.carry_out`, which records the states
found before changing anything. Mixed into :class:`tui.app.PrivacyApp`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from automation.apply import Plan, carry_out, make_plan, read_plan, read_undo_plan
from automation.engine import Engine
from automation.history import HistoryError
from automation.model import State
from automation.presets import PRESETS, preset

from .screens import Confirm

if TYPE_CHECKING:
    from .app import PrivacyApp

Planner = Callable[[Engine], Coroutine[Any, Any, Plan]]


class PlanReady(Message):
    """A plan was read and made; the app asks before carrying it out."""

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan


class PresetChoice(ModalScreen[str | None]):
    """Pick a preset to apply; escape cancels."""

    DEFAULT_CSS = "PresetChoice { align: center middle; }"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Apply a preset to every setting:")
            yield OptionList(
                *(Option(f"{p.name}: {p.description}", id=p.name) for p in PRESETS.values()),
                id="presets",
            )
            yield Static(
                "Enter reads every setting and lists the changes before any is made. "
                "Esc to cancel.",
                classes="hint",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChangeActions:
    """Presets, undo, and switches that can be undone; for :class:`PrivacyApp`."""

    def _idle(self: PrivacyApp) -> bool:
        if self.busy:
            self.notify("Wait until the settings being worked on are done.")
            return False
        return True

    def action_preset(self: PrivacyApp) -> None:
        if not self._idle():
            return

        def chosen(name: str | None) -> None:
            if name:
                targets = preset(name).desired(self.settings.values())
                self.plan_changes(
                    lambda engine: read_plan(engine, targets, source=f"preset {name}")
                )

        self.push_screen(PresetChoice(), chosen)

    def action_undo(self: PrivacyApp) -> None:
        if not self._idle():
            return
        try:
            record = self.runtime.history.last_apply()
        except HistoryError as exc:
            self.notify(str(exc), title="Nothing to undo", severity="error", timeout=15)
            return
        if record is None:
            self.notify("Nothing to undo: no change has been recorded.")
            return
        if record.undone_by is not None:
            self.notify("Nothing to undo: the last change was undone already.")
            return
        self.plan_changes(lambda engine: read_undo_plan(engine, record))

    @work(group="engine", exit_on_error=False)
    async def plan_changes(self: PrivacyApp, planner: Planner) -> None:
        self.post_message(PlanReady(await planner(self.engine)))

    def on_plan_ready(self: PrivacyApp, message: PlanReady) -> None:
        plan = message.plan
        if not plan.changes:
            left = f"{len(plan.kept)} already as wanted"
            if plan.cannot:
                left += f"; {len(plan.cannot)} left alone (not read, or only by hand)"
            self.notify(f"Nothing to change: {left}.", title=_title(plan))
            return
        where = "the demo account on the local replica site" if self.demo else "your real account"
        lines = [f"[b]{_title(plan)}[/b]: change {len(plan.changes)} setting(s) on {where}?", ""]
        for step in plan.changes:
            lines.append(f"  {escape(step.label)}: [b]{step.found}[/b] → [b]{step.target}[/b]")
        if plan.cannot:
            lines += ["", "Left alone:"]
            lines += [f"  {escape(s.label)}: {escape(s.reason)}" for s in plan.cannot]

        def answered(yes: bool | None) -> None:
            if yes:
                self.carry_out_plan(plan)

        self.push_screen(Confirm("\n".join(lines), yes="Change", no="Cancel"), answered)

    def switch_plan(self: PrivacyApp, setting_id: str, value: State) -> Plan:
        """A one-setting plan from the row's own reading (the user confirmed from it)."""
        return make_plan(
            "switch",
            {setting_id: value},
            {setting_id: self.settings[setting_id]},
            {setting_id: self.readings[setting_id]},
        )

    @work(group="engine", exit_on_error=False)
    async def carry_out_plan(self: PrivacyApp, plan: Plan) -> None:
        await self.run_plan(plan)

    async def run_plan(self: PrivacyApp, plan: Plan) -> None:
        """Carry ``plan`` out on the app's loop and say how it went."""
        try:
            result = await carry_out(self.engine, plan, self.runtime.history)
        except HistoryError as exc:
            self.notify(str(exc), title="Nothing changed", severity="error", timeout=15)
            return
        if plan.undoes is None:
            # A switch or a preset says what the person wants. Undo only puts back
            # what was found; what they want stays as it was.
            for outcome in result.outcomes:
                if outcome.ok:
                    self.desired[outcome.step.setting_id] = outcome.step.target
        if plan.source == "switch":
            return  # the row itself shows the read-back, and a failure is notified
        done = len(result.outcomes) - len(result.failed)
        message = f"{done} changed and read back"
        if result.failed:
            message += f"; {len(result.failed)} did not take (see their rows)"
        self.notify(message + ".", title=_title(plan))
        self._refresh()


def _title(plan: Plan) -> str:
    if plan.source == "undo":
        return "Undo"
    return plan.source[0].upper() + plan.source[1:]
