"""Signing in through a platform's own pages: the sign-in form, a verification code.

Filling a plugin's sign-in form (:func:`fill_login_form`) and its verification page
(:func:`fill_code_form`), telling what a page stands for (:func:`recognise`), and the
whole headless sign-in (:func:`sign_in`) the engine runs; proving an account is signed
in is :mod:`automation.accounts.proof`. A plugin only declares the forms and signs.

A password, a username or a verification code goes only into a page of the platform's
own origin (the one the run was configured with) or one of its sign-in origins
(:attr:`Plugin.sign_in_origins`). Right before each field is filled, and before the
form is sent, the page and the frame that holds the field are checked: a sign-in page
that went elsewhere (a redirect, a script that moved it, a form in another site's
frame) gets nothing, and signing in stops with a sentence naming where it went. A
value is put into its own field, never typed on the keyboard: keystrokes go to
whichever frame has the focus, and a frame of another site can take it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from automation.accounts.proof import is_signed_in
from automation.accounts.sessions import canonical_origin
from automation.domain.shown import shown
from automation.domain.walls import Wall
from automation.language import Sentence

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, Locator, Page, Request

    from automation.accounts.secrets import Credentials
    from automation.plugin import Plugin

#: Asks the user for the verification code a platform sent: given the platform's name
#: and what the page said, returns the code, or ``None`` when the user gave up.
AskCode = Callable[[str, str], Awaitable[str | None]]

#: How many codes a person may try before signing in stops.
CODE_TRIES = 3


async def sign_in(
    plugin: Plugin,
    page: Page,
    credentials: Credentials,
    *,
    ask_code: AskCode | None,
    limit: float,
) -> Wall | None:
    """Sign in with ``credentials``, asking for a verification code when one is wanted.

    Each browser step may take ``limit`` seconds; the person typing a code is not
    hurried. Returns ``None`` only when :func:`is_signed_in` confirms it.
    """
    # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancellation.
    async with asyncio.timeout(limit):
        wall = await fill_login_form(plugin, page, credentials)
    tries = 0
    while wall is not None and wall.kind == "code":
        if ask_code is None:
            return Wall(
                "code",
                Sentence(
                    "{title} asks for the verification code it sent you; sign in "
                    "from the checklist or with `privacy-tui login {name}`.",
                    title=plugin.title,
                    name=plugin.name,
                ),
            )
        if tries == CODE_TRIES:
            return Wall(
                "code",
                Sentence(
                    "{title} did not accept {n} codes; not signed in.",
                    title=plugin.title,
                    n=CODE_TRIES,
                ),
            )
        code = await ask_code(plugin.name, wall.detail)
        if not code or not code.strip():
            return Wall(
                "code",
                Sentence(
                    "No verification code was given; not signed in to {title}.",
                    title=plugin.title,
                ),
            )
        tries += 1
        async with asyncio.timeout(limit):
            wall = await fill_code_form(plugin, page, code.strip())
    if wall is not None:
        return wall
    async with asyncio.timeout(limit):
        signed_in = await is_signed_in(plugin, page.context)
    if not signed_in:
        return Wall(
            "login",
            Sentence("{title} did not show a signed-in page after signing in.", title=plugin.title),
        )
    return None


async def fill_login_form(plugin: Plugin, page: Page, credentials: Credentials) -> Wall | None:
    """Fill and submit ``plugin.login_form``; return what is still in the way, if anything.

    Nothing is put into a page or frame outside :func:`secret_origins`.
    """
    form = plugin.login_form
    if form is None:
        return Wall(
            "login",
            Sentence("{title} cannot be signed in to with a password here.", title=plugin.title),
        )
    went = await _open(plugin, page, plugin.url(form.path))
    if went is not None:
        return went
    for selector, value in (
        (form.username, credentials.username),
        (form.password, credentials.password),
    ):
        went = await _put(plugin, page, selector, value)
        if went is not None:
            return went
    went = await _send(plugin, page, form.submit)
    if went is not None:
        return went
    # The form still showing is the surest sign the password was refused, whatever
    # the URL now says.
    password = page.locator(form.password).first
    if await _shown(password):
        # Leave no password typed into a page that stays open.
        await password.evaluate(_PUT, "")
        return Wall(
            "login",
            Sentence("{title} did not accept the username and password.", title=plugin.title),
        )
    return await recognise(plugin, page)


async def fill_code_form(plugin: Plugin, page: Page, code: str) -> Wall | None:
    """Put ``code`` into ``plugin.code_form`` and submit it; return what is still in the way."""
    form = plugin.code_form
    if form is None:
        return Wall("captcha", _person_only(plugin))
    went = await _put(plugin, page, form.field, code, "verification page")
    if went is None:
        went = await _send(plugin, page, form.submit, "verification page")
    if went is not None:
        return went
    if await _shown(page.locator(form.field).first):
        await page.locator(form.field).first.evaluate(_PUT, "")
        return Wall(
            "code",
            Sentence(
                "{title} did not accept that verification code; try again.", title=plugin.title
            ),
        )
    return await recognise(plugin, page)


def secret_origins(plugin: Plugin) -> frozenset[str]:
    """The origins a password or code may be put into: the platform's origin as this
    run has it (its real site, or the replica a config names) and its sign-in origins."""
    return frozenset(canonical_origin(o) for o in (plugin.origin, *plugin.sign_in_origins))


def _elsewhere(plugin: Plugin, url: str) -> bool:
    return canonical_origin(url) not in secret_origins(plugin)


def _went(
    plugin: Plugin, url: str, what: str, how: str = "went to", so: str = "nothing was typed"
) -> Wall:
    split = urlsplit(url)
    where = f"{split.scheme}://{split.netloc}" if split.netloc else url
    return Wall(
        "origin",
        Sentence(
            "Not signed in to {title}: its {what} {how} {where}, not "
            "{title}'s own address, so {so}. Sign in in a browser window instead "
            "(privacy-tui login {name}, or l in the checklist).",
            title=plugin.title,
            what=_WORDS.get(what, what),
            how=_WORDS.get(how, how),
            where=shown(where, 80),
            so=_WORDS.get(so, so),
            name=plugin.name,
        ),
    )


#: The pieces of :func:`_went`'s sentence, as words of it.
_WORDS = {
    "sign-in page": Sentence("sign-in page"),
    "verification page": Sentence("verification page"),
    "went to": Sentence("went to"),
    "sends its form to": Sentence("sends its form to"),
    "shows its form from": Sentence("shows its form from"),
    "nothing was typed": Sentence("nothing was typed"),
    "it was not sent": Sentence("it was not sent"),
}


async def _open(plugin: Plugin, page: Page, url: str) -> Wall | None:
    """Open the sign-in page; a wall when it ended on (or failed on the way to)
    another site's page."""
    from playwright.async_api import Error as PlaywrightError

    asked: list[str] = []

    def seen(request: Request) -> None:
        if request.is_navigation_request() and request.frame == page.main_frame:
            asked.append(request.url)

    page.on("request", seen)
    try:
        await page.goto(url, wait_until="domcontentloaded")
    except PlaywrightError:
        # Stopped on the way (a redirect to a host the browser may not reach).
        elsewhere = [u for u in asked if _elsewhere(plugin, u)]
        if elsewhere:
            return _went(plugin, elsewhere[0], "sign-in page")
        raise
    finally:
        page.remove_listener("request", seen)
    if _elsewhere(plugin, page.url):
        return _went(plugin, page.url, "sign-in page")
    return None


