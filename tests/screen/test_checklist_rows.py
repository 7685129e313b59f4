"""The checklist table on its own (no browser): rows that come in one place are drawn as
a table laid out anew would draw them."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.strip import Strip

from automation.domain import events
from automation.domain.settings import Reading, State
from automation.plugins.linkedin import LinkedIn
from automation.plugins.slack import Slack
from automation.plugins.tumblr import Tumblr
from tui.model import ChecklistModel
from tui.widgets.checklist import Checklist

ORIGIN = "http://127.0.0.1:9"


class Table(App[None]):
    def __init__(self, model: ChecklistModel) -> None:
        super().__init__()
        self.model = model

    def compose(self) -> ComposeResult:
        yield Checklist(self.model)


def model() -> ChecklistModel:
    settings = [s for p in (LinkedIn(ORIGIN), Tumblr(ORIGIN), Slack(ORIGIN)) for s in p.settings]
    known = {s.id: s for s in settings}
    return ChecklistModel(
        settings,
        titles={},
        desired=lambda s: s.recommended,
        lookup=lambda setting_id: known[setting_id],
    )


def drawn(table: Checklist) -> list[list[Strip]]:
    """The table's lines with the cursor on each row in turn."""
    seen = []
    for row in range(table.row_count):
        table.move_cursor(row=row)
        seen.append([table.render_line(y) for y in range(table.size.height)])
    return seen


async def test_a_per_blog_settings_rows_are_drawn_as_a_new_table_draws_them() -> None:
    checklist = model()
    template = next(s for s in checklist.rows if s.per is not None)
    app = Table(checklist)
    async with app.run_test(size=(100, 40)) as pilot:
        table = app.query_one(Checklist)
        await pilot.pause()
        for cursor in (0, table.row_count - 1):
            table.move_cursor(row=cursor)
            before = drawn(table)  # every row drawn, with the cursor anywhere
            table.move_cursor(row=cursor)
            checklist.apply(events.Checking(template.id), object())
            found = [template.for_instance(name) for name in ("art", "food")]
            checklist.apply(events.Expanded(template.id, tuple(found)))
            checklist.read(Reading(found[0].id, State.ON, "read"))
            table.lay_out()
            table.update_cells()
            await pilot.pause()
            assert table.rows_shown() == checklist.layout()
            kept = drawn(table)
            table.clear()
            table.lay_out()  # laid out anew
            await pilot.pause()
            assert drawn(table) == kept != before
            checklist.rows[checklist.rows.index(found[0]) : checklist.rows.index(found[1]) + 1] = [
                template
            ]
            table.lay_out()
            await pilot.pause()
