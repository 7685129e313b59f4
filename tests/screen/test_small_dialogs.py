"""The small dialogs' manners: the export path, the sign-out and sign-in forms, the help.

No browser: the checklist is fed fixed readings (as in the snapshot tests).
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static

from automation.engine.runtime import Runtime
from automation.files import folders
from automation.files.config_types import Config
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME
from tests.screen.test_snapshots import FixedEngine, fixed_app, fixed_states, settle
from tui.app import PrivacyApp
from tui.dialogs import Confirm, CredentialsForm, ExportPath, SignOutDialog


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, and a terminal started somewhere else."""
    home = tmp_path / "home"
    home.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(elsewhere)
    return home


def own_app() -> PrivacyApp:
    """The fixed checklist as a person's own (not the demo): it remembers what it may."""
    engine = FixedEngine(fixed_states())
    runtime = Runtime(Config(), [engine.plugin], engine)
    return PrivacyApp(runtime)


def path_field(app: PrivacyApp) -> Input:
    assert isinstance(app.screen, ExportPath)
    return app.screen.query_one("#path", Input)


def problem(app: PrivacyApp) -> str:
    shown = app.screen.query_one("#problem", Static)
    return str(shown.render()) if shown.display else ""


async def test_the_export_stays_open_on_an_error_and_keeps_the_path(home: Path) -> None:
    """A path that cannot be written leaves the dialog open with the path as typed and
    says why; corrected, it writes; the next export suggests that path."""
    app = fixed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert path_field(app).value == str(home / "privacy-tui-export.toml")
        wrong = home / "no-such-folder" / "out.toml"
        path_field(app).value = str(wrong)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportPath), "the dialog stays open"
        assert path_field(app).value == str(wrong)
        assert "does not exist" in problem(app)
        assert not wrong.parent.exists()

        right = home / "out.toml"
        path_field(app).value = str(right)
        await pilot.pause()
        assert problem(app) == "", "typing takes the message away"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportPath)
        assert "linkedin" in tomllib.loads(right.read_text())["desired"]

        await pilot.press("e")
        assert path_field(app).value == str(right), "the last path is suggested"
        # Replacing it is asked first; answering no goes back to the path.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportPath)
        assert path_field(app).value == str(right)
        await pilot.press("escape")
        await app.action_quit()


async def test_the_export_goes_to_the_documents_folder_and_is_remembered(home: Path) -> None:
    """Not the folder the terminal was in: the documents folder where there is one; a
    relative path goes there too; the last path is suggested in the next run."""
    (home / "Documents").mkdir()
    app = own_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert path_field(app).value == str(home / "Documents" / "privacy-tui-export.toml")
        path_field(app).value = "mine.toml"
        await pilot.press("enter")
        await pilot.pause()
        assert (home / "Documents" / "mine.toml").is_file()
        assert not Path("mine.toml").exists(), os.getcwd()
        await app.action_quit()
    # The path kept for the next run can name the person: only they may read it.
    assert stat.S_IMODE(folders.last_export_file().stat().st_mode) == 0o600
    again = own_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert path_field(again).value == str(home / "Documents" / "mine.toml")
        await pilot.press("escape")
        await again.action_quit()


def box(app: PrivacyApp, selector: str) -> str:
    """A checkbox's box as drawn: ``▐ ▌`` or ``▐✓▌``."""
    return str(app.screen.query_one(selector, Checkbox).render())[:3]


async def test_forgetting_the_password_is_not_ticked_and_looks_so() -> None:
    """Signing out keeps the stored password unless the box is ticked, and an unticked
    box is drawn empty, not with an X told apart by its colour alone."""
    app = fixed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(SignOutDialog("LinkedIn"))
        await pilot.pause()
        assert not app.screen.query_one("#forget", Checkbox).value
        assert box(app, "#forget") == "▐ ▌"
        app.screen.query_one("#forget", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert box(app, "#forget") == "▐✓▌"
        await pilot.press("escape")
        await app.action_quit()


def form_text(app: PrivacyApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(Static))


async def test_the_demos_sign_in_form_names_the_demo_account() -> None:
    app = fixed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        for _ in range(50):
            if isinstance(app.screen, CredentialsForm):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, CredentialsForm)
        text = form_text(app)
        assert DEMO_USERNAME in text and f"password {DEMO_PASSWORD}" in text, text
        await pilot.press("escape")
        await app.action_quit()
    own = own_app()
    async with own.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        for _ in range(50):
            if isinstance(own.screen, CredentialsForm):
                break
            await pilot.pause(0.05)
        assert DEMO_USERNAME not in form_text(own), "a person's own accounts are not the demo's"
        await pilot.press("escape")
        await own.action_quit()


def test_the_help_explains_every_mark_and_number() -> None:
    """Every mark a row can carry, the counts, the summary line and the bar."""
    from rich.text import Text

    from tui import history_view, view
    from tui.keys import HELP

    help_text = Text.from_markup(HELP).plain
    marks = [
        "✓",
        "✗",
        "·",
        history_view.DRIFT_MARK.strip(),
        view.GUESS_MARK.strip(),
        view.SPINNER[0],
        "▾",
        "▸",
    ]
    words = ["not read", "checking", "changing", "marked by you", "needs login", "by hand"]
    numbers = ["3/14 ✓", "signed in", "You want", "summary", "bar"]
    for shown in marks + words + numbers:
        assert shown in help_text, shown
