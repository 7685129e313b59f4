"""A redacted picture of a settings page, kept when a reading does not match.

A capture holds what a plugin needs to see why it could not read a setting (the
page's structure, its controls with their ids, roles, states and names, the words of
the interface) and none of the person's data: no input values, cookies, storage,
scripts, query strings or image sources; every text that is not an interface word
becomes a placeholder of its length class; and anything shaped like an email address,
a phone number, a handle, a long token, or the account's own name (as a profile
picture names it) is replaced wherever it appears.

A capture is a JSON file, written owner-only under the user's state folder. It can be
read by a person (``privacy-tui capture --show``) and served back as a page
(``privacy-tui replica --capture``), which makes it a regression test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from . import folders
from .controls import normalise
from .model import Reading, Setting, now
from .private_files import write_private

if TYPE_CHECKING:
    from playwright.async_api import Page

#: The version of the file's layout.
FORMAT = 1
#: Text longer than this, even an interface word, is cut.
LONGEST_WORDS = 200
#: Placeholders for text that is not an interface word, by length class.
PLACEHOLDERS = ((8, "▒" * 4), (40, "▒" * 16), (200, "▒" * 64))
LONG_PLACEHOLDER = "▒" * 128

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w])\+?\d[\d\s().-]{6,}\d(?![\w])")
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


#: Attributes kept on an element (``aria-*`` too); values are scrubbed.
KEPT_ATTRIBUTES = ("id", "role", "data-testid", "type", "name", "for", "href", "placeholder")

#: Walks the page's rendered elements and returns their skeleton; text is marked as
#: interface words (labels, headings, buttons, controls' names) or not. Runs in the
#: page; nothing leaves it that the Python side does not then redact.
SKELETON = r"""
(kept) => {
  const UI_TAGS = new Set(["LABEL", "H1", "H2", "H3", "H4", "H5", "H6", "BUTTON",
    "LEGEND", "SUMMARY", "OPTION", "TH", "CAPTION", "DT", "A"]);
  const UI_ROLES = new Set(["heading", "button", "switch", "checkbox", "radio", "tab",
    "menuitem", "menuitemcheckbox", "option", "link", "dialog", "label"]);
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME",
    "OBJECT", "EMBED", "CANVAS", "VIDEO", "AUDIO", "META", "LINK", "HEAD"]);
  const referenced = new Set();
  for (const el of document.querySelectorAll("[aria-labelledby], [aria-describedby]")) {
    for (const name of ["aria-labelledby", "aria-describedby"]) {
      for (const id of (el.getAttribute(name) || "").split(/\s+/)) {
        if (id) referenced.add(id);
      }
    }
  }
  const names = [];
  for (const img of document.querySelectorAll("img[alt], [role=img][aria-label]")) {
    const said = img.getAttribute("alt") || img.getAttribute("aria-label") || "";
    if (said.trim()) names.push(said.trim());
  }
  function uiText(el) {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      if (UI_TAGS.has(node.tagName)) return true;
      if (UI_ROLES.has(node.getAttribute("role"))) return true;
      if (node.id && referenced.has(node.id)) return true;
    }
    return false;
  }
  function shown(el) {
    if (typeof el.checkVisibility === "function") {
      return el.checkVisibility({checkOpacity: false, checkVisibilityCSS: true});
    }
    return true;
  }
  function walk(el) {
    const attrs = {};
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("aria-") || kept.includes(name)) attrs[name] = attr.value;
    }
    const node = {tag: el.tagName.toLowerCase(), attrs, children: []};
    if (el instanceof HTMLInputElement) {
      node.checked = el.checked;
      if (el.indeterminate) node.mixed = true;
    }
    if ("disabled" in el && el.disabled) node.disabled = true;
    if (el instanceof HTMLOptionElement && el.selected) node.selected = true;
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent.replace(/\s+/g, " ");
        if (text.trim()) node.children.push({text, ui: uiText(el)});
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (SKIP.has(child.tagName) || !shown(child)) continue;
        node.children.push(walk(child));
      }
    }
    return node;
  }
  const entry = performance.getEntriesByType("navigation")[0];
  return {
    title: document.title,
    url: location.href,
    status: entry && entry.responseStatus ? entry.responseStatus : null,
    names,
    dom: walk(document.body),
  };
}
"""


class CaptureError(Exception):
    """A capture file that cannot be read."""


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
        text = PHONE.sub("[phone]", text)
        return HANDLE.sub("[handle]", text)


def placeholder(text: str) -> str:
    """A text of the same length class as ``text``, with nothing of it."""
    length = len(text.strip())
    for most, shape in PLACEHOLDERS:
        if length <= most:
            return shape
    return LONG_PLACEHOLDER


def bare_address(url: str) -> str:
    """``url`` without its query and fragment, and with long tokens taken out of its path."""
    split = urlsplit(url)
    return urlunsplit((split.scheme, split.netloc, _tokenless(split.path), "", ""))


def bare_path(link: str) -> str:
    """A link's path only: no host, query or fragment, and no long tokens."""
    return _tokenless(urlsplit(link).path)


