"""Named wishes a person can start from instead of writing ``[desired]`` by hand.

``recommended`` turns off every setting that shares data or feeds AI training (to its
most private value) and leaves the conveniences (personalisation, memory) as they
are; ``strict`` turns every setting to its most private value. Neither ever asks for
a value less private than a setting's most private one (see :mod:`automation.domain.wishes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from automation.domain import wishes
from automation.domain.settings import Setting, State
from automation.domain.wishes import Wish
from automation.language import N_


@dataclass(frozen=True)
class Preset:
    """A named wish for every setting."""

    name: str
    #: In English, marked for the catalog: ``language._(description)`` says it.
    description: str
    rule: Callable[[Setting], Wish]

    def value(self, setting: Setting) -> Wish:
        """What this preset wants of ``setting``: a value, or ``None`` to leave it."""
        return self.rule(setting)

    def desired(self, settings: Iterable[Setting]) -> dict[str, Wish]:
        """The wish for every setting in ``settings``, by id (``None``: leave it)."""
        return {s.id: self.value(s) for s in settings}

    def changes(self, settings: Iterable[Setting]) -> dict[str, State]:
        """The settings this preset asks a value of, by id; those it leaves are left out."""
        return {i: v for i, v in self.desired(settings).items() if v is not None}


RECOMMENDED = Preset(
    "recommended",
    N_(
        "off for every setting that shares your data or feeds AI training; "
        "conveniences (personalisation, memory) left as they are"
    ),
    wishes.recommended,
)
STRICT = Preset(
    "strict",
    N_("every setting at its most private value, conveniences included"),
    wishes.strict,
)

#: Every preset, by name, in the order they are offered.
PRESETS: dict[str, Preset] = {p.name: p for p in (RECOMMENDED, STRICT)}


def preset(name: str) -> Preset:
    """The preset called ``name``; ``KeyError`` names the known ones."""
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; known: {', '.join(PRESETS)}") from None
