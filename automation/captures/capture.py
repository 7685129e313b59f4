"""A redacted picture of a settings page, kept when a reading does not match.

A capture holds what a plugin needs to see why it could not read a setting, and none
of the person's data. It keeps the page's structure (its elements, roles and states)
and only the words the plugin itself knows: its platform's labels, ids, test ids,
paths and the wordings of its settings, and the words the shared page code looks for
("On", "Turn off", "not available"). Every other text, in the page and in its
accessibility tree alike, becomes a placeholder of its length class; every other
attribute value becomes a placeholder too, or a stand-in name (``id-3``) where
elements point to each other by it. No input values, cookies, storage, scripts,
queries, image sources or links to anything but a path are kept.

A capture is a JSON file, written owner-only under the user's state folder. It can be
read by a person (``privacy-tui capture --show``) and served back as a page
(``privacy-tui replica --capture``), which makes it a regression test. Reading one
back checks every value's type, its size and its depth first.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from automation.domain.settings import Reading, Setting, now, resolve
from automation.domain.shown import shown
from automation.files import folders
from automation.files.private import NotARegularFile, TooLarge, read_limited, write_private
from automation.page.controls import POSITIONAL_ID

if TYPE_CHECKING:
    from playwright.async_api import Page

    from automation.plugin import Plugin

#: The version of the file's layout.
FORMAT = 1
#: Text longer than this, even one made of known words, is cut.
LONGEST_WORDS = 400
#: Placeholders for text that is not a known word, by length class.
PLACEHOLDERS = ((8, "▒" * 4), (40, "▒" * 16), (200, "▒" * 64))
LONG_PLACEHOLDER = "▒" * 128
#: What an attribute value that is not a known word becomes.
VALUE_PLACEHOLDER = "▒▒▒▒"

#: The most a capture file may weigh; those privacy-tui writes weigh less, even of
#: the largest page (its first elements, and a bounded amount of its text).
MOST_BYTES = 16 * 1024 * 1024
#: A capture larger than this is written without indentation.
INDENTED_BYTES = 1024 * 1024
#: The most elements and texts a capture holds: a page's first ones, past that none.
MOST_NODES = 50_000
#: The deepest a capture's elements nest: deeper ones are left out.
MOST_DEPTH = 200
#: The longest text or attribute value taken from a page, and the most of each taken
#: from it in all (which bounds the time redaction takes), in characters.
LONGEST_TAKEN = 2000
MOST_TAKEN = 500_000
#: The longest accessibility tree kept, in characters.
MOST_ACCESSIBILITY = 500_000

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])\+?\d[\d\s().-]{6,}\d(?![\w])")
#: A dotted address (``127.0.0.1``) is a host, not a phone number.
DOTTED_ADDRESS = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,}")
#: A run of 20 or more letters, digits, dashes or underscores with a digit in it.
_RUN = re.compile(r"(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}")


def _tokenless(text: str) -> str:
    """``text`` with every run that looks like a token (a long mix of letters and
    digits) made ``[token]``. A run of words and small numbers joined by "-" or "_"
    is a name a page gave an element (``inspector-checkbox-control-0``), not a token."""

    def one(match: re.Match[str]) -> str:
        parts = [part for part in re.split(r"[-_]", match.group()) if part]
        named = all(part.isalpha() or (part.isdigit() and len(part) <= 3) for part in parts)
        return match.group() if named else "[token]"

    return _RUN.sub(one, text)


#: Attributes kept on an element (``aria-*`` too); values are redacted.
KEPT_ATTRIBUTES = ("id", "role", "data-testid", "type", "name", "for", "href", "placeholder")
#: Attributes whose value is one or more ids of elements of the page.
REFERENCES = frozenset(
    {
        "id",
        "for",
        "aria-labelledby",
        "aria-describedby",
        "aria-controls",
        "aria-owns",
        "aria-activedescendant",
        "aria-details",
        "aria-errormessage",
        "aria-flowto",
    }
)
#: Attributes whose value is words for people.
WORDED = frozenset(
    {
        "aria-label",
        "aria-description",
        "aria-roledescription",
        "aria-valuetext",
        "aria-placeholder",
        "aria-braillelabel",
        "placeholder",
    }
)


def _listed(words: str) -> frozenset[str]:
    """The words of a list written one after another."""
    return frozenset(words.split())


#: Values an attribute may hold that say nothing of anyone: roles, input types, and
#: the words of ``aria-*`` states.
PLAIN_VALUES = _listed(
    """
    alert alertdialog application article banner blockquote button caption cell checkbox
    code columnheader combobox complementary contentinfo definition deletion dialog
    directory document emphasis feed figure form generic grid gridcell group heading img
    image insertion link list listbox listitem log main mark marquee math menu menubar
    menuitem menuitemcheckbox menuitemradio meter navigation none note option paragraph
    presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar
    search searchbox separator slider spinbutton status strong subscript superscript
    switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree
    treegrid treeitem
    checkbox color date datetime-local email file hidden month number password radio
    range reset submit tel text url week
    true false mixed undefined page step location both inline list polite assertive off
    additions removals all ascending descending other horizontal vertical
    """
)
#: Small numbers (``aria-level``, ``aria-posinset``) say nothing of anyone either.
SMALL_NUMBER = re.compile(r"-?\d{1,3}")

#: Walks the page's rendered elements and returns their skeleton, taking no more than
#: a capture keeps (elements, depth, text). Runs in the page; nothing leaves it that
#: the Python side does not then redact.
SKELETON = r"""
([kept, most, deepest, longest, budget]) => {
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME",
    "OBJECT", "EMBED", "CANVAS", "VIDEO", "AUDIO", "META", "LINK", "HEAD"]);
  const names = [];
  for (const img of document.querySelectorAll("img[alt], [role=img][aria-label]")) {
    const said = img.getAttribute("alt") || img.getAttribute("aria-label") || "";
    if (said.trim()) names.push(said.trim().slice(0, longest));
    if (names.length >= 50) break;
  }
  function shown(el) {
    if (typeof el.checkVisibility === "function") {
      return el.checkVisibility({checkOpacity: false, checkVisibilityCSS: true});
    }
    return true;
  }
  let count = 0;
  // Texts and attribute values each draw on a budget of their own, so that a page's
  // long texts never cost its controls their ids.
  const left = {text: budget, attr: budget};
  function taken(text, kind) {
    const part = text.slice(0, Math.max(0, Math.min(longest, left[kind])));
    left[kind] -= part.length;
    return part;
  }
  function walk(el, depth) {
    count += 1;
    const attrs = {};
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("aria-") || kept.includes(name)) {
        attrs[name] = taken(attr.value, "attr");
      }
    }
    const node = {tag: el.tagName.toLowerCase(), attrs, children: []};
    if (el instanceof HTMLInputElement) {
      node.checked = el.checked;
      if (el.indeterminate) node.mixed = true;
    }
    if ("disabled" in el && el.disabled) node.disabled = true;
    if (el instanceof HTMLOptionElement && el.selected) node.selected = true;
    if (depth >= deepest) return node;
    for (const child of el.childNodes) {
      if (count >= most) break;
      if (child.nodeType === Node.TEXT_NODE) {
        const text = taken(child.textContent, "text").replace(/\s+/g, " ");
        if (text.trim()) {
          count += 1;
          node.children.push({text});
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (SKIP.has(child.tagName) || !shown(child)) continue;
        node.children.push(walk(child, depth + 1));
      }
    }
    return node;
  }
  const entry = performance.getEntriesByType("navigation")[0];
  // As JSON text: the browser hands back no object nested as deep as a page may be.
  return JSON.stringify({
    title: document.title.slice(0, longest),
    url: location.href,
    status: entry && entry.responseStatus ? entry.responseStatus : null,
    names,
    dom: walk(document.body, 1),
  });
}
"""


class CaptureError(Exception):
    """A capture file that cannot be read, or one that names what no plugin has."""


class Redactor:
    """Replaces what is personal in a text: emails, phones, handles, tokens, names."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        # Longest first, so "Jane Q. Example" goes before "Jane".
        words = sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
        self.names = [re.compile(re.escape(w), re.IGNORECASE) for w in words]

    def __call__(self, text: str) -> str:
        for pattern in self.names:
            text = pattern.sub("[name]", text)
        text = EMAIL.sub("[email]", text)
        text = _tokenless(text)
        text = PHONE.sub(_phone, text)
        return HANDLE.sub("[handle]", text)


