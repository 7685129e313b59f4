"""Credentials kept in the operating system's keyring, never anywhere else.

Each platform's username and password are stored together as one keyring entry
(service ``privacy-tui``, user name the platform's name). Keyring calls can block
(a locked desktop keyring asks for a password), so the async helpers run them in
a thread with a time limit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from automation.accounts.blocking import run_blocking
from automation.language import Sentence

SERVICE = "privacy-tui"
#: How long a keyring call may take before it counts as unavailable (seconds).
KEYRING_TIMEOUT = 10.0

T = TypeVar("T")


class SecretsError(Exception):
    """The keyring could not be used; the message says why."""


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)

    def __str__(self) -> str:
        return f"{self.username} (password hidden)"


def keyring_is_real() -> bool:
    """False when ``keyring`` has only its fail, null or plaintext back ends."""
    import keyring

    backend = keyring.get_keyring()
    module = type(backend).__module__
    weak = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
    chained = getattr(backend, "backends", None)
    if chained is not None:
        return any(not type(b).__module__.startswith(weak) for b in chained)
    return not module.startswith(weak)


def get_credentials(platform: str) -> Credentials | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        raw = keyring.get_password(SERVICE, platform)
    except (KeyringError, RuntimeError) as exc:
        raise SecretsError(Sentence("The keyring could not be read: {exc}", exc=str(exc))) from None
    if not raw:
        return None
    try:
        data = json.loads(raw)
        return Credentials(str(data["username"]), str(data["password"]))
    except (ValueError, KeyError, TypeError):
        raise SecretsError(
            Sentence(
                "The keyring entry for {platform} is not in privacy-tui's format; "
                "set it again with `privacy-tui credentials {platform}`.",
                platform=platform,
            )
        ) from None


def set_credentials(platform: str, credentials: Credentials) -> None:
    import keyring
    from keyring.errors import KeyringError

    value = json.dumps({"username": credentials.username, "password": credentials.password})
    try:
        keyring.set_password(SERVICE, platform, value)
    except (KeyringError, RuntimeError) as exc:
        raise SecretsError(
            Sentence("The keyring could not store the credentials: {exc}", exc=str(exc))
        ) from None


def forget_credentials(platform: str) -> bool:
    """Remove the stored credentials; False when there were none."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, platform)
    except PasswordDeleteError:
        return False
    except (KeyringError, RuntimeError) as exc:
        raise SecretsError(
            Sentence("The keyring could not be changed: {exc}", exc=str(exc))
        ) from None
    return True


class KeyringCredentials:
    """The engine's source of credentials: the keyring, off the event loop, time-limited."""

    def __init__(self, timeout: float = KEYRING_TIMEOUT) -> None:
        self.timeout = timeout

    async def get(self, platform: str) -> Credentials | None:
        return await off_loop(get_credentials, platform, timeout=self.timeout)


async def off_loop(fn: Callable[..., T], *args: Any, timeout: float = KEYRING_TIMEOUT) -> T:
    """Run a keyring call off the event loop; a call that hangs becomes a :class:`SecretsError`."""
    try:
        return await run_blocking(fn, *args, timeout=timeout)
    except TimeoutError:
        raise SecretsError(
            Sentence(
                "The keyring did not answer within {timeout:g} s (is it locked?).", timeout=timeout
            )
        ) from None
    except SecretsError:
        raise
    except Exception as exc:  # a back end's own error, whatever its type
        raise SecretsError(
            Sentence("The keyring failed: {kind}: {exc}", kind=type(exc).__name__, exc=str(exc))
        ) from None
