"""A replica of Google's activity controls on My Activity.

Both settings are drawn as a chip that shows the state ("On" and a caret) with
``aria-haspopup="menu"`` and an ``aria-label`` naming the setting ("Turn off your Keep
Activity setting"). The chip opens a menu that the page ships in the card, hidden, before
any click: "Turn off" (hint "1 step") and "Turn off and delete activity" (hint "2
steps"). "Turn off" is followed by a confirmation; the delete item by a second step that
deletes the account's activity. Every menu item clicked is recorded (:attr:`GoogleSite.
clicks`), and every deletion (:attr:`GoogleSite.deletions`), so tests can show that
nothing that deletes is ever chosen.

The Gemini page follows ``YashjitPal/Willow@514ce1288a7f7cc54bdc44a3430c513d6e34d82d:
apps/studio/src/settings/tabs/activity/ActivityTab.tsx``, a copy of
``myactivity.google.com/product/gemini`` measured off the live page, and its notes in
``YashjitPal/Willow@eab8874ba698efa28cee5639649e2d8397c6e8ac:apps/studio/AGENTS.md``: the
chip, its menu, "On since", the auto-delete row, the audio and Live recordings checkbox,
the "Delete" menu button and the activity list whose icon buttons delete an item or a
day at once. The Web & App Activity page follows Google's help
(https://support.google.com/websearch/answer/54068: the setting and its "Include Chrome
history ..." and "Include voice and audio activity" boxes) and PCMag's guide (copied at
https://stateofjeffersonrotary.org/meeting/weekly-meeting-mar-26-2026.html?start=7: a
drop-down with "Turn off" and "Turn off and delete activity"). The confirmation's words
("Got it" on the Gemini page, "Pause" on the other) and the menu of a chip that is off
("Turn on") are guesses.

Google signs people in on its own accounts site; a replica has one origin, so its
sign-in pages sit at the accounts site's paths on the replica's own origin.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote

from .server import DECOY, Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

GEMINI_PATH = "/product/gemini"
WEB_APP_PATH = "/activitycontrols/webandapp"
API = "/api/activity/"
TURN_OFF = "Turn off"
TURN_ON = "Turn on"
DELETE = "Turn off and delete activity"
#: The setting a look-alike chip beside the real one belongs to (``Account.decoys``).
DECOY_NAME = "YouTube History"


class GoogleSignIn(SwitchSite):
    """What every Google replica shares: sign-in and verification on the accounts paths.

    The session cookie is Google's ``SID``, one of the names Google's cookie policy
    records (https://policies.google.com/technologies/cookies).
    """

    session_cookie = "SID"
    login_path = "/v3/signin/identifier"
    next_param = "continue"
    checkpoint_path = "/v3/signin/challenge/"


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


class GoogleSite(GoogleSignIn):
    name = "google"
    title = "Google"
    home_path = "/myactivity"
    api_prefix = API
    #: The settings' pages, as a list of what this site serves; each is drawn by
    #: :meth:`route` as a chip, not by :class:`SwitchSite`'s switches.
    pages = tuple(
        SettingsPage(p.key, p.path, p.title, Control(p.name, kind="button"), p.text)
        for p in (GEMINI, WEB_APP)
    )
    defaults = {
        "gemini_activity": True,
        "web_app_activity": True,
        # Audio and Live recordings are off until a person opts in; the Chrome history
        # box is ticked and the voice box is not, as new accounts have them.
        "gemini_audio": False,
        "waa_chrome": True,
        "waa_voice": False,
    }

    def __init__(self) -> None:
        super().__init__()
        #: The items each chip's menu offers, by the chip's state: (name, hint).
        self.menus: dict[bool, tuple[tuple[str, str], ...]] = {
            True: ((TURN_OFF, "1 step"), (DELETE, "2 steps")),
            False: ((TURN_ON, ""),),
        }
        #: The words a chip shows, by its state.
        self.shown: dict[bool, str] = {True: "On", False: "Off"}
        #: A chip's aria-label, by its state; ``{name}`` is the setting's.
        self.named: dict[bool, str] = {
            True: "Turn off your {name} setting",
            False: "Turn on your {name} setting",
        }
        #: Deletions of activity, as (username, what): a setting's key (its menu's
        #: delete item), or "item", "day" and a range for the activity list's buttons.
        self.deletions: list[tuple[str, str]] = []
        #: Every menu item and every button of a confirmation clicked, as (username,
        #: the setting's key, the item's words).
        self.clicks: list[tuple[str, str, str]] = []

    # -- requests -----------------------------------------------------------------------

    def route(self, request: Request) -> Response | None:
        found = PAGES.get(request.path.rstrip("/"))
        if found is None and not request.path.startswith(API):
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            return None  # the usual redirects to sign-in or verification
        if request.path.startswith(API):
            return self._api(account, request)
        assert found is not None
        if request.method != "GET":
            return Response(405, "")
        if found.key in account.moved:
            return Response.redirect(self.home_path, 302)
        if found.key in account.broken:
            return Response(500, page("Error | Google", "<h1>Something went wrong</h1>"))
        if found.key in account.unavailable:
            return Response(404, page("Not found | Google", "<h1>Page not found</h1>"))
        body = self._gemini(account) if found is GEMINI else self._web_app(account)
        return Response(200, page(f"{found.title} | Google", body, SCRIPT))

    def _api(self, account: Account, request: Request) -> Response:
        what = unquote(request.path[len(API) :])
        if what == "clicked" and request.method == "GET":
            with self.lock:
                self.clicks.append(
                    (account.username, request.query.get("key", ""), request.query.get("item", ""))
                )
            return Response.json({})
        if request.method != "POST":
            return Response(405, "")
        data = request.json()
        if what == "delete":
            with self.lock:
                self.deletions.append((account.username, str(data)))
            return Response.json({})
        value = data.get("value") if isinstance(data, dict) else None
        if what not in account.settings or not isinstance(value, bool):
            return Response.json({"error": "bad request"}, 400)
        base = what.removesuffix(DECOY)
        if base in account.failing:
            return Response.json({"error": "server error"}, 500)
        if base in account.unkept:
            return Response.json({"value": value})
        with self.lock:
            account.settings[what] = value
            self.saves.append((account.username, what, value))
            if isinstance(data, dict) and data.get("delete") is True:
                self.deletions.append((account.username, what))
        return Response.json({"value": value})

    # -- pages --------------------------------------------------------------------------

    def _gemini(self, account: Account) -> str:
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

    def _web_app(self, account: Account) -> str:
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
            with self.lock:
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
            with self.lock:
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
        label = self.named[on].format(name=name)
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
            f'<span class="chip-words">{html.escape(self.shown[on])}</span>'
            '<svg aria-hidden="true" width="22" height="22"><path d="M7 10l5 5 5-5H7z"/></svg>'
            "</button>"
        )
        items = []
        for n, (item, hint) in enumerate(self.menus[on]):
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
            "shown": self.shown,
            "named": {str(v).lower(): self.named[v].format(name=name) for v in (True, False)},
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
            with self.lock:
                other = account.settings.setdefault(key + DECOY, not account.settings[key])
            drawn += _row(key + DECOY, DECOY_ROW, other)
        if key in account.not_offered:
            return drawn + "<p>This setting isn't available for your account.</p>"
        if key in account.hidden:
            return drawn
        with self.lock:
            value = account.settings[key]
        label = account.labels.get(key, NEIGHBOURS[key])
        disabled = key in account.disabled
        drawn += _row(key, label, value, disabled=disabled)
        if key in account.doubled:
            drawn += _row(key, label, value, disabled=disabled)
        return drawn

    def _checkbox(self, account: Account, key: str) -> str:
        """A neighbour drawn as a plain checkbox with its label."""
        with self.lock:
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


SCRIPT = """
const status = document.getElementById('status');
const log = (key, item) => fetch('/api/activity/clicked?key=' + encodeURIComponent(key)
  + '&item=' + encodeURIComponent(item));
const post = async (api, body) => {
  const r = await fetch(api, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body)});
  status.textContent = r.ok ? 'Saved.' : "Couldn't save your change. Try again.";
  return r.ok;
};
const closeMenus = () => document.querySelectorAll('[role=menu]').forEach((m) => {
  m.hidden = true;
});
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeMenus(); });
// A confirmation: shown (or drawn) by the click, answered by its own buttons.
const ask = (row) => new Promise((resolve) => {
  let box = row.querySelector('[role=dialog]');
  const drawn = !box;
  if (drawn) {
    box = row.querySelector('.confirm-template').content.firstElementChild.cloneNode(true);
    row.appendChild(box);
  }
  box.hidden = false;
  const done = (answer, words) => {
    log(JSON.parse(row.dataset.chip).key, words);
    if (drawn) box.remove(); else box.hidden = true;
    resolve(answer);
  };
  box.querySelector('.yes').onclick = (e) => done(true, e.target.textContent);
  const no = box.querySelector('.no');
  if (no) no.onclick = (e) => done(false, e.target.textContent);
});
const deleteStep = (row) => new Promise((resolve) => {
  const box = document.createElement('div');
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-modal', 'true');
  box.innerHTML = '<h2>Delete activity</h2><p>Choose what to delete.</p>'
    + '<button type="button" class="no">Cancel</button>'
    + '<button type="button" class="yes">Delete</button>';
  row.appendChild(box);
  box.querySelector('.yes').onclick = () => { box.remove(); resolve(true); };
  box.querySelector('.no').onclick = () => { box.remove(); resolve(false); };
});
const wire = (row) => {
  const data = JSON.parse(row.dataset.chip);
  const chip = row.querySelector('.chip');
  const menu = row.querySelector('[role=menu]');
  const draw = (on) => {
    chip.querySelector('.chip-words').textContent = data.shown[on];
    chip.setAttribute('aria-label', data.named[String(on)]);
  };
  chip.addEventListener('click', () => {
    const open = menu.hidden;
    closeMenus();
    menu.hidden = !open;
    chip.setAttribute('aria-expanded', String(open));
  });
  menu.querySelectorAll('[role=menuitem]').forEach((item) => item.addEventListener('click',
    async () => {
      log(data.key, item.querySelector('.item').textContent);
      menu.hidden = true;
      const action = item.dataset.action;
      if (action === 'on') { if (await post(data.api, {value: true})) draw(true); return; }
      if (action === 'delete') {
        if (await deleteStep(row) && await post(data.api, {value: false, delete: true})) {
          draw(false);
        }
        return;
      }
      if (await ask(row) && await post(data.api, {value: false})) draw(false);
    }));
};
document.querySelectorAll('.ranges [role=menuitem]').forEach((item) => item.addEventListener(
  'click', () => { closeMenus(); post('/api/activity/delete', {range: item.dataset.range}); }));
