"""Commands read into a pipe that closes early, and ``--only`` with platforms and typos."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from automation.engine.runtime import Runtime
from automation.plugins.linkedin import LinkedIn
from automation.plugins.tumblr import Tumblr
from tests.cli.test_cli import run
from tests.paths import ROOT
from tui.commands.options import UnknownIds, setting_ids
from tui.commands.running import on_runtime

CAPTURE = ROOT / "tests" / "captures" / "linkedin.ai_training.json"


def into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``privacy-tui ARGS`` with its output going to a pipe nobody reads any more,
    as ``| head`` is once it has what it wants."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "tui.cli", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [("capture", "--show", str(CAPTURE)), ("list",), ("list", "--json")],
    ids=["capture --show", "list", "list --json"],
)
def test_output_into_a_pipe_closed_early_ends_quietly(args: tuple[str, ...]) -> None:
    done = into_closed_pipe(*args)
    assert done.stderr == "", done.stderr
    assert done.returncode == 0


def test_a_platform_stands_for_all_its_settings() -> None:
    assert setting_ids(["linkedin"]) == [s.id for s in LinkedIn.settings]
    blog = next(s for s in Tumblr.settings if s.per is not None).id + "@myblog"
    assert setting_ids(["linkedin.ai_training", blog, "linkedin"]) == [
        "linkedin.ai_training",
        blog,
        *[s.id for s in LinkedIn.settings if s.id != "linkedin.ai_training"],
    ]


def test_only_a_platform_runs_on_all_its_settings() -> None:
    seen: list[str] = []

    def body(runtime: Runtime) -> int:
        seen.extend(s.id for s in runtime.settings)
        return 0

    args = argparse.Namespace(config=None, demo=True, only=["linkedin"], store_unencrypted=False)
    assert on_runtime(args, body) == 0
    assert seen == [s.id for s in LinkedIn.settings]


def test_an_unknown_id_suggests_the_nearest_and_the_list() -> None:
    with pytest.raises(UnknownIds) as raised:
        setting_ids(["linkdin.ai_trainig", "linkedn"])
    said = str(raised.value)
    assert "'linkdin.ai_trainig'" in said and "Did you mean 'linkedin.ai_training'?" in said
    assert "Did you mean 'linkedin'?" in said
    assert "privacy-tui list" in said
    done = run("--demo", "check", "--only", "ai_training")
    assert done.returncode == 2
    assert "linkedin.ai_training" in done.stderr and "privacy-tui list" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.browser
def test_check_into_a_pipe_closed_early_keeps_its_status(chromium: str) -> None:
    """The demo's AI setting reads on where off is wanted: status 1, pipe or no pipe."""
    done = into_closed_pipe("--demo", "check", "--json", "--only", "linkedin.ai_training")
    assert "Traceback" not in done.stderr and "Broken pipe" not in done.stderr, done.stderr
    assert done.returncode == 1
