"""Session files: reading and writing one (bounded, owner-only, set aside when it cannot be
opened), and finding the one an earlier version kept under a name two origins could share.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

from automation.accounts.sessions import (
    SessionError,
    StorageState,
    belongs_to,
    legacy_owner,
    legacy_session_name,
    session_name,
)
from automation.files.private import (
    NotARegularFile,
    TooLarge,
    read_limited,
    set_aside,
    write_private,
)
from automation.language import Sentence

#: A session file larger than this is no session privacy-tui wrote.
SESSION_LIMIT = 64 * 1024 * 1024


def read_session(path: Path, platform: str) -> bytes | None:
    try:
        return read_limited(path, SESSION_LIMIT)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SessionError(
            Sentence(
                "The saved {platform} session in {path} could not be read "
                "({why}); {platform} counts as signed out.",
                platform=platform,
                path=str(path),
                why=reason(exc),
            )
        ) from None


def write_session(path: Path, data: bytes, platform: str) -> None:
    try:
        write_private(path, data)
    except OSError as exc:
        raise SessionError(
            Sentence(
                "The {platform} session could not be written to {path} ({why}); "
                "it is kept in memory until privacy-tui exits.",
                platform=platform,
                path=str(path),
                why=reason(exc),
            )
        ) from None


def unreadable(path: Path, platform: str, why: str) -> SessionError:
    try:
        moved = Sentence("the file was kept as {path}", path=str(set_aside(path)))
    except OSError as exc:
        moved = Sentence("the file could not be moved aside ({why})", why=reason(exc))
    return SessionError(
        Sentence(
            "The saved {platform} session could not be opened ({why}), so {platform} "
            "counts as signed out; {moved}.",
            platform=platform,
            why=why,
            moved=moved,
        )
    )


def encode_state(state: StorageState) -> bytes:
    return json.dumps(state, separators=(",", ":")).encode("utf-8")


def decode_state(data: bytes) -> StorageState:
    state = json.loads(data.decode("utf-8"))
    if not isinstance(state, dict) or not isinstance(state.get("cookies"), list):
        raise ValueError("not a browser session")
    # Checked as far as privacy-tui reads it; Playwright checks the rest when it loads it.
    return cast("StorageState", state)


def reason(exc: OSError) -> str:
    if isinstance(exc, NotARegularFile):
        return Sentence("not a regular file")
    if isinstance(exc, TooLarge):
        return Sentence("larger than {size} MiB", size=SESSION_LIMIT // 2**20)
    return (exc.strerror or type(exc).__name__).lower()


def legacy_file(folder: Path, platform: str, origin: str | None, suffix: str) -> Path | None:
    old = legacy_session_name(platform, origin)
    return None if old == session_name(platform, origin) else folder / f"{old}{suffix}"


def claims_origin(state: StorageState, platform: str, origin: str) -> bool:
    """Whether a session under ``origin``'s earlier name is the origin's own: it holds
    the origin's cookies or storage, and nothing of the origin that has that name now."""
    owner = legacy_owner(platform, origin)
    return belongs_to(state, origin) and (owner is None or not belongs_to(state, owner))


def read_quietly(path: Path) -> bytes | None:
    try:
        return read_limited(path, SESSION_LIMIT)
    except OSError:
        return None


def remove_file(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise SessionError(
            Sentence("{path} could not be removed ({why}).", path=str(path), why=reason(exc))
        ) from None
    return True
