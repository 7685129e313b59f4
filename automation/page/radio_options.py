"""What a radio group's options say: each option's own words, the pair that answers a
setting, and the state the checked one shows. Plain data and words, no browser:
:mod:`automation.page.radios` reads the options from the page and acts on them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from automation.domain.settings import Radios, Reading, Setting, State
from automation.language import Sentence, either
from automation.page.choosing import inside
from automation.page.controls import names_it


@dataclass(frozen=True)
class Option:
    """One radio option on the page, with its own words."""

    words: str
    checked: bool
    disabled: bool = False
    visible: bool = True

    @classmethod
    def from_page(cls, info: dict[str, Any]) -> Option:
        return cls(
            words=info.get("words") or "",
            checked=bool(info.get("checked")),
            disabled=bool(info.get("disabled")),
            visible=bool(info.get("visible")),
        )

    @property
    def said(self) -> str:
        """Its first line of words, for a person to read."""
        lines = [" ".join(line.split()) for line in self.words.splitlines() if line.strip()]
        first = lines[0] if lines else ""
        return first if len(first) <= 120 else first[:117] + "..."


def meaning(radios: Radios, option: Option) -> State | None:
    """The state ``option``'s own words say: ``on`` or ``off`` when a line of them begins
    with one of that state's wordings (and none of the other's); None otherwise."""
    on = any(names_it(option.words, w, leading=True) for w in radios.on)
    off = any(names_it(option.words, w, leading=True) for w in radios.off)
    if on == off:
        return None
    return State.ON if on else State.OFF


@dataclass(frozen=True)
class Pair:
    """What :func:`pick` made of the page's options."""

    #: The index of the shown option of each state, where exactly one was found.
    on: int | None
    off: int | None
    #: How many shown options say each state.
    ons: int
    offs: int
    #: How many options say a state but are not shown.
    hidden: int = 0


def pick(radios: Radios, options: list[Option]) -> Pair:
    """The one shown option that says ``on`` and the one that says ``off``, by their own
    words; none of a state where the page shows no such option, or several."""
    ons = [i for i, o in enumerate(options) if o.visible and meaning(radios, o) is State.ON]
    offs = [i for i, o in enumerate(options) if o.visible and meaning(radios, o) is State.OFF]
    hidden = sum(1 for o in options if not o.visible and meaning(radios, o) is not None)
    return Pair(
        ons[0] if len(ons) == 1 else None,
        offs[0] if len(offs) == 1 else None,
        len(ons),
        len(offs),
        hidden,
    )


@dataclass(frozen=True)
class Chosen:
    """The state a group of options shows, or why none can be told."""

    state: State | None
    why: str = ""
    said: str = ""


def chosen(radios: Radios, group: list[Option]) -> Chosen:
    """The state ``group`` (the options answering one question) shows: the one checked
    option's own words decide; none or two checked, or a checked option whose words
    say neither state, tell none."""
    checked = [o for o in group if o.checked]
    if not checked:
        return Chosen(None, Sentence("neither option is chosen"))
    if len(checked) > 1:
        said = " and ".join(f'"{o.said}"' for o in checked)
        return Chosen(
            None, Sentence("{n} options are chosen at once ({said})", n=len(checked), said=said)
        )
    option = checked[0]
    state = meaning(radios, option)
    if state is None:
        return Chosen(
            None,
            Sentence(
                'the chosen option says "{said}", which is neither a known wording '
                "for on nor for off",
                said=option.said,
            ),
            option.said,
        )
    return Chosen(state, said=option.said)


def sought(radios: Radios) -> str:
    """What a detail says was looked for."""
    return Sentence(
        "a pair of radio options, one beginning {on} and one beginning {off}{where}",
        on=either(radios.on),
        off=either(radios.off),
        where=inside(radios.within),
    )


def declared(setting: Setting) -> Radios | Reading:
    """The radio pair ``setting`` declares, or the reading that says it declares none."""
    switch = setting.switch
    if isinstance(switch, Radios):
        return switch
    return Reading(
        setting.id,
        State.UNKNOWN,
        Sentence(
            "{id} is declared as a radio pair without the words of its options; "
            "not guessing which option is which.",
            id=setting.id,
        ),
    )
