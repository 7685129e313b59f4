"""Keeping each platform's browser session between runs, in the user data folder.

With a working keyring, a session file holds Playwright's storage state encrypted with
a key that lives only in the keyring (:mod:`automation.accounts.sessions.sealing`). Files are
written atomically with mode 0600 (:mod:`automation.files.private`). A file that cannot
be opened counts as signed out and is set aside (renamed, never deleted), and the
:class:`SessionError` raised says where it went.

Without a working keyring (``keyring``'s fail, null or plaintext back ends, the usual
case on a headless server) sessions stay in memory, unless the user opts in to keeping
them unencrypted on disk, still with mode 0600.

A session kept by an earlier version under a name two origins could share
(:func:`~automation.accounts.sessions.legacy_session_name`) is still found: it is moved to its
new name the first time it is loaded, when it holds the origin's own cookies or
storage (another origin's session under that name is left where it is).
"""

from __future__ import annotations

import asyncio
import glob
import logging
from pathlib import Path

from automation.accounts.blocking import run_blocking
from automation.accounts.secrets import KEYRING_TIMEOUT, SecretsError, keyring_is_real, off_loop
from automation.accounts.sessions import (
    MemorySessions,
    SessionError,
    StorageState,
    legacy_owner,
    legacy_session_name,
    session_name,
)
from automation.accounts.sessions.files import (
    claims_origin,
    decode_state,
    encode_state,
    legacy_file,
    read_quietly,
    read_session,
    remove_file,
    unreadable,
    write_session,
)
from automation.accounts.sessions.sealing import decrypt, encrypt, get_key, looks_sealed, new_key
from automation.files import folders
from automation.language import Sentence, message

log = logging.getLogger("privacy_tui.sessions")

ENCRYPTED, UNENCRYPTED, MEMORY = "encrypted", "unencrypted", "memory"

NO_KEYRING = Sentence(
    "This system has no working keyring, so sessions cannot be kept encrypted: "
    "they stay in memory until privacy-tui exits. To keep them between runs "
    "unencrypted on disk (mode 0600, readable only by you), set "
    "[sessions] store_unencrypted = true in the config or pass --store-unencrypted."
)


def sessions_folder() -> Path:
    """Where sessions are kept: ``sessions`` in the user data folder."""
    return folders.sessions_folder()


# -- the stores ------------------------------------------------------------------------------


class FileSessions:
    """What the two stores on disk share: a file per platform and origin in ``folder``,
    the file an earlier version kept found and moved, and forgetting both.

    A store says how its file's bytes become a session (:meth:`opened`), raising
    ``ValueError`` with the reason when they do not, and how a session is written
    (:meth:`save`).
    """

    suffix = ".session"

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or sessions_folder()

    def path(self, platform: str, origin: str | None = None) -> Path:
        return self.folder / f"{session_name(platform, origin)}{self.suffix}"

    def legacy_path(self, platform: str, origin: str | None = None) -> Path | None:
        """Where an earlier version kept this session, when that name was another."""
        return legacy_file(self.folder, platform, origin, self.suffix)

    async def opened(self, blob: bytes, name: str, platform: str) -> StorageState:
        """The session kept under ``name`` in ``blob``; ``ValueError`` says why not."""
        raise NotImplementedError

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None:
        raise NotImplementedError

    async def load(self, platform: str, origin: str | None = None) -> StorageState | None:
        path = self.path(platform, origin)
        blob = read_session(path, platform)
        if blob is None:
            return await earlier_state(self, platform, origin)
        try:
            return await self.opened(blob, session_name(platform, origin), platform)
        except ValueError as exc:
            raise unreadable(path, platform, str(exc)) from None

    async def earlier(self, platform: str, origin: str) -> StorageState | None:
        """The session under ``origin``'s earlier name, if one can be read there."""
        path = self.legacy_path(platform, origin)
        blob = None if path is None else read_quietly(path)
        if blob is None:
            return None
        try:
            return await self.opened(blob, legacy_session_name(platform, origin), platform)
        except (ValueError, SessionError):
            return None

    async def forget(self, platform: str, origin: str | None = None) -> bool:
        return await forget_file(self, platform, origin)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(folder={str(self.folder)!r})"


