"""A replica of Substack's publication settings.

Follows Substack Support (https://support.substack.com/hc/en-us/articles/20382615953556):
the publication's Settings page holds, in its Publication details section, the
toggle "Block AI training" (in a 2026 wording "Opt out of AI training"), off by
default. Each publication lives on a host of its own, below Substack's
(``https://<publication>.substack.com/publish/settings``). The replica serves
every host on one loopback port and tells them apart by the Host header: its own
origin is ``http://substack.localhost:<port>`` and each publication is
``http://<publication>.substack.localhost:<port>``; browsers resolve names under
``localhost`` to the loopback address themselves, so nothing leaves the machine.
The session cookie is set for ``substack.localhost`` and every host below it, as
Substack's is for ``.substack.com``. The list of an account's publications
(``/settings`` on Substack's own host, linking to each publication's settings) and
the markup are guesses, drawn plainly.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import quote

from .server import Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

if TYPE_CHECKING:
    from playwright.async_api import StorageState

HOSTNAME = "substack.localhost"
#: A publication's settings, on the publication's own host.
PUBLICATION_PATH = "/publish/settings"
#: Where the replica keeps each publication's page internally ({name} is the host's
#: first label); never served under this address.
INTERNAL = "/publication-settings-of"
LABEL = "Block AI training"
#: The wording a 2026 report gives.
LABEL_2026 = "Opt out of AI training"


class SubstackSite(SwitchSite):
    name = "substack"
    title = "Substack"
    session_cookie = "substack.sid"
    hostname = HOSTNAME
    login_path = "/sign-in"
    api_prefix = "/api/v1/publication-settings/"
    header = '<header><strong>Substack</strong><a href="/home">Home</a></header>'
    blogs_path = "/settings"
    demo_account = {"blogs": ["mynewsletter", "weekly-notes"]}
    pages = (
        SettingsPage(
            "block_ai_training",
            INTERNAL + "/{name}",
            "Publication settings",
            Control(LABEL),
            default=False,
        ),
    )

    def __init__(self) -> None:
        super().__init__()
        #: Links the list of publications also shows, to hosts that are not a
        #: publication's (another site, another port): never taken for one.
        self.elsewhere: list[str] = []

    def handle(self, request: Request) -> Response:
        host, _, port = request.host.partition(":")
        if request.path.startswith(INTERNAL):
            return self._not_found()
        if host.endswith("." + HOSTNAME):
            return self._publication(request, host[: -len(HOSTNAME) - 1])
        if request.path == self.blogs_path and request.method == "GET":
            account = self.signed_in(request)
            if account is not None and not account.checkpoint:
                return self.publications(account, port)
        return super().handle(request)

    def _publication(self, request: Request, name: str) -> Response:
        """A request to a publication's own host."""
        path = request.path.rstrip("/")
        if path == self.login_path or request.path.startswith(self.api_prefix):
            return super().handle(request)
        if path != PUBLICATION_PATH:
            return self._not_found()
        if self.signed_in(request) is None:
            return Response.redirect(f"{self.login_path}?next={quote(PUBLICATION_PATH)}", 302)
        return super().handle(replace(request, path=f"{INTERNAL}/{name}"))

    def publications(self, account: Account, port: str) -> Response:
        """The account's publications, each linking to its settings on its own host."""
        items = "".join(
            f'<li><a href="http://{quote(name)}.{HOSTNAME}:{port}{PUBLICATION_PATH}">'
            f"{html.escape(name)}</a></li>"
            for name in account.blogs
        ) + "".join(
            f'<li><a href="{html.escape(link)}">Elsewhere</a></li>' for link in self.elsewhere
        )
        body = f"{self.header}<main><section><h1>Publications</h1><ul>{items}</ul></section></main>"
        return Response(200, page("Settings | Substack", body))

    def _not_found(self) -> Response:
        return Response(404, page("Not found | Substack", "<h1>Page not found</h1>"))

    # -- one session for every host below substack.localhost ------------------------------

    def session_cookie_header(self, token: str) -> tuple[str, str]:
        name, value = super().session_cookie_header(token)
        return name, f"{value}; Domain={HOSTNAME}"

    def storage_state(self, origin: str, username: str) -> StorageState:
        state = super().storage_state(origin, username)
        for cookie in state["cookies"]:
            cookie["domain"] = "." + HOSTNAME
        return state
