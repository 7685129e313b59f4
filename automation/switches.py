"""The shared code behind every setting that is one switch on one page.

The honesty rule lives here: ``on`` and ``off`` come only from a switch found
exactly once on the setting's own page, reached without a detour to a sign-in
page or a checkpoint. Every other outcome is a state with a detail.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .model import Reading, Setting, State

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page, Response

    from .plugin import Plugin

#: How long to wait for the switch to appear once the page has loaded (ms).
CONTROL_WAIT_MS = 10_000
#: How long to wait for the page's own request that saves a change (ms).
SAVE_WAIT_MS = 10_000


def control(page: Page, setting: Setting) -> Locator:
    """Every element on ``page`` that could be ``setting``'s switch."""
    switch = setting.switch
    if switch is None:
        raise ValueError(f"{setting.id} has no switch to locate")
    if switch.testid:
        return page.locator(f'[data-testid="{_quoted(switch.testid)}"]')
    for attribute, ref in (
        ("aria-labelledby", switch.labelledby),
        ("aria-describedby", switch.describedby),
    ):
        if ref:
            ref = _quoted(ref)
            return page.locator(
                f'input[{attribute}="{ref}"], [role="switch"][{attribute}="{ref}"], '
                f'[role="checkbox"][{attribute}="{ref}"]'
            )
    pattern = "|".join(re.escape(name) for name in switch.names)
    return page.get_by_role(switch.role, name=re.compile(rf"^\s*(?:{pattern})\s*$", re.I))


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def describe(setting: Setting) -> str:
    """How a detail names the control: its label, or every known wording of it."""
    switch = setting.switch
    assert switch is not None
    if len(switch.names) > 1:
        # Wording on record is uncertain: say every label that was looked for.
        wordings = " or ".join(f'"{n}"' for n in switch.names)
        return f"a {switch.role} labelled {wordings} (its {len(switch.names)} known wordings)"
    if switch.names:
        return f'the {switch.role} "{switch.names[0]}"'
    return f'the switch "{switch.testid or switch.labelledby or switch.describedby}"'


async def open_page(plugin: Plugin, page: Page, setting: Setting) -> Reading | None:
    """Load the setting's page; return a reading when it is not the page we asked for."""
    url = plugin.page_url(setting)
    response: Response | None = await page.goto(url, wait_until="domcontentloaded")
    return _not_the_page(plugin, page, setting, response, url)


def _not_the_page(
    plugin: Plugin, page: Page, setting: Setting, response: Response | None, url: str
) -> Reading | None:
    wall = plugin.wall(page.url)
    if wall is not None:
        return Reading(setting.id, State.NEEDS_LOGIN, wall.detail, url=page.url)
    if response is not None and response.status == 404:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            f"{plugin.title} has no such page for this account (HTTP 404); "
            "the setting may not be offered in its region or for its account type.",
            url=page.url,
        )
    if response is not None and response.status >= 400:
        return Reading(
            setting.id,
            State.ERROR,
            f"{plugin.title} answered HTTP {response.status} for the settings page.",
            url=page.url,
        )
    expected = urlsplit(url).path.rstrip("/")
    if not plugin.on_origin(page.url) or urlsplit(page.url).path.rstrip("/") != expected:
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
    problem = _not_the_page(plugin, page, setting, response, url)
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
        found = re.search(per.pattern, urlsplit(href).path)
        if found and found.group("name") not in names:
            names.append(found.group("name"))
    return names


def missing(plugin: Plugin, page: Page, setting: Setting, what: str) -> Reading:
    """What a page that lacks something tells: a wall a page script moved on to, if
    any, else ``unknown`` saying ``what`` is missing."""
    wall = plugin.wall(page.url)
    if wall is not None:
        return Reading(setting.id, State.NEEDS_LOGIN, wall.detail, url=page.url)
    return Reading(
        setting.id,
        State.UNKNOWN,
        f"{what}; {plugin.title} may have changed the page.",
        url=page.url,
    )