class EncryptedSessions(FileSessions):
    """Sessions in files encrypted with a key kept in the keyring.

    Keyring calls run off the event loop with a time limit; when the keyring fails or
    hangs once, the rest of the run does without it instead of waiting again.
    """

    def __init__(self, folder: Path | None = None, *, timeout: float = KEYRING_TIMEOUT) -> None:
        super().__init__(folder)
        self.timeout = timeout
        self._key: bytes | None = None
        self._key_problem: str | None = None
        self._key_lock = asyncio.Lock()

    async def opened(self, blob: bytes, name: str, platform: str) -> StorageState:
        if not looks_sealed(blob):
            raise ValueError("not a privacy-tui session file")
        try:
            key = await self._key_for(create=False)
        except SecretsError as exc:
            raise SessionError(
                Sentence(
                    "The saved {platform} session could not be opened: {why} "
                    "{platform} counts as signed out for now; the file is left as it is.",
                    platform=platform,
                    why=message(exc),
                )
            ) from None
        if key is None:
            raise ValueError("its key is no longer in the keyring")
        # Sealed for its platform and origin: a file moved to another name fails.
        return decode_state(decrypt(key, name, blob))

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None:
        data = encode_state(state)
        try:
            key = await self._key_for(create=True)
        except SecretsError as exc:
            raise SessionError(
                Sentence(
                    "The {platform} session could not be kept on disk: {why} "
                    "It is kept in memory until privacy-tui exits.",
                    platform=platform,
                    why=message(exc),
                )
            ) from None
        assert key is not None
        sealed = encrypt(key, session_name(platform, origin), data)
        write_session(self.path(platform, origin), sealed, platform)

    async def _key_for(self, *, create: bool) -> bytes | None:
        async with self._key_lock:
            if self._key is not None:
                return self._key
            if self._key_problem is not None:
                raise SecretsError(self._key_problem)
            try:
                key = await off_loop(get_key, timeout=self.timeout)
                if key is None and create:
                    key = await off_loop(new_key, timeout=self.timeout)
            except SecretsError as exc:
                self._key_problem = str(exc)
                raise
            self._key = key
            return key


class PlainSessions(FileSessions):
    """Sessions in unencrypted files (mode 0600): only when the user opted in."""

    suffix = ".json"

    async def opened(self, blob: bytes, name: str, platform: str) -> StorageState:
        try:
            return decode_state(blob)
        except ValueError as exc:  # UnicodeError is one too
            raise ValueError(f"not a session: {exc}") from None

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None:
        write_session(self.path(platform, origin), encode_state(state), platform)


async def earlier_state(
    store: FileSessions, platform: str, origin: str | None
) -> StorageState | None:
    """A session an earlier version kept for ``origin`` under a name two origins could
    share: kept under its own name from now on, when it is the origin's."""
    state = None if origin is None else await store.earlier(platform, origin)
    if origin is None or state is None or not claims_origin(state, platform, origin):
        return None
    legacy = store.legacy_path(platform, origin)
    assert legacy is not None
    try:
        await store.save(platform, state, origin)
        remove_file(legacy)
    except SessionError:  # the new file cannot be written: the old one stays
        log.info("the %s session stays under its earlier name %s", platform, legacy.name)
    return state


async def forget_file(store: FileSessions, platform: str, origin: str | None) -> bool:
    """Remove a session's file, and the origin's own file under its earlier name:
    forgetting leaves nothing a later load would find."""
    found = remove_file(store.path(platform, origin))
    legacy = store.legacy_path(platform, origin)
    if origin is None or legacy is None or not legacy.exists():
        return found
    if legacy_owner(platform, origin) is not None:
        # That name is another origin's now: the file goes only when it is this one's.
        state = await store.earlier(platform, origin)
        if state is None or not claims_origin(state, platform, origin):
            return found
    return remove_file(legacy) or found


