"""Keeping each platform's browser session between runs, in the user data folder.

With a working keyring, a session file holds Playwright's storage state encrypted with
AES-256-GCM under a key that lives only in the keyring (service ``privacy-tui``, entry
``session-encryption-key``). The platform's name is bound in as associated data, so a
file copied over another platform's does not open either. Files are written atomically
with mode 0600. A file that cannot be opened counts as signed out and is set aside
(renamed, never deleted), and the :class:`SessionError` raised says where it went.

Without a working keyring (``keyring``'s fail, null or plaintext back ends, the usual
case on a headless server) sessions stay in memory, unless the user opts in to keeping
them unencrypted on disk, still with mode 0600.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from .blocking import run_blocking
from .secrets import KEYRING_TIMEOUT, SERVICE, SecretsError, keyring_is_real, off_loop
from .sessions import MemorySessions, SessionError, StorageState

#: The keyring entry (service ``privacy-tui``) that holds the session key.
KEY_ENTRY = "session-encryption-key"
#: The first bytes of an encrypted session file, so a stranger's file is not mistaken.
MAGIC = b"privacy-tui session 1\n"
NONCE_BYTES = 12

ENCRYPTED, UNENCRYPTED, MEMORY = "encrypted", "unencrypted", "memory"

NO_KEYRING = (
    "This system has no working keyring, so sessions cannot be kept encrypted: "
    "they stay in memory until privacy-tui exits. To keep them between runs "
    "unencrypted on disk (mode 0600, readable only by you), set "
    "[sessions] store_unencrypted = true in the config or pass --store-unencrypted."
)


def sessions_folder() -> Path:
    """Where sessions are kept: ``sessions`` in the user data folder."""
    from platformdirs import user_data_path

    return user_data_path("privacy-tui", appauthor=False) / "sessions"


# -- files -----------------------------------------------------------------------------


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable and writable only by the user.

    The bytes go to a temporary file (mode 0600) in the same folder, which then
    replaces ``path``; whatever stops the write, an existing file stays as it was.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temp, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def set_aside(path: Path) -> Path:
    """Rename an unreadable file out of the way (never delete it); return its new name."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{number}")
    os.rename(path, target)
    return target


def _read(path: Path, platform: str) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SessionError(
            f"The saved {platform} session in {path} could not be read "
            f"({_reason(exc)}); {platform} counts as signed out."
        ) from None


def _write(path: Path, data: bytes, platform: str) -> None:
    try:
        write_private(path, data)
    except OSError as exc:
        raise SessionError(
            f"The {platform} session could not be written to {path} ({_reason(exc)}); "
            "it is kept in memory until privacy-tui exits."
        ) from None


def _unreadable(path: Path, platform: str, why: str) -> SessionError:
    try:
        moved = f"the file was kept as {set_aside(path)}"
    except OSError as exc:
        moved = f"the file could not be moved aside ({_reason(exc)})"
    return SessionError(
        f"The saved {platform} session could not be opened ({why}), so {platform} "
        f"counts as signed out; {moved}."
    )


def _encode(state: StorageState) -> bytes:
    return json.dumps(state, separators=(",", ":")).encode("utf-8")


def _decode(data: bytes) -> StorageState:
    state = json.loads(data.decode("utf-8"))
    if not isinstance(state, dict) or not isinstance(state.get("cookies"), list):
        raise ValueError("not a browser session")
    return state


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


# -- encryption --------------------------------------------------------------------------


def _associated(platform: str) -> bytes:
    return b"privacy-tui session:" + platform.encode("utf-8")


def encrypt(key: bytes, platform: str, data: bytes) -> bytes:
    """``data`` sealed with AES-256-GCM under ``key``, bound to ``platform``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, _associated(platform))


def decrypt(key: bytes, platform: str, blob: bytes) -> bytes:
    """Open what :func:`encrypt` sealed; ``ValueError`` when it cannot be opened."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not _looks_sealed(blob):
        raise ValueError("not a privacy-tui session file")
    body = blob[len(MAGIC) :]
    try:
        return AESGCM(key).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _associated(platform))
    except InvalidTag:
        raise ValueError("it does not decrypt with the key in the keyring") from None


def _looks_sealed(blob: bytes) -> bool:
    # The header, a nonce and GCM's 16-byte tag at the least.
    return blob.startswith(MAGIC) and len(blob) >= len(MAGIC) + NONCE_BYTES + 16


def _get_key() -> bytes | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        text = keyring.get_password(SERVICE, KEY_ENTRY)
    except (KeyringError, RuntimeError) as exc:
        raise SecretsError(f"The keyring could not be read: {exc}") from None
    if not text:
        return None
    try:
        key = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, UnicodeError):
        return None
    return key if len(key) == 32 else None


def _new_key() -> bytes:
    import keyring
    from keyring.errors import KeyringError

    key = os.urandom(32)
    try:
        keyring.set_password(SERVICE, KEY_ENTRY, base64.urlsafe_b64encode(key).decode("ascii"))
    except (KeyringError, RuntimeError) as exc:
        raise SecretsError(f"The keyring could not store the session key: {exc}") from None
    return key


