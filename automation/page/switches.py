"""The shared code behind every setting that is one switch on one page.

The honesty rule lives here: ``on`` and ``off`` come only from a switch found
exactly once on the setting's own page, reached without a detour to a sign-in
page or a checkpoint. Every other outcome is a state with a detail.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar, overload
from urllib.parse import urljoin, urlsplit

from automation.domain.settings import Reading, Setting, State
from automation.page import account, controls, popups

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Page, Response

    from automation.plugin import Plugin

T = TypeVar("T")

#: How long to wait for the switch to appear once the page has loaded (ms).
CONTROL_WAIT_MS = 10_000
#: How long to wait for the page's own request that saves a change (ms).
SAVE_WAIT_MS = 10_000


def describe(setting: Setting) -> str:
    """How a detail names the control: what would prove it is the setting's."""
    switch = setting.switch
    assert switch is not None
    return controls.sought(switch)


async def open_page(plugin: Plugin, page: Page, setting: Setting) -> Reading | None:
    """Load the setting's page; return a reading when it is not the page we asked for.

    A redirect to another of the page's known addresses (``Switch.fallbacks``) is
    the same page; any other address, or another host, is not.
    """
    opened = await _open(plugin, page, setting)
    return opened.reading if isinstance(opened, Absent) else opened


async def _open(plugin: Plugin, page: Page, setting: Setting) -> Reading | Absent | None:
    """:func:`open_page`, with a missing page (HTTP 404) told apart as :class:`Absent`."""
    url = plugin.page_url(setting)
    if urlsplit(url).fragment and urlsplit(page.url)[:4] == urlsplit(url)[:4]:
        # Going to an address that differs from the page's own only after "#" would
        # not load anything afresh (a page such as Gmail's settings keeps its
        # unsaved state): leave the page first.
        await page.goto("about:blank")
    response: Response | None = await page.goto(url, wait_until="domcontentloaded")
    known = (setting.switch.path, *setting.switch.fallbacks) if setting.switch else ()
    problem = _not_the_page(plugin, page, setting, response, url, known)
    not_found = response is not None and response.status == 404
    if problem is not None and problem.state is State.UNAVAILABLE and not_found:
        return Absent(problem)
    if problem is None:
        # The page is the setting's; whose it is, only the account's own sign says.
        problem = await account.check(plugin, page, setting, CONTROL_WAIT_MS)
    return problem


def _not_the_page(
    plugin: Plugin,
    page: Page,
    setting: Setting,
    response: Response | None,
    url: str,
    known: tuple[str, ...] = (),
) -> Reading | None:
    wall = plugin.wall(page.url)
    if wall is not None:
        return Reading(setting.id, State.NEEDS_LOGIN, wall.detail, url=page.url)
    if response is not None and response.status == 404:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            f"{plugin.title} has no page at {_short(page.url)} for this account (HTTP "
            "404): the page moved, or the setting is not offered in its region or for "
            "its account type.",
            url=page.url,
        )
    if response is not None and response.status >= 400:
        return Reading(
            setting.id,
            State.ERROR,
            f"{plugin.title} answered HTTP {response.status} for the settings page.",
            url=page.url,
        )
    asked, landed = urlsplit(url), urlsplit(page.url)
    paths = {asked.path.rstrip("/")} | {path.rstrip("/") for path in known}
    if (landed.scheme, landed.netloc) != (asked.scheme, asked.netloc) or (
        landed.path.rstrip("/") not in paths
    ):
        return Reading(
            setting.id,
            State.UNKNOWN,
            f"{plugin.title} sent the browser to {_short(page.url)} instead of the "
            "settings page; not guessing the state.",
            url=page.url,
        )
    return None


