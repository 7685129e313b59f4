"""The commands of ``privacy-tui``: one module each in this folder, listed once in COMMANDS.

A command module defines:

- ``NAME``: the word that runs it, like ``"check"``;
- ``add_parser(commands)``: adds its parser with ``commands.add_parser(NAME, help=...)``;
  that one-line ``help`` is the command's line in ``privacy-tui --help``;
- ``run(args) -> int``: does the work and returns a status from :mod:`.exits`
  (:func:`.running.on_runtime` gives it the engine, built from the config and closed after).

``privacy-tui --help`` imports every command module, so what only running needs (the
engine, the browser, the app) is imported inside ``run``. The other modules here are
what commands share: ``options``, ``exits``, ``output``, ``reading``, ``running``,
``plans``, ``asking`` and ``examples``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module
from typing import Protocol, cast

from .options import Subcommands

#: Every command's module, in the order ``privacy-tui --help`` lists them. A new command
#: is a new module in this folder and its name here.
COMMANDS = (
    "check",
    "apply",
    "undo",
    "export",
    "listing",
    "history",
    "capture",
    "watch",
    "replica",
    "credentials",
    "login",
    "logout",
)


class Command(Protocol):
    """What the registry needs of a command module."""

    NAME: str
    add_parser: Callable[[Subcommands], None]
    run: Callable[[argparse.Namespace], int]


def registered() -> list[Command]:
    """The command modules, in the order of COMMANDS."""
    return [cast(Command, import_module(f"{__name__}.{name}")) for name in COMMANDS]


def add_parsers(commands: Subcommands) -> None:
    """Add every command's parser, with ``--lang`` and its examples under its help."""
    from . import examples
    from .options import add_lang

    for command in registered():
        command.add_parser(commands)
        parser = commands.choices.get(command.NAME)
        if parser is not None:
            add_lang(parser)
            examples.add_to(parser, command.NAME)


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` name."""
    by_name = {command.NAME: command for command in registered()}
    return by_name[args.command].run(args)
