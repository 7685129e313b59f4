"""A replica of Google's activity controls, as ``shared/platforms.md`` records them.

Web & App Activity is a Material switch (a button with ``role="switch"`` and
``aria-checked``, named by its label; its class names are obfuscated on the real
page, so none are modelled). Gemini Apps Activity is a menu flow: while activity is
kept the page offers "Turn off", which opens a menu with "Turn off" and "Turn off
and delete activity"; while it is not, the page offers "Turn on". Choosing the
delete item is recorded, so tests can show that it is never chosen. Below it, as on
the real page, sits the activity's auto-delete option, with a button of its own.

Google signs people in on its own accounts site; a replica has one origin, so its
sign-in pages sit at the accounts site's paths on the replica's own origin.
"""

from __future__ import annotations

import html
import json

from .server import Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

GEMINI_PATH = "/product/gemini"
GEMINI_API = "/api/activity/gemini"
TURN_OFF = "Turn off"
DELETE = "Turn off and delete activity"


class GoogleSignIn(SwitchSite):
    """What every Google replica shares: sign-in and verification on the accounts paths."""

    session_cookie = "SID"
    login_path = "/v3/signin/identifier"
    next_param = "continue"
    checkpoint_path = "/v3/signin/challenge/"


class GoogleSite(GoogleSignIn):
    name = "google"
    title = "Google"
    home_path = "/myactivity"
    api_prefix = "/api/activitycontrols/"
    pages = (
        SettingsPage(
            "web_app_activity",
            "/activitycontrols/webandapp",
            "Web & App Activity",
            Control("Web & App Activity", kind="button", labelledby="waa-label"),
            "Saves your activity on Google sites and apps to give you faster searches, "
            "better recommendations and more personalised experiences.",
        ),
    )
    defaults = {"gemini_activity": True, "web_app_activity": True}

    def __init__(self) -> None:
        super().__init__()
        #: The items the "Turn off" menu offers (tests take the plain one away).
        self.menu: tuple[str, ...] = (TURN_OFF, DELETE)
        #: Usernames whose activity was deleted through the menu.
        self.deletions: list[str] = []
        #: The words of the setting's button while on and while off (tests give
        #: another interface language's).
        self.words: dict[bool, str] = {True: TURN_OFF, False: "Turn on"}
        #: The button of the auto-delete section below (tests give one the same
        #: words as the setting's).
        self.auto_delete = "Choose an auto-delete option"

    def route(self, request: Request) -> Response | None:
        if request.path not in (GEMINI_PATH, GEMINI_API):
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            return None  # the usual redirects to sign-in or verification
        key = "gemini_activity"
        if request.path == GEMINI_API:
            if request.method != "POST":
                return Response(405, "")
            data = request.json()
            value = data.get("value") if isinstance(data, dict) else None
            if not isinstance(value, bool):
                return Response.json({"error": "bad request"}, 400)
            if key in account.failing:
                return Response.json({"error": "server error"}, 500)
            with self.lock:
                account.settings[key] = value
                self.saves.append((account.username, key, value))
                if data.get("delete") is True:
                    self.deletions.append(account.username)
            return Response.json({"value": value})
        if key in account.unavailable:
            return Response(404, page("Not found | Google", "<h1>Page not found</h1>"))
        with self.lock:
            value = account.settings[key]
        items = "".join(
            f'<li role="menuitem" tabindex="-1" data-delete="{str(item == DELETE).lower()}">'
            f"{html.escape(item)}</li>"
            for item in self.menu
        )
        body = f"""<main><section>
  <h1>Gemini Apps Activity</h1>
  <h2>Keep Activity</h2>
  <p>Your Gemini Apps activity is kept in your Google Account.</p>
  <div id="activity" data-on="{str(value).lower()}"
    data-hidden="{str(key in account.hidden).lower()}"></div>
  <ul role="menu" id="menu" hidden>{items}</ul>
  <p role="status" id="status"></p>
</section>
<section>
  <h2>Auto-delete</h2>
  <p>Deleting activity older than 18 months</p>
  <button type="button">{html.escape(self.auto_delete)}</button>
</section></main>"""
        script = GEMINI_SCRIPT.replace("__API__", json.dumps(GEMINI_API)).replace(
            "__WORDS__", json.dumps([self.words[True], self.words[False]])
        )
        return Response(200, page("Gemini Apps Activity | Google", body, script))


GEMINI_SCRIPT = """
const holder = document.getElementById('activity');
const menu = document.getElementById('menu');
const status = document.getElementById('status');
const save = async (value, remove) => {
  const r = await fetch(__API__, {method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({value: value, delete: remove})});
  status.textContent = r.ok ? 'Saved.' : "Couldn't save your change. Try again.";
  if (r.ok) draw(value);
};
const draw = (on) => {
  holder.replaceChildren();
  menu.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  const words = __WORDS__;
  button.textContent = on ? words[0] : words[1];
  if (on) {
    button.setAttribute('aria-haspopup', 'menu');
    button.addEventListener('click', () => { menu.hidden = false; });
  } else {
    button.addEventListener('click', () => save(true, false));
  }
  holder.appendChild(button);
};
menu.querySelectorAll('[role=menuitem]').forEach((item) => item.addEventListener('click',
  () => save(false, item.dataset.delete === 'true')));
setTimeout(() => {
  if (holder.dataset.hidden !== 'true') draw(holder.dataset.on === 'true');
}, 150);
"""
