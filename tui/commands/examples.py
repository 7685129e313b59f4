"""Examples for each command's ``--help``: what a person types, and what it does.

Kept apart from the commands' modules so one place holds the examples of all of them;
:func:`tui.commands.add_parsers` puts each command's under its help.
"""

from __future__ import annotations

import argparse
import textwrap

from automation.language import N_, _

EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "check": (
        ("privacy-tui check --demo", N_("read every setting of the built-in demo")),
        ("privacy-tui check --only linkedin", N_("only LinkedIn's settings")),
        ("privacy-tui check --json > readings.json", N_("the readings for a program")),
    ),
    "apply": (
        ("privacy-tui apply --dry-run", N_("what would change to reach [desired]")),
        ("privacy-tui apply --preset recommended", N_("switch off what feeds AI training and ads")),
        ("privacy-tui apply --only linkedin.ai_training --yes", N_("one setting, without asking")),
    ),
    "undo": (
        ("privacy-tui undo --list", N_("the undo points, newest first")),
        ("privacy-tui undo", N_("put back what the latest change found")),
        ("privacy-tui undo --redo", N_("set again what the latest undo put back")),
    ),
    "export": (
        ("privacy-tui export ~/privacy.toml", N_("read everything and write it as a config")),
        ("privacy-tui --config ~/privacy.toml", N_("load it back as what you want")),
    ),
    "list": (
        ("privacy-tui list", N_("every setting, its recommendation and how sure it is")),
        ("privacy-tui list --json", N_("every field and each fact's public source")),
    ),
    "history": (
        ("privacy-tui history linkedin.ai_training", N_("what one setting read and when")),
        ("privacy-tui history --limit 0 --json", N_("the whole history, for a program")),
    ),
    "capture": (
        ("privacy-tui capture linkedin.ai_training", N_("read again and keep a redacted capture")),
        ("privacy-tui capture --show FILE", N_("what a kept capture holds")),
    ),
    "watch": (
        ("privacy-tui watch install --dry-run", N_("what would be written, and where")),
        ("privacy-tui watch install --every week", N_("a check every Monday at 10:00")),
        ("privacy-tui watch status", N_("when it last ran and what it found")),
        ("privacy-tui watch remove", N_("stop watching")),
    ),
    "replica": (
        ("privacy-tui replica", N_("serve every replica site and print their config lines")),
        ("privacy-tui replica --capture FILE", N_("serve a kept capture as a page")),
    ),
    "credentials": (
        ("privacy-tui credentials linkedin", N_("keep LinkedIn's username and password")),
        ("privacy-tui credentials linkedin --forget", N_("remove them from the keyring")),
    ),
    "login": (
        ("privacy-tui login linkedin", N_("sign in in a browser window")),
        ("privacy-tui login linkedin --password", N_("sign in with email and password")),
    ),
    "logout": (
        ("privacy-tui logout linkedin", N_("forget LinkedIn's kept session")),
        ("privacy-tui logout linkedin --forget-credentials", N_("and its stored password")),
    ),
}


def epilog(name: str) -> str:
    """The "Examples:" block of command ``name``'s help (empty for one without)."""
    examples = EXAMPLES.get(name, ())
    if not examples:
        return ""
    width = max(len(command) for command, _what in examples)
    lines = [f"  {command.ljust(width)}  # {_(what)}" for command, what in examples]
    return _("examples:") + "\n" + "\n".join(lines)


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
            else "\n\n".join(fill(" ".join(part.split()), width) for part in text.split("\n\n"))
        )

    parser.description = wrapped(parser.description)
    parser.epilog = "\n\n".join(text for text in (wrapped(parser.epilog), block) if text)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


def fill(text: str, width: int) -> str:
    """``text`` wrapped to ``width`` columns; Japanese, which has no spaces to break at,
    is broken between characters, counted in the terminal's cells."""
    if text.isascii():
        return textwrap.fill(text, width)
    from rich.cells import cell_len

    lines, line = [], ""
    for char in text:
        if cell_len(line + char) > width and char not in "、。」\uff09":
            lines.append(line.rstrip())
            line = ""
        line += char
    return "\n".join([*lines, line])
