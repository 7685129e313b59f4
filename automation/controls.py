"""Finding the one control on a page that proves it is a given setting.

The rule of the plugin contract, in one place: a control is a setting's only when
something on it names that setting — its test id, an id of the setting's own, or
its label in a known wording. Where a control sits (the first switch, a page-wide
counter id such as X's ``CHECKBOX_1_LABEL``) proves nothing, so it is never asked
for. Exactly one control may match; none or several is a reading of ``unknown``
that says what was sought, never a neighbour's value.

The page is looked at once per poll with one script that lists every control on it
(checkboxes, switches, toggle buttons) with the words and ids tied to each; the
matching is done here, in Python, so it can be tested without a browser.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from .model import Switch

#: Ids that say where a control sits, not which setting it is.
POSITIONAL_ID = re.compile(r"^(?:CHECKBOX|SWITCH|TOGGLE|INPUT|RADIO)_?\d+(?:_LABEL)?$", re.I)

#: Every element that can hold a setting's on/off position.
CANDIDATES = (
    'input[type="checkbox"], [role="switch"], [role="checkbox"], '
    "button[aria-checked], button[aria-pressed]"
)

_COLLECT = """
({within, candidates}) => {
  const roots = within ? Array.from(document.querySelectorAll(within)) : [document];
  const els = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll(candidates)) {
      if (!els.includes(el)) els.push(el);
    }
  }
  const all = Array.from(document.querySelectorAll(candidates));
  const text = (node) => (node ? (node.innerText || node.textContent || '') : '');
  const byIds = (value) => (value || '').split(/\\s+/).filter(Boolean)
    .map((id) => text(document.getElementById(id))).filter(Boolean);
  const alone = (node, el) => all.every((other) => other === el || !node.contains(other));
  const infos = els.map((el) => {
    const texts = [];
    const label = el.getAttribute('aria-label');
    if (label) texts.push(label);
    texts.push(...byIds(el.getAttribute('aria-labelledby')));
    texts.push(...byIds(el.getAttribute('aria-describedby')));
    for (const l of Array.from(el.labels || [])) if (alone(l, el)) texts.push(text(l));
    if (el.tagName === 'BUTTON') texts.push(text(el));
    const ids = [el.id, ...(el.getAttribute('aria-labelledby') || '').split(/\\s+/),
                 ...(el.getAttribute('aria-describedby') || '').split(/\\s+/)].filter(Boolean);
    // A native checkbox's own state is the truth (browsers ignore aria-checked on
    // it); a drawn switch has only its aria-checked (or aria-pressed).
    let checked = el.tagName === 'INPUT' ? (el.checked ? 'true' : 'false')
      : el.getAttribute('aria-checked');
    if (checked === null) checked = el.getAttribute('aria-pressed');
    const disabled = Boolean(el.disabled) || el.getAttribute('aria-disabled') === 'true'
      || Boolean(el.closest('fieldset[disabled]'));
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    return {testid: el.getAttribute('data-testid'), ids, texts, checked, disabled, visible,
            tag: el.tagName.toLowerCase(), role: el.getAttribute('role')};
  });
  return {infos, els, containers: within ? roots.length : 1};
}
"""


def normalise(text: str) -> str:
    """Text as compared: one form of each character, plain quotes, single spaces, no case."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u2018\u2019\u02bc\u2032`]", "'", text)
    text = re.sub("[\u201c\u201d]", '"', text)
    return " ".join(text.split()).casefold()


def _edge(ch: str) -> bool:
    # Names join their parts with "-" and "_" (a blog "my-blog" is not "my").
    return ch.isascii() and (ch.isalnum() or ch in "-_")


def names_it(text: str, wording: str) -> bool:
    """True when ``text`` holds ``wording`` as a whole phrase (not inside a longer word).

    A wording of one word (ChatGPT's "Location") must be a whole line of ``text``: as
    a word inside a sentence ("use your precise location") it names nothing.
    """
    haystack, needle = normalise(text), normalise(wording)
    if not needle:
        return False
    if needle.isascii() and " " not in needle:
        return any(normalise(line) == needle for line in text.splitlines())
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (_edge(before) and _edge(needle[0])) and not (_edge(after) and _edge(needle[-1])):
            return True
        start = haystack.find(needle, start + 1)
    return False


