"""Row buttons that show a setting's state in their own name and open its choice.

Some settings pages draw a setting as a row, not a switch: ChatGPT's Data controls
tab has one button named "Remote browser data On", and after the words "Location" a
plain button whose whole name is its state, "Off". Clicking such a button opens a
menu of the choices ("On", "Off") or a dialog that holds the real switch.

A button is the setting's only when its own words prove it: its name is exactly one of
the setting's wordings followed by a state word, or its test id is the setting's, or
its name is a state word alone and it is the one control of a row whose words begin
with the setting's wording. Reading takes the state from that name and clicks nothing.
None or two such buttons, a name with no state word, or a row whose words also name
another setting of the platform read ``unknown``, with nothing clicked.

Changing clicks the button, then either picks the menu item whose whole name is the
wanted state, or flips the one switch of the dialog it opened (proved by its own
marks, or the dialog's only switch when the dialog's title names the setting) and
closes that dialog with its own button. A fresh load then reads it back. Nothing
whose words hold "delete", "erase" or "remove" is ever pressed.

A plugin asks for this with ``Switch(..., shape="row")``: ``names`` are the setting's
wordings, ``testid`` the row button's own test id where it has one, ``opens`` the
clicks that show the row, and ``row`` (where the model has it) a CSS selector of the
page's rows; otherwise a button's row is the nearest element around it with words of
its own and no other control. Its page object
(:class:`~automation.page.shapes.RowPage`) calls :func:`read` and :func:`write`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from automation.domain.settings import Reading, Setting, State
from automation.page import controls, popups, switches
from automation.page.controls import names_it, normalise

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from automation.domain.settings import Switch
    from automation.plugin import Plugin

#: The words a row button shows for each state, in the languages on record: English,
#: and simplified Chinese ("开", "关"; Location's "禁用"). A name ending in any other
#: word is no state.
STATES: dict[State, tuple[str, ...]] = {
    State.ON: ("On", "开"),
    State.OFF: ("Off", "关", "禁用"),
}

#: The buttons of a dialog that close it once its switch was flipped, most telling first.
DONE = ("Done", "Save", "Confirm", "OK", "Got it", "Close")

#: What can be a row button: any button that does not hold a position of its own.
_COLLECT = """
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

#: What a click may open: a menu of choices or a dialog.
_OPENED = '[role="menu"], [role="listbox"], [role="dialog"], [role="alertdialog"], dialog[open]'

_MARK = """
(opened) => document.querySelectorAll(opened).forEach((d) => {
  const box = d.getBoundingClientRect();
  if (box.width > 0 && box.height > 0 && getComputedStyle(d).visibility !== 'hidden') {
    d.__ptuiRowSeen = true;
  }
})
"""

_NEW = """
(opened) => {
  const shown = Array.from(document.querySelectorAll(opened)).filter((d) => {
    const box = d.getBoundingClientRect();
    return !d.__ptuiRowSeen && box.width > 0 && box.height > 0
      && getComputedStyle(d).visibility !== 'hidden';
  });
  if (!shown.length) return null;
  const found = shown[shown.length - 1];
  found.__ptuiRowSeen = true;
  return found;
}
"""

_DESCRIBE = """
(box) => {
  const text = (node) => (node ? (node.innerText || node.textContent || '') : '');
  const ids = (box.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const heading = box.querySelector('h1, h2, h3, [role="heading"]');
  const title = box.getAttribute('aria-label')
    || ids.map((id) => text(document.getElementById(id))).join(' ')
    || text(heading);
  const role = box.getAttribute('role') || box.tagName.toLowerCase();
  const named = (el) => (el.getAttribute('aria-label') || text(el)).trim();
  const items = Array.from(box.querySelectorAll(
    '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"]'));
  const buttons = Array.from(box.querySelectorAll('button, [role="button"]'));
  return {role, title: title.trim(), items: items.map(named), buttons: buttons.map(named)};
}
"""

