"""The options and arguments several commands share, and the check of a platform name."""

from __future__ import annotations

import argparse
import difflib
from typing import Any, TypeAlias

from automation import language
from automation.language import _

#: What a command module's ``add_parser`` is given: ``commands.add_parser(NAME, ...)``.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_common(parser: argparse.ArgumentParser, *, sub: bool = True) -> None:
    """Add ``--config``, ``--demo`` and ``--store-unencrypted``.

    On a command (``sub``) they default to "not given", so that
    ``privacy-tui --demo check`` and ``privacy-tui check --demo`` mean the same.
    """
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if sub else {}
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=_("config file (default: $PRIVACY_TUI_CONFIG, else the user config folder)"),
        **default,
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("use the built-in replica sites and demo accounts: no account, no network"),
        **default,
    )
    parser.add_argument(
        "--store-unencrypted",
        action="store_true",
        help=_(
            "where no keyring works, keep sessions on disk unencrypted (mode 0600) "
            "instead of only in memory; like [sessions] store_unencrypted = true"
        ),
        **default,
    )
    add_lang(parser, sub=sub)


def add_lang(parser: argparse.ArgumentParser, *, sub: bool = True) -> None:
    """Add ``--lang``, once: the language people read (``tui.cli`` has already spoken it,
    before any parser was made, so that the parsers' help is in it)."""
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if sub else {}
    try:
        parser.add_argument(
            "--lang",
            metavar="LANG",
            type=language_named,
            help=_(
                "the language to show: {known} (default: [display] language in the config, "
                "else LC_ALL, LC_MESSAGES or LANG)"
            ).format(known=", ".join(language.LANGUAGES)),
            **default,
        )
    except argparse.ArgumentError:
        return  # the parser has it already


def language_named(value: str) -> str:
    """``--lang``'s value as a language privacy-tui speaks ("ja_JP.UTF-8" is "ja")."""
    lang = language.known(value)
    if lang is None:
        raise argparse.ArgumentTypeError(
            _("unknown language {value!r}; known: {known}").format(
                value=value, known=", ".join(language.LANGUAGES)
            )
        )
    return lang


def add_demo(parser: argparse.ArgumentParser, note: str | None = "the same as without it") -> None:
    """Take ``--demo`` after a command that reads no config too, as every other command does."""
    # Not given here means "as given before the command".
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help=note)
    add_lang(parser)


def add_changing_options(parser: argparse.ArgumentParser) -> None:
    """The options of a command that changes settings: ``--dry-run``, ``--yes``, ``--json``."""
    parser.add_argument(
        "--dry-run", action="store_true", help=_("read and show the plan; change nothing")
    )
    parser.add_argument("--yes", action="store_true", help=_("change without asking"))
    parser.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))


def add_only(parser: argparse.ArgumentParser, *, sub: bool = True) -> None:
    """``--only ID...``: run on these settings alone.

    On a command (``sub``) it defaults to "not given", so that the checklist's own
    ``privacy-tui --only linkedin check`` and ``privacy-tui check --only linkedin``
    mean the same.
    """
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if sub else {}
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="ID",
        help=_(
            "only these settings: ids (like linkedin.ai_training), or platforms (like "
            "linkedin, for all of its settings); privacy-tui list shows them"
        ),
        **default,
    )


class UnknownIds(ValueError):
    """``--only`` named something that is neither a setting nor a platform."""


def setting_ids(words: list[str]) -> list[str]:
    """``--only``'s words as setting ids: a platform's name stands for all its settings,
    and one blog's copy of a per-blog setting (``tumblr.third_party_sharing@myblog``)
    for itself.

    A word that names nothing raises :class:`UnknownIds`, whose message suggests the
    nearest ids and platforms and points at ``privacy-tui list``.
    """
    from automation import registry
    from automation.domain.settings import resolve

    classes, _failed = registry.load()  # what failed to load is told when the run is built
    known = {s.id: s for cls in classes for s in cls.settings}
    platforms = {cls.name: [s.id for s in cls.settings] for cls in classes}
    ids: list[str] = []
    unknown: list[str] = []
    for word in words:
        if word in platforms:
            ids += platforms[word]
        elif resolve(known, word) is not None:
            ids.append(word)
        else:
            unknown.append(word)
    if unknown:
        names = [*platforms, *known]
        raise UnknownIds(
            " ".join(_unknown(word, names) for word in unknown)
            + " "
            + _("`privacy-tui list` shows every setting id.")
        )
    return list(dict.fromkeys(ids))


def _unknown(word: str, names: list[str]) -> str:
    """What to say of ``word``, which names no setting or platform."""
    near = difflib.get_close_matches(word.lower(), names, n=3, cutoff=0.75)
    if not near:
        # A part of an id ("ai_training") finds the ids that hold it.
        near = [n for n in names if word.lower() in n][:3]
    said = _("No setting or platform is called {word!r}.").format(word=word)
    if near:
        said += " " + _("Did you mean {names}?").format(names=_either(near))
    return said


def _either(names: list[str]) -> str:
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return _("{names} or {last}").format(names=_(", ").join(quoted[:-1]), last=quoted[-1])


def add_platform(parser: argparse.ArgumentParser) -> None:
    """The ``PLATFORM`` argument of the account commands."""
    parser.add_argument("platform", help=_("platform name, like linkedin"))


def known_platform(name: str) -> bool:
    """True for an installed platform; otherwise says which ones are."""
    from automation import registry

    from .exits import warn

    if name in registry.available():
        return True
    known = ", ".join(sorted(registry.available()))
    warn(_("unknown platform {name!r}; known: {known}").format(name=name, known=known))
    return False
