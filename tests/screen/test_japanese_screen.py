"""The checklist in Japanese at 80x24: the settings' Japanese labels, cut by display cells to
their column, and the State column in sight beside them.

No browser: the checklist is fed fixed readings (as in the snapshot tests).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from automation import language, setting_text
from tests.screen.test_snapshots import fixed_app, settle
from tui.model import SettingRow


@pytest.fixture
def japanese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    language.use("ja")
    yield
    language.use(language.ENGLISH)


def screen_text(svg: str) -> str:
    """Every piece of text of a screenshot, one after the other."""
    pieces = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    return "".join(html.unescape(p).replace("\xa0", " ") for p in pieces)


async def test_japanese_labels_fit_and_leave_the_state_column_in_sight(japanese: None) -> None:
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.checklist
        width = table.label_width()
        room = table.scrollable_content_region.width
        assert sum(c.width for c in table.columns) + 2 * 3 <= room, "a column is pushed out"
        rows = [r for r in table.rows_shown() if isinstance(r, SettingRow)]
        assert rows
        shown = screen_text(app.export_screenshot())
        cut = 0
        for row in rows:
            setting = app.model.settings[row.setting_id]
            japanese_label = setting_text.label(setting)
            assert japanese_label != setting.label, setting.id
            label = table.cell(row, "label").plain
            assert cell_len(label) <= width, (setting.id, label)
            start = label.strip().removesuffix("?").strip().removesuffix("…")
            assert japanese_label.startswith(start), (setting.id, label)
            cut += label.rstrip(" ?").endswith("…")
        assert cut, "some Japanese label is too wide for 80 columns and is cut"
        # The first rows are on the screen with their states.
        first = app.model.settings[rows[0].setting_id]
        assert setting_text.label(first) in shown
        assert table.cell(rows[0], "state").plain.strip() in shown
