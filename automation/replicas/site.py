"""What a replica site is made of: its accounts and their settings, the requests it
answers and the responses it gives, sign-in sessions and sign-in checks, and the
HTML page every replica draws.
"""

from __future__ import annotations

import copy
import html
import json
import secrets
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from playwright.async_api import StorageState


DEMO_USERNAME = "demo@example.com"
#: What a decoy control's key ends with in ``Account.settings``.
DECOY = "~decoy"
#: A decoy control's label: a setting no plugin knows.
DECOY_LABEL = "Show me tips about features I have not used yet"
DEMO_PASSWORD = "demo"


@dataclass
class Account:
    """One account on a replica site and everything the site keeps about it."""

    username: str
    password: str
    settings: dict[str, bool] = field(default_factory=dict)
    #: Sent to a verification page after signing in and on every settings page.
    checkpoint: bool = False
    #: After a correct password, the site asks for this code before signing in.
    verification_code: str | None = None
    #: After a correct password, the site shows a captcha that no script can pass.
    captcha: bool = False
    #: Settings whose page shows no switch (as if the platform changed the page).
    hidden: set[str] = field(default_factory=set)
    #: Settings whose page shows the switch twice.
    doubled: set[str] = field(default_factory=set)
    #: Settings the platform does not offer this account (HTTP 404).
    unavailable: set[str] = field(default_factory=set)
    #: Save requests for these settings fail with HTTP 500.
    failing: set[str] = field(default_factory=set)
    #: Save requests for these settings are answered 200 but not kept.
    unkept: set[str] = field(default_factory=set)
    #: The pages of these settings send the browser to the home page instead.
    moved: set[str] = field(default_factory=set)
    #: The pages of these settings fail with HTTP 500.
    broken: set[str] = field(default_factory=set)
    #: The account's blogs or sites, for settings kept per blog.
    blogs: list[str] = field(default_factory=list)
    #: Settings whose page shows another wording of the label (key to label), as a
    #: platform that rewords a setting would (or an interface in another language).
    labels: dict[str, str] = field(default_factory=dict)
    #: Settings whose page draws, just before the real control, a look-alike for
    #: something else (same markup, another label, no id of the setting's own, the
    #: opposite position), kept under ``key + DECOY`` in ``settings``.
    decoys: set[str] = field(default_factory=set)
    #: Settings whose control's own id was renamed by the platform.
    renamed: set[str] = field(default_factory=set)
    #: Settings whose control is shown but disabled (an age or account limit).
    disabled: set[str] = field(default_factory=set)
    #: Settings whose page says, in words, that the setting is not offered here.
    not_offered: set[str] = field(default_factory=set)
    #: Settings whose switch asks in a dialog before it moves: key to ``known`` (a
    #: "Turn off" confirmation) or ``strange`` (a dialog no plugin knows).
    confirms: dict[str, str] = field(default_factory=dict)
    #: What the account's own pages show of the person, in a header on every page:
    #: ``name``, ``email``, ``phone``, ``token`` (in a link), ``address`` (in a form
    #: field) and ``picture`` (the profile picture's address).
    personal: dict[str, str] = field(default_factory=dict)
    #: A visitor who is not signed in, on a site that shows its settings to visitors
    #: (``Site.open_to_visitors``): the pages draw the settings, never the account's
    #: own marks, and the visitor's choices are kept apart from every account.
    visitor: bool = False


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    cookies: dict[str, str]
    body: bytes
    #: The Host header as sent (name and port): a site that serves several hosts
    #: on one port (Substack's publications) tells them apart by it.
    host: str = ""

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8", "replace")).items()}

    def json(self) -> Any:
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            return None


@dataclass
class Response:
    status: int = 200
    body: str = ""
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def redirect(cls, location: str, status: int = 303) -> Response:
        return cls(status, "", headers=[("Location", location)])

    @classmethod
    def json(cls, data: Any, status: int = 200) -> Response:
        return cls(status, json.dumps(data), "application/json")


