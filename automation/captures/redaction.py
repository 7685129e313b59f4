"""One capture's redaction: a page's elements, a reading's detail and the
accessibility tree, kept to the words a plugin knows.
"""

from __future__ import annotations

import json
import re
from typing import Any

from automation.captures.fileformat import MOST_ACCESSIBILITY, MOST_DEPTH
from automation.captures.scrub import (
    KEPT_ATTRIBUTES,
    LONGEST_WORDS,
    PLAIN_VALUES,
    REFERENCES,
    SMALL_NUMBER,
    VALUE_PLACEHOLDER,
    WORDED,
    Redactor,
    placeholder,
)
from automation.captures.words import Words
from automation.page.controls import POSITIONAL_ID


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
