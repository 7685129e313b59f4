"""A replica of Reddit's privacy settings page, drawn as the real page is on record.

The page and its rows follow a crawl of the signed-in page:
sebastianferragut/DSC180A_PrivacyProject@2107142320bc39bcd9c253e6c4c0056d1546dc26:
database/data/extracted_settings_with_urls_and_layers_classified.json (Reddit, every
setting at ``/settings/privacy``, in that order, with the states it read: "Allow
people to follow you" off, the others on; "Clear history" an action button). Each
switch is Reddit's ``faceplate-switch-input`` web component: the position on the host
(``aria-checked``, read by public scripts such as
https://greasyfork.org/scripts/489037, whose selector also shows the row markup
``li#…-list-item > div > span.flex.items-center.shrink-0 > span >
faceplate-switch-input``), an input drawn inside its open shadow root that takes no
click, the label outside in the row. The row takes the click, as a person gives it.
The ad settings' descriptions are the ones the crawl read under them ("Ads off
Reddit": "Allow Reddit to measure Reddit paid marketing campaigns on other sites and
apps."). The rows stand under the section headings of the crawl's screenshot
(``gemini-team/picasso/Reddit/Privacy_...``): Social interactions, Discoverability,
Advertising (with its note that some settings are not offered to minors), Advanced.
Both ad switches are settings of the plugin; each can be given a look-alike, taken
away or worded otherwise for a test.

``drawn = "inner"`` draws the other known form of the component: the host shows no
position, only the input inside its shadow root does.
"""

from __future__ import annotations

import html
from typing import ClassVar

from .server import DECOY, DECOY_LABEL, Account, Request, Response, page
from .switchsite import SwitchSite

PATH = "/settings/privacy"
#: The rows of the page, in order: key, label, description, kind.
ROWS = (
    (
        "allow_follow",
        "Allow people to follow you",
        "Let people follow you to see your profile posts in their home feed",
        "switch",
    ),
    ("chat_requests", "Who can send you chat requests", "Everyone", "link"),
    ("blocked", "Blocked accounts", "", "link"),
    (
        "list_profile",
        "List your profile on old.reddit.com/users",
        "List your profile on "
        "old.reddit.com/users and allow posts to your profile to appear in r/all",
        "switch",
    ),
    (
        "show_in_search",
        "Show up in search results",
        "Allow search engines like Google to link to your profile in their search results",
        "switch",
    ),
    (
        "personalized_ads",
        "Personalize ads on Reddit based on information and activity from our partners",
        "Allow us to use information from our partners to show you better ads on Reddit",
        "switch",
    ),
    (
        "ads_off_reddit",
        "Ads off Reddit",
        "Allow Reddit to measure Reddit paid marketing campaigns on other sites and apps.",
        "switch",
    ),
    ("third_party_apps", "Third-party app authorizations", "", "link"),
    ("clear_history", "Clear history", "Delete your post views history", "action"),
)
#: The section headings of the page, each before the row it opens.
SECTIONS = {
    "allow_follow": "Social interactions",
    "list_profile": "Discoverability",
    "personalized_ads": "Advertising",
    "third_party_apps": "Advanced",
}
#: The note under the Advertising heading.
MINORS = "Some settings are unavailable to minors. Learn more about age assurance."
#: The rows that are settings of the plugin.
SETTINGS = ("personalized_ads", "ads_off_reddit")
#: The setting the plugin reads, under its 2023 wording (an account may be shown it).
OLD_LABEL = "Improve ads based on your online activity and information from our partners"

SCRIPT = """
class SwitchInput extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({mode: 'open'});
    const on = this.dataset.on === 'true';
    root.innerHTML = '<style>:host{display:inline-block;width:40px;height:24px}'
      + '.track{display:block;width:40px;height:24px;border-radius:12px;background:#ccc}'
      + 'input{position:absolute;opacity:0;pointer-events:none;margin:0}</style>'
      + '<span class="track"><input type="checkbox" role="switch" tabindex="-1"></span>';
    this.input = root.querySelector('input');
    this.set(on);
  }
  get on() { return this.input.checked; }
  set(on) {
    this.input.checked = on;
    if (this.dataset.drawn !== 'inner') {
      this.setAttribute('aria-checked', String(on));
      this.toggleAttribute('checked', on);
    }
  }
}
customElements.define('faceplate-switch-input', SwitchInput);
const status = document.getElementById('status');
setTimeout(() => {
  const list = document.getElementById('rows');
  list.appendChild(document.getElementById('drawn').content.cloneNode(true));
  list.querySelectorAll('li[data-api]').forEach((row) => {
    const sw = row.querySelector('faceplate-switch-input');
    row.addEventListener('click', async () => {
      const want = !sw.on;
      sw.set(want);
      try {
        const r = await fetch(row.dataset.api, {method: 'POST',
          headers: {'Content-Type': 'application/json'}, body: JSON.stringify({value: want})});
        if (!r.ok) throw new Error(String(r.status));
        status.textContent = 'Changes saved';
      } catch (e) {
        sw.set(!want);
        status.textContent = 'Something went wrong. Try again.';
      }
    });
  });
  list.querySelectorAll('button.clear').forEach((button) => button.addEventListener(
    'click', () => fetch('/svc/clear-history', {method: 'POST'})));
}, 150);
"""


