"""Checking a config's tables, key by key, with the line of the file each problem is on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from automation import language
from automation.domain.settings import DESIRABLE, MANUAL_WORDS, Kind, State
from automation.domain.shown import is_control
from automation.domain.wishes import ANY
from automation.files.config_types import (
    MAX_TIMEOUT,
    THEMES,
    BrowserConfig,
    Catalog,
    Config,
    ConfigError,
    PlatformConfig,
    WatchConfig,
    in_quotes,
)
from automation.files.origins import origin_problem
from automation.language import Sentence


class Values:
    """The checks of one value of a config, each naming the line of the file it is on."""

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
            raise self.fail(name[:-1], name[-1], Sentence("must be a table"))
        return data

    def only(self, data: dict[str, Any], name: tuple[str, ...], allowed: list[str]) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(
                    name,
                    key,
                    Sentence("unknown key; allowed: {allowed}", allowed=", ".join(allowed)),
                )

    def language(self, value: Any) -> str:
        """``[display] language``: a language privacy-tui speaks ("ja_JP.UTF-8" is "ja")."""
        spoken = language.known(value) if isinstance(value, str) else None
        if spoken is None:
            raise self.fail(
                ("display",),
                "language",
                Sentence(
                    "{value} is not a language privacy-tui speaks; use {known}",
                    value=in_quotes(value),
                    known=language.either(map(repr, language.LANGUAGES), quoted=False),
                ),
            )
        return spoken

    def known_platform(self, table: tuple[str, ...], name: str) -> None:
        if name not in self.catalog:
            known = ", ".join(self.catalog) or Sentence("none installed")
            raise self.fail(table, name, Sentence("unknown platform; known: {known}", known=known))

    def seconds(self, value: Any, where: tuple[str, ...], key: str) -> float:
        """A time limit: a number of seconds above 0 and at most :data:`MAX_TIMEOUT`."""
        # inf, nan and huge numbers would overflow the browser's own limits.
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 < value <= MAX_TIMEOUT
        ):
            raise self.fail(
                where,
                key,
                Sentence("must be a number of seconds above 0 and at most {max}", max=MAX_TIMEOUT),
            )
        return float(value)

    def string(self, value: Any, table: tuple[str, ...], key: str) -> str:
        if not isinstance(value, str):
            raise self.fail(table, key, Sentence("must be a string"))
        return value


class Checker(Values):
    """The checks of a config's tables, key by key."""

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
                    raise self.fail(("marks", name), key, Sentence("unknown setting"))
                if not isinstance(when, datetime):
                    raise self.fail(("marks", name), key, Sentence("must be a date and time"))
                config.marks[f"{name}.{key}"] = when
        if "sessions" in data:
            sessions = self.table(data["sessions"], ("sessions",))
            self.only(sessions, ("sessions",), ["store_unencrypted"])
            if "store_unencrypted" in sessions:
                if not isinstance(sessions["store_unencrypted"], bool):
                    raise self.fail(
                        ("sessions",), "store_unencrypted", Sentence("must be true or false")
                    )
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
                        Sentence(
                            "{theme} is not a theme; use {known}",
                            theme=in_quotes(theme),
                            known=language.either(map(repr, THEMES), quoted=False),
                        ),
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
                raise self.fail(where, "headless", Sentence("must be true or false"))
            result.headless = data["headless"]
        if "light" in data:
            if not isinstance(data["light"], bool):
                raise self.fail(where, "light", Sentence("must be true or false"))
            result.light = data["light"]
        if "timeout" in data:
            result.timeout = self.seconds(data["timeout"], where, "timeout")
        # ``concurrency`` is the older name of ``pages``; ``pages`` wins when both are given.
        for key in ("concurrency", "pages"):
            if key in data:
                value = data[key]
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 16:
                    raise self.fail(where, key, Sentence("must be a whole number from 1 to 16"))
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
                    Sentence(
                        'must be a list of non-empty strings, like ["mail", "-s", "privacy", "me"]'
                    ),
                )
            for number, part in enumerate(command, 1):
                if any(is_control(char) and char not in "\t\n" for char in part):
                    raise self.fail(
                        where,
                        "command",
                        Sentence(
                            "part {number} ({part}) holds a control character; "
                            "a command's words are plain text (a tab or a line break at most)",
                            number=number,
                            part=in_quotes(part),
                        ),
                    )
            result.command = list(command)
        for key in ("notify", "apply"):
            if key in data:
                if not isinstance(data[key], bool):
                    raise self.fail(where, key, Sentence("must be true or false"))
                setattr(result, key, data[key])
        if "command_timeout" in data:
            result.command_timeout = self.seconds(data["command_timeout"], where, "command_timeout")
        return result

    def platform(self, data: dict[str, Any], name: str) -> PlatformConfig:
        where = ("platforms", name)
        self.only(data, where, ["origin", "enabled"])
        result = PlatformConfig()
        if "origin" in data:
            origin = self.string(data["origin"], where, "origin")
            problem = origin_problem(origin)
            if problem is not None:
                raise self.fail(where, "origin", problem)
            result.origin = origin.rstrip("/")
        if "enabled" in data:
            if not isinstance(data["enabled"], bool):
                raise self.fail(where, "enabled", Sentence("must be true or false"))
            result.enabled = data["enabled"]
        return result

    def desired(self, platform: str, key: str, value: Any) -> State | None:
        where = ("desired", platform)
        keys = self.catalog[platform]
        # A setting kept per blog or site may be named for one: "sharing@myblog".
        base, at, blog = key.partition("@")
        if base not in keys:
            known = ", ".join(sorted(keys))
            raise self.fail(where, key, Sentence("unknown setting; known: {known}", known=known))
        per_blog = getattr(keys, "per_blog", None)  # unknown for a catalog of bare keys
        if at and per_blog is not None and base not in per_blog:
            raise self.fail(
                where,
                key,
                Sentence(
                    "{base} is not kept per blog or site, so it takes no @name; write {base} alone",
                    base=base,
                ),
            )
        if at and not blog:
            raise self.fail(where, key, Sentence("names no blog or site after the @"))
        if at and not _BLOG_NAME.fullmatch(blog):
            raise self.fail(
                where,
                key,
                Sentence(
                    "{blog} is not a blog's or site's name "
                    "(letters, digits, dots, - and _, as privacy-tui check prints it)",
                    blog=in_quotes(blog),
                ),
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
                Sentence(
                    "{value} is not allowed; this one is done by hand: use 'done', "
                    "'skip' or '{any}'",
                    value=in_quotes(value),
                    any=ANY,
                ),
            )
        raise self.fail(
            where,
            key,
            Sentence(
                "{value} is not allowed; use {allowed} or {any} (leave it as it is)",
                value=in_quotes(value),
                allowed=", ".join(map(repr, allowed)),
                any=repr(ANY),
            ),
        )


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


#: A blog's or site's name after the @ of ``"key@name"``, as a page path takes it.
_BLOG_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*")