async def discover(plugin: Plugin, page: Page, setting: Setting) -> list[str] | Reading:
    """The names of the blogs or sites that ``setting`` exists for on this account."""
    per = setting.per
    if per is None:
        raise ValueError(f"{setting.id} is not kept per blog or site")
    url = plugin.url(per.path)
    response = await page.goto(url, wait_until="domcontentloaded")
    problem = _not_the_page(plugin, page, setting, response, url) or await account.check(
        plugin, page, setting, CONTROL_WAIT_MS
    )
    if problem is not None:
        return problem
    links = page.locator(per.link)
    try:
        await links.first.wait_for(state="attached", timeout=CONTROL_WAIT_MS)
    except Exception as exc:
        if not is_timeout(exc):
            raise
        return Reading(
            setting.id,
            State.UNKNOWN,
            f"Found no {per.noun} on {_short(page.url)}; if the account has one, "
            f"{plugin.title} may have changed the page.",
            url=page.url,
        )
    names: list[str] = []
    for href in await links.evaluate_all("els => els.map(e => e.getAttribute('href') || '')"):
        link = urlsplit(urljoin(page.url, href))
        if per.subdomain:
            # The blog's own host, below the platform's: <name>.<origin's host>.
            mine = urlsplit(plugin.origin)
            suffix = "." + mine.netloc
            if link.scheme != mine.scheme or not link.netloc.endswith(suffix):
                continue
            part = link.netloc[: -len(suffix)]
        else:
            part = link.path
        found = re.search(per.pattern, part)
        if found and found.group("name") not in names:
            names.append(found.group("name"))
    return names


#: Words a page uses to say a setting is not offered to this account (region, age,
#: account type), in the languages the plugins know.
NOT_OFFERED = re.compile(
    r"\b(?:not|isn['\u2019]t|aren['\u2019]t) (?:currently |yet )?(?:available|offered|eligible)\b"
    r"|\bunavailable (?:in|for) (?:your|this)\b"
    r"|ご利用いただけません|利用できません",
    re.I,
)


async def missing(plugin: Plugin, page: Page, setting: Setting, what: str) -> Reading:
    """What a page that lacks the control tells, most telling first.

    A wall a page script moved on to, or a sign-in form served at the settings
    address itself, reads ``needs_login``; a page without the plugin's signed-in
    marker reads ``needs_login`` too. A page that says the setting is not offered
    reads ``unavailable``. Anything else is ``unknown``, saying ``what`` is missing.
    """
    wall = plugin.wall(page.url)
    if wall is not None:
        return Reading(setting.id, State.NEEDS_LOGIN, wall.detail, url=page.url)
    if await _shown(page, 'input[type="password"]'):
        return Reading(
            setting.id,
            State.NEEDS_LOGIN,
            f"Not signed in to {plugin.title}: the settings address showed a sign-in form.",
            url=page.url,
        )
    if plugin.signed_in_marker and not await _present(page, plugin.signed_in_marker):
        return Reading(
            setting.id,
            State.NEEDS_LOGIN,
            f"Not signed in to {plugin.title}: the page has none of a signed-in account's marks.",
            url=page.url,
        )
    said = await _page_says(page, NOT_OFFERED)
    if said:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            f'{plugin.title} does not offer this setting to this account; the page says: "{said}"',
            url=page.url,
        )
    return Reading(
        setting.id,
        State.UNKNOWN,
        f"{what}; {plugin.title} may have changed the page.",
        url=page.url,
    )


async def _shown(page: Page, selector: str) -> bool:
    found = page.locator(selector)
    try:
        return bool(await found.count()) and await found.first.is_visible()
    except Exception as exc:
        if _is_playwright_error(exc):
            return False
        raise


async def _present(page: Page, selector: str) -> bool:
    try:
        return bool(await page.locator(selector).count())
    except Exception as exc:
        if _is_playwright_error(exc):
            return False
        raise


async def _page_says(page: Page, pattern: re.Pattern[str]) -> str | None:
    """The sentence of the page's text that matches ``pattern``, shortened; or None."""
    try:
        text = await page.locator("body").inner_text(timeout=2_000)
    except Exception as exc:
        if _is_playwright_error(exc):
            return None
        raise
    for line in text.splitlines():
        if pattern.search(line):
            line = " ".join(line.split())
            return line if len(line) <= 160 else line[:157] + "..."
    return None


@dataclass(frozen=True)
class Absent:
    """The page at one address is missing (HTTP 404) or lacks the setting's control:
    another known address of the page may hold it (``Switch.fallbacks``)."""

    reading: Reading


