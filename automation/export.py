"""Exporting the checklist to TOML: a record of the readings that loads back as a config."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from . import __version__
from .config import Config
from .model import Reading, Setting, State, now


class ExportError(Exception):
    """The export could not be written; the message says why. Nothing was changed."""


def render(
    settings: Iterable[Setting],
    desired: Mapping[str, State],
    readings: Mapping[str, Reading],
    config: Config | None = None,
    at: datetime | None = None,
    marks: Mapping[str, datetime] | None = None,
) -> str:
    """The export's TOML text.

    ``[desired]`` holds a value for every setting (the user's choice, else the
    recommendation); ``[results]`` holds the last reading of each setting that was
    read. ``[browser]``, ``[platforms]``, ``[export]``, ``[sessions]`` and ``[display]``
    are carried over from the config file as the user wrote them.
    """
    document: dict[str, Any] = {
        "meta": {"exported_at": at or now(), "version": __version__},
    }
    if config is not None:
        for table in ("browser", "platforms", "export", "sessions", "display"):
            if table in config.raw:
                document[table] = config.raw[table]
    wanted: dict[str, dict[str, str]] = {}
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for setting in settings:
        wanted.setdefault(setting.platform, {})[setting.key] = str(
            desired.get(setting.id, setting.recommended)
        )
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
        from .marks import as_tables

        document["marks"] = as_tables(marks)
    if results:
        document["results"] = results
    return tomli_w.dumps(document)


def write_atomic(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    Raises :class:`ExportError` (and leaves any existing file as it was) when the
    folder is missing or not writable, or when ``path`` exists and ``overwrite`` is
    false.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name.")
    if path.exists() and not overwrite:
        raise ExportError(f"{path} already exists.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist"
        raise ExportError(f"Cannot write {path}: {folder} {why}.")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"Cannot write {path}: {_reason(exc)}.") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644 & ~_umask())
        os.replace(temp, path)
    except BaseException as exc:
        # Whatever stopped the write (a full disk, text that is not UTF-8, Ctrl-C),
        # the temporary file goes and any existing file stays as it was.
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError | UnicodeError):
            raise ExportError(f"Cannot write {path}: {_reason(exc)}.") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _reason(exc: OSError | UnicodeError) -> str:
    if isinstance(exc, UnicodeError):
        return "the text cannot be written as UTF-8"
    return (exc.strerror or type(exc).__name__).lower()
