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

from dataclasses import dataclass
from typing import TYPE_CHECKING

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence
from automation.page import opening, row_choice, switches, waits
from automation.page.controls import normalise
from automation.page.drawing import until_drawn
from automation.page.row_words import (
    COLLECT,
    STATES,
    Choice,
    Proof,
    Row,
    choose,
    mixed,
    near,
    proof,
    sought,
    state_of,
)

# A row's words live in row_words, opening its choice in row_choice; the names a
# reader of rows knows stay part of this module's face.
__all__ = [
    "STATES",
    "Choice",
    "Found",
    "NotFound",
    "Proof",
    "Row",
    "choose",
    "find",
    "load",
    "look",
    "mixed",
    "near",
    "proof",
    "read",
    "sought",
    "state_of",
    "write",
]

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page

    from automation.domain.settings import Switch
    from automation.plugin import Plugin


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


async def look(page: Page, switch: Switch, others: tuple[str, ...] = ()) -> Found | NotFound:
    """One look at the page: the setting's row button, or why it cannot be told."""
    handle = await page.evaluate_handle(
        COLLECT, {"within": switch.within, "row": getattr(switch, "row", None)}
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
    return await until_drawn(
        lambda: look(page, switch, others),
        Found,
        lambda seen: seen.matches > 1 or seen.containers > 1 or bool(seen.other),
        wait_ms,
        lambda seen: seen.others,
    )


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
    return await opening.at_addresses(
        plugin, page, setting, lambda here: _load_at(plugin, page, here)
    )


async def _load_at(
    plugin: Plugin, page: Page, setting: Setting
) -> Found | Reading | opening.Absent:
    switch = setting.switch
    assert switch is not None
    problem = await opening.open_through(plugin, page, setting, switch.opens, sought(switch))
    if problem is not None:
        return problem
    seen = await find(page, switch, waits.current().control_ms, _others(plugin, setting))
    if isinstance(seen, NotFound):
        if seen.containers > 1:
            return opening.many_places(
                setting, page, seen.containers, switch.within, sought(switch)
            )
        if seen.other:
            return Reading(
                setting.id,
                State.UNKNOWN,
                Sentence(
                    'A row that names "{label}" also names "{other}", another '
                    "setting; not guessing whose state its button shows. Nothing was clicked.",
                    # Quoted, the label is the words looked for on the page: the
                    # English ones, in every language the sentence is said in.
                    label=str(setting.label),
                    other=seen.other,
                ),
                url=page.url,
            )
        if seen.matches > 1:
            return opening.many_buttons(setting, page, seen.matches, sought(switch))
        where = Sentence("is there but not shown") if seen.hidden else Sentence("is not on it")
        if seen.near:
            named = ", ".join(f'"{name}"' for name in seen.near)
            where = Sentence(
                "{where} (a button is named {named}, which shows no state it knows)",
                where=where,
                named=named,
            )
        return opening.absent(
            await opening.missing(
                plugin,
                page,
                setting,
                Sentence(
                    "The page loaded but {sought} {where}", sought=sought(switch), where=where
                ),
            )
        )
    if seen.row.disabled:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            Sentence(
                'The row "{label}" is on the page but its button is disabled: '
                "{title} does not let this account change it.",
                label=str(setting.label),
                title=plugin.title,
            ),
            url=page.url,
        )
    return seen


def _no_state(plugin: Plugin, setting: Setting, found: Found, url: str) -> Reading:
    shown = found.row.name.strip() or Sentence("nothing")
    return Reading(
        setting.id,
        State.UNKNOWN,
        Sentence(
            'The row button of "{label}" (found by {how}) shows "{shown}", '
            "which says neither on nor off; {title} may have changed the page. "
            "Nothing was clicked.",
            label=str(setting.label),
            how=found.proof.how,
            shown=shown,
            title=plugin.title,
        ),
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
        Sentence(
            'The row button shows "{shows}": {state} (found by {how}).',
            shows=found.proof.shows,
            state=state,
            how=found.proof.how,
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
        return Reading(
            setting.id,
            value,
            Sentence("The row button already showed {value}.", value=value),
            url=page.url,
        )
    if row_choice.never(found.row.name):
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                'The row button is named "{name}", which privacy-tui never presses.',
                name=found.row.name.strip(),
            ),
            url=page.url,
        )
    await page.evaluate(row_choice.MARK, row_choice.OPENED)
    await switches._click(found.element)
    opened = await row_choice.opened(page)
    if opened is None:
        return await switches.read_back(
            plugin,
            page,
            setting,
            value,
            Sentence("The row button was clicked but opened no menu or dialog."),
            reread=reread or _reader(plugin, page),
        )
    seen = await opened.evaluate(row_choice.DESCRIBE)
    if seen["role"] in ("menu", "listbox"):
        outcome = await row_choice.pick(plugin, page, opened, seen, setting, value)
    else:
        outcome = await row_choice.flip(plugin, page, opened, seen, setting, found.proof, value)
    if isinstance(outcome, Reading):
        return outcome
    return await switches.settle(
        plugin, page, setting, value, outcome, reread=reread or _reader(plugin, page)
    )


def _reader(plugin: Plugin, page: Page) -> switches.Reader:
    """This module's own read of a setting on ``page``."""
    return lambda setting: read(plugin, page, setting)
