"""The domain: what a setting is, the states it can be in, and what a reading says."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit


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

#: What ``[desired]`` says for a setting done by hand (a form, an email): "done"
#: (do it: opt out, object) or "skip". Inside, such a setting's "off" means done,
#: which written out as "off" would read as "do not opt out".
MANUAL_WORDS = {State.OFF: "done", State.ON: "skip"}


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

    ``path`` is the settings page below the platform's origin (for a setting kept per
    blog or per site, with ``{name}`` where that blog's or site's name goes; ``names``
    may hold ``{name}`` too). The
    control is found by the first of these that is given:

    - ``testid``: the ``data-testid`` the real page is known to carry;
    - ``labelledby`` / ``describedby``: the ``aria-labelledby`` or
      ``aria-describedby`` id the real page is known to use;
    - ``names``: the label variants the platform has been seen to use (first is
      current), as the accessible name of an element with role ``role``.

    ``opens`` lists CSS selectors clicked in order after the page loads to reveal
    the control (a menu, a settings dialog).
    """

    path: str
    names: tuple[str, ...] = ()
    labelledby: str | None = None
    describedby: str | None = None
    testid: str | None = None
    role: str = "switch"
    opens: tuple[str, ...] = ()


@dataclass(frozen=True)
class Discovery:
    """How to find the blogs or sites a per-blog setting exists for.

    The page at ``path`` lists them as links matching ``link`` (CSS); ``pattern`` is
    a regular expression on each link's path whose group ``name`` is the blog's
    or site's name, which fills ``{name}`` in the switch's path.
    """

    path: str
    link: str
    pattern: str
    noun: str = "blog"


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
    #: Set for a setting that exists once per blog or site of the account.
    per: Discovery | None = None
    strict: State | None = None
    """The value the ``strict`` preset asks for, when it differs from ``recommended``.

    For a setting whose recommended value keeps a convenience (personalisation, say)
    that the strict preset gives up; ``None`` means strict agrees with recommended.
    """

    @property
    def id(self) -> str:
        return f"{self.platform}.{self.key}"

    @property
    def template_key(self) -> str:
        """The key without its blog or site: ``sharing@myblog`` gives ``sharing``."""
        return self.key.split("@", 1)[0]

    @property
    def template_id(self) -> str:
        """The id without its blog or site: ``tumblr.sharing@myblog`` gives ``tumblr.sharing``."""
        return f"{self.platform}.{self.template_key}"

    def for_instance(self, name: str, title: str | None = None) -> Setting:
        """This per-blog setting, made concrete for the blog or site ``name``."""
        assert self.switch is not None and self.per is not None
        return replace(
            self,
            key=f"{self.key}@{name}",
            label=f"{self.label} ({title or name})",
            url=self.url.replace("{name}", name),
            switch=replace(
                self.switch,
                path=self.switch.path.replace("{name}", name),
                # Some platforms name the blog in the switch's label as well.
                names=tuple(n.replace("{name}", name) for n in self.switch.names),
            ),
            per=None,
        )


#: What a blog's or site's name may be in a setting id (``key@name``): it goes into a
#: page path, so no slash, no ``..``, nothing that would leave the blog's own page.
_INSTANCE_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*")


def resolve(settings: Mapping[str, Setting], setting_id: str) -> Setting | None:
    """The setting ``setting_id`` names among ``settings``, or ``None``.

    Besides the settings themselves, one blog's copy of a per-blog setting is named
    ``platform.key@name`` (as ``check`` prints it) even before its blogs were listed.
    """
    found = settings.get(setting_id)
    if found is not None:
        return found
    template_id, at, name = setting_id.partition("@")
    template = settings.get(template_id)
    if not at or template is None or template.per is None or template.switch is None:
        return None
    if not _INSTANCE_NAME.fullmatch(name):
        return None
    return template.for_instance(name)


def wish_word(setting: Setting, state: State) -> str:
    """How ``state``, wanted for ``setting``, is written for people and in files.

    ``on`` or ``off`` for a switch; ``done`` or ``skip`` for a setting done by hand.
    """
    if setting.kind is Kind.MANUAL:
        return MANUAL_WORDS.get(state, str(state))
    return str(state)


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

    def __post_init__(self) -> None:
        # A page address is evidence, but its query can carry tokens (a challenge
        # id, a session hint): keep the scheme, host and path only.
        if self.url:
            split = urlsplit(self.url)
            object.__setattr__(self, "url", urlunsplit((*split[:3], "", "")))
