"""The commands in Japanese: the table a person reads is, the JSON a program reads is not."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TIMES = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?")
#: The demo's replica sites listen on ports free at the time.
PORTS = re.compile(r"(127\.0\.0\.1|localhost|\[::1\]):\d+")


def normalised(output: str) -> str:
    return PORTS.sub(r"\1:PORT", TIMES.sub("TIME", output))


def run(*argv: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = lang
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


#: A platform of every page shape and way of reading: switches, chips (Google), an offer
#: (My Ad Center), rows (ChatGPT), radio pairs (Meta, Amazon), settings done by hand
#: (Meta), GitHub's drop-down, Gmail's first-run question, Spotify's market page, and
#: one blog's copy of a per-blog setting (Substack): every way a reading is told.
EVERY_SHAPE = (
    "meta",
    "google",
    "myadcenter",
    "chatgpt",
    "github",
    "gmail",
    "spotify",
    "substack",
    "x",
    "amazon",
)


def test_check_demo_prints_its_table_in_japanese() -> None:
    done = run("check", "--demo", "--lang", "ja", "--only", *EVERY_SHAPE, lang="C")
    assert done.returncode in (0, 1), done.stderr
    header = done.stdout.splitlines()[0].split()
    assert header == ["設定", "状態", "希望", "詳細"]
    assert "相違" in done.stdout
    assert "希望どおり" in done.stdout.splitlines()[-1]
    assert "SETTING" not in done.stdout
    # The DETAIL column: how each setting was read, in the engine's sentences said in Japanese.
    assert "で特定" in done.stdout
    assert "found by" not in done.stdout


def test_the_environment_chooses_japanese_and_lang_overrides_it() -> None:
    assert "設定" in run("check", "--help", lang="ja_JP.UTF-8").stdout
    assert "設定" not in run("check", "--help", "--lang", "en", lang="ja_JP.UTF-8").stdout


def test_an_unknown_lang_is_refused_with_the_known_ones() -> None:
    done = run("check", "--demo", "--lang", "klingon", lang="C")
    assert done.returncode == 2
    assert "klingon" in done.stderr
    assert "en, ja" in done.stderr


def test_check_json_is_the_same_bytes_in_japanese_apart_from_times_and_ports() -> None:
    english = run("check", "--demo", "--json", "--only", *EVERY_SHAPE, lang="C")
    japanese = run("check", "--demo", "--json", "--only", *EVERY_SHAPE, lang="ja_JP.UTF-8")
    assert english.returncode == japanese.returncode
    assert '"state": "on"' in english.stdout
    assert "found by" in japanese.stdout
    assert normalised(english.stdout) == normalised(japanese.stdout)