class RedditSite(SwitchSite):
    name = "reddit"
    title = "Reddit"
    # Reddit's session cookie (CookieCadger/CookieCadger@8935cb1c1da1f069e97d09966e0ee075e94c7ebf:
    # plugins/reddit.js).
    session_cookie = "reddit_session"
    next_param = "dest"
    api_prefix = "/svc/settings/"
    defaults: ClassVar[dict[str, bool]] = {
        key: key != "allow_follow" for key, _, _, kind in ROWS if kind == "switch"
    }

    def __init__(self) -> None:
        super().__init__()
        #: How the switch component is drawn: "host" or "inner" (see the module).
        self.drawn = "host"
        #: How many times "Clear history" was pressed (it deletes: never by a plugin).
        self.cleared = 0

    def route(self, request: Request) -> Response | None:
        if request.path == "/svc/clear-history" and request.method == "POST":
            if self.signed_in(request) is None:
                return Response.json({"error": "unauthorized"}, 401)
            with self.lock:
                self.cleared += 1
            return Response.json({})
        if request.path.rstrip("/") != PATH or request.method != "GET":
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            return None  # the usual way: to the sign-in page, or the check
        return self.privacy(account)

    def privacy(self, account: Account) -> Response:
        if any(key in account.moved for key in SETTINGS):
            return Response.redirect("/", 302)
        if any(key in account.broken for key in SETTINGS):
            return Response(500, page("Error | Reddit", "<h1>Something went wrong</h1>"))
        rows = ""
        for each, label, description, kind in ROWS:
            if each in SECTIONS:
                rows += f'<li class="section"><h3>{html.escape(SECTIONS[each])}</h3>'
                if each == "personalized_ads":
                    rows += f"<p>{html.escape(MINORS)}</p>"
                rows += "</li>"
            if each in SETTINGS:
                if each in account.decoys:
                    rows += self._row(account, each + DECOY, DECOY_LABEL, "", True)
                if each in account.not_offered or each in account.unavailable:
                    continue
                if each in account.hidden:
                    continue  # the row is gone (the page changed)
                label = account.labels.get(each, label)
            rows += self._row(account, each, label, description, kind == "switch", kind)
        notice = (
            "<p>This setting isn't available in your region.</p>"
            if any(key in account.not_offered for key in SETTINGS)
            else ""
        )
        body = f"""{self.header}<main><section>
<h1>Account settings</h1>
<nav aria-label="Settings"><a href="/settings/account">Account</a>
<a href="/settings/profile">Profile</a><a aria-current="page" href="{PATH}">Privacy</a>
<a href="/settings/preferences">Preferences</a></nav>
<h2>Privacy</h2>{notice}
<ul id="rows" class="rows"></ul>
<p role="status" id="status"></p>
</section></main>
<template id="drawn">{rows}</template>"""
        return Response(200, page("Reddit - Settings", body, SCRIPT))

    def _row(
        self,
        account: Account,
        key: str,
        label: str,
        description: str,
        switch: bool,
        kind: str = "switch",
    ) -> str:
        slug = key.replace("_", "-").replace("~", "")
        words = f'<span class="label">{html.escape(label)}</span>'
        if description:
            words += f'<span class="description">{html.escape(description)}</span>'
        text = f'<span class="flex text" style="display:flex;flex-direction:column">{words}</span>'
        if kind == "link":
            return f'<li id="{slug}-list-item"><a href="/settings/{slug}">{text}</a></li>'
        if kind == "action":
            return (
                f'<li id="{slug}-list-item"><div>{text}'
                f'<button type="button" class="clear">{html.escape(label)}</button></div></li>'
            )
        with self.lock:
            if key.endswith(DECOY):
                # A look-alike for another setting, in the other position.
                twin = account.settings.get(key[: -len(DECOY)], True)
                account.settings.setdefault(key, not twin)
            value = account.settings.get(key)
        api = html.escape(self.api_prefix + key)
        return (
            f'<li id="{slug}-list-item" data-api="{api}" style="cursor:pointer">'
            f'<div style="display:flex;justify-content:space-between">{text}'
            '<span class="flex items-center shrink-0"><span>'
            f'<faceplate-switch-input name="{slug}" data-drawn="{self.drawn}" '
            f'data-on="{"true" if value else "false"}"></faceplate-switch-input>'
            "</span></span></div></li>"
        )

    def save(self, account: Account, key: str, request: Request) -> Response:
        if key.endswith(DECOY):
            data = request.json()
            with self.lock:
                account.settings[key] = bool(isinstance(data, dict) and data.get("value"))
                self.saves.append((account.username, key, account.settings[key]))
            return Response.json({"value": account.settings[key]})
        return super().save(account, key, request)
