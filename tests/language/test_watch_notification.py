"""A watched check's desktop notification is read by a person: it is in their language,
while what the [watch] command gets stays English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from automation import language
from automation.watch.check import EXIT_DRIFT, Report, notify
from automation.watch.system import RecordingSystem

AT = datetime(2026, 12, 7, 10, tzinfo=UTC)
CAME_BACK = {
    "key": "linkedin.ai_training=on",
    "kind": "came_back_on",
    "id": "linkedin.ai_training",
}


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    language.use(language.ENGLISH)


def shown(tmp_path: Path) -> tuple[str, str]:
    system = RecordingSystem(tmp_path / "system.jsonl")
    assert notify(system, Report(AT, [CAME_BACK], EXIT_DRIFT)) is None
    (call,) = system.calls
    argv = call["argv"]
    assert isinstance(argv, list) and argv[0] == "notify-send", argv
    return argv[-2], argv[-1]


def test_the_notification_is_english_by_default(tmp_path: Path) -> None:
    title, body = shown(tmp_path)
    assert title == "privacy-tui: a setting changed"
    assert "linkedin.ai_training" in body and "came back on" in body


def test_the_notification_is_in_japanese_where_the_person_reads_japanese(
    tmp_path: Path, speaking: None
) -> None:
    report = Report(AT, [CAME_BACK], EXIT_DRIFT)
    english = str(report.summary())
    language.use("ja")
    title, body = shown(tmp_path)
    assert title != "privacy-tui: a setting changed" and title.startswith("privacy-tui")
    assert body != english and "linkedin.ai_training" in body
    assert any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in title + body)
    # What programs read is the same English in either language.
    assert report.payload(None)["summary"] == english
