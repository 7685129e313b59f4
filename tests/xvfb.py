"""A virtual X display (Xvfb) for the tests that open a visible browser window."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest


@pytest.fixture
def xvfb(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A virtual X display for the test's own headed browser; skipped without Xvfb."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("needs Xvfb (scripts/setup.sh --test installs the xvfb package)")
    read, write = os.pipe()
    process = subprocess.Popen(
        [binary, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    # Xvfb writes its display number once it accepts clients; EOF means it died.
    with os.fdopen(read) as ready:
        number = ready.readline().strip()
    if not number:
        process.kill()
        process.wait()
        pytest.fail("Xvfb did not start")
    monkeypatch.setenv("DISPLAY", f":{number}")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    try:
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=30)
