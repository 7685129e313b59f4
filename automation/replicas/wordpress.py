"""A replica of WordPress.com's site privacy settings: a checkbox kept only by Save.

Drawn after WordPress.com's own code,
Automattic/wp-calypso@551fd75140476023d8a122d0a746a1784a4336ec:
client/dashboard/sites/settings-site-visibility/privacy-form.tsx: on a site's
``/sites/<site>/settings/site-visibility`` one form holds the visibility choice
(Coming soon, Public, Private), the checkbox "Discourage search engines from indexing
this site", then the checkbox "Prevent third-party sharing for this site" with its
help sentence, and a "Save" button that is disabled until something changed. Nothing
is kept until Save is pressed; ticking "Discourage search engines" ticks and locks the
sharing box. The classic settings page (``/settings/general/<site>``) has the same
choice as ``input[name="wpcom_data_sharing_opt_out"]`` labelled "Prevent third-party
sharing for <site>" (its id ``wpcom_site_visibility_data_sharing_opt_out``, as in
WordPress.com's own settings code behind
https://wordpress.com/support/privacy-settings/make-your-website-public/) and kept by
"Save settings"; a site in ``classic`` has only that.
"""

from __future__ import annotations

import html
import re

from .server import Account, Request, Response, page
from .switchsite import SwitchSite

KEY = "third_party_sharing"
#: Where each site's box is saved (with the rest of its form).
API = "/wp-json/site-settings/"
NEW = re.compile(r"^/sites/(?P<name>[a-z0-9.-]+)/settings/site-visibility/?$")
CLASSIC = re.compile(r"^/settings/general/(?P<name>[a-z0-9.-]+)/?$")
HELP = (
    "This will prevent this site\u2019s content from being shared with our licensed network "
    "of content and research partners, including those that train AI models."
)

SCRIPT = """
const form = document.querySelector('form');
const save = form.querySelector('[type="submit"]');
const status = document.getElementById('status');
const sharing = form.querySelector('.sharing');
const discourage = form.querySelector('.discourage');
const start = new FormData(form);
const dirty = () => {
  const now = new FormData(form);
  return [...new Set([...start.keys(), ...now.keys()])].some((k) => start.get(k) !== now.get(k))
    || form.querySelectorAll('input[type=checkbox]:checked').length
      !== Number(form.dataset.checked);
};
form.dataset.checked = form.querySelectorAll('input[type=checkbox]:checked').length;
form.addEventListener('change', () => {
  if (discourage && discourage.checked) { sharing.checked = true; sharing.disabled = true; }
  else if (discourage) sharing.disabled = false;
  if (save.dataset.keepsEnabled !== 'true') save.disabled = !dirty();
});
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {sharing: sharing.checked, discourage: discourage ? discourage.checked : null};
  try {
    const r = await fetch(form.dataset.api, {method: 'POST',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    if (!r.ok) throw new Error(String(r.status));
    status.textContent = 'Settings saved.';
  } catch (e) {
    status.textContent = 'Failed to save settings.';
  }
});
"""


