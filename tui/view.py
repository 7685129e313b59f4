"""What the checklist draws for a row, a platform and the detail pane (no widgets here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from rich.style import Style
from rich.text import Span, Text

from automation import language, setting_text
from automation.domain import wishes
from automation.domain.settings import FACTS, Confidence, Kind, Reading, Setting, State
from automation.domain.wishes import Verdict, Wish
from automation.language import _, ngettext

from .history_view import DRIFT_MARK
from .model import Counts
from .words import said

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

STATE_STYLE = {
    State.NEEDS_LOGIN: "magenta",
    State.UNAVAILABLE: "dim",
    State.UNKNOWN: "yellow",
    State.ERROR: "red",
}
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
            text.append(
                "\n" + _("Source: {source}").format(source=setting.source) + "\n", style="dim"
            )
        return text
    text.append("\n" + _("How sure") + "\n", style="bold")
    for evidence in setting.evidence:
        text.append(f"{evidence.fact}: ", style="bold")
        text.append(
            confidence_word(evidence.confidence), style=CONFIDENCE_STYLE[evidence.confidence]
        )
        text.append(f" — {evidence.source}\n", style="dim")
    if setting.guessed:
        facts = ", ".join(dict.fromkeys(setting.guessed))
        text.append(GUESS_MARK.strip() + " ", style=CONFIDENCE_STYLE[Confidence.GUESS])
        text.append(
            _(
                "Rests on a guess ({facts}): where the real site differs, this row reads "
                "unknown or unavailable, never a guessed value."
            ).format(facts=facts)
            + "\n"
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
            return Text("✓ " + _("marked by you"), style="green")
        return Text(said("by_hand"), style="dim")
    if busy:
        return Text(f"{SPINNER[frame % len(SPINNER)]} {said(busy)}", style="cyan")
    if reading is None:
        return Text(said("not read"), style="dim")
    state = reading.state
    if state.is_value:
        # Told by shape and weight as well as colour: with NO_COLOR, or for an eye that
        # does not tell red from green, a bold ✗ stands out as much as a ✓ does.
        verdict = wishes.judge(wish, state)
        if verdict is Verdict.ANY_VALUE:
            text = Text(said(state))
            text.append(FREE_MARK, style="dim")
        else:
            good = verdict is Verdict.AS_WISHED
            text = Text(said(state), style=GOOD if good else BAD)
            text.append(" ✓" if good else " ✗", style=GOOD if good else BAD)
    else:
        text = Text(said(state), style=STATE_STYLE[state])
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
        signed = Text(_("signed in"), style="green")
    elif State.NEEDS_LOGIN in states:
        signed = Text(_("not signed in"), style="magenta")
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
    as_wished = ngettext(
        "{n} of {total} setting as you want", "{n} of {total} settings as you want", counts.readable
    ).format(n=counts.as_wished, total=counts.readable)
    text = Text(" " + as_wished, style="bold")
    for state, count in counts.not_values.items():
        text.append(" · " + _state_count(state, count))
    if counts.by_hand:
        marked = ngettext(
            "{n} of {total} by-hand step marked done",
            "{n} of {total} by-hand steps marked done",
            counts.by_hand,
        ).format(n=counts.marked, total=counts.by_hand)
        text.append(" · " + marked)
    if counts.busy:
        text.append(" · " + _("working on {n}…").format(n=counts.busy), style="cyan")
    if counts.drifted:
        drifted = _("{n} changed since the last check").format(n=counts.drifted)
        text.append(" · " + drifted, style="bold red")
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
        text.append(_("Only you can do this one; no browser step can finish it.") + "\n")
        if marked is not None:
            done = _("Marked done by you on {when}.").format(when=local(marked))
            text.append(done + "\n", style="green")
        else:
            press = _("Press {key} when you have done it.").format(key=mark_key)
            text.append(press + "\n", style="dim")
    else:
        text.append(_("You want:") + " ", style="bold")
        text.append(wish_said(setting, desired))
        text.append("   " + _("Recommended:") + " ", style="bold")
        text.append(advice(setting), style="dim")
        text.append("\n" + _("Now:") + " ", style="bold")
        text.append_text(state)
        text.append("\n")
        if reading is not None:
            text.append(f"{language.said(reading.detail)}\n")
            text.append(_("Read at {when}").format(when=local(reading.checked_at)), style="dim")
            if reading.url:
                text.append(" " + _("from {url}").format(url=reading.url), style="dim")
            text.append("\n")
        if history is not None:
            text.append_text(history)
    text.append("\n" + _("By hand") + "\n", style="bold")
    for number, step in enumerate(setting_text.steps(setting), 1):
        # Japanese puts no space after the number: a step with no space in it is then
        # wrapped from the number on, not moved whole below a lone number.
        text.append(_("{number}. {step}").format(number=f"{number:>2}", step=step) + "\n")
    text.append(_("Page: {url}").format(url=page_url) + "\n", style="dim")
    if setting.notes:
        text.append("\n" + _("Notes") + "\n", style="bold")
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
    return wish_said(setting, wishes.recommended(setting))


def wish_cell(setting: Setting, wish: Wish) -> Text:
    """The checklist's third column: what the person wants of the setting."""
    if setting.kind is Kind.MANUAL:
        return Text(said("by_hand"), style="dim")
    if wish is None:
        return Text(_("as is"), style="dim")
    return Text(said(wish))


def wish_said(setting: Setting, wish: Wish) -> str:
    """How ``wish`` is said to people (:func:`automation.domain.wishes.said`, in their language)."""
    if wish is None:
        return _("leave as it is")
    return said(wishes.said(setting, wish))


def confidence_word(confidence: Confidence) -> str:
    """How sure a fact is, said: confirmed, likely or guess."""
    words = {
        Confidence.CONFIRMED: _("confirmed"),
        Confidence.LIKELY: _("likely"),
        Confidence.GUESS: _("guess"),
    }
    return words.get(confidence, str(confidence))


def _state_count(state: State, count: int) -> str:
    """``2 errors``, ``1 unknown``: how many settings read a state other than on or off."""
    if state is State.ERROR:
        return ngettext("{n} error", "{n} errors", count).format(n=count)
    return _("{n} {state}").format(n=count, state=said(state))
