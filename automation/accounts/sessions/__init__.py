"""Where the engine gets and keeps each platform's signed-in browser session.

A session is Playwright's storage state (cookies and local storage) for one
platform's browser context. It is a secret like a password. The kept-on-disk
implementations live in :mod:`automation.accounts.sessions.store`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeAlias
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.async_api import StorageState as PlaywrightStorageState

    from automation.plugin import Plugin

#: Playwright's storage state of one browser context: its cookies and local storage.
#: (Named as a string so that nothing here loads Playwright before a browser is wanted.)
StorageState: TypeAlias = "PlaywrightStorageState"


def session_origin(plugin: Plugin) -> str | None:
    """The origin a platform's session is kept for: ``None`` for its real site.

    A session signed in on a replica (or any origin a config names) is kept apart
    from the real site's, so one never replaces the other.
    """
    return None if plugin.origin == plugin.default_origin.rstrip("/") else plugin.origin


def session_name(platform: str, origin: str | None = None) -> str:
    """The name a session is kept under: ``linkedin`` for the real site,
    ``linkedin@http-127.0.0.1-8801`` for another origin.

    Distinct origins never share a name. Where those letters, digits, dots and hyphens
    do not say the origin whole (a letter outside ASCII, other punctuation, a host that
    ends in a hyphen and digits), the name holds the whole origin instead, each other
    character written as its code: ``linkedin@~http_3a_2f_2fa_7eb.localhost_3a8801``.
    Two spellings of one origin (upper case, a name in Unicode or in its ASCII form)
    share a name.
    """
    if origin is None:
        return platform
    exact = canonical_origin(origin)
    where = _readable(exact)
    if _read_back(where) == exact:
        return f"{platform}@{where}"
    written = "".join(c if c in _KEPT else "".join(f"_{b:02x}" for b in c.encode()) for c in exact)
    name = f"{platform}@~{written}"
    if len(name) > NAME_LIMIT:
        # Still one name an origin, but a file name has a length limit.
        name = f"{platform}@~~{hashlib.sha256(exact.encode()).hexdigest()}"
    return name


def legacy_session_name(platform: str, origin: str | None = None) -> str:
    """The name earlier versions kept a session under, where two origins could share
    one (each character but ASCII letters, digits, dots and hyphens became ``_``)."""
    if origin is None:
        return platform
    return f"{platform}@{_readable(origin)}"


def legacy_owner(platform: str, origin: str) -> str | None:
    """The origin whose own name is ``origin``'s earlier one, if another has it
    (``http://a_b.localhost`` for ``http://a~b.localhost``): a file under that name
    may be either's."""
    old = legacy_session_name(platform, origin)
    owner = _read_back(old.split("@", 1)[1])
    if owner is None or owner == canonical_origin(origin):
        return None
    return owner if session_name(platform, owner) == old else None


def canonical_origin(origin: str) -> str:
    """``origin`` the way a browser compares it: lower case, its host in its ASCII
    form, no default port."""
    split = urlsplit(origin.strip())
    scheme = split.scheme.lower()
    host = _ascii_host(split.hostname or "")
    try:
        port = split.port
    except ValueError:  # not a port at all: kept as written, still told apart
        return f"{scheme}://{split.netloc.lower()}"
    if port == _DEFAULT_PORTS.get(scheme):
        port = None
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")


def belongs_to(state: StorageState, origin: str) -> bool:
    """Whether a kept session holds anything of ``origin``: a cookie for its host (or a
    domain above it), or storage kept for the origin itself."""
    exact = canonical_origin(origin)
    host = (urlsplit(exact).hostname or "").lower()
    for cookie in state.get("cookies") or []:
        domain = str(cookie.get("domain", "")).lstrip(".").lower()
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    for kept in state.get("origins") or []:
        if canonical_origin(str(kept.get("origin", ""))) == exact:
            return True
    return False


#: Characters a session's name keeps as they are; ``_`` starts a written-out code.
_KEPT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
#: Longer names are a digest of the origin instead (file names are at most 255 bytes).
NAME_LIMIT = 200
_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _ascii_host(host: str) -> str:
    host = host.lower()
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # not a name IDNA takes: kept in Unicode, written out as codes
        return host


def _readable(origin: str) -> str:
    """``http-127.0.0.1-8801``: the scheme, host and port, with anything but ASCII
    letters, digits, dots and hyphens made ``_``."""
    split = urlsplit(origin)
    try:
        port = split.port
    except ValueError:
        port = None
    parts = [split.scheme, split.hostname or "", str(port) if port else ""]
    where = "-".join(p for p in parts if p)
    return re.sub(r"[^a-z0-9.-]", "_", where.lower())


def _read_back(where: str) -> str | None:
    """The origin a readable name stands for, taking a last group of digits for the port."""
    scheme, _, rest = where.partition("-")
    host, _, port = rest.rpartition("-")
    if not (host and port.isdigit()):
        host, port = rest, ""
    if not host:
        return None
    return canonical_origin(f"{scheme}://{host}" + (f":{port}" if port else ""))


class SessionError(Exception):
    """A session could not be read or kept as asked; ``str()`` tells the user what happened.

    A session that could not be read counts as signed out. One that could not be
    written may still be kept in memory for the rest of the run; the message says so.
    """


class Sessions(Protocol):
    """A place to keep sessions. ``load`` and ``save`` may raise :class:`SessionError`.

    Sessions are kept per platform and origin: ``origin`` is ``None`` for the
    platform's real site (see :func:`session_origin`).
    """

    async def load(self, platform: str, origin: str | None = None) -> StorageState | None: ...

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None: ...

    async def forget(self, platform: str, origin: str | None = None) -> bool:
        """Remove the platform's session for ``origin``; False when none was kept."""
        ...


class MemorySessions:
    """Sessions kept only for the life of the process.

    One run points each platform at one origin, so these are kept by platform alone.
    """

    def __init__(
        self,
        initial: dict[str, StorageState] | Callable[[], dict[str, StorageState]] | None = None,
    ) -> None:
        """``initial`` may be a function, called when a session is first asked for."""
        self._later = initial if callable(initial) else None
        self._kept: dict[str, StorageState] = {} if callable(initial) else dict(initial or {})

    @property
    def _states(self) -> dict[str, StorageState]:
        if self._later is not None:
            self._kept = {**self._later(), **self._kept}
            self._later = None
        return self._kept

    async def load(self, platform: str, origin: str | None = None) -> StorageState | None:
        return self._states.get(platform)

    async def save(self, platform: str, state: StorageState, origin: str | None = None) -> None:
        self._states[platform] = state

    async def forget(self, platform: str, origin: str | None = None) -> bool:
        return self._states.pop(platform, None) is not None

    def __repr__(self) -> str:
        return f"MemorySessions(platforms={sorted(self._kept)})"
