"""A replica of Copilot's web app and the settings its profile menu opens.

Follows Microsoft Support's "Microsoft Copilot privacy controls"
(https://support.microsoft.com/en-us/microsoft-copilot/microsoft-copilot-privacy-controls):
on the web the settings have no address of their own; they open over the app from
the profile icon, then the profile name (a guide shows it as the account's name and
email address), then "Privacy" or "Memory". Privacy holds "Training on conversation
activity" and "Training on voice conversations" (and, in guides, "Ad
personalization"), beside an "Export or delete history" button; Memory holds
"Personalization and memory" and "Microsoft usage data", beside "Delete all memory".
Positions differ, so a plugin that reads a neighbour reads a wrong value; the
delete buttons must never be pressed (they delete nothing here, but count presses
in ``deletes``).

Signed out, the app is served to the visitor with a "Sign in" button and no profile
icon, as public automation of copilot.microsoft.com finds it. The markup (the
profile icon's accessible name, a menu of ``role="menuitem"``, a settings dialog
with a button per page, switches named by their labels) is a guess, drawn plainly.
"""

from __future__ import annotations

import html

from .server import Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

PATH = "/"
#: The settings pages of the profile menu's dialog, in order, with what each holds:
#: setting keys, and buttons that delete (never to be pressed).
PAGES = (
    (
        "Privacy",
        ("model_training_text", "model_training_voice", "ad_personalization"),
        "Export or delete history",
    ),
    ("Memory", ("personalization_memory", "microsoft_usage_data"), "Delete all memory"),
)


class CopilotSite(SwitchSite):
    name = "copilot"
    title = "Microsoft Copilot"
    session_cookie = "copilot_session"
    login_path = "/signin"
    api_prefix = "/c/api/settings/"
    pages = (
        SettingsPage(
            "model_training_text", PATH, "Privacy", Control("Training on conversation activity")
        ),
        SettingsPage(
            "model_training_voice", PATH, "Privacy", Control("Training on voice conversations")
        ),
        SettingsPage(
            "ad_personalization", PATH, "Privacy", Control("Ad personalization"), default=False
        ),
        SettingsPage(
            "personalization_memory",
            PATH,
            "Memory",
            Control("Personalization and memory"),
        ),
        # A neighbour on the Memory page, on by default (Microsoft Support); no plugin
        # setting of its own.
        SettingsPage(
            "microsoft_usage_data",
            PATH,
            "Memory",
            Control("Microsoft usage data"),
            default=False,
        ),
    )

    def __init__(self) -> None:
        super().__init__()
        #: Presses of a button that deletes history or memory, as (username, words).
        self.deletes: list[tuple[str, str]] = []

    def route(self, request: Request) -> Response | None:
        path = request.path.rstrip("/") or "/"
        if path == "/delete" and request.method == "POST":
            account = self.signed_in(request)
            data = request.json()
            words = data.get("words", "") if isinstance(data, dict) else ""
            with self.lock:
                self.deletes.append((account.username if account else "", str(words)))
            return Response.json({"ok": True})
        if path != PATH or request.method != "GET":
            return None
        account = self.signed_in(request)
        if account is not None and account.checkpoint:
            return Response.redirect(self.checkpoint_path, 302)
        if account is None or getattr(account, "visitor", False):
            return self.app(None)
        return self.app(account)

    def app(self, account: Account | None) -> Response:
        """The chat app; a signed-in account's has its profile icon and settings."""
        if account is None:
            # What a visitor gets: the app, a "Sign in" button, no profile icon.
            body = """<header><strong>Copilot</strong>
  <button type="button" title="Sign in">Sign in</button></header>
<main><section><h1>Hi, how can I help?</h1>
  <textarea id="userInput" aria-label="Message Copilot"></textarea></section></main>"""
            return Response(200, page(self.title, body))
        who = html.escape(account.username)
        nav, templates = "", ""
        number = 0
        for title, keys, destroys in PAGES:
            drawn = []
            for key in keys:
                found = next(p for p in self.pages if p.key == key)
                if key in account.decoys:
                    number += 1
                    drawn.append(self._decoy_html(account, found, number))
                control = self._setting_html(account, found, None, number=number + 1)
                if control is not None:
                    number += 1
                    drawn.append(control)
                elif key in account.not_offered:
                    drawn.append("<p>This setting isn't available in your region.</p>")
            drawn.append(f'<button type="button" class="destroys">{html.escape(destroys)}</button>')
            nav += f'<button type="button" class="page-button">{html.escape(title)}</button>'
            templates += (
                f'<template data-page="{html.escape(title)}"><h2>{html.escape(title)}</h2>'
                f"{''.join(drawn)}</template>"
            )
        body = f"""<header><strong>Copilot</strong><span id="profile-slot"></span></header>
<main><section><h1>Hi, how can I help?</h1>
  <textarea id="userInput" aria-label="Message Copilot"></textarea>
  <p role="status" id="status"></p></section></main>
<template id="profile"><button type="button" id="profile-button" aria-label="Open profile menu"
  aria-haspopup="menu" aria-expanded="false"><span aria-hidden="true">DU</span></button>
  <div role="menu" id="profile-menu" hidden>
    <div role="menuitem" tabindex="-1" id="account-entry">Demo User {who}</div>
    <div role="menuitem" tabindex="-1">Give feedback</div></div></template>
<div role="dialog" aria-modal="true" aria-label="Settings" id="settings" hidden>
  <nav>{nav}</nav><div id="panel"></div></div>
{templates}"""
        return Response(200, page(self.title, body, SCRIPT))


SCRIPT = """
const status = document.getElementById('status');
const wire = (sw) => {
  const isButton = sw.tagName === 'BUTTON';
  const get = () => isButton ? sw.getAttribute('aria-checked') === 'true' : sw.checked;
  const set = (v) => {
    if (isButton) sw.setAttribute('aria-checked', String(v)); else sw.checked = v;
  };
  const changed = async (want) => {
    try {
      const r = await fetch(sw.closest('[data-api]').dataset.api, {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify({value: want})});
      if (!r.ok) throw new Error(String(r.status));
      status.textContent = 'Saved.';
    } catch (e) {
      set(!want);
      status.textContent = "Couldn't save your change. Try again.";
    }
  };
  if (isButton) {
    sw.addEventListener('click', () => { const want = !get(); set(want); changed(want); });
  }
  else sw.addEventListener('change', () => changed(sw.checked));
};
const panel = document.getElementById('panel');
const dialog = document.getElementById('settings');
const show = (title) => {
  const template = document.querySelector(`template[data-page="${title}"]`);
  panel.replaceChildren(template.content.cloneNode(true));
  panel.querySelectorAll('.switch-state').forEach((shown) => shown.remove());
  panel.querySelectorAll('.switch').forEach(wire);
  panel.querySelectorAll('.destroys').forEach((button) => button.addEventListener('click', () =>
    fetch('/delete', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({words: button.textContent})})));
};
document.querySelectorAll('.page-button').forEach((button) =>
  button.addEventListener('click', () => show(button.textContent)));
// The profile icon is drawn a moment after the app loads, as the real app's is.
setTimeout(() => {
  const slot = document.getElementById('profile-slot');
  slot.appendChild(document.getElementById('profile').content.cloneNode(true));
  const profile = document.getElementById('profile-button');
  const menu = document.getElementById('profile-menu');
  profile.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    profile.setAttribute('aria-expanded', String(!menu.hidden));
  });
  document.getElementById('account-entry').addEventListener('click', () => {
    menu.hidden = true;
    dialog.hidden = false;
  });
}, 150);
"""