class SessionStore:
    """The sessions privacy-tui keeps between runs, kept as safely as this system allows.

    On first use it asks (off the event loop, time-limited) whether the keyring is a
    real one: then sessions are encrypted on disk. Otherwise they stay in memory, and
    the first save raises a :class:`SessionError` saying so, once; or, when the user
    opted in with ``store_unencrypted``, they go to disk unencrypted with mode 0600.
    """

    def __init__(
        self,
        folder: Path | None = None,
        *,
        store_unencrypted: bool = False,
        timeout: float = KEYRING_TIMEOUT,
    ) -> None:
        self.folder = folder or sessions_folder()
        self.store_unencrypted = store_unencrypted
        self.timeout = timeout
        self.encrypted = EncryptedSessions(self.folder, timeout=timeout)
        self.plain = PlainSessions(self.folder)
        self.memory = MemorySessions()
        self._mode: str | None = None
        self._why_memory = NO_KEYRING
        self._told = False
        self._mode_lock = asyncio.Lock()

    async def mode(self) -> str:
        """``encrypted``, ``unencrypted`` (opted in) or ``memory``."""
        async with self._mode_lock:
            if self._mode is None:
                try:
                    real = await run_blocking(keyring_is_real, timeout=self.timeout)
                except TimeoutError:
                    real = False
                    self._why_memory = Sentence(
                        "The keyring did not answer within {timeout:g} s (is it "
                        "locked?), so sessions stay in memory until privacy-tui exits.",
                        timeout=self.timeout,
                    )
                except Exception:  # a broken keyring set-up is no keyring
                    real = False
                if real:
                    self._mode = ENCRYPTED
                else:
                    self._mode = UNENCRYPTED if self.store_unencrypted else MEMORY
            return self._mode

    async def describe(self) -> str:
        """Where sessions are kept, in a sentence for the user."""
        mode = await self.mode()
        if mode == ENCRYPTED:
            return Sentence("Sessions are kept encrypted in {folder}.", folder=str(self.folder))
        if mode == UNENCRYPTED:
            return Sentence(
                "Sessions are kept unencrypted (mode 0600), as configured, in {folder}.",
                folder=str(self.folder),
            )
        return self._why_memory

    async def _store(self) -> EncryptedSessions | PlainSessions | MemorySessions:
        mode = await self.mode()
        if mode == ENCRYPTED:
            return self.encrypted
        if mode == UNENCRYPTED:
            return self.plain
        return self.memory

    async def load(self, platform: str, origin: str | None = None) -> StorageState | None:
        return await (await self._store()).load(platform, origin)

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None:
        store = await self._store()
        await store.save(platform, state, origin)
        if store is self.memory and not self._told:
            self._told = True
            raise SessionError(self._why_memory)

    async def forget(self, platform: str, origin: str | None = None) -> bool:
        """Forget the platform's session for ``origin`` wherever it is kept.

        The keyring is asked only to tell whose a file under an earlier name is, where
        that name is another origin's now.
        """
        found = await self.memory.forget(platform, origin)
        found = await self.encrypted.forget(platform, origin) or found
        return await self.plain.forget(platform, origin) or found

    async def forget_every(self, platform: str) -> int:
        """Forget the platform's sessions for every origin (the real site and replicas).

        Returns how many were kept.
        """
        found = int(await self.memory.forget(platform))
        for suffix in (EncryptedSessions.suffix, PlainSessions.suffix):
            for path in (
                self.folder / f"{platform}{suffix}",
                *self.folder.glob(f"{glob.escape(platform)}@*{suffix}"),
            ):
                found += remove_file(path)
        return found

    def __repr__(self) -> str:
        return f"SessionStore(folder={str(self.folder)!r}, mode={self._mode})"