def _phone(match: re.Match[str]) -> str:
    return match.group() if DOTTED_ADDRESS.fullmatch(match.group()) else "[phone]"


def placeholder(text: str) -> str:
    """A text of the same length class as ``text``, with nothing of it."""
    length = len(text.strip())
    for most, shape in PLACEHOLDERS:
        if length <= most:
            return shape
    return LONG_PLACEHOLDER


#: An attribute a CSS selector names: ``[data-perf-screen="..."]`` names data-perf-screen.
_NAMED_ATTRIBUTE = re.compile(r"\[\s*([A-Za-z_][\w-]*)")


def kept_attributes(*selectors: str | None) -> tuple[str, ...]:
    """The attributes a capture keeps: the usual ones, and any a plugin's selectors name
    (the place it looks in, the clicks on the way, the account's mark), so the page
    served back from the capture still holds what the plugin looks for."""
    named = {m.lower() for s in selectors if s for m in _NAMED_ATTRIBUTE.findall(s)}
    # Words a person wrote never come in through a selector's attribute name, but a
    # value could: only names are kept, and values are redacted like any other.
    return KEPT_ATTRIBUTES + tuple(sorted(named - set(KEPT_ATTRIBUTES)))


# -- the words a plugin knows ------------------------------------------------------

#: A word, for matching known wordings: a CJK character alone (those scripts put no
#: space between words), a run of letters and digits (joined by "-" or "'"), or one
#: other sign.
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
    "automation.page.controls",
    "automation.page.chips",
    "automation.page.rows",
    "automation.page.popups",
    "automation.accounts.signin",
    "automation.page.walls",
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


