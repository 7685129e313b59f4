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

import json
import re
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from automation.captures.fileformat import (
    FORMAT,
    INDENTED_BYTES,
    LONGEST_TAKEN,
    MOST_DEPTH,
    MOST_NODES,
    MOST_TAKEN,
)
from automation.captures.redaction import Redaction
from automation.captures.scrub import Redactor, kept_attributes
from automation.captures.words import Words, plugin_class, plugin_words, strings_in
from automation.domain.settings import Reading, Setting, now
from automation.files import folders
from automation.files.private import write_private
from automation.language import Sentence

if TYPE_CHECKING:
    from playwright.async_api import Page


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
    return plugin_words(plugin_class(setting.platform)).add(strings_in(setting))


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


def told(detail: str, path: Path) -> Sentence:
    """A reading's ``detail`` with where its capture is, and what to do with it."""
    return Sentence(
        "{detail} A redacted capture of the page is in {path}: look at it with "
        "`privacy-tui capture --show {path}` and attach it to a report.",
        detail=detail,
        path=str(path),
    )