async def at_addresses(
    plugin: Plugin,
    page: Page,
    setting: Setting,
    look: Callable[[Setting], Awaitable[T | Reading | Absent]],
) -> T | Reading:
    """``look`` at the setting's page at its address, then at each fallback address
    while the page is missing or lacks the control.

    Anything else stops the search: a control found, a sign-in page, a control
    that is disabled, a page saying the setting is not offered, two candidate
    controls. When no address holds the control the reading names each one tried:
    ``unavailable`` when every one was missing, else ``unknown``.
    """
    switch = setting.switch
    assert switch is not None
    addresses = (switch.path, *switch.fallbacks)
    tried: list[tuple[str, Reading]] = []
    for path in addresses:
        here = setting
        if path != switch.path:
            others = tuple(p for p in addresses if p != path)
            here = replace(setting, switch=replace(switch, path=path, fallbacks=others))
        outcome = await look(here)
        if not isinstance(outcome, Absent):
            return outcome
        if any(outcome.reading.url == reading.url for _, reading in tried):
            continue  # redirected to a page already looked at
        tried.append((path, outcome.reading))
    if len(tried) == 1:
        return tried[0][1]
    state = (
        State.UNAVAILABLE if all(r.state is State.UNAVAILABLE for _, r in tried) else State.UNKNOWN
    )
    detail = " ".join(f"At {path}: {reading.detail}" for path, reading in tried)
    return Reading(setting.id, state, detail, url=tried[-1][1].url)


async def find_switch(
    plugin: Plugin, page: Page, setting: Setting, candidates: str = controls.CANDIDATES
) -> controls.Found | Reading | Absent:
    """The one control that proves it is ``setting``'s on the loaded page, or why not.

    A control found but disabled reads ``unavailable``: the platform shows the
    setting and does not let this account change it. A page with no control of
    the setting's, that gives no other reason, is :class:`Absent`. ``candidates``
    (CSS) are what can be such a control (by default, what holds an on/off position).
    """
    switch = setting.switch
    assert switch is not None
    seen = await controls.find(page, switch, CONTROL_WAIT_MS, candidates)
    if isinstance(seen, controls.NotFound):
        if seen.containers > 1:
            return Reading(
                setting.id,
                State.UNKNOWN,
                f"The page has {seen.containers} places matching {switch.within}; "
                f"not guessing which holds {describe(setting)}.",
                url=page.url,
            )
        if seen.matches > 1:
            return Reading(
                setting.id,
                State.UNKNOWN,
                f"Found {seen.matches} controls that could be {describe(setting)}; "
                "not guessing which.",
                url=page.url,
            )
        others = (
            f" (it has {seen.others} other control{'s' if seen.others != 1 else ''}, "
            "none of them this setting's)"
            if seen.others
            else ""
        )
        where = "is there but not shown" if seen.hidden else "is not on it"
        return absent(
            await missing(
                plugin,
                page,
                setting,
                f"The page loaded but {describe(setting)} {where}{others}",
            )
        )
    if seen.candidate.disabled:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            f"The {switch.role} is on the page but disabled: {plugin.title} does not let "
            "this account change it (some settings are locked by age, region or account "
            "type).",
            url=page.url,
        )
    return seen


def absent(reading: Reading) -> Reading | Absent:
    """A reading of a page that lacks the control: :class:`Absent` when it gives no
    other reason (a wall, a "not offered" notice), so another address may be tried."""
    return Absent(reading) if reading.state is State.UNKNOWN else reading


async def load_switch(
    plugin: Plugin, page: Page, setting: Setting, candidates: str = controls.CANDIDATES
) -> controls.Found | Reading:
    """Load the setting's page afresh and find its one control, or say why not,
    trying the page's other known addresses where it is missing or lacks it."""
    return await at_addresses(
        plugin, page, setting, lambda here: _load_at(plugin, page, here, candidates)
    )