def _strings(value: object, depth: int = 0) -> Iterator[str]:
    """Every string held in ``value``: in tuples, lists, sets, dicts and dataclasses."""
    if depth > 6:
        return
    if isinstance(value, str):
        yield str(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, depth + 1)
            yield from _strings(item, depth + 1)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _strings(item, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name, None), depth + 1)


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
    from automation.page.chips import HINT
    from automation.page.switches import NOT_OFFERED

    return (NOT_OFFERED, HINT)


def _plugin_class(platform: str) -> type[Plugin] | None:
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
        for s in _strings(value)
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
                    strings.extend(_strings(value))
    return Words(strings)


class Redaction:
    """One capture's redaction: the words kept, and the stand-in name of each id and
    form field name the plugin does not know (the same one wherever it appears, so
    labels still point at their controls)."""

    def __init__(self, words: Words, scrub: Redactor | None = None) -> None:
        self.words = words
        self.scrub = scrub or Redactor()
        self.stand_ins: dict[tuple[str, str], str] = {}
        self.counts: dict[str, int] = {}

    def _stand_in(self, kind: str, value: str) -> str:
        key = (kind, value)
        if key not in self.stand_ins:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            self.stand_ins[key] = f"{kind}-{self.counts[kind]}"
        return self.stand_ins[key]

    def reference(self, value: str) -> str:
        return " ".join(
            part
            if part in self.words.values or POSITIONAL_ID.fullmatch(part)
            else self._stand_in("id", part)
            for part in value.split()
        )

    def attribute(self, name: str, value: str) -> str:
        """``value`` of attribute ``name``, as a capture keeps it."""
        if name == "href":
            return self.words.link(value)
        if name in REFERENCES:
            return self.reference(value)
        if name in WORDED:
            return self.words.text(value) if value.strip() else ""
        if value in self.words.values:
            return value
        parts = value.split()
        if parts and all(p in PLAIN_VALUES or SMALL_NUMBER.fullmatch(p) for p in parts):
            return " ".join(parts)
        if name == "name":
            return self._stand_in("name", value)
        return VALUE_PLACEHOLDER

    def node(self, node: dict[str, Any], kept: tuple[str, ...], depth: int = 1) -> dict[str, Any]:
        """An element of the page's skeleton, redacted (see the module's docstring)."""
        if "text" in node:
            text = self.words.text(str(node["text"]))
            return {"text": text, "ui": True} if "▒" not in text else {"text": text}
        attrs: dict[str, str] = {}
        for name, value in node.get("attrs", {}).items():
            if not (name.startswith("aria-") or name in kept) or not isinstance(value, str):
                continue
            attrs[name] = self.attribute(name, value)[:LONGEST_WORDS]
        tag = str(node.get("tag") or "div")
        redacted: dict[str, Any] = {
            "tag": tag if _TAG.fullmatch(tag) else "div",
            "attrs": attrs,
        }
        for flag in ("checked", "mixed", "disabled", "selected"):
            if node.get(flag):
                redacted[flag] = True
        children = node.get("children", []) if depth < MOST_DEPTH else []
        redacted["children"] = [self.node(child, kept, depth + 1) for child in children]
        return redacted

    def detail(self, detail: str) -> str:
        """A reading's detail: the plugin's own sentence, with every address in it
        redacted and every quoted text from the page kept to its known words."""

        def one(match: re.Match[str]) -> str:
            if match["quoted"] is not None:
                return f'"{self.words.text(match["quoted"])}"'
            found = match.group()
            end = len(found.rstrip(".,;:"))
            found, after = found[:end], found[end:]
            if found.startswith(("http://", "https://")):
                return self.words.address(found) + after
            return self.words.address("http://" + found).removeprefix("http://") + after

        return self.scrub(_IN_DETAIL.sub(one, detail))[:LONGEST_WORDS]

    def aria(self, snapshot: str) -> str:
        """The accessibility tree (Playwright's aria snapshot), redacted by the same
        rules as the page: roles and states kept, names and texts to their known
        words, typed values dropped, links to their redacted paths, images unnamed."""
        lines = []
        for line in snapshot[:MOST_ACCESSIBILITY].splitlines():
            match = ARIA_LINE.match(line)
            indent = line[: len(line) - len(line.lstrip())]
            if match is None:
                lines.append(f"{indent}{placeholder(line)}")
                continue
            role = match["role"]
            rest = (match["rest"] or "")[1:].strip()
            if role == "/url":
                lines.append(f"{indent}- /url: {self.words.link(_unquoted(rest))}")
                continue
            if role.startswith("/"):
                lines.append(f"{indent}- {role}: {_quoted(self.words.text(_unquoted(rest)))}")
                continue
            if role == "img":
                lines.append(f"{indent}- img")
                continue
            name = match["name"]
            head = f"{indent}- {role}"
            if name:
                head += " " + json.dumps(
                    self.words.text(_unquoted(name.strip())), ensure_ascii=False
                )
            head += "".join(a for a in _ARIA_ATTR.findall(match["attrs"] or ""))
            if not match["rest"] or match["rest"] == ":" or role in VALUE_ROLES:
                lines.append(head + (":" if match["rest"] == ":" else ""))
            else:
                lines.append(f"{head}: {_quoted(self.words.text(_unquoted(rest)))}")
        return "\n".join(lines)