class WordPressSite(SwitchSite):
    name = "wordpress"
    title = "WordPress.com"
    # WordPress's signed-in cookie (CookieCadger/CookieCadger@
    # 8935cb1c1da1f069e97d09966e0ee075e94c7ebf:plugins/wordpress.js).
    session_cookie = "wordpress_logged_in"
    login_path = "/log-in"
    header = '<header><strong>WordPress.com</strong><a href="/sites">My sites</a></header>'
    blogs_path = "/sites"
    blog_link = "/sites/{name}/settings/site-visibility"
    demo_account = {"blogs": ["myblog.wordpress.com", "photos.example.org"]}

    def __init__(self) -> None:
        super().__init__()
        #: Sites on the classic settings page only (their new page answers 404).
        self.classic: set[str] = set()
        #: Sites whose "Discourage search engines" box is ticked.
        self.discouraged: set[str] = set()

    def add_account(self, username: str, password: str, **options: object) -> Account:
        account = super().add_account(username, password, **options)
        for blog in account.blogs:
            account.settings[f"{KEY}@{blog}"] = False
        return account

    def route(self, request: Request) -> Response | None:
        new, classic = NEW.match(request.path), CLASSIC.match(request.path)
        saving = request.method == "POST" and request.path.startswith(API)
        if not (new or classic or saving):
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            if saving:
                return Response.json({"error": "unauthorized"}, 401)
            return None  # to the sign-in page, or the check
        if saving:
            return self.keep(account, request.path[len(API) :], request)
        name = (new or classic).group("name")  # type: ignore[union-attr]
        if f"{KEY}@{name}" not in account.settings or KEY in account.unavailable:
            return Response(404, page("Not found | WordPress.com", "<h1>Page not found</h1>"))
        if new and name in self.classic:
            return Response(404, page("Not found | WordPress.com", "<h1>Page not found</h1>"))
        return self.settings(account, name, classic=classic is not None)

    def settings(self, account: Account, name: str, *, classic: bool) -> Response:
        with self.lock:
            on = account.settings[f"{KEY}@{name}"]
        discouraged = name in self.discouraged
        checked = " checked" if on or discouraged else ""
        site = html.escape(name)
        if classic:
            body = f"""{self.header}<main><section><h1>General Settings</h1>
<form data-api="{API}{site}"><h2>Privacy</h2>
<p><label><input type="radio" name="blog_public" value="1" checked> Public</label>
<label><input type="radio" name="blog_public" value="-1"> Private</label></p>
<p><label for="wpcom_site_visibility_data_sharing_opt_out"><input
 id="wpcom_site_visibility_data_sharing_opt_out" name="wpcom_data_sharing_opt_out"
 type="checkbox" value="true" class="sharing"{checked}{" disabled" if discouraged else ""}>
Prevent third-party sharing for {site}</label></p>
<p class="description">{html.escape(HELP)} <a href="/support/">Learn more</a></p>
<button type="submit" data-keeps-enabled="true">Save settings</button>
</form><p role="status" id="status"></p></section></main>"""
            return Response(200, page("General Settings | WordPress.com", body, SCRIPT))
        locked = " disabled" if discouraged else ""
        body = f"""{self.header}<main><section><h1>Site visibility</h1>
<form class="dashboard-site-settings-privacy-form" data-api="{API}{site}">
<div role="radiogroup" aria-label="Site visibility">
<button type="button" role="radio" aria-checked="false">Coming soon</button>
<button type="button" role="radio" aria-checked="true">Public</button>
<button type="button" role="radio" aria-checked="false">Private</button></div>
<div class="components-checkbox-control"><input id="inspector-checkbox-control-0"
 type="checkbox" class="discourage"{" checked" if discouraged else ""}
 aria-describedby="inspector-checkbox-control-0__help">
<label for="inspector-checkbox-control-0">Discourage search engines from indexing this site</label>
<p id="inspector-checkbox-control-0__help">This does not block access to your site \u2014 it is
up to search engines to honor your request.</p></div>
<div class="components-checkbox-control"><input id="inspector-checkbox-control-1"
 type="checkbox" class="sharing"{checked}{locked}
 aria-describedby="inspector-checkbox-control-1__help">
<label for="inspector-checkbox-control-1">Prevent third-party sharing for this site</label>
<p id="inspector-checkbox-control-1__help">{html.escape(HELP)} <a href="/support/">Learn
more</a></p></div>
<button type="submit" disabled>Save</button>
</form><p role="status" id="status"></p></section></main>"""
        return Response(200, page("Site visibility | WordPress.com", body, SCRIPT))

    def keep(self, account: Account, name: str, request: Request) -> Response:
        data = request.json()
        key = f"{KEY}@{name}"
        if not isinstance(data, dict) or key not in account.settings:
            return Response.json({"error": "bad request"}, 400)
        if KEY in account.failing:
            return Response.json({"error": "server error"}, 500)
        with self.lock:
            if isinstance(data.get("discourage"), bool):
                (self.discouraged.add if data["discourage"] else self.discouraged.discard)(name)
            value = bool(data.get("sharing"))
            if value != account.settings[key] and KEY not in account.unkept:
                account.settings[key] = value
                self.saves.append((account.username, key, value))
        return Response.json({"saved": True})
