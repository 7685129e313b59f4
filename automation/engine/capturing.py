"""When the engine keeps a redacted capture of a page it read, and how."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from automation.domain.settings import Reading, Setting, State

if TYPE_CHECKING:
    from automation.browser.pool import Tab
    from automation.engine.contexts import Platform
    from automation.engine.options import Options

log = logging.getLogger("privacy_tui.engine")


class Capturing:
    """Captures pages asked for (:meth:`want`), and pages that read ``unknown`` or
    were missing when the options say so."""

    def __init__(self, options: Options) -> None:
        self.options = options
        #: Settings whose page is captured the next time it is read, whatever it shows.
        self._wanted: set[str] = set()

    def want(self, setting_id: str) -> None:
        """Capture ``setting_id``'s page the next time it is read, whatever the reading."""
        self._wanted.add(setting_id)

    def done(self, setting_ids: Iterable[str]) -> None:
        """``setting_ids`` were read: a capture asked for them is no longer waiting."""
        self._wanted.difference_update(setting_ids)

    def wanted(self, reading: Reading, setting: Setting) -> bool:
        """Whether the page that gave ``reading`` is to be captured."""
        # A per-blog setting asked for stands for each of its blogs.
        if {setting.id, setting.template_id} & self._wanted:
            return True
        # A page that lacks the control, or is missing (a page that moved): what it
        # shows instead is what a report needs.
        missing = reading.state is State.UNAVAILABLE and "(HTTP 404)" in reading.detail
        return (reading.state is State.UNKNOWN or missing) and self.options.capture_unknown

    async def take(
        self, platform: Platform, setting: Setting, reading: Reading, tab: Tab
    ) -> Reading:
        """``reading`` with a redacted capture of the page it was read from (``reading``
        as it was when the capture fails: a capture never costs the reading)."""
        from automation.captures import capture

        self._wanted.discard(setting.id)
        async with platform.gate.shared():
            page = tab.current
            if page is None:
                return reading
            try:
                taken = await asyncio.wait_for(
                    capture.take(page, setting, reading, platform.plugin.signed_in_marker), 30
                )
                path = await asyncio.to_thread(capture.save, taken, self.options.captures)
            except (OSError, TimeoutError) as exc:
                log.warning("no capture of %s: %s", setting.id, exc)
                return reading
            except Exception:
                # A capture helps a report; its failure must never cost the reading.
                log.exception("no capture of %s", setting.id)
                return reading
        return replace(reading, detail=capture.told(reading.detail, path), capture=str(path))
