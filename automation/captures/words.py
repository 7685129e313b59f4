"""The words a plugin knows, and what a page's text keeps of them."""

from __future__ import annotations

import dataclasses
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from automation.captures.scrub import DOTTED_ADDRESS, LONGEST_WORDS, VALUE_PLACEHOLDER, placeholder

if TYPE_CHECKING:
    from automation.plugin import Plugin


_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"
    r"|[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+"
    r"(?:['-][^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+)*"
    r"|[^\w\s]"
)
_QUOTED = re.compile(r'"([^"\\\n]{1,200})"|\'([^\'\\\n]{1,200})\'')
_REGEX_WORDS = re.compile(r"=\s*/([A-Za-z][A-Za-z ]{1,60})/")
_ID_SELECTOR = re.compile(r"#([A-Za-z][\w-]*)")
#: The modules whose wordings the shared page code looks for on every platform.
SHARED = (
    "automation.page.switches",
    "automation.page.opening",
    "automation.page.controls",
    "automation.page.chips",
    "automation.page.choosing",
    "automation.page.rows",
    "automation.page.row_words",
    "automation.page.row_choice",
    "automation.page.popups",
    "automation.accounts.signin",
    "automation.domain.walls",
)
#: Strings longer than this are code or prose, not a wording a page shows whole.
_LONGEST_KNOWN = 300


def _plain(text: str) -> str:
    """``text`` in the one form words are matched in (see :func:`controls.normalise`),
    with its case and its single spaces kept."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u2018\u2019\u02bc\u2032`]", "'", text)
    text = re.sub("[\u201c\u201d]", '"', text)
    return re.sub(r"\s+", " ", text)


def strings_in(value: object, depth: int = 0) -> Iterator[str]:
    """Every string held in ``value``: in tuples, lists, sets, dicts and dataclasses."""
    if depth > 6:
        return
    if isinstance(value, str):
        yield str(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key, depth + 1)
            yield from strings_in(item, depth + 1)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from strings_in(item, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings_in(getattr(value, field.name, None), depth + 1)


class Words:
    """The words a plugin knows, and what a page's text keeps of them.

    ``strings`` are the plugin's own (its settings, selectors, paths, wordings and
    module constants, and the shared page code's). A page's text keeps each run of
    them it holds as whole words; everything else in it becomes a placeholder. An
    attribute value is kept only when it is one of them, whole.
    """

    def __init__(self, strings: Iterable[str]) -> None:
        self.values: set[str] = set()
        self.segments: set[str] = set()
        self._trie: dict[str, Any] = {}
        for raw in strings:
            if "\n" in raw or len(raw) > _LONGEST_KNOWN:
                continue
            self._learn(raw)

    def _learn(self, raw: str) -> None:
        pieces = [raw]
        pieces += [a or b for a, b in _QUOTED.findall(raw)]
        pieces += _REGEX_WORDS.findall(raw)
        self.values.update(_ID_SELECTOR.findall(raw))
        for piece in pieces:
            piece = piece.strip()
            if not piece:
                continue
            self.values.add(piece)
            self._add_phrase(piece)
            if piece.startswith(("/", "http://", "https://")):
                split = urlsplit(piece.replace("{name}", "x"))
                for part in (split.path, split.fragment):
                    self.segments.update(s for s in part.split("/") if s)
                self.segments.update(split.netloc.split("."))

    def _add_phrase(self, phrase: str) -> None:
        tokens = [t.casefold() for t in _TOKEN.findall(_plain(phrase))]
        if not any(t[0].isalnum() for t in tokens):
            return
        node = self._trie
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = True

    def add(self, strings: Iterable[str]) -> Words:
        """These words known as well; ``self``, for chaining."""
        for raw in strings:
            if "\n" not in raw and len(raw) <= _LONGEST_KNOWN:
                self._learn(raw)
        return self

    def text(self, text: str) -> str:
        """``text`` with only its known words kept: every other run of it that holds a
        letter or a digit becomes a placeholder of its length class."""
        value = _plain(text)
        tokens = list(_TOKEN.finditer(value))
        kept = [False] * len(tokens)
        keys = [t.group().casefold() for t in tokens]
        at = 0
        while at < len(tokens):
            node: dict[str, Any] | None = self._trie
            end = -1
            for index in range(at, len(tokens)):
                node = node.get(keys[index]) if node is not None else None
                if node is None:
                    break
                if "" in node:
                    end = index
            if end >= 0:
                for index in range(at, end + 1):
                    kept[index] = True
                at = end + 1
            else:
                at += 1
        for pattern in _known_patterns():
            for found in pattern.finditer(value):
                for index, token in enumerate(tokens):
                    if token.start() >= found.start() and token.end() <= found.end():
                        kept[index] = True
                    elif token.start() >= found.end():
                        break
        alnum = [any(ch.isalnum() for ch in t.group()) for t in tokens]
        if not any(kept[i] and alnum[i] for i in range(len(tokens))):
            return placeholder(value) if any(alnum) else value.strip()[:LONGEST_WORDS]
        # A sign between two words left out goes with them ("Jane Q. Example" is one
        # run); a sign beside a kept word stays.
        left_out = [alnum[i] and not kept[i] for i in range(len(tokens))]
        before = [False] * len(tokens)
        last = False
        for index in range(len(tokens)):
            before[index] = last
            if alnum[index]:
                last = left_out[index]
        unknown = list(left_out)
        last = False
        for index in range(len(tokens) - 1, -1, -1):
            if alnum[index]:
                last = left_out[index]
            else:
                unknown[index] = last and before[index]
        parts: list[str] = []
        start = 0
        index = 0
        while index < len(tokens):
            if not unknown[index]:
                index += 1
                continue
            stop = index
            while stop + 1 < len(tokens) and unknown[stop + 1]:
                stop += 1
            begin, end = tokens[index].start(), tokens[stop].end()
            parts.append(value[start:begin])
            parts.append(placeholder(value[begin:end]))
            start = end
            index = stop + 1
        parts.append(value[start:])
        return "".join(parts).strip()[:LONGEST_WORDS]

    def path(self, path: str) -> str:
        """A path with each part the plugin does not know made a placeholder."""
        return "/".join(
            part if not part or part in self.segments else VALUE_PLACEHOLDER
            for part in path.split("/")
        )

    def link(self, href: str) -> str:
        """A link as kept: its path only, redacted; a link to anything but a page (a
        ``mailto:``, a script) is kept as ``#``."""
        split = urlsplit(href.strip())
        if split.scheme not in ("", "http", "https"):
            return "#"
        return self.path(split.path)

    def address(self, url: str) -> str:
        """A page's address as kept: its host (each part of it the plugin does not
        know a placeholder, a loopback or IP address as it is) and redacted path."""
        split = urlsplit(url)
        if split.scheme not in ("http", "https"):
            return f"{split.scheme}:"
        host = split.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        elif not DOTTED_ADDRESS.fullmatch(host):
            host = ".".join(
                label if label in self.segments or label == "localhost" else VALUE_PLACEHOLDER
                for label in host.split(".")
            )
        port = f":{split.port}" if _port(split) else ""
        return urlunsplit((split.scheme, f"{host}{port}", self.path(split.path), "", ""))


