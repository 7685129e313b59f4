"""The shared code behind every setting drawn as a pair of radio options.

Some pages ask a question and offer two answers, each a radio button with words of
its own: Meta asks "Do you want us to use your activity information from ad partners
to show you ads?" with "Yes, show me ads that are more relevant by using this
information" and "No, don't make my ads more relevant by using this information";
Amazon offers "Show me interest-based ads provided by Amazon" and its opposite, kept
only once the form's own button is pressed.

Such a pair reads ``on`` or ``off`` only from the chosen option's own words: the
option that is checked must begin with one of the setting's wordings for ``on`` or
for ``off`` (:class:`Radios`). Where the page shows no option of either wording, or
two of one, or where the chosen option's words are neither (a third option, a
reworded one), or no option or both are chosen, the reading is ``unknown`` with the
words the page shows. A question on record (``Radios.question``) must stand around
the pair as well: a look-alike pair elsewhere on the page is never taken.

A change clicks the wanted option, then presses the page's own save control where it
has one (``Radios.save``, a selector of an id on record, or ``Switch.submit``, a
button's whole name), answers a confirmation in a known wording, waits for the page's
own request, and counts only once a fresh load reads the new value back. Nothing whose
words hold "delete", "erase" or "remove" is ever pressed.

A plugin asks for this shape with a :class:`Radios` as its setting's switch;
its page object (:class:`~automation.page.shapes.RadioPage`) calls :func:`read` and
:func:`write`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from automation.domain.settings import Radios, Reading, Setting, State
from automation.language import Sentence, either
from automation.page import opening, popups, switches, waits
from automation.page.controls import names_it, normalise
from automation.page.drawing import until_drawn
from automation.page.radio_options import (
    Chosen,
    Option,
    Pair,
    chosen,
    declared,
    meaning,
    pick,
    sought,
)

# What an option's words say lives in radio_options; it is part of this module's face.
__all__ = ["Chosen", "Option", "Pair", "chosen", "meaning", "pick", "sought"]

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from automation.plugin import Plugin


#: Every element that can be a radio option.
OPTIONS = 'input[type="radio"], [role="radio"]'

_COLLECT = """
({within, options}) => {
  const shows = (node) => {
    if (!node || !(node instanceof Element)) return false;
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  };
  const text = (node) => (node ? (node.innerText || node.textContent || '') : '');
  let roots = within ? Array.from(document.querySelectorAll(within)) : [document];
  if (roots.length > 1 && roots.filter(shows).length === 1) roots = roots.filter(shows);
  const els = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll(options)) if (!els.includes(el)) els.push(el);
  }
  const all = Array.from(document.querySelectorAll(options));
  // The words of one option: its aria-label, what its aria-labelledby names, its own
  // <label>; where none, its row: the nearest element around it with words that holds
  // no other option.
  const wordsOf = (el) => {
    const said = [];
    const label = el.getAttribute('aria-label');
    if (label && label.trim()) said.push(label);
    for (const id of (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)) {
      const named = document.getElementById(id);
      if (named) said.push(text(named));
    }
    const labels = Array.from(el.labels || []);
    for (const l of labels) said.push(text(l));
    if (el.getAttribute('role') === 'radio' && !said.length) said.push(text(el));
    let row = null;
    if (!said.some((t) => t.trim())) {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        if (all.some((o) => o !== el && node.contains(o))) break;
        if (text(node).trim()) { row = node; break; }
      }
      if (row) said.push(text(row));
    }
    return {words: said.join('\\n'), shown: shows(el) || labels.some(shows) || shows(row)};
  };
  const infos = els.map((el) => {
    const {words, shown} = wordsOf(el);
    const checked = el.tagName === 'INPUT' ? el.checked
      : el.getAttribute('aria-checked') === 'true';
    const disabled = Boolean(el.disabled) || el.getAttribute('aria-disabled') === 'true'
      || Boolean(el.closest('fieldset[disabled]'));
    return {words, checked, disabled, visible: shown};
  });
  return {infos, els, containers: within ? roots.length : 1};
}
"""

#: What stands around two options: the options in their nearest common element (by
#: their index in the page's list), and the words of the place that question asks in:
#: the nearest fieldset, radio group, dialog, section or main part around both, else the
#: page (a form is no such place: a page may keep each pair in a form of its own).
_AROUND = """
({a, b, els}) => {
  let node = a.parentElement;
  while (node && !node.contains(b)) node = node.parentElement;
  if (!node) return {words: '', inside: []};
  const inside = els.map((el, i) => (node.contains(el) ? i : -1)).filter((i) => i >= 0);
  const place = node.closest(
    'fieldset, [role="radiogroup"], [role="dialog"], dialog, section, main') || document.body;
  return {words: place.innerText || place.textContent || '', inside};
}
"""


@dataclass(frozen=True)
class Found:
    """The setting's pair of options on the loaded page, and the group they stand in."""

    on: ElementHandle
    off: ElementHandle
    state: State | None
    why: str
    said: str
    disabled: bool


