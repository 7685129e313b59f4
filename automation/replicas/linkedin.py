"""A replica of the LinkedIn pages the plugin visits, as ``shared/platforms.md`` records them.

Modelled: the sign-in form at ``/login`` (``#username``, ``#password``, a submit
button), the redirect of signed-out visitors to it, the join wall at ``/authwall``,
the security checks under ``/checkpoint/`` (:mod:`.linkedin_checkpoint`), and settings
pages at their real paths with their real headings and labels. The known switches carry
``role="switch"`` and their recorded ``aria-labelledby``. The page draws the switch
with a script a moment after loading, as LinkedIn's own pages do, and saves a change
with its own request; a failed save puts the switch back.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from urllib.parse import quote

from . import linkedin_checkpoint
from .server import Account, Request, Response, Site, page

PREFIX = "/mypreferences/d/settings/"
API = "/mypreferences/api/settings/"


@dataclass(frozen=True)
class SettingsPage:
    key: str
    slug: str
    heading: str
    question: str
    label: str
    labelledby: str


PAGES = (
    SettingsPage(
        "ai_training",
        "data-for-ai-improvement",
        "Data for Generative AI Improvement",
        "Can LinkedIn use your personal data and content you create on LinkedIn to train "
        "generative AI models that create content?",
        "Use my data for training content creation AI models",
        # No public record of this id; the plugin finds this switch by its label.
        "ai-improvement-switch-label",
    ),
    SettingsPage(
        "research",
        "policy-and-academic-research",
        "Social, economic and workplace research",
        "Can LinkedIn share your data with trusted partners for social, economic and "
        "workplace research?",
        "Sharing your data for social, economic and workplace research",
        "allowAnonymizedDataResearch",
    ),
    SettingsPage(
        "ads_beyond_linkedin",
        "ads-beyond-linkedin",
        "Ads beyond LinkedIn",
        "Can LinkedIn show you ads on other apps and websites?",
        "Ads beyond LinkedIn",
        "allowLinkedInAudienceNetwork",
    ),
    SettingsPage(
        "ads_third_party_data",
        "ads-interactions-with-business",
        "Interactions with businesses",
        "Can LinkedIn use data that businesses share with us about you for ads?",
        "Data from interactions with businesses",
        "allowUseOfThirdPartyData",
    ),
    SettingsPage(
        "ads_conversion_tracking",
        "ads-related-actions",
        "Ad-related actions",
        "Can LinkedIn share with advertisers the actions you take after seeing their ads?",
        "Ad-related actions",
        "allowConversionTrackings",
    ),
    SettingsPage(
        "ads_inferred_location",
        "ads-inferred-location",
        "Inferred city location",
        "Can LinkedIn use the city it infers from your IP address to show you ads?",
        "Inferred city location",
        "allowIpToPersonalizeAds",
    ),
)
BY_SLUG = {p.slug: p for p in PAGES}
BY_KEY = {p.key: p for p in PAGES}

HEADER = (
    '<header><strong>in</strong><a href="/feed/">Home</a>'
    '<button type="button" aria-label="Me">Me</button></header>'
)


class LinkedInSite(Site):
    name = "linkedin"
    title = "LinkedIn"
    session_cookie = "li_at"
    defaults = {p.key: True for p in PAGES}

    def handle(self, request: Request) -> Response:
        path = request.path
        if path == "/login":
            return self._login(request)
        if path == "/authwall":
            return Response(
                200, page("LinkedIn", '<h1>Join LinkedIn</h1><a href="/login">Sign in</a>')
            )
        account = self.signed_in(request)
        if path.startswith("/checkpoint/"):
            return linkedin_checkpoint.handle(self, request)
        if account is None:
            if request.method == "POST":
                return Response.json({"status": 401}, 401)
            return Response.redirect(f"/login?session_redirect={quote(path)}", 302)
        if account.checkpoint:
            return Response.redirect("/checkpoint/challenge/verify", 302)
        if path in ("/", "/feed", "/feed/"):
            return Response(200, page("Feed | LinkedIn", HEADER + "<main><h1>Home</h1></main>"))
        if path.startswith(PREFIX) and request.method == "GET":
            return self._settings_page(account, path[len(PREFIX) :].rstrip("/"))
        if path.startswith(API) and request.method == "POST":
            return self._save(account, path[len(API) :], request)
        return Response(404, page("Page not found | LinkedIn", "<h1>This page doesn't exist</h1>"))

    def _login(self, request: Request) -> Response:
        target = request.query.get("session_redirect", "/feed/")
        if request.method == "POST":
            form = request.form()
            target = form.get("session_redirect", "/feed/")
            with self.lock:
                account = self.accounts.get(form.get("session_key", ""))
            if account is not None and form.get("session_password") == account.password:
                with self.lock:
                    self.sign_ins.append(account.username)
                if not target.startswith("/") or target.startswith("//"):
                    target = "/feed/"
                if account.verification_code is not None or account.captcha:
                    challenge = self.start_challenge(account.username, target)
                    return Response.redirect(linkedin_checkpoint.PREFIX + challenge)
                token = self.start_session(account.username)
                if account.checkpoint:
                    target = "/checkpoint/challenge/verify"
                response = Response.redirect(target)
                response.headers.append(self.session_cookie_header(token))
                return response
            error = '<p class="error" role="alert">Wrong email or password. Try again.</p>'
        else:
            error = ""
        body = f"""
