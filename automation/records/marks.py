"""The user's own marks on settings that only a person can change (a form, an email).

A mark says "I did this" and when; it is never a reading. Marks are kept in the
user data folder and exported under ``[marks]``, so an export loaded as a config
brings them back.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import tomli_w

from automation.files import folders
from automation.files.private import read_text_limited
from automation.records.export import ExportError, as_tables, write_atomic


def default_path() -> Path:
    return folders.marks_file()


class Marks:
    """Setting ids marked done by the user, with when, kept in one TOML file."""

    def __init__(self, path: Path | None = None, initial: Mapping[str, datetime] | None = None):
        self.path = path
        self._marks: dict[str, datetime] = {}
        if path is not None:
            self._marks.update(_read(path))
        self._marks.update(initial or {})

    def __contains__(self, setting_id: object) -> bool:
        return setting_id in self._marks

    def get(self, setting_id: str) -> datetime | None:
        return self._marks.get(setting_id)

    def items(self) -> list[tuple[str, datetime]]:
        return sorted(self._marks.items())

    def set(self, setting_id: str, when: datetime | None) -> None:
        """Mark (or, with ``None``, unmark) a setting and keep the change on disk.

        Raises :class:`~automation.records.export.ExportError` when the file cannot be written;
        the mark is then kept for this run only.
        """
        if when is None:
            self._marks.pop(setting_id, None)
        else:
            self._marks[setting_id] = when
        if self.path is not None:
            folders.make_private_folder(self.path.parent)
            write_atomic(self.path, tomli_w.dumps(as_tables(self._marks)), overwrite=True)


#: No file of marks privacy-tui writes comes near this; a bigger one is not its own.
MARKS_LIMIT = 1024 * 1024


def _read(path: Path) -> dict[str, datetime]:
    try:
        data = tomllib.loads(read_text_limited(path, MARKS_LIMIT))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ExportError(f"The marks file {path} cannot be read ({exc}).") from None
    return {
        f"{platform}.{key}": when
        for platform, table in data.items()
        if isinstance(table, dict)
        for key, when in table.items()
        if isinstance(when, datetime)
    }