#: What a reading's detail quotes from outside: an address (with or without its
#: scheme), or a text in double quotes.
_IN_DETAIL = re.compile(
    r"https?://[^\s\"'<>]+"
    r"|(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+(?::\d+)?/[^\s\"'<>]*"
    r"|localhost(?::\d+)?/[^\s\"'<>]*"
    r'|"(?P<quoted>[^"]*)"'
)
_TAG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_ARIA_ATTR = re.compile(r" \[[a-z]+(?:=[a-z0-9]+)?\]")


def _unquoted(text: str) -> str:
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        try:
            value = json.loads(text)
        except ValueError:
            return text[1:-1]
        return value if isinstance(value, str) else text
    return text


def _quoted(text: str) -> str:
    """``text`` as a value of the aria snapshot: quoted where it holds a sign that
    would read as part of the line."""
    if re.search(r'[:"\[\]{}#&*!|>\'%@`]', text) or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    return text


def redact_node(
    node: dict[str, Any],
    words: Words,
    kept: tuple[str, ...] = KEPT_ATTRIBUTES,
) -> dict[str, Any]:
    """An element of the page's skeleton, redacted with ``words`` (see the module's
    docstring)."""
    return Redaction(words).node(node, kept)


#: One line of Playwright's aria snapshot: ``- role "name" [attrs]: text``.
ARIA_LINE = re.compile(
    r'^(?P<indent>\s*)- (?P<role>[\w/-]+)(?P<name> "(?:[^"\\]|\\.)*")?'
    r"(?P<attrs>(?: \[[^\]]*\])*)(?P<rest>:.*)?$"
)
#: Roles whose text after the name is what someone typed or chose: never kept.
VALUE_ROLES = {"textbox", "searchbox", "combobox", "spinbutton", "slider"}


