"""Loading and checking the TOML config (an export is a config too).

Every problem is a :class:`ConfigError` that names the file, the line and column
where known, the key path at fault and what would be allowed.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from automation import language
from automation.domain.settings import DESIRABLE, MANUAL_WORDS, Kind, State
from automation.domain.shown import has_control, is_control, shown
from automation.domain.wishes import ANY
from automation.files import folders
from automation.files.private import NotARegularFile, TooLarge, read_text_limited

ENV_VAR = "PRIVACY_TUI_CONFIG"
#: The longest a browser step may be given, in seconds (an hour).
MAX_TIMEOUT = 3600
#: The largest config read, in bytes: a config with every platform's every setting, its
#: results and marks is a few dozen KiB.
MAX_SIZE = 1024 * 1024
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
        return f"{where}:{key} {self.message}"


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
            raise ConfigError("no such file", path) from None
        return Config(path=None)
    except NotARegularFile:
        raise ConfigError(
            "cannot be read (not a regular file: a folder, a FIFO or a device)", path
        ) from None
    except TooLarge:
        raise ConfigError(
            f"cannot be read (larger than {MAX_SIZE // 1024} KiB: not a config)", path
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read ({_reason(exc)})", path) from None
    return parse(text, catalog, path=path)


def parse(text: str, catalog: Catalog, *, path: Path | None = None) -> Config:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        # Arrays or tables nested hundreds deep: no config needs that.
        raise ConfigError("not valid TOML: values are nested too deeply", path) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(found.group(1)) if found else None
        column = int(found.group(2)) if found else None
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise ConfigError(f"not valid TOML: {message}", path, line, column) from None
    return _Checker(text, catalog, path).config(data)


class _Checker:
    def __init__(self, text: str, catalog: Catalog, path: Path | None) -> None:
        self.lines = text.splitlines()
        self.catalog = catalog
        self.path = path

    def fail(self, table: tuple[str, ...], key: str | None, message: str) -> ConfigError:
        line = _find(self.lines, table, key)
        dotted = ".".join((*table, key) if key else table)
        return ConfigError(message, self.path, line, 1 if line else None, dotted)

    def table(self, data: Any, name: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(name[:-1], name[-1], "must be a table")
        return data

    def only(self, data: dict[str, Any], name: tuple[str, ...], allowed: list[str]) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(name, key, f"unknown key; allowed: {', '.join(allowed)}")

    def config(self, data: dict[str, Any]) -> Config:
        self.only(
            data,
            (),
            [
                "browser",
                "platforms",
                "desired",
                "export",
                "marks",
                "sessions",
                "watch",
                "display",
                "meta",
                "results",
            ],
        )
        config = Config(path=self.path, raw=data)
        if "browser" in data:
            config.browser = self.browser(self.table(data["browser"], ("browser",)))
        for name, entry in self.table(data.get("platforms", {}), ("platforms",)).items():
            self.known_platform(("platforms",), name)
            config.platforms[name] = self.platform(self.table(entry, ("platforms", name)), name)
        config.desired_given = "desired" in data
        for name, entry in self.table(data.get("desired", {}), ("desired",)).items():
            self.known_platform(("desired",), name)
            for key, value in self.table(entry, ("desired", name)).items():
                config.desired[f"{name}.{key}"] = self.desired(name, key, value)
        if "export" in data:
            export = self.table(data["export"], ("export",))
            self.only(export, ("export",), ["path"])
            if "path" in export:
                config.export_path = self.string(export["path"], ("export",), "path")
        for name, entry in self.table(data.get("marks", {}), ("marks",)).items():
            self.known_platform(("marks",), name)
            for key, when in self.table(entry, ("marks", name)).items():
                if key not in self.catalog[name]:
                    raise self.fail(("marks", name), key, "unknown setting")
                if not isinstance(when, datetime):
                    raise self.fail(("marks", name), key, "must be a date and time")
                config.marks[f"{name}.{key}"] = when
        if "sessions" in data:
            sessions = self.table(data["sessions"], ("sessions",))
            self.only(sessions, ("sessions",), ["store_unencrypted"])
            if "store_unencrypted" in sessions:
                if not isinstance(sessions["store_unencrypted"], bool):
                    raise self.fail(("sessions",), "store_unencrypted", "must be true or false")
                config.sessions.store_unencrypted = sessions["store_unencrypted"]
        if "watch" in data:
            config.watch = self.watch(self.table(data["watch"], ("watch",)))
        if "display" in data:
            display = self.table(data["display"], ("display",))
            self.only(display, ("display",), ["theme", "language"])
            if "theme" in display:
                theme = display["theme"]
                if theme not in THEMES:
                    raise self.fail(
                        ("display",),
                        "theme",
                        f"{_quote(theme)} is not a theme; use {' or '.join(map(repr, THEMES))}",
                    )
                config.display.theme = theme
            if "language" in display:
                config.display.language = self.language(display["language"])
        if "meta" in data:
            self.only(self.table(data["meta"], ("meta",)), ("meta",), ["exported_at", "version"])
        for name, entry in self.table(data.get("results", {}), ("results",)).items():
            for key, result in self.table(entry, ("results", name)).items():
                where = ("results", name, key)
                self.only(
                    self.table(result, where), where, ["state", "checked_at", "detail", "url"]
                )
        return config

    def language(self, value: Any) -> str:
        """``[display] language``: a language privacy-tui speaks ("ja_JP.UTF-8" is "ja")."""
        spoken = language.known(value) if isinstance(value, str) else None
        if spoken is None:
            raise self.fail(
                ("display",),
                "language",
                f"{_quote(value)} is not a language privacy-tui speaks; use "
                f"{' or '.join(map(repr, language.LANGUAGES))}",
            )
        return spoken

    def known_platform(self, table: tuple[str, ...], name: str) -> None:
        if name not in self.catalog:
            known = ", ".join(self.catalog) or "none installed"
            raise self.fail(table, name, f"unknown platform; known: {known}")

    def browser(self, data: dict[str, Any]) -> BrowserConfig:
        where = ("browser",)
        self.only(
            data, where, ["executable", "headless", "timeout", "pages", "concurrency", "light"]
        )
        result = BrowserConfig()
        if "executable" in data:
            result.executable = self.string(data["executable"], where, "executable") or None
        if "headless" in data:
            if not isinstance(data["headless"], bool):
                raise self.fail(where, "headless", "must be true or false")
            result.headless = data["headless"]
        if "light" in data:
            if not isinstance(data["light"], bool):
                raise self.fail(where, "light", "must be true or false")
            result.light = data["light"]
        if "timeout" in data:
            result.timeout = self.seconds(data["timeout"], where, "timeout")
        # ``concurrency`` is the older name of ``pages``; ``pages`` wins when both are given.
        for key in ("concurrency", "pages"):
            if key in data:
                value = data[key]
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 16:
                    raise self.fail(where, key, "must be a whole number from 1 to 16")
                result.pages = value
        return result

    def watch(self, data: dict[str, Any]) -> WatchConfig:
        where = ("watch",)
        self.only(data, where, ["command", "notify", "apply", "command_timeout"])
        result = WatchConfig()
        if "command" in data:
            command = data["command"]
            if not isinstance(command, list) or not all(
                isinstance(part, str) and part for part in command
            ):
                raise self.fail(
                    where,
                    "command",
                    'must be a list of non-empty strings, like ["mail", "-s", "privacy", "me"]',
                )
            for number, part in enumerate(command, 1):
                if any(is_control(char) and char not in "\t\n" for char in part):
                    raise self.fail(
                        where,
                        "command",
                        f"part {number} ({_quote(part)}) holds a control character; "
                        "a command's words are plain text (a tab or a line break at most)",
                    )
            result.command = list(command)
        for key in ("notify", "apply"):
            if key in data:
                if not isinstance(data[key], bool):
                    raise self.fail(where, key, "must be true or false")
                setattr(result, key, data[key])
        if "command_timeout" in data:
            result.command_timeout = self.seconds(data["command_timeout"], where, "command_timeout")
        return result

    def seconds(self, value: Any, where: tuple[str, ...], key: str) -> float:
        """A time limit: a number of seconds above 0 and at most :data:`MAX_TIMEOUT`."""
        # inf, nan and huge numbers would overflow the browser's own limits.
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 < value <= MAX_TIMEOUT
        ):
            raise self.fail(
                where, key, f"must be a number of seconds above 0 and at most {MAX_TIMEOUT}"
            )
        return float(value)

    def platform(self, data: dict[str, Any], name: str) -> PlatformConfig:
        where = ("platforms", name)
        self.only(data, where, ["origin", "enabled"])
        result = PlatformConfig()
        if "origin" in data:
            origin = self.string(data["origin"], where, "origin")
            problem = _origin_problem(origin)
            if problem is not None:
                raise self.fail(where, "origin", problem)
            result.origin = origin.rstrip("/")
        if "enabled" in data:
            if not isinstance(data["enabled"], bool):
                raise self.fail(where, "enabled", "must be true or false")
            result.enabled = data["enabled"]
        return result

    def desired(self, platform: str, key: str, value: Any) -> State | None:
        where = ("desired", platform)
        keys = self.catalog[platform]
        # A setting kept per blog or site may be named for one: "sharing@myblog".
        base, at, blog = key.partition("@")
        if base not in keys:
            raise self.fail(where, key, f"unknown setting; known: {', '.join(sorted(keys))}")
        per_blog = getattr(keys, "per_blog", None)  # unknown for a catalog of bare keys
        if at and per_blog is not None and base not in per_blog:
            raise self.fail(
                where,
                key,
                f"{base} is not kept per blog or site, so it takes no @name; write {base} alone",
            )
        if at and not blog:
            raise self.fail(where, key, "names no blog or site after the @")
        if at and not _BLOG_NAME.fullmatch(blog):
            raise self.fail(
                where,
                key,
                f"{_quote(blog)} is not a blog's or site's name "
                "(letters, digits, dots, - and _, as privacy-tui check prints it)",
            )
        kind = keys.get(base) if isinstance(keys, Mapping) else None
        words = {word: state for state, word in MANUAL_WORDS.items()}
        if kind is not Kind.TOGGLE and value in words:
            return words[value]
        if value == ANY:
            return None  # leave it as it is
        allowed = [s.value for s in DESIRABLE]
        if value in allowed:
            # Also for a setting done by hand, as older exports wrote it ("off": done).
            return State(value)
        if kind is Kind.MANUAL:
            raise self.fail(
                where,
                key,
                f"{_quote(value)} is not allowed; this one is done by hand: use 'done', "
                f"'skip' or '{ANY}'",
            )
        raise self.fail(
            where,
            key,
            f"{_quote(value)} is not allowed; use {', '.join(map(repr, allowed))} or {ANY!r} "
            "(leave it as it is)",
        )

    def string(self, value: Any, table: tuple[str, ...], key: str) -> str:
        if not isinstance(value, str):
            raise self.fail(table, key, "must be a string")
        return value


def _find(lines: list[str], table: tuple[str, ...], key: str | None) -> int | None:
    """Best-effort line number (1-based) of ``key`` in ``[table]``, or of the table."""
    current: tuple[str, ...] = ()
    header_line = None
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        header = re.fullmatch(r"\[\[?\s*([^\]]+?)\s*\]\]?(\s*#.*)?", line)
        if header:
            current = _dotted(header.group(1))
            if current == table and header_line is None:
                header_line = number
            if key is not None and current[: len(table) + 1] == (*table, key):
                return number  # the key is a table with its own header: point at it
            continue
        if key is None:
            continue
        found = re.match(r"((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.\- ])+?)\s*=", line)
        if not found:
            continue
        path = current + _dotted(found.group(1))
        if path[: len(table) + 1] == (*table, key):
            return number
        if key and (*table, key)[: len(path)] == path and len(path) < len(table) + 1:
            return number
    if key is not None and header_line is None:
        # An inline or implicit table: look for the key's own header.
        return _find(lines, (*table, key), None)
    return header_line


def _dotted(text: str) -> tuple[str, ...]:
    """The parts of a dotted TOML key as written (``a."b.c"`` is ``a`` and ``b.c``)."""
    parts = re.findall(r"\s*(\"[^\"]*\"|'[^']*'|[^.\"']+)\s*(?:\.|$)", text)
    return tuple(part.strip().strip("\"'") for part in parts)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return type(exc).__name__


def _quote(value: object) -> str:
    """``value`` as a message quotes it: a string in quotes, its control characters
    written out and cut when long (a host of 100,000 characters, say)."""
    if isinstance(value, str):
        return f"'{shown(value, QUOTED)}'"
    return shown(repr(value), QUOTED)


#: A blog's or site's name after the @ of ``"key@name"``, as a page path takes it.
_BLOG_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*")
#: The longest host name DNS allows, and its longest label.
_HOST_LENGTH, _LABEL_LENGTH = 253, 63
_LABEL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?")


def _origin_problem(origin: str) -> str | None:
    """What makes ``origin`` something other than ``http[s]://host[:port]``, or ``None``.

    The browser, the session files and the check of where a password may go all take
    the origin as written, so only one that is plainly an origin is taken.
    """
    like = 'write only "https://host[:port]"'
    if "@" in origin:
        # "https://www.linkedin.com@evil.example" is evil.example, whatever it looks
        # like; and what stands before the @ may be a password, so it is not repeated.
        before, _, after = origin.rpartition("@")
        scheme = before.split("://", 1)[0] + "://" if "://" in before else ""
        return (
            f"'{scheme}…@{shown(after, QUOTED)}' holds a user name or password before the @; {like}"
        )
    quoted = _quote(origin)
    if "\\" in origin:
        return f"{quoted} holds a backslash; write the origin plainly"
    if has_control(origin):
        return f"{quoted} holds a control character; {like}"
    found = re.fullmatch(r"(https?)://(\[[^\]/]*\]|[^/\s?#:\[\]]+)(?::([^/]*))?/?", origin)
    if found is None:
        return f'{quoted} is not an origin like "https://host[:port]"'
    host, port = found.group(2), found.group(3)
    problem = _host_problem(host)
    if problem is None and port is not None:
        if not port:
            problem = "it has a colon but no port"
        elif not (port.isascii() and port.isdigit()):
            problem = f"its port {_quote(port)} is not a number"
        elif not 1 <= int(port) <= 65535:
            problem = f"its port {shown(port, QUOTED)} is not from 1 to 65535"
    if problem is not None:
        return f'{quoted} is not an origin like "https://host[:port]": {problem}'
    return None


def _host_problem(host: str) -> str | None:
    """Why ``host`` (a name, an IPv4 address or a bracketed IPv6 address) is none."""
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return f"{_quote(host)} is not an IPv6 address"
        return None
    if len(host) > _HOST_LENGTH:
        return f"its host is {len(host)} characters long; a host name has at most {_HOST_LENGTH}"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"{_quote(host)} is not a host name"
    labels = ascii_host.rstrip(".").split(".")
    if not all(len(label) <= _LABEL_LENGTH and _LABEL.fullmatch(label) for label in labels):
        return f"{_quote(host)} is not a host name (letters, digits, - and dots)"
    if all(label.isdigit() for label in labels):
        try:
            ipaddress.IPv4Address(ascii_host)
        except ValueError:
            return f"{_quote(host)} is not an IPv4 address"
    return None
