"""Runs of changes in the app: the bar and the count while a preset runs, quitting in
the middle, and undo and redo over several steps; driven by Textual's pilot on the
demo's LinkedIn rows, each change checked on the account an engine keeps in memory."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import ProgressBar, Static

from automation.domain.settings import State
from automation.engine.runtime import Runtime
from automation.records import tally
from tests.checklist_view import Notices, highlighted, move_to
from tests.fake_engine import fake
from tui.app import PrivacyApp
from tui.dialogs import Confirm, PresetChoice
from tui.dialogs.points import UndoPoints
from tui.widgets.status import StatusLine

AI = "linkedin.ai_training"
RESEARCH = "linkedin.research"
BEYOND = "linkedin.ads_beyond_linkedin"
SIZE = (140, 40)


@pytest.fixture
def runtime(fake_linkedin: Runtime) -> Runtime:
    # Each change takes a moment, as a page would: the bar and the count are seen moving.
    fake(fake_linkedin).delay = 0.05
    return fake_linkedin


async def settle(app: PrivacyApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def status(app: PrivacyApp) -> str:
    shown = app.query_one(StatusLine).shown
    return shown.plain if shown is not None else ""


async def start_preset(app: PrivacyApp, pilot) -> int:
    """Read everything, choose the recommended preset and confirm it; how many changes
    it makes."""
    await settle(app, pilot)
    await pilot.press("p")
    assert isinstance(app.screen, PresetChoice)
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, Confirm)
    await pilot.press("y")
    # The run begins with the first change.
    for _ in range(200):
        if app.changes.running is not None:
            break
        await asyncio.sleep(0.01)
    run = app.changes.running
    assert run is not None
    return run.total


async def test_the_bar_and_the_count_follow_a_preset_and_one_line_ends_it(
    runtime: Runtime,
) -> None:
    app = PrivacyApp(runtime, demo=True)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        total = await start_preset(app, pilot)
        assert total >= 10
        said: list[str] = []
        bar: list[float] = []
        while app.changes.running is not None:
            progress = app.query_one(ProgressBar)
            if progress.display:
                assert progress.total == total
                bar.append(progress.progress)
            said.append(status(app))
            await asyncio.sleep(0.02)
        await settle(app, pilot)

        counted = [
            int(text.split()[1]) for text in dict.fromkeys(said) if text.startswith(" changing ")
        ]
        assert all(f" of {total} " in text for text in said if text.startswith(" changing "))
        # The count goes up one change at a time, and the bar with it.
        assert len(set(counted)) >= total // 2, counted
        assert counted == sorted(counted) and counted[-1] >= total - 1
        assert bar == sorted(bar) and len(set(bar)) >= total // 2, bar

        # One line at the end, in the words `privacy-tui apply` ends with.
        words = tally.summary({"changed": total})
        assert words == f"{total} changed and read back"
        assert status(app).startswith(f" Preset recommended: {words}. ·"), status(app)
        assert any(n.message == f"Preset recommended: {words}." for n in notices)
        assert not app.query_one(ProgressBar).display
        assert all(fake(runtime).states[s.id] is State.OFF for s in runtime.settings)
        await app.action_quit()


async def test_quitting_during_a_preset_asks_lets_the_change_under_way_finish_and_says_so(
    runtime: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    app = PrivacyApp(runtime, demo=True)
    saves = fake(runtime).saves
    async with app.run_test(size=SIZE) as pilot:
        total = await start_preset(app, pilot)
        for _ in range(3000):
            if len(saves) >= 2:
                break
            await asyncio.sleep(0.01)
        # From here each change takes a second: on however busy a machine, the preset
        # cannot end while the question is asked and answered.
        fake(runtime).delay = 1.0
        await pilot.press("q")
        assert isinstance(app.screen, Confirm)
        asked = app.screen.question
        assert f"of {total} changes made" in asked and "Quit anyway?" in asked
        assert "is finished and read back first; no other is started" in asked
        await pilot.press("y")
        # The app waits for the change under way, then closes the browser and ends.
        for _ in range(3000):
            if app.return_code is not None:
                break
            await asyncio.sleep(0.01)
        assert app.return_code == 0
    run = app.changes.run
    assert run is not None and not run.running
    made = run.result.outcomes
    assert 2 <= len(made) < total and run.result.under_way is None
    # Only the changes made reached the account; none after them was started.
    assert [setting_id for setting_id, _ in saves] == [o.step.setting_id for o in made]
    states = fake(runtime).states
    assert all(states[o.step.setting_id] is State.OFF for o in made)
    assert all(states[s.setting_id] is State.ON for s in run.result.not_started)
    # What the terminal shows once the screen is gone (wrapped to its width).
    told = " ".join(capsys.readouterr().err.split())
    assert f"Preset recommended, stopped when you quit: {len(made)} changed and read back" in told
    assert f"{total - len(made)} not started" in told
    assert "Data for Generative AI Improvement: on → off (read back)" in told


async def test_three_undo_points_are_undone_in_order_and_one_is_redone(runtime: Runtime) -> None:
    app = PrivacyApp(runtime, demo=True)
    notices = Notices()
    states = fake(runtime).states

    def on_account(*setting_ids: str) -> dict[str, bool]:
        return {i: states[i] is State.ON for i in setting_ids}

    async def answer(key: str, expect: str) -> None:
        await pilot.press(key)
        await settle(app, pilot)
        assert isinstance(app.screen, Confirm), [n.message for n in notices]
        assert expect in app.screen.question, app.screen.question
        await pilot.press("y")
        await settle(app, pilot)

    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(app, pilot)
        # Three switches, three undo points.
        for setting_id in (AI, RESEARCH, BEYOND):
            move_to(app, setting_id)
            await pilot.pause()
            assert highlighted(app) == setting_id
            await answer("space", "from [b]on[/b] to [b]off[/b]")
        assert on_account(AI, RESEARCH, BEYOND) == {AI: False, RESEARCH: False, BEYOND: False}
        assert [p.source for p in runtime.history.points()] == ["switch"] * 3

        # u, again and again: the newest point first, each read back.
        await answer("u", "Ads off LinkedIn: [b]off[/b] → [b]on[/b]")
        assert on_account(AI, RESEARCH, BEYOND) == {AI: False, RESEARCH: False, BEYOND: True}
        assert app.model.readings[BEYOND].state is State.ON
        await answer("u", "Social, economic and workplace research: [b]off[/b] → [b]on[/b]")
        assert on_account(AI, RESEARCH, BEYOND) == {AI: False, RESEARCH: True, BEYOND: True}
        assert app.model.readings[RESEARCH].state is State.ON
        await answer("u", "Data for Generative AI Improvement: [b]off[/b] → [b]on[/b]")
        assert on_account(AI, RESEARCH, BEYOND) == {AI: True, RESEARCH: True, BEYOND: True}
        assert app.model.readings[AI].state is State.ON
        await pilot.press("u")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert "every recorded change has been undone" in notices.shown[-1].message

        # U puts back the point undone last: the first switch.
        await answer("U", "Data for Generative AI Improvement: [b]on[/b] → [b]off[/b]")
        assert on_account(AI, RESEARCH, BEYOND) == {AI: False, RESEARCH: True, BEYOND: True}
        assert app.model.readings[AI].state is State.OFF
        assert app.model.readings[AI].checked_at > app.model.readings[RESEARCH].checked_at
        assert fake(runtime).saves == [
            (AI, State.OFF),
            (RESEARCH, State.OFF),
            (BEYOND, State.OFF),
            (BEYOND, State.ON),
            (RESEARCH, State.ON),
            (AI, State.ON),
            (AI, State.OFF),
        ]

        # The history view lists the points, newest first, and what u and U take next.
        await pilot.press("h")
        assert isinstance(app.screen, UndoPoints)
        listed = str(app.screen.query(Static)[1].render())
        lines = [line for line in listed.splitlines() if line.startswith("switch")]
        assert len(lines) == 3
        assert lines[0].endswith("undone")  # the third switch
        assert "undone: U puts this back" in lines[1]  # the second
        assert "in effect: u undoes this next" in lines[2]  # the first, redone
        assert listed.index("Ads off LinkedIn") < listed.index("Social, economic")
        assert listed.index("Social, economic") < listed.index("Data for Generative AI")
        await pilot.press("escape")
        assert not isinstance(app.screen, UndoPoints)
        await app.action_quit()
