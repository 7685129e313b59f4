"""The full-screen checklist: composes the widgets, routes messages and keys to the flows."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.events import Resize
from textual.widgets import Header, Input
from textual.worker import Worker, WorkerState

from automation.domain import events
from automation.domain.settings import Setting
from automation.engine.core import EngineClosed
from automation.engine.runtime import Runtime
from automation.language import N_, _

from . import keys
from .drawing import Drawing
from .flows.accounts import Accounts
from .flows.changes import Changes
from .flows.checking import Checking
from .flows.exporting import Exporting
from .messages import EngineEvent, sender
from .model import ChecklistModel, PlatformRow, Redraw
from .palette import ChecklistCommands
from .widgets.checklist import Checklist
from .widgets.detail import DetailPane
from .widgets.filter import FilterInput
from .widgets.footer import KeysFooter
from .widgets.layout import SIDE_BY_SIDE, MainArea
from .widgets.status import StatusLine

if TYPE_CHECKING:
    from .progress import ChangeRun

#: How long quitting waits for the change under way to finish and be read back (s).
STOP_WAIT = 120

#: Textual's themes for the config's ``[display] theme``.
THEMES = {"dark": "textual-dark", "light": "textual-light"}


def checklist_model(runtime: Runtime, lookup: Callable[[str], Setting]) -> ChecklistModel:
    """The checklist's model of ``runtime``'s settings; ``lookup`` finds a setting by id."""
    history = runtime.history
    return ChecklistModel(
        runtime.settings,
        titles={p.name: p.title for p in runtime.plugins},
        desired=runtime.desired,
        lookup=lookup,
        marks=runtime.marks,
        drifted=lambda setting_id: history.drift(setting_id) is not None,
    )


class PrivacyApp(App[None]):
    """The privacy checklist: live states read by the engine, switched on request."""

    TITLE = "privacy-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ChecklistCommands}
    BINDINGS = keys.bindings()

    def __init__(self, runtime: Runtime, *, demo: bool = False) -> None:
        super().__init__()
        self.runtime, self.engine, self.demo = runtime, runtime.engine, demo
        self.model = checklist_model(runtime, lambda setting_id: self.engine.setting(setting_id))
        self.accounts, self.changes, self.exporting = Accounts(self), Changes(self), Exporting(self)
        self.checking, self.drawing = Checking(self), Drawing(self, self.model)
        self._quitting = False
        #: Quitting waits for the change under way to finish.
        self._stopping = False
        self._asking = False
        self._unsubscribe = self.engine.subscribe(sender(self))
        self.engine.ask_code = self.accounts.ask_code

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterInput(placeholder="Filter: part of a name or id; Esc clears", id="filter")
        with MainArea(id="main"):
            yield Checklist(self.model, id="checklist")
            yield DetailPane(
                self.model, self.engine.plugins, self.runtime.history, id="detail-pane"
            )
        yield StatusLine(self.model, self.runtime.history, lambda: self.changes.run, id="status")
        yield KeysFooter()

    @property
    def checklist(self) -> Checklist:
        return self.query_one(Checklist)

    def on_mount(self) -> None:
        self.theme = THEMES.get(self.runtime.config.display.theme, THEMES["dark"])
        self.on_resize()
        path = self.runtime.config.path
        config = _("config: {path}").format(path=path) if path else _("no config file (defaults)")
        self.sub_title = _("demo: local replica sites") if self.demo else config
        self.checklist.fit_columns()
        self.checklist.focus()
        for problem in self.runtime.problems:
            self.notify(str(problem), severity="warning", timeout=10)
        self.set_interval(0.1, self.checklist.spin)
        self.checking.start()

    def on_resize(self, event: Resize | None = None) -> None:
        # The event has the new size before the app does.
        size = event.size if event is not None else self.size
        self.set_class(size.width < SIDE_BY_SIDE, "narrow")
        self.query_one(MainArea).fit(size)

    # -- what flows and widgets ask of the app ----------------------------------------

    def work(self, job: Coroutine[Any, Any, None]) -> Worker[None]:
        return self.run_worker(job, group="engine", exit_on_error=False)

    def where(self) -> str:
        if self.demo:
            return _("the demo account on the local replica site")
        return _("your real account")

    def redraw(self, what: Redraw = Redraw.CELLS) -> None:
        self.drawing.now(what)

    # -- messages ----------------------------------------------------------------------

    def on_engine_event(self, message: EngineEvent) -> None:
        event = message.event
        what = self.model.apply(event, message.worker)
        if isinstance(event, events.Read | events.Changed):
            self.accounts.read(event.reading)
        self.checking.tell(event)
        self.drawing.soon(what)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        ended = (WorkerState.SUCCESS, WorkerState.CANCELLED, WorkerState.ERROR)
        if self._quitting or event.state not in ended:
            return
        error = event.worker.error if event.state is WorkerState.ERROR else None
        if isinstance(error, EngineClosed):
            error = None
        left = self.model.release(event.worker, error)
        if error is not None:
            self.log.error(error)
            self.notify(f"{type(error).__name__}: {error}", title="Failed", severity="error")
        if left or error is not None:
            self.redraw()

    @on(Checklist.Highlighted)
    def _row_highlighted(self) -> None:
        self.drawing.detail()

    @on(Checklist.Selected)
    def _row_selected(self) -> None:
        if isinstance(self.checklist.highlighted(), PlatformRow):
            self.action_collapse()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.model.filter_text = event.value.strip()
        self.redraw(Redraw.ROWS)

    @on(Input.Submitted, "#filter")
    @on(FilterInput.Cleared)
    def _filter_done(self) -> None:
        self.checklist.focus()

    # -- keys --------------------------------------------------------------------------

    def selected_setting(self) -> Setting | None:
        setting = self.checklist.selected_setting()
        if setting is None:
            self.notify(_("Choose a setting row first."))
        return setting

    def action_read(self) -> None:
        if setting := self.selected_setting():
            self.checking.read(setting)

    def action_read_all(self) -> None:
        self.checking.read_all()

    def action_switch(self) -> None:
        if setting := self.selected_setting():
            self.changes.switch(setting)

    def action_capture(self) -> None:
        if setting := self.selected_setting():
            self.checking.capture(setting)

    def action_mark(self) -> None:
        if setting := self.selected_setting():
            self.checking.mark(setting)

    def action_collapse(self) -> None:
        if (platform := self.checklist.selected_platform()) is not None:
            self.model.fold(platform)
            self.redraw(Redraw.ROWS)
            self.checklist.move_to(PlatformRow(platform))

    def action_filter(self) -> None:
        field = self.query_one(FilterInput)
        field.display = True
        field.focus()

    def action_clear_filter(self) -> None:
        self.query_one(FilterInput).action_clear()

    def action_preset(self) -> None:
        self.changes.preset()

    def action_undo(self) -> None:
        self.changes.undo()

    def action_redo(self) -> None:
        self.changes.redo()

    def action_undo_points(self) -> None:
        self.changes.show_points()

    def action_export(self) -> None:
        self.exporting.start()

    def action_sign_in(self) -> None:
        if (platform := self.checklist.selected_platform()) is not None:
            self.accounts.sign_in(platform)

    def action_sign_in_password(self) -> None:
        if (platform := self.checklist.selected_platform()) is not None:
            self.accounts.sign_in_password(platform)

    def action_sign_out(self) -> None:
        if (platform := self.checklist.selected_platform()) is not None:
            self.accounts.sign_out(platform)

    def action_help(self) -> None:
        from .dialogs import Help

        self.push_screen(Help())

    def action_details(self) -> None:
        self.query_one(MainArea).toggle_detail()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The palette acts on the checklist: not while a dialog is open over it.
        if action == "command_palette":
            return self.screen is self.screen_stack[0]
        return True

    async def action_quit(self) -> None:
        """Quit; while changes run, ask first, and let the change under way finish."""
        if self._quitting or self._stopping or self._asking:
            return
        run = self.changes.running
        if run is None:
            await self._quit()
            return
        from .dialogs import confirm

        def answered(yes: bool | None) -> None:
            self._asking = False
            if yes:
                self.call_later(self._stop_then_quit)

        self._asking = True
        self.push_screen(confirm(run.question(), yes=N_("Quit"), no=N_("Keep going")), answered)

    async def _stop_then_quit(self) -> None:
        """Stop the run after the change under way, wait for its read-back, then quit
        and say on the terminal what was done and how to undo it."""
        run = self.changes.running
        farewell = None
        if run is not None:
            self._stopping = True
            run.result.stop()
            self.redraw()
            try:
                await asyncio.wait_for(run.ended.wait(), STOP_WAIT)
            except TimeoutError:
                self.log.error("the change under way did not end in time")
            farewell = run
        await self._quit(farewell)

    async def _quit(self, stopped: ChangeRun | None = None) -> None:
        self._quitting = True
        # Closing Chromium takes a second or more: the status line says so meanwhile.
        self.query_one(StatusLine).close()
        self.workers.cancel_group(self, "engine")
        try:
            await asyncio.wait_for(self.engine.close(), 20)
        except TimeoutError:
            self.log.error("closing the browser took too long")
        self._unsubscribe()
        if stopped is not None:
            # Told on the terminal once the screen is gone.
            self.exit(message=Text(stopped.farewell(demo=self.demo)))
        else:
            self.exit()

    def on_unmount(self) -> None:
        self.drawing.hold_collections(False)
