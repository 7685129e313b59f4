"""Examples for each command's ``--help``: what a person types, and what it does.

Kept apart from the commands' modules so one place holds the examples of all of them;
:func:`tui.commands.add_parsers` puts each command's under its help.
"""

from __future__ import annotations

import argparse
import textwrap

EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "check": (
        ("privacy-tui check --demo", "read every setting of the built-in demo"),
        ("privacy-tui check --only linkedin", "only LinkedIn's settings"),
        ("privacy-tui check --json > readings.json", "the readings for a program"),
    ),
    "apply": (
        ("privacy-tui apply --dry-run", "what would change to reach [desired]"),
        ("privacy-tui apply --preset recommended", "switch off what feeds AI training and ads"),
        ("privacy-tui apply --only linkedin.ai_training --yes", "one setting, without asking"),
    ),
    "undo": (
        ("privacy-tui undo --list", "the undo points, newest first"),
        ("privacy-tui undo", "put back what the latest change found"),
        ("privacy-tui undo --redo", "set again what the latest undo put back"),
    ),
    "export": (
        ("privacy-tui export ~/privacy.toml", "read everything and write it as a config"),
        ("privacy-tui --config ~/privacy.toml", "load it back as what you want"),
    ),
    "list": (
        ("privacy-tui list", "every setting, its recommendation and how sure it is"),
        ("privacy-tui list --json", "every field and each fact's public source"),
    ),
    "history": (
        ("privacy-tui history linkedin.ai_training", "what one setting read and when"),
        ("privacy-tui history --limit 0 --json", "the whole history, for a program"),
    ),
    "capture": (
        ("privacy-tui capture linkedin.ai_training", "read again and keep a redacted capture"),
        ("privacy-tui capture --show FILE", "what a kept capture holds"),
    ),
    "watch": (
        ("privacy-tui watch install --dry-run", "what would be written, and where"),
        ("privacy-tui watch install --every week", "a check every Monday at 10:00"),
        ("privacy-tui watch status", "when it last ran and what it found"),
        ("privacy-tui watch remove", "stop watching"),
    ),
    "replica": (
        ("privacy-tui replica", "serve every replica site and print their config lines"),
        ("privacy-tui replica --capture FILE", "serve a kept capture as a page"),
    ),
    "credentials": (
        ("privacy-tui credentials linkedin", "keep LinkedIn's username and password"),
        ("privacy-tui credentials linkedin --forget", "remove them from the keyring"),
    ),
    "login": (
        ("privacy-tui login linkedin", "sign in in a browser window"),
        ("privacy-tui login linkedin --password", "sign in with email and password"),
    ),
    "logout": (
        ("privacy-tui logout linkedin", "forget LinkedIn's kept session"),
        ("privacy-tui logout linkedin --forget-credentials", "and its stored password"),
    ),
}


def epilog(name: str) -> str:
    """The "Examples:" block of command ``name``'s help (empty for one without)."""
    examples = EXAMPLES.get(name, ())
    if not examples:
        return ""
    width = max(len(command) for command, _ in examples)
    lines = [f"  {command.ljust(width)}  # {what}" for command, what in examples]
    return "examples:\n" + "\n".join(lines)


def add_to(parser: argparse.ArgumentParser, name: str) -> None:
    """Put command ``name``'s examples under ``parser``'s help, kept as written.

    The examples' lines must not be run together, so the help is formatted raw; the
    description and any epilog are wrapped here instead, as argparse would have.
    """
    block = epilog(name)
    if not block:
        return
    width = 79

    def wrapped(text: str | None) -> str | None:
        return (
            None
            if text is None
            else "\n\n".join(
                textwrap.fill(" ".join(part.split()), width) for part in text.split("\n\n")
            )
        )

    parser.description = wrapped(parser.description)
    parser.epilog = "\n\n".join(text for text in (wrapped(parser.epilog), block) if text)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