async def _load_at(
    plugin: Plugin, page: Page, setting: Setting, candidates: str
) -> controls.Found | Reading | Absent:
    problem = await _open(plugin, page, setting)
    if problem is not None:
        return problem
    assert setting.switch is not None
    for selector in setting.switch.opens:
        step = page.locator(selector)
        try:
            await step.first.click(timeout=CONTROL_WAIT_MS)
        except Exception as exc:
            if not is_timeout(exc):
                raise
            return absent(
                await missing(
                    plugin,
                    page,
                    setting,
                    f"The page has no {selector} to click on the way to {describe(setting)}",
                )
            )
    return await find_switch(plugin, page, setting, candidates)


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read one switch from a fresh load of its page."""
    found = await load_switch(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    position = found.candidate.position
    if position is None:
        return Reading(
            setting.id, State.UNKNOWN, "The switch shows neither on nor off.", url=page.url
        )
    state = State.ON if position else State.OFF
    noun = "Checkbox" if setting.switch and setting.switch.role == "checkbox" else "Switch"
    return Reading(setting.id, state, f"{noun} is {state} (found by {found.proof}).", url=page.url)


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
    found = await load_switch(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    if found.candidate.position == (value == State.ON):
        return Reading(setting.id, value, f"Switch was already {value}.", url=page.url)
    switch = setting.switch
    assert switch is not None

    submits = (switch.submit,) if isinstance(switch.submit, str) else switch.submit or ()

    async def change() -> None:
        await _click(found.element)
        if submits:
            # A page that keeps nothing until its own button is pressed.
            await _press_save(page, found.element, submits)

    named = " or ".join(f'"{name}"' for name in submits)
    stuck = (
        f"The {switch.role} was clicked but its page's one {named} button could not be "
        "pressed, so nothing was saved."
        if submits
        else "The switch did not stay moved when clicked."
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
            await buttons[0].click(timeout=CONTROL_WAIT_MS)
            return
    finally:
        await handle.dispose()
    pattern = "|".join(re.escape(name) for name in names)
    await page.get_by_role("button", name=re.compile(f"^(?:{pattern})$", re.I)).click(
        timeout=CONTROL_WAIT_MS
    )


#: How long a control is given to take a click before what a person clicks is (ms).
CLICK_WAIT_MS = 3_000


async def _click(element: ElementHandle) -> None:
    """Click the control as a person would.

    A control that takes no click itself (a styled switch whose input is hidden, or
    an input a component keeps from the pointer) is clicked where a person clicks: its
    label, else its row. Only where neither is shown does the page's own click do it.
    """
    try:
        await element.click(timeout=CLICK_WAIT_MS)
        return
    except Exception as exc:
        if not _is_playwright_error(exc):
            raise
    handle = await element.evaluate_handle(controls.PERSON_TARGET, controls.CANDIDATES)
    target = handle.as_element()
    try:
        if target is not None:
            try:
                await target.click(timeout=CONTROL_WAIT_MS)
                return
            except Exception as exc:
                if not _is_playwright_error(exc):
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
        shows = f" A fresh load shows it {after.state}." if after.state.is_value else ""
        return Reading(
            setting.id,
            State.UNKNOWN,
            f"{outcome.detail} Nothing was confirmed.{shows}",
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
            f"Switched {value}; read back as {value} after reloading the page.",
            url=after.url,
        )
    if after.state.is_value:
        why = refused or f"{plugin.title} did not keep the change."
        return Reading(
            setting.id,
            after.state,
            f"{why} The page still shows the switch {after.state} after reloading.",
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
            if not _is_playwright_error(exc):
                raise
            if not saves:
                return stuck
        deadline = loop.time() + SAVE_WAIT_MS / 1000
        while not saves:
            if answer is not None:
                answered = await answer()
                if isinstance(answered, popups.Refused):
                    return answered
            if loop.time() >= deadline:
                return f"{plugin.title} did not save the change within {SAVE_WAIT_MS // 1000} s."
            await asyncio.sleep(0.1)
    finally:
        page.remove_listener("response", seen)
    failed = [r for r in saves if not r.ok]
    if failed:
        return f"{plugin.title} refused the change (HTTP {failed[0].status})."
    return None


def _is_playwright_error(exc: BaseException) -> bool:
    from playwright.async_api import Error

    return isinstance(exc, Error)


def is_timeout(exc: BaseException) -> bool:
    """True for Playwright's timeout: the awaited element or response never came."""
    from playwright.async_api import TimeoutError

    return isinstance(exc, TimeoutError)


def _short(url: str) -> str:
    split = urlsplit(url)
    return split.netloc + split.path