@dataclass(frozen=True)
class Candidate:
    """One control on the page, with what ties it to a setting."""

    testid: str | None
    ids: tuple[str, ...]
    texts: tuple[str, ...]
    checked: str | None
    disabled: bool
    visible: bool

    @classmethod
    def from_page(cls, info: dict[str, Any]) -> Candidate:
        return cls(
            testid=info.get("testid"),
            ids=tuple(info.get("ids") or ()),
            texts=tuple(t for t in info.get("texts") or () if t),
            checked=info.get("checked"),
            disabled=bool(info.get("disabled")),
            visible=bool(info.get("visible")),
        )

    @property
    def position(self) -> bool | None:
        """On (True), off (False), or neither (a ``mixed`` control, or no state shown)."""
        return {"true": True, "false": False}.get(self.checked or "")


def proof(switch: Switch, candidate: Candidate) -> str | None:
    """What on ``candidate`` names ``switch``'s setting, in words; None when nothing does."""
    if switch.testid and candidate.testid == switch.testid:
        return f'its test id "{switch.testid}"'
    for own in switch.ids:
        if own in candidate.ids:
            return f'its id "{own}"'
    for wording in switch.names:
        if any(names_it(text, wording) for text in candidate.texts):
            return f'its label "{wording}"'
    return None


def sought(switch: Switch) -> str:
    """What a detail says was looked for: the ids and wordings that would prove it."""
    parts = []
    if switch.testid:
        parts.append(f'test id "{switch.testid}"')
    parts += [f'id "{own}"' for own in switch.ids]
    if len(switch.names) > 1:
        wordings = " or ".join(f'"{n}"' for n in switch.names)
        parts.append(f"label {wordings} (its {len(switch.names)} known wordings)")
    elif switch.names:
        parts.append(f'label "{switch.names[0]}"')
    where = " inside " + switch.within if switch.within else ""
    return f"a {switch.role} with " + (", or ".join(parts) or "no known mark") + where


@dataclass(frozen=True)
class Found:
    """The one control that proved it is the setting."""

    element: ElementHandle
    candidate: Candidate
    proof: str


@dataclass(frozen=True)
class NotFound:
    """Why no single control could be taken for the setting."""

    matches: int
    others: int
    containers: int


def choose(switch: Switch, candidates: list[Candidate]) -> tuple[int | None, int]:
    """The index of the one candidate that proves it is ``switch``'s, and how many did.

    Where several match and exactly one of them is shown (a page that keeps a
    hidden copy for another layout), the shown one is taken; otherwise none is.
    """
    matching = [i for i, c in enumerate(candidates) if proof(switch, c) is not None]
    if len(matching) == 1:
        return matching[0], 1
    shown = [i for i in matching if candidates[i].visible]
    if len(matching) > 1 and len(shown) == 1:
        return shown[0], len(matching)
    return None, len(matching)


async def look(page: Page, switch: Switch, candidates: str = CANDIDATES) -> Found | NotFound:
    """One look at the page: the setting's control, or why it cannot be told.

    ``candidates`` (CSS) are the elements that can be a control of this kind; by
    default everything that holds an on/off position.
    """
    handle = await page.evaluate_handle(
        _COLLECT, {"within": switch.within, "candidates": candidates}
    )
    try:
        data = await handle.get_property("infos")
        infos = await data.json_value()
        containers = await (await handle.get_property("containers")).json_value()
        seen = [Candidate.from_page(info) for info in infos]
        if switch.within and containers != 1:
            return NotFound(0, len(seen), containers)
        index, matches = choose(switch, seen)
        if index is None:
            return NotFound(matches, len(seen) - matches, containers)
        elements = await handle.get_property("els")
        element = (await elements.get_property(str(index))).as_element()
        assert element is not None
        found = seen[index]
        return Found(element, found, proof(switch, found) or "")
    finally:
        await handle.dispose()


async def find(
    page: Page, switch: Switch, wait_ms: int, candidates: str = CANDIDATES
) -> Found | NotFound:
    """Wait up to ``wait_ms`` for the setting's control to appear and prove itself.

    Pages draw their controls after loading, so the page is looked at again until
    a control matches. A match is looked at once more a moment later, so a second
    copy still being drawn is not missed. A page whose controls have all been drawn
    and stayed the same for a while, none of them this setting's, is not waited for
    to the end.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_ms / 1000
    settled_since: float | None = None
    last: NotFound | None = None
    while True:
        seen = await look(page, switch, candidates)
        if isinstance(seen, Found):
            await asyncio.sleep(0.25)
            again = await look(page, switch, candidates)
            return again
        if seen.matches > 1 or seen.containers > 1:
            return seen
        now = loop.time()
        if seen.others and last is not None and last.others == seen.others:
            settled_since = settled_since or now
            if now - settled_since >= 2.0:
                return seen
        else:
            settled_since = None
        last = seen
        if now >= deadline:
            return seen
        await asyncio.sleep(0.2)
