"""The screen stands on Textual's public API, and its modules import each other in one
direction only: no private module or name of Textual, no private attribute of its
classes, no import circle (imports for type checking counted)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import grimp
from textual.dom import DOMNode

from tests.paths import ROOT

SCREEN = ROOT / "tui"


def sources() -> list[Path]:
    files = sorted(SCREEN.rglob("*.py"))
    assert len(files) > 20
    return files


def module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def test_nothing_private_of_textual_is_imported() -> None:
    offenders = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                parts = [*(node.module or "").split("."), *(a.name for a in node.names)]
            elif isinstance(node, ast.Import):
                parts = [
                    p for a in node.names if a.name.startswith("textual") for p in a.name.split(".")
                ]
            else:
                continue
            if any(part.startswith("_") for part in parts):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_no_private_attribute_of_another_object_is_touched() -> None:
    """``x._name`` only on ``self`` or ``cls``: the screen's own parts."""
    offenders = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr != "_"  # gettext's public name: language._
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.attr}")
    assert offenders == []


def test_the_screens_own_private_names_are_not_textuals() -> None:
    """A private name a widget, screen or app of ours uses on ``self`` is its own: none
    is a private attribute or method of the Textual class it comes from."""
    clashes = []
    for path in sources():
        module = importlib.import_module(module_of(path))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(module, node.name, None)
            if not (inspect.isclass(cls) and issubclass(cls, DOMNode)):
                continue
            used = {
                n.attr
                for n in ast.walk(node)
                if isinstance(n, ast.Attribute)
                and isinstance(n.value, ast.Name)
                and n.value.id in ("self", "cls")
                and n.attr.startswith("_")
                and not n.attr.startswith("__")
            }
            used |= {
                n.name
                for n in ast.walk(node)
                if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
                and n.name.startswith("_")
                and not n.name.startswith("__")
            }
            textual = [b for b in cls.__mro__ if b.__module__.split(".")[0] == "textual"]
            theirs = {name for base in textual for name in vars(base)}
            # Attributes Textual's classes set on their instances.
            theirs |= set(vars(textual[0]()))
            clashes += [f"{node.name}.{name}" for name in sorted(used & theirs)]
    assert clashes == []


def test_no_import_circle_in_the_screen_counting_imports_for_type_checking() -> None:
    graph = grimp.build_graph("tui", "automation", exclude_type_checking_imports=False)
    circles = set()
    for importer in (m for m in graph.modules if m.startswith("tui")):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported.startswith("tui") and graph.chain_exists(
                importer=imported, imported=importer
            ):
                circles.add(tuple(sorted((importer, imported))))
    assert circles == set()
