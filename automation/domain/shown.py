"""Text from outside (a file, a page, a config, the command line) made safe for a terminal.

A terminal obeys the control characters in what it prints: ESC sequences retitle the
window, clear the screen or set the clipboard; a carriage return overwrites a line.
Anything read from outside is passed through :func:`shown` before it is printed or put
in a message, so a hostile capture, page or config can only show its characters, never
act on the terminal.
"""

from __future__ import annotations

import unicodedata

#: Values longer than this are cut in a message (a whole page pasted in an id, say).
LIMIT = 120

#: Some control characters have a well-known short escape.
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _visible(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def is_control(char: str) -> bool:
    """C0 and C1 controls, DEL, the invisible format characters (bidi overrides,
    zero-width characters) that can make printed text read other than it is, and lone
    surrogates, which no terminal's encoding can print."""
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Cs", "Zl", "Zp")


def shown(text: object, limit: int | None = LIMIT) -> str:
    """``text`` with every control character written out (``\\e``, ``\\x07``, ``\\n``)
    and, past ``limit`` characters, cut with an ellipsis. Printable text is unchanged."""
    value = str(text)
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    if not any(is_control(char) for char in value):
        return value
    return "".join(_visible(char) if is_control(char) else char for char in value)


def shown_lines(text: str) -> str:
    """A message of several lines: its line breaks kept, every other control character
    written out, nothing cut (the message's own writer chose its length)."""
    return "\n".join(shown(line, limit=None) for line in text.split("\n"))


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character (refused where a name or path goes)."""
    return any(is_control(char) for char in text)