def looked_for(setting: Setting) -> dict[str, Any]:
    """What the plugin looks for on the page, as the capture records it."""
    switch = setting.switch
    wanted: dict[str, Any] = {"setting": setting.id, "label": setting.label}
    if switch is not None:
        for name, value in asdict(switch).items():
            if value not in (None, (), [], "", {}):
                wanted[name] = list(value) if isinstance(value, tuple) else value
    return wanted


def words_for(setting: Setting) -> Words:
    """The words a capture of ``setting``'s page keeps: its plugin's, and its own (a
    blog's setting names its blog)."""
    return plugin_words(_plugin_class(setting.platform)).add(_strings(setting))


async def take(
    page: Page, setting: Setting, reading: Reading, marker: str | None = None
) -> dict[str, Any]:
    """A redacted capture of what ``page`` shows now, for ``setting``'s ``reading``;
    ``marker`` is the plugin's mark of a signed-in page, whose attributes are kept."""
    switch = setting.switch
    kept = kept_attributes(
        marker, switch.within if switch else None, *(switch.opens if switch else ())
    )
    words = words_for(setting).add([marker] if marker else [])
    raw = json.loads(
        await page.evaluate(
            SKELETON, [list(kept), MOST_NODES, MOST_DEPTH, LONGEST_TAKEN, MOST_TAKEN]
        )
    )
    redaction = Redaction(words, Redactor(raw.get("names", [])))
    try:
        aria = await page.locator("body").aria_snapshot(timeout=5000)
    except Exception:  # the tree is a help, not a must: the skeleton holds the controls
        aria = ""
    return {
        "format": FORMAT,
        "setting": setting.id,
        "platform": setting.platform,
        "captured_at": now().isoformat(),
        "address": words.address(raw.get("url") or page.url),
        "status": raw.get("status") if isinstance(raw.get("status"), int) else None,
        "title": words.text(raw.get("title") or ""),
        "looked_for": looked_for(setting),
        "reading": {"state": str(reading.state), "detail": redaction.detail(reading.detail)},
        "accessibility": redaction.aria(aria),
        "dom": redaction.node(raw["dom"], kept),
    }


def file_name(setting_id: str, at: datetime, number: int = 1) -> str:
    """``<setting>-<UTC time>.json``; a second capture in the same second gets ``-2``."""
    safe = re.sub(r"[^A-Za-z0-9_.@-]", "_", setting_id)
    again = f"-{number}" if number > 1 else ""
    return f"{safe}-{at.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}{again}.json"


def save(capture: dict[str, Any], folder: Path | None = None) -> Path:
    """Write ``capture`` owner-only into ``folder`` (the captures folder by default)."""
    folder = folder or folders.captures_folder()
    at, number = now(), 1
    while (path := folder / file_name(capture["setting"], at, number)).exists():
        number += 1
    text = json.dumps(capture, ensure_ascii=False, indent=1)
    if len(text) > INDENTED_BYTES:
        text = json.dumps(capture, ensure_ascii=False, separators=(",", ":"))
    write_private(path, text + "\n")
    return path


# -- reading one back --------------------------------------------------------------