_POSITION = """
(el) => {
  const box = el.getBoundingClientRect();
  const shown = box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  const checked = el.tagName === 'INPUT' ? (el.checked ? 'true' : 'false')
    : (el.getAttribute('aria-checked') || el.getAttribute('aria-pressed'));
  return {shown, checked};
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
        return Proof(f'its test id "{switch.testid}"', state_of(last), last)
    for wording in switch.names:
        own = normalise(wording)
        if not own:
            continue
        if name == own:
            return Proof(f'its name "{wording}"', None, "")
        if name.startswith(own + " "):
            rest = name[len(own) + 1 :]
            state = state_of(rest)
            if state is not None:
                return Proof(f'its label "{wording}" and the state in its own name', state, last)
    if row.label and " " not in name:
        for wording in switch.names:
            if names_it(row.label, wording, leading=True):
                return Proof(
                    f'its row\'s label "{wording}"', state_of(name), row.name.strip(), True
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
    parts = []
    if switch.testid:
        parts.append(f'test id "{switch.testid}"')
    wordings = " or ".join(f'"{n}"' for n in switch.names)
    if wordings:
        parts.append(f"label {wordings}")
    where = " inside " + switch.within if switch.within else ""
    what = ", or ".join(parts) or "no known mark"
    return f"a row button with {what} and its state (On or Off){where}"


@dataclass(frozen=True)
class Found:
    """The one row button that proved it is the setting's."""

    element: ElementHandle
    row: Row
    proof: Proof


@dataclass(frozen=True)
class NotFound:
    """Why no single row button could be taken for the setting."""

    matches: int
    #: How many buttons the page has that are not the setting's.
    others: int
    containers: int
    hidden: int = 0
    other: str | None = None
    #: Names of shown buttons that are the setting's words and one word that is no
    #: state (a state the page words otherwise).
    near: tuple[str, ...] = ()


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


async def look(page: Page, switch: Switch, others: tuple[str, ...] = ()) -> Found | NotFound:
    """One look at the page: the setting's row button, or why it cannot be told."""
    handle = await page.evaluate_handle(
        _COLLECT, {"within": switch.within, "row": getattr(switch, "row", None)}
    )
    try:
        infos = await (await handle.get_property("infos")).json_value()
        containers = await (await handle.get_property("containers")).json_value()
        rows = [Row.from_page(info) for info in infos]
        if switch.within and containers != 1:
            return NotFound(0, len(rows), containers)
        choice = choose(switch, rows, others)
        if choice.index is None:
            named = sum(1 for row in rows if proof(switch, row) is not None)
            return NotFound(
                choice.matches,
                len(rows) - named,
                containers,
                choice.hidden,
                choice.other,
                near(switch, rows),
            )
        element = (
            await (await handle.get_property("els")).get_property(str(choice.index))
        ).as_element()
        assert element is not None
        row = rows[choice.index]
        found = proof(switch, row)
        assert found is not None
        return Found(element, row, found)
    finally:
        await handle.dispose()


async def find(
    page: Page, switch: Switch, wait_ms: int, others: tuple[str, ...] = ()
) -> Found | NotFound:
    """Wait up to ``wait_ms`` for the setting's row button to appear and prove itself.

    A match is looked at again a moment later, so a second copy still being drawn is
    not missed; a page whose buttons have stayed the same for a while, none of them
    the setting's, is not waited for to the end.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_ms / 1000
    settled_since: float | None = None
    last: NotFound | None = None
    while True:
        seen = await look(page, switch, others)
        if isinstance(seen, Found):
            await asyncio.sleep(0.25)
            return await look(page, switch, others)
        if seen.matches > 1 or seen.containers > 1 or seen.other:
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


def _others(plugin: Plugin, setting: Setting) -> tuple[str, ...]:
    """The wordings of the platform's other settings."""
    found: list[str] = []
    for other in plugin.settings:
        if other.template_key == setting.template_key:
            continue
        found.append(other.label)
        if other.switch is not None:
            found += other.switch.names
    own = {normalise(w) for w in (setting.label, *(setting.switch.names if setting.switch else ()))}
    return tuple(w for w in dict.fromkeys(found) if normalise(w) not in own)


