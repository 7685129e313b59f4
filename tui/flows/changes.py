"""Changes that leave an undo point (a switch, a preset), and undo and redo.

Each one reads (or takes the row's reading), shows a confirmation that lists every
change, and then runs :func:`automation.records.apply.carry_out`, which records the states
found before changing anything. The run under way is :attr:`Changes.run`: the status
line counts its changes, and quitting asks first and lets its change under way finish.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from rich.markup import escape

from automation import setting_text
from automation.domain.presets import preset
from automation.domain.settings import Kind, Setting, State
from automation.engine.protocol import EngineProtocol
from automation.language import N_, _, ngettext, told
from automation.language import said as say
from automation.records.apply import (
    Plan,
    Result,
    Step,
    carry_out,
    make_plan,
    read_plan,
    read_redo_plan,
    read_undo_plan,
)
from automation.records.history import HistoryError

from ..keys import key_for
from ..model import ChecklistModel, Redraw
from ..progress import ChangeRun, title
from ..words import said
from . import Host

Planner = Callable[[EngineProtocol], Coroutine[Any, Any, Plan]]


class Changes:
    """Switching one setting, applying a preset, undoing the latest of them and
    redoing the latest undone."""

    def __init__(self, host: Host) -> None:
        self.host = host
        #: The run of changes under way, or the last one.
        self.run: ChangeRun | None = None

    @property
    def running(self) -> ChangeRun | None:
        """The run of changes under way, if any."""
        return self.run if self.run is not None and self.run.running else None

    def _idle(self) -> bool:
        if self.host.model.busy or self.running:
            self.host.notify(_("Wait until the settings being worked on are done."))
            return False
        return True

    def switch(self, setting: Setting) -> None:
        """Ask to switch ``setting`` to the other value, from its row's own reading."""
        from ..dialogs import confirm

        host, model = self.host, self.host.model
        if setting.kind is Kind.MANUAL:
            mark = key_for(host, "mark")
            host.notify(
                _("This one can only be done by hand: see the steps, then press {key}.").format(
                    key=mark
                )
            )
            return
        if self.running:
            host.notify(_("Wait until the changes under way are done."))
            return
        if setting.id in model.busy:
            host.notify(_("Wait until this setting has been read."))
            return
        reading = model.readings.get(setting.id)
        if reading is None or not reading.state.is_value:
            host.notify(
                _(
                    "Its current state is not known, so it is not switched. "
                    "Press {key} to read it again."
                ).format(key=key_for(host, "read")),
                severity="warning",
            )
            return
        target = State.OFF if reading.state is State.ON else State.ON
        question = _(
            "Switch [b]{setting}[/b] on {title} from [b]{before}[/b] to [b]{after}[/b]?\n\n"
            "This changes {where}."
        ).format(
            setting=escape(setting_text.label(setting)),
            title=model.title(setting.platform),
            before=said(reading.state),
            after=said(target),
            where=host.where(),
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

        yes = N_("Switch on") if target is State.ON else N_("Switch off")
        host.push_screen(confirm(question, yes=yes, no=N_("Cancel")), answered)

    def preset(self) -> None:
        if not self._idle():
            return

        def chosen(name: str | None) -> None:
            if name:
                targets = preset(name).changes(self.host.model.settings.values())
                self._plan(lambda engine: read_plan(engine, targets, source=f"preset {name}"))

        from ..dialogs import PresetChoice

        self.host.push_screen(PresetChoice(), chosen)

    def undo(self) -> None:
        """Ask to put back what the newest point still in effect found."""
        if not self._idle():
            return
        host = self.host
        try:
            record = host.runtime.history.next_undo()
            anything = record is not None or host.runtime.history.last_apply() is not None
        except HistoryError as exc:
            host.notify(told(exc), title=_("Nothing to undo"), severity="error", timeout=15)
            return
        if record is None:
            host.notify(
                _("Nothing to undo: every recorded change has been undone.")
                if anything
                else _("Nothing to undo: no change has been recorded.")
            )
            return
        self._plan(lambda engine: read_undo_plan(engine, record))

    def redo(self) -> None:
        """Ask to set again what the latest undo put back."""
        if not self._idle():
            return
        host = self.host
        try:
            found = host.runtime.history.next_redo()
        except HistoryError as exc:
            host.notify(told(exc), title=_("Nothing to redo"), severity="error", timeout=15)
            return
        if found is None:
            host.notify(_("Nothing to redo: no undo since the latest change."))
            return
        record, undo_id = found
        self._plan(lambda engine: read_redo_plan(engine, record, undo_id))

    def _plan(self, planner: Planner) -> None:
        async def plan() -> None:
            self._confirm(await planner(self.host.engine))

        self.host.work(plan())

    def _confirm(self, plan: Plan) -> None:
        from ..dialogs import confirm

        host = self.host
        if not plan.changes:
            left = _("{n} already as wanted").format(n=len(plan.kept))
            if plan.cannot:
                left += _("; {n} left alone (not read, or only by hand)").format(n=len(plan.cannot))
            host.notify(_("Nothing to change: {left}.").format(left=left), title=title(plan))
            if plan.undoes is not None:
                # Everything is back already: recorded as done, so the next undo (or
                # redo) goes on to the one before.
                host.work(self.run_plan(plan))
            return
        changes = len(plan.changes)
        lines = [
            ngettext(
                "[b]{title}[/b]: change {n} setting on {where}?",
                "[b]{title}[/b]: change {n} settings on {where}?",
                changes,
            ).format(title=title(plan), n=changes, where=host.where()),
            "",
        ]
        for step in plan.changes:
            change = f"[b]{said(step.found)}[/b] → [b]{said(step.target)}[/b]"
            lines.append(f"  {escape(_named(host.model, step))}: {change}")
        if plan.cannot:
            lines += ["", _("Left alone:")]
            lines += [
                f"  {escape(_named(host.model, s))}: {escape(say(s.reason))}" for s in plan.cannot
            ]

        def answered(yes: bool | None) -> None:
            if yes:
                host.work(self.run_plan(plan))

        host.push_screen(confirm("\n".join(lines), yes=N_("Change"), no=N_("Cancel")), answered)

    async def run_plan(self, plan: Plan) -> None:
        """Carry ``plan`` out, counting its changes on the status line, and say how it went."""
        host, model = self.host, self.host.model
        labels = {
            s.setting_id: f"{model.title(model.settings[s.setting_id].platform)} · "
            + setting_text.label(model.settings[s.setting_id])
            for s in plan.changes
            if s.setting_id in model.settings
        }
        run = self.run = ChangeRun(Result(plan), labels)
        host.redraw(Redraw.CELLS)
        try:
            result = await carry_out(host.engine, plan, host.runtime.history, run.result)
        except HistoryError as exc:
            host.notify(told(exc), title=_("Nothing changed"), severity="error", timeout=15)
            return
        finally:
            run.ended.set()
        if plan.undoes is None:
            # A switch or a preset says what the person wants, of the settings it found
            # as asked too. Undo and redo only put states back; what they want stays.
            for step in plan.steps:
                # What it found as asked, and what only the person can do.
                if step in plan.kept or step.manual:
                    model.desired[step.setting_id] = step.target
            for outcome in result.outcomes:
                if outcome.ok:
                    model.desired[outcome.step.setting_id] = outcome.step.target
        host.redraw(Redraw.CELLS)
        if plan.source == "switch" or not plan.changes:
            # The row itself shows the read-back, and a failure is notified.
            run.dismissed = plan.source == "switch"
            return
        if result.failed:
            host.notify(run.closing(), title=run.title, severity="warning", timeout=15)
        else:
            host.notify(run.closing(), title=run.title)

    def show_points(self) -> None:
        """Show the undo points, newest first, and which one u or U takes next."""
        from ..dialogs.points import UndoPoints, points_text

        host, model = self.host, self.host.model
        history = host.runtime.history
        try:
            points = history.points()
            following = history.next_undo()
            redo = history.next_redo()
        except HistoryError as exc:
            host.notify(told(exc), title=_("No undo points"), severity="error", timeout=15)
            return

        def name(setting_id: str) -> str:
            setting = model.settings.get(setting_id)
            if setting is None:
                return setting_id
            return f"{model.title(setting.platform)} · {setting_text.label(setting)}"

        text = points_text(
            points,
            next_undo=following.id if following else None,
            next_redo=redo[0].id if redo else None,
            name=name,
            undo_key=key_for(host, "undo"),
            redo_key=key_for(host, "redo"),
        )
        host.push_screen(UndoPoints(text))


def _named(model: ChecklistModel, step: Step) -> str:
    """A plan's step named as the checklist names its setting (the plan keeps the
    plugin's English words, for the history)."""
    setting = model.settings.get(step.setting_id)
    return setting_text.label(setting) if setting is not None else step.label
