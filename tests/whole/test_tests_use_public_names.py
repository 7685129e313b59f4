"""The tests use the product as its callers do: through public names only.

A test that reaches a private attribute (``engine._platforms``), imports a private name
(``from tui.commands.check import _row``) or patches one (``setattr(cli, "_open_app",
...)``) is tied to how the product is built today, not to what it does.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

TESTS = ROOT / "tests"
PRODUCT = ("automation", "tui")


def private(name: str) -> bool:
    """A private name; ``_`` alone is gettext's public name for "translate this"."""
    return name.startswith("_") and not name.startswith("__") and name != "_"


def offences(path: Path) -> list[str]:
    """Where the test file at ``path`` touches a private name of the product."""
    found = []
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PRODUCT):
            found += [
                f"{where}:{node.lineno} imports {a.name}" for a in node.names if private(a.name)
            ]
        elif (
            isinstance(node, ast.Attribute)
            and private(node.attr)
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append(f"{where}:{node.lineno} .{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("setattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and private(node.args[1].value.rsplit(".", 1)[-1])
        ):
            found.append(f"{where}:{node.lineno} patches {node.args[1].value}")
    return found


def test_the_check_finds_each_kind_of_reach(tmp_path: Path) -> None:
    # Outside tests/, so that the scan of tests/ in another worker never sees it.
    sample = tmp_path / "sample_private_reach.py"
    sample.write_text(
        "from tui.commands.check import _row\n"
        "engine._platforms\n"
        'monkeypatch.setattr(cli, "_open_app", None)\n'
        "self._own\n"
    )
    assert [line.split(" ", 1)[1] for line in offences(sample)] == [
        "imports _row",
        "._platforms",
        "patches _open_app",
    ]


def test_no_test_touches_a_private_name_of_the_product() -> None:
    files = sorted(TESTS.rglob("*.py"))
    assert len(files) > 50
    found = [offence for path in files for offence in offences(path)]
    assert found == []
