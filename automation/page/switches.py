"""The shared code behind every setting that is one switch on one page.

The honesty rule lives here: ``on`` and ``off`` come only from a switch found
exactly once on the setting's own page, reached without a detour to a sign-in
page or a checkpoint. Every other outcome is a state with a detail.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar, overload

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence, either
from automation.page import controls, opening, popups, waits
from automation.page.choosing import role

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page, Response

    from automation.plugin import Plugin

T = TypeVar("T")


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read one switch from a fresh load of its page."""
    found = await opening.load_switch(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    position = found.candidate.position
    if position is None:
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence("The switch shows neither on nor off."),
            url=page.url,
        )
    state = State.ON if position else State.OFF
    if setting.switch and setting.switch.role == "checkbox":
        said = Sentence("Checkbox is {state} (found by {proof}).", state=state, proof=found.proof)
    else:
        said = Sentence("Switch is {state} (found by {proof}).", state=state, proof=found.proof)
    return Reading(setting.id, state, said, url=page.url)


#: Reads a setting again from a fresh load of its page: the page object's own read.
Reader = Callable[[Setting], Awaitable[Reading]]


def _reader(plugin: Plugin, page: Page) -> Reader:
    """This module's own read of a switch on ``page``."""
    return lambda setting: read(plugin, page, setting)


async def write(
    plugin: Plugin, page: Page, setting: Setting, value: State, *, reread: Reader | None = None
) -> Reading:
    """Flip one switch to ``value``, press the page's save button where it has one
    (``Switch.submit``), confirm a dialog it may open, wait for the page to save it,
    then read it back from a fresh load."""
    if value not in (State.ON, State.OFF):
        raise ValueError(f"cannot set a switch to {value}")
    found = await opening.load_switch(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    if found.candidate.position == (value == State.ON):
        return Reading(
            setting.id, value, Sentence("Switch was already {value}.", value=value), url=page.url
        )
    switch = setting.switch
    assert switch is not None

    submits = (switch.submit,) if isinstance(switch.submit, str) else switch.submit or ()

    async def change() -> None:
        await _click(found.element)
        if submits:
            # A page that keeps nothing until its own button is pressed.
            await _press_save(page, found.element, submits)

    stuck = (
        Sentence(
            "The {role} was clicked but its page's one {named} button could not be "
            "pressed, so nothing was saved.",
            role=role(switch.role),
            named=either(submits),
        )
        if submits
        else Sentence("The switch did not stay moved when clicked.")
    )
    await popups.mark_open(page)
    outcome = await save(
        plugin,
        page,
        change,
        stuck,
        answer=lambda: popups.answer(page, switch, value),
    )
    return await settle(
        plugin, page, setting, value, outcome, reread=reread or _reader(plugin, page)
    )


#: The buttons of a control's own form whose whole name is one of ``names`` (a form's
#: Save), as elements.
_FORM_BUTTONS = """
(el, names) => {
  const form = el.form || el.closest('form');
  if (!form) return [];
  const wanted = names.map((n) => n.trim().toLowerCase());
  return Array.from(form.querySelectorAll('button, input[type="submit"]')).filter((b) => {
    const name = (b.getAttribute('aria-label') || b.innerText || b.value || '').trim();
    return wanted.includes(name.toLowerCase());
  });
}
"""


async def _press_save(page: Page, element: ElementHandle, names: tuple[str, ...]) -> None:
    """Press the one button named one of ``names`` that keeps the control's change: in
    the control's own form where it has one, else on the page. A Save drawn disabled
    until something changed is waited for."""
    handle = await element.evaluate_handle(_FORM_BUTTONS, list(names))
    try:
        found = [h for key, h in (await handle.get_properties()).items() if key.isdigit()]
        buttons = [button for h in found if (button := h.as_element()) is not None]
        if len(buttons) == 1:
            await buttons[0].click(timeout=waits.current().control_ms)
            return
    finally:
        await handle.dispose()
    pattern = "|".join(re.escape(name) for name in names)
    await page.get_by_role("button", name=re.compile(f"^(?:{pattern})$", re.I)).click(
        timeout=waits.current().control_ms
    )


async def _click(element: ElementHandle) -> None:
    """Click the control as a person would.

    A control that takes no click itself (a styled switch whose input is hidden, or
    an input a component keeps from the pointer) is clicked where a person clicks: its
    label, else its row. Only where neither is shown does the page's own click do it.
    """
    try:
        await element.click(timeout=waits.current().click_ms)
        return
    except Exception as exc:
        if not opening.is_playwright_error(exc):
            raise
    handle = await element.evaluate_handle(controls.PERSON_TARGET, controls.CANDIDATES)
    target = handle.as_element()
    try:
        if target is not None:
            try:
                await target.click(timeout=waits.current().control_ms)
                return
            except Exception as exc:
                if not opening.is_playwright_error(exc):
                    raise
        await element.evaluate("el => el.click()")
    finally:
        await handle.dispose()


async def settle(
    plugin: Plugin,
    page: Page,
    setting: Setting,
    value: State,
    outcome: str | popups.Refused | None,
    *,
    reread: Reader,
) -> Reading:
    """The verdict on a change, from what :func:`save` said of it: a dialog nobody knew
    (cancelled) is ``unknown`` whatever a fresh load shows; else :func:`read_back`.
    ``reread`` reads the setting again from a fresh load (its page's own read)."""
    if isinstance(outcome, popups.Refused):
        after = await reread(setting)
        shows = (
            Sentence(" A fresh load shows it {state}.", state=after.state)
            if after.state.is_value
            else ""
        )
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence("{detail} Nothing was confirmed.{shows}", detail=outcome.detail, shows=shows),
            url=after.url,
        )
    return await read_back(plugin, page, setting, value, outcome, reread=reread)


