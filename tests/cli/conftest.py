"""What a command run in this process leaves behind is put back after each test."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator

import pytest

from automation import language


@pytest.fixture(autouse=True)
def cli_state_put_back() -> Iterator[None]:
    """The language, argparse's words and garbage collection as they were: ``tui.cli.main``
    speaks the language it is asked for, hands argparse its gettext, and the checklist
    holds collections until its first frame."""
    lang = language.current()
    words = getattr(argparse, "_")  # noqa: B009 - a module's global, as tui.cli sets it
    yield
    gc.enable()
    language.use(lang)
    setattr(argparse, "_", words)  # noqa: B010
