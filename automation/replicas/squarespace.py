"""A replica of Squarespace's per-site Crawlers settings, each site on a host of its own.

Follows Squarespace Help ("Request that AI models exclude your site",
https://support.squarespace.com/hc/en-us/articles/360022347072): the Settings panel's
Crawlers page holds "Block known artificial intelligence crawlers", a box one
checks; a guide (https://mdc-designs.com/blog/hide-squarespace-search-engine-ai-crawlers)
ends the steps with Save, and another (https://squareranked.com/squarespace-ai-search/ai-crawlers/)
shows the panel's two checkboxes: the search-engine one above, the AI one below,
unchecked on a new site. So the page draws both boxes in that order, in a form whose
"Save" sends the change; nothing is kept before it is pressed.

Each site lives on its own host below Squarespace's, as ``<site>.squarespace.com``
does: the replica serves every host on one loopback port and tells them apart by the
Host header (``squarespace.localhost`` for Squarespace itself, ``<site>.squarespace.localhost``
for each site, ``account.squarespace.localhost`` for the account dashboard; browsers
resolve names under ``localhost`` to loopback themselves). A signed-in page shows the
profile initials that link to the account dashboard (Squarespace Help,
https://support.squarespace.com/hc/en-us/articles/115010428047); a visitor's never
do. The panel's address, the list of sites on Squarespace's own host and the markup
are guesses, drawn plainly.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import quote

from .server import DECOY, DECOY_LABEL, Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite, draw

if TYPE_CHECKING:
    from playwright.async_api import StorageState

HOSTNAME = "squarespace.localhost"
#: The account dashboard's host (account.squarespace.com).
DASHBOARD = "account"
#: The Crawlers panel, on each site's own host.
CRAWLERS = "/config/settings/crawlers"
LABEL = "Block known artificial intelligence crawlers"
#: The box above it on the same panel (no plugin setting of its own).
SEARCH_LABEL = "Block search engine crawlers"
#: Where the replica keeps each site's panel internally; never served under this address.
INTERNAL = "/crawlers-of"


class SquarespaceSite(SwitchSite):
    name = "squarespace"
    title = "Squarespace"
    session_cookie = "replica_session"
    hostname = HOSTNAME
    login_path = "/login"
    api_prefix = "/api/site-settings/"
    blogs_path = "/"
    demo_account = {"blogs": ["my-portfolio", "corner-bakery"]}
    pages = (
        SettingsPage(
            "block_search_crawlers",
            INTERNAL + "/{name}",
            "Crawlers",
            Control(SEARCH_LABEL, kind="checkbox"),
            default=False,
        ),
        SettingsPage(
            "block_ai_crawlers",
            INTERNAL + "/{name}",
            "Crawlers",
            Control(LABEL, kind="checkbox"),
            default=False,
        ),
    )

    def handle(self, request: Request) -> Response:
        host, _, port = request.host.partition(":")
        if request.path.startswith(INTERNAL):
            return self._not_found()
        if host.endswith("." + HOSTNAME):
            name = host[: -len(HOSTNAME) - 1]
            if name == DASHBOARD:
                return self._dashboard(request, port)
            return self._site(request, name, port)
        if request.path == self.blogs_path and request.method == "GET":
            return self._dashboard(request, port)
        return super().handle(request)

    def _member(self, request: Request) -> Account | None:
        """The signed-in account of ``request``; never a visitor."""
        account = self.signed_in(request)
        if account is None or getattr(account, "visitor", False):
            return None
        return account

    def _mark(self, port: str) -> str:
        """The profile initials a signed-in page links to the account dashboard with."""
        return (
            f'<a class="profile" href="http://{DASHBOARD}.{HOSTNAME}:{port}/" '
            'aria-label="Account dashboard"><span aria-hidden="true">DU</span></a>'
        )

    def _dashboard(self, request: Request, port: str) -> Response:
        """The account's sites, each linking to its own host's admin."""
        account = self._member(request)
        if account is None or account.checkpoint:
            return super().handle(replace(request, host=f"{HOSTNAME}:{port}"))
        items = "".join(
            f'<li><a href="http://{quote(name)}.{HOSTNAME}:{port}/config">'
            f"{html.escape(name)}</a></li>"
            for name in account.blogs
        )
        body = (
            f"<header><strong>Squarespace</strong>{self._mark(port)}</header>"
            f"<main><section><h1>Websites</h1><ul>{items}</ul></section></main>"
        )
        return Response(200, page("Websites | Squarespace", body))

    def _site(self, request: Request, name: str, port: str) -> Response:
        """A request to a site's own host."""
        path = request.path.rstrip("/")
        if path == self.login_path or request.path.startswith(self.api_prefix):
            return super().handle(request)
        if path != CRAWLERS or request.method != "GET":
            return self._not_found()
        account = self.signed_in(request)
        if account is None:
            return Response.redirect(f"{self.login_path}?next={quote(CRAWLERS)}", 302)
        if account.checkpoint:
            return Response.redirect(self.checkpoint_path, 302)
        member = self._member(request)
        return self._crawlers(account, name, self._mark(port) if member else "")

    def _crawlers(self, account: Account, name: str, mark: str) -> Response:
        """The Crawlers panel: two checkboxes in a form kept only by its Save."""
        rows = []
        number = 0
        for found in self.pages:
            if found.key in account.decoys:
                number += 1
                rows.append(self._decoy_box(account, found, name, number))
            drawn = self._setting_html(account, found, name, number=number + 1)
            if drawn is not None:
                number += 1
                rows.append(drawn)
        if not number:
            return self._not_found()
        body = f"""<header><strong>Squarespace</strong>{mark}</header>
<main><section>
  <h1>Crawlers</h1>
  <form id="crawlers" onsubmit="return false">{"".join(rows)}
    <button type="button" id="save">Save</button>
  </form>
  <p role="status" id="status"></p>
</section></main>"""
        return Response(200, page(f"Crawlers | {name} | Squarespace", body, SCRIPT))

    def _decoy_box(self, account: Account, found: SettingsPage, name: str, number: int) -> str:
        """A look-alike box for another setting, in the other position."""
        key = f"{found.key}@{name}"
        with self.lock:
            value = account.settings.setdefault(key + DECOY, not account.settings.get(key, True))
        control = replace(found.control, label=DECOY_LABEL)
        api = html.escape(self.api_prefix + quote(key + DECOY))
        return (
            f'<div class="setting" data-api="{api}">'
            f"{draw(control, value, ref=f'decoy-{found.key}-{number}')}</div>"
        )

    def _not_found(self) -> Response:
        return Response(404, page("Not found | Squarespace", "<h1>Page not found</h1>"))

    # -- one session for every host below squarespace.localhost ----------------------------

    def session_cookie_header(self, token: str) -> tuple[str, str]:
        name, value = super().session_cookie_header(token)
        return name, f"{value}; Domain={HOSTNAME}"

    def storage_state(self, origin: str, username: str) -> StorageState:
        state = super().storage_state(origin, username)
        for cookie in state["cookies"]:
            cookie["domain"] = "." + HOSTNAME
        return state


SCRIPT = """
const status = document.getElementById('status');
document.querySelectorAll('.switch-state').forEach((shown) => shown.remove());
const boxes = () => Array.from(document.querySelectorAll('#crawlers .switch'));
// Nothing is kept until "Save" is pressed; then each changed box is sent.
document.getElementById('save').addEventListener('click', async () => {
  try {
    for (const box of boxes()) {
      if (box.checked === box.defaultChecked) continue;
      const r = await fetch(box.closest('[data-api]').dataset.api, {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify({value: box.checked})});
      if (!r.ok) throw new Error(String(r.status));
      box.defaultChecked = box.checked;
    }
    status.textContent = 'Saved.';
  } catch (e) {
    status.textContent = "Couldn't save your changes. Try again.";
  }
});
"""
