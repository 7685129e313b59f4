"""How the engine runs, and what it raises once closed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from automation.browser.pool import default_pages
from automation.page.waits import Waits

#: Seconds a platform's context stays open after a change, for the next change (a
#: preset or an undo changes one setting after another).
LINGER = 3.0


@dataclass
class Options:
    """How the engine runs the browser."""

    executable: str | None = None
    headless: bool = True
    timeout: float = 30.0
    """Seconds one step (a page load, a click) may take."""
    pages: int = field(default_factory=default_pages)
    """Pages open at the same time, across all platforms."""
    log_path: Path | None = None
    """Where Playwright's driver writes its own messages."""
    captures: Path | None = None
    """Where a redacted capture of a page that read ``unknown`` goes (``None``: the
    user's captures folder)."""
    capture_unknown: bool = True
    """Whether a page that read ``unknown``, or was missing (HTTP 404), is captured."""
    light: bool = True
    """Load only what a reading needs: no images, media or fonts, and nothing from
    hosts other than the platform's own (see :meth:`Plugin.first_party`), by any way
    a page has: requests, redirects, WebSockets, workers, beacons, prefetches (see
    :mod:`automation.browser.light`)."""
    linger: float = LINGER
    """Seconds a platform's context stays open after a change, for the next change."""
    waits: Waits = field(default_factory=Waits)
    """How long page code waits for a control, a save, a click, the account's sign
    (see :mod:`automation.page.waits`)."""


class EngineClosed(Exception):
    """The engine was closed while work was waiting."""
