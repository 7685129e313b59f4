"""The docs' platform table is the one the plugins' data makes, and says how sure each is.

A setting added, removed or given other evidence without running
``scripts/platform_table.py`` makes the docs and the plugins disagree, and these
tests fail.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from automation import registry
from automation.domain.settings import Confidence, Evidence
from automation.plugins.linkedin import LinkedIn
from tests.paths import ROOT

SCRIPT = ROOT / "scripts" / "platform_table.py"

spec = importlib.util.spec_from_file_location("platform_table", SCRIPT)
assert spec is not None and spec.loader is not None
platform_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(platform_table)


def docs_table() -> str:
    # The script is loaded from its path, so its functions are not typed here.
    table: str = platform_table.section(
        (ROOT / "docs" / "platforms.md").read_text(encoding="utf-8")
    )[1]
    return table


def test_the_docs_hold_the_table_the_plugins_make() -> None:
    assert docs_table() == platform_table.render(registry.load()[0]), (
        "docs/platforms.md's platform table is out of date: run python scripts/platform_table.py"
    )


def test_every_setting_has_its_row_with_page_and_control_sureness() -> None:
    rows = docs_table().splitlines()[2:]
    settings = [s for cls in registry.load()[0] for s in cls.settings]
    assert len(rows) == len(settings)
    for row, setting in zip(rows, settings, strict=True):
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert cells[1].startswith(f"`{setting.id}")
        page, control = cells[4].split(" · ")
        assert page.strip("*") == str(setting.sureness("page") or "no evidence")
        if setting.switch is not None:
            assert control.strip("*") == str(setting.sureness("control") or "no evidence")
    first = rows[0]
    assert "`linkedin.ai_training`" in first and "| confirmed · confirmed |" in first


class MoreLinkedIn(LinkedIn):
    """LinkedIn with one setting more, as a plugin author might add it."""

    settings = (
        *LinkedIn.settings,
        replace(
            LinkedIn.settings[1],
            key="new_thing",
            label="A new thing",
            evidence=(Evidence("page", Confidence.GUESS, "inferred"),),
        ),
    )


def test_a_setting_added_without_regenerating_makes_the_table_differ() -> None:
    classes = [MoreLinkedIn if cls is LinkedIn else cls for cls in registry.load()[0]]
    table = platform_table.render(classes)
    assert table != docs_table()
    row = next(line for line in table.splitlines() if "linkedin.new_thing" in line)
    assert "| *guess* · no evidence |" in row


def test_check_passes_on_the_docs_and_fails_on_a_stale_copy(tmp_path: Path) -> None:
    check = [sys.executable, str(SCRIPT), "--check"]
    assert subprocess.run(check, cwd=ROOT, capture_output=True).returncode == 0
    stale = tmp_path / "platforms.md"
    text = (ROOT / "docs" / "platforms.md").read_text(encoding="utf-8")
    stale.write_text(text.replace("| confirmed · confirmed |", "| likely · likely |", 1))
    done = subprocess.run([*check, "--page", str(stale)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "run python scripts/platform_table.py" in done.stderr
    # Rewriting puts the plugins' table back and leaves the rest of the file alone.
    subprocess.run([sys.executable, str(SCRIPT), "--page", str(stale)], check=True)
    assert stale.read_text(encoding="utf-8") == text


def test_each_fact_links_its_public_sources() -> None:
    """A web page is linked as itself, a repository's file at a commit as that file on
    GitHub (at its line when one is given), and a fact with no address says inferred."""
    web = "https://example.com/help/privacy"
    coded = "someone/tool@0123456789abcdef0123456789abcdef01234567:src/pages/settings.ts:12"
    plain = "someone/tool@0123abc:README.md"
    assert platform_table.links(f"the label: {web}; the id: {coded}; also {plain}.") == [
        f"[example.com]({web})",
        "[someone/tool settings.ts:12](https://github.com/someone/tool/blob/"
        "0123456789abcdef0123456789abcdef01234567/src/pages/settings.ts#L12)",
        "[someone/tool README.md](https://github.com/someone/tool/blob/0123abc/README.md)",
    ]
    assert platform_table.links("Example Help, public reports, someone/tool@main:x.py") == []
    setting = replace(
        LinkedIn.settings[1],
        evidence=(
            Evidence("page", Confidence.LIKELY, f"Example's help: {web}"),
            Evidence("control", Confidence.GUESS, "inferred: a switch"),
            Evidence("label", Confidence.CONFIRMED, coded),
        ),
    )
    cells = platform_table.row("LinkedIn", setting).strip("|").split(" | ")
    assert cells[6].strip() == (
        f"page: [example.com]({web}); control: inferred; label: [someone/tool settings.ts:12]"
        "(https://github.com/someone/tool/blob/0123456789abcdef0123456789abcdef01234567/"
        "src/pages/settings.ts#L12)"
    )
