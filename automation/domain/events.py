"""What the engine tells its subscribers while it works.

The terminal app and the headless commands subscribe to the same stream.
"""

from __future__ import annotations

from dataclasses import dataclass

from automation.domain.settings import Reading, Setting, State


@dataclass(frozen=True)
class Checking:
    """A setting is being read."""

    setting_id: str


@dataclass(frozen=True)
class Changing:
    """A setting is being switched to ``value``."""

    setting_id: str
    value: State


@dataclass(frozen=True)
class Read:
    """A reading was made."""

    reading: Reading


@dataclass(frozen=True)
class Changed:
    """A change finished; ``reading`` is the read-back from a fresh page load."""

    reading: Reading
    value: State

    @property
    def ok(self) -> bool:
        return self.reading.state == self.value


@dataclass(frozen=True)
class Expanded:
    """A per-blog setting was found to exist once for each of ``settings``."""

    setting_id: str
    settings: tuple[Setting, ...]


@dataclass(frozen=True)
class SigningIn:
    """The engine is signing in to a platform with stored credentials."""

    platform: str


@dataclass(frozen=True)
class Problem:
    """Something went wrong that is not one setting's reading (no browser, say)."""

    message: str


Event = Checking | Changing | Read | Changed | Expanded | SigningIn | Problem
