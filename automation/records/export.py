"""Exporting the checklist to TOML: a record of the readings that loads back as a config."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from automation import __version__
from automation.domain import wishes
from automation.domain.settings import Reading, Setting, now
from automation.domain.wishes import Wish
from automation.files import private
from automation.files.config_types import Config

try:
    import fcntl
except ImportError:  # no advisory locks here: leftovers are not looked for
    fcntl = None  # type: ignore[assignment]

#: How long an export waits for another one writing in the same folder before it
#: writes without looking for leftovers.
LOCK_WAIT = 1.0


class ExportError(Exception):
    """The export could not be written; the message says why. Nothing was changed."""


class AlreadyExists(ExportError):
    """The file is there and was not to be replaced."""


def render(
    settings: Iterable[Setting],
    desired: Mapping[str, Wish],
    readings: Mapping[str, Reading],
    config: Config | None = None,
    at: datetime | None = None,
    marks: Mapping[str, datetime] | None = None,
) -> str:
    """The export's TOML text.

    ``[desired]`` holds a wish for every setting (the user's, else the ``recommended``
    preset's: ``on``, ``off``, or ``any`` to leave it as it is; ``done`` or ``skip`` for
    one done by hand); ``[results]`` holds
    the last reading of each setting that was read. ``[browser]``, ``[platforms]``,
    ``[export]``, ``[sessions]``, ``[display]`` and ``[watch]`` are carried over from the config
    file as the user wrote them.
    """
    document: dict[str, Any] = {
        "meta": {"exported_at": at or now(), "version": __version__},
    }
    if config is not None:
        for table in ("browser", "platforms", "export", "sessions", "display", "watch"):
            if table in config.raw:
                document[table] = config.raw[table]
    wanted: dict[str, dict[str, str]] = {}
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for setting in settings:
        # A setting done by hand is written "done" or "skip", never a bare on or off.
        wish = desired[setting.id] if setting.id in desired else wishes.recommended(setting)
        wanted.setdefault(setting.platform, {})[setting.key] = wishes.word(setting, wish)
        reading = readings.get(setting.id)
        if reading is None:
            continue
        entry: dict[str, Any] = {
            "state": str(reading.state),
            "checked_at": reading.checked_at,
            "detail": reading.detail,
        }
        if reading.url:
            entry["url"] = reading.url
        results.setdefault(setting.platform, {})[setting.key] = entry
    document["desired"] = wanted
    if marks:
        document["marks"] = as_tables(marks)
    if results:
        document["results"] = results
    return tomli_w.dumps(document)


def as_tables(marks: Mapping[str, datetime]) -> dict[str, dict[str, datetime]]:
    """``{"meta.ai_objection": t}`` as TOML tables: ``{"meta": {"ai_objection": t}}``."""
    tables: dict[str, dict[str, datetime]] = {}
    for setting_id, when in sorted(marks.items()):
        platform, key = setting_id.split(".", 1)
        tables.setdefault(platform, {})[key] = when
    return tables


def destination(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Check that ``path`` can be written, before any work goes into what to write.

    Returns the path with ``~`` expanded. Raises :class:`ExportError` when it is a
    folder, exists and ``overwrite`` is false, names a missing home folder, or lies
    in a folder that is missing or where no file can be created (tried for real with
    a temporary file, removed at once).
    """
    path = _expanded(path)
    _check(path, overwrite)
    try:
        private.try_folder(path)
    except OSError as exc:
        raise ExportError(f"Cannot write {path}: {_reason(exc)}.") from None
    return path


def write_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    Raises :class:`ExportError` (and leaves any existing file as it was) when the
    folder is missing or not writable, or when ``path`` exists and ``overwrite`` is
    false. A file that is replaced keeps its permissions. Stopped by Ctrl-C or by a
    termination signal, it removes its temporary file before the process ends.
    """
    path = _expanded(path)
    _check(path, overwrite)
    try:
        with _folder_locked(_folder(path)) as locked:
            if locked:
                remove_leftovers(path)
            # An export is the user's to share: a new one gets ordinary permissions, and
            # a replaced one keeps its mode (a private 0600 export stays private).
            mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else private.shared_mode()
            private.write_atomic(path, text, mode=mode)
    except (OSError, UnicodeError) as exc:
        raise ExportError(f"Cannot write {path}: {_reason(exc)}.") from None


def leftover_name(path: Path) -> re.Pattern[str]:
    """The names of the temporary files an export to ``path`` writes first: hidden,
    named after the file, eight random letters, digits or ``_``, then ``.tmp`` (see
    :func:`automation.files.private.temporary_beside`)."""
    return re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")


def remove_leftovers(path: Path) -> list[Path]:
    """Remove what an export to ``path`` that was killed left: its temporary files.

    Only a regular file of this user with exactly such a name goes; a folder, a link
    or another user's file stays whatever its name. Call it holding the folder's lock
    (:func:`_folder_locked`), which every export holds while its own temporary file
    exists, so a file found here is no export's at work. Returns what went.
    """
    pattern = leftover_name(path)
    removed: list[Path] = []
    try:
        entries = os.scandir(_folder(path))
    except OSError:
        return removed
    with entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def _folder_locked(folder: Path) -> Iterator[bool]:
    """Hold the folder's advisory lock while an export writes there; whether it was got.

    A killed export's lock goes with its process. Another export holding it for longer
    than :data:`LOCK_WAIT` is not waited for: then leftovers are not looked for.
    """
    if fcntl is None:
        yield False
        return
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield False
        return
    try:
        got = False
        deadline = time.monotonic() + LOCK_WAIT
        while not got:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                got = True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    break
                time.sleep(0.05)
            except OSError:
                break
        yield got
    finally:
        os.close(handle)  # and with it the lock


def _expanded(path: str | os.PathLike[str]) -> Path:
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "~someone" who does not exist
        raise ExportError(f"Cannot write {path}: no such home folder.") from None


def _check(path: Path, overwrite: bool) -> None:
    try:
        if path.is_dir():
            raise ExportError(f"{path} is a folder; give a file name.")
        if path.exists() and not overwrite:
            raise AlreadyExists(f"{path} already exists.")
        folder = _folder(path)
        if not folder.is_dir():
            why = "is not a folder" if folder.exists() else "does not exist"
            raise ExportError(f"Cannot write {path}: {folder} {why}.")
    except OSError as exc:  # a name too long for the file system, say
        raise ExportError(f"Cannot write {path}: {_reason(exc)}.") from None


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _reason(exc: OSError | UnicodeError) -> str:
    if isinstance(exc, UnicodeError):
        return "the text cannot be written as UTF-8"
    return (exc.strerror or type(exc).__name__).lower()
