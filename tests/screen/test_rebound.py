"""A key rebound with Textual's keymap is the key the screen names: in messages, in the
detail pane's hints, in the help and in the footer (no browser)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tests.checklist_view import Notices, move_to
from tests.screen.test_snapshots import fixed_app, settle
from tui import keys
from tui.dialogs import Help
from tui.widgets.footer import KeysFooter

UNKNOWN = "linkedin.ads_inferred_location"  # reads unknown in the fixed app


def detail(app) -> str:
    return str(app.query_one("#detail", Static).render())


async def test_messages_hints_help_and_footer_name_a_rebound_key() -> None:
    app = fixed_app()
    notices = Notices()
    async with app.run_test(size=(140, 40), message_hook=notices) as pilot:
        await settle(pilot)
        # As bound by default: the help is the checklist's own.
        assert keys.key_for(app, "read") == "r" and keys.key_for(app, "quit") == "q"
        await pilot.press("question_mark")
        assert isinstance(app.screen, Help)
        assert str(app.screen.query(Static).first().render()) == str(Text.from_markup(keys.HELP))
        await pilot.press("escape")
        move_to(app, UNKNOWN)
        await pilot.press("space")
        assert any("Press r to read it again" in n.message for n in notices)

        app.update_keymap({"read": "g", "sign_in": "i", "mark": "M"})
        await pilot.pause()
        assert keys.key_for(app, "read") == "g"
        await pilot.press("space")
        said = [n.message for n in notices if "to read it again" in n.message]
        assert said[-1].endswith("Press g to read it again."), said

        # The footer and the help name the new keys; the old ones do nothing now.
        footer = app.query_one(KeysFooter)
        assert {k.action: k.key for k in footer.offered()}["read"] == "g"
        await pilot.press("question_mark")
        assert isinstance(app.screen, Help)
        shown = Text.from_markup(str(app.screen.query(Static).first().render())).plain
        assert "  g " in shown and "  i " in shown, shown
        assert "marked by you once you say so (M)" in shown
        await pilot.press("escape")

        # The detail pane's hints on a platform's row.
        move_to(app, "platform:linkedin")
        await pilot.pause()
        assert "i  sign in in a browser window" in detail(app)
        assert "l  sign in" not in detail(app)