async def read_back(
    plugin: Plugin,
    page: Page,
    setting: Setting,
    value: State,
    refused: str | None,
    *,
    reread: Reader,
) -> Reading:
    """The verdict on a change: a fresh read through ``reread`` decides it.

    ``refused`` is why the change looked not to have been saved (from :func:`save`),
    given as the reason when the fresh read still shows the old value.
    """
    after = await reread(setting)
    if after.state == value:
        return Reading(
            setting.id,
            value,
            Sentence(
                "Switched {value}; read back as {value} after reloading the page.", value=value
            ),
            url=after.url,
        )
    if after.state.is_value:
        why = refused or Sentence("{title} did not keep the change.", title=plugin.title)
        return Reading(
            setting.id,
            after.state,
            Sentence(
                "{why} The page still shows the switch {state} after reloading.",
                why=why,
                state=after.state,
            ),
            url=after.url,
        )
    return after


@overload
async def save(
    plugin: Plugin, page: Page, action: Callable[[], Awaitable[object]], stuck: str
) -> str | None: ...


@overload
async def save(
    plugin: Plugin,
    page: Page,
    action: Callable[[], Awaitable[object]],
    stuck: str,
    *,
    answer: Callable[[], Awaitable[popups.Refused | bool]],
) -> str | popups.Refused | None: ...


async def save(
    plugin: Plugin,
    page: Page,
    action: Callable[[], Awaitable[object]],
    stuck: str,
    *,
    answer: Callable[[], Awaitable[popups.Refused | bool]] | None = None,
) -> str | popups.Refused | None:
    """Do ``action`` (a click that changes a setting) and wait for the page's own save.

    Returns why the change looks not to have been saved, or None; ``stuck`` is that
    reason when the action itself failed before any save was sent. Only the fresh
    read that follows decides the state; this is the reason given when it failed.

    ``answer`` is asked, while waiting, to deal with a dialog the click opened: it
    returns True once it confirmed one, False while there is none, or a
    :class:`dialogs.Refused` when it met one it does not know and cancelled it,
    which ends the wait.
    """
    saves: list[Response] = []

    def seen(response: Response) -> None:
        if response.request.method in ("POST", "PUT", "PATCH", "DELETE") and plugin.on_origin(
            response.url
        ):
            saves.append(response)

    loop = asyncio.get_running_loop()
    page.on("response", seen)
    try:
        try:
            await action()
        except Exception as exc:
            if not opening.is_playwright_error(exc):
                raise
            if not saves:
                return stuck
        deadline = loop.time() + waits.current().save_ms / 1000
        while not saves:
            if answer is not None:
                answered = await answer()
                if isinstance(answered, popups.Refused):
                    return answered
            if loop.time() >= deadline:
                seconds = waits.current().save_ms // 1000
                return Sentence(
                    "{title} did not save the change within {seconds} s.",
                    title=plugin.title,
                    seconds=seconds,
                )
            await asyncio.sleep(0.1)
    finally:
        page.remove_listener("response", seen)
    failed = [r for r in saves if not r.ok]
    if failed:
        return Sentence(
            "{title} refused the change (HTTP {status}).",
            title=plugin.title,
            status=failed[0].status,
        )
    return None
