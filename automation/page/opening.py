"""Opening a setting's page and finding its switch there, or saying why not.

A switch is read only on the setting's own page, reached without a detour to a sign-in
page or a checkpoint; a page that does not offer the setting, or that moved, is told
apart from one that failed to load (see :mod:`automation.page.switches`).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urljoin, urlsplit

from automation.domain.settings import Reading, Setting, State
from automation.language import Sentence
from automation.page import account, controls, waits
from automation.page.absence import is_playwright_error as is_playwright_error
from automation.page.absence import is_timeout as is_timeout
from automation.page.absence import missing as missing
from automation.page.choosing import role

if TYPE_CHECKING:
    from playwright.async_api import Page, Response

    from automation.plugin import Plugin

T = TypeVar("T")


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
    opened = await open_at(plugin, page, setting)
    return opened.reading if isinstance(opened, Absent) else opened


async def open_at(plugin: Plugin, page: Page, setting: Setting) -> Reading | Absent | None:
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
        problem = await account.check(plugin, page, setting, waits.current().control_ms)
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
            Sentence(
                "{title} has no page at {url} for this account (HTTP "
                "404): the page moved, or the setting is not offered in its region or for "
                "its account type.",
                title=plugin.title,
                url=_short(page.url),
            ),
            url=page.url,
        )
    if response is not None and response.status >= 400:
        return Reading(
            setting.id,
            State.ERROR,
            Sentence(
                "{title} answered HTTP {status} for the settings page.",
                title=plugin.title,
                status=response.status,
            ),
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
            Sentence(
                "{title} sent the browser to {url} instead of the "
                "settings page; not guessing the state.",
                title=plugin.title,
                url=_short(page.url),
            ),
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
        plugin, page, setting, waits.current().control_ms
    )
    if problem is not None:
        return problem
    links = page.locator(per.link)
    try:
        await links.first.wait_for(state="attached", timeout=waits.current().control_ms)
    except Exception as exc:
        if not is_timeout(exc):
            raise
        return Reading(
            setting.id,
            State.UNKNOWN,
            Sentence(
                "Found no {noun} on {url}; if the account has one, "
                "{title} may have changed the page.",
                noun=per.noun,
                url=_short(page.url),
                title=plugin.title,
            ),
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
    said = [Sentence("At {path}: {detail}", path=path, detail=r.detail) for path, r in tried]
    detail = said[0]
    for then in said[1:]:
        detail = Sentence("{first} {then}", first=detail, then=then)
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
    seen = await controls.find(page, switch, waits.current().control_ms, candidates)
    if isinstance(seen, controls.NotFound):
        if seen.containers > 1:
            return many_places(setting, page, seen.containers, switch.within, describe(setting))
        if seen.matches > 1:
            return Reading(
                setting.id,
                State.UNKNOWN,
                Sentence(
                    "Found {n} controls that could be {sought}; not guessing which.",
                    n=seen.matches,
                    sought=describe(setting),
                ),
                url=page.url,
            )
        others = (
            Sentence.plural(
                " (it has {n} other control, none of them this setting's)",
                " (it has {n} other controls, none of them this setting's)",
                seen.others,
            )
            if seen.others
            else ""
        )
        where = Sentence("is there but not shown") if seen.hidden else Sentence("is not on it")
        return absent(
            await missing(
                plugin,
                page,
                setting,
                Sentence(
                    "The page loaded but {sought} {where}{others}",
                    sought=describe(setting),
                    where=where,
                    others=others,
                ),
            )
        )
    if seen.candidate.disabled:
        return Reading(
            setting.id,
            State.UNAVAILABLE,
            Sentence(
                "The {role} is on the page but disabled: {title} does not let "
                "this account change it (some settings are locked by age, region or account "
                "type).",
                role=role(switch.role),
                title=plugin.title,
            ),
            url=page.url,
        )
    return seen


def many_places(setting: Setting, page: Page, n: int, within: str | None, sought: str) -> Reading:
    """The page has ``n`` places matching ``within``: not guessing which holds the control."""
    return Reading(
        setting.id,
        State.UNKNOWN,
        Sentence(
            "The page has {n} places matching {within}; not guessing which holds {sought}.",
            n=n,
            within=within,
            sought=sought,
        ),
        url=page.url,
    )


def many_buttons(setting: Setting, page: Page, n: int, sought: str) -> Reading:
    """The page has ``n`` buttons that could be the setting's: none is pressed."""
    return Reading(
        setting.id,
        State.UNKNOWN,
        Sentence(
            "Found {n} buttons that could be {sought}; not guessing which. Nothing was clicked.",
            n=n,
            sought=sought,
        ),
        url=page.url,
    )


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
    assert setting.switch is not None
    problem = await open_through(plugin, page, setting, setting.switch.opens, describe(setting))
    if problem is not None:
        return problem
    return await find_switch(plugin, page, setting, candidates)


async def open_through(
    plugin: Plugin, page: Page, setting: Setting, opens: tuple[str, ...], sought: str
) -> Reading | Absent | None:
    """Load the setting's page afresh (:func:`open_at`) and click each of ``opens`` in
    turn on the way to the control (told as ``sought``); ``None`` once it is open, else
    why not: a step not there is a page that lacks the control."""
    problem = await open_at(plugin, page, setting)
    if problem is not None:
        return problem
    for selector in opens:
        try:
            await page.locator(selector).first.click(timeout=waits.current().control_ms)
        except Exception as exc:
            if not is_timeout(exc):
                raise
            return absent(
                await missing(
                    plugin,
                    page,
                    setting,
                    Sentence(
                        "The page has no {selector} to click on the way to {sought}",
                        selector=selector,
                        sought=sought,
                    ),
                )
            )
    return None


def _short(url: str) -> str:
    split = urlsplit(url)
    return split.netloc + split.path
