"""The checklist's preset, undo and drift mark, driven by Textual's pilot on the demo's
rows, read and changed by an engine that keeps the account's states in memory."""

from __future__ import annotations

import tomllib

import pytest
from textual.widgets import Input, Static

from automation.domain.settings import State
from automation.engine.runtime import Runtime
from tests.checklist_view import Notices, cell, highlighted
from tests.fake_engine import fake
from tui.app import PrivacyApp
from tui.dialogs import Confirm, ExportPath, PresetChoice

AI = "linkedin.ai_training"
RESEARCH = "linkedin.research"
SIZE = (140, 40)


@pytest.fixture
def runtime(fake_linkedin: Runtime) -> Runtime:
    return fake_linkedin


def text_of(app: PrivacyApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


def question(app: PrivacyApp) -> str:
    assert isinstance(app.screen, Confirm)
    return app.screen.question


async def settle(app: PrivacyApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_preset_lists_each_change_and_undo_puts_them_back(runtime: Runtime) -> None:
    # Three already off, so the preset changes the others.
    already = ("research", "ads_third_party_data", "ads_conversion_tracking")
    for key in already:
        fake(runtime).states[f"linkedin.{key}"] = State.OFF
    others = [s.id for s in runtime.settings if s.key not in already]
    before = dict(fake(runtime).states)
    app = PrivacyApp(runtime, demo=True)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        assert isinstance(app.screen, PresetChoice)
        await pilot.press("enter")  # recommended, the first
        await settle(app, pilot)
        asked = question(app)
        assert "Preset recommended" in asked and f"change {len(others)} settings" in asked
        assert "Data for Generative AI Improvement: [b]on[/b] → [b]off[/b]" in asked
        assert "Social, economic and workplace research" not in asked  # already off
        assert fake(runtime).saves == []  # nothing before the answer
        await pilot.press("y")
        await settle(app, pilot)
        assert all(fake(runtime).states[s.id] is State.OFF for s in runtime.settings)
        assert [i for i, _ in fake(runtime).saves] == others
        assert all(r.state is State.OFF for r in app.model.readings.values())
        record = runtime.history.last_apply()
        assert record is not None and record.source == "preset recommended"
        assert [i.setting_id for i in record.items] == others

        await pilot.press("u")
        await settle(app, pilot)
        asked = question(app)
        assert "Undo" in asked and "[b]off[/b] → [b]on[/b]" in asked
        await pilot.press("y")
        await settle(app, pilot)
        assert fake(runtime).states == before
        assert app.model.readings[AI].state is State.ON
        await pilot.press("u")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert any("every recorded change has been undone" in n.message for n in notices)
        await app.action_quit()


async def test_a_setting_switched_back_on_behind_the_apps_back_is_marked(
    runtime: Runtime,
) -> None:
    fake(runtime).states[RESEARCH] = State.OFF
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        assert highlighted(app) == RESEARCH
        assert "!" not in cell(app, RESEARCH, "state")

        fake(runtime).states[RESEARCH] = State.ON  # the platform, not the app
        await pilot.press("r")
        await settle(app, pilot)
        assert cell(app, RESEARCH, "state") == "on ✗ !"
        detail = text_of(app, "#detail")
        assert "Switched back on since the last check (off on" in detail
        assert "read on (changed, not by privacy-tui)" in detail
        assert "1 changed since the last check" in text_of(app, "#summary")

        # Switching it off through the app clears the mark and leaves an undo point.
        await pilot.press("space", "y")
        await settle(app, pilot)
        assert cell(app, RESEARCH, "state") == "off ✓"
        detail = text_of(app, "#detail")
        assert "Switched back on" not in detail
        assert "changed on → off: read back" in detail
        record = runtime.history.last_apply()
        assert record is not None and record.source == "switch"
        assert [(i.setting_id, i.before) for i in record.items] == [(RESEARCH, State.ON)]
        await app.action_quit()


async def test_nothing_to_undo_says_so(runtime: Runtime) -> None:
    app = PrivacyApp(runtime, demo=True)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert any("Nothing to undo" in n.message for n in notices)
        assert fake(runtime).saves == []
        await app.action_quit()


async def test_undo_puts_a_state_back_and_leaves_the_wish_alone(runtime: Runtime, tmp_path) -> None:
    """Switch off, undo: the setting is on again, and what you want is still off."""
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert highlighted(app) == AI
        await pilot.press("space", "y")
        await settle(app, pilot)
        assert fake(runtime).states[AI] is State.OFF
        assert app.model.desired[AI] is State.OFF

        await pilot.press("u")
        await settle(app, pilot)
        assert "[b]off[/b] → [b]on[/b]" in question(app)
        await pilot.press("y")
        await settle(app, pilot)
        assert fake(runtime).states[AI] is State.ON
        assert app.model.readings[AI].state is State.ON
        assert app.model.desired[AI] is State.OFF
        assert "You want: on" not in text_of(app, "#detail")

        target = tmp_path / "out.toml"
        await pilot.press("e")
        assert isinstance(app.screen, ExportPath)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        data = tomllib.loads(target.read_text())
        assert data["desired"]["linkedin"]["ai_training"] == "off"
        assert data["results"]["linkedin"]["ai_training"]["state"] == "on"
        await app.action_quit()
