"""Reading every setting without a screen, telling a person at the terminal how it goes."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from automation.domain import events
from automation.domain.settings import Kind
from automation.language import _, said

if TYPE_CHECKING:
    from automation.domain.settings import Reading
    from automation.engine.runtime import Runtime


class LiveProgress:
    """On a terminal, one line on stderr that counts the settings read, rewritten in place.

    Other news (signing in, a problem) gets a line of its own above it; the line is
    cleared when the work is done.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started: set[str] = set()
        self.finished: set[str] = set()
        self.shown = False

    def __call__(self, event: events.Event) -> None:
        if isinstance(event, events.Checking):
            self.started.add(event.setting_id)
        elif isinstance(event, events.Read):
            self.finished.add(event.reading.setting_id)
        elif isinstance(event, events.Expanded):
            # A per-blog setting gives way to its blogs, each read in turn.
            self.started.discard(event.setting_id)
        elif isinstance(event, events.SigningIn | events.Problem):
            self.clear()
            show_progress(event, self.out)
        done = len(self.finished & self.started)
        self.show(
            _("reading settings… {n} of {total} read").format(n=done, total=len(self.started))
        )

    def show(self, text: str) -> None:
        self.out.write(f"\r\x1b[K{text}")
        self.out.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.out.write("\r\x1b[K")
            self.out.flush()
            self.shown = False


async def read_all(runtime: Runtime, progress: TextIO | None) -> list[Reading]:
    """Start the engine, read every setting of the run, and close the engine.

    With stderr on a terminal, a line there counts the settings read (and says
    when the browser is being closed, which takes a moment). Otherwise ``progress``
    gets a line for what takes a while (signing in) and for problems; without it
    only problems are told, on stderr.
    """
    engine = runtime.engine
    live = LiveProgress(sys.stderr) if _on_terminal(sys.stderr) else None
    if live is not None:
        engine.subscribe(live)
    elif progress is not None:
        engine.subscribe(lambda e: show_progress(e, progress))
    else:
        # Even with --json, a problem (an unreadable kept session) is told, on stderr.
        engine.subscribe(lambda e: _problem(e, sys.stderr))
    # Settings done by hand are never read: with only those, no browser is started.
    ids = [s.id for s in runtime.settings if s.kind is not Kind.MANUAL]
    try:
        if not ids:
            return []
        await engine.start()
        return await engine.check(ids)
    finally:
        if live is not None and engine.started:
            live.show("closing the browser…")
        await engine.close()
        if live is not None:
            live.clear()


def _on_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _problem(event: events.Event, out: TextIO) -> None:
    if isinstance(event, events.Problem):
        print(said(event.message), file=out)


def show_progress(event: events.Event, out: TextIO) -> None:
    """Tell a person at the terminal what the engine is doing that takes a while."""
    if isinstance(event, events.SigningIn):
        print(_("signing in to {platform}…").format(platform=event.platform), file=out)
    elif isinstance(event, events.Problem):
        print(said(event.message), file=out)
