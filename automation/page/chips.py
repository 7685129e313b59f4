"""The shared code behind every setting drawn as a chip that shows its state and opens a menu.

Google's activity controls are drawn this way: a chip whose own words are the state
("On" and a caret), with ``aria-haspopup="menu"`` and an ``aria-label`` that names the
setting ("Turn off your Keep Activity setting"). Clicking it opens a menu whose items
carry hints ("Turn off" with "1 step", "Turn off and delete activity" with "2 steps"),
and a confirmation step may follow.

The chip counts as the setting's only when its own name (its ``aria-label`` or what
its ``aria-labelledby`` points to) holds one of the setting's known wordings, and only
one chip on the page may do so (:mod:`automation.page.controls`). Its state is the word it
shows, "On" or "Off", and its name must not say otherwise. A change picks the menu item
whose whole name, without its hint, is exactly the wanted one ("Turn off"), answers a
confirmation in a known wording (:mod:`automation.page.popups`), and counts only once a
fresh load shows the new state. Nothing with "delete", "erase" or "remove" in its words
is ever chosen or pressed: a menu without the plain item is closed untouched.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence
from automation.page import controls, opening, popups, switches, waits

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from automation.plugin import Plugin

#: What can be such a chip: a button that opens a menu.
CHIPS = (
    'button[aria-haspopup="menu"], [role="button"][aria-haspopup="menu"], '
    'button[aria-haspopup="true"], [role="button"][aria-haspopup="true"]'
)

#: The words a chip shows for each state.
SHOWN = {"on": State.ON, "off": State.OFF}

#: The menu item chosen for each value asked for, as its whole name without its hint.
ITEMS = {State.OFF: ("Turn off",), State.ON: ("Turn on",)}

#: How a chip's name offers a change, which tells the state it is in: a chip that
#: offers to turn the setting off is on.
OFFERS = {State.ON: ("turn off", "pause"), State.OFF: ("turn on", "resume")}

#: A menu item's hint, beside its name ("1 step", "2 steps").
HINT = re.compile(r"\(?\b\d+\s+steps?\)?$", re.I)

#: The menu items of one menu: what the page offers to click.
MENU_ITEMS = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]'

_CHIP = """
(el) => ({
  shown: el.innerText || el.textContent || '',
  label: el.getAttribute('aria-label') || '',
  controls: el.getAttribute('aria-controls') || '',
})
"""

#: Marks the menus shown now, so the one a click opens is told apart.
_MARK_MENUS = """
() => document.querySelectorAll('[role="menu"]').forEach((m) => {
  const box = m.getBoundingClientRect();
  if (box.width > 0 && box.height > 0 && getComputedStyle(m).visibility !== 'hidden') {
    m.__ptuiMenuSeen = true;
  }
})
"""

#: The menus shown since the chip was clicked (the one the chip names by
#: ``aria-controls`` first), with their items and each item's words, text by text.
_MENUS = """
({chip, items}) => {
  const shows = (node) => {
    if (!node) return false;
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  };
  const own = chip.getAttribute('aria-controls');
  let menus = [];
  if (own) {
    const named = chip.getRootNode().getElementById
      ? chip.getRootNode().getElementById(own) : document.getElementById(own);
    if (named && shows(named)) menus = [named];
  }
  if (!menus.length) {
    menus = Array.from(document.querySelectorAll('[role="menu"]'))
      .filter((m) => shows(m) && !m.__ptuiMenuSeen);
  }
  const found = menus.map((menu) => {
    const els = Array.from(menu.querySelectorAll(items)).filter(shows);
    const words = els.map((el) => {
      const texts = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        if (text && shows(node.parentElement)) texts.push(text);
      }
      return {label: el.getAttribute('aria-label') || '', texts,
              disabled: el.getAttribute('aria-disabled') === 'true'};
    });
    return {words, els};
  });
  return {count: menus.length, words: found.length ? found[0].words : [],
          els: found.length ? found[0].els : []};
}
"""


@dataclass(frozen=True)
class Item:
    """One item of an open menu: its name without its hint, and every word it shows."""

    name: str
    hint: str
    words: str
    disabled: bool = False

    @classmethod
    def from_page(cls, info: dict[str, Any]) -> Item:
        texts = [" ".join(t.split()) for t in info.get("texts") or () if t.strip()]
        label = " ".join((info.get("label") or "").split())
        hints = [t for t in texts if HINT.fullmatch(t)]
        name = label or " ".join(t for t in texts if not HINT.fullmatch(t))
        # A hint written in the same text as the name ("Turn off 1 step").
        tail = HINT.search(name)
        if tail and tail.start() > 0:
            hints.append(tail.group(0))
            name = name[: tail.start()].rstrip()
        return cls(
            name=name,
            hint=" ".join(hints),
            words=" ".join([label, *texts]).strip(),
            disabled=bool(info.get("disabled")),
        )

    @property
    def forbidden(self) -> bool:
        """Whether any of its words says it deletes, erases or removes something."""
        said = controls.normalise(f"{self.name} {self.words}")
        return any(word in said for word in popups.NEVER)


def pick(items: list[Item], wordings: tuple[str, ...]) -> int | None:
    """The index of the one item whose whole name without its hint is one of
    ``wordings``; None when no item or several are, or it may not be chosen.

    An item whose words hold "delete", "erase" or "remove" is never chosen, whatever
    ``wordings`` say.
    """
    wanted = {controls.normalise(w) for w in wordings}
    chosen = [
        i
        for i, item in enumerate(items)
        if controls.normalise(item.name) in wanted and not item.forbidden and not item.disabled
    ]
    return chosen[0] if len(chosen) == 1 else None


@dataclass(frozen=True)
class Shown:
    """What a chip shows: its state, or why none can be told."""

    state: State | None
    words: str
    label: str
    why: str = ""


def state_of(shown: str, label: str) -> Shown:
    """The state a chip is in, from the word it shows ("On" or "Off"), its name agreeing.

    A chip that shows anything else, or whose name offers the change that would lead
    to the state it shows ("Turn on" beside "On"), tells no state.
    """
    lines = [" ".join(line.split()) for line in shown.splitlines() if line.strip()]
    words = " ".join(lines)
    label = " ".join(label.split())
    state = SHOWN.get(controls.normalise(words)) if len(lines) == 1 else None
    if state is None:
        why = Sentence('it shows "{words}", neither "On" nor "Off"', words=words)
        return Shown(None, words, label, why)
    named = controls.normalise(label)
    for offered, offers in OFFERS.items():
        if offered is not state and any(named.startswith(o) for o in offers):
            return Shown(
                None,
                words,
                label,
                Sentence(
                    'it shows "{words}" but its name says "{label}"', words=words, label=label
                ),
            )
    return Shown(state, words, label)


async def _look(element: ElementHandle) -> tuple[Shown, str]:
    seen = await element.evaluate(_CHIP)
    return state_of(seen["shown"], seen["label"]), seen["controls"]


def _name(setting: Setting) -> str:
    switch = setting.switch
    return switch.names[0] if switch and switch.names else setting.label


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read the chip of ``setting`` from a fresh load of its page."""
    found = await opening.load_switch(plugin, page, setting, CHIPS)
    if isinstance(found, Reading):
        return found
    shown, _ = await _look(found.element)
    if shown.state is None:
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The chip of {name} tells no state: {why}; not guessing.",
                name=_name(setting),
                why=shown.why,
            ),
            url=page.url,
        )
    said = Sentence(', named "{label}"', label=shown.label) if shown.label else ""
    return Reading(
        setting.id,
        shown.state,
        Sentence(
            'The chip shows "{words}"{said} (found by {proof}).',
            words=shown.words,
            said=said,
            proof=found.proof,
        ),
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
    """Set ``setting`` to ``value`` through its chip's menu, then read it back afresh.

    The chip is clicked, the menu item named exactly as wanted ("Turn off") is chosen,
    and a confirmation the page shows is answered in a known wording. A menu without
    that item, or with it twice, is closed with nothing chosen.
    """
    if value not in (State.ON, State.OFF):
        raise ValueError(f"cannot set a chip to {value}")
    switch = setting.switch
    assert switch is not None
    found = await opening.load_switch(plugin, page, setting, CHIPS)
    if isinstance(found, Reading):
        return found
    shown, _ = await _look(found.element)
    name = _name(setting)
    if shown.state is None:
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The chip of {name} tells no state: {why}. Nothing was clicked.",
                name=name,
                why=shown.why,
            ),
            url=page.url,
        )
    if shown.state is value:
        return Reading(
            setting.id,
            value,
            Sentence(
                '{name} was already {value} (its chip shows "{words}").',
                name=name,
                value=value,
                words=shown.words,
            ),
            url=page.url,
        )
    await popups.mark_open(page)
    await page.evaluate(_MARK_MENUS)
    await found.element.click(timeout=waits.current().control_ms)
    menu = await _menu(page, found.element)
    if isinstance(menu, str):
        await page.keyboard.press("Escape")
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The chip of {name} was clicked but {menu}; nothing was chosen.",
                name=name,
                menu=menu,
            ),
            url=page.url,
        )
    items, elements = menu
    wanted = ITEMS[value]
    index = pick(items, wanted)
    if index is None:
        await page.keyboard.press("Escape")
        offered = ", ".join(f'"{i.name}"' + (f" ({i.hint})" if i.hint else "") for i in items)
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The menu of {name} offers {offered}, not one plain "
                '"{wanted}": nothing was chosen, so nothing was deleted. '
                "Change it by hand.",
                name=name,
                offered=offered or Sentence("nothing"),
                wanted=wanted[0],
            ),
            url=page.url,
        )
    choice = elements[index]
    outcome = await switches.save(
        plugin,
        page,
        lambda: choice.click(timeout=waits.current().control_ms),
        Sentence(
            'Choosing "{item}" in the menu of {name} did not take effect.',
            item=items[index].name,
            name=name,
        ),
        answer=lambda: popups.answer(page, switch, value),
    )
    return await switches.settle(
        plugin, page, setting, value, outcome, reread=reread or _reader(plugin, page)
    )


async def _menu(page: Page, chip: ElementHandle) -> tuple[list[Item], list[ElementHandle]] | str:
    """The items of the menu the chip opened, once shown; or why there is none."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + waits.current().control_ms / 1000
    while True:
        handle = await page.evaluate_handle(_MENUS, {"chip": chip, "items": MENU_ITEMS})
        try:
            count = await (await handle.get_property("count")).json_value()
            words = await (await handle.get_property("words")).json_value()
            if count > 1:
                return Sentence("{n} menus opened at once", n=count)
            if count == 1 and words:
                listed = await handle.get_property("els")
                elements = []
                for i in range(len(words)):
                    element = (await listed.get_property(str(i))).as_element()
                    assert element is not None
                    elements.append(element)
                return [Item.from_page(w) for w in words], elements
        finally:
            await handle.dispose()
        if loop.time() >= deadline:
            return Sentence("no menu opened") if not count else Sentence("its menu shows no items")
        await asyncio.sleep(0.1)


def _reader(plugin: Plugin, page: Page) -> switches.Reader:
    """This module's own read of a setting on ``page``."""
    return lambda setting: read(plugin, page, setting)