async def find_switch(plugin: Plugin, page: Page, setting: Setting) -> Locator | Reading:
    """The one switch for ``setting`` on the loaded page, or a reading saying why not."""
    candidates = control(page, setting)
    try:
        await candidates.first.wait_for(state="attached", timeout=CONTROL_WAIT_MS)
    except Exception as exc:  # Playwright's TimeoutError, or the page went away
        if not is_timeout(exc):
            raise
        return missing(
            plugin, page, setting, f"The page loaded but {describe(setting)} is not on it"
        )
    count = await candidates.count()
    if count != 1:
        return Reading(
            setting.id,
            State.UNKNOWN,
            f"Found {count} controls that could be {describe(setting)}; not guessing which.",
            url=page.url,
        )
    return candidates


async def load_switch(plugin: Plugin, page: Page, setting: Setting) -> Locator | Reading:
    """Load the setting's page afresh and find its one switch, or say why not."""
    problem = await open_page(plugin, page, setting)
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
            return missing(
                plugin,
                page,
                setting,
                f"The page has no {selector} to click on the way to {describe(setting)}",
            )
    return await find_switch(plugin, page, setting)


async def is_on(switch: Locator) -> bool | None:
    """The switch's position: ``aria-checked`` where the page sets it, else ``checked``.

    None for a switch that shows neither on nor off (``aria-checked="mixed"``).
    """
    value = await switch.get_attribute("aria-checked")
    if value is not None:
        return {"true": True, "false": False}.get(value)
    return await switch.is_checked()


async def read(plugin: Plugin, page: Page, setting: Setting) -> Reading:
    """Read one switch from a fresh load of its page."""
    found = await load_switch(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    position = await is_on(found)
    if position is None:
        return Reading(
            setting.id, State.UNKNOWN, "The switch shows neither on nor off.", url=page.url
        )
    state = State.ON if position else State.OFF
    noun = "Checkbox" if setting.switch and setting.switch.role == "checkbox" else "Switch"
    return Reading(setting.id, state, f"{noun} is {state}.", url=page.url)


async def write(plugin: Plugin, page: Page, setting: Setting, value: State) -> Reading:
    """Flip one switch to ``value``, wait for the page to save it, then read it back."""
    if value not in (State.ON, State.OFF):
        raise ValueError(f"cannot set a switch to {value}")
    found = await load_switch(plugin, page, setting)
    if isinstance(found, Reading):
        return found
    if await is_on(found) == (value == State.ON):
        return Reading(setting.id, value, f"Switch was already {value}.", url=page.url)

    refused = await save(
        plugin,
        page,
        lambda: found.set_checked(value == State.ON),
        "The switch did not stay moved when clicked.",
    )
    return await read_back(plugin, page, setting, value, refused)


async def read_back(
    plugin: Plugin, page: Page, setting: Setting, value: State, refused: str | None
) -> Reading:
    """The verdict on a change: a fresh read through ``plugin.read`` decides it.

    ``refused`` is why the change looked not to have been saved (from :func:`save`),
    given as the reason when the fresh read still shows the old value.
    """
    after = await plugin.read(page, setting)
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


async def save(
    plugin: Plugin, page: Page, action: Callable[[], Awaitable[object]], stuck: str
) -> str | None:
    """Do ``action`` (a click that changes a setting) and wait for the page's own save.

    Returns why the change looks not to have been saved, or None; ``stuck`` is that
    reason when the action itself failed before any save was sent. Only the fresh
    read that follows decides the state; this is the reason given when it failed.
    """
    saves: list[Response] = []

    def is_save(response: Response) -> bool:
        return response.request.method in ("POST", "PUT", "PATCH", "DELETE") and plugin.on_origin(
            response.url
        )

    def seen(response: Response) -> None:
        if is_save(response):
            saves.append(response)

    page.on("response", seen)
    try:
        async with page.expect_response(is_save, timeout=SAVE_WAIT_MS):
            await action()
    except Exception as exc:
        if not _is_playwright_error(exc):
            raise
        if not saves:
            if is_timeout(exc):
                return f"{plugin.title} did not save the change within {SAVE_WAIT_MS // 1000} s."
            return stuck
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
