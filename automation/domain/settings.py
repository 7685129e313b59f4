"""The domain: what a setting is, the states it can be in, and what a reading says."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from automation.language import Term


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
    """A form, an email or a setting of a phone app that only a person can finish."""

    def __str__(self) -> str:
        return self.value


class Confidence(enum.StrEnum):
    """How sure the project is of one fact about a setting."""

    CONFIRMED = "confirmed"
    """Seen in the platform's own code, strings or help pages, or in public automation
    code known to work on the real site."""
    LIKELY = "likely"
    """One good source, or several reports that agree, not seen on the page itself."""
    GUESS = "guess"
    """Inferred: nothing public says so."""

    def __str__(self) -> str:
        return self.value


#: The facts a setting that is read in a browser rests on.
FACTS = ("page", "control", "label")


@dataclass(frozen=True)
class Evidence:
    """One fact a setting depends on, where it comes from, and how sure it is.

    ``fact`` is ``page`` (the address), ``control`` (how the control is found: its
    id, test id, role) or ``label`` (the wording); ``source`` names the public
    source in words (a repository and file, a help page, a news report).
    """

    fact: str
    confidence: Confidence
    source: str


#: What one fact rests on: how sure the project is and the source, in words.
Sourced = tuple[Confidence, str]

#: The usual guess for a control whose markup nobody has published: a switch found by
#: its label alone.
FOUND_BY_LABEL: Sourced = (
    Confidence.GUESS,
    "inferred: a switch named by its label; its markup is not on record",
)


def evidence(
    *,
    page: Sourced | None = None,
    control: Sourced | None = None,
    label: Sourced | None = None,
) -> tuple[Evidence, ...]:
    """A setting's evidence, fact by fact: each a confidence and its source in words.

    ``evidence(page=(Confidence.CONFIRMED, "Example Help"), control=FOUND_BY_LABEL,
    label=(Confidence.LIKELY, "public guides"))``; a fact left out has no evidence.
    """
    given = (("page", page), ("control", control), ("label", label))
    return tuple(Evidence(fact, *sourced) for fact, sourced in given if sourced is not None)


@dataclass(frozen=True)
class Switch:
    """Where a setting's control lives and how it proves it is this setting.

    ``path`` is the settings page below the platform's origin (for a setting kept per
    blog or per site, with ``{name}`` where that blog's or site's name goes; ``names``
    may hold ``{name}`` too).

    A control on that page is this setting's only when something on it names the
    setting (see :mod:`automation.page.controls`):

    - ``testid``: the ``data-testid`` the real page is known to give this control;
    - ``ids``: ids that belong to this setting, such as LinkedIn's
      ``allowDataForGenerativeAI``: the control's own ``id`` or one it points to with
      ``aria-labelledby`` or ``aria-describedby``. Never a counter that only says
      where a control sits on the page (X's ``CHECKBOX_1_LABEL``);
    - ``names``: the label's wordings the platform is known to use, in any interface
      language, current first; matched against the control's label, its
      ``aria-label``, the text its ``aria-labelledby`` or ``aria-describedby`` ids
      point to, and a button's own text; never words that merely stand near it.

    Exactly one control on the page (inside ``within``, a CSS selector of the one
    container the control sits in, when given) may match; none or several read
    ``unknown``. ``role`` is what the control is, in words (``switch``,
    ``checkbox``). ``opens`` lists CSS selectors clicked in order after the page
    loads to reveal the control (a menu, a settings dialog). ``confirms`` lists the
    button wordings of a confirmation dialog the platform may show after the click,
    besides the usual ones ("Turn off", "Confirm", "Yes, turn off").

    ``fallbacks`` are other addresses of the same page, known from public sources
    (a page some links reach at another path), tried in order when the page at
    ``path`` is missing (HTTP 404) or lacks the control; a redirect from one known
    address to another is the same page. ``submit`` is the whole name of the button
    that keeps a change, on a page that saves nothing until it is pressed (Gmail's
    "Save Changes"), or several names, one per known form of the page (WordPress.com's
    "Save" and "Save settings"); the one in the control's own form is pressed.
    ``subdomain`` is the first label of the host the page is on, below the platform's
    origin, for a platform whose blogs each live on a host of their own (``{name}`` on
    ``https://{name}.substack.com``).

    ``shape`` says how the real page draws the control, and so which shared page code
    reads and changes it: ``switch`` (a switch or checkbox that holds its position,
    the default), ``chip`` (a chip that shows the state and opens a menu of choices,
    :mod:`automation.page.chips`), ``row`` (a row button whose name ends with the state
    and opens a menu or dialog holding the choice, :mod:`automation.page.rows`), ``radio``
    (a pair of options read from the chosen one's words, :mod:`automation.page.radios`) or
    ``offer`` (a button that offers the change, "Turn off" while on,
    :mod:`automation.page.offers`).
    """

    path: str
    names: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    testid: str | None = None
    within: str | None = None
    role: str = "switch"
    opens: tuple[str, ...] = ()
    confirms: tuple[str, ...] = ()
    fallbacks: tuple[str, ...] = ()
    submit: str | tuple[str, ...] | None = None
    subdomain: str | None = None
    shape: str = "switch"

    def address(self, origin: str) -> str:
        """The page's absolute address on ``origin`` (on its blog's own host below
        ``origin``, for a switch with a ``subdomain``)."""
        origin = origin.rstrip("/")
        if self.subdomain:
            split = urlsplit(origin)
            return f"{split.scheme}://{self.subdomain}.{split.netloc}{self.path}"
        return origin + self.path


@dataclass(frozen=True)
class Radios(Switch):
    """Where a setting drawn as a pair of radio options lives, and each option's words.

    ``on`` and ``off`` are the wordings, current first, that the option meaning each
    state begins with (its label, or the first line of its row). ``question`` holds
    the wordings of the question the pair answers, where it is on record: the pair
    counts only where the fieldset, radio group, dialog, section or main part around it
    (else the page) shows one of them. ``save`` lists CSS selectors of the page's own control
    that keeps the choice (an id the public record names, ``#optOutControl``), tried
    before ``submit``'s button names; without either, the choice is taken to save
    itself. ``names`` defaults to every option wording, so whatever lists a setting's
    marks finds them.
    """

    on: tuple[str, ...] = ()
    off: tuple[str, ...] = ()
    question: tuple[str, ...] = ()
    save: tuple[str, ...] = ()
    role: str = "radio pair"
    shape: str = field(default="radio")

    def __post_init__(self) -> None:
        if not self.on or not self.off:
            raise ValueError("a radio pair needs the wordings of its on and its off option")
        if not self.names:
            object.__setattr__(self, "names", (*self.on, *self.off))


@dataclass(frozen=True)
class Discovery:
    """How to find the blogs or sites a per-blog setting exists for.

    The page at ``path`` lists them as links matching ``link`` (CSS); ``pattern`` is
    a regular expression on each link's path whose group ``name`` is the blog's
    or site's name, which fills ``{name}`` in the switch's path. Where each blog lives
    on a host of its own below the platform's origin (``subdomain``), ``pattern`` is
    matched against the first label of each link's host instead (links to other
    hosts are ignored).
    """

    path: str
    link: str
    pattern: str
    noun: str = "blog"
    subdomain: bool = False


@dataclass(frozen=True, kw_only=True)
class Setting:
    """One entry of the checklist.

    A plugin declares its settings as data and the :class:`~automation.plugin.Plugin`
    class fills in what follows from it: ``platform`` is the plugin's name, and
    ``url``, the page a person opens, defaults to the switch's page on the platform's
    real site. ``recommended`` is ``off`` unless said otherwise.
    """

    key: str
    label: str
    description: str
    platform: str = ""
    url: str = ""
    recommended: State = State.OFF
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
    #: What each fact the setting depends on rests on (see :class:`Evidence`).
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        # The label, given to a Sentence, is said as the setting's label in the language
        # spoken; everywhere else it is the plugin's English str.
        english = str(self.label)
        label = Term(english, LABEL, self.id) if self.platform else english
        object.__setattr__(self, "label", label)

    def sureness(self, fact: str) -> Confidence | None:
        """How sure the project is of ``fact`` (``page``, ``control``, ``label``): the
        weakest of its sources."""
        found = [e.confidence for e in self.evidence if e.fact == fact]
        return max(found, key=list(Confidence).index) if found else None

    @property
    def guessed(self) -> tuple[str, ...]:
        """The facts this setting rests on that are guesses."""
        return tuple(e.fact for e in self.evidence if e.confidence is Confidence.GUESS)

    @property
    def id(self) -> str:
        """``platform.key``: how the config, exports and the command line name it."""
        if not self.platform:
            # Only a Plugin class gives a setting its platform; an id without one
            # would name no setting anywhere.
            raise ValueError(f"the setting {self.key!r} belongs to no plugin yet")
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
                fallbacks=tuple(f.replace("{name}", name) for f in self.switch.fallbacks),
                subdomain=(
                    self.switch.subdomain.replace("{name}", name) if self.switch.subdomain else None
                ),
                # Some platforms name the blog in the switch's label as well.
                names=tuple(n.replace("{name}", name) for n in self.switch.names),
            ),
            per=None,
        )


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
    #: A redacted capture of the page, kept when the reading did not match.
    capture: str | None = None

    def __post_init__(self) -> None:
        # A page address is evidence, but its query can carry tokens (a challenge
        # id, a session hint): keep the scheme, host and path only.
        if self.url:
            split = urlsplit(self.url)
            object.__setattr__(self, "url", urlunsplit((*split[:3], "", "")))


#: The kind of :class:`~automation.language.Term` a setting's label is (said by
#: :mod:`automation.setting_text`).
LABEL = "setting label"
