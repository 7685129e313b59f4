"""Which language is spoken: --lang, else [display] language, else the environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from automation import language
from automation.language import _, choose, ngettext


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    language.use("en")


@pytest.mark.parametrize(
    ("flag", "configured", "environ", "expected"),
    [
        ("ja", "en", {"LANG": "en_US.UTF-8"}, "ja"),
        (None, "ja", {"LANG": "en_US.UTF-8"}, "ja"),
        ("en", "ja", {"LANG": "ja_JP.UTF-8"}, "en"),
        (None, None, {"LANG": "ja_JP.UTF-8"}, "ja"),
        (None, None, {"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
        (None, None, {"LC_MESSAGES": "ja_JP", "LANG": "C"}, "ja"),
        (None, None, {"LC_ALL": "", "LANG": "ja"}, "ja"),
        (None, None, {"LANG": "POSIX"}, "en"),
        (None, None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, None, {}, "en"),
        ("fr", None, {"LANG": "ja_JP.UTF-8"}, "en"),
    ],
)
def test_the_first_that_is_given_decides(
    flag: str | None, configured: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose(flag, configured, environ) == expected


def test_words_are_said_in_the_language_in_use() -> None:
    language.use("ja")
    assert language.current() == "ja"
    assert _("Quit") == "終了"
    assert ngettext("{n} change", "{n} changes", 2).format(n=2) == "2 件の変更"
    language.use("en")
    assert _("Quit") == "Quit"
    assert ngettext("{n} change", "{n} changes", 1).format(n=1) == "1 change"
    assert ngettext("{n} change", "{n} changes", 2).format(n=2) == "2 changes"


def test_an_unknown_language_is_english() -> None:
    language.use("xx")
    assert language.current() == "en"
