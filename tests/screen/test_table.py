"""The checklist's table and the footer on their own (no browser): an update draws only
the rows it changed, the cursor follows keys and clicks, and a click in the footer does
what its key does."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.message import Message
from textual.strip import Strip

from automation.domain import events
from automation.domain.settings import Reading, State
from automation.plugins.linkedin import LinkedIn
from automation.plugins.tumblr import Tumblr
from tests.screen.test_snapshots import ORIGIN, fixed_app, settle
from tui.dialogs import Confirm, ExportPath, Help
from tui.model import ChecklistModel, PlatformRow, SettingRow
from tui.widgets.checklist import Checklist
from tui.widgets.footer import KeysFooter


class CountedChecklist(Checklist):
    """The checklist, noting the lines the screen asks it to draw."""

    def __init__(self, model: ChecklistModel) -> None:
        super().__init__(model)
        self.drawn: list[int] = []

    def render_line(self, y: int) -> Strip:
        self.drawn.append(y)
        return super().render_line(y)


class Table(App[None]):
    def __init__(self, model: ChecklistModel) -> None:
        super().__init__()
        self.model = model
        self.told: list[Message] = []

    def compose(self) -> ComposeResult:
        yield CountedChecklist(self.model)

    def on_mount(self) -> None:
        table = self.query_one(Checklist)
        table.fit_columns()
        table.focus()

    def on_line_table_highlighted(self, message: Checklist.Highlighted) -> None:
        self.told.append(message)

    def on_line_table_selected(self, message: Checklist.Selected) -> None:
        self.told.append(message)


def model() -> ChecklistModel:
    settings = [s for p in (LinkedIn(ORIGIN), Tumblr(ORIGIN)) for s in p.settings]
    known = {s.id: s for s in settings}
    return ChecklistModel(
        settings,
        titles={},
        desired=lambda s: s.recommended,
        lookup=lambda setting_id: known[setting_id],
    )


async def test_a_reading_draws_its_rows_again_and_no_other() -> None:
    checklist = model()
    app = Table(checklist)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(CountedChecklist)
        await pilot.pause()
        setting = table.rows_shown()[3]
        assert isinstance(setting, SettingRow)
        y = 3 + 1 - round(table.scroll_y)  # below the header

        table.drawn.clear()
        checklist.apply(events.Read(Reading(setting.setting_id, State.OFF, "Switch is off.")))
        table.update_cells()
        await pilot.pause()
        assert set(table.drawn) == {1, y}, "the row, and its platform's row with the count"
        assert str(table.cell(setting, "state")).startswith("off")

        table.drawn.clear()
        table.update_cells()  # nothing changed: nothing is drawn
        await pilot.pause()
        assert table.drawn == []

        # A turn of the spinner draws the busy row only.
        checklist.apply(events.Checking(setting.setting_id), object())
        table.update_cells()
        await pilot.pause()
        table.drawn.clear()
        table.spin()
        await pilot.pause()
        assert set(table.drawn) == {y}


async def test_the_cursor_follows_keys_and_clicks_and_stays_in_sight() -> None:
    app = Table(model())
    async with app.run_test(size=(100, 12)) as pilot:
        table = app.query_one(Checklist)
        await pilot.pause()
        rows = table.rows_shown()
        assert table.highlighted() == rows[1], "the first setting's row to start with"
        page = table.scrollable_content_region.height - 1  # the rows under the header

        await pilot.press("pagedown")
        assert table.cursor_row == 1 + page
        await pilot.press("end")
        await pilot.pause()
        assert table.highlighted() == rows[-1]
        # The last row is on screen, in the table's last line.
        assert table.scroll_y == table.max_scroll_y > 0
        await pilot.press("pageup")
        assert table.cursor_row == len(rows) - 1 - page
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0

        # A click puts the cursor on a row; a click on the row under the cursor chooses it.
        app.told.clear()
        await pilot.click(Checklist, offset=(5, 3))  # the third row, below the header
        assert table.highlighted() == rows[2]
        await pilot.click(Checklist, offset=(5, 1))
        assert table.highlighted() == rows[0]
        await pilot.click(Checklist, offset=(5, 1))
        await pilot.pause()
        told = [(type(m).__name__, getattr(m, "row", None)) for m in app.told]
        assert told == [
            ("Highlighted", rows[2]),
            ("Highlighted", rows[0]),
            ("Selected", PlatformRow("linkedin")),
        ]
        await pilot.click(Checklist, offset=(5, 0))  # the header chooses nothing
        assert table.highlighted() == rows[0]


async def test_a_click_on_a_key_in_the_footer_does_what_the_key_does() -> None:
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.query_one(KeysFooter)
        line = str(footer.render())
        await pilot.click(KeysFooter, offset=(line.index("? Help") + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, Help)
        await pilot.press("escape")
        await pilot.click(KeysFooter, offset=(line.index("e Export"), 0))
        await pilot.pause()
        assert isinstance(app.screen, ExportPath)
        await pilot.press("escape")
        await pilot.click(KeysFooter, offset=(line.index("e Export") - 1, 0))  # between keys
        await pilot.pause()
        assert not isinstance(app.screen, ExportPath | Help)


async def test_with_no_color_the_cursor_row_is_drawn_reversed() -> None:
    app = fixed_app()
    assert app.no_color  # set for every test
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.checklist
        cursor = table.cursor_row + 1 - round(table.scroll_y)
        for y in (cursor, cursor + 1):
            reversed_ = [bool(s.style and s.style.reverse) for s in table.render_line(y)]
            assert all(reversed_) if y == cursor else not any(reversed_), y


async def test_a_footer_taken_away_lets_late_news_of_keys_be() -> None:
    """The news of a dialog's keys may come after it is gone (the focus leaves it as it
    is taken away): its footer, gone with it, lets the news be."""
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("space")  # a setting that reads on: switch it off?
        assert isinstance(app.screen, Confirm)
        footer = app.screen.query_one(KeysFooter)
        await pilot.press("n")
        await pilot.pause()
        assert not footer.is_attached
        footer.read_bindings()
        assert app.screen is app.screen_stack[0]