async def _put(
    plugin: Plugin, page: Page, selector: str, value: str, what: str = "sign-in page"
) -> Wall | None:
    """Put ``value`` into the field ``selector`` finds, after checking where it is.

    The field is held by its handle: if its page goes on, the handle dies with it and
    the value goes nowhere.
    """
    from playwright.async_api import Error as PlaywrightError

    locator = page.locator(selector).first
    await locator.wait_for(state="visible")
    handle = await locator.element_handle()
    try:
        went = await _check(plugin, page, handle, what)
        if went is None:
            await handle.evaluate(_PUT, value)
        return went
    except PlaywrightError:
        if _elsewhere(plugin, page.url):
            return _went(plugin, page.url, what)
        raise
    finally:
        await _dispose(handle)


async def _send(
    plugin: Plugin, page: Page, selector: str, what: str = "sign-in page"
) -> Wall | None:
    """Press the form's submit button, after checking where it is, and wait for the
    page that answers."""
    from playwright.async_api import Error as PlaywrightError

    handle = await page.locator(selector).first.element_handle()
    try:
        went = await _check(plugin, page, handle, what)
        if went is not None:
            return went
        # Where the button sends its form (a page's own script may send it elsewhere,
        # but the page is the platform's own by now).
        target = await handle.evaluate(_TARGET)
        if isinstance(target, str) and target and _elsewhere(plugin, target):
            return _went(plugin, target, what, "sends its form to", "it was not sent")
        async with page.expect_navigation(wait_until="domcontentloaded"):
            await handle.click()
        return None
    except PlaywrightError:
        if _elsewhere(plugin, page.url):
            return _went(plugin, page.url, what)
        raise
    finally:
        await _dispose(handle)


