"""The shared code behind a setting drawn as a button that offers the change.

Google's My Ad Center draws personalized ads as one button whose whole name is the
change it offers: "Turn off" while personalized ads are on, "Turn on" while they are
off. Public automation reads the setting so (a button named "Turn off" means on) and
changes it by pressing that button, then the button of the dialog that follows.

Such a button says nothing of which setting it belongs to, so its place must: the
nearest element around it that holds a heading (a card, a section, the page) must have
a heading in one of the setting's known wordings, and hold no other such button. Only
one button on the page may pass; none or two read ``unknown``. The state is read from
the offer alone ("Turn off": on; "Turn on": off); a name that offers anything else
("Turn off and delete", "Pause") is no such button.

A change presses the button, answers the dialog that follows in a known wording
(:mod:`automation.page.popups`: "Turn off", or the setting's ``confirms``), waits for the
page's own request, and counts only once a fresh load reads the new value back.
Nothing whose words hold "delete", "erase" or "remove" is ever pressed.

A plugin asks for this shape with ``Switch(..., shape="offer")``: ``names`` are the
wordings of the heading above the button, ``within`` the one container it sits in
where the page has one; its page object (:class:`~automation.page.shapes.OfferPage`)
calls :func:`read` and :func:`write`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence, either
from automation.page import opening, popups, switches, waits
from automation.page.choosing import inside
from automation.page.controls import names_it, normalise
from automation.page.drawing import until_drawn

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from automation.domain.settings import Switch
    from automation.plugin import Plugin

#: The whole names of a button that offers a change, by the state the offer shows the
#: setting is in: a button that offers to turn it off shows it is on.
OFFERS: dict[State, tuple[str, ...]] = {
    State.ON: ("Turn off",),
    State.OFF: ("Turn on",),
}

_COLLECT = """
({within, offers}) => {
  const shows = (node) => {
    if (!node) return false;
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
  };
  const text = (node) => (node ? (node.innerText || node.textContent || '') : '');
  const norm = (s) => s.replace(/\\s+/g, ' ').trim().toLowerCase();
  let roots = within ? Array.from(document.querySelectorAll(within)) : [document];
  if (roots.length > 1 && roots.filter(shows).length === 1) roots = roots.filter(shows);
  const nameOf = (el) => {
    const label = el.getAttribute('aria-label');
    if (label && label.trim()) return label;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const said = ids.map((id) => text(document.getElementById(id))).join(' ');
    return said.trim() ? said : text(el);
  };
  const BUTTONS = 'button, [role="button"], [role="switch"]';
  const wanted = offers.map(norm);
  const all = Array.from(document.querySelectorAll(BUTTONS))
    .filter((el) => wanted.includes(norm(nameOf(el))));
  const HEADINGS = 'h1, h2, h3, h4, [role="heading"]';
  const els = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll(BUTTONS)) {
      if (!els.includes(el) && wanted.includes(norm(nameOf(el)))) els.push(el);
    }
  }
  const infos = els.map((el) => {
    // Its place: the nearest element around it that holds a heading.
    let place = el.parentElement;
    while (place && place !== document.body && !place.querySelector(HEADINGS)) {
      place = place.parentElement;
    }
    const headings = place ? Array.from(place.querySelectorAll(HEADINGS)).map(text) : [];
    const crowded = place ? all.filter((o) => o !== el && place.contains(o)).length : 0;
    return {
      name: nameOf(el).trim(),
      headings,
      crowded,
      visible: shows(el),
      disabled: Boolean(el.disabled) || el.getAttribute('aria-disabled') === 'true',
    };
  });
  return {infos, els, containers: within ? roots.length : 1};
}
"""


def offered(name: str) -> State | None:
    """The state a button's whole name shows by the change it offers; None for any other."""
    said = normalise(name)
    for state, offers in OFFERS.items():
        if said in {normalise(o) for o in offers}:
            return state
    return None


@dataclass(frozen=True)
class Button:
    """One button on the page whose whole name offers a change."""

    name: str
    #: The headings of its place: the nearest element around it that holds one.
    headings: tuple[str, ...]
    #: How many other such buttons its place holds.
    crowded: int = 0
    visible: bool = True
    disabled: bool = False

    @classmethod
    def from_page(cls, info: dict[str, Any]) -> Button:
        return cls(
            name=info.get("name") or "",
            headings=tuple(h for h in info.get("headings") or () if h.strip()),
            crowded=int(info.get("crowded") or 0),
            visible=bool(info.get("visible")),
            disabled=bool(info.get("disabled")),
        )


def proof(switch: Switch, button: Button) -> str | None:
    """What proves ``button`` is ``switch``'s setting's: a heading of its own place in a
    known wording, with no other such button there. None when nothing does."""
    if offered(button.name) is None or button.crowded:
        return None
    for wording in switch.names:
        if any(names_it(heading, wording) for heading in button.headings):
            return Sentence('the heading "{wording}" above it', wording=wording)
    return None


def choose(switch: Switch, buttons: list[Button]) -> tuple[int | None, int]:
    """The index of the one shown button proved to be ``switch``'s, and how many were."""
    shown = [i for i, b in enumerate(buttons) if b.visible and proof(switch, b) is not None]
    return (shown[0] if len(shown) == 1 else None), len(shown)


