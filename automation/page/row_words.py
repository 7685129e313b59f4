"""A row button's words: the states they say, the row that proves it is a setting's,
and the one row a setting's wordings choose. Plain data, no browser:
:mod:`automation.page.rows` collects the rows from the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from automation.domain.settings import State
from automation.language import Sentence, either
from automation.page.choosing import inside, marks
from automation.page.controls import names_it, normalise

if TYPE_CHECKING:
    from automation.domain.settings import Switch

#: The words a row button shows for each state, in the languages on record: English,
#: and simplified Chinese ("开", "关"; Location's "禁用"). A name ending in any other
#: word is no state.
STATES: dict[State, tuple[str, ...]] = {
    State.ON: ("On", "开"),
    State.OFF: ("Off", "关", "禁用"),
}


#: What can be a row button: any button that does not hold a position of its own, and
#: the script that collects them with their rows' words.
COLLECT = """
({within, row}) => {
  const shows = (node) => {
    if (!node) return false;
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  };
  let roots = within ? Array.from(document.querySelectorAll(within)) : [document.body];
  if (roots.length > 1 && roots.filter(shows).length === 1) roots = roots.filter(shows);
  const CONTROL = 'button, input:not([type="hidden"]), select, textarea, [role="button"], '
    + '[role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="menuitem"], '
    + '[role="menuitemradio"], [role="menuitemcheckbox"], [role="option"], [role="combobox"], '
    + '[role="slider"]';
  const HOLDS = '[role="switch"], [role="checkbox"], [role="radio"], [role="tab"], '
    + '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"], '
    + '[aria-checked], [aria-pressed]';
  const text = (node) => (node ? (node.innerText || node.textContent || '') : '');
  // The words of `root` as lines, leaving out those inside `skip`.
  const words = (root, skip) => {
    const lines = [];
    let line = '';
    let last = null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (skip && skip.contains(node)) continue;
      const parent = node.parentElement;
      if (!parent || !shows(parent)) continue;
      let block = parent;
      while (block !== root && getComputedStyle(block).display.startsWith('inline')) {
        block = block.parentElement;
      }
      if (block !== last && line.trim()) { lines.push(line.trim()); line = ''; }
      last = block;
      line += node.textContent;
    }
    if (line.trim()) lines.push(line.trim());
    return lines.join('\\n');
  };
  const nameOf = (el) => {
    const label = el.getAttribute('aria-label');
    if (label && label.trim()) return label;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const said = ids.map((id) => text(document.getElementById(id))).join(' ');
    return said.trim() ? said : words(el, null);
  };
  // Whether `node` holds a control besides `el` (and what wraps or is inside it).
  const others = (node, el) => Array.from(node.querySelectorAll(CONTROL))
    .some((c) => c !== el && !el.contains(c) && !c.contains(el));
  // The row `el` is the one control of: the nearest element around it with words of
  // its own, unless a control of another comes first; none when there is no such row.
  const rowOf = (el) => {
    if (row) {
      const found = el.closest(row);
      return found && !others(found, el) ? found : null;
    }
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (others(node, el)) return null;
      if (words(node, el).trim()) return node;
    }
    return null;
  };
  const els = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll('button, [role="button"]')) {
      if (el.matches(HOLDS) || els.includes(el)) continue;
      els.push(el);
    }
  }
  const infos = els.map((el) => {
    const name = nameOf(el);
    // Only a button named by one word (a state) is named by its row's words.
    const found = /\\S\\s+\\S/.test(name.trim()) ? null : rowOf(el);
    return {
      name,
      label: found ? words(found, el) : '',
      testid: el.getAttribute('data-testid'),
      visible: shows(el),
      disabled: Boolean(el.disabled) || el.getAttribute('aria-disabled') === 'true',
    };
  });
  return {infos, els, containers: within ? roots.length : 1};
}
"""


def state_of(words: str) -> State | None:
    """The state ``words`` say, when they are wholly one of :data:`STATES`' words."""
    said = normalise(words)
    for state, known in STATES.items():
        if said in {normalise(word) for word in known}:
            return state
    return None


@dataclass(frozen=True)
class Row:
    """One button on the page that may be a setting's row button."""

    #: Its accessible name: its ``aria-label``, the text its ``aria-labelledby`` names,
    #: or its own words.
    name: str
    #: The words of the row it is the one control of, without its own; empty when it
    #: is not the one control of a row.
    label: str = ""
    testid: str | None = None
    visible: bool = True
    disabled: bool = False

    @classmethod
    def from_page(cls, info: dict[str, Any]) -> Row:
        return cls(
            name=info.get("name") or "",
            label=info.get("label") or "",
            testid=info.get("testid"),
            visible=bool(info.get("visible")),
            disabled=bool(info.get("disabled")),
        )


