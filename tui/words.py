"""Words for people: a state as a person says it, in the language spoken."""

from __future__ import annotations

from automation.language import _


def said(state: object) -> str:
    """``state`` as a person says it: ``needs login``, not ``needs_login``; in Japanese,
    ``要ログイン``. JSON and files keep the names."""
    name = str(state)
    words = {
        "on": _("on"),
        "off": _("off"),
        "needs_login": _("needs login"),
        "unavailable": _("unavailable"),
        "unknown": _("unknown"),
        "error": _("error"),
        "by_hand": _("by hand"),
        "marked_done": _("marked done"),
        "not read": _("not read"),
        "checking": _("checking"),
        "changing": _("changing"),
        "done": _("done"),
        "skip": _("skip"),
    }
    return words.get(name, name)


def count(number: int, noun: str, plural: str = "") -> str:
    """``1 setting``, ``2 settings``: the number with its English noun, for text that stays
    English. Text for people says its counts with ``ngettext``."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
