"""A replica of Spotify's Account privacy page.

It follows a crawl of the signed-in page
(sebastianferragut/DSC180A_PrivacyProject@2107142320bc39bcd9c253e6c4c0056d1546dc26:
database/data/extracted_settings_with_urls_and_layers_classified.json, and the
screenshot ``gemini-team/picasso/Spotify/Account privacy_https___www.spotify.com_us_
account_privacy_.png`` at 97172fcb28c627a537df173afdb4d53e14a259d8): at
``/us/account/privacy/`` the heading "Account privacy", "Manage your data", a "Tailored
ads" section whose switch is "Process my personal data for tailored ads", a "Facebook
data" section whose switch is "Process my Facebook data" (both on, as the crawl read
them), then "Download your data" with three checkboxes ("Select Account data" ticked,
"Select Extended streaming history" and "Select Technical log information" not) and a
"Request data" button (test id ``download-step-1-button``, as public automation of the
page presses it: ProgPrak21/DARA-Assistant@a4cfcec437d1619eb36ad992eddd6a6e29690a52:
src/connectors/spotify.ts). The switches' markup is not on record: each is drawn as a
switch beside its words. A press of "Request data" is recorded
(:attr:`SpotifySite.requests`), so tests can show none is made.

``/account/privacy/`` sends the browser to the page under the account's market, ``us``
here. A visitor who is not signed in is sent to the sign-in page; the sign of an account
is the ``sp_dc`` session cookie.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from .server import DECOY, DECOY_LABEL, Account, Request, Response, page
from .switchsite import SwitchSite

PATH = "/us/account/privacy/"
#: The address without a market, which sends the browser to the market's.
BARE_PATH = "/account/privacy/"
API = "/api/account-settings/privacy/"
#: The page's switches, in order: key, section heading, the words before it, the label.
SWITCHES = (
    (
        "tailored_ads",
        "Tailored ads",
        "The toggle below controls the tailored ads you experience on Spotify\u2019s "
        "services, as well as Spotify\u2019s ads targeted to you on other platforms. You "
        "can change this setting at any time.",
        "Process my personal data for tailored ads",
    ),
    (
        "facebook_data",
        "Facebook data",
        "When you opt out of Spotify processing your Facebook data, we will stop "
        "processing any Facebook data shared with Spotify except the personal data that "
        "enables you to sign into Spotify using your Facebook account.",
        "Process my Facebook data",
    ),
)
#: The download's checkboxes: label, ticked.
DOWNLOADS = (
    ("Select Account data", True),
    ("Select Extended streaming history", False),
    ("Select Technical log information", False),
)


class SpotifySite(SwitchSite):
    name = "spotify"
    title = "Spotify"
    session_cookie = "sp_dc"
    login_path = "/login"
    next_param = "continue"
    home_path = "/us/account/overview/"
    defaults = {"tailored_ads": True, "facebook_data": True}

    def __init__(self) -> None:
        super().__init__()
        #: Presses of "Request data", by username.
        self.requests: list[str] = []

    def route(self, request: Request) -> Response | None:
        path = request.path
        if path not in (PATH, PATH.rstrip("/"), BARE_PATH, BARE_PATH.rstrip("/")) and not (
            path.startswith(API) or path == "/api/download"
        ):
            return None
        account = self.signed_in(request)
        if account is None:
            if request.method != "GET":
                return Response.json({"error": "unauthorized"}, 401)
            return Response.redirect(f"{self.login_path}?{self.next_param}={quote(path)}", 302)
        if account.checkpoint:
            return None
        if path == "/api/download":
            with self.lock:
                self.requests.append(account.username)
            return Response.json({"ok": True})
        if path.startswith(API):
            if request.method != "POST":
                return Response(405, "")
            return self.save(account, path[len(API) :], request)
        if request.method != "GET":
            return Response(405, "")
        if path.rstrip("/") == BARE_PATH.rstrip("/"):
            return Response.redirect(PATH, 302)
        keys = {key for key, *_ in SWITCHES}
        if keys & account.moved:
            return Response.redirect(self.home_path, 302)
        if keys & account.broken:
            return Response(500, page("Error | Spotify", "<h1>Something went wrong</h1>"))
        if keys <= account.unavailable:
            return Response(404, page("Page not found | Spotify", "<h1>Page not found</h1>"))
        return Response(200, page("Account privacy | Spotify", self._page(account), SCRIPT))

    def _switch(self, account: Account, key: str, label: str, number: int) -> str:
        """One switch beside its words, or what the page shows in its place."""
        if key in account.not_offered:
            return "<p>This setting isn\u2019t available in your country.</p>"
        if key in account.unavailable:
            return ""
        if key in account.hidden:
            return "<p>This setting is being updated. Check back later.</p>"
        drawn = ""
        if key in account.decoys:
            with self.lock:
                other = account.settings.setdefault(key + DECOY, not account.settings[key])
            drawn += _toggle(key + DECOY, DECOY_LABEL, other, f"s{number}-decoy")
        with self.lock:
            value = account.settings[key]
        words = account.labels.get(key, label)
        disabled = key in account.disabled
        drawn += _toggle(key, words, value, f"s{number}", disabled=disabled)
        if key in account.doubled:
            drawn += _toggle(key, words, value, f"s{number}-copy", disabled=disabled)
        return drawn

    def _page(self, account: Account) -> str:
        sections = "".join(
            f"""<section class="card"><h3>{html.escape(heading)}</h3>
  <p>{html.escape(words)}</p>{self._switch(account, key, label, number)}</section>"""
            for number, (key, heading, words, label) in enumerate(SWITCHES)
        )
        boxes = "".join(
            f"""<div class="download"><input type="checkbox" id="download-{n}"
    {" checked" if ticked else ""}><label for="download-{n}">{html.escape(label)}</label></div>"""
            for n, (label, ticked) in enumerate(DOWNLOADS)
        )
        profile = "" if account.visitor else '<button type="button">Profile</button>'
        return f"""<header><a href="/us/">Spotify</a><a href="/us/premium/">Premium plans</a>
  <a href="https://support.spotify.com/">Support</a>{profile}</header>
<main><div class="column">
  <h1>Account privacy</h1>
  <p>We want to make it easy for you to manage and understand your Account Privacy.</p>
  <h2>Manage your data</h2>
  {sections}
  <h2>Download your data</h2>
  {boxes}
  <button type="button" data-testid="download-step-1-button">Request data</button>
  <p role="status" id="status"></p>
</div></main>"""


def _toggle(key: str, label: str, on: bool, ref: str, *, disabled: bool = False) -> str:
    """A switch beside its words, saving to the page's own address for ``key``."""
    off = " disabled" if disabled else ""
    api = html.escape(API + quote(key))
    return f"""<div class="toggle" data-api="{api}">
  <input type="checkbox" role="switch" aria-labelledby="{ref}-label"
    {" checked" if on else ""}{off}>
  <span id="{ref}-label">{html.escape(label)}</span></div>"""


SCRIPT = """
const status = document.getElementById('status');
document.querySelectorAll('.toggle input').forEach((box) => box.addEventListener('change',
  async () => {
    const want = box.checked;
    const r = await fetch(box.closest('[data-api]').dataset.api, {method: 'POST',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify({value: want})});
    if (!r.ok) { box.checked = !want; status.textContent = 'Something went wrong.'; return; }
    status.textContent = 'Saved.';
  }));
document.querySelector('[data-testid="download-step-1-button"]').addEventListener('click',
  () => fetch('/api/download', {method: 'POST'}));
"""
