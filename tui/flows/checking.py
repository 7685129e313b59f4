"""Reading settings, telling what the engine found, and marking by-hand steps done."""

from __future__ import annotations

import asyncio
import gc

from automation import setting_text
from automation.browser.launch import BrowserError
from automation.domain import events
from automation.domain.settings import Kind, Setting, now
from automation.language import _, said, told
from automation.records.export import ExportError
from automation.records.history import HistoryError

from . import Host


def collections_come_back() -> None:
    """The checklist is on screen: if garbage collections waited for it (``tui.cli``
    turns them off while the app starts), they come again, and what the start made,
    which lives as long as the app, is left out of every later one."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class Checking:
    """Reads one setting, or all of them, and marks by-hand steps done or not."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self._history_told = False
        #: Why the app could not start (a history that cannot be used), once it ended so.
        self.refused: str | None = None
        #: Settings whose capture the person asked for; told when it is kept.
        self._capturing: set[str] = set()

    def tell(self, event: events.Event) -> None:
        """Say what the person should hear of an engine event (the rows show the rest)."""
        host = self.host
        if isinstance(event, events.Changed) and not event.ok:
            label = setting_text.label(host.model.settings[event.reading.setting_id])
            # A read-back that read nothing does not say the change failed: it may have taken.
            title = (
                _("{setting}: not changed")
                if event.reading.state.is_value
                else _("{setting}: could not read back")
            )
            host.notify(
                said(event.reading.detail),
                title=title.format(setting=label),
                severity="warning",
            )
        elif isinstance(event, events.SigningIn):
            title = host.model.title(event.platform)
            host.notify(_("Signing in to {title} with the stored credentials…").format(title=title))
        elif isinstance(event, events.Problem):
            host.notify(said(event.message), severity="warning", timeout=10)
        if isinstance(event, events.Read) and event.reading.setting_id in self._capturing:
            self._capturing.discard(event.reading.setting_id)
            kept = event.reading.capture
            host.notify(
                _(
                    "Kept in {path}. Look at it with privacy-tui capture --show before sending it."
                ).format(path=kept)
                if kept
                else _("No capture: {detail}").format(detail=said(event.reading.detail)),
                title=_("Capture"),
                severity="information" if kept else "warning",
                timeout=15,
            )
        problem = host.runtime.history.problem
        if problem is not None and not self._history_told:
            self._history_told = True
            host.notify(problem, title=_("History not kept"), severity="error", timeout=30)

    def start(self) -> None:
        """Read every setting, once the checklist is on screen: the history is opened
        and the browser started only then."""
        host = self.host
        shown = asyncio.Event()
        host.call_after_refresh(shown.set)

        async def starting() -> None:
            await shown.wait()
            collections_come_back()
            if self.open_history():
                await self._read(host.model.readable_ids())

        host.work(starting())

    def open_history(self) -> bool:
        """Open the history; one that cannot be used ends the app (see ``refused``)."""
        host = self.host
        try:
            host.runtime.history.ready()
        except HistoryError as exc:
            self.refused = str(exc)
            host.exit()
            return False
        host.redraw()
        return True

    def check(self, ids: list[str]) -> None:
        """Read the settings ``ids`` (starting the browser first if need be)."""
        self.host.work(self._read(ids))

    async def _read(self, ids: list[str]) -> None:
        host = self.host
        try:
            await host.engine.start()
        except BrowserError as exc:
            host.notify(told(exc), title=_("No browser"), severity="error", timeout=30)
        await host.engine.check(ids)

    def read(self, setting: Setting) -> None:
        if setting.kind is Kind.MANUAL:
            self.host.notify(_("This one is done by hand; there is nothing to read."))
        elif setting.id in self.host.model.busy:
            self.host.notify(_("That setting is already being worked on."))
        else:
            self.check([setting.id])

    def capture(self, setting: Setting) -> None:
        """Read ``setting`` again and keep a redacted capture of its page."""
        if setting.kind is Kind.MANUAL:
            self.host.notify(_("This one is done by hand; it has no page to capture."))
            return
        self._capturing.add(setting.id)
        self.host.engine.capture_next(setting.id)
        self.read(setting)

    def read_all(self) -> None:
        if idle := self.host.model.idle_ids():
            self.check(idle)

    def mark(self, setting: Setting) -> None:
        """Mark a by-hand step done, or no longer done."""
        host = self.host
        if setting.kind is not Kind.MANUAL:
            host.notify(_("Only by-hand steps are marked; this one is read from the page."))
            return
        marks = host.runtime.marks
        try:
            marks.set(setting.id, None if setting.id in marks else now())
        except ExportError as exc:
            host.notify(
                _("{problem} The mark is kept until you quit.").format(problem=exc),
                severity="warning",
            )
        host.redraw()
