"""A replica of ChatGPT's start page and its Settings dialog, Data controls tab.

The tab follows the element dumps of a signed-in account's Data controls tab in
English, then read again, and in simplified Chinese:

LT-0I/web-ai-capability-hub@daebf23314b04fdb74c2de87302e1b06cd75b4de:.runs/web-ai-explore/stream3-chatgpt-inventory-2026-05-14/B5-improve-model-toggle/dom-datacontrols.json
LT-0I/web-ai-capability-hub@2d017f34f4dd87cef67e94dd361708b93661a3e5:.runs/web-ai-explore/stream4-chatgpt-exhaustive-2026-05-14/settings/data-controls.json
LT-0I/web-ai-capability-hub@daebf23314b04fdb74c2de87302e1b06cd75b4de:.runs/web-ai-explore/stream3-chatgpt-inventory-2026-05-14.codex-rejected/settings-data-controls/stdout.json

In order, the tab holds:

- a row button ``class="w-full"`` with test id ``improve-model-open-modal-button``, named
  "Improve the model for everyone Off": the setting's words and its state in one name;
- the words "Location", then a plain ``<button type="button">`` whose whole text is the
  state ("Off"), with no role and no ``aria-checked``; under it a sentence and a "Learn
  more" link to OpenAI's help;
- a row button ``class="w-full"`` named "Remote browser data On" (absent on some accounts);
- "Shared links" and "Archived chats", each with a "Manage" button; "Archive all chats"
  ("Archive all"); "Delete all chats" ("Delete all", a danger button); "Export data"
  ("Export"); each such button's ``aria-label`` is its text and its row's words;
- a row button ``class="w-full"`` "Marketing privacy", whose dialog holds a
  ``role="switch"`` button with ``aria-checked``, ``data-state`` and ``value="on"``
  (brave/psst-component@1b7a881754a826ec775d8ab27e96297f8504502e:src/chatgpt/user.ts,
  task 2).

The Settings dialog is a ``role="dialog"`` with a "Close" button (test id
``close-button``), a vertical ``role="tablist"`` of eleven tabs (their test ids as the dump
has them: ``data-controls-tab``, ``account-tab``, ...) and one ``role="tabpanel"``. It opens
at the address ``/#settings/<Tab>`` (the dumps were taken at ``/#settings/DataControls``)
or by the clicks of PSST's task 1: ``accounts-profile-button``, ``settings-menu-item``,
``data-controls-tab``. The Account tab holds "Delete account" (the stream4 run's
``settings/README.md``). The account menu (``accounts-profile-button``) is drawn only for a
signed-in account, never for a visitor.

Not on record, so guessed here: what the Location button opens (drawn as a menu of
``role="menuitemradio"`` items "On" and "Off"), what the Remote browser data dialog holds
besides its title (one switch with no label of its own), the words of the dialogs, and
the Location sentence (written anew). Every press of a button that deletes (and every
row button opened, by a ``GET /backend-api/opened/<key>``) is recorded, so tests can show
which were never pressed.
"""

from __future__ import annotations

import html
import json
from typing import Any, ClassVar

from .chatgpt_script import SCRIPT
from .server import DECOY, Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

IMPROVE_MODEL = "Improve the model for everyone"
#: Look-alike rows drawn before the real one for an account with the setting in
#: ``Account.decoys``: the same markup, another setting's words, the other state.
LOOKALIKES = {
    "location": "Location history",
    "remote_browser_data": "Remote browser data for scheduled tasks",
}
#: The Settings dialog's tabs: the address key, the words, the test id (the dump's).
TABS = (
    ("General", "General", None),
    ("Notifications", "Notifications", None),
    ("Personalization", "Personalization", "personalization-tab"),
    ("Connectors", "Apps", None),
    ("Schedules", "Schedules", "schedules-tab"),
    ("Billing", "Billing", "payments-tab"),
    ("DataControls", "Data controls", "data-controls-tab"),
    ("Storage", "Storage", "storage-tab"),
    ("Security", "Security", "security-tab"),
    ("ParentalControls", "Parental controls", "amphora-controls-tab"),
    ("Account", "Account", "account-tab"),
)


