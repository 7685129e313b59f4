"""Signing in headlessly and keeping the session, in real Chromium against the replica LinkedIn.

What the "account" holds and which sessions the site handed out are read from the
replica itself. Sessions go through the real store, in the test's own data folder,
with the in-memory keyring (or ``keyring``'s fail back end for the no-keyring route).
"""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from automation.accounts import secrets
from automation.accounts.secrets import Credentials, KeyringCredentials
from automation.accounts.sessions import StorageState, session_name
from automation.accounts.sessions.store import NO_KEYRING, SessionStore
from automation.domain import events
from automation.domain.settings import State
from automation.engine.core import Engine
from automation.plugins.linkedin import LinkedIn
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer
from automation.replicas.linkedin import LinkedInSite

pytestmark = pytest.mark.browser

AI = "linkedin.ai_training"
CODE_USER, CODE_PASSWORD, CODE = "code@example.com", "pw-for-the-code-account", "246810"


def kept_file(folder: Path, plugin: LinkedIn) -> Path:
    """Where the store keeps the session of ``plugin``'s origin (a replica's, here)."""
    return folder / f"{session_name('linkedin', plugin.origin)}.session"


def site(replica: ReplicaServer) -> LinkedInSite:
    return replica.sites["linkedin"]  # type: ignore[return-value]


def watch(engine: Engine) -> list[events.Event]:
    seen: list[events.Event] = []
    engine.subscribe(seen.append)
    return seen


def problems(seen: list[events.Event]) -> list[str]:
    return [e.message for e in seen if isinstance(e, events.Problem)]


async def test_credentials_sign_in_is_kept_encrypted_and_reused_next_run(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    """Sign in once with typed credentials; the next run reads without signing in again."""
    folder = tmp_path / "sessions"
    site(replica).account(DEMO_USERNAME).settings["ai_training"] = False
    first = make_engine(linkedin, signed_in=False, sessions=SessionStore(folder))
    assert await first.sign_in("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD)) is None
    [reading] = await first.check([AI])
    assert reading.state is State.OFF
    await first.close()

    # At rest: the file exists, is private, and holds neither the cookie nor the password.
    tokens = site(replica).session_tokens(DEMO_USERNAME)
    assert tokens
    data = kept_file(folder, linkedin).read_bytes()
    leaked = any(secret.encode() in data for secret in [*tokens, DEMO_PASSWORD])
    assert not leaked

    # The next run: credentials are available, yet none are needed.
    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD))
    second = make_engine(
        LinkedIn(linkedin.origin),
        signed_in=False,
        sessions=SessionStore(folder),
        credentials=KeyringCredentials(),
    )
    seen = watch(second)
    [again] = await second.check([AI])
    assert again.state is State.OFF
    assert not [e for e in seen if isinstance(e, events.SigningIn)]
    assert site(replica).sign_ins == [DEMO_USERNAME]
    assert problems(seen) == []


async def test_verification_code_is_asked_for_and_typed_in(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    """After the password the site wants a code: nobody to ask ends it; a person's code works."""
    site(replica).add_account(CODE_USER, CODE_PASSWORD, verification_code=CODE)
    secrets.set_credentials("linkedin", Credentials(CODE_USER, CODE_PASSWORD))
    engine = make_engine(
        linkedin, signed_in=False, sessions=SessionStore(tmp_path), credentials=KeyringCredentials()
    )

    # A run with nobody to ask (like `privacy-tui check`) says what is wanted.
    [reading] = await engine.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    assert "verification code" in reading.detail
    assert site(replica).session_tokens(CODE_USER) == []

    questions: list[str] = []
    answers = iter(["111111", CODE])

    async def ask(platform: str, detail: str) -> str | None:
        assert platform == "linkedin"
        questions.append(detail)
        return next(answers)

    engine.ask_code = ask
    assert await engine.sign_in("linkedin", Credentials(CODE_USER, CODE_PASSWORD)) is None
    assert "verification code" in questions[0]
    assert "did not accept" in questions[1]
    assert len(questions) == 2
    assert len(site(replica).session_tokens(CODE_USER)) == 1
    [reading] = await engine.check([AI])
    assert reading.state is State.ON


async def test_giving_up_on_the_code_signs_nobody_in(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    site(replica).add_account(CODE_USER, CODE_PASSWORD, verification_code=CODE)

    async def cancel(platform: str, detail: str) -> str | None:
        return None

    store = SessionStore(tmp_path)
    engine = make_engine(linkedin, signed_in=False, sessions=store, ask_code=cancel)
    wall = await engine.sign_in("linkedin", Credentials(CODE_USER, CODE_PASSWORD))
    assert wall is not None and wall.kind == "code"
    assert "No verification code" in wall.detail
    assert site(replica).session_tokens(CODE_USER) == []
    assert await store.load("linkedin", linkedin.origin) is None


async def test_captcha_is_reported_with_the_window_route(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    """A check only a person can pass stops signing in and points at the browser window."""
    site(replica).add_account("robot@example.com", "pw-captcha", captcha=True)
    secrets.set_credentials("linkedin", Credentials("robot@example.com", "pw-captcha"))
    store = SessionStore(tmp_path)
    engine = make_engine(
        linkedin, signed_in=False, sessions=store, credentials=KeyringCredentials()
    )

    wall = await engine.sign_in("linkedin", Credentials("robot@example.com", "pw-captcha"))
    assert wall is not None and wall.kind == "captcha"
    assert "only a person can pass" in wall.detail
    assert "privacy-tui login linkedin" in wall.detail
    [reading] = await engine.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    assert reading.detail == wall.detail
    assert await store.load("linkedin", linkedin.origin) is None
    assert site(replica).session_tokens("robot@example.com") == []


async def test_expired_session_is_renewed_with_stored_credentials(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    store = SessionStore(tmp_path)
    await store.save("linkedin", replica.storage_state("linkedin"), linkedin.origin)
    site(replica).end_sessions(DEMO_USERNAME)  # the site lets the session expire

    without = make_engine(linkedin, signed_in=False, sessions=store)
    [reading] = await without.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    await without.close()

    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD))
    engine = make_engine(
        LinkedIn(linkedin.origin), signed_in=False, sessions=store, credentials=KeyringCredentials()
    )
    seen = watch(engine)
    [reading] = await engine.check([AI])
    assert reading.state is State.ON
    assert events.SigningIn("linkedin") in seen
    # The renewed session is the one kept.
    kept = await SessionStore(tmp_path).load("linkedin", linkedin.origin)
    assert kept is not None
    [cookie] = [c for c in kept["cookies"] if c["name"] == "li_at"]
    assert site(replica).session_tokens(DEMO_USERNAME) == [cookie["value"]]


async def test_corrupt_session_file_is_set_aside_and_the_user_told(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    kept_file(tmp_path, linkedin).write_bytes(b"\x00garbage from a crashed disk")
    engine = make_engine(linkedin, signed_in=False, sessions=SessionStore(tmp_path))
    seen = watch(engine)
    [reading] = await engine.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    [told] = problems(seen)
    assert "could not be opened" in told and "signed out" in told
    [aside] = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert str(aside) in told
    assert aside.read_bytes() == b"\x00garbage from a crashed disk"


async def test_no_keyring_asks_and_keeps_the_session_in_memory_only(
    make_engine, linkedin: LinkedIn, tmp_path: Path
) -> None:
    """Without a keyring: stored credentials cannot be read, typed ones work, nothing on disk."""
    keyring.set_keyring(fail.Keyring())
    folder = tmp_path / "sessions"
    engine = make_engine(
        linkedin, signed_in=False, sessions=SessionStore(folder), credentials=KeyringCredentials()
    )
    seen = watch(engine)
    [reading] = await engine.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    assert "keyring" in reading.detail

    assert await engine.sign_in("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD)) is None
    [reading] = await engine.check([AI])
    assert reading.state is State.ON
    assert problems(seen) == [NO_KEYRING]
    assert not folder.exists()


async def test_sign_out_forgets_the_session(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    store = SessionStore(tmp_path)
    engine = make_engine(linkedin, signed_in=False, sessions=store)
    assert await engine.sign_in("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD)) is None
    assert kept_file(tmp_path, linkedin).exists()

    assert await engine.sign_out("linkedin") is True
    assert not kept_file(tmp_path, linkedin).exists()
    [reading] = await engine.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    assert await engine.sign_out("linkedin") is False


async def test_signing_in_on_a_replica_leaves_the_real_sites_session_alone(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    """Sessions are kept per platform and origin: a replica's never replaces the real one."""
    store = SessionStore(tmp_path)
    real_site: StorageState = {
        "cookies": [],
        "origins": [{"origin": "https://www.linkedin.com", "localStorage": []}],
    }
    await store.save("linkedin", real_site)
    engine = make_engine(linkedin, signed_in=False, sessions=store)
    assert await engine.sign_in("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD)) is None
    assert await store.load("linkedin") == real_site
    kept = await store.load("linkedin", linkedin.origin)
    assert kept is not None and any(c["name"] == "li_at" for c in kept["cookies"])

    assert await engine.sign_out("linkedin") is True
    assert await store.load("linkedin") == real_site


async def test_a_refused_password_keeps_the_session_that_works(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    """A failed sign-in (a wrong password, a code given up) does not sign the account out."""
    site(replica).add_account(CODE_USER, CODE_PASSWORD, verification_code=CODE)
    store, working = SessionStore(tmp_path), replica.storage_state("linkedin")
    await store.save("linkedin", working, linkedin.origin)
    engine = make_engine(linkedin, signed_in=False, sessions=store)
    [reading] = await engine.check([AI])
    assert reading.state is State.ON

    wall = await engine.sign_in("linkedin", Credentials(DEMO_USERNAME, "not-the-password"))
    assert wall is not None and wall.kind == "login"
    [reading] = await engine.check([AI])
    assert reading.state is State.ON, reading.detail
    wall = await engine.sign_in("linkedin", Credentials(CODE_USER, CODE_PASSWORD))
    assert wall is not None and wall.kind == "code"  # nobody to ask for the code
    [reading] = await engine.check([AI])
    assert reading.state is State.ON, reading.detail
    assert await store.load("linkedin", linkedin.origin) == working
