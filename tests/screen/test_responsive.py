"""The screen keeps answering while a full check of the demo runs.

Keys are sent all through the check (the cursor moves, a filter is typed and cleared,
the help opens and closes), and each must take effect while the check is still
running. How long the app's thread computes at a stretch meanwhile is a figure, not a
pass or fail here: it moves with the machine's load, so ``bench/responsive.py`` measures
it (see the docs' Speed page, docs/speed.md).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from automation.engine.runtime import Runtime, build
from automation.plugins.linkedin import LinkedIn
from automation.plugins.tumblr import Tumblr
from automation.plugins.x import X
from tests.checklist_view import PLATFORM_ROW, highlighted, row_keys
from tui.app import PrivacyApp
from tui.dialogs import Help

pytestmark = pytest.mark.browser


async def press(app: PrivacyApp, pilot, *keys: str) -> None:
    """Send ``keys`` and wait until the app has handled and drawn them; then leave the
    engine alone with the loop for a while."""
    await pilot.press(*keys)
    await pilot.pause()
    await asyncio.sleep(0.3)


async def one_round(app: PrivacyApp, pilot) -> None:
    """Move, filter, clear, open the help and close it; each key takes effect."""
    await press(app, pilot, "home")
    first = highlighted(app)
    await press(app, pilot, "down")
    assert highlighted(app) != first, "down moved the cursor"
    await press(app, pilot, "j")
    second = highlighted(app)
    await press(app, pilot, "k", "up")
    assert highlighted(app) == first != second, "j, k and up moved the cursor"

    await press(app, pilot, "slash", *"linkedin")
    shown = row_keys(app)
    assert shown and all(r.startswith(("linkedin.", PLATFORM_ROW + "linkedin")) for r in shown)
    await press(app, pilot, "escape")
    assert len(row_keys(app)) == len(app.model.layout()) > len(shown), "Esc cleared it"

    await press(app, pilot, "question_mark")
    assert isinstance(app.screen, Help), "? opened the help"
    await press(app, pilot, "escape")
    assert not isinstance(app.screen, Help), "Esc closed the help"


#: Platforms of the demo enough for a check that lasts for rounds of keys: the most
#: settings, pages in parallel, and blogs found on the way.
PLATFORMS = (LinkedIn, X, Tumblr)


@pytest.fixture
async def slow_demo(chromium: str, tmp_path: Path) -> AsyncIterator[Runtime]:
    """The demo's LinkedIn, X and Tumblr with every replica answer 0.3 s late, as
    ``bench/check_speed.py`` has it: a check that lasts for rounds of keys however fast
    the machine reads."""
    only = [s.id for p in PLATFORMS for s in p.settings]
    built = build(demo=True, only=only, log=tmp_path / "app.log", demo_delay=0.3)
    yield built
    await asyncio.wait_for(built.engine.close(), 30)
    built.close()


async def test_keys_are_answered_while_the_demo_is_checked(slow_demo: Runtime) -> None:
    app = PrivacyApp(slow_demo, demo=True)
    async with app.run_test(size=(140, 45)) as pilot:
        async with asyncio.timeout(120):
            while not app.model.busy:
                await pilot.pause(0.05)
        rounds_during_check = 0
        async with asyncio.timeout(600):
            # Two rounds answered while the check runs prove it; the rest of the
            # check is not waited for (quitting stops it).
            while app.model.busy and rounds_during_check < 2:
                await one_round(app, pilot)
                # The check still runs: the keys above were answered during it.
                rounds_during_check += bool(app.model.busy)
        await app.action_quit()

    assert rounds_during_check >= 1, "the check ended before a round of keys was answered"
