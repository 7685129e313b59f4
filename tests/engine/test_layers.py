"""The engine knows no screen: nothing in automation/ imports tui or textual."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

ENGINE = ROOT / "automation"
FORBIDDEN = ("tui", "textual")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_automation_never_imports_the_screen() -> None:
    files = sorted(ENGINE.rglob("*.py"))
    assert len(files) > 10
    offenders = {
        f"{path.relative_to(ENGINE.parent)}: {name}"
        for path in files
        for name in imported(path)
        if name.split(".")[0] in FORBIDDEN
    }
    assert offenders == set()


#: What the plugin base class may not import, even for a type: the code that acts on
#: pages, signs in, runs the browser or runs the engine stands on the plugin's data.
ACTING = ("automation.page", "automation.accounts", "automation.browser", "automation.engine")


def imported_anywhere(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top, inside functions or under
    ``TYPE_CHECKING``; ``from automation import page`` counts as ``automation.page``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def acting(names: set[str]) -> set[str]:
    return {n for n in names if any(n == a or n.startswith(a + ".") for a in ACTING)}


def test_the_plugin_base_class_declares_and_imports_no_page_sign_in_browser_or_engine() -> None:
    names = imported_anywhere(ENGINE / "plugin.py")
    assert "automation.domain.settings" in names  # the parse sees the module's imports
    assert acting(names) == set()


def test_the_plugin_check_sees_an_import_made_only_for_a_type(tmp_path: Path) -> None:
    module = tmp_path / "plugin.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from automation.page.switches import read\n"
        "def later():\n"
        "    from automation import accounts\n",
        encoding="utf-8",
    )
    assert acting(imported_anywhere(module)) == {
        "automation.page.switches",
        "automation.page.switches.read",
        "automation.accounts",
    }
