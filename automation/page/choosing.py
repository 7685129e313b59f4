"""Which control is the setting's, by its words and marks alone: text as compared, a
wording named within a label, and the one candidate that proves it is the setting.
Plain data, no browser: :mod:`automation.page.controls` collects the candidates from
the page and finds the one these rules choose."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from automation.language import Sentence, either

if TYPE_CHECKING:
    from automation.domain.settings import Switch


def normalise(text: str) -> str:
    """Text as compared: one form of each character, plain quotes, single spaces, no case."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u2018\u2019\u02bc\u2032`]", "'", text)
    text = re.sub("[\u201c\u201d]", '"', text)
    return " ".join(text.split()).casefold()


def _edge(ch: str) -> bool:
    # Names join their parts with "-" and "_" (a blog "my-blog" is not "my").
    return ch.isascii() and (ch.isalnum() or ch in "-_")


def names_it(text: str, wording: str, *, leading: bool = False) -> bool:
    """True when ``text`` holds ``wording`` as a whole phrase (not inside a longer word).

    A wording of one word (ChatGPT's "Location") must be a whole line of ``text``: as
    a word inside a sentence ("use your precise location") it names nothing. With
    ``leading`` (a label that also holds a description, a description), the wording
    must begin a line: a description that mentions another setting by its name
    ("... covered by Model training on voice") does not name that setting.
    """
    needle = normalise(wording)
    if not needle:
        return False
    if needle.isascii() and " " not in needle:
        return any(normalise(line) == needle for line in text.splitlines())
    if leading:
        return any(_phrase_at(normalise(line), needle, 0) for line in text.splitlines())
    haystack = normalise(text)
    start = haystack.find(needle)
    while start != -1:
        if _phrase_at(haystack, needle, start):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _phrase_at(haystack: str, needle: str, start: int) -> bool:
    """Whether ``needle`` stands at ``start`` in ``haystack`` as a whole phrase."""
    if not haystack.startswith(needle, start):
        return False
    end = start + len(needle)
    before = haystack[start - 1] if start else " "
    after = haystack[end] if end < len(haystack) else " "
    return not (_edge(before) and _edge(needle[0])) and not (_edge(after) and _edge(needle[-1]))


@dataclass(frozen=True)
class Candidate:
    """One control on the page, with what ties it to a setting."""

    testid: str | None
    ids: tuple[str, ...]
    #: What names the control alone: its aria-label, the text of its aria-labelledby,
    #: a button's own text.
    texts: tuple[str, ...]
    checked: str | None
    disabled: bool
    visible: bool
    #: What may hold a description besides its name: its own ``<label>``, the text of
    #: its aria-describedby (a wording counts there only at the start of a line).
    words: tuple[str, ...] = ()

    @classmethod
    def from_page(cls, info: dict[str, Any]) -> Candidate:
        return cls(
            testid=info.get("testid"),
            ids=tuple(info.get("ids") or ()),
            texts=tuple(t for t in info.get("texts") or () if t),
            checked=info.get("checked"),
            disabled=bool(info.get("disabled")),
            visible=bool(info.get("visible")),
            words=tuple(t for t in info.get("words") or () if t),
        )

    @property
    def position(self) -> bool | None:
        """On (True), off (False), or neither (a ``mixed`` control, or no state shown)."""
        return {"true": True, "false": False}.get(self.checked or "")


def proof(switch: Switch, candidate: Candidate) -> str | None:
    """What on ``candidate`` names ``switch``'s setting, in words; None when nothing does."""
    if switch.testid and candidate.testid == switch.testid:
        return Sentence('its test id "{testid}"', testid=switch.testid)
    for own in switch.ids:
        if own in candidate.ids:
            return Sentence('its id "{id}"', id=own)
    for wording in switch.names:
        if any(names_it(text, wording) for text in candidate.texts) or any(
            names_it(text, wording, leading=True) for text in candidate.words
        ):
            return Sentence('its label "{wording}"', wording=wording)
    return None


def role(name: str, *, capital: bool = False) -> str:
    """A control's role (``switch``, ``checkbox``…) as a word of a sentence."""
    words = (
        {"switch": Sentence("Switch"), "checkbox": Sentence("Checkbox")}
        if capital
        else {
            "switch": Sentence("switch"),
            "checkbox": Sentence("checkbox"),
            "chip": Sentence("chip"),
            "button": Sentence("button"),
            "radio pair": Sentence("radio pair"),
        }
    )
    return words.get(name, name.capitalize() if capital else name)


def sought(switch: Switch) -> str:
    """What a detail says was looked for: the ids and wordings that would prove it."""
    parts: list[str] = []
    if switch.testid:
        parts.append(Sentence('test id "{testid}"', testid=switch.testid))
    parts += [Sentence('id "{id}"', id=own) for own in switch.ids]
    if len(switch.names) > 1:
        parts.append(
            Sentence(
                "label {wordings} (its {n} known wordings)",
                wordings=either(switch.names),
                n=len(switch.names),
            )
        )
    elif switch.names:
        parts.append(Sentence('label "{wording}"', wording=switch.names[0]))
    return Sentence(
        "a {role} with {marks}{where}",
        role=role(switch.role),
        marks=marks(parts),
        where=inside(switch.within),
    )


def marks(parts: list[str]) -> str:
    """The marks that were looked for, joined by ", or "; "no known mark" for none."""
    if not parts:
        return Sentence("no known mark")
    joined = parts[0]
    for part in parts[1:]:
        joined = Sentence("{first}, or {then}", first=joined, then=part)
    return joined


def inside(within: str | None) -> str:
    """`` inside <selector>``, where the control was looked for within a place."""
    return Sentence(" inside {within}", within=within) if within else ""


def choose(switch: Switch, candidates: list[Candidate]) -> tuple[int | None, int]:
    """The index of the one shown candidate that proves it is ``switch``'s, and how many
    did.

    A control counts only where the page shows it (or what names it): a page may keep
    a hidden copy for another layout, or a setting it does not offer here. But where
    the shown one is named only by a longer label that holds the setting's wording,
    and a hidden one by exactly that wording, the shown one is a neighbour as likely as
    the setting (its own row folded away): neither is taken.
    """
    matching = [i for i, c in enumerate(candidates) if proof(switch, c) is not None]
    shown = [i for i in matching if candidates[i].visible]
    if len(shown) != 1:
        return None, len(shown)
    one = shown[0]
    if exact(switch, candidates[one]) or not any(
        exact(switch, candidates[i]) for i in matching if i != one
    ):
        return one, 1
    return None, len(matching)


def exact(switch: Switch, candidate: Candidate) -> bool:
    """Whether ``candidate`` carries the setting's test id or own id, or a line of its
    label is exactly one of the setting's wordings."""
    if switch.testid and candidate.testid == switch.testid:
        return True
    if set(switch.ids) & set(candidate.ids):
        return True
    wordings = {normalise(w) for w in switch.names}
    return any(
        normalise(line) in wordings
        for text in (*candidate.texts, *candidate.words)
        for line in text.splitlines()
    )


def hidden(switch: Switch, candidates: list[Candidate]) -> int:
    """How many candidates name ``switch``'s setting but are not shown."""
    return sum(1 for c in candidates if not c.visible and proof(switch, c) is not None)
