"""The cases where a careless plugin would claim on/off: each must say what it saw instead."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from automation.accounts import secrets
from automation.accounts.secrets import Credentials, KeyringCredentials
from automation.accounts.sessions import MemorySessions
from automation.domain.settings import Reading, State
from automation.engine.core import Engine, Options
from automation.engine.runtime import setup_logging
from automation.plugins.linkedin import LinkedIn
from automation.replicas import DEMO_USERNAME, ReplicaServer

AI = "linkedin.ai_training"


def account(replica: ReplicaServer):
    return replica.sites["linkedin"].account(DEMO_USERNAME)


@pytest.mark.browser
async def test_a_save_the_site_does_not_keep_is_not_a_change(engine: Engine, replica) -> None:
    """The site answers the save with 200 but keeps nothing: the reload tells the truth."""
    account(replica).unkept.add("ai_training")
    reading = await engine.change(AI, State.OFF)
    assert reading.state is State.ON
    assert "did not keep the change" in reading.detail
    assert account(replica).settings["ai_training"] is True


@pytest.mark.browser
async def test_a_page_that_sends_the_browser_elsewhere_is_unknown(engine: Engine, replica) -> None:
    account(replica).moved.add("ai_training")
    [reading] = await engine.check([AI])
    assert reading.state is State.UNKNOWN
    assert "instead of the settings page" in reading.detail


@pytest.mark.browser
async def test_a_server_error_is_an_error(engine: Engine, replica) -> None:
    account(replica).broken.add("ai_training")
    [reading] = await engine.check([AI])
    assert reading.state is State.ERROR
    assert "HTTP 500" in reading.detail


def test_reading_addresses_keep_no_query() -> None:
    reading = Reading(AI, State.NEEDS_LOGIN, "x", url="https://h/checkpoint/challenge?t=SECRET#f")
    assert reading.url == "https://h/checkpoint/challenge"


def test_stored_passwords_go_only_to_the_platform_or_this_machine() -> None:
    assert LinkedIn().trusted_origin()
    assert LinkedIn("http://127.0.0.1:8801").trusted_origin()
    assert LinkedIn("http://127.0.0.2:8801").trusted_origin()
    assert LinkedIn("http://localhost:8801").trusted_origin()
    assert not LinkedIn("https://www.linkedin.com.example.org").trusted_origin()
    assert not LinkedIn("http://10.0.0.5").trusted_origin()
    assert not LinkedIn("http://www.linkedin.com").trusted_origin()  # the real host, no TLS


async def test_a_foreign_origin_never_asks_the_keyring(memory_keyring) -> None:
    """An origin someone else chose gets no password: the keyring is not even read."""
    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, "pw-for-the-real-site"))
    asked = []

    class Watching(KeyringCredentials):
        async def get(self, platform: str):
            asked.append(platform)
            return await super().get(platform)

    plugin = LinkedIn("https://linkedin.example.org")
    engine = Engine([plugin], Options(), credentials=Watching())
    signed_in = await engine.signins.with_stored("linkedin")
    assert signed_in is False
    assert asked == []
    assert "not used there" in (engine.signins.problem("linkedin") or "")


@pytest.mark.parametrize(
    "origin",
    ["https://linkedin.example.org", "http://www.linkedin.com", "http://10.0.0.5:8801"],
)
async def test_a_typed_password_goes_only_to_the_platform_or_this_machine(origin: str) -> None:
    """A password someone types gets the stored one's protection: refused before any
    browser starts, with a sentence that says why."""
    engine = Engine([LinkedIn(origin)], Options())
    wall = await engine.sign_in("linkedin", Credentials(DEMO_USERNAME, "pw-typed-Zt5"))
    assert wall is not None and wall.kind == "origin"
    assert origin in wall.detail and "https://www.linkedin.com" in wall.detail
    assert "pw-typed-Zt5" not in wall.detail
    assert not engine.started
    await engine.close()


async def test_a_keyring_that_fails_oddly_is_a_message_not_a_crash(monkeypatch) -> None:
    import keyring

    def broken(*args):
        raise OSError("dbus went away")

    monkeypatch.setattr(keyring, "get_password", broken)
    with pytest.raises(secrets.SecretsError, match="dbus went away"):
        await KeyringCredentials(timeout=5).get("linkedin")


@pytest.mark.browser
async def test_a_refused_password_reaches_no_log(
    chromium: str, replica: ReplicaServer, tmp_path: Path, monkeypatch
) -> None:
    """Even with Playwright's DEBUG logging asked for, the password is in no log."""
    password = "refused-Pw-4471"
    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, password))
    monkeypatch.setenv("DEBUG", "pw:api,pw:protocol")
    log = tmp_path / "privacy-tui.log"
    setup_logging(log)
    plugin = LinkedIn(replica.origins["linkedin"])
    options = Options(executable=chromium, timeout=15, log_path=log)
    try:
        async with Engine(
            [plugin], options, sessions=MemorySessions(), credentials=KeyringCredentials()
        ) as engine:
            [reading] = await engine.check([AI])
    finally:
        logging.getLogger("privacy_tui").handlers.clear()
    assert reading.state is State.NEEDS_LOGIN
    assert "did not accept" in reading.detail
    text = log.read_text(encoding="utf-8", errors="replace")
    assert password not in text
    assert (log.stat().st_mode & 0o777) == 0o600
