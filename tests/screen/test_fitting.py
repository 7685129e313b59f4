"""What the screen does with too little room: whole keys in the footer, a summary cut at a
word, labels cut in their middle, columns fitted again; and the small dialogs' manners.

No browser: the checklist is fed fixed readings (as in the snapshot tests).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from automation.domain import events
from automation.domain.settings import Setting
from automation.plugins.linkedin import LinkedIn
from automation.plugins.tumblr import Tumblr
from tests.screen.test_snapshots import ORIGIN, fixed_app, settle
from tui.app import PrivacyApp
from tui.model import ChecklistModel, SettingRow
from tui.widgets.checklist import Checklist
from tui.widgets.footer import KeysFooter


async def test_the_footer_shows_whole_keys_the_most_needed_first() -> None:
    """At 80x24 the footer leaves out whole keys, the least needed first, and shows
    switching, presets, export, undo, help and quit whole; no key is cut in half."""
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.query_one(KeysFooter)
        shown = footer.shown()
        actions = {k.action for k in shown}
        assert {"switch", "preset", "export", "undo", "help", "quit"} <= actions
        line = str(footer.render())
        assert len(line) <= footer.size.width
        for key in shown:
            assert f"{key.shown} {key.description}" in line, key.action
        words = " ".join(f"{k.shown} {k.description}" for k in footer.offered())
        for key in footer.offered():
            if key not in shown:
                assert f"{key.shown} {key.description}" not in line, key.action
        assert words not in line and len(shown) < len(footer.offered()), "keys left out at 80"
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        assert len(footer.shown()) > len(shown)


def summary_shown(app: PrivacyApp) -> tuple[str, str]:
    """The summary line's whole text, and what its width shows of it."""
    line = app.query_one("#summary", Static)
    content = line.content
    assert isinstance(content, Text)
    return content.plain, str(line.render())


async def test_the_summary_line_ends_at_a_whole_word_with_an_ellipsis() -> None:
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        whole, shown = summary_shown(app)
        assert shown == whole, "room for all of it at 80 columns"
        for width in (40, 34, 28, 20):
            await pilot.resize_terminal(width, 20)
            await pilot.pause()
            whole, shown = summary_shown(app)
            assert len(shown) <= app.query_one("#summary").content_size.width
            assert shown.endswith("…"), (width, shown)
            kept = shown.removesuffix("…").removesuffix(" · ").rstrip()
            assert whole.startswith(kept), (width, shown)
            assert whole[len(kept)] in " ·", f"cut in a word at {width}: {shown!r}"


class Table(App[None]):
    """The checklist alone, in a terminal of its own."""

    def __init__(self, model: ChecklistModel) -> None:
        super().__init__()
        self.model = model

    def compose(self) -> ComposeResult:
        yield Checklist(self.model)


def checklist_model() -> tuple[ChecklistModel, Setting]:
    settings = [s for p in (LinkedIn(ORIGIN), Tumblr(ORIGIN)) for s in p.settings]
    known = {s.id: s for s in settings}
    model = ChecklistModel(
        settings,
        titles={},
        desired=lambda s: s.recommended,
        lookup=lambda setting_id: known[setting_id],
    )
    template = next(s for s in settings if s.per is not None)
    return model, template


async def test_a_long_label_is_cut_in_its_middle_and_keeps_its_site_and_mark() -> None:
    """Blogs of one setting differ by their names only: a label too long for its
    column keeps the blog's name and the mark of a guess, and loses its middle."""
    model, template = checklist_model()
    blogs = [template.for_instance(n) for n in ("holiday-photos-2026", "holiday-recipes")]
    model.apply(events.Expanded(template.id, tuple(blogs)))
    app = Table(model)
    async with app.run_test(size=(70, 40)) as pilot:
        table = app.query_one(Checklist)
        await pilot.pause()
        table.lay_out()
        await pilot.pause()
        width = table.label_width()
        labels = [str(table.cell(SettingRow(b.id), "label")) for b in blogs]
        for blog, label in zip(blogs, labels, strict=True):
            assert len(label) <= width
            assert "…" in label, label
            name = blog.key.partition("@")[2]
            assert label.rstrip(" ?").endswith(f"({name})"), label
            assert label.endswith(" ?") == bool(blog.guessed), label
        assert labels[0] != labels[1]
        # A setting's name with a mark and no site keeps the mark.
        guessed = next(s for s in model.rows if s.guessed and "@" not in s.key)
        assert str(table.cell(SettingRow(guessed.id), "label")).endswith(" ?")


async def test_the_columns_fit_again_when_a_filter_is_cleared() -> None:
    """A filter that leaves a few rows takes the scrollbar away, and the filter line,
    put away, gives the table its room back while those rows are still shown; the
    rows coming back bring the scrollbar back, and the columns fit the table again."""
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.checklist

        def widths() -> list[int]:
            return [c.render_width for c in table.columns]

        before = widths()
        assert table.show_vertical_scrollbar
        await pilot.press("slash", *"gender")
        await pilot.pause()
        assert not table.show_vertical_scrollbar
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert table.show_vertical_scrollbar
        assert widths() == before
        assert sum(widths()) <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar
