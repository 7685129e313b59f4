"""Sessions kept between runs: encrypted at rest, private, atomic, and honest about failure.

No browser here: the stores are given storage states like the ones Playwright makes.
The keyring is the in-memory one from conftest, or one of ``keyring``'s own weak back
ends, or one that hangs; never the developer's.
"""

from __future__ import annotations

import asyncio
import json
import os
import stat
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from automation.accounts.secrets import SERVICE, KeyringCredentials, SecretsError
from automation.accounts.sessions import SessionError, StorageState, session_name
from automation.accounts.sessions import store as session_store
from automation.accounts.sessions.sealing import KEY_ENTRY, MAGIC, encrypt, new_key
from automation.accounts.sessions.store import NO_KEYRING, EncryptedSessions, SessionStore
from tests.paths import ROOT
from tests.storage import linkedin_session

COOKIE = "AQEDAR-cookie-value-that-must-stay-secret-9f3k"


def state(value: str = COOKIE) -> StorageState:
    return linkedin_session(value)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


async def test_session_is_encrypted_at_rest_and_private(tmp_path: Path, memory_keyring) -> None:
    """The file holds no cookie, only its owner may read it, and the key is in the keyring."""
    store = EncryptedSessions(tmp_path / "sessions")
    await store.save("linkedin", state())

    path = tmp_path / "sessions" / "linkedin.session"
    data = path.read_bytes()
    assert data.startswith(MAGIC)
    leaked = COOKIE.encode() in data or b"li_at" in data
    assert not leaked
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert leftovers(path.parent) == []
    assert (SERVICE, KEY_ENTRY) in memory_keyring.entries
    assert not any(COOKIE in value for value in memory_keyring.entries.values())

    # A new store (the next run) opens it with the key from the keyring.
    assert await EncryptedSessions(tmp_path / "sessions").load("linkedin") == state()


async def test_saving_again_replaces_the_file_atomically(tmp_path: Path) -> None:
    store = EncryptedSessions(tmp_path)
    await store.save("linkedin", state("first"))
    await store.save("linkedin", state("second"))
    assert await EncryptedSessions(tmp_path).load("linkedin") == state("second")
    assert leftovers(tmp_path) == []


async def test_a_failed_write_keeps_the_old_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half-way (a full disk) leaves the previous file whole."""
    store = EncryptedSessions(tmp_path)
    await store.save("linkedin", state("old"))

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SessionError, match=r"no space left on device.*kept in memory"):
        await store.save("linkedin", state("new"))
    monkeypatch.undo()
    assert await EncryptedSessions(tmp_path).load("linkedin") == state("old")
    assert leftovers(tmp_path) == []


async def test_corrupt_file_is_set_aside_and_counts_as_signed_out(tmp_path: Path) -> None:
    store = EncryptedSessions(tmp_path)
    await store.save("linkedin", state())
    path = tmp_path / "linkedin.session"
    damaged = path.read_bytes()[:-5] + b"xxxxx"
    path.write_bytes(damaged)

    with pytest.raises(SessionError) as caught:
        await store.load("linkedin")
    message = str(caught.value)
    assert "could not be opened" in message and "signed out" in message
    [aside] = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert str(aside) in message
    assert aside.read_bytes() == damaged  # kept, not deleted
    assert not path.exists()
    assert await store.load("linkedin") is None


async def test_garbage_and_another_platforms_file_do_not_open(tmp_path: Path) -> None:
    """Text that is not a session file, and a file copied from another platform, are refused."""
    store = EncryptedSessions(tmp_path)
    (tmp_path / "linkedin.session").write_text("not a session at all")
    with pytest.raises(SessionError, match="not a privacy-tui session file"):
        await store.load("linkedin")

    await store.save("linkedin", state())
    (tmp_path / "other.session").write_bytes((tmp_path / "linkedin.session").read_bytes())
    with pytest.raises(SessionError, match="does not decrypt"):
        await store.load("other")
    assert await store.load("linkedin") == state()


REPLICA = "http://127.0.0.1:8801"


async def test_sessions_are_kept_per_origin(tmp_path: Path, memory_keyring) -> None:
    """A replica's session never replaces the real site's, encrypted or not, and a
    file copied to the other origin's name does not open."""
    store = SessionStore(tmp_path)
    await store.save("linkedin", state("real-site"))
    await store.save("linkedin", state("replica"), REPLICA)
    assert await store.load("linkedin") == state("real-site")
    assert await store.load("linkedin", REPLICA) == state("replica")
    assert await store.load("linkedin", "http://127.0.0.1:8802") is None
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["linkedin.session", "linkedin@http-127.0.0.1-8801.session"]

    replica_file = tmp_path / "linkedin@http-127.0.0.1-8801.session"
    (tmp_path / "linkedin.session").write_bytes(replica_file.read_bytes())
    with pytest.raises(SessionError, match="does not decrypt"):
        await store.load("linkedin")

    plain = SessionStore(tmp_path / "plain", store_unencrypted=True)
    await plain.save("linkedin", state("real-site"))
    await plain.save("linkedin", state("replica"), REPLICA)
    assert await plain.load("linkedin") == state("real-site")
    assert await plain.forget("linkedin", REPLICA) is True
    assert await plain.load("linkedin") == state("real-site")


async def test_forget_every_removes_each_origins_session(tmp_path: Path, memory_keyring) -> None:
    store = SessionStore(tmp_path)
    await store.save("linkedin", state())
    await store.save("linkedin", state(), REPLICA)
    await store.save("linkedin", state(), "http://localhost:9000")
    await store.save("linkedinx", state())  # another platform, not a replica of this one
    assert await store.forget_every("linkedin") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linkedinx.session"]
    assert await store.forget_every("linkedin") == 0


#: Origins a browser tells apart that once shared a session file: they differ only in a
#: letter outside ASCII, in punctuation, or in a port read into a host's last hyphen.
LOOK_ALIKES = [
    ("http://bücher.localhost:8801", "http://bächer.localhost:8801"),
    ("http://a~b.localhost:8801", "http://a_b.localhost:8801"),
    ("http://a!b.localhost:8801", "http://a~b.localhost:8801"),
    ("http://[::1]:8801", "http://__1:8801"),
    ("http://a-8080", "http://a:8080"),
]


@pytest.mark.parametrize("plain", [False, True], ids=["encrypted", "unencrypted"])
@pytest.mark.parametrize(("one", "other"), LOOK_ALIKES)
async def test_distinct_origins_never_share_a_session(
    tmp_path: Path, one: str, other: str, plain: bool
) -> None:
    store = SessionStore(tmp_path, store_unencrypted=plain)
    if plain:
        keyring.set_keyring(fail.Keyring())
    await store.save("linkedin", state("one"), one)
    await store.save("linkedin", state("other"), other)
    assert await store.load("linkedin", one) == state("one")
    assert await store.load("linkedin", other) == state("other")
    assert len(list(tmp_path.iterdir())) == 2
    assert await store.forget("linkedin", one) is True
    assert await store.load("linkedin", other) == state("other")


def test_one_origin_spelled_two_ways_keeps_one_name() -> None:
    assert session_name("linkedin", "http://bücher.localhost:8801") == session_name(
        "linkedin", "HTTP://xn--bcher-kva.LOCALHOST:8801"
    )
    assert session_name("linkedin", "http://127.0.0.1:8801") == "linkedin@http-127.0.0.1-8801"
    long = session_name("linkedin", "http://" + "ü" * 200 + ".localhost")
    assert len(long) < 255


def cookie_for(host: str, value: str) -> dict:
    return {**state(value), "cookies": [{**state(value)["cookies"][0], "domain": host}]}


@pytest.mark.parametrize("plain", [False, True], ids=["encrypted", "unencrypted"])
async def test_a_session_kept_under_its_earlier_name_is_found_and_moved(
    tmp_path: Path, plain: bool
) -> None:
    """Earlier versions kept both look-alikes under ``linkedin@http-b_cher.localhost-8801``:
    the file is found by the origin whose cookies it holds, and only by that one."""
    umlaut, other = "http://bücher.localhost:8801", "http://bächer.localhost:8801"
    old_name = "linkedin@http-b_cher.localhost-8801"
    kept = cookie_for("xn--bcher-kva.localhost", "the-earlier-session")
    data = json.dumps(kept).encode()
    if plain:
        keyring.set_keyring(fail.Keyring())
        old = tmp_path / f"{old_name}.json"
        old.write_bytes(data)
    else:
        old = tmp_path / f"{old_name}.session"
        old.write_bytes(encrypt(new_key(), old_name, data))
    store = SessionStore(tmp_path, store_unencrypted=plain)

    assert await store.load("linkedin", other) is None
    assert old.exists()  # not the other origin's to take
    assert await store.load("linkedin", umlaut) == kept
    assert not old.exists()
    again = SessionStore(tmp_path, store_unencrypted=plain)
    assert await again.load("linkedin", umlaut) == kept
    assert len(list(tmp_path.iterdir())) == 1

    assert await again.forget("linkedin", umlaut) is True
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("plain", [False, True], ids=["encrypted", "unencrypted"])
async def test_forgetting_removes_a_session_kept_under_its_earlier_name(
    tmp_path: Path, plain: bool
) -> None:
    umlaut, old_name = "http://bücher.localhost:8801", "linkedin@http-b_cher.localhost-8801"
    data = json.dumps(cookie_for("xn--bcher-kva.localhost", "earlier")).encode()
    if plain:
        keyring.set_keyring(fail.Keyring())
        (tmp_path / f"{old_name}.json").write_bytes(data)
    else:
        (tmp_path / f"{old_name}.session").write_bytes(encrypt(new_key(), old_name, data))
    store = SessionStore(tmp_path, store_unencrypted=plain)
    assert await store.forget("linkedin", umlaut) is True
    assert list(tmp_path.iterdir()) == []
    assert await store.load("linkedin", umlaut) is None


async def test_key_gone_from_the_keyring_sets_the_file_aside(
    tmp_path: Path, memory_keyring
) -> None:
    await EncryptedSessions(tmp_path).save("linkedin", state())
    del memory_keyring.entries[(SERVICE, KEY_ENTRY)]
    with pytest.raises(SessionError, match="key is no longer in the keyring"):
        await EncryptedSessions(tmp_path).load("linkedin")
    assert [p.name for p in tmp_path.iterdir() if ".unreadable-" in p.name]


async def test_forget_removes_the_session(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    await store.save("linkedin", state())
    assert await store.mode() == session_store.ENCRYPTED
    assert await store.forget("linkedin") is True
    assert list(tmp_path.iterdir()) == []
    assert await store.forget("linkedin") is False
    assert await store.load("linkedin") is None


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring])
async def test_no_keyring_keeps_sessions_in_memory_and_says_so_once(
    tmp_path: Path, backend: type[KeyringBackend]
) -> None:
    keyring.set_keyring(backend())
    store = SessionStore(tmp_path / "sessions")
    assert await store.mode() == session_store.MEMORY

    with pytest.raises(SessionError) as told:
        await store.save("linkedin", state())
    assert str(told.value) == NO_KEYRING
    assert "store_unencrypted" in NO_KEYRING and "--store-unencrypted" in NO_KEYRING
    await store.save("linkedin", state("again"))  # said once only
    assert await store.load("linkedin") == state("again")
    assert not (tmp_path / "sessions").exists()


async def test_opting_in_keeps_unencrypted_files_with_mode_0600(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    store = SessionStore(tmp_path, store_unencrypted=True)
    assert await store.mode() == session_store.UNENCRYPTED
    await store.save("linkedin", state())
    path = tmp_path / "linkedin.json"
    assert mode(path) == 0o600
    assert await SessionStore(tmp_path, store_unencrypted=True).load("linkedin") == state()
    assert "unencrypted" in await store.describe()

    path.write_text("{broken")
    with pytest.raises(SessionError, match="signed out"):
        await store.load("linkedin")
    assert [p.name for p in tmp_path.iterdir() if ".unreadable-" in p.name]


class HangingKeyring(KeyringBackend):
    """A keyring that blocks like a locked one waiting for its password."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        self.entered.set()
        self.release.wait()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.get_password(service, username)

    def delete_password(self, service: str, username: str) -> None:
        self.get_password(service, username)


async def test_a_hanging_keyring_does_not_block_the_loop(tmp_path: Path) -> None:
    """Keyring calls run off the event loop and give up after their time limit."""
    await EncryptedSessions(tmp_path).save("linkedin", state())
    hanging = HangingKeyring()
    keyring.set_keyring(hanging)
    try:
        store = EncryptedSessions(tmp_path, timeout=1.0)
        loading = asyncio.ensure_future(store.load("linkedin"))
        # The keyring call is stuck in its thread while this coroutine goes on running.
        assert await asyncio.to_thread(hanging.entered.wait, 30)
        assert not loading.done()
        with pytest.raises(SessionError, match="did not answer within 1 s"):
            await loading
        # The rest of the run does not wait again, and the file is left alone.
        with pytest.raises(SessionError, match="did not answer"):
            await store.save("linkedin", state())
        assert hanging.calls == 1
        assert (tmp_path / "linkedin.session").exists()

        with pytest.raises(SecretsError, match="did not answer within 1 s"):
            await KeyringCredentials(timeout=1.0).get("linkedin")
    finally:
        hanging.release.set()


def test_the_sessions_option_is_checked() -> None:
    from automation.files.config import parse
    from automation.files.config_types import ConfigError

    catalog = {"linkedin": {"ai_training"}}
    assert parse("", catalog).sessions.store_unencrypted is False
    assert parse("[sessions]\nstore_unencrypted = true\n", catalog).sessions.store_unencrypted
    with pytest.raises(ConfigError) as caught:
        parse('[sessions]\nstore_unencrypted = "yes"\n', catalog)
    assert str(caught.value) == "config:2:1: sessions.store_unencrypted: must be true or false"
    with pytest.raises(ConfigError, match="unknown key; allowed: store_unencrypted"):
        parse("[sessions]\nfolder = '/tmp'\n", catalog)


def test_the_example_config_shows_the_sessions_default() -> None:
    from automation.files.config import load
    from automation.files.config_types import SessionsConfig

    example = ROOT / "config.example.toml"
    from automation import registry

    plugins, _ = registry.load()
    loaded = load(example, {cls.name: {s.key for s in cls.settings} for cls in plugins})
    assert loaded.sessions == SessionsConfig()
    assert "[sessions]" in example.read_text()
