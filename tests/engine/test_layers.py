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