class ChatGPTSite(SwitchSite):
    name = "chatgpt"
    title = "ChatGPT"
    #: The cookie brave/psst-component reads the signed-in account from.
    session_cookie = "oai-client-auth-info"
    login_path = "/auth/login"
    home_path = "/"
    api_prefix = "/backend-api/settings/"
    #: The settings the tab holds (its page is drawn by :meth:`route`, not from these).
    pages = (
        SettingsPage("improve_model", "/", "ChatGPT", Control(IMPROVE_MODEL, kind="button")),
        SettingsPage("location", "/", "ChatGPT", Control("Location", kind="button")),
        SettingsPage(
            "remote_browser_data", "/", "ChatGPT", Control("Remote browser data", kind="button")
        ),
    )
    defaults: ClassVar[dict[str, bool]] = {
        "improve_model": True,
        "location": False,
        "remote_browser_data": True,
        "marketing_privacy": True,
    }

    def __init__(self) -> None:
        super().__init__()
        #: Presses of buttons that delete, as (username, what).
        self.deletions: list[tuple[str, str]] = []
        #: A word a row button shows instead of "On" or "Off", by setting key.
        self.odd_state: dict[str, str] = {}

    def route(self, request: Request) -> Response | None:
        account = self.signed_in(request)
        if request.path == "/backend-api/deletions" and request.method == "POST":
            if account is None:
                return Response.json({"error": "unauthorized"}, 401)
            data = request.json()
            what = str(data.get("what")) if isinstance(data, dict) else "?"
            with self.lock:
                self.deletions.append((account.username, what))
            return Response.json({"ok": True})
        if request.path.startswith("/backend-api/opened/"):
            return Response.json({"ok": True})
        if request.path != "/" or request.method != "GET":
            return None
        if account is None:
            return Response(200, page("ChatGPT", VISITOR))
        if account.checkpoint:
            return None
        return Response(200, page("ChatGPT", self._app(account), SCRIPT))

    def _app(self, account: Account) -> str:
        member = not getattr(account, "visitor", False)
        name = account.personal.get("name") or account.username.split("@")[0].title()
        with self.lock:
            values = dict(account.settings)
            for key in LOOKALIKES:
                if key in account.decoys:
                    values[key + DECOY] = account.settings.setdefault(
                        key + DECOY, not account.settings.get(key, True)
                    )
        state: dict[str, Any] = {
            "values": values,
            "hidden": sorted(account.hidden),
            "doubled": sorted(account.doubled),
            "absent": sorted(account.unavailable),
            "notOffered": sorted(account.not_offered),
            "disabled": sorted(account.disabled),
            "decoys": sorted(account.decoys & set(LOOKALIKES)),
            "lookalikes": LOOKALIKES,
            "confirms": account.confirms,
            "odd": self.odd_state,
            "tabs": TABS,
            "name": name,
        }
        if member:
            # The account menu: only a signed-in account's page draws it.
            who = (
                '<div role="button" tabindex="0" data-testid="accounts-profile-button" '
                f'aria-label="{html.escape(name)}, open profile menu" aria-haspopup="menu" '
                'aria-expanded="false" class="profile"><div class="flex min-w-0 items-center '
                f'gap-2"><div class="truncate">{html.escape(name)}</div></div></div>'
            )
        else:
            who = '<button type="button">Log in</button><button type="button">Sign up</button>'
        blob = json.dumps(state).replace("</", "<\\/")
        return f"""
<div id="app">
  <nav aria-label="Chat history" class="sidebar">
    <a href="/" data-testid="create-new-chat-button">New chat</a>
    <button type="button">Search chats</button>
    {who}
  </nav>
  <main id="main"><section>
    <h1>What can I help with?</h1>
    <div id="prompt-textarea" role="textbox" contenteditable="true"
      aria-label="Chat with ChatGPT"></div>
  </section></main>
</div>
<script type="application/json" id="replica-state">{blob}</script>"""


VISITOR = """<main><section><h1>What can I help with?</h1>
<div id="prompt-textarea" role="textbox" contenteditable="true" aria-label="Chat with ChatGPT">
</div><button type="button">Log in</button><button type="button">Sign up for free</button>
</section></main>"""
