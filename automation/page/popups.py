"""Confirmation dialogs that a platform opens when a setting is switched.

Some platforms ask before a change holds ("Turn off?", with "Turn off" and
"Cancel"). A dialog whose button says what was asked for, in a known wording, is
confirmed; any other dialog is cancelled, so nothing is left half-done and nothing
unknown (a "delete my data" button, say) is ever pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from automation.domain.settings import State
from automation.language import Sentence
from automation.page.choosing import role
from automation.page.controls import normalise

if TYPE_CHECKING:
    from playwright.async_api import Page

    from automation.domain.settings import Switch

DIALOGS = '[role="dialog"], [role="alertdialog"], dialog[open]'

#: Button wordings that confirm a change, by the value asked for.
CONFIRMS = {
    State.OFF: ("Turn off", "Yes, turn off", "Confirm", "Yes, confirm", "Disable", "Opt out"),
    State.ON: ("Turn on", "Yes, turn on", "Confirm", "Yes, confirm", "Enable"),
}
#: Button wordings that leave a dialog without changing anything.
CANCELS = ("Cancel", "No", "Not now", "Close", "Keep it on", "Keep it off", "Go back", "Back")
#: Words that no confirmation this code presses may carry.
NEVER = ("delete", "remove", "erase")

#: Marks the dialogs shown now. A dialog kept hidden in the page until a click shows
#: it (a confirmation drawn in advance) is left unmarked, so it is seen once shown.
_MARK = """
(dialogs) => document.querySelectorAll(dialogs).forEach((d) => {
  const box = d.getBoundingClientRect();
  if (box.width > 0 && box.height > 0 && getComputedStyle(d).visibility !== 'hidden') {
    d.__ptuiSeen = true;
  }
})
"""

_NEW = """
(dialogs) => {
  const open = Array.from(document.querySelectorAll(dialogs)).filter((d) => {
    const box = d.getBoundingClientRect();
    return !d.__ptuiSeen && box.width > 0 && box.height > 0
      && getComputedStyle(d).visibility !== 'hidden';
  });
  if (!open.length) return null;
  const dialog = open[open.length - 1];
  dialog.__ptuiSeen = true;
  return dialog;
}
"""

_DESCRIBE = """
(dialog) => {
  const buttons = Array.from(dialog.querySelectorAll('button, [role="button"]'));
  const heading = dialog.querySelector('h1, h2, h3, [role="heading"]');
  const title = dialog.getAttribute('aria-label') || (heading ? heading.innerText : '')
    || (dialog.innerText || '').split('\\n')[0];
  return {
    title: title.trim().slice(0, 120),
    buttons: buttons.map((b) => (b.getAttribute('aria-label') || b.innerText || '').trim()),
  };
}
"""


@dataclass(frozen=True)
class Refused:
    """A dialog this code did not know; it was cancelled."""

    detail: str


async def mark_open(page: Page) -> None:
    """Remember the dialogs already shown (a settings dialog that holds the switch);
    one that sits hidden in the page is not open, and counts as new once shown."""
    await page.evaluate(_MARK, DIALOGS)


def pick(buttons: list[str], wordings: tuple[str, ...]) -> int | None:
    """The index of the one button whose whole name is one of ``wordings``."""
    wanted = {normalise(w) for w in wordings}
    chosen = [
        i
        for i, name in enumerate(buttons)
        if normalise(name) in wanted and not any(w in normalise(name) for w in NEVER)
    ]
    return chosen[0] if len(chosen) == 1 else None


async def answer(page: Page, switch: Switch, value: State) -> Refused | bool:
    """Deal with a dialog opened since :func:`mark_open`: confirm it when one of its
    buttons asks for ``value`` in a known wording, else cancel it.

    Returns False when no new dialog is open, True once one was confirmed, and
    :class:`Refused` when one was cancelled.
    """
    handle = await page.evaluate_handle(_NEW, DIALOGS)
    dialog = handle.as_element()
    if dialog is None:
        await handle.dispose()
        return False
    seen = await dialog.evaluate(_DESCRIBE)
    buttons: list[str] = seen["buttons"]
    title = seen["title"] or Sentence("a dialog")
    elements = await dialog.query_selector_all('button, [role="button"]')
    confirm = pick(buttons, switch.confirms + CONFIRMS[value])
    if confirm is not None:
        await elements[confirm].click()
        return True
    cancel = pick(buttons, CANCELS)
    if cancel is not None:
        await elements[cancel].click()
    else:
        await page.keyboard.press("Escape")
    offered = ", ".join(f'"{b}"' for b in buttons if b) or Sentence("no buttons")
    return Refused(
        Sentence(
            '{role} clicked, then the page asked "{title}" with {offered}: '
            "not a confirmation privacy-tui knows, so it was cancelled.",
            role=role(switch.role, capital=True),
            title=title,
            offered=offered,
        )
    )
