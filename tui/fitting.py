"""Shortening a text to the room it has: at the end of a word, or in its middle, with an
ellipsis, and never in the middle of a word where a whole word can go."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

ELLIPSIS = "…"
#: What ends a part of a line that is cut off at its end (" · " between parts).
SEPARATORS = " ·,;:"
#: What closes a kept end that is cut (a site's name in brackets, a mark).
CLOSING = ") ?!"
#: The fewest cells a label's start keeps when its end is kept (its indent and a word's start).
START = 7


def shorten(text: Text, width: int, parts: str = "") -> Text:
    """``text`` in ``width`` cells: whole if it fits, else cut after its last whole word
    that fits, with an ellipsis (a word alone too long for the room is cut in it).

    With ``parts`` (a separator such as ``" · "``), a part of which less than half
    would be left goes whole: the text ends before it, with ``" · …"``.
    """
    if cell_len(text.plain) <= width:
        return text
    if width <= 0:
        return Text("")
    plain = text.plain
    at_word = _at_word(plain, width - cell_len(ELLIPSIS))
    if parts:
        # Cut before a part rather than keep less than half of it.
        more = parts.rstrip() + " " + ELLIPSIS
        cut = plain.rfind(parts, 0, _fitting(plain, width - cell_len(more)) + len(parts))
        part_end = plain.find(parts, at_word)
        part_end = len(plain) if part_end < 0 else part_end
        before = plain.rfind(parts, 0, at_word)
        part_start = 0 if before < 0 else before + len(parts)
        little = at_word - part_start < (part_end - part_start) / 2
        if cut > 0 and plain[:cut].strip() and (little or cut == part_end):
            start = text[:cut]
            start.append(more, style=_style_at(text, cut))
            return start
    return _joined(text[:at_word], text)


def _at_word(plain: str, room: int) -> int:
    """Where to cut ``plain`` to keep ``room`` cells: after its last whole word that
    fits, and in a word only when not even the first fits."""
    fits = _fitting(plain, room)
    cut = fits
    if cut < len(plain) and plain[cut] != " ":
        # In a word: back to the space before it.
        cut = plain.rfind(" ", 0, cut + 1)
    while cut > 0 and plain[cut - 1] in SEPARATORS:
        cut -= 1
    if cut <= 0 or not plain[:cut].strip():
        cut = fits
    return cut


def middle(text: Text, width: int, keep: int = 0) -> Text:
    """``text`` in ``width`` cells, cut in its middle with an ellipsis.

    Its last ``keep`` characters (a site's name, a mark) stay whole where the room
    allows; of the rest, the start stays, and its last words too where they take no
    more than a third of the room. Where the kept end leaves too little room for the
    start, the kept end is cut as well, before its closing marks (``") ?"``).
    """
    if cell_len(text.plain) <= width:
        return text
    plain = text.plain
    keep = max(0, min(keep, len(plain)))
    body, end = text[: len(plain) - keep], text[len(plain) - keep :]
    room = width - cell_len(ELLIPSIS) - cell_len(end.plain)
    if room < START:
        # The start keeps a few letters, and the kept end is cut before its closing.
        closing = len(end.plain) - len(end.plain.rstrip(CLOSING))
        end_room = width - START - 2 * cell_len(ELLIPSIS) - closing
        if keep == 0 or end_room < 3:
            return shorten(text, width)
        kept = end[: _fitting(end.plain, end_room)]
        kept.append(ELLIPSIS, style=_style_at(end, len(kept.plain)))
        kept.append_text(end[len(end.plain) - closing :])
        end, room = kept, START
    tail = _last_words(body.plain, room // 3)
    head = _fitting(body.plain, room - cell_len(body.plain[tail:]))
    while head > 0 and body.plain[head - 1] == " ":
        head -= 1
    shortened = body[:head]
    shortened.append(ELLIPSIS, style=_style_at(text, head))
    shortened.append_text(body[tail:])
    shortened.append_text(end)
    return shortened


def _last_words(plain: str, room: int) -> int:
    """Where ``plain``'s last whole words start (from a space) if they fit in ``room``
    cells; ``len(plain)`` when not even the last word does."""
    tail = len(plain)
    for index in range(len(plain) - 1, 0, -1):
        if plain[index] == " " and cell_len(plain[index:]) <= room:
            tail = index
    return len(plain) if not plain[:tail].strip() else tail


def _fitting(plain: str, room: int) -> int:
    """How many of ``plain``'s characters fit in ``room`` cells."""
    used = 0
    for index, character in enumerate(plain):
        used += cell_len(character)
        if used > room:
            return index
    return len(plain)


def _joined(start: Text, whole: Text) -> Text:
    start.rstrip()
    start.append(ELLIPSIS, style=_style_at(whole, len(start.plain)))
    return start


def _style_at(text: Text, index: int) -> str | Style:
    """The style of the span ``index`` falls in (the ellipsis looks like what it stands for)."""
    for span in reversed(text.spans):
        if span.start <= index < span.end:
            return span.style
    return ""
