"""The checklist in Japanese: snapshots at 80x24 and 140x45, and a scan of the checklist,
every dialog, the help and the footer for English left on the screen.

No browser: the checklist is fed fixed readings (as in tests/screen/test_snapshots.py).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from automation import language
from automation.domain.settings import Setting, State
from automation.engine.runtime import Runtime
from automation.files.config_types import Config
from automation.language import Sentence
from automation.page import opening
from automation.plugins.linkedin import LinkedIn
from tests.checklist_view import move_to
from tests.screen.test_snapshots import FixedEngine, fixed_app, settle
from tui.app import PrivacyApp
from tui.dialogs.code import CodeDialog
from tui.dialogs.confirm import confirm
from tui.dialogs.credentials import CredentialsForm
from tui.dialogs.export_path import ExportPath
from tui.dialogs.help import Help
from tui.dialogs.points import UndoPoints, points_text
from tui.dialogs.preset import PresetChoice
from tui.dialogs.sign_out import SignOutDialog
from tui.dialogs.window import WindowWaiting
from tui.widgets.detail import DetailPane

#: Three English words in a row make a sentence left untranslated.
ENGLISH = re.compile(r"[A-Za-z][\w'.+-]*(?:[ ,:]+[A-Za-z][\w'.+-]*){2,}")
#: Names kept as they are: products, platforms, keys, and the values a config takes.
NAMES = re.compile(
    r"LinkedIn|privacy-tui|TOML|PgDn/PgUp|PgUp PgDn|Home End|Ctrl\+[A-Z]|Esc|Enter|Tab"
    r"|recommended|strict|linkedin\.[a-z_]+"
)


@pytest.fixture
def japanese() -> Iterator[None]:
    language.use("ja")
    yield
    language.use(language.ENGLISH)


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def screen_text(svg: str) -> str:
    """Every line of a screenshot, as its text pieces put together."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for x, y, piece in re.findall(r'<text [^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        lines.setdefault(float(y), []).append((float(x), html.unescape(piece)))
    return "\n".join(
        "".join(p for _x, p in sorted(pieces)).replace("\xa0", " ")
        for _y, pieces in sorted(lines.items())
    )


def english_left(text: str) -> list[str]:
    return [run for run in ENGLISH.findall(NAMES.sub("", text)) if len(run.split()) >= 3]


def test_the_scan_finds_english() -> None:
    assert english_left("状態 read every setting again") == ["read every setting again"]
    assert english_left("LinkedIn の設定 · Esc で閉じます") == []


def sentence(setting: Setting, state: State) -> str:
    """A reading's detail worded as the engine words it: a switch found by its id, or,
    for a setting that reads ``unknown``, a page without its switch."""
    if state is State.UNKNOWN:
        # As opening.missing says it of a page that lacks the switch.
        lacking = Sentence(
            "The page loaded but {sought} {where}{others}",
            sought=opening.describe(setting),
            where=Sentence("is not on it"),
            others="",
        )
        return Sentence(
            "{what}; {title} may have changed the page.", what=lacking, title=LinkedIn.title
        )
    proof = Sentence('its id "{id}"', id="allowDataForGenerativeAI")
    return Sentence("Switch is {state} (found by {proof}).", state=state, proof=proof)


READ = "linkedin.ai_training"
UNREAD = "linkedin.research"
#: A platform's own words, quoted in a sentence or a step ("Use data for research").
QUOTED = re.compile(r'"[^"\n]*"|「[^」\n]*」')


def sentences_app() -> PrivacyApp:
    engine = FixedEngine({}, detail=sentence)
    engine.states.update({s.id: State.ON for s in engine.plugin.settings})
    engine.states[UNREAD] = State.UNKNOWN
    runtime = Runtime(Config(), [engine.plugin], engine)
    return PrivacyApp(runtime, demo=True)


async def test_no_english_sentence_is_left_on_the_checklist_its_dialogs_help_and_footer(
    japanese: None,
) -> None:
    app = sentences_app()
    dialogs: list[Screen[Any]] = [
        Help(),
        PresetChoice(),
        confirm("LinkedIn?", yes="Sign out"),
        CredentialsForm("LinkedIn", can_remember=True),
        CredentialsForm("LinkedIn", can_remember=False),
        ExportPath(Path("/tmp/privacy.toml"), lambda dialog, path: None),
        UndoPoints(points_text([], next_undo=None, next_redo=None, name=str)),
        SignOutDialog("LinkedIn"),
        WindowWaiting("LinkedIn"),
        CodeDialog("LinkedIn", "123456"),
    ]
    found: dict[str, list[str]] = {}
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        # The detail pane of a setting read on, and of one that could not be read: the
        # engine's own sentences, said in Japanese. Its text is scanned whole (lines wrap
        # a platform's quoted words apart) down to the by-hand steps, the settings' own
        # texts, which quote the page's English words where its Japanese is not on record.
        for setting_id, said in ((READ, "スイッチはオンです"), (UNREAD, "ページにありません")):
            move_to(app, setting_id)
            await pilot.pause()
            pane = app.query_one(DetailPane).shown
            assert pane is not None and said in pane.plain
            reading = pane.plain.split("\n" + language._("By hand") + "\n")[0]
            found[setting_id] = english_left(QUOTED.sub("", reading))
        # The checklist and the dialogs over it, the pane hidden.
        await pilot.press("d")
        await pilot.pause()
        checklist = screen_text(app.export_screenshot())
        assert "状態" in checklist and "終了" in checklist
        found["checklist"] = english_left(checklist)
        for dialog in dialogs:
            await app.push_screen(dialog)
            await pilot.pause()
            found[type(dialog).__name__] = english_left(screen_text(app.export_screenshot()))
            app.pop_screen()
            await pilot.pause()
    assert not {name: runs for name, runs in found.items() if runs}


@pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])
def test_the_checklist_in_japanese(snap_compare, utc, japanese, size) -> None:
    assert snap_compare(fixed_app(), terminal_size=size, run_before=settle)
