"""Google's activity controls: Gemini Apps Activity ("Keep Activity") and Web & App Activity.

Facts from ``shared/platforms.md``, on ``myactivity.google.com``: Web & App Activity
is a Material switch with ``aria-checked`` whose class names are obfuscated, so it
is found by role and label. Gemini Apps Activity is not a switch: "Turn off" opens
a menu offering "Turn off" and "Turn off and delete activity". This plugin always
chooses the plain "Turn off" and never deletes anything; if the menu does not offer
it, nothing is chosen. Gmail's smart features live on another origin
(``mail.google.com``) and are their own platform, ``gmail``.
"""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING, Any

from automation.model import Confidence, Reading, Setting, State, Switch, evidence
from automation.plugin import Plugin

if TYPE_CHECKING:
    from playwright.async_api import ElementHandle, JSHandle, Page

ORIGIN = "https://myactivity.google.com"
SOURCE = "Google Account Help; Gemini Apps Privacy Hub"

# Google signs people in on its own origin for every service. The paths are
# guesses from the addresses its sign-in pages have used.
SIGN_IN_ORIGINS = ("https://accounts.google.com",)
LOGIN_PATHS = ("/ServiceLogin", "/v3/signin/", "/signin/", "/InteractiveLogin")
CHECKPOINT_PATHS = ("/v3/signin/challenge/", "/signin/v2/challenge/", "/signin/challenge/")

GEMINI_PATH = "/product/gemini"
#: How the Gemini page names the setting, newest first.
GEMINI_NAMES = ("Keep Activity", "Gemini Apps Activity")
TURN_OFF = "Turn off"
TURN_ON = "Turn on"

GEMINI_ACTIVITY = Setting(
    key="gemini_activity",
    label="Keep Activity (Gemini Apps Activity)",
    description=(
        "Keeps your Gemini conversations in your Google Account, where they can be "
        "reviewed and used to improve Google's AI. On by default for users 18 and over."
    ),
    manual_steps=(
        "Sign in to your Google Account.",
        f"Open {ORIGIN}{GEMINI_PATH} (My Activity, Gemini Apps).",
        'Next to "Keep Activity", click "Turn off".',
        'In the menu, choose "Turn off" (or "Turn off and delete activity" to delete '
        "past activity as well).",
    ),
    notes=(
        "Offered to users 18 and over. Even when off, Google keeps conversations for up "
        'to 72 hours. privacy-tui always chooses "Turn off", never "Turn off and delete '
        'activity": deleting past activity is left to you.'
    ),
    source=SOURCE,
    # The page has a menu, not a switch: read and written by Google.read/write below.
    switch=Switch(path=GEMINI_PATH, names=GEMINI_NAMES, role="button"),
    evidence=evidence(
        page=(Confidence.CONFIRMED, "Gemini Apps Privacy Hub"),
        control=(
            Confidence.GUESS,
            'inferred: a "Turn off" or "Turn on" button named by its text, and a menu whose '
            'items are named "Turn off" and "Turn off and delete activity" (the choices '
            "are on record, the markup is not)",
        ),
        label=(Confidence.CONFIRMED, "Gemini Apps Privacy Hub"),
    ),
)

WEB_APP_ACTIVITY = Setting(
    key="web_app_activity",
    label="Web & App Activity",
    description=(
        "Saves your searches, activity in Google apps and browsing in Chrome to your "
        "Google Account, where it personalises results and ads. On by default."
    ),
    manual_steps=(
        "Sign in to your Google Account.",
        f"Open {ORIGIN}/activitycontrols/webandapp (Data & privacy, Web & App Activity).",
        'Switch "Web & App Activity" off and confirm.',
    ),
    notes=(
        "There is no switch for AI Overviews in Google Search; they cannot be turned "
        "off from the account."
    ),
    source=SOURCE,
    # A guess: the Material switch's accessible name is the setting's name.
    switch=Switch(path="/activitycontrols/webandapp", names=("Web & App Activity",)),
    evidence=evidence(
        page=(Confidence.CONFIRMED, "Google Account Help"),
        control=(
            Confidence.GUESS,
            "inferred: a switch with aria-checked named by the setting; its class names "
            "are obfuscated and no stable id is on record",
        ),
        label=(Confidence.CONFIRMED, "Google Account Help"),
    ),
)


