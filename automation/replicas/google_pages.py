"""The Google replica's activity pages: each control's page and words, and the markup
of its cards, chips, menus, confirmations and checkbox rows.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from .server import DECOY, Account

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class GoogleSite(Protocol):
    """What the pages take of the Google replica site (``google.GoogleSite`` is one):
    its lock, and the words and menus it draws."""

    @property
    def lock(self) -> AbstractContextManager[object]: ...

    @property
    def menus(self) -> dict[bool, tuple[tuple[str, str], ...]]: ...

    @property
    def shown(self) -> dict[bool, str]: ...

    @property
    def named(self) -> dict[bool, str]: ...


GEMINI_PATH = "/product/gemini"
WEB_APP_PATH = "/activitycontrols/webandapp"
API = "/api/activity/"
TURN_OFF = "Turn off"
TURN_ON = "Turn on"
DELETE = "Turn off and delete activity"
#: The setting a look-alike chip beside the real one belongs to (``Account.decoys``).
DECOY_NAME = "YouTube History"


@dataclass(frozen=True)
class ChipPage:
    """One activity control's page: its chip, its words and its confirmation."""

    key: str
    path: str
    title: str
    heading: str
    #: How the chip's ``aria-label`` names the setting.
    name: str
    text: str
    #: The button that confirms "Turn off", and the confirmation's title and words.
    confirm: str
    ask: str
    warning: str
    #: The confirmation sits in the page, hidden, before the click (else it is drawn
    #: by the click).
    shipped: bool = False


GEMINI = ChipPage(
    "gemini_activity",
    GEMINI_PATH,
    "Gemini Apps Activity",
    "Keep Activity",
    "Keep Activity",
    "Keeping your activity lets you pick up chats where you left off and helps improve "
    "Google services, including AI models. When this setting is off, Google still keeps "
    "chats for up to 72 hours to respond to you and keep Gemini safe.",
    "Got it",
    "Turning off Keep Activity",
    "Your future chats won't be saved to your Google Account. Chats are still kept for "
    "up to 72 hours.",
)
WEB_APP = ChipPage(
    "web_app_activity",
    WEB_APP_PATH,
    "Web & App Activity",
    "Web & App Activity",
    "Web & App Activity",
    "Saves your activity on Google sites and apps to give you faster searches, better "
    "recommendations and more personalised experiences in Maps, Search and other Google "
    "services.",
    "Pause",
    "Pause Web & App Activity?",
    "Pausing Web & App Activity may limit or disable more personalised experiences "
    "across Google services.",
    shipped=True,
)
PAGES = {p.path: p for p in (GEMINI, WEB_APP)}

#: The settings beside each chip, by key: the label each is drawn with. The Gemini
#: page's audio and Live recordings row is a setting of the plugin's too; its words are
#: those Willow's copy of the page measured, with Google's name for the product's.
NEIGHBOURS = {
    "gemini_audio": "Improve Google services with your audio and Live videos & screenshares.",
    "waa_chrome": (
        "Include Chrome history and activity from sites, apps, and devices that use Google services"
    ),
    "waa_voice": "Include voice and audio activity",
}


