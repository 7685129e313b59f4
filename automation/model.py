"""The domain: what a setting is, the states it can be in, and what a reading says."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime


class State(enum.StrEnum):
    """What is known about a setting on the user's account."""

    ON = "on"
    OFF = "off"
    NEEDS_LOGIN = "needs_login"
    UNAVAILABLE = "unavailable"
    UNKNOWN = "unknown"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value

    @property
    def is_value(self) -> bool:
        """True for ``on`` and ``off``: a state read positively from the right page."""
        return self in (State.ON, State.OFF)


#: The values a user can ask for in ``[desired]``.
DESIRABLE = (State.ON, State.OFF)


class Kind(enum.StrEnum):
    """How a setting can be changed."""

    TOGGLE = "toggle"
    """A switch a browser can flip."""
    MANUAL = "manual"
    """A form or an email that only a person can finish."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Switch:
    """Where a setting's switch lives, as data the shared switch code acts on.

    ``path`` is the settings page below the platform's origin. The control is found
    by ``labelledby`` (the ``aria-labelledby`` id the real page is known to use) when
    given, else by role ``switch`` or ``checkbox`` with one of ``names`` as its
    accessible name. ``names`` lists the label variants the platform has been seen
    to use; the first is the current one.
    """

    path: str
    names: tuple[str, ...] = ()
    labelledby: str | None = None
    role: str = "switch"


@dataclass(frozen=True)
class Setting:
    """One entry of the checklist."""

    platform: str
    key: str
    label: str
    description: str
    url: str
    recommended: State
    kind: Kind = Kind.TOGGLE
    manual_steps: tuple[str, ...] = ()
    notes: str = ""
    source: str = ""
    switch: Switch | None = None
    strict: State | None = None
    """The value the ``strict`` preset asks for, when it differs from ``recommended``.

    For a setting whose recommended value keeps a convenience (personalisation, say)
    that the strict preset gives up; ``None`` means strict agrees with recommended.
    """

    @property
    def id(self) -> str:
        return f"{self.platform}.{self.key}"


def now() -> datetime:
    """The current time in UTC, to the second (what readings and exports carry)."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Reading:
    """What one look at a setting found.

    ``state`` is ``on`` or ``off`` only when the value was read from the setting's
    own page on a signed-in account; anything else says why not in ``detail``.
    """

    setting_id: str
    state: State
    detail: str
    checked_at: datetime = field(default_factory=now)
    url: str | None = None
    screenshot: str | None = None
