"""The full-screen checklist."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, WorkerState

from automation import events
from automation.browser import BrowserError
from automation.engine import EngineClosed
from automation.export import ExportError, render, write_atomic
from automation.model import Kind, Reading, Setting, State
from automation.runtime import Runtime

from .accounts import AccountActions
from .screens import Confirm, ExportPath, Help

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
PLATFORM_ROW = "platform:"

STATE_STYLE = {
    State.ON: "bold",
    State.OFF: "bold",
    State.NEEDS_LOGIN: "magenta",
    State.UNAVAILABLE: "dim",
    State.UNKNOWN: "yellow",
    State.ERROR: "red",
}
STATE_WORDS = {
    State.NEEDS_LOGIN: "needs login",
}


class EngineEvent(Message):
    """An engine event, delivered to the app's own message queue."""

    def __init__(self, event: events.Event) -> None:
        super().__init__()
        self.event = event


class PrivacyApp(AccountActions, App[None]):
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
        Binding("e", "export", "Export", tooltip="Export the checklist to TOML"),
        Binding("l", "sign_in", "Sign in", tooltip="Sign in to the platform in a browser window"),
        Binding("p", "sign_in_password", "Password sign-in", show=False),
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
        self.settings: dict[str, Setting] = {s.id: s for s in runtime.settings}
        self.desired: dict[str, State] = {i: runtime.desired(s) for i, s in self.settings.items()}
        self.readings: dict[str, Reading] = {}
        self.busy: dict[str, str] = {}
        self._frame = 0
        self._quitting = False
        self._unsubscribe = self.engine.subscribe(lambda e: self.post_message(EngineEvent(e)))
        self.engine.ask_code = self.ask_code

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield DataTable(id="checklist", cursor_type="row", zebra_stripes=False)
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail")
        yield Static(id="summary")
        yield Footer()

    def on_mount(self) -> None:
        self.on_resize()
        self.sub_title = "demo: local replica sites" if self.demo else self._config_name()
        table = self.query_one(DataTable)
        table.add_column("Setting", key="label")
        table.add_column("State", key="state", width=16)
        table.add_column("Recommended", key="recommended")
        titles = {p.name: p.title for p in self.runtime.plugins}
        platform = None
        for setting in self.settings.values():
            if setting.platform != platform:
                platform = setting.platform
                table.add_row(
                    Text(titles.get(platform, platform), style="bold underline"),
                    "",
                    "",
                    key=PLATFORM_ROW + platform,
                )
            table.add_row(
                Text("  " + setting.label),
                self._state_cell(setting.id),
                str(setting.recommended),
                key=setting.id,
            )
        table.focus()
        if self.settings:
            table.move_cursor(row=1)
        for problem in self.runtime.problems:
            self.notify(str(problem), severity="warning", timeout=10)
        self.set_interval(0.1, self._spin)
        self._refresh()
        self.check(list(self.settings))

    def on_resize(self) -> None:
        # Side by side needs room; on a narrow terminal the detail pane goes below.
        self.set_class(self.size.width < 110, "narrow")

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
        await self.engine.change(setting_id, value)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and not self._quitting:
            error = event.worker.error
            if isinstance(error, EngineClosed):
                return
            self.log.error(error)
            self.notify(f"{type(error).__name__}: {error}", title="Failed", severity="error")
            # Rows the failed work left spinning are no longer being worked on.
            self.busy.clear()
            self._refresh()

    def on_engine_event(self, message: EngineEvent) -> None:
        event = message.event
        if isinstance(event, events.Checking):
            self.busy[event.setting_id] = "checking"
        elif isinstance(event, events.Changing):
            self.busy[event.setting_id] = "changing"
        elif isinstance(event, events.Read | events.Changed):
            reading = event.reading
            self.busy.pop(reading.setting_id, None)
            self.readings[reading.setting_id] = reading
            self.account_notes.pop(self.settings[reading.setting_id].platform, None)
            self.account_read(reading)
            if isinstance(event, events.Changed) and not event.ok:
                setting = self.settings[reading.setting_id]
                self.notify(
                    reading.detail, title=f"{setting.label}: not changed", severity="warning"
                )
        elif isinstance(event, events.SigningIn):
            self.notify(f"Signing in to {event.platform} with the stored credentials…")
        elif isinstance(event, events.Problem):
            self.notify(event.message, severity="warning", timeout=10)
        self._refresh()

    # -- drawing ------------------------------------------------------------------------------

    def _state_cell(self, setting_id: str) -> Text:
        busy = self.busy.get(setting_id)
        if busy:
            return Text(f"{SPINNER[self._frame % len(SPINNER)]} {busy}", style="cyan")
        reading = self.readings.get(setting_id)
        if reading is None:
            return Text("not read", style="dim")
        state = reading.state
        text = Text(STATE_WORDS.get(state, str(state)), style=STATE_STYLE[state])
        if state.is_value:
            good = state == self.settings[setting_id].recommended
            text.append(" ✓" if good else " ✗", style="green" if good else "red")
        return text

    def _spin(self) -> None:
        if not self.busy:
            return
        self._frame += 1
        table = self.query_one(DataTable)
        for setting_id in list(self.busy):
            table.update_cell(setting_id, "state", self._state_cell(setting_id))

    def _refresh(self) -> None:
        table = self.query_one(DataTable)
        for setting_id in self.settings:
            table.update_cell(setting_id, "state", self._state_cell(setting_id))
        for platform in {s.platform for s in self.settings.values()}:
            table.update_cell(PLATFORM_ROW + platform, "state", self._platform_cell(platform))
        self.query_one("#summary", Static).update(self._summary())
        self._show_detail()

    def _platform_cell(self, platform: str) -> Text:
        noted = self.account_cell(platform)
        if noted is not None:
            return noted
        states = [
            self.readings[i].state
            for i, s in self.settings.items()
            if s.platform == platform and i in self.readings
        ]
        if any(s.is_value for s in states):
            return Text("signed in", style="green")
        if State.NEEDS_LOGIN in states:
            return Text("not signed in", style="magenta")
        return Text("")

    def _summary(self) -> Text:
        total = len(self.settings)
        good = sum(
            1
            for i, s in self.settings.items()
            if i in self.readings and self.readings[i].state == s.recommended
        )
        text = Text(f" {good} of {total} settings as recommended", style="bold")
        counts: dict[str, int] = {}
        for reading in self.readings.values():
            if not reading.state.is_value:
                word = STATE_WORDS.get(reading.state, str(reading.state))
                counts[word] = counts.get(word, 0) + 1
        for word, count in counts.items():
            text.append(f" · {count} {word}")
        if self.busy:
            text.append(f" · working on {len(self.busy)}…", style="cyan")
        return text

    def _highlighted(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key

    def _show_detail(self) -> None:
        key = self._highlighted()
        pane = self.query_one("#detail", Static)
        if key is None:
            pane.update("No settings to show.")
        elif key.startswith(PLATFORM_ROW):
            pane.update(self.account_detail(key[len(PLATFORM_ROW) :]))
        else:
            pane.update(self._detail(self.settings[key]))

    def _detail(self, setting: Setting) -> Text:
        text = Text()
        text.append(setting.label + "\n", style="bold")
        text.append(f"{setting.id}\n\n", style="dim")
        text.append(setting.description + "\n\n")
        text.append("Recommended: ", style="bold")
        text.append(str(setting.recommended))
        desired = self.desired[setting.id]
        if desired != setting.recommended:
            text.append("   You want: ", style="bold")
            text.append(str(desired))
        text.append("\n")
        text.append("Now: ", style="bold")
        text.append_text(self._state_cell(setting.id))
        reading = self.readings.get(setting.id)
        if reading is not None:
            text.append(f"\n{reading.detail}\n")
            text.append(f"Read at {_local(reading.checked_at)}", style="dim")
            if reading.url:
                text.append(f" from {reading.url}", style="dim")
            text.append("\n")
        else:
            text.append("\n")
        text.append("\nBy hand\n", style="bold")
        for number, step in enumerate(setting.manual_steps, 1):
            text.append(f"{number:>2}. {step}\n")
        text.append(f"Page: {setting.url}\n", style="dim")
        if setting.notes:
            text.append("\nNotes\n", style="bold")
            text.append(setting.notes + "\n")
        if setting.source:
            text.append(f"\nSource: {setting.source}\n", style="dim")
        return text

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

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
        if setting.id in self.busy:
            self.notify("That setting is already being worked on.")
            return
        self.check([setting.id])

    def action_read_all(self) -> None:
        idle = [i for i in self.settings if i not in self.busy]
        if idle:
            self.check(idle)

    def action_switch(self) -> None:
        setting = self._selected_setting()
        if setting is None:
            return
        if setting.kind is Kind.MANUAL:
            self.notify("This one can only be changed by hand: see the steps.")
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
        platform = self.engine.plugins[setting.platform].title
        question = (
            f"Switch [b]{setting.label}[/b] on {platform} from [b]{reading.state}[/b] "
            f"to [b]{target}[/b]?\n\nThis changes {where}."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.desired[setting.id] = target
                self.change(setting.id, target)

        self.push_screen(Confirm(question, yes=f"Switch {target}", no="Cancel"), answered)

    def action_export(self) -> None:
        suggested = Path(self.runtime.config.export_path or "privacy-tui-export.toml")
        self.push_screen(ExportPath(suggested.expanduser().absolute()), self._export_to)

    def _export_to(self, path: Path | None, overwrite: bool = False) -> None:
        if path is None:
            return
        if path.exists() and not path.is_dir() and not overwrite:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._export_to(path, overwrite=True)

            self.push_screen(
                Confirm(f"{path} already exists. Replace it?", yes="Replace", no="Cancel"),
                answered,
            )
            return
        text = render(self.settings.values(), self.desired, self.readings, self.runtime.config)
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
        self.notify("Closing the browser…")
        self.workers.cancel_group(self, "engine")
        try:
            await asyncio.wait_for(self.engine.close(), 20)
        except TimeoutError:
            self.log.error("closing the browser took too long")
        self._unsubscribe()
        self.exit()


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
