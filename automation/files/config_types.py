"""What a config holds once read and checked, and the error that says why one cannot be
used.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from automation.domain.settings import State
from automation.domain.shown import shown
from automation.language import Sentence

#: The longest a browser step may be given, in seconds (an hour).
MAX_TIMEOUT = 3600


#: The longest value quoted whole in a message about the config.
QUOTED = 80


class ConfigError(Exception):
    """A config that cannot be used; ``str()`` is the message for the user."""

    def __init__(
        self,
        message: str,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message, self.path, self.line, self.column, self.key = (
            message,
            path,
            line,
            column,
            key,
        )

    def __str__(self) -> str:
        if self.path is None and self.line is None and not self.key:
            return self.message  # about no file at all (--config "")
        where = str(self.path) if self.path else "config"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {shown(self.key, QUOTED)}:" if self.key else ""
        return Sentence("{where}:{key} {message}", where=where, key=key, message=self.message)


@dataclass
class BrowserConfig:
    executable: str | None = None
    headless: bool = True
    timeout: float = 30.0
    #: Pages open at once across all platforms; ``None``: two a core, from 2 to 8.
    pages: int | None = None
    #: Block images, media, fonts and other hosts' requests while reading.
    light: bool = True


@dataclass
class PlatformConfig:
    origin: str | None = None
    enabled: bool = True


#: The looks the checklist can take (``[display] theme``).
THEMES = ("dark", "light")


@dataclass
class DisplayConfig:
    theme: str = "dark"
    """The checklist's colours: ``dark`` or ``light``."""
    language: str | None = None
    """The language people read (``ja``, ``en``); none: the environment's (LANG)."""


@dataclass
class SessionsConfig:
    store_unencrypted: bool = False
    """Without a working keyring, keep sessions on disk unencrypted (mode 0600)."""


@dataclass
class WatchConfig:
    """What a watched check (``privacy-tui watch run``) does besides reading."""

    command: list[str] = field(default_factory=list)
    """A command given the findings as JSON on standard input; empty: none."""
    notify: bool = True
    """Show a desktop notification where one can be shown."""
    apply: bool = False
    """Change what differs from ``[desired]`` back, with an undo point, like ``apply --yes``."""
    command_timeout: float = 60.0
    """Seconds the command may take."""


@dataclass
class Config:
    """The user's config. ``desired`` maps setting ids to what the user wants of them:
    a value, or ``None`` to leave it as it is (``"any"`` in the file)."""

    path: Path | None = None
    browser: BrowserConfig = field(default_factory=BrowserConfig)
    platforms: dict[str, PlatformConfig] = field(default_factory=dict)
    desired: dict[str, State | None] = field(default_factory=dict)
    #: Whether the file has a ``[desired]`` table: then a setting it does not name is
    #: left as it is; without one, every setting is wanted as the recommended preset has it.
    desired_given: bool = False
    export_path: str | None = None
    #: Settings the user marked as done by hand, with when.
    marks: dict[str, datetime] = field(default_factory=dict)
    sessions: SessionsConfig = field(default_factory=SessionsConfig)
    watch: WatchConfig = field(default_factory=WatchConfig)
    display: DisplayConfig = field(default_factory=DisplayConfig)
    #: The tables as written in the file, so an export can carry them over.
    raw: dict[str, Any] = field(default_factory=dict)

    def origin(self, platform: str) -> str | None:
        entry = self.platforms.get(platform)
        return entry.origin if entry else None

    def enabled(self, platform: str) -> bool:
        entry = self.platforms.get(platform)
        return entry.enabled if entry else True


#: What the config may say about each platform: its name and its settings' keys,
#: as a set, or as a mapping from key to kind (see :func:`catalog_of`). With kinds, the
#: by-hand words ("done", "skip") are taken only for settings done by hand; without,
#: for any setting.
Catalog = Mapping[str, Collection[str]]


def in_quotes(value: object) -> str:
    """``value`` as a message quotes it: a string in quotes, its control characters
    written out and cut when long (a host of 100,000 characters, say)."""
    if isinstance(value, str):
        return f"'{shown(value, QUOTED)}'"
    return shown(repr(value), QUOTED)
