"""The commands name the settings in the language chosen; what programs read stays English."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from automation import language
from tui.cli import main


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.use(language.ENGLISH)


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["list", *args]) == 0
    return capsys.readouterr().out


def rows(printed: str) -> dict[str, str]:
    """The table's lines by setting id (the legend after it left out)."""
    table = printed.split("\n\n")[0].splitlines()[1:]
    return {line.split()[0]: line for line in table}


def test_list_names_the_settings_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    shown = rows(listed(capsys, "--lang", "ja"))
    assert shown["linkedin.ai_training"].endswith("生成AI改善のためのデータ")
    assert shown["x.personalized_ads"].endswith("パーソナライズされた広告")


def test_list_in_english_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    shown = rows(listed(capsys, "--lang", "en"))
    assert shown["linkedin.ai_training"].endswith("Data for Generative AI Improvement")


def test_list_json_is_the_same_in_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    english = json.loads(listed(capsys, "--json", "--lang", "en"))
    japanese = json.loads(listed(capsys, "--json", "--lang", "ja"))
    assert japanese == english
    first = japanese[0]
    assert first["label"] == "Data for Generative AI Improvement"
    assert first["manual_steps"][0] == "Sign in to LinkedIn."
