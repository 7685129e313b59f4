"""Shortening Japanese text: by display cells (a kanji or kana takes two), never in the middle
of a character, and a wide character that does not fit in the room left is dropped whole."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.text import Text

from tui.fitting import ELLIPSIS, middle, shorten

LABEL = "  生成AI改善のためのデータ"
#: A per-blog label: its site's name in brackets is kept where the room allows.
BLOG_LABEL = "  第三者との共有を防ぐ (アートノート)"
SITE = " (アートノート)"


def test_the_labels_are_wider_than_they_are_long() -> None:
    assert cell_len(LABEL) > len(LABEL)


@pytest.mark.parametrize("width", range(1, cell_len(LABEL) + 2))
def test_shorten_fits_the_cells_and_keeps_whole_characters(width: int) -> None:
    shown = shorten(Text(LABEL), width).plain
    assert cell_len(shown) <= width
    if shown == LABEL:
        assert cell_len(LABEL) <= width
        return
    assert shown.endswith(ELLIPSIS)
    start = shown[: -len(ELLIPSIS)]
    assert LABEL.startswith(start)
    # Nothing that would have fitted is left out: the next character is too wide for the room.
    if start:
        following = LABEL[len(start)]
        assert cell_len(start) + cell_len(following) + cell_len(ELLIPSIS) > width


def test_a_wide_character_that_does_not_fit_is_dropped_whole() -> None:
    # "  生成" takes 6 cells; at 8 cells, "A" (one cell) fits before the ellipsis, and at 7
    # neither "A" and the ellipsis nor half of a kanji do.
    assert shorten(Text(LABEL), 8).plain == "  生成A" + ELLIPSIS
    # "  生成AI" is 8 cells: at 10 the next kanji (2 cells) and the ellipsis need 11, so
    # the line is one cell short of its room rather than holding half a character.
    shown = shorten(Text(LABEL), 10).plain
    assert shown == "  生成AI" + ELLIPSIS
    assert cell_len(shown) == 9


def test_latin_words_in_japanese_text_are_still_cut_at_a_space() -> None:
    text = "Grok と xAI のトレーニング"
    shown = shorten(Text(text), 12).plain
    assert cell_len(shown) <= 12
    assert shown == "Grok と xAI" + ELLIPSIS


@pytest.mark.parametrize("width", range(8, cell_len(BLOG_LABEL) + 1))
def test_middle_keeps_the_sites_name_in_cells(width: int) -> None:
    shown = middle(Text(BLOG_LABEL), width, keep=len(SITE)).plain
    assert cell_len(shown) <= width
    assert set(shown) <= set(BLOG_LABEL + ELLIPSIS)
    if cell_len(SITE) + 7 + cell_len(ELLIPSIS) <= width:
        assert shown.endswith(SITE)


def test_the_styles_stay_on_their_characters() -> None:
    text = Text()
    text.append("  生成AI", style="bold")
    text.append("改善のためのデータ", style="red")
    shown = shorten(text, 14)
    assert shown.plain == "  生成AI改善" + ELLIPSIS
    assert style_at(shown, 2) == {"bold"}
    assert style_at(shown, len(shown.plain) - 2) == {"red"}
    # The ellipsis looks like what it stands for.
    assert style_at(shown, len(shown.plain) - 1) == {"red"}


def style_at(text: Text, index: int) -> set[str]:
    return {str(span.style) for span in text.spans if span.start <= index < span.end}