def load(path: Path) -> dict[str, Any]:
    """A capture read back; raises :class:`CaptureError` for a file that is not one (not
    a regular file, too large, not JSON, a value of the wrong type, nested too deep)."""
    name = shown(path)
    try:
        data = read_limited(Path(path), MOST_BYTES)
    except NotARegularFile:
        raise CaptureError(f"{name}: not a capture file (not a regular file)") from None
    except TooLarge:
        raise CaptureError(
            f"{name}: not a capture file (larger than {MOST_BYTES // (1024 * 1024)} MiB, "
            "far more than any capture holds)"
        ) from None
    except OSError as exc:
        raise CaptureError(f"{name}: {shown(exc.strerror or exc)}") from None
    if data.count(b'"tag"') > MOST_NODES:
        raise CaptureError(f"{name}: {_too_many()}")
    try:
        loaded = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise CaptureError(f"{name}: not a capture file (nested too deep)") from None
    except (UnicodeError, ValueError) as exc:
        raise CaptureError(f"{name}: not a capture file ({shown(exc)})") from None
    try:
        return check(loaded)
    except CaptureError as exc:
        raise CaptureError(f"{name}: {exc}") from None


def _too_many() -> str:
    return f"not a capture file (more than {MOST_NODES:,} elements, more than a capture keeps)"


_TOP = {
    "setting": str,
    "platform": str,
    "captured_at": str,
    "address": str,
    "title": str,
    "accessibility": str,
}
_REQUIRED = ("format", "setting", "platform", "dom")


def check(data: object) -> dict[str, Any]:
    """``data`` when it has the shape of a capture; :class:`CaptureError` saying what
    is wrong otherwise. Checks every value's type, the elements' number and depth, and
    that its text is text (no lone surrogates), without recursion."""
    if not isinstance(data, dict):
        raise CaptureError("not a capture file of privacy-tui (not a table)")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise CaptureError(f"not a capture file of privacy-tui (no {', '.join(missing)})")
    version = data["format"]
    if type(version) is not int or version != FORMAT:
        raise CaptureError(
            f"not a capture file this version reads (format {shown(json.dumps(version))[:20]}, "
            f"not {FORMAT})"
        )
    for key, kind in _TOP.items():
        if key in data and not isinstance(data[key], kind):
            raise CaptureError(f"not a capture file of privacy-tui ({key} is not a text)")
    if "status" in data and not (data["status"] is None or type(data["status"]) is int):
        raise CaptureError("not a capture file of privacy-tui (status is not a number)")
    reading = data.get("reading", {})
    if not isinstance(reading, dict) or not all(
        isinstance(reading.get(k, ""), str) for k in ("state", "detail")
    ):
        raise CaptureError("not a capture file of privacy-tui (reading is not a state and a text)")
    wanted = data.get("looked_for", {})
    if not isinstance(wanted, dict) or not all(_plain_value(v) for v in wanted.values()):
        raise CaptureError("not a capture file of privacy-tui (looked_for is not a table of texts)")
    _check_nodes(data["dom"])
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise CaptureError(
            "not a capture file of privacy-tui (holds text that is not text)"
        ) from None
    return data


def _plain_value(value: object) -> bool:
    if isinstance(value, (str, bool, int)) or value is None:
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_FLAGS = ("checked", "mixed", "disabled", "selected", "ui")