class Site:
    """Base class of a replica site: accounts, sign-in sessions and routing."""

    name: ClassVar[str]
    title: ClassVar[str]
    session_cookie: ClassVar[str]
    #: The host name of the site's origin, where not the server's loopback address:
    #: a name under ``localhost``, which browsers resolve to loopback themselves, for
    #: a site whose pages also live on hosts below its own (``<name>.<hostname>``).
    hostname: ClassVar[str | None] = None
    #: Each setting's default value for a new account.
    defaults: ClassVar[dict[str, bool]] = {}
    #: How the demo account is set up (``Account`` fields, such as its blogs).
    demo_account: ClassVar[dict[str, Any]] = {}

    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}
        self._sessions: dict[str, str] = {}
        #: Sign-ins waiting for their second step: id -> (username, where to go after).
        self._challenges: dict[str, tuple[str, str]] = {}
        self.lock = threading.RLock()
        #: Saves that reached the site, as (username, key, value), for tests to inspect.
        self.saves: list[tuple[str, str, bool]] = []
        #: Usernames whose password the sign-in form accepted, in order.
        self.sign_ins: list[str] = []
        #: Every request that reached the site, as (host, method, path), for tests.
        self.visits: list[tuple[str, str, str]] = []
        #: Bytes of response bodies sent, pages and assets (for the benchmark).
        self.sent = 0
        #: Signed out, the settings pages show a sign-in form at their own address
        #: (HTTP 200) instead of sending the browser to the sign-in page.
        self.inline_login = False
        #: Signed out, the settings pages are shown to the visitor as they are to an
        #: account (grok.com shows its settings to visitors and keeps their choice in
        #: the browser): a visitor's choices go to :attr:`visitor`, no account's.
        self.open_to_visitors = False
        self.visitor = Account("visitor", "", dict(self.defaults), visitor=True)

    # -- accounts and sessions ----------------------------------------------------

    def add_account(self, username: str, password: str, **options: Any) -> Account:
        # A copy: the options often come from a class's ``demo_account``, and an account's
        # lists (its blogs) are changed in place; the next site made must not see that.
        options = copy.deepcopy(options)
        with self.lock:
            account = Account(username, password, dict(self.defaults), **options)
            self.accounts[username] = account
            return account

    def account(self, username: str) -> Account:
        return self.accounts[username]

    def start_session(self, username: str) -> str:
        token = secrets.token_urlsafe(24)
        with self.lock:
            self._sessions[token] = username
        return token

    def end_sessions(self, username: str) -> None:
        """End (expire) every session of ``username``, as a site does when they time out."""
        with self.lock:
            for token, owner in list(self._sessions.items()):
                if owner == username:
                    del self._sessions[token]

    def session_tokens(self, username: str) -> list[str]:
        """The session cookie values the site has handed out to ``username`` and still honours."""
        with self.lock:
            return [token for token, owner in self._sessions.items() if owner == username]

    def start_challenge(self, username: str, target: str) -> str:
        """Hold a sign-in until its second step (a code, a captcha) is passed; return its id."""
        challenge = secrets.token_urlsafe(12)
        with self.lock:
            self._challenges[challenge] = (username, target)
        return challenge

    def challenge(self, challenge: str) -> tuple[Account, str] | None:
        """The account and destination of a waiting sign-in, if ``challenge`` is one."""
        with self.lock:
            found = self._challenges.get(challenge)
            if found is None or found[0] not in self.accounts:
                return None
            return self.accounts[found[0]], found[1]

    def pass_challenge(self, challenge: str) -> str:
        """Finish a waiting sign-in; return its new session token."""
        with self.lock:
            username, _ = self._challenges.pop(challenge)
        return self.start_session(username)

    def signed_in(self, request: Request) -> Account | None:
        """The account whose session ``request`` carries; the visitor, on a site open
        to visitors, for a request that carries none."""
        token = request.cookies.get(self.session_cookie)
        with self.lock:
            username = self._sessions.get(token or "")
            account = self.accounts.get(username) if username else None
        if account is None and self.open_to_visitors:
            return self.visitor
        return account

    def member(self, request: Request) -> Account | None:
        """The signed-in account of ``request``, never the visitor: what draws the
        account's own marks (its menu, its avatar)."""
        account = self.signed_in(request)
        return None if account is None or account.visitor else account

    def session_cookie_header(self, token: str) -> tuple[str, str]:
        return ("Set-Cookie", f"{self.session_cookie}={token}; Path=/; HttpOnly; SameSite=Lax")

    def storage_state(self, origin: str, username: str) -> StorageState:
        """A Playwright storage state that is signed in to ``username`` on this site."""
        host = urlsplit(origin).hostname or "127.0.0.1"
        return {
            "cookies": [
                {
                    "name": self.session_cookie,
                    "value": self.start_session(username),
                    "domain": host,
                    "path": "/",
                    "expires": -1,
                    "httpOnly": True,
                    "secure": False,
                    "sameSite": "Lax",
                }
            ],
            "origins": [],
        }

    # -- requests -----------------------------------------------------------------------

    def handle(self, request: Request) -> Response:  # pragma: no cover - abstract
        raise NotImplementedError


def personal_header(personal: dict[str, str]) -> str:
    """The header a signed-in page shows of its person, as real sites do: a picture, a
    name, contact details, a link that carries a token, and a form field."""
    e = {k: html.escape(v) for k, v in personal.items()}
    return (
        '<header class="me">'
        f'<img src="{e.get("picture", "")}" alt="{e.get("name", "")}" width="1" height="1">'
        f'<button type="button" aria-label="Account menu for {e.get("name", "")}">'
        f"{e.get('name', '')}</button>"
        f"<p>{e.get('email', '')} · {e.get('phone', '')}</p>"
        f'<a href="/me/{e.get("token", "")}?session={e.get("token", "")}">Your activity</a>'
        f'<form><label>Address <input name="address" value="{e.get("address", "")}"></label>'
        "</form></header>"
    )


def page(title: str, body: str, script: str = "") -> str:
    """A whole HTML document; ``title`` is escaped, ``body`` and ``script`` are not."""
    tag = f"<script>{script}</script>" if script else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{STYLE}</style></head><body>{body}{tag}</body></html>"
    )


STYLE = """
body{font-family:system-ui,sans-serif;margin:0;background:#f4f2ee;color:#191919}
header{background:#fff;border-bottom:1px solid #ddd;padding:8px 24px;display:flex;gap:24px}
main{display:flex;gap:24px;padding:24px;max-width:960px;margin:auto}
nav.side{background:#fff;border-radius:8px;padding:16px;min-width:200px}
nav.side a{display:block;margin:6px 0}
section{background:#fff;border-radius:8px;padding:24px;flex:1}
.toggle{display:flex;align-items:center;gap:12px;margin-top:16px}
label,input{font-size:16px} form{display:flex;flex-direction:column;gap:8px;max-width:320px}
.error{color:#b00}
"""
