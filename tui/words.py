"""Words for people: a state as a person says it, a count with its noun."""

from __future__ import annotations

#: The states (and ``check``'s states of a setting done by hand) as the screen and the
#: tables say them; JSON and files keep the names.
SAID = {"needs_login": "needs login", "by_hand": "by hand", "marked_done": "marked done"}


def said(state: object) -> str:
    """``state`` as a person says it: ``needs login``, not ``needs_login``."""
    name = str(state)
    return SAID.get(name, name)


def count(number: int, noun: str, plural: str = "") -> str:
    """``1 setting``, ``2 settings``: the number with its noun, singular or plural."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
