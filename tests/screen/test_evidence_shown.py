"""The checklist shows what each setting rests on: a mark on a guessed row, and each
fact's confidence and source in the detail pane.

The engine is the fixed one of the snapshot test (readings without a browser); the
app, its rows and its detail pane are the real ones.
"""

from __future__ import annotations

from textual.widgets import Static

from automation.domain.settings import Confidence, Kind, State
from automation.engine.runtime import Runtime
from automation.files.config_types import Config
from automation.plugins.linkedin import AI_TRAINING, LinkedIn
from tests.checklist_view import cell, highlighted
from tests.screen.test_snapshots import ORIGIN, FixedEngine
from tui.app import PrivacyApp
from tui.dialogs import Help

GUESSED = "linkedin.profile_visibility_partners"
SIZE = (140, 45)


def app_on_linkedin() -> PrivacyApp:
    settings = LinkedIn(ORIGIN).settings
    engine = FixedEngine({s.id: State.OFF for s in settings if s.kind is Kind.TOGGLE})
    runtime = Runtime(Config(), [engine.plugin], engine)
    return PrivacyApp(runtime, demo=True)


def label(app: PrivacyApp, setting_id: str) -> str:
    return cell(app, setting_id, "label")


def detail(app: PrivacyApp) -> str:
    return str(app.query_one("#detail", Static).render())


async def test_a_guessed_setting_is_marked_on_its_row_and_a_recorded_one_is_not() -> None:
    app = app_on_linkedin()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert label(app, GUESSED).endswith(" ?")
        assert label(app, AI_TRAINING.id) == "  Data for Generative AI Improvement"
        await app.action_quit()


async def test_the_detail_pane_gives_each_fact_its_confidence_and_source() -> None:
    app = app_on_linkedin()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert highlighted(app) == AI_TRAINING.id
        text = detail(app)
        assert "How sure" in text
        for evidence in AI_TRAINING.evidence:
            line = f"{evidence.fact}: {evidence.confidence} — {evidence.source}"
            assert line in " ".join(text.split()), line
        assert "Rests on a guess" not in text

        while highlighted(app) != GUESSED:
            await pilot.press("j")
        text = " ".join(detail(app).split())
        assert "control: guess — inferred" in text
        assert "page: confirmed" in text
        assert "Rests on a guess (control)" in text
        assert "reads unknown or unavailable, never a guessed value" in text
        await app.action_quit()


async def test_the_help_explains_the_guess_mark() -> None:
    app = app_on_linkedin()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, Help)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "name ?" in shown and "rests on a guess" in shown
        assert all(str(c) in shown for c in Confidence)
        await pilot.press("escape")
        await app.action_quit()
