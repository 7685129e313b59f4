"""A password and a session cookie used in a full run end up in no file and no output.

The run: two `privacy-tui check` runs (the first signs in with the keyring's password
and keeps the session, the second reuses it), then the checklist, which exports.
Every file the run could have written (the config, data, state and cache folders,
the export's folder and the browser's temporary folder) and everything it printed
is searched for the password and for every session cookie the replica handed out.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from automation import registry
from automation.accounts import secrets
from automation.accounts.secrets import Credentials
from automation.domain.settings import State
from automation.engine.runtime import build, log_path, setup_logging
from automation.replicas import ReplicaServer
from tui.app import PrivacyApp
from tui.cli import main
from tui.dialogs import ExportPath

pytestmark = pytest.mark.browser

USER, PASSWORD = "leak@example.com", "pw-LEAK-check-7c1f9e2d"


@pytest.fixture
def quiet_log() -> Iterator[None]:
    """Give the app's logger back as it was (the commands point it at their own file)."""
    logger = logging.getLogger("privacy_tui")
    saved = logger.handlers[:], logger.level, logger.propagate
    yield
    for handler in logger.handlers:
        if handler not in saved[0]:
            handler.close()
    logger.handlers[:], logger.level, logger.propagate = saved


@pytest.fixture
def browser_temp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The driver's and Chromium's scratch folder (short: Chromium puts sockets there)."""
    folder = Path(tempfile.mkdtemp(prefix="ptui-"))
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def files_below(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


@pytest.mark.usefixtures("quiet_log")
def test_no_password_or_cookie_in_any_file_or_output(
    chromium: str,
    replica: ReplicaServer,
    isolated_home: Path,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    browser_temp: Path,
) -> None:
    others = [cls.name for cls in registry.load()[0] if cls.name != "linkedin"]
    site = replica.sites["linkedin"]
    site.add_account(USER, PASSWORD)
    secrets.set_credentials("linkedin", Credentials(USER, PASSWORD))
    config_dir = isolated_home / "xdg_config_home" / "privacy-tui"
    config_dir.mkdir(parents=True)
    export = tmp_path / "exports" / "mine.toml"
    export.parent.mkdir()
    (config_dir / "config.toml").write_text(
        f'[browser]\nexecutable = "{chromium}"\ntimeout = 15\n\n'
        f'[platforms.linkedin]\norigin = "{replica.origins["linkedin"]}"\n\n'
        f'[export]\npath = "{export}"\n'
        # The other platforms (no account, no replica) are left out: the run is LinkedIn's.
        + "".join(f"\n[platforms.{name}]\nenabled = false\n" for name in others)
    )

    assert main(["check", "--only", "linkedin.ai_training"]) == 1  # on, and "off" is wanted
    assert site.sign_ins == [USER]
    # Two settings stand for all: the session, the sign-in and the log are the platform's.
    read = ["linkedin.ai_training", "linkedin.research"]
    assert main(["check", "--json", "--only", *read]) == 1
    assert site.sign_ins == [USER], "the second run reuses the kept session"

    async def checklist() -> None:
        setup_logging(log_path())
        runtime = build(log=log_path(), only=read)
        app = PrivacyApp(runtime)
        try:
            async with app.run_test(size=(140, 40)) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert app.model.readings["linkedin.ai_training"].state is State.ON
                await pilot.press("e")
                assert isinstance(app.screen, ExportPath)
                app.screen.query_one(Input).value = str(export)
                await pilot.press("enter")
                await pilot.pause()
                await app.action_quit()
        finally:
            runtime.close()

    asyncio.run(checklist())
    printed = capfd.readouterr()

    cookies = site.session_tokens(USER)
    assert cookies, "the replica handed out a session"
    needles = [PASSWORD, *cookies]
    written = files_below(isolated_home, export.parent, browser_temp)
    names = {p.name for p in written}
    # The run really wrote what is searched: a kept session, a log, the export.
    assert {"privacy-tui.log", "mine.toml"} <= names, names
    assert any(n.startswith("linkedin@") and n.endswith(".session") for n in names), names
    # Found or not is all an assertion may say: its message must not show the secret.
    for path in written:
        data = path.read_bytes()
        found = any(needle.encode() in data for needle in needles)
        assert not found, f"a secret is in {path}"
    found = any(needle in printed.out or needle in printed.err for needle in needles)
    assert not found, "a secret was printed"
    assert "linkedin.ai_training" in printed.out
