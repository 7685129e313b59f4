"""The checklist at any size and for any eye: layouts, dialogs, keys, palette, themes.

Driven by Textual's pilot on the demo's rows, read by an engine that keeps the account's
states in memory; what is checked
is what the screen shows (the regions widgets are drawn in, the text on screen).
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.command import CommandList, CommandPalette
from textual.widget import Widget
from textual.widgets import Button, Static

from automation import registry
from automation.domain.settings import State
from automation.engine.runtime import Runtime
from automation.files.config import catalog_of, load
from automation.plugins.linkedin import LinkedIn
from tests import fake_engine
from tests.checklist_view import PLATFORM_ROW, highlighted, row_keys
from tests.fake_engine import fake
from tui.app import PrivacyApp
from tui.dialogs import Confirm, ExportPath, Help, PresetChoice
from tui.keys import HELP
from tui.widgets.checklist import Checklist
from tui.widgets.footer import KeysFooter

AI = "linkedin.ai_training"
LINKEDIN_IDS = [s.id for s in LinkedIn.settings]


@pytest.fixture
def runtime(fake_linkedin: Runtime) -> Runtime:
    return fake_linkedin


async def settle(app: PrivacyApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, done, what: str, limit: float = 120) -> None:
    async with asyncio.timeout(limit):
        while not done():
            await pilot.pause(0.05)
    assert done(), what


async def reaches(pilot, key: str, there: Callable[[], bool], presses: int = 10) -> bool:
    """Press ``key`` until ``there()`` holds, at most ``presses`` times, a second apart."""
    for _ in range(presses):
        await pilot.press(key)
        for _ in range(10):
            await pilot.pause(0.1)
            if there():
                return True
    return False


def screen_lines(app: PrivacyApp) -> list[str]:
    """The terminal's text as a person sees it, line by line (dialogs over the checklist),
    read from a screenshot: each piece of text sits at its column."""
    width, height = app.size
    lines = [[" "] * width for _ in range(height)]
    svg = app.export_screenshot()
    # Rich draws a column 0.61 of its 20px font wide.
    for x, line, text in re.findall(
        r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>', svg
    ):
        column = round(float(x) / 12.2)
        for offset, character in enumerate(html.unescape(text).replace("\xa0", " ")):
            if column + offset < width:
                lines[int(line)][column + offset] = character
    return ["".join(line) for line in lines]


def visible(app: PrivacyApp, widget: Widget) -> bool:
    """Whether ``widget`` is on screen and not covered: what is drawn at its middle is it."""
    region = widget.region
    if not region or not app.screen.region.contains_region(region):
        return False
    try:
        x, y = region.center
        found, _ = app.screen.get_widget_at(int(x), int(y))
    except Exception:
        return False
    return found is widget or widget in found.ancestors


def footer_keys(app: PrivacyApp) -> dict[str, str]:
    """The keys the footer of the screen on top shows, with their words."""
    return {key.key: key.description for key in app.screen.query_one(KeysFooter).shown()}


# -- 11. long confirmations --------------------------------------------------------------


async def test_a_preset_of_every_setting_scrolls_and_keeps_its_buttons(
    fake_whole: Runtime,
) -> None:
    """The recommended preset on the whole demo lists some 35 changes: at 80x24 and
    at 140x45 its buttons and keys stay in sight, and scrolling reaches the last one."""
    app = PrivacyApp(fake_whole, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        assert isinstance(app.screen, PresetChoice)
        assert footer_keys(app).get("enter") == "Apply"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, Confirm), "the confirmation")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Confirm)
        step = r"^ {2}(.+): \[b\](?:on|off)\[/b\] → \[b\](?:on|off)\[/b\]$"
        changes = re.findall(step, dialog.question, re.M)
        # 35 when every platform's replica reads (a slow machine may miss one).
        assert len(changes) >= 30, dialog.question

        # The body ends with the changes, or with what is left alone after them (by-hand
        # steps, and on a slow machine settings not read): End must reach its last line.
        # A long line wraps in a narrow dialog: its beginning is on one line.
        lines = [Text.from_markup(line).plain.strip() for line in dialog.question.splitlines()]
        first, last = changes[0][:30], [line for line in lines if line][-1][:30]

        def shows(text: str) -> bool:
            return any(text in line for line in screen_lines(app))

        for size in ((80, 24), (140, 45)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            for button in dialog.query(Button):
                assert visible(app, button), f"{button.label} hidden at {size}"
            keys = footer_keys(app)
            assert keys.get("y") == "Change" and keys.get("n") == "Cancel", keys
            assert "pagedown" in keys, "a list longer than the screen offers scrolling"
            # End scrolls to the end of what is laid out so far; on a busy machine the
            # dialog's long text may still be being laid out, and a person presses End
            # again. It must get there within a few presses.
            for key, text in (("end", last), ("home", first)):
                if not await reaches(pilot, key, partial(shows, text)):
                    screen = "\n".join(screen_lines(app))
                    pytest.fail(f"{key} never showed {text!r} at {size}; on screen:\n{screen}")
            assert not shows(last)

        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert fake(fake_whole).saves == []
        await app.action_quit()


async def test_every_dialog_shows_its_own_keys_and_fits_a_small_terminal(
    runtime: Runtime,
) -> None:
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await pilot.press("space")
        assert isinstance(app.screen, Confirm)
        assert footer_keys(app) == {"y": "Switch off", "n": "Cancel"}
        assert all(visible(app, b) for b in app.screen.query(Button))
        await pilot.press("n")

        await pilot.press("e")
        assert isinstance(app.screen, ExportPath)
        assert footer_keys(app) == {"enter": "Export", "escape": "Cancel"}
        await pilot.press("escape")

        await pilot.press("question_mark")
        assert isinstance(app.screen, Help)
        keys = footer_keys(app)
        assert keys["escape"] == "Close" and keys["pagedown"] == "Scroll"
        await pilot.press("end")
        await pilot.pause()
        assert any("fresh load of the page" in line for line in screen_lines(app))
        await pilot.press("escape")
        assert not isinstance(app.screen, Help)
        await app.action_quit()


# -- 12. narrow and small terminals -----------------------------------------------------------


def row_line(app: PrivacyApp, text: str) -> str:
    """The checklist's line holding ``text`` (the left pane's part when side by side)."""
    lines = (line.split("││")[0] for line in screen_lines(app))
    return next((line for line in lines if text in line), "")


async def test_layouts_follow_the_terminals_size_live(runtime: Runtime) -> None:
    """Side by side when wide; the detail pane below at 80x24 and the state column in
    sight; at 60x20 the pane leaves room for the checklist (d brings it back), labels
    end in an ellipsis and the state still shows."""
    fake(runtime).states["linkedin.research"] = State.OFF
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        table, pane = app.checklist, app.query_one("#detail-pane")
        assert pane.region.x > table.region.x and pane.region.y == table.region.y
        assert "on ✗" in row_line(app, "Data for Generative AI Improvement")
        assert "You want" in row_line(app, "Setting")

        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pane.display and pane.region.y > table.region.y
        assert pane.region.x == table.region.x
        assert "on ✗" in row_line(app, "Data for Generative AI Improvement")
        assert "off ✓" in row_line(app, "Social, economic and workplace research")
        assert table.virtual_size.width <= table.scrollable_content_region.width

        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not pane.display
        line = row_line(app, "Social, economic")
        assert "…" in line and "off ✓" in line, line
        assert "on ✗" in row_line(app, "Data for Generative AI")
        assert table.virtual_size.width <= table.scrollable_content_region.width
        await pilot.press("j")
        assert highlighted(app) == "linkedin.research"
        await pilot.press("d")
        await pilot.pause()
        assert pane.display and pane.region.y > table.region.y
        assert "Social, economic and workplace research" in str(
            app.query_one("#detail", Static).render()
        )
        await pilot.press("d")
        await pilot.pause()
        assert not pane.display

        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        assert not pane.display, "d's choice stands until d again"
        await pilot.press("d")
        await pilot.pause()
        assert pane.display and pane.region.x > table.region.x
        await app.action_quit()


# -- 13. keys -----------------------------------------------------------------------------------


async def test_home_and_end_go_to_the_first_and_last_row(runtime: Runtime) -> None:
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        table = app.checklist
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        assert highlighted(app) == LINKEDIN_IDS[-1]
        await pilot.press("home")
        assert table.cursor_row == 0
        assert highlighted(app) == PLATFORM_ROW + "linkedin"
        await app.action_quit()


#: How the help writes a key Textual names otherwise.
WRITTEN = {
    "space": "space",
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "ctrl+c": "Ctrl+C",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "enter": "Enter",
}


def bindings(*declared: Binding | tuple[str, ...]) -> list[Binding]:
    """The app's key bindings, each declared as a ``Binding`` (never a bare tuple)."""
    assert all(isinstance(binding, Binding) for binding in declared), declared
    return [binding for binding in declared if isinstance(binding, Binding)]