# -- the stores ------------------------------------------------------------------------------


class EncryptedSessions:
    """Sessions in files encrypted with a key kept in the keyring.

    Keyring calls run off the event loop with a time limit; when the keyring fails or
    hangs once, the rest of the run does without it instead of waiting again.
    """

    suffix = ".session"

    def __init__(self, folder: Path | None = None, *, timeout: float = KEYRING_TIMEOUT) -> None:
        self.folder = folder or sessions_folder()
        self.timeout = timeout
        self._key: bytes | None = None
        self._key_problem: str | None = None
        self._key_lock = asyncio.Lock()

    def path(self, platform: str) -> Path:
        return self.folder / f"{platform}{self.suffix}"

    async def load(self, platform: str) -> StorageState | None:
        path = self.path(platform)
        blob = _read(path, platform)
        if blob is None:
            return None
        if not _looks_sealed(blob):
            raise _unreadable(path, platform, "not a privacy-tui session file")
        try:
            key = await self._key_for(create=False)
        except SecretsError as exc:
            raise SessionError(
                f"The saved {platform} session could not be opened: {exc} "
                f"{platform} counts as signed out for now; the file is left as it is."
            ) from None
        if key is None:
            raise _unreadable(path, platform, "its key is no longer in the keyring")
        try:
            return _decode(decrypt(key, platform, blob))
        except (ValueError, UnicodeError) as exc:
            raise _unreadable(path, platform, str(exc)) from None

    async def save(self, platform: str, state: StorageState) -> None:
        data = _encode(state)
        try:
            key = await self._key_for(create=True)
        except SecretsError as exc:
            raise SessionError(
                f"The {platform} session could not be kept on disk: {exc} "
                "It is kept in memory until privacy-tui exits."
            ) from None
        assert key is not None
        _write(self.path(platform), encrypt(key, platform, data), platform)

    async def forget(self, platform: str) -> bool:
        return _remove(self.path(platform))

    async def _key_for(self, *, create: bool) -> bytes | None:
        async with self._key_lock:
            if self._key is not None:
                return self._key
            if self._key_problem is not None:
                raise SecretsError(self._key_problem)
            try:
                key = await off_loop(_get_key, timeout=self.timeout)
                if key is None and create:
                    key = await off_loop(_new_key, timeout=self.timeout)
            except SecretsError as exc:
                self._key_problem = str(exc)
                raise
            self._key = key
            return key

    def __repr__(self) -> str:
        return f"EncryptedSessions(folder={str(self.folder)!r})"


class PlainSessions:
    """Sessions in unencrypted files (mode 0600): only when the user opted in."""

    suffix = ".json"

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or sessions_folder()

    def path(self, platform: str) -> Path:
        return self.folder / f"{platform}{self.suffix}"

    async def load(self, platform: str) -> StorageState | None:
        path = self.path(platform)
        data = _read(path, platform)
        if data is None:
            return None
        try:
            return _decode(data)
        except (ValueError, UnicodeError) as exc:
            raise _unreadable(path, platform, f"not a session: {exc}") from None

    async def save(self, platform: str, state: StorageState) -> None:
        _write(self.path(platform), _encode(state), platform)

    async def forget(self, platform: str) -> bool:
        return _remove(self.path(platform))

    def __repr__(self) -> str:
        return f"PlainSessions(folder={str(self.folder)!r})"


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise SessionError(f"{path} could not be removed ({_reason(exc)}).") from None
    return True


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
                    self._why_memory = (
                        f"The keyring did not answer within {self.timeout:g} s (is it "
                        "locked?), so sessions stay in memory until privacy-tui exits."
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
            return f"Sessions are kept encrypted in {self.folder}."
        if mode == UNENCRYPTED:
            return f"Sessions are kept unencrypted (mode 0600), as configured, in {self.folder}."
        return self._why_memory

    async def _store(self) -> EncryptedSessions | PlainSessions | MemorySessions:
        mode = await self.mode()
        if mode == ENCRYPTED:
            return self.encrypted
        if mode == UNENCRYPTED:
            return self.plain
        return self.memory

    async def load(self, platform: str) -> StorageState | None:
        return await (await self._store()).load(platform)

    async def save(self, platform: str, state: StorageState) -> None:
        store = await self._store()
        await store.save(platform, state)
        if store is self.memory and not self._told:
            self._told = True
            raise SessionError(self._why_memory)

    async def forget(self, platform: str) -> bool:
        """Forget the platform's session wherever it is kept (no keyring call needed)."""
        found = await self.memory.forget(platform)
        found = await self.encrypted.forget(platform) or found
        return await self.plain.forget(platform) or found

    def __repr__(self) -> str:
        return f"SessionStore(folder={str(self.folder)!r}, mode={self._mode})"
