"""What a person wants of a setting, and the one judgement of a reading against it.

A wish is ``off``, ``on`` or "leave it as it is" (``None``; written ``"any"`` in
``[desired]`` and in exports). The checklist's marks and counts, ``check``, ``apply``,
``watch`` and the export all judge a reading with :func:`judge`; the recommendation
is advice shown beside it, never the measure.

The presets are wishes too, and neither ever asks for a less private value than a
setting's most private one: ``strict`` asks for the most private value of every
setting; ``recommended`` asks for it where sharing or training is at stake, and leaves
a convenience (personalisation, memory) as it is.
"""

from __future__ import annotations

import enum
from typing import TypeAlias

from automation.domain.settings import Kind, Setting, State, wish_word

#: A wish: the value wanted, or ``None`` for "leave it as it is".
Wish: TypeAlias = State | None

#: How "leave it as it is" is written in ``[desired]`` and in exports.
ANY = "any"


class Verdict(enum.StrEnum):
    """A reading judged against a wish."""

    AS_WISHED = "as wished"
    NOT_AS_WISHED = "not as wished"
    ANY_VALUE = "any value"
    """Read, and the person leaves it as it is: any value is as they want."""
    NOT_READ = "not read"

    def __str__(self) -> str:
        return self.value

    @property
    def fine(self) -> bool:
        """Whether the setting is as the person wants (read, and as wished or free)."""
        return self in (Verdict.AS_WISHED, Verdict.ANY_VALUE)


def most_private(setting: Setting) -> State:
    """The setting's most private value: what ``strict`` asks for.

    ``off`` for most settings; ``on`` for an inverted one ("Prevent third-party
    sharing"). A setting whose recommendation keeps a convenience names its most
    private value in :attr:`Setting.strict`.
    """
    return setting.strict if setting.strict is not None else setting.recommended


def convenience(setting: Setting) -> bool:
    """Whether the recommendation keeps a convenience that costs some privacy, so the
    ``recommended`` preset leaves the setting as it is."""
    return setting.recommended != most_private(setting)


def recommended(setting: Setting) -> Wish:
    """What the ``recommended`` preset wants: the most private value where sharing or
    training is at stake, "leave it as it is" for a convenience."""
    return None if convenience(setting) else most_private(setting)


def strict(setting: Setting) -> Wish:
    """What the ``strict`` preset wants: the most private value, always."""
    return most_private(setting)


def judge(wish: Wish, state: State | None) -> Verdict:
    """``state`` (a reading's, or ``None`` when not read) against ``wish``."""
    if state is None or not state.is_value:
        return Verdict.NOT_READ
    if wish is None:
        return Verdict.ANY_VALUE
    return Verdict.AS_WISHED if state == wish else Verdict.NOT_AS_WISHED


def word(setting: Setting, wish: Wish) -> str:
    """How ``wish`` is written in files and ``--json``: ``on``, ``off``, ``any``, or for
    a setting done by hand ``done`` or ``skip``."""
    return ANY if wish is None else wish_word(setting, wish)


def said(setting: Setting, wish: Wish) -> str:
    """How ``wish`` is said to people."""
    if wish is None:
        return "leave as it is"
    if setting.kind is Kind.MANUAL:
        return wish_word(setting, wish)
    return str(wish)