class Google(Plugin):
    """Google's activity controls on My Activity."""

    name = "google"
    title = "Google"
    default_origin = ORIGIN
    # Google's pages load their scripts from gstatic.com and googleapis.com.
    asset_hosts = ("gstatic.com", "googleapis.com")
    order = 40
    login_paths = LOGIN_PATHS
    checkpoint_paths = CHECKPOINT_PATHS
    sign_in_origins = SIGN_IN_ORIGINS
    # Google signs in over several pages and often asks for a second step.
    login_form = None
    # Gemini activity is a menu, not a control that holds a position: a session is
    # proved by Web & App Activity's own switch.
    session_setting = "web_app_activity"
    settings = (GEMINI_ACTIVITY, WEB_APP_ACTIVITY)

    async def read(self, page: Page, setting: Setting) -> Reading:
        if setting.key != GEMINI_ACTIVITY.key:
            return await super().read(page, setting)
        found = await self._activity_button(page, setting)
        if isinstance(found, Reading):
            return found
        state, _ = found
        offered = TURN_OFF if state is State.ON else TURN_ON
        return Reading(
            setting.id, state, f'Activity is {state}: the page offers "{offered}".', url=page.url
        )

    async def write(self, page: Page, setting: Setting, value: State) -> Reading:
        if setting.key != GEMINI_ACTIVITY.key:
            return await super().write(page, setting, value)
        if value not in (State.ON, State.OFF):
            raise ValueError(f"cannot set activity to {value}")
        found = await self._activity_button(page, setting)
        if isinstance(found, Reading):
            return found
        state, button = found
        from automation import switches

        if state is value:
            return Reading(setting.id, value, f"Activity was already {value}.", url=page.url)
        if value is State.ON:
            refused = await switches.save(self, page, button.click, "Turning on did not start.")
            return await switches.read_back(self, page, setting, value, refused)

        await button.click()
        # Exact: "Turn off and delete activity" must never be the one chosen.
        choice = page.get_by_role("menuitem", name=TURN_OFF, exact=True)
        try:
            await choice.first.wait_for(state="visible", timeout=switches.CONTROL_WAIT_MS)
        except Exception as exc:
            if not switches.is_timeout(exc):
                raise
            return Reading(
                setting.id,
                State.UNKNOWN,
                f'The "{TURN_OFF}" menu did not offer a plain "{TURN_OFF}"; nothing was '
                "chosen, so no activity was deleted. Turn it off by hand.",
                url=page.url,
            )
        if await choice.count() != 1:
            return Reading(
                setting.id,
                State.UNKNOWN,
                f'The menu offered {await choice.count()} "{TURN_OFF}" items; not guessing.',
                url=page.url,
            )
        refused = await switches.save(
            self, page, choice.click, f'Choosing "{TURN_OFF}" did not take effect.'
        )
        return await switches.read_back(self, page, setting, value, refused)

    async def _activity_button(
        self, page: Page, setting: Setting
    ) -> tuple[State, ElementHandle] | Reading:
        """Load the Gemini page afresh; the setting's "Turn off" or "Turn on" button
        tells the state.

        The page offers "Turn off" while activity is kept and "Turn on" while it is
        not (a guess at its markup: buttons named by their text). A button counts as
        the setting's only where the setting's name comes before it in the page's
        order, with no other control between them: a page may hold other activity
        controls with the same words, and one of them must never be read for this.
        """
        from automation import controls, switches

        problem = await switches.open_page(self, page, setting)
        if problem is not None:
            return problem
        names = setting.switch.names if setting.switch else GEMINI_NAMES
        either = page.get_by_role("button", name=re.compile(rf"^\s*(?:{TURN_OFF}|{TURN_ON})\s*$"))
        try:
            await either.first.wait_for(state="visible", timeout=switches.CONTROL_WAIT_MS)
        except Exception as exc:
            if not switches.is_timeout(exc):
                raise
            return await switches.missing(
                self,
                page,
                setting,
                f'The page loaded but offers neither "{TURN_OFF}" nor "{TURN_ON}"',
            )
        handle = await _settled_look(page, names)
        if handle is None:
            return Reading(
                setting.id,
                State.UNKNOWN,
                f"The page kept changing for {switches.CONTROL_WAIT_MS / 1000:g} s; its "
                "buttons are not trusted, so the state is not guessed.",
                url=page.url,
            )
        try:
            buttons = await _json(handle, "buttons")
            words = await _json(handle, "words")
            if len(buttons) != 1:
                seen = f"{words} such button(s)" if words else "no such button"
                return Reading(
                    setting.id,
                    State.UNKNOWN,
                    f'The page has {seen}, and {len(buttons)} right after "{names[0]}" '
                    "with no other control or heading between them; its buttons are not "
                    "trusted, so the state is not guessed.",
                    url=page.url,
                )
            element = (await handle.get_property("elements")).as_element()
            assert element is not None
        finally:
            await handle.dispose()
        state = (
            State.ON
            if controls.normalise(buttons[0]) == controls.normalise(TURN_OFF)
            else State.OFF
        )
        return state, element


