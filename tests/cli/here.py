"""``privacy-tui ARGV`` run by ``tui.cli.main`` in this process, where no real process
is the point: its status, stdout and stderr, as ``subprocess.run`` gives them."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from tui import cli


def run_here(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``privacy-tui ARGS`` with stdin at /dev/null (or the text ``stdin``, not a terminal)."""
    out, err = io.StringIO(), io.StringIO()
    with (
        open(os.devnull, encoding="utf-8") as null,
        pytest.MonkeyPatch.context() as streams,
    ):
        streams.setattr(sys, "stdin", null if stdin is None else io.StringIO(stdin))
        streams.setattr(sys, "stdout", out)
        streams.setattr(sys, "stderr", err)
        try:
            status = cli.main(list(args))
        except SystemExit as exc:  # argparse's own refusals, --help and --version
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return subprocess.CompletedProcess(
        ["privacy-tui", *args], status, out.getvalue(), err.getvalue()
    )