def sought(switch: Switch) -> str:
    """What a detail says was looked for."""
    return Sentence(
        "a button named {offers} under the heading {headings}{where}",
        offers=either(o for state in OFFERS for o in OFFERS[state]),
        headings=either(switch.names),
        where=inside(switch.within),
    )


@dataclass(frozen=True)
class Found:
    """The one button that proved it is the setting's."""

    element: ElementHandle
    button: Button
    proof: str


async def _look(page: Page, switch: Switch) -> Found | tuple[int, int, int]:
    """One look: the setting's button, or (matches, other offer buttons, containers)."""
    offers = [o for state in OFFERS for o in OFFERS[state]]
    handle = await page.evaluate_handle(_COLLECT, {"within": switch.within, "offers": offers})
    try:
        infos = await (await handle.get_property("infos")).json_value()
        containers = await (await handle.get_property("containers")).json_value()
        buttons = [Button.from_page(info) for info in infos]
        if switch.within and containers != 1:
            return (0, len(buttons), containers)
        index, matches = choose(switch, buttons)
        if index is None:
            return (matches, len(buttons) - matches, containers)
        element = (await (await handle.get_property("els")).get_property(str(index))).as_element()
        assert element is not None
        found = buttons[index]
        return Found(element, found, proof(switch, found) or "")
    finally:
        await handle.dispose()


async def find(page: Page, switch: Switch, wait_ms: int) -> Found | tuple[int, int, int]:
    """Wait up to ``wait_ms`` for the button to be drawn and prove itself; a match is
    looked at once more a moment later, so a second copy still being drawn is seen."""
    return await until_drawn(
        lambda: _look(page, switch), Found, lambda seen: seen[0] > 1 or seen[2] > 1, wait_ms
    )


async def load(plugin: Plugin, page: Page, setting: Setting) -> Found | Reading:
    """Load the setting's page afresh and find its button, or say why not, trying the
    page's other known addresses where it is missing or lacks the button."""
    return await opening.at_addresses(
        plugin, page, setting, lambda here: _load_at(plugin, page, here)
    )


async def _load_at(
    plugin: Plugin, page: Page, setting: Setting
) -> Found | Reading | opening.Absent:
    problem = await opening.open_at(plugin, page, setting)
    if problem is not None:
        return problem
    switch = setting.switch
    assert switch is not None
    seen = await find(page, switch, waits.current().control_ms)
    if isinstance(seen, Found):
        if seen.button.disabled:
            return Reading(
                setting.id,
                State.UNAVAILABLE,
                Sentence(
                    'The button "{name}" of {label} is on the page but '
                    "disabled: {title} does not let this account change it.",
                    name=seen.button.name,
                    label=setting.label,
                    title=plugin.title,
                ),
                url=page.url,
            )
        return seen
    matches, others, containers = seen
    if containers > 1:
        return opening.many_places(setting, page, containers, switch.within, sought(switch))
    if matches > 1:
        return opening.many_buttons(setting, page, matches, sought(switch))
    besides = (
        Sentence.plural(
            " (it has {n} such button under other headings)",
            " (it has {n} such buttons under other headings)",
            others,
        )
        if others
        else ""
    )
    return opening.absent(
        await opening.missing(
            plugin,
            page,
            setting,
            Sentence(
                "The page loaded but {sought} {where}{others}",
                sought=sought(switch),
                where=Sentence("is not on it"),
                others=besides,
            ),
        )
    )


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read the setting's state from what its button offers, on a fresh load."""
    found = await load(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    state = offered(found.button.name)
    assert state is not None
    return Reading(
        setting.id,
        state,
        Sentence(
            'Its button offers "{name}", so it is {state} (found by {proof}).',
            name=found.button.name,
            state=state,
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
    """Press the button that offers ``value``'s change, answer the dialog that follows,
    then read it back from a fresh load."""
    if value not in (State.ON, State.OFF):
        raise ValueError(f"cannot set an offer button to {value}")
    switch = setting.switch
    assert switch is not None
    found = await load(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    if offered(found.button.name) is value:
        return Reading(
            setting.id,
            value,
            Sentence(
                '{label} was already {value} (its button offers "{name}").',
                label=setting.label,
                value=value,
                name=found.button.name,
            ),
            url=page.url,
        )
    if any(word in normalise(found.button.name) for word in popups.NEVER):
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                'The button is named "{name}", which privacy-tui never presses.',
                name=found.button.name,
            ),
            url=page.url,
        )
    await popups.mark_open(page)
    outcome = await switches.save(
        plugin,
        page,
        lambda: switches._click(found.element),
        Sentence(
            'The button "{name}" could not be pressed, so nothing changed.',
            name=found.button.name,
        ),
        answer=lambda: popups.answer(page, switch, value),
    )
    return await switches.settle(
        plugin, page, setting, value, outcome, reread=reread or _reader(plugin, page)
    )


def _reader(plugin: Plugin, page: Page) -> switches.Reader:
    """This module's own read of a setting on ``page``."""
    return lambda setting: read(plugin, page, setting)