async def _json(handle: JSHandle, name: str) -> Any:
    """A property of a page object, as JSON (its own handle let go)."""
    prop = await handle.get_property(name)
    try:
        return await prop.json_value()
    finally:
        await prop.dispose()


async def _settled_look(page: Page, names: tuple[str, ...]) -> JSHandle | None:
    """The page's buttons beside the setting's name, once two looks agree; ``None``
    when the page is still changing when the time for a control is up.

    The page draws its controls after loading, and a neighbour drawn first would
    otherwise stand right after the name: two looks half a second apart must see
    the same names, headings and controls in the same order.
    """
    from automation import switches

    loop = asyncio.get_running_loop()
    deadline = loop.time() + switches.CONTROL_WAIT_MS / 1000
    args = {"names": list(names), "words": [TURN_OFF, TURN_ON]}
    last = None
    while True:
        handle = await page.evaluate_handle(_BESIDE_ITS_NAME, args)
        shape = await _json(handle, "shape")
        if shape == last:
            return handle
        await handle.dispose()
        if loop.time() >= deadline:
            return None
        last = shape
        await asyncio.sleep(0.5)


#: The "Turn off" or "Turn on" buttons that come right after one of the setting's names
#: in the page's order, with no other control and no other heading between them (a
#: heading starts another section), and how many buttons with those words the page
#: shows in all. A name is a text that is one of the setting's names, whole. Only a name
#: before counts: a button at the end of one section is followed by the next one's heading.
_BESIDE_ITS_NAME = """
({names, words}) => {
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim().toLowerCase();
  const wanted = names.map(norm);
  const turns = words.map(norm);
  // Links ("Learn more") are not controls here: only what could be the setting's own.
  const CONTROL = 'button, [role="button"], [role="switch"], [role="checkbox"], '
    + '[role="menuitem"], input, select, textarea';
  const shown = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
  const order = [];
  const walker = document.createTreeWalker(
    document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && parent.closest(CONTROL)) continue;  // inside a control: part of it
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (!shown(node)) continue;
      if (node.matches(CONTROL)) {
        const text = norm(node.getAttribute('aria-label') || node.innerText);
        const isButton = node.matches('button, [role="button"]') && turns.includes(text);
        order.push({el: node, text, turn: isButton});
      } else if (node.matches('h1, h2, h3, h4, h5, h6, [role="heading"]')
                 && !wanted.includes(norm(node.innerText))) {
        order.push({text: '#'});  // another section's heading
      }
    } else if (parent && shown(parent)) {
      // The name whole, in one text or in one element split over several.
      const text = norm(node.textContent);
      if (wanted.includes(text) || (text && wanted.includes(norm(parent.innerText)))) {
        order.push({name: true});
      }
    }
  }
  const buttons = [];
  const elements = [];
  order.forEach((item, i) => {
    if (!item.turn) return;
    const before = order[i - 1];
    if (before && before.name) {
      buttons.push(item.text);
      elements.push(item.el);
    }
  });
  return {buttons, words: order.filter((item) => item.turn).length,
          shape: order.map((item) => (item.name ? '' : item.text)),
          elements: elements.length === 1 ? elements[0] : null};
}
"""
