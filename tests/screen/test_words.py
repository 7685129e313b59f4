"""Human words on screen: states as people say them, and nouns singular or plural."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text

from automation.domain import events
from automation.domain.settings import Reading, State
from automation.plugins.linkedin import LinkedIn
from automation.plugins.slack import Slack
from automation.records.history import History
from tui import history_view, view
from tui.model import ChecklistModel
from tui.words import count, said

ORIGIN = "http://127.0.0.1:9"
AT = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def test_states_and_counts_in_words() -> None:
    assert said(State.NEEDS_LOGIN) == "needs login"
    assert said("by_hand") == "by hand" and said("marked_done") == "marked done"
    assert said(State.OFF) == "off"
    assert count(1, "setting") == "1 setting" and count(2, "setting") == "2 settings"
    assert count(0, "by-hand step") == "0 by-hand steps"


def test_the_detail_panes_history_says_needs_login_in_words() -> None:
    history = History.in_memory()
    try:
        history.ready()
        reading = Reading("linkedin.ai_training", State.NEEDS_LOGIN, "Sign-in page.", AT)
        history.record(events.Read(reading), {"linkedin": ORIGIN})
        shown = history_view.recent_text(history, "linkedin.ai_training", ORIGIN).plain
    finally:
        history.close()
    assert "read needs login" in shown and "needs_login" not in shown, shown


def test_one_by_hand_step_is_singular_in_the_summary() -> None:
    settings = [*LinkedIn(ORIGIN).settings, *Slack(ORIGIN).settings]
    known = {s.id: s for s in settings}
    model = ChecklistModel(
        settings,
        titles={},
        desired=lambda s: s.recommended,
        lookup=lambda setting_id: known[setting_id],
    )
    line = view.summary(model.counts())
    assert isinstance(line, Text)
    assert "0 of 1 by-hand step marked done" in line.plain, line.plain
    model.read(Reading("linkedin.research", State.ERROR, "Timed out.", AT))
    model.read(Reading("linkedin.ads_age", State.ERROR, "Timed out.", AT))
    assert "2 errors" in view.summary(model.counts()).plain


def test_apply_and_undo_tables_say_states_in_words() -> None:
    import io

    from tui.commands import plans

    out = io.StringIO()
    row = {
        "result": "failed",
        "id": "linkedin.ai_training",
        "found": "on",
        "wanted": "off",
        "now": "needs_login",
        "detail": "The sign-in page came up.",
    }
    plans.print_rows([row], out)
    assert "needs login" in out.getvalue() and "needs_login" not in out.getvalue()