#: An attribute a CSS selector names: ``[data-perf-screen="..."]`` names data-perf-screen.
_NAMED_ATTRIBUTE = re.compile(r"\[\s*([A-Za-z_][\w-]*)")


def kept_attributes(*selectors: str | None) -> tuple[str, ...]:
    """The attributes a capture keeps: the usual ones, and any a plugin's selectors name
    (the place it looks in, the clicks on the way, the account's mark), so the page
    served back from the capture still holds what the plugin looks for."""
    named = {m.lower() for s in selectors if s for m in _NAMED_ATTRIBUTE.findall(s)}
    # Words a person wrote never come in through a selector's attribute name, but a
    # value could: only names are kept, and values are scrubbed like any other.
    return KEPT_ATTRIBUTES + tuple(sorted(named - set(KEPT_ATTRIBUTES)))


def redact_node(
    node: dict[str, Any],
    scrub: Redactor,
    kept: tuple[str, ...] = KEPT_ATTRIBUTES,
    known: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """An element of the page's skeleton, redacted (see the module's docstring).

    ``known`` are the setting's own wordings (normalised): a text that is one of them,
    whole, is kept even where the page does not mark it as an interface word (the words
    of a row that name a control with no label of its own).
    """
    if "text" in node:
        text = node["text"]
        if node.get("ui") or normalise(text) in known:
            words = scrub(text.strip())[:LONGEST_WORDS]
            return {"text": words, "ui": True}
        return {"text": placeholder(text)}
    attrs: dict[str, str] = {}
    for name, value in node.get("attrs", {}).items():
        if not (name.startswith("aria-") or name in kept):
            continue
        if name == "href":
            value = bare_path(value)
        attrs[name] = scrub(value)[:LONGEST_WORDS]
    redacted: dict[str, Any] = {"tag": node["tag"], "attrs": attrs}
    for flag in ("checked", "mixed", "disabled", "selected"):
        if node.get(flag):
            redacted[flag] = True
    redacted["children"] = [
        redact_node(child, scrub, kept, known) for child in node.get("children", [])
    ]
    return redacted


#: One line of Playwright's aria snapshot: ``- role "name" [attrs]: text``.
ARIA_LINE = re.compile(
    r'^(?P<indent>\s*)- (?P<role>[\w/-]+)(?P<name> "(?:[^"\\]|\\.)*")?'
    r"(?P<attrs>(?: \[[^\]]*\])*)(?P<rest>:.*)?$"
)
#: Roles whose own text is an interface word (kept, scrubbed).
WORD_ROLES = {
    "heading",
    "button",
    "link",
    "checkbox",
    "switch",
    "radio",
    "tab",
    "option",
    "menuitem",
    "menuitemcheckbox",
    "label",
    "legend",
    "dialog",
    "group",
    "tabpanel",
}
#: Roles whose text after the name is what someone typed or chose: never kept.
VALUE_ROLES = {"textbox", "searchbox", "combobox", "spinbutton", "slider"}


def redact_aria(snapshot: str, scrub: Redactor) -> str:
    """The accessibility tree (Playwright's aria snapshot), redacted: names of controls
    and headings scrubbed, typed values dropped, other text made placeholders, links
    without their queries, images without their names."""
    lines = []
    for line in snapshot.splitlines():
        match = ARIA_LINE.match(line)
        if match is None:
            indent = line[: len(line) - len(line.lstrip())]
            lines.append(f"{indent}{placeholder(line)}")
            continue
        indent, role = match["indent"], match["role"]
        rest = match["rest"] or ""
        if role == "/url":
            lines.append(f"{indent}- /url: {bare_path(rest[1:].strip())}")
            continue
        if role == "img":
            lines.append(f"{indent}- img")
            continue
        name = scrub(match["name"] or "")[:LONGEST_WORDS]
        head = f"{indent}- {role}{name}{match['attrs'] or ''}"
        if rest in ("", ":"):
            lines.append(head + rest)
        elif role in VALUE_ROLES:
            lines.append(head)
        elif role in WORD_ROLES:
            lines.append(f"{head}: {scrub(rest[1:].strip())[:LONGEST_WORDS]}")
        else:
            lines.append(f"{head}: {placeholder(rest[1:])}")
    return "\n".join(lines)


def looked_for(setting: Setting) -> dict[str, Any]:
    """What the plugin looks for on the page, as the capture records it."""
    switch = setting.switch
    wanted: dict[str, Any] = {"setting": setting.id, "label": setting.label}
    if switch is not None:
        for name, value in asdict(switch).items():
            if value not in (None, (), [], "", {}):
                wanted[name] = list(value) if isinstance(value, tuple) else value
    return wanted


async def take(
    page: Page, setting: Setting, reading: Reading, marker: str | None = None
) -> dict[str, Any]:
    """A redacted capture of what ``page`` shows now, for ``setting``'s ``reading``;
    ``marker`` is the plugin's mark of a signed-in page, whose attributes are kept."""
    switch = setting.switch
    kept = kept_attributes(
        marker, switch.within if switch else None, *(switch.opens if switch else ())
    )
    known = frozenset(normalise(w) for w in (switch.names if switch else ()))
    raw = await page.evaluate(SKELETON, list(kept))
    scrub = Redactor(raw.get("names", []))
    try:
        aria = await page.locator("body").aria_snapshot(timeout=5000)
    except Exception:  # the tree is a help, not a must: the skeleton holds the controls
        aria = ""
    return {
        "format": FORMAT,
        "setting": setting.id,
        "platform": setting.platform,
        "captured_at": now().isoformat(),
        "address": bare_address(raw.get("url") or page.url),
        "status": raw.get("status"),
        "title": scrub(raw.get("title") or "")[:LONGEST_WORDS],
        "looked_for": looked_for(setting),
        "reading": {"state": str(reading.state), "detail": scrub(reading.detail)},
        "accessibility": redact_aria(aria, scrub),
        "dom": redact_node(raw["dom"], scrub, kept, known),
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
    write_private(path, json.dumps(capture, ensure_ascii=False, indent=1) + "\n")
    return path


def load(path: Path) -> dict[str, Any]:
    """A capture read back; raises :class:`CaptureError` for a file that is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CaptureError(f"{path}: {exc.strerror or exc}") from None
    except (UnicodeError, ValueError) as exc:
        raise CaptureError(f"{path}: not a capture file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or "dom" not in data:
        raise CaptureError(f"{path}: not a capture file of privacy-tui")
    return data


def told(path: Path) -> str:
    """The sentence a reading's detail gets: where the capture is, and what to do."""
    return (
        f" A redacted capture of the page is in {path}: look at it with "
        f"`privacy-tui capture --show {path}` and attach it to a report."
    )


def describe(capture: dict[str, Any]) -> Iterator[str]:
    """What a capture holds, in the order a person reads it (for ``capture --show``)."""
    yield f"Setting:   {capture.get('setting')}"
    yield f"Captured:  {capture.get('captured_at')}"
    yield f"Address:   {capture.get('address')} (HTTP {capture.get('status') or '?'})"
    yield f"Title:     {capture.get('title')}"
    reading = capture.get("reading", {})
    yield f"Read as:   {reading.get('state')}: {reading.get('detail')}"
    yield "Looked for:"
    for name, value in capture.get("looked_for", {}).items():
        yield f"  {name}: {value}"
    yield ""
    yield "The page, as kept (▒ marks text that was left out):"
    yield from _outline(capture.get("dom", {}), 1)
    if capture.get("accessibility"):
        yield ""
        yield "Accessibility tree:"
        yield from ("  " + line for line in capture["accessibility"].splitlines())


def _outline(node: dict[str, Any], depth: int) -> Iterator[str]:
    indent = "  " * depth
    if "text" in node:
        yield f"{indent}{node['text']!r}"
        return
    attrs = " ".join(f'{k}="{v}"' for k, v in node.get("attrs", {}).items())
    flags = " ".join(f for f in ("checked", "mixed", "disabled", "selected") if node.get(f))
    yield f"{indent}<{node.get('tag')}{' ' + attrs if attrs else ''}{' ' + flags if flags else ''}>"
    for child in node.get("children", []):
        yield from _outline(child, depth + 1)
