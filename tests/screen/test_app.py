"""The terminal app driven by Textual's pilot: with the real engine on the replica sites
where the engine is the point (the first readings, a switch read back, a capture, the
browser's life), and on an engine that keeps the account's states in memory where the
screen is (keys, reading again, exports)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from automation.domain.settings import Kind, Reading, Setting, State
from automation.engine.core import Engine
from automation.engine.runtime import Runtime
from automation.files.config import parse
from automation.files.config_types import Config
from automation.page.shapes import SwitchPage
from automation.page.waits import Waits
from automation.plugins.linkedin import LinkedIn
from automation.replicas import ReplicaServer
from tests.checklist_view import Notices, cell, highlighted
from tests.demo import account
from tests.fake_engine import fake
from tests.processes import browsers_below, cmdline, descendants
from tui.app import PrivacyApp
from tui.dialogs import Confirm, ExportPath

AI = "linkedin.ai_training"
SIZE = (140, 40)


browser = pytest.mark.browser


@pytest.fixture
def runtime(linkedin_demo: Runtime) -> Runtime:
    return linkedin_demo


@pytest.fixture
def shown(fake_linkedin: Runtime) -> Runtime:
    """The demo's LinkedIn rows on the in-memory engine."""
    return fake_linkedin


def state_cell(app: PrivacyApp, setting_id: str) -> str:
    return cell(app, setting_id, "state")


def detail_text(app: PrivacyApp) -> str:
    return str(app.query_one("#detail", Static).render())