class ActivityPages:
    """The markup of a Google replica's activity pages, with the words, menus and locks
    of ``site``."""

    def __init__(self, site: GoogleSite) -> None:
        self.site = site

    def gemini(self, account: Account) -> str:
        audio = self._checkbox_row(account, "gemini_audio")
        day = date.today()
        today = f"{day:%B} {day.day}, {day.year}"
        inside = f"""<p class="since">On since {today}</p>
  <div role="button" tabindex="0" class="setting-row" aria-label="Choose an auto-delete option">
    <span>Choose an auto-delete option</span></div>
  {audio}
  <p><a href="https://support.google.com/gemini/answer/13278892">Learn more</a>
    about these settings</p>"""
        prompts = ("How do tides work?", "Plan a three-day trip to Lisbon")
        rows = "".join(
            f"""<div class="activity-row"><span>Gemini Apps</span>
      <button type="button" class="delete-now" data-delete="item"
        aria-label="Delete activity item {html.escape(p)}">&#x2715;</button>
      <p>Prompted {html.escape(p)}</p><button type="button">Details</button></div>"""
            for p in prompts
        )
        ranges = "".join(
            f'<li role="menuitem" tabindex="-1" data-range="{r}">{r}</li>'
            for r in ("Last hour", "Last day", "All time", "Custom range")
        )
        return f"""<header><strong>Google</strong> <span>My Activity</span></header>
<main><div class="column">
  <h1>{html.escape(GEMINI.title)}</h1>
  {self._cards(account, GEMINI, inside)}
  <div class="privacy"><p>Google protects your privacy and security.</p>
    <button type="button">Manage My Activity verification</button></div>
  <div class="delete-row">
    <button type="button" class="opens" aria-haspopup="menu" aria-expanded="false">Delete
      <svg aria-hidden="true" width="24" height="24"><path d="M7 10l5 5 5-5z"/></svg></button>
    <ul role="menu" class="menu ranges" hidden>{ranges}</ul>
  </div>
  <section class="group"><h2>Today</h2>
    <button type="button" class="delete-now" data-delete="day"
      aria-label="Delete all activity from Today.">&#x2715;</button>
    {rows}
  </section>
  <p role="status" id="status"></p>
</div></main>"""

    def web_app(self, account: Account) -> str:
        boxes = "".join(self._checkbox(account, key) for key in ("waa_chrome", "waa_voice"))
        inside = f"""<div class="subsettings">{boxes}</div>
  <div role="button" tabindex="0" class="setting-row" aria-label="Choose an auto-delete option">
    <span>Choose an auto-delete option</span></div>
  <a href="/myactivity?product=web">Manage all Web &amp; App Activity</a>"""
        return f"""<header><strong>Google</strong> <span>Activity controls</span></header>
<main><div class="column">
  <h1>Activity controls</h1>
  {self._cards(account, WEB_APP, inside)}
  <p role="status" id="status"></p>
</div></main>"""

    def _cards(self, account: Account, found: ChipPage, inside: str) -> str:
        """The setting's card, after a look-alike card for another setting when the
        account asks for one."""
        key = found.key
        notice = ""
        if key in account.not_offered:
            notice = "<p>This setting isn't available for your account.</p>"
        decoy = ""
        if key in account.decoys:
            with self.site.lock:
                other = account.settings.setdefault(key + DECOY, not account.settings[key])
            decoy = f"""<section class="card">
  <h2>{html.escape(DECOY_NAME)}</h2>
  <p>Saves the videos you watch and the things you search for on YouTube.</p>
  {self._chip(account, key + DECOY, DECOY_NAME, other, found)}
</section>"""
        if key in account.not_offered:
            chip = ""
        elif key in account.hidden:
            chip = "<p>This setting is being updated. Check back later.</p>"
        else:
            with self.site.lock:
                value = account.settings[key]
            name = account.labels.get(key, found.name)
            chip = self._chip(account, key, name, value, found)
            if key in account.doubled:
                chip += self._chip(account, key, name, value, found)
        return f"""{decoy}<section class="card">
  <h2>{html.escape(found.heading)}</h2>
  <p>{html.escape(found.text)}</p>
  {notice}{chip}
  {inside}
</section>"""

    def _chip(self, account: Account, key: str, name: str, on: bool, found: ChipPage) -> str:
        """A chip and the menu the page ships beside it, hidden until the chip is clicked.

        The chip itself is drawn by the page's script a moment after loading.
        """
        label = self.site.named[on].format(name=name)
        check = (
            '<svg aria-hidden="true" width="18" height="18"><path d="M18,9l-1.4-1.4L10,'
            '14.2l-2.6-2.6L6,13l4,4L18,9z"/></svg>'
            if on
            else ""
        )
        off = ' disabled aria-disabled="true"' if key in account.disabled else ""
        chip = (
            f'<button type="button" class="chip" aria-haspopup="menu" aria-expanded="false" '
            f'aria-label="{html.escape(label)}"{off}>{check}'
            f'<span class="chip-words">{html.escape(self.site.shown[on])}</span>'
            '<svg aria-hidden="true" width="22" height="22"><path d="M7 10l5 5 5-5H7z"/></svg>'
            "</button>"
        )
        items = []
        for n, (item, hint) in enumerate(self.site.menus[on]):
            if n:
                items.append('<li role="separator"></li>')
            action = "delete" if "delete" in item.lower() else ("on" if not on else "off")
            shown_hint = f'<span class="hint">{html.escape(hint)}</span>' if hint else ""
            items.append(
                f'<li role="menuitem" tabindex="-1" data-action="{action}">'
                f'<span class="item">{html.escape(item)}</span>{shown_hint}</li>'
            )
        strange = account.confirms.get(key.removesuffix(DECOY)) == "strange"
        confirm = self._confirm(found, strange)
        data = {
            "key": key,
            "api": API + key,
            "shown": self.site.shown,
            "named": {str(v).lower(): self.site.named[v].format(name=name) for v in (True, False)},
        }
        return f"""<div class="chip-row" data-chip='{html.escape(json.dumps(data))}'>
  <template class="chip-template">{chip}</template>
  <ul role="menu" class="menu" hidden>{"".join(items)}</ul>
  {confirm if found.shipped else f'<template class="confirm-template">{confirm}</template>'}
</div>"""

    def _confirm(self, found: ChipPage, strange: bool) -> str:
        """The confirmation "Turn off" leads to (or, for an account that asks for one,
        a dialog no plugin knows, whose one way on deletes)."""
        if strange:
            title, words = "Before you go: tell us why", "Tell us why you are turning it off."
            yes = "Delete my history too"
            no = '<button type="button" class="no">Cancel</button>'
        else:
            title, words, yes = found.ask, found.warning, found.confirm
            no = '<button type="button" class="no">Cancel</button>' if found.shipped else ""
        hidden = " hidden" if found.shipped else ""
        return f"""<div role="dialog" aria-modal="true" class="confirm"{hidden}>
  <h2>{html.escape(title)}</h2><p>{html.escape(words)}</p>
  {no}<button type="button" class="yes">{html.escape(yes)}</button>
</div>"""

    def _checkbox_row(self, account: Account, key: str) -> str:
        """A setting drawn as the Gemini page's checkbox row (role="checkbox", named by its
        aria-label and its words), after a look-alike row for another setting, in the
        other position, when the account asks for one."""
        drawn = ""
        if key in account.decoys:
            with self.site.lock:
                other = account.settings.setdefault(key + DECOY, not account.settings[key])
            drawn += _row(key + DECOY, DECOY_ROW, other)
        if key in account.not_offered:
            return drawn + "<p>This setting isn't available for your account.</p>"
        if key in account.hidden:
            return drawn
        with self.site.lock:
            value = account.settings[key]
        label = account.labels.get(key, NEIGHBOURS[key])
        disabled = key in account.disabled
        drawn += _row(key, label, value, disabled=disabled)
        if key in account.doubled:
            drawn += _row(key, label, value, disabled=disabled)
        return drawn

    def _checkbox(self, account: Account, key: str) -> str:
        """A neighbour drawn as a plain checkbox with its label."""
        with self.site.lock:
            value = account.settings[key]
        checked = " checked" if value else ""
        label = html.escape(NEIGHBOURS[key])
        return f"""<div class="subsetting"><input type="checkbox" id="{key}" class="neighbour"
    data-api="{API}{key}"{checked}><label for="{key}">{label}</label></div>"""


#: The words of a look-alike checkbox row: another setting's, one no plugin knows.
DECOY_ROW = "Include activity from your smart home devices."


def _row(key: str, label: str, value: bool, *, disabled: bool = False) -> str:
    """One checkbox row: its words are its name, its position its ``aria-checked``."""
    off = ' aria-disabled="true"' if disabled else ""
    words = html.escape(label)
    return f"""<div role="checkbox" tabindex="0" class="setting-row neighbour"
    aria-checked="{str(value).lower()}" aria-label="{words}" data-api="{API}{key}"{off}>
    <span>{words}</span></div>"""
