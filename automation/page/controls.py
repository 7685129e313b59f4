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

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from automation.page.choosing import (
    Candidate,
    choose,
    exact,
    hidden,
    names_it,
    normalise,
    proof,
    sought,
)
from automation.page.drawing import until_drawn

# The rules that choose a control live in choosing; they are part of this module's face.
__all__ = [
    "CANDIDATES",
    "PERSON_TARGET",
    "POSITIONAL_ID",
    "Candidate",
    "Found",
    "NotFound",
    "choose",
    "exact",
    "find",
    "hidden",
    "look",
    "names_it",
    "normalise",
    "proof",
    "sought",
]

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from automation.domain.settings import Switch

#: Ids that say where a control sits, not which setting it is.
POSITIONAL_ID = re.compile(r"^(?:CHECKBOX|SWITCH|TOGGLE|INPUT|RADIO)_?\d+(?:_LABEL)?$", re.I)

#: Every element that can hold a setting's on/off position: native checkboxes, drawn
#: switches, and Reddit's switch component, which shows its position on its host
#: (``aria-checked``) and draws its input in a shadow root of its own.
CANDIDATES = (
    'input[type="checkbox"], [role="switch"], [role="checkbox"], '
    "button[aria-checked], button[aria-pressed], faceplate-switch-input"
)

#: What both page scripts below stand on: whether an element is shown, the element
#: above one (out of a shadow root to its host), a shadow root's host, every match of
#: a selector inside open shadow roots too, and whether one element holds another.
_HELPERS = """
  const shows = (node) => {
    if (!node) return false;
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  };
  const up = (node) =>
    node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentElement;
  const hostOf = (el) => {
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };
  const deep = (root, selector) => {
    const found = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.matches(selector)) found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    return found;
  };
  const holds = (node, other) => {
    for (let at = other; at; at = up(at)) if (at === node) return true;
    return false;
  };
"""