@dataclass(frozen=True)
class Proof:
    """Why a row button is the setting's, and the state its name shows."""

    #: What proves it, in words.
    how: str
    #: The state shown, or None when its name holds no state word.
    state: State | None
    #: The words that show the state (or that should have).
    shows: str
    #: Whether it was proved by its row's words rather than its own name or test id.
    by_row: bool = False


def proof(switch: Switch, row: Row) -> Proof | None:
    """What on ``row`` proves it is ``switch``'s setting's button; None when nothing does.

    Its test id, with the state as the last word of its name; its name, exactly a
    wording of the setting and a state word ("Remote browser data On"), or exactly a
    wording (no state shown); or, for a button named by a word alone, its row's words
    beginning with a wording ("Location", then a button "Off").
    """
    name = normalise(row.name)
    last = row.name.split()[-1] if row.name.split() else ""
    if switch.testid and row.testid == switch.testid:
        return Proof(Sentence('its test id "{testid}"', testid=switch.testid), state_of(last), last)
    for wording in switch.names:
        own = normalise(wording)
        if not own:
            continue
        if name == own:
            return Proof(Sentence('its name "{wording}"', wording=wording), None, "")
        if name.startswith(own + " "):
            rest = name[len(own) + 1 :]
            state = state_of(rest)
            if state is not None:
                how = Sentence(
                    'its label "{wording}" and the state in its own name', wording=wording
                )
                return Proof(how, state, last)
    if row.label and " " not in name:
        for wording in switch.names:
            if names_it(row.label, wording, leading=True):
                return Proof(
                    Sentence('its row\'s label "{wording}"', wording=wording),
                    state_of(name),
                    row.name.strip(),
                    True,
                )
    return None


def mixed(row: Row, others: tuple[str, ...]) -> str | None:
    """The wording of another setting that ``row``'s words also name, if any."""
    return next((w for w in others if w and names_it(row.label, w, leading=True)), None)


def choose(switch: Switch, rows: list[Row], others: tuple[str, ...] = ()) -> Choice:
    """The one shown row button that proves it is ``switch``'s, or why none can be taken.

    ``others`` are the wordings of the platform's other settings: a row whose words name
    one of them as well is no proof of either.
    """
    matching = [i for i, row in enumerate(rows) if proof(switch, row) is not None]
    shown = [i for i in matching if rows[i].visible]
    for i in shown:
        found = proof(switch, rows[i])
        if found is not None and found.by_row:
            other = mixed(rows[i], others)
            if other is not None:
                return Choice(None, len(shown), len(matching) - len(shown), other)
    if len(shown) != 1:
        return Choice(None, len(shown), len(matching) - len(shown))
    return Choice(shown[0], 1, len(matching) - 1)


@dataclass(frozen=True)
class Choice:
    """What :func:`choose` made of the page's buttons."""

    index: int | None
    #: How many shown buttons proved they are the setting's.
    matches: int
    #: How many others named it but are not shown.
    hidden: int = 0
    #: The wording of another setting a matching row also names.
    other: str | None = None


def sought(switch: Switch) -> str:
    """What a detail says was looked for."""
    parts: list[str] = []
    if switch.testid:
        parts.append(Sentence('test id "{testid}"', testid=switch.testid))
    if switch.names:
        parts.append(Sentence("label {wordings}", wordings=either(switch.names)))
    return Sentence(
        "a row button with {marks} and its state (On or Off){where}",
        marks=marks(parts),
        where=inside(switch.within),
    )


def near(switch: Switch, rows: list[Row]) -> tuple[str, ...]:
    """The names of shown buttons that are one of ``switch``'s wordings and one more
    word that is no state ("Remote browser data Precise"): told to a person, never
    taken. A longer name is another setting's, and is not told."""
    found = []
    for row in rows:
        name = normalise(row.name)
        if not row.visible or proof(switch, row) is not None:
            continue
        for wording in switch.names:
            own = normalise(wording)
            rest = name[len(own) + 1 :] if own and name.startswith(own + " ") else ""
            if rest and " " not in rest:
                found.append(" ".join(row.name.split()))
                break
    return tuple(found[:3])
