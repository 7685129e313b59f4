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

from urllib.parse import unquote

from .google_pages import (
    API,
    DECOY_NAME,
    DELETE,
    GEMINI,
    GEMINI_PATH,
    NEIGHBOURS,
    PAGES,
    TURN_OFF,
    TURN_ON,
    WEB_APP,
    WEB_APP_PATH,
    ActivityPages,
    ChipPage,
)
from .google_script import SCRIPT
from .server import DECOY, Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

__all__ = [
    "DECOY_NAME",
    "DELETE",
    "GEMINI",
    "GEMINI_PATH",
    "NEIGHBOURS",
    "TURN_OFF",
    "TURN_ON",
    "WEB_APP",
    "WEB_APP_PATH",
    "ChipPage",
    "GoogleSignIn",
    "GoogleSite",
]


class GoogleSignIn(SwitchSite):
    """What every Google replica shares: sign-in and verification on the accounts paths.

    The session cookie is Google's ``SID``, one of the names Google's cookie policy
    records (https://policies.google.com/technologies/cookies).
    """

    session_cookie = "SID"
    login_path = "/v3/signin/identifier"
    next_param = "continue"
    checkpoint_path = "/v3/signin/challenge/"


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
        self.drawn = ActivityPages(self)

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
        body = self.drawn.gemini(account) if found is GEMINI else self.drawn.web_app(account)
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