document.querySelectorAll('.opens').forEach((button) => button.addEventListener('click', () => {
  const menu = button.parentElement.querySelector('[role=menu]');
  const open = menu.hidden;
  closeMenus();
  menu.hidden = !open;
}));
// The activity list's icon buttons delete at once, with no confirmation, as Google's do.
document.querySelectorAll('.delete-now').forEach((b) => b.addEventListener('click', () => post(
  '/api/activity/delete', {what: b.dataset.delete, label: b.getAttribute('aria-label')})));
document.querySelectorAll('.neighbour').forEach((box) => {
  if (box.tagName === 'INPUT') {
    box.addEventListener('change', () => post(box.dataset.api, {value: box.checked}));
  } else {
    box.addEventListener('click', async () => {
      if (box.getAttribute('aria-disabled') === 'true') return;
      const want = box.getAttribute('aria-checked') !== 'true';
      if (await post(box.dataset.api, {value: want})) {
        box.setAttribute('aria-checked', String(want));
      }
    });
  }
});
setTimeout(() => document.querySelectorAll('.chip-row').forEach((row) => {
  const t = row.querySelector('.chip-template');
  if (!t) return;
  row.insertBefore(t.content.cloneNode(true), t);
  t.remove();
  wire(row);
}), 150);
"""
