"""Captures kept in tests/captures, served back: each plugin still reads them as it did.

A capture of a page that did not read as expected (``privacy-tui capture``) becomes a
regression test by being put here with the reading it should give in
``<setting>.expected``; ``scripts/capture_replicas.py`` makes them from the replicas.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser

from automation.browser.launch import Running
from automation.captures import fileformat
from automation.domain.settings import State
from tests.paths import ROOT
from tests.replay import read_served

CAPTURES = sorted((ROOT / "tests" / "captures").glob("*.json"))


def test_every_capture_has_its_expected_reading() -> None:
    assert len(CAPTURES) >= 10, "tests/captures holds the regression fixtures"
    for path in CAPTURES:
        expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
        assert State(expected), path
        assert path.stat().st_size < 200_000, path


@pytest.fixture
def browser(shared_browser: Running) -> Browser:
    return shared_browser.browser


@pytest.mark.browser
@pytest.mark.parametrize("path", CAPTURES, ids=lambda path: path.stem)
async def test_a_kept_capture_reads_as_it_should(path: Path, browser: Browser) -> None:
    expected = State(path.with_suffix(".expected").read_text(encoding="utf-8").strip())
    reading = await read_served(fileformat.load(path), browser)
    assert reading.state is expected, reading.detail