def test_help_lists_every_key() -> None:
    """Every key the checklist binds is in the help's key column, and so is the palette's."""
    column = [line[:16] for line in HELP.splitlines() if line.startswith("  ")]
    keys = {
        key.strip()
        for binding in bindings(*PrivacyApp.BINDINGS, *Checklist.BINDINGS)
        for key in binding.key.split(",")
    }
    keys |= {"up", "down", "pageup", "pagedown", "enter"}  # the table's own moves
    for key in sorted(keys):
        written = WRITTEN.get(key, key)
        assert any(re.search(rf"(^|\s){re.escape(written)}(\s|$)", c) for c in column), key
    assert any("Ctrl+P" in c for c in column)


async def test_the_footer_keeps_help_and_quit_in_sight_when_narrow(runtime: Runtime) -> None:
    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        keys = footer_keys(app)
        assert keys["question_mark"] == "Help" and keys["q"] == "Quit"
        assert "? Help" in screen_lines(app)[-1] and "q Quit" in screen_lines(app)[-1]
        await app.action_quit()


# -- 14. palette, themes, colour ----------------------------------------------------------------


async def palette_run(app: PrivacyApp, pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette opens")
    await pilot.press(*query)
    palette = app.screen
    found = palette.query_one(CommandList)
    await until(pilot, lambda: found.option_count > 0, "the palette finds it", limit=20)
    await pilot.pause(0.3)
    await pilot.press("down", "enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "it runs")


async def test_the_palette_offers_every_action_and_every_setting(runtime: Runtime) -> None:
    from tui.palette import commands

    app = PrivacyApp(runtime, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        offered = {name for name, _, _ in commands(app)}
        for binding in bindings(*PrivacyApp.BINDINGS):
            if binding.action not in ("cursor_down", "cursor_up"):
                assert binding.description in offered, binding.action
        for setting in runtime.settings:
            assert f"Go to {setting.label} (LinkedIn)" in offered

        await palette_run(app, pilot, "Interests and traits")
        assert highlighted(app) == "linkedin.ads_interests"
        await palette_run(app, pilot, "Export")
        assert isinstance(app.screen, ExportPath)
        await pilot.press("escape")
        await app.action_quit()


async def test_the_config_chooses_a_light_theme(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[display]\ntheme = "light"\n')
    config = load(path, catalog_of(registry.load()[0]), required=True)
    _, built = fake_engine.demo(LINKEDIN_IDS, config=config)
    app = PrivacyApp(built, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-light"
        assert not app.current_theme.dark
        assert app.screen.styles.background.brightness > 0.5
        await app.action_quit()


def shown_segments(app: PrivacyApp, row_key: str) -> list[Segment]:
    """A row's segments as the terminal gets them, after the app's filters (NO_COLOR's)."""
    table = app.checklist
    y = row_keys(app).index(row_key) + 1 - round(table.scroll_y)  # below the header
    segments = list(table.render_line(y))
    for line_filter in app.get_line_filters():
        segments = line_filter.apply(segments, Color.parse("black"))
    return segments


def contrast(segment: Segment) -> float:
    style = segment.style
    assert style is not None and style.color is not None and style.bgcolor is not None
    fg = Color.from_rich_color(style.color).brightness
    bg = Color.from_rich_color(style.bgcolor).brightness
    return abs(fg - bg)


def segment_with(segments: list[Segment], text: str) -> Segment:
    return next(s for s in segments if s.text.strip() == text)


async def test_with_no_color_a_cross_stands_out_as_much_as_a_tick(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR (set for every test): ✗ and its value are bold and as bright as ✓."""
    fake(runtime).states["linkedin.research"] = State.OFF
    app = PrivacyApp(runtime, demo=True)
    assert app.no_color
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.checklist.move_cursor(row=0)  # the cursor row is drawn reversed
        await pilot.pause()
        cross = segment_with(shown_segments(app, AI), "on ✗")
        tick = segment_with(shown_segments(app, "linkedin.research"), "off ✓")
        assert cross.style is not None
        assert cross.style.bold
        assert contrast(cross) >= contrast(tick) - 0.05, (contrast(cross), contrast(tick))
        assert contrast(cross) > 0.4
        await app.action_quit()


async def test_on_and_off_are_coloured_by_the_recommendation(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    fake(runtime).states["linkedin.research"] = State.OFF
    app = PrivacyApp(runtime, demo=True)
    assert not app.no_color
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.ON
        app.checklist.move_cursor(row=0)
        await pilot.pause()
        bad = segment_with(shown_segments(app, AI), "on ✗")
        good = segment_with(shown_segments(app, "linkedin.research"), "off ✓")
        assert bad.style is not None and good.style is not None
        red = Color.from_rich_color(bad.style.color)
        green = Color.from_rich_color(good.style.color)
        assert red.r > red.g and bad.style.bold, red
        assert green.g > green.r and not good.style.bold, green
        await app.action_quit()