async def settle(app: PrivacyApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def drivers() -> set[int]:
    return {p for p in descendants(os.getpid()) if "run-driver" in cmdline(p)}


@browser
async def test_the_real_engine_fills_the_rows_in_the_apps_own_browser_and_quit_closes_it(
    runtime: Runtime,
) -> None:
    """Every row starts unread, then shows what the browser read from the replica.

    Playwright starts inside the running app with a real stderr: inside Textual,
    sys.stderr has no file descriptor, and were the driver given the -1 Textual reports,
    asyncio would hand it a pipe that no one reads, and the driver would stall once that
    pipe filled. q closes every context and the browser: no Chromium outlives the app.
    """
    account(runtime).settings["research"] = False
    others = drivers()  # left running by other tests in this process
    other_browsers = set(browsers_below())
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # The rows fill with the states read by the engine.
        assert app.model.readings[AI].state is State.ON
        assert app.model.readings["linkedin.research"].state is State.OFF
        assert state_cell(app, AI) == "on ✗"
        assert state_cell(app, "linkedin.research") == "off ✓"
        summary = str(app.query_one("#summary", Static).render())
        readable = [s for s in runtime.settings if s.kind is not Kind.MANUAL]
        assert f"1 of {len(readable)} settings as you want" in summary

        # Playwright's driver started inside the app, writing to the log file.
        started = sorted(drivers() - others)
        assert len(started) == 1, f"the app's Playwright driver among {started}"
        stderr = os.readlink(f"/proc/{started[0]}/fd/2")
        assert stderr == str(runtime.log_path), f"the driver's stderr is {stderr}"

        # Quitting closes the browser.
        assert set(browsers_below()) - other_browsers, "the browser should run while the app does"
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running, "q quit the app"
    assert set(browsers_below()) <= other_browsers, "a browser outlived the app"


async def test_ai_training_is_the_first_row_and_keys_move(shown: Runtime) -> None:
    """The cursor starts on LinkedIn's AI setting; j/k and the arrows move it."""
    app = PrivacyApp(shown, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert highlighted(app) == AI
        assert "Data for Generative AI Improvement" in detail_text(app)
        await pilot.press("j")
        assert highlighted(app) == "linkedin.research"
        assert "Social, economic and workplace research" in detail_text(app)
        await pilot.press("down", "down")
        assert highlighted(app) == "linkedin.ads_third_party_data"
        await pilot.press("k", "up", "k")
        assert highlighted(app) == AI
        steps = detail_text(app)
        assert "Use my data for training content creation AI models" in steps
        assert "Switch is on (found by its id" in steps
        await app.action_quit()


async def test_no_switch_when_the_state_is_not_known(shown: Runtime) -> None:
    """A row that is not on/off (here: the switch is missing) is never flipped."""
    fake(shown).states[AI] = State.UNKNOWN
    app = PrivacyApp(shown, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.UNKNOWN
        await pilot.press("space")
        assert not isinstance(app.screen, Confirm)
        assert fake(shown).saves == []
        await app.action_quit()


async def test_read_again_picks_up_a_change_made_elsewhere(shown: Runtime) -> None:
    """r reads the row again: a change made behind the app's back shows up."""
    app = PrivacyApp(shown, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.ON
        fake(shown).states[AI] = State.OFF
        await pilot.press("r")
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.OFF
        fake(shown).states["linkedin.research"] = State.OFF
        await pilot.press("R")
        await settle(app, pilot)
        assert app.model.readings["linkedin.research"].state is State.OFF
        await app.action_quit()


async def export_to(app: PrivacyApp, pilot, path: Path) -> None:
    await pilot.press("e")
    assert isinstance(app.screen, ExportPath)
    field = app.screen.query_one(Input)
    assert Path(field.value).is_absolute()  # the default, or the last path
    field.value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_export_writes_a_config_with_desired_and_results(
    shown: Runtime, tmp_path: Path
) -> None:
    """e exports [desired] and [results]; an existing file is replaced only when confirmed."""
    target = tmp_path / "mine.toml"
    app = PrivacyApp(shown, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "y")
        await settle(app, pilot)
        await export_to(app, pilot, target)
        data = tomllib.loads(target.read_text())
        assert data["desired"]["linkedin"]["ai_training"] == "off"
        assert data["results"]["linkedin"]["ai_training"]["state"] == "off"
        assert data["results"]["linkedin"]["research"]["state"] == "on"
        catalog = {p.name: {s.key for s in p.settings} for p in shown.plugins}
        assert parse(target.read_text(), catalog).desired[AI] is State.OFF

        target.write_text("# keep me\n")
        await export_to(app, pilot, target)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert target.read_text() == "# keep me\n"
        assert isinstance(app.screen, ExportPath), "back to the path, to choose another"
        await pilot.press("escape")
        await export_to(app, pilot, target)
        await pilot.press("y")
        await pilot.pause()
        assert "[desired.linkedin]" in target.read_text()
        await app.action_quit()


async def test_export_to_an_unwritable_place_keeps_everything(
    shown: Runtime, tmp_path: Path
) -> None:
    """An export that cannot be written says why in its dialog, which stays open with
    the path as typed; readings and the app stay."""
    app = PrivacyApp(shown, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = dict(app.model.readings)
        await export_to(app, pilot, tmp_path / "no-such-folder" / "out.toml")
        assert isinstance(app.screen, ExportPath)
        assert app.screen.query_one(Input).value == str(tmp_path / "no-such-folder" / "out.toml")
        assert "does not exist" in str(app.screen.query_one("#problem", Static).render())
        await pilot.press("escape")
        assert app.model.readings == before
        assert app.is_running
        assert not (tmp_path / "no-such-folder").exists()
        await app.action_quit()


class BrokenPage(SwitchPage):
    """A page object with a bug in one read."""

    async def read(self, setting: Setting) -> Reading:
        if setting.key == "research":
            raise RuntimeError("plugin bug")
        return await super().read(setting)


class BrokenLinkedIn(LinkedIn):
    """A plugin whose page class has a bug in one read."""

    page_class = BrokenPage


@browser
async def test_a_plugin_exception_is_that_rows_error(
    make_engine, replica: ReplicaServer, tmp_path: Path
) -> None:
    """A plugin that raises turns its row into `error`; the other rows still read."""
    broken = BrokenLinkedIn(replica.origins["linkedin"])
    engine = make_engine(broken)
    runtime = Runtime(
        Config(), [broken], engine, log_path=tmp_path / "app.log", only=[AI, "linkedin.research"]
    )
    app = PrivacyApp(runtime)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.model.readings["linkedin.research"].state is State.ERROR
        assert "plugin bug" in app.model.readings["linkedin.research"].detail
        assert app.model.readings[AI].state is State.ON
        assert app.is_running
        await app.action_quit()


@browser
async def test_a_switch_is_read_back_and_capital_c_keeps_a_capture(runtime: Runtime) -> None:
    """Space asks; "no" changes nothing; "yes" switches off, read back from a fresh load.

    Then C reads the row again, keeps a redacted capture of its page, says where, and the
    detail pane tells what to do with it; an unknown reading keeps one by itself.
    """
    app = PrivacyApp(runtime, demo=True)
    seen: list[str] = []
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(app, pilot)
        await pilot.press("space")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(app, pilot)
        assert account(runtime).settings["ai_training"] is True
        assert runtime.demo is not None
        assert runtime.demo.sites["linkedin"].saves == []

        unsubscribe = app.engine.subscribe(lambda e: seen.append(type(e).__name__))
        await pilot.press("space")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        shown = []
        for _ in range(500):
            shown.append(state_cell(app, AI))
            if "changing" in shown[-1] or (
                AI not in app.model.busy and app.model.readings[AI].state is State.OFF
            ):
                break
            await pilot.pause(0.01)
        assert "changing" in shown[-1], shown
        await settle(app, pilot)
        unsubscribe()
        assert seen == ["Changing", "Changed"]
        assert account(runtime).settings["ai_training"] is False
        assert app.model.readings[AI].state is State.OFF
        assert "read back as off" in app.model.readings[AI].detail
        assert state_cell(app, AI) == "off ✓"
        assert app.model.desired[AI] is State.OFF

        # The capture key, on the row just switched.
        assert highlighted(app) == AI
        assert app.model.readings[AI].capture is None, "a read-back keeps no capture"
        await pilot.press("C")
        await settle(app, pilot)
        kept = app.model.readings[AI].capture
        assert kept is not None and Path(kept).exists(), "C kept a capture"
        assert any(f"Kept in {kept}" in n.message for n in notices)
        assert f"privacy-tui capture --show {kept}" in " ".join(detail_text(app).split())

        account(runtime).hidden.add("research")
        # The row's switch is gone: given up on sooner.
        assert isinstance(app.engine, Engine)
        app.engine.options.waits = Waits.short()
        await pilot.press("j", "r")
        await settle(app, pilot)
        unknown = app.model.readings["linkedin.research"]
        assert unknown.state is State.UNKNOWN and unknown.capture is not None, unknown
        assert "capture --show" in " ".join(detail_text(app).split())
        await app.action_quit()
