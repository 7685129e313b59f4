"""What the checklist draws for a row, a platform and the detail pane (no widgets here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from rich.style import Style
from rich.text import Span, Text

from automation import setting_text, wishes
from automation.model import FACTS, Confidence, Kind, Reading, Setting, State
from automation.wishes import Verdict, Wish

from . import words
from .history_view import DRIFT_MARK
from .model import Counts

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

STATE_STYLE = {
    State.NEEDS_LOGIN: "magenta",
    State.UNAVAILABLE: "dim",
    State.UNKNOWN: "yellow",
    State.ERROR: "red",
}
STATE_WORDS = {State.NEEDS_LOGIN: "needs login"}
#: An on/off reading as the person wants it, and one that is not.
GOOD = "green"
BAD = "bold red"
#: After a value the person leaves as it is: any value is as they want.
FREE_MARK = " ·"

CONFIDENCE_STYLE = {
    Confidence.CONFIRMED: "green",
    Confidence.LIKELY: "yellow",
    Confidence.GUESS: "bold red",
}
#: One character a confidence, for tables: page, control and label side by side.
SURE_MARK = {Confidence.CONFIRMED: "✓", Confidence.LIKELY: "~", Confidence.GUESS: "?"}
#: After a checklist row's name: the setting rests on a guess.
GUESS_MARK = " ?"


def label_cell(setting: Setting) -> Text:
    """A setting's name in the checklist, marked when it rests on a guess."""
    text = Text("  " + setting_text.label(setting), overflow="ellipsis", no_wrap=True)
    if setting.guessed:
        text.append(GUESS_MARK, style=CONFIDENCE_STYLE[Confidence.GUESS])
    return text


def sure_marks(setting: Setting) -> str:
    """How sure the page, the control and the label are: ``✓`` confirmed, ``~`` likely,
    ``?`` a guess, ``-`` no evidence (a by-hand setting has no control or label)."""
    marks = []
    for fact in FACTS:
        confidence = setting.sureness(fact)
        marks.append(SURE_MARK[confidence] if confidence else "-")
    return "".join(marks)


def evidence_text(setting: Setting) -> Text:
    """What each fact the setting rests on comes from, and how sure it is."""
    text = Text()
    if not setting.evidence:
        if setting.source:
            text.append(f"\nSource: {setting.source}\n", style="dim")
        return text
    text.append("\nHow sure\n", style="bold")
    for evidence in setting.evidence:
        text.append(f"{evidence.fact}: ", style="bold")
        text.append(str(evidence.confidence), style=CONFIDENCE_STYLE[evidence.confidence])
        text.append(f" — {evidence.source}\n", style="dim")
    if setting.guessed:
        facts = ", ".join(dict.fromkeys(setting.guessed))
        text.append(GUESS_MARK.strip() + " ", style=CONFIDENCE_STYLE[Confidence.GUESS])
        text.append(
            f"Rests on a guess ({facts}): where the real site differs, this row reads "
            "unknown or unavailable, never a guessed value.\n"
        )
    return text


def state_cell(
    setting: Setting,
    reading: Reading | None,
    busy: str | None,
    frame: int,
    marked: datetime | None,
    *,
    wish: Wish = None,
    drifted: bool = False,
) -> Text:
    """The state column: a spinner while working, else the last reading (or the mark),
    judged against the person's ``wish``: ✓ as wished, ✗ not, · left as it is.

    ``drifted`` adds the mark of a setting that changed since the last check without
    privacy-tui changing it.
    """
    if setting.kind is Kind.MANUAL:
        if marked is not None:
            return Text("✓ marked by you", style="green")
        return Text("by hand", style="dim")
    if busy:
        return Text(f"{SPINNER[frame % len(SPINNER)]} {busy}", style="cyan")
    if reading is None:
        return Text("not read", style="dim")
    state = reading.state
    if state.is_value:
        # Told by shape and weight as well as colour: with NO_COLOR, or for an eye that
        # does not tell red from green, a bold ✗ stands out as much as a ✓ does.
        verdict = wishes.judge(wish, state)
        if verdict is Verdict.ANY_VALUE:
            text = Text(str(state))
            text.append(FREE_MARK, style="dim")
        else:
            good = verdict is Verdict.AS_WISHED
            text = Text(str(state), style=GOOD if good else BAD)
            text.append(" ✓" if good else " ✗", style=GOOD if good else BAD)
    else:
        text = Text(STATE_WORDS.get(state, str(state)), style=STATE_STYLE[state])
    if drifted:
        text.append(DRIFT_MARK, style="bold red")
    return text


def as_wished(
    settings: Iterable[Setting], readings: Mapping[str, Reading], desired: Mapping[str, Wish]
) -> int:
    """How many of ``settings`` were read as the person wants them."""
    return sum(
        1
        for s in settings
        if s.id in readings and wishes.judge(desired.get(s.id), readings[s.id].state).fine
    )