async def _look(page: Page, radios: Radios) -> Found | tuple[str, Pair, int]:
    """One look at the page: the pair and its state, or why it cannot be told (with
    what was seen, and how many places match ``within``)."""
    handle = await page.evaluate_handle(_COLLECT, {"within": radios.within, "options": OPTIONS})
    try:
        infos = await (await handle.get_property("infos")).json_value()
        containers = await (await handle.get_property("containers")).json_value()
        options = [Option.from_page(info) for info in infos]
        pair = pick(radios, options)
        if radios.within and containers != 1:
            return ("places", pair, containers)
        if pair.on is None or pair.off is None:
            return ("pair", pair, containers)
        listed = await handle.get_property("els")
        on = (await listed.get_property(str(pair.on))).as_element()
        off = (await listed.get_property(str(pair.off))).as_element()
        assert on is not None and off is not None
        around = await page.evaluate(_AROUND, {"a": on, "b": off, "els": listed})
        if radios.question and not any(names_it(around["words"], q) for q in radios.question):
            return ("question", pair, containers)
        group = [options[i] for i in around["inside"] if options[i].visible]
        seen = chosen(radios, group)
        disabled = options[pair.on].disabled and options[pair.off].disabled
        return Found(on, off, seen.state, seen.why, seen.said, disabled)
    finally:
        await handle.dispose()


async def find(page: Page, radios: Radios, wait_ms: int) -> Found | tuple[str, Pair, int]:
    """Wait up to ``wait_ms`` for the pair to be drawn; a pair found is looked at once
    more a moment later, so a second copy still being drawn is not missed."""
    return await until_drawn(
        lambda: _look(page, radios),
        Found,
        lambda seen: seen[0] != "pair" or seen[1].ons > 1 or seen[1].offs > 1,
        wait_ms,
    )


async def load(plugin: Plugin, page: Page, setting: Setting) -> Found | Reading:
    """Load the setting's page afresh and find its pair, or say why not, trying the
    page's other known addresses where it is missing or lacks the pair."""
    return await opening.at_addresses(
        plugin, page, setting, lambda here: _load_at(plugin, page, here)
    )


