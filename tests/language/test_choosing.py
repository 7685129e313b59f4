"""Which language is spoken: --lang, else [display] language, else the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from automation import language
from automation.language import _, choose, ngettext

ROOT = Path(__file__).resolve().parents[2]


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


def test_the_config_names_the_language() -> None:
    from automation.files.config import parse

    assert parse('[display]\nlanguage = "ja_JP.UTF-8"\n', {}).display.language == "ja"
    assert parse('[display]\nlanguage = "en"\n', {}).display.language == "en"
    assert parse("[display]\n", {}).display.language is None


@pytest.mark.parametrize("value", ['"fr"', '""', "3"])
def test_a_language_the_config_names_that_is_not_known_is_refused_in_one_line(
    value: str,
) -> None:
    from automation.files.config import parse
    from automation.files.config_types import ConfigError

    with pytest.raises(ConfigError) as refused:
        parse(f"[display]\nlanguage = {value}\n", {})
    said = str(refused.value)
    assert "language" in said
    assert "'en' or 'ja'" in said
    assert "\n" not in said


def run_help(*argv: str, environ: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.pop("PRIVACY_TUI_CONFIG", None)
    env.update(environ)
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", *argv, "check", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("configured", "flag", "lang", "japanese"),
    [
        ("ja", None, "C", True),
        ("ja", "en", "C", False),
        ("en", None, "ja_JP.UTF-8", False),
        (None, None, "ja_JP.UTF-8", True),
        (None, "ja", "C", True),
    ],
)
def test_lang_then_the_config_then_the_environment(
    tmp_path: Path, configured: str | None, flag: str | None, lang: str, japanese: bool
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[display]\nlanguage = "{configured}"\n' if configured else "")
    argv = ["--config", str(config)] + (["--lang", flag] if flag else [])
    said = run_help(*argv, environ={"LANG": lang})
    assert ("ヘッドレスブラウザですべての設定を読み込み" in said) is japanese
