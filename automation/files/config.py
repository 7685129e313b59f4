"""Loading and checking the TOML config (an export is a config too).

Every problem is a :class:`ConfigError` that names the file, the line and column
where known, the key path at fault and what would be allowed.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from automation import language
from automation.domain.settings import Kind
from automation.files import folders
from automation.files.config_checks import Checker
from automation.files.config_types import Catalog, Config, ConfigError
from automation.files.private import NotARegularFile, TooLarge, read_text_limited
from automation.language import Sentence

ENV_VAR = "PRIVACY_TUI_CONFIG"


#: The largest config read, in bytes: a config with every platform's every setting, its
#: results and marks is a few dozen KiB.
MAX_SIZE = 1024 * 1024


class Keys(dict[str, Kind]):
    """A platform's setting keys and their kinds, and which of them are kept per blog or
    site (so that ``"key@blog"`` may name one blog's copy)."""

    def __init__(self, kinds: Mapping[str, Kind], per_blog: Iterable[str] = ()) -> None:
        super().__init__(kinds)
        self.per_blog = frozenset(per_blog)


def catalog_of(plugins: Iterable[Any]) -> dict[str, Keys]:
    """The catalog of plugin classes (or plugins): each setting's key and kind."""
    return {
        p.name: Keys(
            {s.key: s.kind for s in p.settings},
            [s.key for s in p.settings if s.per is not None],
        )
        for p in plugins
    }


def default_path() -> Path:
    return folders.config_file()


def locate(explicit: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """The config file to use and whether the user named it (so it must exist).

    ``--config ""`` names no file and is refused; an empty ``$PRIVACY_TUI_CONFIG`` counts
    as not set, as shells use an empty value to clear one.
    """
    if explicit is not None and not os.fspath(explicit):
        raise ConfigError("--config names no file (an empty path); name one, or leave it out")
    named = explicit or os.environ.get(ENV_VAR)
    if named:
        try:
            return Path(named).expanduser(), True
        except RuntimeError:  # "~someone" who does not exist
            raise ConfigError("no such home folder", Path(named)) from None
    return default_path(), False


def configured_language(explicit: str | None = None) -> str | None:
    """``[display] language`` of the config ``--config`` (``explicit``) or the environment
    names, read before anything else so that every word, the help's too, is in it. A config
    that cannot be read, or a value that is not a language, gives none here: loading the
    config says what is wrong with it."""
    try:
        path, _named = locate(explicit)
        data = tomllib.loads(read_text_limited(path, MAX_SIZE))
    except (ConfigError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    display = data.get("display")
    value = display.get("language") if isinstance(display, dict) else None
    return language.known(value) if isinstance(value, str) else None


def load(path: Path, catalog: Catalog, *, required: bool = True) -> Config:
    """Read and check ``path``. A missing file is an error only when ``required``.

    Only a regular file of at most :data:`MAX_SIZE` bytes is read: a FIFO would wait
    for a writer forever, and ``/dev/zero`` would never end.
    """
    try:
        text = read_text_limited(path, MAX_SIZE)
    except FileNotFoundError:
        if required:
            raise ConfigError(Sentence("no such file"), path) from None
        return Config(path=None)
    except NotARegularFile:
        raise ConfigError(
            Sentence("cannot be read (not a regular file: a folder, a FIFO or a device)"), path
        ) from None
    except TooLarge:
        raise ConfigError(
            Sentence(
                "cannot be read (larger than {size} KiB: not a config)", size=MAX_SIZE // 1024
            ),
            path,
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Sentence("cannot be read ({why})", why=_reason(exc)), path) from None
    return parse(text, catalog, path=path)


def parse(text: str, catalog: Catalog, *, path: Path | None = None) -> Config:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        # Arrays or tables nested hundreds deep: no config needs that.
        raise ConfigError(Sentence("not valid TOML: values are nested too deeply"), path) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(found.group(1)) if found else None
        column = int(found.group(2)) if found else None
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise ConfigError(
            Sentence("not valid TOML: {message}", message=message), path, line, column
        ) from None
    return Checker(text, catalog, path).config(data)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return type(exc).__name__
