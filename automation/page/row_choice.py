"""Opening a row button's choice and making it: the menu or dialog the button opens,
the item that says the state wanted, or the switch in the dialog, and leaving it."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence
from automation.page import controls, opening, popups, switches, waits
from automation.page.controls import names_it, normalise
from automation.page.row_words import Proof, state_of

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from automation.domain.settings import Switch
    from automation.plugin import Plugin

#: The buttons of a dialog that close it once its switch was flipped, most telling first.
DONE = ("Done", "Save", "Confirm", "OK", "Got it", "Close")


#: What a click may open: a menu of choices or a dialog.
OPENED = '[role="menu"], [role="listbox"], [role="dialog"], [role="alertdialog"], dialog[open]'

MARK = """
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

DESCRIBE = """
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


def never(words: str) -> bool:
    said = normalise(words)
    return any(word in said for word in popups.NEVER)


async def opened(page: Page) -> ElementHandle | None:
    """The menu or dialog the click opened (shown since :data:`MARK`), waited for."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + waits.current().control_ms / 1000
    while True:
        handle = await page.evaluate_handle(_NEW, OPENED)
        element = handle.as_element()
        if element is not None:
            return element
        await handle.dispose()
        if loop.time() >= deadline:
            return None
        await asyncio.sleep(0.1)


async def pick(
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
    wanted = [i for i, name in enumerate(items) if state_of(name) is value and not never(name)]
    if len(wanted) != 1:
        await page.keyboard.press("Escape")
        offered = ", ".join(f'"{name}"' for name in items if name) or Sentence("no items")
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The row button opened a menu with {offered}; none says {value} alone, so "
                "nothing was chosen.",
                offered=offered,
                value=value,
            ),
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
        Sentence(
            'The menu item "{item}" could not be chosen, so nothing was saved.',
            item=items[wanted[0]],
        ),
        answer=lambda: popups.answer(page, switch, value),
    )


async def flip(
    plugin: Plugin,
    page: Page,
    dialog: ElementHandle,
    seen: dict[str, Any],
    setting: Setting,
    shown: Proof,
    value: State,
) -> str | popups.Refused | Reading | None:
    """Flip the switch of the dialog the row button opened, then close the dialog with
    its own button; the save's outcome, or a reading when the switch cannot be told."""
    switch = setting.switch
    assert switch is not None
    inner = await _dialog_switch(page, dialog, seen, switch)
    if isinstance(inner, str):
        await _leave(page, dialog, popups.CANCELS)
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence("{detail} Nothing was changed.", detail=inner),
            url=page.url,
        )
    element, position = inner
    if position is None or (State.ON if position else State.OFF) is not shown.state:
        await _leave(page, dialog, popups.CANCELS)
        said = (
            Sentence("neither on nor off")
            if position is None
            else (State.ON if position else State.OFF)
        )
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                'The row button shows "{shows}" but the switch in its dialog is '
                "{said}; not guessing which is right. Nothing was changed.",
                shows=shown.shows,
                said=said,
            ),
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
        Sentence(
            'The switch in the dialog of "{label}" did not move when clicked.',
            label=str(setting.label),  # the words on the page, in English
        ),
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
        return Sentence("The dialog holds {n} switches that could be the setting's.", n=len(found))
    titled = any(names_it(seen["title"], wording) for wording in switch.names)
    if len(others) == 1 and titled:
        return others[0]
    title = seen["title"] or Sentence("a dialog")
    if not others:
        return Sentence('The row button opened "{title}", which holds no switch.', title=title)
    if not titled:
        return Sentence(
            'The row button opened "{title}", whose title does not name the setting.',
            title=title,
        )
    return Sentence(
        'The row button opened "{title}", which holds {n} switches.', title=title, n=len(others)
    )


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
        seen = await dialog.evaluate(DESCRIBE)
    except Exception as exc:
        if opening.is_playwright_error(exc):
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