def platform_cells(
    title: str,
    settings: list[Setting],
    readings: Mapping[str, Reading],
    collapsed: bool,
    desired: Mapping[str, Wish],
) -> tuple[Text, Text, Text]:
    """The platform's header row: its name, its sign-in state, how many are as wanted."""
    name = Text(
        ("▸ " if collapsed else "▾ ") + title, style="bold", overflow="ellipsis", no_wrap=True
    )
    states = [readings[s.id].state for s in settings if s.id in readings]
    if any(s.is_value for s in states):
        signed = Text("signed in", style="green")
    elif State.NEEDS_LOGIN in states:
        signed = Text("not signed in", style="magenta")
    else:
        signed = Text("")
    readable = [s for s in settings if s.kind is not Kind.MANUAL]
    count = (
        Text(f"{as_wished(readable, readings, desired)}/{len(readable)} ✓")
        if readable
        else Text("")
    )
    return name, signed, count


def summary(counts: Counts) -> Text:
    """The status line's counts."""
    noun = "setting" if counts.readable == 1 else "settings"
    text = Text(f" {counts.as_wished} of {counts.readable} {noun} as you want", style="bold")
    for state, count in counts.not_values.items():
        word = STATE_WORDS.get(state, str(state))
        # "2 errors"; the other states are said as they are ("2 unknown").
        said = words.count(count, word) if state is State.ERROR else f"{count} {word}"
        text.append(f" · {said}")
    if counts.by_hand:
        steps = words.count(counts.by_hand, "by-hand step")
        text.append(f" · {counts.marked} of {steps} marked done")
    if counts.busy:
        text.append(f" · working on {counts.busy}…", style="cyan")
    if counts.drifted:
        text.append(f" · {counts.drifted} changed since the last check", style="bold red")
    return text


def detail(
    setting: Setting,
    page_url: str,
    state: Text,
    reading: Reading | None,
    desired: Wish,
    marked: datetime | None,
    history: Text | None = None,
    mark_key: str = "m",
) -> Text:
    """The detail pane for one setting; ``history`` goes under the last reading, and
    ``mark_key`` is the key that marks a by-hand step done."""
    text = Text()
    text.append(setting_text.label(setting) + "\n", style="bold")
    text.append(f"{setting.id}\n\n", style="dim")
    text.append(setting_text.description(setting) + "\n\n")
    if setting.kind is Kind.MANUAL:
        text.append("Only you can do this one; no browser step can finish it.\n")
        if marked is not None:
            text.append(f"Marked done by you on {local(marked)}.\n", style="green")
        else:
            text.append(f"Press {mark_key} when you have done it.\n", style="dim")
    else:
        text.append("You want: ", style="bold")
        text.append(wishes.said(setting, desired))
        text.append("   Recommended: ", style="bold")
        text.append(advice(setting), style="dim")
        text.append("\nNow: ", style="bold")
        text.append_text(state)
        text.append("\n")
        if reading is not None:
            text.append(f"{reading.detail}\n")
            text.append(f"Read at {local(reading.checked_at)}", style="dim")
            if reading.url:
                text.append(f" from {reading.url}", style="dim")
            text.append("\n")
        if history is not None:
            text.append_text(history)
    text.append("\nBy hand\n", style="bold")
    for number, step in enumerate(setting_text.steps(setting), 1):
        text.append(f"{number:>2}. {step}\n")
    text.append(f"Page: {page_url}\n", style="dim")
    if setting.notes:
        text.append("\nNotes\n", style="bold")
        text.append(setting_text.notes(setting) + "\n")
    text.append_text(evidence_text(setting))
    return text


def local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def same(old: object, new: Text) -> bool:
    """Whether ``old`` is drawn as ``new`` is (rich's ``==`` leaves a text's own style out)."""
    return (
        isinstance(old, Text)
        and old.plain == new.plain
        and old.style == new.style
        and old.spans == new.spans
    )


def colourless(text: Text) -> Text:
    """``text`` with every colour dropped, and bold, dim and the rest kept (for NO_COLOR)."""
    plain = text.copy()
    plain.style = _without_colour(text.style)
    plain.spans = [Span(s.start, s.end, _without_colour(s.style)) for s in text.spans]
    return plain


def _without_colour(style: str | Style) -> Style:
    return (Style.parse(style) if isinstance(style, str) else style).without_color


def advice(setting: Setting) -> str:
    """The recommendation, said apart from the person's wish: what the ``recommended``
    preset would want."""
    return wishes.said(setting, wishes.recommended(setting))


def wish_cell(setting: Setting, wish: Wish) -> Text:
    """The checklist's third column: what the person wants of the setting."""
    if setting.kind is Kind.MANUAL:
        return Text("by hand", style="dim")
    if wish is None:
        return Text("as is", style="dim")
    return Text(str(wish))