async def _load_at(
    plugin: Plugin, page: Page, setting: Setting
) -> Found | Reading | opening.Absent:
    radios = declared(setting)
    if isinstance(radios, Reading):
        return radios
    problem = await opening.open_through(plugin, page, setting, radios.opens, sought(radios))
    if problem is not None:
        return problem
    seen = await find(page, radios, waits.current().control_ms)
    if isinstance(seen, Found):
        if seen.disabled:
            return Reading(
                setting.id,
                State.UNAVAILABLE,
                Sentence(
                    "The options of {label} are on the page but disabled: "
                    "{title} does not let this account change it.",
                    label=setting.label,
                    title=plugin.title,
                ),
                url=page.url,
            )
        return seen
    kind, pair, containers = seen
    if kind == "places":
        return opening.many_places(setting, page, containers, radios.within, sought(radios))
    if kind == "question":
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The page has options worded as {label}'s, but not under the "
                "question {asked}; not guessing whose they are. Nothing was clicked.",
                label=setting.label,
                asked=either(radios.question),
            ),
            url=page.url,
        )
    if pair.ons > 1 or pair.offs > 1:
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "Found {n} options worded alike where {sought} "
                "was sought; not guessing which. Nothing was clicked.",
                n=max(pair.ons, pair.offs),
                sought=sought(radios),
            ),
            url=page.url,
        )
    where = Sentence("is there but not shown") if pair.hidden else Sentence("is not on it")
    if pair.ons or pair.offs:
        where = Sentence("is not whole on it (one option is missing or worded otherwise)")
    return opening.absent(
        await opening.missing(
            plugin,
            page,
            setting,
            Sentence("The page loaded but {sought} {where}", sought=sought(radios), where=where),
        )
    )


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read a radio pair's state from the chosen option's own words on a fresh load."""
    found = await load(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    if found.state is None:
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The options of {label} tell no state: {why}; not guessing.",
                label=setting.label,
                why=found.why,
            ),
            url=page.url,
        )
    return Reading(
        setting.id,
        found.state,
        Sentence('The chosen option says "{said}": {state}.', said=found.said, state=found.state),
        url=page.url,
    )


def _never(words: str) -> bool:
    said = normalise(words)
    return any(word in said for word in popups.NEVER)


_WORDS = "(el) => (el.getAttribute('aria-label') || el.innerText || el.value || '').trim()"


async def _press_save(page: Page, option: ElementHandle, radios: Radios) -> None:
    """Press the page's own control that keeps the choice: the one shown element a
    selector of ``save`` names, else a button of ``submit``'s names. Raises a
    Playwright error when there is none, or when its words say it deletes."""
    from playwright.async_api import Error

    for selector in radios.save:
        found = [
            element
            for element in await page.query_selector_all(selector)
            if await element.is_visible()
        ]
        if len(found) == 1:
            if _never(await found[0].evaluate(_WORDS)):
                raise Error(f"{selector} says it deletes; it is never pressed")
            await found[0].click(timeout=waits.current().control_ms)
            return
    submits = (radios.submit,) if isinstance(radios.submit, str) else radios.submit or ()
    if not submits:
        raise Error("the page shows none of its save controls")
    await switches._press_save(page, option, submits)


async def write(
    plugin: Plugin,
    page: Page,
    setting: Setting,
    value: State,
    *,
    reread: switches.Reader | None = None,
) -> Reading:
    """Choose the option that means ``value``, keep it the page's way, then read it back
    from a fresh load."""
    if value not in (State.ON, State.OFF):
        raise ValueError(f"cannot set a radio pair to {value}")
    found = await load(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    radios = setting.switch
    assert isinstance(radios, Radios)
    if found.state is None:
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "The options of {label} tell no state: {why}. Nothing was clicked.",
                label=setting.label,
                why=found.why,
            ),
            url=page.url,
        )
    if found.state is value:
        return Reading(
            setting.id,
            value,
            Sentence('The chosen option already says "{said}".', said=found.said),
            url=page.url,
        )
    option = found.on if value is State.ON else found.off
    if _never(await option.evaluate(_WORDS)):
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence("The option to choose speaks of deleting; privacy-tui never presses it."),
            url=page.url,
        )
    keeps = bool(radios.save or radios.submit)

    async def change() -> None:
        await switches._click(option)
        if keeps:
            await _press_save(page, option, radios)

    async def answer() -> popups.Refused | bool:
        # A page that reloads to keep the choice leaves no document to ask for a moment.
        try:
            return await popups.answer(page, radios, value)
        except Exception as exc:
            if opening.is_playwright_error(exc):
                return False
            raise

    stuck = (
        Sentence(
            "The option was chosen but the page's control that keeps it could not be "
            "pressed, so nothing was saved."
        )
        if keeps
        else Sentence("The option did not stay chosen when clicked.")
    )
    await popups.mark_open(page)
    outcome = await switches.save(plugin, page, change, stuck, answer=answer)
    return await switches.settle(
        plugin, page, setting, value, outcome, reread=reread or _reader(plugin, page)
    )


def _reader(plugin: Plugin, page: Page) -> switches.Reader:
    """This module's own read of a setting on ``page``."""
    return lambda setting: read(plugin, page, setting)