def _check_nodes(dom: object) -> None:
    count = 0
    stack: list[tuple[object, str, int]] = [(dom, "dom", 1)]
    while stack:
        node, where, depth = stack.pop()
        count += 1
        if count > MOST_NODES:
            raise CaptureError(_too_many())
        if depth > MOST_DEPTH:
            raise CaptureError(f"not a capture file (elements nested more than {MOST_DEPTH} deep)")
        if not isinstance(node, dict):
            raise CaptureError(f"not a capture file of privacy-tui ({where} is not an element)")
        for flag in _FLAGS:
            if flag in node and not isinstance(node[flag], bool):
                raise CaptureError(
                    f"not a capture file of privacy-tui ({where}.{flag} is not true or false)"
                )
        if "text" in node:
            if not isinstance(node["text"], str):
                raise CaptureError(
                    f"not a capture file of privacy-tui ({where}.text is not a text)"
                )
            continue
        if not isinstance(node.get("tag", ""), str):
            raise CaptureError(f"not a capture file of privacy-tui ({where}.tag is not a text)")
        attrs = node.get("attrs", {})
        if not isinstance(attrs, dict) or not all(isinstance(v, str) for v in attrs.values()):
            raise CaptureError(
                f"not a capture file of privacy-tui ({where}.attrs is not a table of texts)"
            )
        children = node.get("children", [])
        if not isinstance(children, list):
            raise CaptureError(
                f"not a capture file of privacy-tui ({where}.children is not a list)"
            )
        for index, child in enumerate(children):
            stack.append((child, f"{where}.children[{index}]", depth + 1))


def plugin_of(capture: dict[str, Any]) -> tuple[type[Plugin], Setting]:
    """The installed plugin and the setting ``capture`` is of; :class:`CaptureError`
    when its platform is not an installed plugin's, or its setting not one of that
    plugin's (a blog's name must be a plain name)."""
    platform, setting_id = capture["platform"], capture["setting"]
    from automation import registry

    found = registry.load({platform}) if platform in registry.available() else ([], [])
    if not found[0]:
        raise CaptureError(
            f"the capture is of platform {shown(platform, 40)!r}, which no installed "
            "plugin has (see privacy-tui list)"
        )
    cls = found[0][0]
    settings = {s.id: s for s in cls.settings}
    # A blog's name is checked by ``resolve`` to be a plain name, and kept short here.
    setting = resolve(settings, setting_id) if len(setting_id) <= 200 else None
    if setting is None:
        raise CaptureError(
            f"the capture is of setting {shown(setting_id, 60)!r}, which is not one of "
            f"{cls.title}'s (see privacy-tui list)"
        )
    return cls, setting


def told(path: Path) -> str:
    """The sentence a reading's detail gets: where the capture is, and what to do."""
    return (
        f" A redacted capture of the page is in {path}: look at it with "
        f"`privacy-tui capture --show {path}` and attach it to a report."
    )


def describe(capture: dict[str, Any]) -> Iterator[str]:
    """What a checked capture holds, in the order a person reads it (for ``capture
    --show``). Every text from the file is shown with its control characters written
    out, and long ones cut."""
    yield f"Setting:   {shown(capture.get('setting'))}"
    yield f"Captured:  {shown(capture.get('captured_at'))}"
    status = capture.get("status") or "?"
    yield f"Address:   {shown(capture.get('address'), 400)} (HTTP {shown(status)})"
    yield f"Title:     {shown(capture.get('title'), 400)}"
    reading = capture.get("reading", {})
    yield (f"Read as:   {shown(reading.get('state'))}: {shown(reading.get('detail'), 1000)}")
    yield "Looked for:"
    for name, value in capture.get("looked_for", {}).items():
        yield f"  {shown(name)}: {shown(value, 400)}"
    yield ""
    yield "The page, as kept (▒ marks text that was left out):"
    yield from _outline(capture.get("dom", {}))
    if capture.get("accessibility"):
        yield ""
        yield "Accessibility tree:"
        yield from ("  " + shown(line, 400) for line in capture["accessibility"].splitlines())


def _outline(dom: dict[str, Any]) -> Iterator[str]:
    stack: list[tuple[dict[str, Any], int]] = [(dom, 1)]
    while stack:
        node, depth = stack.pop()
        indent = "  " * depth
        if "text" in node:
            yield f"{indent}{shown(repr(node['text']), 400)}"
            continue
        attrs = " ".join(f'{shown(k, 60)}="{shown(v)}"' for k, v in node.get("attrs", {}).items())
        flags = " ".join(f for f in ("checked", "mixed", "disabled", "selected") if node.get(f))
        tag = shown(node.get("tag"), 60)
        yield f"{indent}<{tag}{' ' + attrs if attrs else ''}{' ' + flags if flags else ''}>"
        stack.extend((child, depth + 1) for child in reversed(node.get("children", [])))
