"""The ``privacy-tui`` command: the full-screen checklist, or one of the commands."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from automation import __version__, language
from automation.domain.shown import shown_lines
from automation.language import N_, _

from . import commands
from .commands import exits
from .commands.options import add_common, add_only

if TYPE_CHECKING:
    from automation.engine.runtime import Runtime

DESCRIPTION = N_(
    "A checklist of the privacy settings that feed your data to AI training and ads: "
    "reads each one's real state from your account and switches it."
)


def epilog() -> str:
    statuses = _(", ").join(f"{status} {_(meaning)}" for status, meaning in exits.MEANINGS.items())
    exit_line = _("Exit status: {statuses}.").format(statuses=statuses)
    return (
        (textwrap.fill(exit_line, width=79) if exit_line.isascii() else exit_line)
        + "\n\n"
        + _(
            "The config is found at --config PATH, else $PRIVACY_TUI_CONFIG, else the user\n"
            "config folder (see config.example.toml). Try it without an account: privacy-tui --demo"
        )
        + "\n"
    )


#: The options of the full-screen checklist itself, and those of them that take a value.
APP_FLAGS = ("--demo", "--store-unencrypted")
VALUED = ("--config", "--lang")


def opens_app(argv: Sequence[str]) -> bool:
    """Whether ``argv`` only opens the checklist: nothing but its own options, spelled out.

    Anything else (a command, ``--help``, ``--version``, a shortened or unknown option)
    is left to the whole parser, so what it accepts and how it refuses stay the same.
    """
    words = iter(argv)
    for word in words:
        if word == "--only":
            # One id or more, up to the next option.
            rest = list(words)
            ids = next((i for i, w in enumerate(rest) if w.startswith("-")), len(rest))
            return ids > 0 and opens_app(rest[ids:])
        if word in VALUED:
            if next(words, None) is None:
                return False
        elif not (word in APP_FLAGS or word.startswith(tuple(f"{v}=" for v in VALUED))):
            return False
    return True


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose refusals quote what was typed with its control
    characters written out (an id pasted with an escape sequence must not retitle the
    terminal). The commands' parsers are made of the same class."""

    def error(self, message: str) -> NoReturn:
        super().error(shown_lines(message))


def parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without ``with_commands``, the checklist's options alone
    (building every command's parser means importing every command's module)."""
    # Typed as argparse's own, so the commands' parsers (made of the same class) are too.
    top: argparse.ArgumentParser = Parser(
        prog="privacy-tui",
        description=_(DESCRIPTION),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument(
        "--version",
        action="version",
        version=f"privacy-tui {__version__}",
        help=_("show program's version number and exit"),
    )
    add_common(top, sub=False)
    add_only(top, sub=False)
    if not with_commands:
        top.set_defaults(command=None)
        return top
    subcommands = top.add_subparsers(
        dest="command",
        metavar="COMMAND",
        title=_("commands"),
        help=_("leave it out to open the full-screen checklist"),
    )
    commands.add_parsers(subcommands)
    return top


#: argparse's own words, which it asks gettext for: in the catalog with ours.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
)


def speak(words: Sequence[str]) -> str:
    """Speak the language ``words`` ask for (``--lang``), else the config's, else the
    environment's, before any parser is made: the parsers' help is in it too. A value
    the parser will refuse (or a config that cannot be read) leaves the choice to the rest."""
    flag = _value(words, "--lang")
    configured = None if flag else _configured(_value(words, "--config"))
    lang = language.choose(flag, configured, os.environ)
    language.use(lang)
    # argparse says its own words (usage, options, its refusals) through gettext.
    setattr(argparse, "_", language._)  # noqa: B010 - a module's global, not an attribute
    return lang


def _value(words: Sequence[str], option: str) -> str | None:
    """The last value given to ``option`` in ``words``, if any (as argparse takes it)."""
    found = None
    for word, after in zip(words, [*words[1:], None], strict=False):
        if word == "--":
            break
        if word == option and after is not None:
            found = after
        elif word.startswith(option + "="):
            found = word.split("=", 1)[1]
    return found


def _configured(explicit: str | None) -> str | None:
    """``[display] language`` in the config, if it can be read (loading it tells what is
    wrong with one that cannot)."""
    from automation.files.config import configured_language

    return configured_language(explicit)


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    speak(words)
    args = parser(with_commands=not opens_app(words)).parse_args(words)
    try:
        if args.command is None:
            from .commands.running import on_runtime

            # Garbage collections wait until the checklist is on screen (see
            # tui.flows.checking): the start makes many objects and little garbage, and
            # collecting it on the way took some 50 ms before the first frame.
            gc.disable()
            return on_runtime(
                args,
                lambda runtime: open_app(runtime, demo=args.demo),
                open_history=False,
                serve_now=False,
            )
        return commands.run(args)
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return exits.INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (`| head`) before a command was done printing.
        from .commands.output import reader_gone

        reader_gone(sys.stdout)
        return exits.OK


def open_app(runtime: Runtime, *, demo: bool) -> int:
    """Run the checklist on ``runtime``; its exit status."""
    from .commands.asking import stdin_problem

    # The checklist reads its keys on stdin: without a terminal there it would wait
    # for keys that never come (or fail on a closed stdin). A driver Textual is told to
    # use (TEXTUAL_DRIVER, as a web server of apps sets) brings its own input.
    if (problem := stdin_problem()) is not None and not os.environ.get("TEXTUAL_DRIVER"):
        return exits.fail(
            _(
                "the checklist needs a terminal to run in: {problem}; the commands "
                "(privacy-tui --help) run without one."
            ).format(problem=language.said(problem))
        )
    from .app import PrivacyApp

    app = PrivacyApp(runtime, demo=demo)
    app.run()
    # The history is opened once the checklist is on screen; one that cannot be used
    # ends the app with the message it would have had before.
    if app.checking.refused is not None:
        return exits.fail(app.checking.refused)
    return exits.OK


if __name__ == "__main__":
    sys.exit(main())
