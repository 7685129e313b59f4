"""Named desired states a user can start from instead of writing ``[desired]`` by hand.

``recommended`` asks for every setting's recommended value: every setting that
shares data or feeds AI training off. ``strict`` also gives up the conveniences
that a setting's :attr:`~automation.model.Setting.strict` value names (such as
personalisation); where a setting has none, strict agrees with recommended.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Setting, State


@dataclass(frozen=True)
class Preset:
    """A named desired state."""

    name: str
    description: str

    def value(self, setting: Setting) -> State:
        """What this preset asks for ``setting``."""
        if self.name == "strict" and setting.strict is not None:
            return setting.strict
        return setting.recommended

    def desired(self, settings: Iterable[Setting]) -> dict[str, State]:
        """The desired state of every setting in ``settings``, by id."""
        return {s.id: self.value(s) for s in settings}


RECOMMENDED = Preset("recommended", "every setting that shares your data or feeds AI training off")
STRICT = Preset(
    "strict", "recommended, plus off for the ones that cost some convenience (personalisation)"
)

#: Every preset, by name, in the order they are offered.
PRESETS: dict[str, Preset] = {p.name: p for p in (RECOMMENDED, STRICT)}


def preset(name: str) -> Preset:
    """The preset called ``name``; ``KeyError`` names the known ones."""
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; known: {', '.join(PRESETS)}") from None
