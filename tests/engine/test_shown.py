"""Text from outside is printed with its control characters written out."""

from __future__ import annotations

import io

import pytest

from automation.domain.shown import has_control, shown, shown_lines


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("\x1b]0;pwned\x07", "\\e]0;pwned\\x07"),  # retitles a terminal
        ("\x1b[2J", "\\e[2J"),  # clears the screen
        ("a\rb", "a\\rb"),  # overwrites the line
        ("\x9b31m", "\\x9b31m"),  # a C1 control sequence introducer
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # a bidi override
        ("a\ud800b", "a\\ud800b"),  # a lone surrogate
        ("plain words, ünïcode and 日本語", "plain words, ünïcode and 日本語"),
    ],
)
def test_control_characters_are_written_out(raw: str, printed: str) -> None:
    assert shown(raw) == printed
    assert has_control(raw) == (raw != printed)
    # Whatever came in, the result prints on a strict UTF-8 stream.
    io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict").write(shown(raw))


def test_long_values_are_cut_and_lines_of_a_message_kept() -> None:
    assert shown("x" * 500, limit=10) == "x" * 9 + "…"
    assert shown_lines("first\nsecond\x1b[2J") == "first\nsecond\\e[2J"