async def _check(plugin: Plugin, page: Page, handle: ElementHandle, what: str) -> Wall | None:
    """A wall when the page, or the document that holds ``handle``, is not on one of
    :func:`secret_origins`. The document says its own origin (a page's script cannot
    change what ``window.location`` reports)."""
    if _elsewhere(plugin, page.url):
        return _went(plugin, page.url, what)
    frame = await handle.owner_frame()
    framed = frame is not None and frame != page.main_frame
    if frame is None or _elsewhere(plugin, frame.url):
        return _went(plugin, frame.url if frame else "about:blank", what, "shows its form from")
    own = await handle.evaluate("() => window.location.origin")
    if not isinstance(own, str) or _elsewhere(plugin, own):
        how = "shows its form from" if framed else "went to"
        return _went(plugin, own if isinstance(own, str) else "about:blank", what, how)
    return None


#: Where a submit button sends its form: its own ``formaction``, else its form's action
#: (both resolved to whole addresses); empty for a button outside a form.
_TARGET = """(el) => !el.form ? '' :
  (el.getAttribute('formaction') ? el.formAction : el.form.action)"""

#: Puts a value into a text field the way typing would leave it, without a keystroke.
_PUT = """(el, value) => {
  el.focus();
  const own = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(own.prototype, 'value').set.call(el, value);
  el.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, data: value,
                                            inputType: 'insertText'}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
}"""


async def _dispose(handle: ElementHandle) -> None:
    from playwright.async_api import Error as PlaywrightError

    with contextlib.suppress(PlaywrightError):  # its page is gone already
        await handle.dispose()


async def recognise(plugin: Plugin, page: Page) -> Wall | None:
    """The wall ``page`` shows, telling a code page from a check only a person can pass."""
    wall = plugin.wall(page.url)
    if wall is None or wall.kind != "checkpoint":
        return wall
    if plugin.code_form is not None and await _shown(page.locator(plugin.code_form.field).first):
        return Wall(
            "code",
            Sentence(
                "{title} sent a verification code (by email or text message) and asks for it.",
                title=plugin.title,
            ),
        )
    return Wall("captcha", _person_only(plugin))


def _person_only(plugin: Plugin) -> str:
    return Sentence(
        "{title} shows a check only a person can pass (such as a captcha). "
        "Sign in in a browser window instead (privacy-tui login {name}, or l "
        "in the checklist).",
        title=plugin.title,
        name=plugin.name,
    )


async def _shown(locator: Locator) -> bool:
    return bool(await locator.count()) and await locator.is_visible()