_COLLECT = (
    """
({within, candidates}) => {"""
    + _HELPERS
    + """
  // Every match is looked for inside open shadow roots too: a web component
  // (Reddit's faceplate-switch-input) draws its control in its own.
  let roots = within ? deep(document, within) : [document];
  // A place kept twice, once hidden for another layout: the shown one is the page's.
  if (roots.length > 1 && roots.filter(shows).length === 1) roots = roots.filter(shows);
  let els = [];
  for (const root of roots) {
    for (const el of deep(root, candidates)) {
      if (!els.includes(el)) els.push(el);
    }
  }
  // A native checkbox's own state is the truth (browsers ignore aria-checked on it);
  // a drawn switch has only its aria-checked (or aria-pressed); a component may keep
  // its position as a property of its own (``checked``).
  const stateOf = (el) => {
    if (el.tagName === 'INPUT') return el.checked ? 'true' : 'false';
    let state = el.getAttribute('aria-checked');
    if (state === null) state = el.getAttribute('aria-pressed');
    if (state === null && el.tagName.includes('-') && typeof el.checked === 'boolean') {
      state = el.checked ? 'true' : 'false';
    }
    // Reddit's component may keep its position only as its ``checked`` attribute, where
    // it draws no input of its own to tell it.
    const inner = el.shadowRoot && deep(el.shadowRoot, candidates).length;
    if (state === null && el.matches('faceplate-switch-input') && !inner) {
      state = el.hasAttribute('checked') ? 'true' : 'false';
    }
    return state;
  };
  // A component that shows its state on its host and draws an input inside is one
  // control: the host stands for it, or the input where the host shows no state.
  const inside = (el, host) => {
    for (let h = hostOf(el); h; h = hostOf(h)) if (h === host) return true;
    return false;
  };
  els = els.filter((el) => {
    for (let host = hostOf(el); host; host = hostOf(host)) {
      if (els.includes(host) && stateOf(host) !== null) return false;
    }
    return stateOf(el) !== null || !els.some((other) => other !== el && inside(other, el));
  });
  const all = deep(document, candidates);
  const text = (node) => (node ? (node.innerText || node.textContent || '') : '');
  const common = (a, b) => {
    const above = new Set();
    for (let node = a; node; node = up(node)) above.add(node);
    for (let node = b; node; node = up(node)) if (above.has(node)) return node;
    return null;
  };
  const depth = (node) => { let n = 0; for (; node; node = up(node)) n++; return n; };
  // The element an id names for this control, in the control's own document or
  // shadow root: where a page repeats an id (a hidden copy of a section, a counter
  // started again), the one sharing the deepest ancestor with the control; none
  // when two are as near.
  const named = (el, id) => {
    // In the control's own document or shadow root, else in the one around its
    // component: a label that stands outside the shadow root.
    let found = [];
    for (let scope = el.getRootNode(); scope && !found.length;) {
      found = Array.from(scope.querySelectorAll('[id="' + CSS.escape(id) + '"]'));
      scope = scope instanceof ShadowRoot ? scope.host.getRootNode() : null;
    }
    if (found.length < 2) return found[0] || null;
    const near = found.map((node) => [depth(common(el, node)), node]);
    near.sort((a, b) => b[0] - a[0]);
    return near[0][0] > near[1][0] ? near[0][1] : null;
  };
  const idsOf = (value) => (value || '').split(/\\s+/).filter(Boolean);
  const byIds = (el, value) => idsOf(value).map((id) => text(named(el, id))).filter(Boolean);
  // Whether ``node`` holds no control but ``el`` (and the component it is drawn in).
  const alone = (node, el) => all.every(
    (other) => other === el || holds(el, other) || holds(other, el) || !holds(node, other));
  // What names one element: its aria-label, what its aria-labelledby points to, a
  // button's own text; and what may also describe it.
  const naming = (el, texts, words) => {
    const label = el.getAttribute('aria-label');
    if (label) texts.push(label);
    texts.push(...byIds(el, el.getAttribute('aria-labelledby')));
    if (el.tagName === 'BUTTON') texts.push(text(el));
    words.push(...byIds(el, el.getAttribute('aria-describedby')));
    const labels = Array.from(el.labels || []);
    for (const l of labels) if (alone(l, el)) words.push(text(l));
    return labels;
  };
  const infos = els.map((el) => {
    const texts = [];
    const words = [];
    const labels = naming(el, texts, words);
    // A control inside a component is named by the component too (its label stands
    // outside the shadow root).
    for (let host = hostOf(el); host; host = hostOf(host)) {
      labels.push(...naming(host, texts, words));
    }
    // A control that nothing names is named by its row: the nearest element around
    // it that has words, when that row holds no other control.
    let row = null;
    if (!texts.some((t) => t.trim()) && !words.some((t) => t.trim())) {
      for (let node = up(el); node && node !== document.documentElement; node = up(node)) {
        if (text(node).trim()) { row = node; break; }
      }
      if (row && alone(row, el)) words.push(text(row)); else row = null;
    }
    const ids = [el.id, ...idsOf(el.getAttribute('aria-labelledby')),
                 ...idsOf(el.getAttribute('aria-describedby'))].filter(Boolean);
    const checked = stateOf(el);
    const disabled = Boolean(el.disabled) || el.getAttribute('aria-disabled') === 'true'
      || Boolean(el.closest('fieldset[disabled]'));
    // A styled switch hides its box and shows its label: the setting is on screen
    // when the control, what names it, or its component is.
    const visible = shows(el) || labels.some(shows) || (row !== null && shows(row))
      || Boolean(hostOf(el) && shows(hostOf(el)))
      || idsOf(el.getAttribute('aria-labelledby')).some((id) => shows(named(el, id)));
    return {testid: el.getAttribute('data-testid'), ids, texts, words, checked, disabled,
            visible, tag: el.tagName.toLowerCase(), role: el.getAttribute('role')};
  });
  return {infos, els, containers: within ? roots.length : 1};
}
"""
)


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
    #: Controls that name the setting but are not shown.
    hidden: int = 0


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
            named = sum(1 for c in seen if proof(switch, c) is not None)
            out_of_sight = hidden(switch, seen) if not matches else 0
            return NotFound(matches, len(seen) - named, containers, out_of_sight)
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
    return await until_drawn(
        lambda: look(page, switch, candidates),
        Found,
        lambda seen: seen.matches > 1 or seen.containers > 1,
        wait_ms,
        lambda seen: seen.others,
    )


#: What a person clicks for a control that takes no click itself (an input drawn under
#: its styling, or one a component keeps from the pointer): its label, else its row
#: (the nearest element around it with words, holding no other control).
PERSON_TARGET = (
    """
(el, candidates) => {"""
    + _HELPERS
    + """
  for (let at = el; at; at = hostOf(at)) {
    const label = Array.from(at.labels || []).find(shows);
    if (label) return label;
  }
  const all = deep(document, candidates);
  for (let node = up(el); node && node !== document.body; node = up(node)) {
    if (!(node.innerText || '').trim()) continue;
    const others = all.filter((o) => o !== el && !holds(el, o) && !holds(o, el) && holds(node, o));
    return others.length === 0 && shows(node) ? node : null;
  }
  return null;
}
"""
)