async def load(plugin: Plugin, page: Page, setting: Setting) -> Found | Reading:
    """Load the setting's page afresh and find its one row button, or say why not,
    trying the page's other known addresses where it is missing or lacks it."""
    return await switches.at_addresses(
        plugin, page, setting, lambda here: _load_at(plugin, page, here)
    )


async def _load_at(
    plugin: Plugin, page: Page, setting: Setting
) -> Found | Reading | switches.Absent:
    problem = await switches._open(plugin, page, setting)
    if problem is not None:
        return problem
    switch = setting.switch
    assert switch is not None
    for selector in switch.opens:
        try:
            await page.locator(selector).first.click(timeout=switches.CONTROL_WAIT_MS)
        except Exception as exc:
            if not switches.is_timeout(exc):
                raise
            return switches.absent(
                await switches.missing(
                    plugin,
                    page,
                    setting,
                    f"The page has no {selector} to click on the way to {sought(switch)}",
                )
            )
    seen = await find(page, switch, switches.CONTROL_WAIT_MS, _others(plugin, setting))
    if isinstance(seen, NotFound):
        if seen.containers > 1:
            return Reading(
                setting.id,
                State.UNKNOWN,
                f"The page has {seen.containers} places matching {switch.within}; "
                f"not guessing which holds {sought(switch)}.",
                url=page.url,
            )
        if seen.other:
            return Reading(
                setting.id,
                State.UNKNOWN,
                f'A row that names "{setting.label}" also names "{seen.other}", another '
                "setting; not guessing whose state its button shows. Nothing was clicked.",
                url=page.url,
            )
        if seen.matches > 1:
            return Reading(
                setting.id,
                State.UNKNOWN,
                f"Found {seen.matches} buttons that could be {sought(switch)}; not guessing "
                "which. Nothing was clicked.",
                url=page.url,
            )
        where = "is there but not shown" if seen.hidden else "is not on it"
        if seen.near:
            named = ", ".join(f'"{name}"' for name in seen.near)
            where += f" (a button is named {named}, which shows no state it knows)"
        return switches.absent(
            await switches.missing(
                plugin, page, setting, f"The page loaded but {sought(switch)} {where}"
            )
        )
    if seen.row.disabled:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            f'The row "{setting.label}" is on the page but its button is disabled: '
            f"{plugin.title} does not let this account change it.",
            url=page.url,
        )
    return seen


