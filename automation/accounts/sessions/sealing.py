"""Sealing session files: AES-256-GCM under a key that lives only in the keyring.

The key is kept in the keyring entry ``session-encryption-key`` of service
``privacy-tui``. The platform's name is bound into each file as associated data,
so a file copied over another platform's does not open either. These functions
block (the keyring may); callers run the key functions off the event loop.
"""

from __future__ import annotations

import base64
import binascii
import os

from automation.accounts.secrets import SERVICE, SecretsError
from automation.language import Sentence

#: The keyring entry (service ``privacy-tui``) that holds the session key.
KEY_ENTRY = "session-encryption-key"
#: The first bytes of an encrypted session file, so a stranger's file is not mistaken.
MAGIC = b"privacy-tui session 1\n"
NONCE_BYTES = 12


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

    if not looks_sealed(blob):
        raise ValueError("not a privacy-tui session file")
    body = blob[len(MAGIC) :]
    try:
        return AESGCM(key).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _associated(platform))
    except InvalidTag:
        raise ValueError("it does not decrypt with the key in the keyring") from None


def looks_sealed(blob: bytes) -> bool:
    """Whether ``blob`` starts like a sealed session: header, nonce and GCM's 16-byte tag."""
    return blob.startswith(MAGIC) and len(blob) >= len(MAGIC) + NONCE_BYTES + 16


def get_key() -> bytes | None:
    """The session key from the keyring; ``None`` when there is none (or not one of ours)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        text = keyring.get_password(SERVICE, KEY_ENTRY)
    except (KeyringError, RuntimeError) as exc:
        raise SecretsError(Sentence("The keyring could not be read: {exc}", exc=str(exc))) from None
    if not text:
        return None
    try:
        key = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, UnicodeError):
        return None
    return key if len(key) == 32 else None


def new_key() -> bytes:
    """Make a new session key and keep it in the keyring."""
    import keyring
    from keyring.errors import KeyringError

    key = os.urandom(32)
    try:
        keyring.set_password(SERVICE, KEY_ENTRY, base64.urlsafe_b64encode(key).decode("ascii"))
    except (KeyringError, RuntimeError) as exc:
        raise SecretsError(
            Sentence("The keyring could not store the session key: {exc}", exc=str(exc))
        ) from None
    return key
