"""The command registry: one module per command, listed once, each in --help once."""

from __future__ import annotations

import argparse
import ast
import json
import pkgutil
import re
import subprocess
import sys
import types
from importlib import import_module
from pathlib import Path

import pytest

import tui.commands
from tests.cli.test_cli import run
from tests.paths import ROOT
from tui.cli import main
from tui.commands import COMMANDS, exits, registered
from tui.commands.options import Subcommands

COMMANDS_DIR = ROOT / "tui" / "commands"


def listed(help_text: str, name: str) -> int:
    """How many lines of ``--help`` list ``name`` as a command."""
    return len(re.findall(rf"^ {{4}}{re.escape(name)}(?: |$)", help_text, flags=re.MULTILINE))


def test_every_command_module_is_registered_and_complete() -> None:
    found = []
    for info in pkgutil.iter_modules(tui.commands.__path__):
        module = import_module(f"tui.commands.{info.name}")
        if hasattr(module, "add_parser"):
            found.append(info.name)
    assert sorted(found) == sorted(COMMANDS)
    names = [command.NAME for command in registered()]
    assert len(set(names)) == len(names), names
    for command in registered():
        assert isinstance(command.NAME, str) and command.NAME
        assert callable(command.add_parser) and callable(command.run)


def test_help_lists_each_command_once() -> None:
    done = run("--help")
    assert done.returncode == 0, done.stderr
    for command in registered():
        assert listed(done.stdout, command.NAME) == 1, (command.NAME, done.stdout)
    # argparse's own {check,apply,...} would be a second list.
    assert "{" not in done.stdout
    assert "leave it out to open the full-screen checklist" in done.stdout
    assert "$PRIVACY_TUI_CONFIG" in done.stdout and "privacy-tui --demo" in done.stdout
    words = " ".join(done.stdout.split())
    for status, meaning in exits.MEANINGS.items():
        assert f"{status} {meaning}" in words


def test_a_new_command_is_one_module_and_one_registry_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hello = types.ModuleType("tui.commands.hello")
    hello.NAME = "hello"  # type: ignore[attr-defined]

    def add_parser(commands: Subcommands) -> None:
        parser = commands.add_parser("hello", help="say hello")
        parser.add_argument("--to", default="world")

    def run_hello(args: argparse.Namespace) -> int:
        print(f"hello, {args.to}")
        return 0

    hello.add_parser = add_parser  # type: ignore[attr-defined]
    hello.run = run_hello  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.commands.hello", hello)
    monkeypatch.setattr(tui.commands, "COMMANDS", (*COMMANDS, "hello"))

    assert main(["hello", "--to", "you"]) == 0
    assert capsys.readouterr().out == "hello, you\n"
    with pytest.raises(SystemExit):
        main(["--help"])
    assert listed(capsys.readouterr().out, "hello") == 1


def test_help_imports_neither_the_app_nor_the_browser() -> None:
    """Help, for the program and each command, is quick: no Textual, no Playwright."""
    script = """
import json, sys
from tui.cli import main
from tui.commands import registered

for argv in (["--help"], *([c.NAME, "--help"] for c in registered())):
    try:
        main(argv)
    except SystemExit:
        pass
heavy = ("textual", "playwright", "tui.app")
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def _python_files() -> list[Path]:
    return [ROOT / "tui" / "cli.py", *sorted(COMMANDS_DIR.glob("*.py"))]


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: p.name)
def test_statuses_and_error_messages_come_from_exits(path: Path) -> None:
    """A command returns a named status and says what is wrong through exits.fail or warn."""
    if path.name == "exits.py":
        return
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant):
            assert type(node.value.value) is not int, f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            assert not node.value.startswith("privacy-tui: "), f"{path.name}:{node.lineno}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--config", "my.toml"],
        ["--config=my.toml", "--store-unencrypted"],
        ["--demo", "--config", "check"],
        ["--config", "--demo"],
        ["--demo", "--only", "linkedin", "x.location"],
        ["--only", "linkedin", "--demo"],
    ],
)
def test_opening_the_checklist_parses_as_the_whole_parser_does(argv: list[str]) -> None:
    from tui.cli import opens_app, parser

    assert opens_app(argv)
    whole, short = parser(), parser(with_commands=False)
    try:
        expected: object = whole.parse_args(argv)
    except SystemExit as exc:
        expected = exc.code
    try:
        got: object = short.parse_args(argv)
    except SystemExit as exc:
        got = exc.code
    assert got == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["--demo", "check"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--dem"],
        ["--config"],
        ["--only"],
        ["--only", "--demo"],
    ],
)
def test_anything_but_the_checklists_own_options_goes_to_the_whole_parser(argv: list[str]) -> None:
    from tui.cli import opens_app

    assert not opens_app(argv)


def test_opening_the_checklist_imports_no_command_module() -> None:
    code = (
        "import sys; from tui.cli import opens_app, parser; "
        "parser(with_commands=not opens_app(['--demo'])).parse_args(['--demo']); "
        "print(sorted(m for m in sys.modules if m.startswith('tui.commands.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['tui.commands.exits', 'tui.commands.options']"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_ends_with_examples_of_itself(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "list" if command == "listing" else command
    with pytest.raises(SystemExit):
        main([name, "--help"])
    text = capsys.readouterr().out
    assert "\nexamples:\n" in text
    examples = text.split("\nexamples:\n", 1)[1].splitlines()
    assert examples, f"{name} --help shows no example"
    for line in examples:
        typed, _, what = line.strip().partition("  # ")
        words = typed.split()
        assert words[0] == "privacy-tui" and what, line
        # An example runs the command it is under (export's also shows the way back).
        assert name in words or (name == "export" and "--config" in words), line