def _port(split: Any) -> int | None:
    try:
        return int(split.port) if split.port else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _known_patterns() -> tuple[re.Pattern[str], ...]:
    """Sentences the shared page code reads by pattern: "not available", "2 steps"."""
    from automation.page.absence import NOT_OFFERED
    from automation.page.chips import HINT

    return (NOT_OFFERED, HINT)


def plugin_class(platform: str) -> type[Plugin] | None:
    """The plugin class of ``platform`` among those imported, else the installed one."""
    from automation.plugin import Plugin

    stack: list[type[Plugin]] = list(Plugin.__subclasses__())
    while stack:
        cls = stack.pop()
        if vars(cls).get("name") == platform:
            return cls
        stack.extend(cls.__subclasses__())
    from automation import registry

    if platform not in registry.available():
        return None
    found, _ = registry.load({platform})
    return found[0] if found else None


@lru_cache(maxsize=64)
def _module_strings(module_name: str) -> tuple[str, ...]:
    module = sys.modules.get(module_name)
    if module is None:
        import importlib

        module = importlib.import_module(module_name)
    return tuple(
        s
        for name, value in vars(module).items()
        if not name.startswith("__") and not callable(value) and not isinstance(value, type(sys))
        for s in strings_in(value)
    )


def plugin_words(cls: type[Plugin] | None) -> Words:
    """The words ``cls`` knows (``None``: those of the shared page code alone)."""
    strings: list[str] = []
    for module in SHARED:
        strings.extend(_module_strings(module))
    if cls is not None:
        from automation.plugin import Plugin

        for klass in cls.__mro__:
            if klass is Plugin or not (isinstance(klass, type) and issubclass(klass, Plugin)):
                continue
            strings.extend(_module_strings(klass.__module__))
            for name, value in vars(klass).items():
                if not name.startswith("__") and not callable(value):
                    strings.extend(strings_in(value))
    return Words(strings)
