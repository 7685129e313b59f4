"""Gmail's settings page as a page object: a first-run question that sets the features
is never answered or read past."""

from __future__ import annotations

import asyncio

from automation.domain.settings import (
    Reading,
    Setting,
    State,
)
from automation.language import Sentence
from automation.page import controls, opening, waits
from automation.page.shapes import SwitchPage
from automation.plugins.gmail import FIRST_RUN, FIRST_RUN_GRACE, FIRST_RUN_NEXT, FIRST_RUN_SHOWN


class SmartFeaturesPage(SwitchPage):
    """Gmail's settings page, which may first show a first-run question: its answer
    sets these features, so neither read past it nor answered."""

    async def read(self, setting: Setting) -> Reading:
        waiting = await self._first_run(setting)
        return waiting if waiting is not None else await super().read(setting)

    async def write(self, setting: Setting, value: State) -> Reading:
        waiting = await self._first_run(setting)
        return waiting if waiting is not None else await super().write(setting, value)

    async def _first_run(self, setting: Setting) -> Reading | None:
        """A reading when the settings page is not to be read: it is not the account's
        page (a sign-in, a move), or Gmail shows its first-run question over it."""
        page = self.page
        problem = await opening.open_page(self.plugin, page, setting)
        if problem is not None:
            return problem
        # Wait for the page to draw either the question or its settings, then a moment
        # more: the question may come just after the page's controls.
        try:
            await page.wait_for_selector(
                f"{FIRST_RUN_NEXT}, {controls.CANDIDATES}",
                state="attached",
                timeout=waits.current().control_ms,
            )
        except Exception as exc:
            if not opening.is_timeout(exc):
                raise
        await asyncio.sleep(FIRST_RUN_GRACE)
        if not await page.evaluate(FIRST_RUN_SHOWN, {"next": FIRST_RUN_NEXT, "title": FIRST_RUN}):
            return None
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                'Gmail shows its first-run question "{question}" over the mailbox. Its answer '
                "sets these smart features, so privacy-tui neither reads past it nor answers "
                "it: open Gmail, answer it yourself, then check again.",
                question=FIRST_RUN,
            ),
            url=page.url,
        )
