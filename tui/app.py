"""The full-screen checklist."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, ProgressBar, Static
from textual.worker import NoActiveWorker, Worker, WorkerState, get_current_worker

from automation import events
from automation.browser import BrowserError
from automation.engine import EngineClosed
from automation.export import ExportError, render, write_atomic
from automation.model import Kind, Reading, Setting, State, now
from automation.runtime import Runtime

from . import history_view, view
from .accounts import AccountActions
from .changes import ChangeActions
from .screens import Confirm, ExportPath, Help

PLATFORM_ROW = "platform:"
#: The status line while the app closes the browser on its way out.
QUITTING = Text(" closing the browser…", style="bold")


class EngineEvent(Message):
    """An engine event, delivered to the app's own message queue.

    ``worker`` is the worker whose engine call sent it, so the rows it marks busy
    can be released when that worker ends, however it ends.
    """

    def __init__(self, event: events.Event, worker: Worker[object] | None = None) -> None:
        super().__init__()
        self.event = event
        self.worker = worker


def _current_worker() -> Worker[object] | None:
    try:
        return get_current_worker()
    except NoActiveWorker:
        return None


class FilterInput(Input):
    """The filter line; Esc clears it and goes back to the checklist."""

    BINDINGS = [Binding("escape", "clear", "Clear the filter")]

    def action_clear(self) -> None:
        self.value = ""
        self.display = False
        self.app.query_one(DataTable).focus()


class PrivacyApp(AccountActions, ChangeActions, App[None]):
    """The privacy checklist: live states read by the engine, switched on request."""

    TITLE = "privacy-tui"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("space", "switch", "Switch", tooltip="Switch the selected setting (asks first)"),
        Binding("r", "read", "Read again", tooltip="Read the selected setting again"),
        Binding("R", "read_all", "Read all", tooltip="Read every setting again"),
        Binding("slash", "filter", "Filter", tooltip="Show only the rows that match"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("c", "collapse", "Fold", tooltip="Fold or unfold the selected platform"),
        Binding("m", "mark", "Mark done", tooltip="Mark a by-hand step as done (or not)"),
        Binding("e", "export", "Export", tooltip="Export the checklist to TOML"),
        Binding("p", "preset", "Preset", tooltip="Apply a preset to every setting (asks first)"),
        Binding("u", "undo", "Undo", tooltip="Put back what the last change found (asks first)"),
        Binding("l", "sign_in", "Sign in", tooltip="Sign in to the platform in a browser window"),
        Binding("L", "sign_in_password", "Password sign-in", show=False),
        Binding("o", "sign_out", "Sign out", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit", tooltip="Quit and close the browser"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, runtime: Runtime, *, demo: bool = False) -> None:
        super().__init__()
        self.runtime = runtime
        self.engine = runtime.engine
        self.demo = demo
        self.marks = runtime.marks
        self.titles = {p.name: p.title for p in runtime.plugins}
        #: The checklist's settings in order; a per-blog setting gives way to its blogs.
        self.rows: list[Setting] = list(runtime.settings)
        self.settings: dict[str, Setting] = {s.id: s for s in self.rows}
        self.desired: dict[str, State] = {i: runtime.desired(s) for i, s in self.settings.items()}
        self.readings: dict[str, Reading] = {}
        self.busy: dict[str, str] = {}
        #: The worker that marked each busy row; its end releases the row.
        self._busy_by: dict[str, Worker[object]] = {}
        self.collapsed: set[str] = set()
        self.filter_text = ""
        self._wave = 0
        self._frame = 0
        self._quitting = False
        self._history_told = False
        #: The latest watched check, for the summary line (none in the demo).
        self.last_watch = history_view.last_watch(runtime.history)
        self._unsubscribe = self.engine.subscribe(
            lambda e: self.post_message(EngineEvent(e, _current_worker()))
        )
        self.engine.ask_code = self.ask_code

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterInput(placeholder="Filter: part of a name or id; Esc clears", id="filter")
        with Horizontal(id="main"):
            yield DataTable(id="checklist", cursor_type="row", zebra_stripes=False)
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail")
        with Horizontal(id="status"):
            yield Static(id="summary")
            yield ProgressBar(id="progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.on_resize()
        self.sub_title = "demo: local replica sites" if self.demo else self._config_name()
        table = self.query_one(DataTable)
        table.add_column("Setting", key="label")
        table.add_column("State", key="state", width=16)
        table.add_column("Recommended", key="recommended")
        self._rebuild()
        table.focus()
        for problem in self.runtime.problems:
            self.notify(str(problem), severity="warning", timeout=10)
        self.set_interval(0.1, self._spin)
        self.check([s.id for s in self.rows if s.kind is not Kind.MANUAL])

    def on_resize(self) -> None:
        # Side by side needs room; on a narrow terminal the detail pane goes below.
        self.set_class(self.size.width < 130, "narrow")

    def _config_name(self) -> str:
        path = self.runtime.config.path
        return f"config: {path}" if path else "no config file (defaults)"

    # -- engine work ------------------------------------------------------------------------

    @work(group="engine", exit_on_error=False)
    async def check(self, ids: list[str]) -> None:
        try:
            await self.engine.start()
        except BrowserError as exc:
            self.notify(str(exc), title="No browser", severity="error", timeout=30)
        await self.engine.check(ids)

    @work(group="engine", exit_on_error=False)
    async def change(self, setting_id: str, value: State) -> None:
        # Through the same path as a preset, so a switch leaves an undo point too.
        await self.run_plan(self.switch_plan(setting_id, value))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if self._quitting or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.CANCELLED,
            WorkerState.ERROR,
        ):
            return
        # The rows this work marked busy end with it, whatever way it ended: a row
        # it never reported on keeps its last reading (or stays "not read").
        left = [i for i, worker in self._busy_by.items() if worker is event.worker]
        for setting_id in left:
            self.busy.pop(setting_id, None)
            del self._busy_by[setting_id]
        error = event.worker.error if event.state is WorkerState.ERROR else None
        if error is not None and not isinstance(error, EngineClosed):
            self.log.error(error)
            self.notify(f"{type(error).__name__}: {error}", title="Failed", severity="error")
            # Rows the failed work left spinning say so, rather than showing an old value.
            for setting_id in left:
                self.readings[setting_id] = Reading(
                    setting_id, State.ERROR, f"The work on this setting failed: {error}"
                )
        if left or error is not None:
            self._refresh()

    def on_engine_event(self, message: EngineEvent) -> None:
        event = message.event
        if isinstance(event, events.Checking | events.Changing):
            if not self.busy:
                self._wave = 0
            self._wave += 1
            word = "checking" if isinstance(event, events.Checking) else "changing"
            self.busy[event.setting_id] = word
            if message.worker is not None:
                self._busy_by[event.setting_id] = message.worker
        elif isinstance(event, events.Read | events.Changed):
            reading = event.reading
            self._known(reading.setting_id)
            self.busy.pop(reading.setting_id, None)
            self._busy_by.pop(reading.setting_id, None)
            self.readings[reading.setting_id] = reading
            self.account_notes.pop(self.settings[reading.setting_id].platform, None)
            self.account_read(reading)
            if isinstance(event, events.Changed) and not event.ok:
                label = self.settings[reading.setting_id].label
                self.notify(reading.detail, title=f"{label}: not changed", severity="warning")
        elif isinstance(event, events.Expanded):
            self._expand(event)
        elif isinstance(event, events.SigningIn):
            title = self.titles.get(event.platform, event.platform)
            self.notify(f"Signing in to {title} with the stored credentials…")
        elif isinstance(event, events.Problem):
            self.notify(event.message, severity="warning", timeout=10)
        problem = self.runtime.history.problem
        if problem is not None and not self._history_told:
            self._history_told = True
            self.notify(problem, title="History not kept", severity="error", timeout=30)
        self._refresh()

    def _known(self, setting_id: str) -> None:
        """Learn a blog's setting the engine read by its id before its row was listed."""
        if setting_id not in self.settings:
            setting = self.engine.setting(setting_id)
            self.settings[setting_id] = setting
            self.desired[setting_id] = self.runtime.desired(setting)

    def _expand(self, event: events.Expanded) -> None:
        """A per-blog setting's row gives way to one row for each blog found.

        Listed again (a preset, reading all), a blog that is new gets its row next
        to the others.
        """
        # The listing is over, whatever it found: the setting's own row is not busy.
        self.busy.pop(event.setting_id, None)
        self._busy_by.pop(event.setting_id, None)
        template = self.settings.get(event.setting_id)
        if template is None:
            return
        known = {s.id for s in self.rows}
        fresh = [s for s in event.settings if s.id not in known]
        for setting in fresh:
            self.settings[setting.id] = setting
            self.desired[setting.id] = self.runtime.desired(setting)
        if template in self.rows:
            place = self.rows.index(template)
            self.rows[place : place + 1] = fresh
        elif fresh:
            siblings = [i for i, s in enumerate(self.rows) if s.template_id == template.id]
            place = siblings[-1] + 1 if siblings else len(self.rows)
            self.rows[place:place] = fresh
        else:
            return
        self._rebuild()

    # -- drawing ------------------------------------------------------------------------------

    def _visible(self, setting: Setting) -> bool:
        needle = self.filter_text.lower()
        if not needle:
            return True
        title = self.titles.get(setting.platform, setting.platform)
        return any(needle in text.lower() for text in (setting.label, setting.id, title))

    def _rebuild(self) -> None:
        """Lay out the rows again (grouping, folding, filter), keeping the cursor's row."""
        table = self.query_one(DataTable)
        keep = self._highlighted()
        table.clear()
        platforms = list(dict.fromkeys(s.platform for s in self.rows))
        for platform in platforms:
            shown = [s for s in self.rows if s.platform == platform and self._visible(s)]
            if not shown:
                continue
            table.add_row(*self._platform_cells(platform), key=PLATFORM_ROW + platform)
            if platform in self.collapsed:
                continue
            for setting in shown:
                table.add_row(
                    view.label_cell(setting),
                    self._state_cell(setting.id),
                    "by hand" if setting.kind is Kind.MANUAL else str(setting.recommended),
                    key=setting.id,
                )
        keys = [row.key.value for row in table.ordered_rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep))
        else:
            first = next((i for i, k in enumerate(keys) if not k.startswith(PLATFORM_ROW)), 0)
            table.move_cursor(row=first)
        self._refresh()

    def _platform_cells(self, platform: str):
        members = [s for s in self.rows if s.platform == platform]
        name, signed, count = view.platform_cells(
            self.titles.get(platform, platform), members, self.readings, platform in self.collapsed
        )
        # News of a sign-in (signing in, code needed, captcha) stands over the readings.
        return name, self.account_cell(platform) or signed, count

    def _state_cell(self, setting_id: str):
        setting = self.settings[setting_id]
        return view.state_cell(
            setting,
            self.readings.get(setting_id),
            self.busy.get(setting_id),
            self._frame,
            self.marks.get(setting_id),
            drifted=self.runtime.history.drift(setting_id) is not None,
        )

    def _spin(self) -> None:
        if not self.busy:
            return
        self._frame += 1
        table = self.query_one(DataTable)
        for setting_id in list(self.busy):
            if setting_id in table.rows:
                table.update_cell(setting_id, "state", self._state_cell(setting_id))

    def _refresh(self) -> None:
        table = self.query_one(DataTable)
        for key in table.rows:
            value = key.value or ""
            if value.startswith(PLATFORM_ROW):
                name, signed, count = self._platform_cells(value[len(PLATFORM_ROW) :])
                table.update_cell(key, "label", name)
                table.update_cell(key, "state", signed)
                table.update_cell(key, "recommended", count)
            else:
                table.update_cell(key, "state", self._state_cell(value))
        marked = sum(1 for s in self.rows if s.kind is Kind.MANUAL and s.id in self.marks)
        summary = view.summary(self.rows, self.readings, len(self.busy), marked)
        drifted = sum(1 for s in self.rows if self.runtime.history.drift(s.id) is not None)
        if drifted:
            summary.append(f" · {drifted} changed since the last check", style="bold red")
        summary.append_text(history_view.watch_text(self.last_watch))
        self.query_one("#summary", Static).update(QUITTING if self._quitting else summary)
        progress = self.query_one(ProgressBar)
        progress.display = bool(self.busy) and not self._quitting
        if self.busy:
            progress.update(total=max(self._wave, 1), progress=self._wave - len(self.busy))
        self._show_detail()

    def _highlighted(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _show_detail(self) -> None:
        key = self._highlighted()
        pane = self.query_one("#detail", Static)
        if key is None:
            pane.update("No rows match the filter." if self.filter_text else "No settings.")
        elif key.startswith(PLATFORM_ROW):
            platform = key[len(PLATFORM_ROW) :]
            text = self.account_detail(platform)
            text.append("\nc folds or unfolds this platform's rows.", style="dim")
            pane.update(text)
        else:
            setting = self.settings[key]
            plugin = self.engine.plugins.get(setting.platform)
            page = plugin.page_url(setting) if plugin and setting.switch else setting.url
            pane.update(
                view.detail(
                    setting,
                    page,
                    self._state_cell(key),
                    self.readings.get(key),
                    self.desired[key],
                    self.marks.get(key),
                    history=self._history_text(setting),
                )
            )

    def _history_text(self, setting: Setting) -> Text:
        """The drift warning and the latest history entries, for the detail pane."""
        text = history_view.drift_text(self.runtime.history, setting.id)
        plugin = self.engine.plugins.get(setting.platform)
        if plugin is not None:
            text.append_text(
                history_view.recent_text(self.runtime.history, setting.id, plugin.origin)
            )
        return text

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if (event.row_key.value or "").startswith(PLATFORM_ROW):
            self.action_collapse()

    # -- actions ------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def _selected_setting(self) -> Setting | None:
        key = self._highlighted()
        if key is None or key.startswith(PLATFORM_ROW):
            self.notify("Choose a setting row first.")
            return None
        return self.settings[key]

    def action_read(self) -> None:
        setting = self._selected_setting()
        if setting is None:
            return
        if setting.kind is Kind.MANUAL:
            self.notify("This one is done by hand; there is nothing to read.")
            return
        if setting.id in self.busy:
            self.notify("That setting is already being worked on.")
            return
        self.check([setting.id])

    def action_read_all(self) -> None:
        idle = [s.id for s in self.rows if s.id not in self.busy and s.kind is not Kind.MANUAL]
        if idle:
            self.check(idle)

    def action_switch(self) -> None:
        setting = self._selected_setting()
        if setting is None:
            return
        if setting.kind is Kind.MANUAL:
            self.notify("This one can only be done by hand: see the steps, then press m.")
            return
        if setting.id in self.busy:
            self.notify("Wait until this setting has been read.")
            return
        reading = self.readings.get(setting.id)
        if reading is None or not reading.state.is_value:
            self.notify(
                "Its current state is not known, so it is not switched. Press r to read it again.",
                severity="warning",
            )
            return
        target = State.OFF if reading.state is State.ON else State.ON
        where = "the demo account on the local replica site" if self.demo else "your real account"
        platform = self.titles.get(setting.platform, setting.platform)
        question = (
            f"Switch [b]{setting.label}[/b] on {platform} from [b]{reading.state}[/b] "
            f"to [b]{target}[/b]?\n\nThis changes {where}."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.desired[setting.id] = target
                self.change(setting.id, target)

        self.push_screen(Confirm(question, yes=f"Switch {target}", no="Cancel"), answered)

    def action_mark(self) -> None:
        setting = self._selected_setting()
        if setting is None:
            return
        if setting.kind is not Kind.MANUAL:
            self.notify("Only by-hand steps are marked; this one is read from the page.")
            return
        when = None if setting.id in self.marks else now()
        try:
            self.marks.set(setting.id, when)
        except ExportError as exc:
            self.notify(f"{exc} The mark is kept until you quit.", severity="warning")
        self._refresh()

    def action_collapse(self) -> None:
        key = self._highlighted()
        if key is None:
            return
        platform = (
            key[len(PLATFORM_ROW) :]
            if key.startswith(PLATFORM_ROW)
            else self.settings[key].platform
        )
        self.collapsed.symmetric_difference_update({platform})
        self._rebuild()
        table = self.query_one(DataTable)
        keys = [row.key.value for row in table.ordered_rows]
        table.move_cursor(row=keys.index(PLATFORM_ROW + platform))

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.display = True
        field.focus()

    def action_clear_filter(self) -> None:
        self.query_one(FilterInput).action_clear()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self._rebuild()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_export(self) -> None:
        suggested = Path(self.runtime.config.export_path or "privacy-tui-export.toml")
        self.push_screen(ExportPath(suggested.expanduser().absolute()), self._export_to)

    def _export_to(self, path: Path | None, overwrite: bool = False) -> None:
        if path is None:
            return
        try:
            exists = path.exists() and not path.is_dir()
        except (OSError, ValueError) as exc:
            self.notify(f"{path}: {exc}", title="Not exported", severity="error", timeout=10)
            return
        if exists and not overwrite:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._export_to(path, overwrite=True)

            self.push_screen(
                Confirm(f"{path} already exists. Replace it?", yes="Replace", no="Cancel"),
                answered,
            )
            return
        text = render(
            self.rows,
            self.desired,
            self.readings,
            self.runtime.config,
            marks=dict(self.marks.items()),
        )
        try:
            write_atomic(path, text, overwrite=overwrite)
        except ExportError as exc:
            self.notify(str(exc), title="Not exported", severity="error", timeout=10)
            return
        self.notify(f"Exported to {path}", title="Exported")

    def action_help(self) -> None:
        self.push_screen(Help())

    async def action_quit(self) -> None:
        if self._quitting:
            return
        self._quitting = True
        # Closing Chromium takes a second or more: the status line says so meanwhile.
        self.query_one(ProgressBar).display = False
        self.query_one("#summary", Static).update(QUITTING)
        self.workers.cancel_group(self, "engine")
        try:
            await asyncio.wait_for(self.engine.close(), 20)
        except TimeoutError:
            self.log.error("closing the browser took too long")
        self._unsubscribe()
        self.exit()
