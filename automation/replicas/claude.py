"""A replica of claude.ai's privacy settings: a dialog over the app at a hash address.

Drawn as lukin0110/dataporter@37f5e13075fb27273283d4e7b83165a9d9bcd355:
src/dataporter/sources/claude.py records the real page: the settings are not a page of
their own but a dialog over the app, opened by the address
``/new#settings/data-privacy-controls``; ``/settings/data-privacy-controls`` serves
nothing. The panel is ``[data-perf-screen="data-privacy-controls"]`` inside a
``role="dialog"`` named "Settings"; its rows are ``[data-settings-row]``; every row
above "Export data" holds a switch, named by nothing but its row's words (no label,
no test id, ids regenerated on every render); "Export data" is the first button, and
five "Manage" rows follow it. The words of the switch rows are Anthropic's ("Help
improve Claude", with the sentence under it; "Location metadata"); the words of the
"Manage" rows are not on record, so these are stand-ins.
"""

from __future__ import annotations

import html
from typing import ClassVar

from .server import DECOY, DECOY_LABEL, Account, Request, Response, page
from .switchsite import SwitchSite

PANEL = "data-privacy-controls"
APP = "/new"
OLD_PATH = "/settings/data-privacy-controls"
#: The switch rows, in order: key, the row's words, the sentence under them.
SWITCHES = (
    ("location_metadata", "Location metadata", ""),
    (
        "help_improve",
        "Help improve Claude",
        "Allow the use of your chats and coding sessions to train and improve Anthropic AI models.",
    ),
)
#: The rows after the switches: "Export data" and the "Manage" rows (stand-in words).
BUTTON_ROWS = (
    ("Export data", "Export data"),
    ("Shared chats", "Manage"),
    ("Memory", "Manage"),
    ("Connected apps", "Manage"),
    ("Incognito chats", "Manage"),
    ("Data retention", "Manage"),
)

SCRIPT = """
const status = document.getElementById('status');
const open = () => {
  document.querySelectorAll('.settings').forEach((d) => d.remove());
  if (location.hash !== '#settings/%(panel)s' && location.pathname === '/new') return;
  const part = document.getElementById('panel').content.cloneNode(true);
  document.body.appendChild(part);
  document.querySelectorAll('[data-settings-row] button[role="switch"]').forEach((sw) => {
    sw.addEventListener('click', async () => {
      const want = sw.getAttribute('aria-checked') !== 'true';
      const show = (on) => {
        sw.setAttribute('aria-checked', String(on));
        sw.dataset.state = on ? 'checked' : 'unchecked';
      };
      show(want);
      try {
        const r = await fetch(sw.closest('[data-api]').dataset.api, {method: 'POST',
          headers: {'Content-Type': 'application/json'}, body: JSON.stringify({value: want})});
        if (!r.ok) throw new Error(String(r.status));
      } catch (e) {
        show(!want);
        status.textContent = 'Failed to update setting';
      }
    });
  });
};
document.addEventListener('click', (event) => {
  if (event.target.closest('button[data-cds="Button"]')) fetch('/api/export', {method: 'POST'});
});
window.addEventListener('hashchange', open);
setTimeout(open, 200);
"""


class ClaudeSite(SwitchSite):
    name = "claude"
    title = "Claude"
    # claude.ai's session cookie (durapensa/poc@5ac58cb14b31d891e7c39d362ffe3b4330d6755e:
    # docs/REAL_API_ENDPOINTS.md).
    session_cookie = "sessionKey"
    home_path = APP
    api_prefix = "/api/account/settings/"
    defaults: ClassVar[dict[str, bool]] = {key: True for key, _, _ in SWITCHES}

    def __init__(self) -> None:
        super().__init__()
        #: The settings as they were before they became a dialog: a page of their own
        #: at ``/settings/data-privacy-controls``, and no panel at the app's address.
        self.old_page = False
        #: How many times a button of the panel ("Export data", "Manage") was pressed.
        self.pressed = 0

    def route(self, request: Request) -> Response | None:
        if request.path == "/api/export" and request.method == "POST":
            with self.lock:
                self.pressed += 1
            return Response.json({})
        where = OLD_PATH if self.old_page else APP
        if request.path != where or request.method != "GET":
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            return None  # to the sign-in page, or the check
        return self.app(account)

    def app(self, account: Account) -> Response:
        rows = ""
        for key, words, sentence in SWITCHES:
            if key in account.decoys:
                # A look-alike row for another setting, in the other position.
                with self.lock:
                    twin = account.settings.get(key, True)
                    look = account.settings.setdefault(key + DECOY, not twin)
                rows += (
                    f'<div data-settings-row data-api="{self.api_prefix}{key}{DECOY}" '
                    'style="display:flex;justify-content:space-between">'
                    f"<div><div>{html.escape(DECOY_LABEL)}</div></div>"
                    f'<button type="button" role="switch" aria-checked="{str(look).lower()}">'
                    "</button></div>"
                )
            if key in account.unavailable or key in account.not_offered or key in account.hidden:
                continue
            with self.lock:
                on = account.settings[key]
            label = html.escape(account.labels.get(key, words))
            under = f"<div>{html.escape(sentence)}</div>" if sentence else ""
            rows += (
                f'<div data-settings-row data-api="{self.api_prefix}{key}" '
                'style="display:flex;justify-content:space-between">'
                f"<div><div>{label}</div>{under}</div>"
                f'<button type="button" role="switch" aria-checked="{str(on).lower()}" '
                f'data-state="{"checked" if on else "unchecked"}"></button></div>'
            )
        if any(key in account.not_offered for key, _, _ in SWITCHES):
            rows += "<p>This setting isn't available in your region.</p>"
        for words, button in BUTTON_ROWS:
            rows += (
                '<div data-settings-row style="display:flex;justify-content:space-between">'
                f'<div>{html.escape(words)}</div><button type="button" data-cds="Button">'
                f"{html.escape(button)}</button></div>"
            )
        panel = (
            '<div class="settings" role="dialog" aria-modal="true" aria-label="Settings">'
            '<nav><a href="#settings/general">General</a><a href="#settings/account">Account'
            f'</a><a href="#settings/{PANEL}" aria-current="page">Privacy</a></nav>'
            f'<section data-perf-screen="{PANEL}"><h2>Privacy</h2>{rows}</section></div>'
        )
        body = (
            f"{self.header}<main><h1>How can I help you today?</h1>"
            '<textarea aria-label="Write your prompt to Claude"></textarea>'
            '<p role="status" id="status"></p></main>'
            f'<template id="panel">{panel}</template>'
        )
        return Response(200, page("Claude", body, SCRIPT % {"panel": PANEL}))