def _no_state(plugin: Plugin, setting: Setting, found: Found, url: str) -> Reading:
    shown = found.row.name.strip() or "nothing"
    return Reading(
        setting.id,
        State.UNKNOWN,
        f'The row button of "{setting.label}" (found by {found.proof.how}) shows "{shown}", '
        f"which says neither on nor off; {plugin.title} may have changed the page. "
        "Nothing was clicked.",
        url=url,
    )


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read a row button's state from its own name on a fresh load; nothing is clicked
    but the page's way to it (``Switch.opens``)."""
    found = await load(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    state = found.proof.state
    if state is None:
        return _no_state(plugin, setting, found, page.url)
    return Reading(
        setting.id,
        state,
        f'The row button shows "{found.proof.shows}": {state} (found by {found.proof.how}).',
        url=page.url,
    )


async def write(
    plugin: Plugin,
    page: Page,
    setting: Setting,
    value: State,
    *,
    reread: switches.Reader | None = None,
) -> Reading:
    """Set a row button's setting to ``value`` through the menu or dialog it opens, then
    read it back from a fresh load."""
    if value not in (State.ON, State.OFF):
        raise ValueError(f"cannot set a row to {value}")
    switch = setting.switch
    assert switch is not None
    found = await load(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    if found.proof.state is None:
        return _no_state(plugin, setting, found, page.url)
    if found.proof.state is value:
        return Reading(setting.id, value, f"The row button already showed {value}.", url=page.url)
    if _never(found.row.name):
        return Reading(
            setting.id,
            State.UNKNOWN,
            f'The row button is named "{found.row.name.strip()}", which privacy-tui never presses.',
            url=page.url,
        )
    await page.evaluate(_MARK, _OPENED)
    await switches._click(found.element)
    opened = await _opened(page)
    if opened is None:
        return await switches.read_back(
            plugin,
            page,
            setting,
            value,
            "The row button was clicked but opened no menu or dialog.",
            reread=reread or _reader(plugin, page),
        )
    seen = await opened.evaluate(_DESCRIBE)
    if seen["role"] in ("menu", "listbox"):
        outcome = await _pick(plugin, page, opened, seen, setting, value)
    else:
        outcome = await _flip(plugin, page, opened, seen, setting, found, value)
    if isinstance(outcome, Reading):
        return outcome
    return await switches.settle(
        plugin, page, setting, value, outcome, reread=reread or _reader(plugin, page)
    )


def _never(words: str) -> bool:
    said = normalise(words)
    return any(word in said for word in popups.NEVER)


async def _opened(page: Page) -> ElementHandle | None:
    """The menu or dialog the click opened (shown since :data:`_MARK`), waited for."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + switches.CONTROL_WAIT_MS / 1000
    while True:
        handle = await page.evaluate_handle(_NEW, _OPENED)
        element = handle.as_element()
        if element is not None:
            return element
        await handle.dispose()
        if loop.time() >= deadline:
            return None
        await asyncio.sleep(0.1)


async def _pick(
    plugin: Plugin,
    page: Page,
    menu: ElementHandle,
    seen: dict[str, Any],
    setting: Setting,
    value: State,
) -> str | popups.Refused | Reading | None:
    """Choose the menu's item that says ``value``; the save's outcome, as
    :func:`switches.save` gives it, or a reading when no item says it."""
    switch = setting.switch
    assert switch is not None
    items: list[str] = seen["items"]
    wanted = [i for i, name in enumerate(items) if state_of(name) is value and not _never(name)]
    if len(wanted) != 1:
        await page.keyboard.press("Escape")
        offered = ", ".join(f'"{name}"' for name in items if name) or "no items"
        return Reading(
            setting.id,
            State.UNKNOWN,
            f"The row button opened a menu with {offered}; none says {value} alone, so "
            "nothing was chosen.",
            url=page.url,
        )
    elements = await menu.query_selector_all(
        '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="option"]'
    )
    item = elements[wanted[0]]
    await popups.mark_open(page)
    return await switches.save(
        plugin,
        page,
        lambda: switches._click(item),
        f'The menu item "{items[wanted[0]]}" could not be chosen, so nothing was saved.',
        answer=lambda: popups.answer(page, switch, value),
    )


async def _flip(
    plugin: Plugin,
    page: Page,
    dialog: ElementHandle,
    seen: dict[str, Any],
    setting: Setting,
    found: Found,
    value: State,
) -> str | popups.Refused | Reading | None:
    """Flip the switch of the dialog the row button opened, then close the dialog with
    its own button; the save's outcome, or a reading when the switch cannot be told."""
    switch = setting.switch
    assert switch is not None
    inner = await _dialog_switch(page, dialog, seen, switch)
    if isinstance(inner, str):
        await _leave(page, dialog, popups.CANCELS)
        return Reading(setting.id, State.UNKNOWN, f"{inner} Nothing was changed.", url=page.url)
    element, position = inner
    if position is None or (State.ON if position else State.OFF) is not found.proof.state:
        await _leave(page, dialog, popups.CANCELS)
        said = "neither on nor off" if position is None else ("on" if position else "off")
        return Reading(
            setting.id,
            State.UNKNOWN,
            f'The row button shows "{found.proof.shows}" but the switch in its dialog is '
            f"{said}; not guessing which is right. Nothing was changed.",
            url=page.url,
        )
    await popups.mark_open(page)
    loop = asyncio.get_running_loop()
    started = loop.time()
    done = False

    async def answer() -> popups.Refused | bool:
        nonlocal done
        said = await popups.answer(page, switch, value)
        if said is not False:
            return said
        # A dialog that keeps its switch only when its own button is pressed.
        if not done and loop.time() - started > 1.0:
            done = True
            await _leave(page, dialog, DONE)
        return False

    outcome = await switches.save(
        plugin,
        page,
        lambda: switches._click(element),
        f'The switch in the dialog of "{setting.label}" did not move when clicked.',
        answer=answer,
    )
    if not done and not isinstance(outcome, popups.Refused):
        await _leave(page, dialog, DONE)
    return outcome


async def _dialog_switch(
    page: Page, dialog: ElementHandle, seen: dict[str, Any], switch: Switch
) -> tuple[ElementHandle, bool | None] | str:
    """The one switch of ``dialog`` that is the setting's, with its position; or why not.

    A switch proved by its own marks (test id, ids, label) counts; otherwise the
    dialog's only shown switch, when the dialog's title names the setting.
    """
    found: list[tuple[ElementHandle, bool | None]] = []
    others: list[tuple[ElementHandle, bool | None]] = []
    for element in await dialog.query_selector_all(controls.CANDIDATES):
        where = await element.evaluate(_POSITION)
        if not where["shown"]:
            continue
        position = {"true": True, "false": False}.get(where["checked"] or "")
        candidate = controls.Candidate.from_page(await _candidate(element))
        if controls.proof(replace(switch, within=None), candidate) is not None:
            found.append((element, position))
        else:
            others.append((element, position))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        return f"The dialog holds {len(found)} switches that could be the setting's."
    titled = any(names_it(seen["title"], wording) for wording in switch.names)
    if len(others) == 1 and titled:
        return others[0]
    title = seen["title"] or "a dialog"
    if not others:
        return f'The row button opened "{title}", which holds no switch.'
    if not titled:
        return f'The row button opened "{title}", whose title does not name the setting.'
    return f'The row button opened "{title}", which holds {len(others)} switches.'


_CANDIDATE = """
(el) => {
  const text = (node) => (node ? (node.innerText || node.textContent || '') : '');
  const idsOf = (value) => (value || '').split(/\\s+/).filter(Boolean);
  const byIds = (value) => idsOf(value).map((id) => text(document.getElementById(id)))
    .filter(Boolean);
  const texts = [];
  const label = el.getAttribute('aria-label');
  if (label) texts.push(label);
  texts.push(...byIds(el.getAttribute('aria-labelledby')));
  const words = byIds(el.getAttribute('aria-describedby'));
  for (const l of Array.from(el.labels || [])) words.push(text(l));
  const ids = [el.id, ...idsOf(el.getAttribute('aria-labelledby')),
               ...idsOf(el.getAttribute('aria-describedby'))].filter(Boolean);
  return {testid: el.getAttribute('data-testid'), ids, texts, words, visible: true,
          disabled: Boolean(el.disabled) || el.getAttribute('aria-disabled') === 'true'};
}
"""


async def _candidate(element: ElementHandle) -> dict[str, Any]:
    info: dict[str, Any] = await element.evaluate(_CANDIDATE)
    return info


async def _leave(page: Page, dialog: ElementHandle, wordings: tuple[str, ...]) -> None:
    """Close ``dialog`` with its own button of one of ``wordings`` (tried in order),
    never one whose words hold "delete", "erase" or "remove"; else press Escape."""
    try:
        seen = await dialog.evaluate(_DESCRIBE)
    except Exception as exc:
        if switches._is_playwright_error(exc):
            return  # the dialog is gone already
        raise
    buttons: list[str] = seen["buttons"]
    elements = await dialog.query_selector_all('button, [role="button"]')
    for wording in wordings:
        chosen = popups.pick(buttons, (wording,))
        if chosen is not None and chosen < len(elements):
            await switches._click(elements[chosen])
            return
    await page.keyboard.press("Escape")


def _reader(plugin: Plugin, page: Page) -> switches.Reader:
    """This module's own read of a setting on ``page``."""
    return lambda setting: read(plugin, page, setting)
