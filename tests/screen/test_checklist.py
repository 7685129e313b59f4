"""The checklist's grouping, filter, folding, by-hand marks and per-blog rows.

A small plugin defined here has one by-hand setting and one setting kept per
blog, so these tests do not depend on which platforms are installed; an engine that keeps
the account's states in memory reads and changes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, ProgressBar
from textual.worker import WorkerCancelled

from automation.domain.settings import Discovery, Kind, Setting, State, Switch
from automation.engine.runtime import Runtime
from automation.files.config import parse
from automation.plugin import Plugin
from automation.plugins.linkedin import LinkedIn
from automation.records.marks import Marks
from tests import fake_engine
from tests.checklist_view import PLATFORM_ROW, Notices, cell, row_keys
from tests.fake_engine import FakeEngine, fake
from tui.app import PrivacyApp
from tui.dialogs import Confirm, ExportPath

SIZE = (140, 45)


class Blogs(Plugin):
    name = "blogs"
    title = "Blogs"
    default_origin = "http://127.0.0.1:9"
    order = 50
    login_paths = ("/login",)
    session_cookies = ("blog_session",)
    settings = (
        Setting(
            platform="blogs",
            key="sharing",
            label="Prevent third-party sharing",
            description="Keeps partners from getting a blog's posts.",
            url="http://127.0.0.1:9/settings/blog/{name}",
            recommended=State.ON,
            manual_steps=("Open the blog's settings.", "Switch it on."),
            switch=Switch(
                path="/settings/blog/{name}",
                names=("Prevent third-party sharing",),
                role="checkbox",
            ),
            per=Discovery(
                "/settings/blogs", 'a[href^="/settings/blog/"]', r"/blog/(?P<name>[a-z-]+)$"
            ),
        ),
        Setting(
            platform="blogs",
            key="objection",
            label="Object to AI training",
            description="A form only you can send.",
            url="https://example.org/object",
            recommended=State.OFF,
            kind=Kind.MANUAL,
            manual_steps=("Open the form.", "Send it."),
        ),
    )


@pytest.fixture
def runtime(tmp_path: Path) -> Runtime:
    plugins = [LinkedIn(fake_engine.ORIGIN), Blogs(fake_engine.ORIGIN)]
    states, _ = fake_engine.demo_account(plugins[:1])
    states |= {"blogs.sharing@art": State.OFF, "blogs.sharing@notes": State.OFF}
    # Each step takes a moment, as a page would: the check is seen under way.
    engine = FakeEngine(plugins, states, blogs={"blogs": ["art", "notes"]}, delay=0.02)
    return fake_engine.runtime(engine, marks=Marks(tmp_path / "marks.toml"))


async def settle(app: PrivacyApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_groups_blogs_marks_filter_and_folding(runtime: Runtime, tmp_path: Path) -> None:
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(1000):
            if app.model.busy:
                break
            await pilot.pause(0.01)
        assert app.query_one(ProgressBar).display, "a check of everything shows its progress"
        await settle(app, pilot)
        assert not app.query_one(ProgressBar).display

        keys = row_keys(app)
        # LinkedIn first, its AI-training setting the first row under it.
        assert keys[:2] == [PLATFORM_ROW + "linkedin", "linkedin.ai_training"]
        # The per-blog setting became one row per blog found on the account.
        assert "blogs.sharing" not in keys
        assert {"blogs.sharing@art", "blogs.sharing@notes"} <= set(keys)
        assert app.model.readings["blogs.sharing@art"].state is State.OFF
        assert "(art)" in app.model.settings["blogs.sharing@art"].label
        # Group headers carry the sign-in state and the count as the person wants.
        assert cell(app, PLATFORM_ROW + "linkedin", "state") == "signed in"
        assert cell(app, PLATFORM_ROW + "blogs", "wish") == "0/2 ✓"

        # A by-hand setting is never read and is marked by the user, not by a reading.
        assert "blogs.objection" not in app.model.readings
        assert cell(app, "blogs.objection", "state") == "by hand"
        app.checklist.move_cursor(row=keys.index("blogs.objection"))
        await pilot.press("space")
        assert not isinstance(app.screen, Confirm)
        await pilot.press("m")
        assert cell(app, "blogs.objection", "state") == "✓ marked by you"
        assert "blogs.objection" in Marks(tmp_path / "marks.toml")
        assert "1 of 1 by-hand step marked done" in str(app.query_one("#summary").render())

        # Writing one blog's copy changes that blog only.
        app.checklist.move_cursor(row=row_keys(app).index("blogs.sharing@art"))
        await pilot.press("space", "y")
        await settle(app, pilot)
        states = fake(runtime).states
        assert states["blogs.sharing@art"] is State.ON
        assert states["blogs.sharing@notes"] is State.OFF
        assert cell(app, PLATFORM_ROW + "blogs", "wish") == "1/2 ✓"

        # The export carries the mark and the per-blog rows, and loads back.
        target = tmp_path / "out.toml"
        await pilot.press("e")
        assert isinstance(app.screen, ExportPath)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        data = tomllib.loads(target.read_text())
        assert "objection" in data["marks"]["blogs"]
        assert data["desired"]["blogs"]["sharing@art"] == "on"
        assert data["results"]["blogs"]["sharing@art"]["state"] == "on"
        catalog = {p.name: {s.key for s in p.settings} for p in runtime.plugins}
        loaded = parse(target.read_text(), catalog)
        assert "blogs.objection" in loaded.marks
        assert loaded.desired["blogs.sharing@art"] is State.ON

        # The filter keeps the rows that match, with their platform's header.
        await pilot.press("slash")
        await pilot.press(*"gender")
        assert row_keys(app) == [PLATFORM_ROW + "linkedin", "linkedin.ads_gender"]
        await pilot.press("enter", "escape")
        assert len(row_keys(app)) == len(keys)

        # Folding a platform hides its rows and keeps its header.
        app.checklist.move_cursor(row=row_keys(app).index("linkedin.research"))
        await pilot.press("c")
        assert [k for k in row_keys(app) if k.startswith("linkedin.")] == []
        assert cell(app, PLATFORM_ROW + "linkedin", "label").startswith("▸")
        await pilot.press("c")
        assert "linkedin.research" in row_keys(app)

        # Unmarking takes the mark back.
        app.checklist.move_cursor(row=row_keys(app).index("blogs.objection"))
        await pilot.press("m")
        assert cell(app, "blogs.objection", "state") == "by hand"
        assert "blogs.objection" not in Marks(tmp_path / "marks.toml")
        await app.action_quit()


def summary_text(app: PrivacyApp) -> str:
    return str(app.query_one("#summary").render())


@pytest.mark.parametrize("answer", ["n", "y"])
async def test_a_preset_over_per_blog_rows_leaves_nothing_busy(
    runtime: Runtime, answer: str
) -> None:
    """After a preset's re-read (answered yes or no) no row stays busy, and u and p work."""
    app = PrivacyApp(runtime, demo=True)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(app, pilot)
        assert "blogs.sharing@art" in row_keys(app)
        await pilot.press("p", "enter")  # the recommended preset: reads every setting
        await settle(app, pilot)
        assert isinstance(app.screen, Confirm)
        assert "Prevent third-party sharing (art): [b]off[/b] → [b]on[/b]" in app.screen.question
        await pilot.press(answer)
        await settle(app, pilot)
        assert app.model.busy == {}
        assert "working on" not in summary_text(app)
        assert not app.query_one(ProgressBar).display
        changed = State.ON if answer == "y" else State.OFF
        states = fake(runtime).states
        assert (states["blogs.sharing@art"], states["blogs.sharing@notes"]) == (changed, changed)
        assert row_keys(app).count("blogs.sharing@art") == 1  # listed again, not added twice

        await pilot.press("u")
        await settle(app, pilot)
        waiting = [n for n in notices if "Wait until" in n.message]
        assert waiting == []
        if changed is State.ON:
            assert isinstance(app.screen, Confirm) and "Undo" in app.screen.question
            await pilot.press("n")
            await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert not any("Wait until" in n.message for n in notices)
        await pilot.press("escape")
        await app.action_quit()


async def test_rows_of_work_that_was_stopped_are_not_left_busy(runtime: Runtime) -> None:
    """Work cancelled half-way releases the rows it had marked, keeping their last reading."""
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = dict(app.model.readings)
        # The engine holds every step: the read is under way when it is stopped.
        fake(runtime).gate = asyncio.Event()
        await pilot.press("R")
        for _ in range(1000):
            if app.model.busy:
                break
            await pilot.pause(0.01)
        assert app.model.busy
        app.workers.cancel_group(app, "engine")
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.model.busy == {}
        assert "working on" not in summary_text(app)
        # A row that was not read again still shows what was read before.
        assert all(app.model.readings[i].state is before[i].state for i in before)
        await app.action_quit()