<main><section><h1>Sign in</h1>{error}
<form method="post" action="/login">
  <input type="hidden" name="session_redirect" value="{html.escape(target)}">
  <label for="username">Email or phone</label>
  <input id="username" name="session_key" type="text" autocomplete="username">
  <label for="password">Password</label>
  <input id="password" name="session_password" type="password" autocomplete="current-password">
  <button type="submit">Sign in</button>
</form></section></main>"""
        return Response(200, page("LinkedIn Login, Sign in | LinkedIn", body))

    def _settings_page(self, account: Account, slug: str) -> Response:
        found = BY_SLUG.get(slug)
        if found is None or found.key in account.unavailable:
            return Response(
                404, page("Page not found | LinkedIn", "<h1>This page doesn't exist</h1>")
            )
        with self.lock:
            value = account.settings[found.key]
        if found.key in account.hidden:
            control = "<p>This setting is being updated. Check back later.</p>"
        else:
            control = _SWITCH.format(
                label_id=html.escape(found.labelledby),
                label=html.escape(found.label),
                checked="checked" if value else "",
                state="On" if value else "Off",
            )
            if found.key in account.doubled:
                control += control.replace('id="', 'id="copy-')
        body = f"""{HEADER}
<main>
<nav class="side" aria-label="Settings">
  <h2>Settings</h2>
  <a href="{PREFIX}data-for-ai-improvement">Data privacy</a>
  <a href="{PREFIX}ads-beyond-linkedin">Advertising data</a>
</nav>
<section>
  <a href="{PREFIX}data-for-ai-improvement">Back</a>
  <h1>{html.escape(found.heading)}</h1>
  <p>{html.escape(found.question)}</p>
  <div id="setting"></div>
  <p role="status" id="status"></p>
</section>
</main>
<template id="control">{control}</template>"""
        script = _SCRIPT.replace("__API__", json.dumps(API + found.key))
        return Response(200, page(f"{found.heading} | LinkedIn", body, script))

    def _save(self, account: Account, key: str, request: Request) -> Response:
        data = request.json()
        if (
            key not in BY_KEY
            or not isinstance(data, dict)
            or not isinstance(data.get("value"), bool)
        ):
            return Response.json({"status": 400}, 400)
        if key in account.failing:
            return Response.json({"status": 500}, 500)
        with self.lock:
            account.settings[key] = data["value"]
            self.saves.append((account.username, key, data["value"]))
        return Response.json({"status": 200, "value": data["value"]})


_SWITCH = """<div class="toggle">
  <span id="{label_id}">{label}</span>
  <input type="checkbox" role="switch" id="switch" aria-labelledby="{label_id}" {checked}>
  <span class="switch-state" aria-hidden="true">{state}</span>
</div>"""

_SCRIPT = """
setTimeout(() => {
  const holder = document.getElementById('setting');
  holder.appendChild(document.getElementById('control').content.cloneNode(true));
  holder.querySelectorAll('input[role=switch]').forEach((sw) => {
    const shown = sw.parentElement.querySelector('.switch-state');
    const status = document.getElementById('status');
    sw.addEventListener('change', async () => {
      const want = sw.checked;
      shown.textContent = want ? 'On' : 'Off';
      try {
        const r = await fetch(__API__, {method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({value: want})});
        if (!r.ok) throw new Error(String(r.status));
        status.textContent = 'Your setting was saved.';
      } catch (e) {
        sw.checked = !want;
        shown.textContent = sw.checked ? 'On' : 'Off';
        status.textContent = "We couldn't save your setting. Try again.";
      }
    });
  });
}, 150);
"""
