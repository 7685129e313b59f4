"""The checklist is on screen before the browser, the plugins' page code, the history and
the keyring are touched.

Each case runs in a fresh Python, so what an earlier test imported does not count:
the app runs headless until it would open the history, after its first frame, and
that moment says which modules were loaded and what the screen showed.
"""

from __future__ import annotations

import gc
import html
import json
import os
import re
import subprocess
import sys

import pytest

from automation.engine.runtime import Runtime, build
from automation.records.history import default_path
from tests.paths import ROOT
from tui import cli
from tui.app import PrivacyApp

#: What the first frame must not wait for: the browser's driver, the plugins' page code
#: (what finds, reads and clicks a control, and signs in), the dialogs, the keyring (and
#: the session files' encryption), the history's database.
NOT_YET = (
    "playwright",
    "tui.dialogs",
    "automation.page.switches",
    "automation.page.controls",
    "automation.page.popups",
    "automation.accounts.signin",
    "keyring",
    "cryptography",
    "sqlite3",
)

FIRST_FRAME = """
import gc, json, sys
from automation.engine.runtime import Runtime, build
from tui import cli
from tui.app import PrivacyApp
from tui.flows.checking import Checking

demo = sys.argv[1] == "demo"
# As the command opens the checklist (tui.cli): the history and the demo's sites later,
# and no garbage collection before the first frame.
gc.disable()
runtime = build(None, demo=demo, open_history=False, serve_now=False)
seen = {}

def after_first_frame(self):
    seen["collecting"] = gc.isenabled() and gc.get_freeze_count() > 0
    seen["modules"] = [name for name in sys.argv[2:] if name in sys.modules]
    seen["screen"] = self.host.export_screenshot()
    seen["history_opened"] = self.host.runtime.history.opened
    self.host.exit()
    return False

Checking.open_history = after_first_frame
try:
    PrivacyApp(runtime, demo=demo).run(headless=True, size=(120, 40))
finally:
    runtime.close()
print(json.dumps(seen))
"""


#: The demo's replica sites: served once the browser is wanted, and never on real accounts.
REPLICAS = ("automation.replicas",)


def first_frame(mode: str) -> dict[str, object]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, mode, *NOT_YET, *REPLICAS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return seen


@pytest.mark.parametrize("mode", ["demo", "own accounts"])
def test_first_frame_needs_no_browser_keyring_or_history(mode: str) -> None:
    seen = first_frame(mode)
    assert seen["modules"] == []
    # Collections come back with the first frame, the start's objects left out of them.
    assert seen["collecting"] is True
    assert seen["history_opened"] is False
    # The rows were drawn, each still unread.
    screen = html.unescape(re.sub(r"<[^>]+>", "", str(seen["screen"]))).replace("\xa0", " ")
    assert "LinkedIn" in screen
    assert "not read" in screen


async def test_a_history_that_cannot_be_used_ends_the_app_before_the_browser() -> None:
    """Opened after the first frame, a damaged history still stops the app, which the
    command then reports as before (status 2, the same message)."""
    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database" * 50)
    runtime = build(None, open_history=False)
    app = PrivacyApp(runtime)
    try:
        async with app.run_test() as pilot:
            for _ in range(50):
                if app.checking.refused is not None:
                    break
                await pilot.pause(0.05)
    finally:
        runtime.close()
    assert app.checking.refused is not None
    assert str(path) in app.checking.refused and "move it away" in app.checking.refused
    assert not runtime.engine.started
    assert path.read_bytes() == b"not a database" * 50


def test_the_checklist_command_holds_collections_until_the_first_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def open_app(runtime: Runtime, *, demo: bool) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "open_app", open_app)
    try:
        assert cli.main(["--demo"]) == 0
    finally:
        gc.enable()
    assert seen == [False]
