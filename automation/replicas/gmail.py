"""A replica of Gmail's General settings, as Gmail's help and public guides describe them.

It follows https://support.google.com/mail/answer/10079371 (the General tab's box),
https://support.google.com/mail/answer/15604322 (the three settings) and
https://www.sotwe.com/syachi2 (the box's wordings, "Save Changes", and the dialog
"Manage Workspace smart feature settings" opens, kept by its own "Save").

The smart-features setting is a checkbox on the General tab, and the tab keeps nothing
until "Save Changes" is pressed: ticking or unticking the box changes the page only, and
leaving or reloading the page forgets it. "Smart features in Google Workspace" and
"Smart features in other Google products" sit in a dialog that "Manage Workspace smart
feature settings" opens, with its own "Save"; their checkboxes exist only once the
dialog is open, as a dialog's content does, and start in other states than the General
tab's. The markup is not on record, so the replica draws checkboxes named by their
labels (a guess). The settings open at ``/mail/u/0/#settings/general``; the part after
``#`` never reaches a server. Signed-out visitors are sent to a Google sign-in page.

An account that never answered Gmail's first-run question (:attr:`GmailSite.first_run`)
gets it as a dialog over the mailbox, settings included: "Allow smart features in Gmail,
Chat, and Meet to use your data", with a choice and a "Next" button named
``data_consent_dialog_next``. The Verge describes the question
(https://www.theverge.com/2020/11/16/21569599/google-gmail-meet-chat-personal-data-toggle-privacy)
and Google's help its two settings (https://support.google.com/mail/answer/10079371);
the button's name and the choice's two wordings ("Continue with smart features", "Turn
off smart features") are those public automations of Gmail's first run click. An answer
is recorded (:attr:`GmailSite.answers`), so tests can show none is ever given.
"""

from __future__ import annotations

import html

from .google import GoogleSignIn
from .server import Account, Request, Response, page
from .switchsite import Control, SettingsPage

PATH = "/mail/u/0"
LABEL = "Smart features in Gmail, Chat, and Meet"
#: The other wording on record.
LABEL_TURN_ON = "Turn on smart features in Gmail, Chat, and Meet"
DIALOG = "Manage Workspace smart feature settings"
#: The first-run question's title and the name of its button.
FIRST_RUN = "Allow smart features in Gmail, Chat, and Meet to use your data"
FIRST_RUN_NEXT = "data_consent_dialog_next"
#: Where the first-run question's answer is sent.
CONSENT_API = "/mail/u/0/consent"


def _checkbox(key: str, label: str, default: bool = True) -> SettingsPage:
    return SettingsPage(
        key,
        PATH,
        "Settings",
        Control(label, kind="checkbox", labelledby=f"{key.replace('_', '-')}-label"),
        "General",
        default=default,
    )


SMART_FEATURES = _checkbox("smart_features", LABEL)
#: The dialog's two settings, in its order.
IN_DIALOG = (
    _checkbox("workspace_smart_features", "Smart features in Google Workspace"),
    _checkbox("other_products_smart_features", "Smart features in other Google products"),
)


class GmailSite(GoogleSignIn):
    name = "gmail"
    title = "Gmail"
    home_path = "/mail/u/0/inbox"
    api_prefix = "/mail/u/0/settings/"
    pages = (SMART_FEATURES, *IN_DIALOG)

    def __init__(self) -> None:
        super().__init__()
        #: Usernames whose accounts never answered the first-run question.
        self.first_run: set[str] = set()
        #: Answers to the first-run question, as (username, smart features kept).
        self.answers: list[tuple[str, bool]] = []

    def route(self, request: Request) -> Response | None:
        if request.path != CONSENT_API or request.method != "POST":
            return None
        account = self.signed_in(request)
        if account is None:
            return None
        data = request.json()
        keep = data.get("smart") if isinstance(data, dict) else None
        if not isinstance(keep, bool):
            return Response.json({"error": "bad request"}, 400)
        with self.lock:
            self.answers.append((account.username, keep))
            self.first_run.discard(account.username)
        return Response.json({})

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        if found.key in account.moved:
            return Response.redirect(self.home_path, 302)
        if found.key in account.broken:
            return Response(500, page("Error | Gmail", "<h1>Something went wrong</h1>"))
        general = self._drawn(account, SMART_FEATURES, 1)
        notice = "".join(
            "<p>This setting isn't available in your region.</p>"
            for each in self.pages
            if each.key in account.not_offered
        )
        dialog = "".join(self._drawn(account, each, n) for n, each in enumerate(IN_DIALOG, 3))
        body = f"""<header><strong>Gmail</strong><a href="/mail/u/0/inbox">Inbox</a></header>
<main><section>
  <h1>Settings</h1>
  <nav role="tablist"><a role="tab" aria-selected="true" href="#settings/general">General</a>
    <a role="tab" aria-selected="false" href="#settings/labels">Labels</a></nav>
  <h2>Smart features</h2>
  {notice}
  <div id="general"></div>
  <button type="button" id="manage">{html.escape(DIALOG)}</button>
  <div class="actions">
    <button type="button" id="save-changes">Save Changes</button>
    <button type="button" id="cancel">Cancel</button>
  </div>
  <p role="status" id="status"></p>
</section></main>
<div role="dialog" aria-modal="true" aria-label="{html.escape(DIALOG)}" id="dialog" hidden>
  <h2>{html.escape(DIALOG)}</h2><div id="dialog-rows"></div>
  <button type="button" id="dialog-save">Save</button>
  <button type="button" id="dialog-cancel">Cancel</button>
</div>
<template id="rows">{general}</template>
<template id="in-dialog">{dialog}</template>"""
        if account.username in self.first_run:
            body += f'<template id="first-run">{FIRST_RUN_HTML}</template>'
        return Response(200, page("Settings - Gmail", body, SCRIPT))

    def _drawn(self, account: Account, found: SettingsPage, number: int) -> str:
        """One setting's checkbox, after a look-alike when the account asks for one."""
        drawn = self._setting_html(account, found, None, number + 1) or ""
        if found.key in account.decoys:
            drawn = self._decoy_html(account, found, number) + drawn
        return drawn


#: The first-run question, drawn over the mailbox until it is answered.
FIRST_RUN_HTML = f"""<div role="dialog" aria-modal="true" aria-labelledby="first-run-title"
  class="first-run" style="position:fixed;inset:0;background:#fff;z-index:10;padding:48px">
  <h2 id="first-run-title">{html.escape(FIRST_RUN)}</h2>
  <p>Smart features use your Gmail, Chat and Meet data to personalise your experience,
    such as filtering your email and suggesting replies.</p>
  <label><input type="radio" name="smart" value="true"> Continue with smart features</label>
  <label><input type="radio" name="smart" value="false"> Turn off smart features</label>
  <button type="button" name="{FIRST_RUN_NEXT}" disabled>Next</button>
</div>"""

SCRIPT = """
const general = document.getElementById('general');
const dialog = document.getElementById('dialog');
const status = document.getElementById('status');
const boxes = (root) => Array.from(root.querySelectorAll('.switch'));
const post = async (box) => {
  const r = await fetch(box.closest('[data-api]').dataset.api, {method: 'POST',
    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({value: box.checked})});
  if (!r.ok) throw new Error(String(r.status));
  box.defaultChecked = box.checked;
};
// Nothing is kept until the tab's own "Save Changes" (or the dialog's "Save").
const saveAll = async (root) => {
  try {
    for (const box of boxes(root)) if (box.checked !== box.defaultChecked) await post(box);
    status.textContent = 'Your preferences have been saved.';
  } catch (e) {
    status.textContent = "Couldn't save your changes. Try again.";
  }
};
const undo = (root) => boxes(root).forEach((box) => { box.checked = box.defaultChecked; });
document.getElementById('save-changes').addEventListener('click', () => saveAll(general));
document.getElementById('cancel').addEventListener('click', () => undo(general));
const rows = document.getElementById('dialog-rows');
// The dialog's checkboxes exist only while it is open.
document.getElementById('manage').addEventListener('click', () => {
  rows.replaceChildren(document.getElementById('in-dialog').content.cloneNode(true));
  rows.querySelectorAll('.switch-state').forEach((shown) => shown.remove());
  dialog.hidden = false;
});
const close = () => { dialog.hidden = true; rows.replaceChildren(); };
document.getElementById('dialog-save').addEventListener('click', async () => {
  await saveAll(dialog); close();
});
document.getElementById('dialog-cancel').addEventListener('click', close);
document.querySelectorAll('.switch-state').forEach((shown) => shown.remove());
// The first-run question comes over the mailbox as it loads; its answer is sent by Next.
const firstRun = document.getElementById('first-run');
if (firstRun) {
  setTimeout(() => {
    document.body.appendChild(firstRun.content.cloneNode(true));
    const box = document.querySelector('.first-run');
    const next = box.querySelector('button');
    box.querySelectorAll('input').forEach((r) => r.addEventListener('change', () => {
      next.disabled = false;
    }));
    next.addEventListener('click', async () => {
      const chosen = box.querySelector('input:checked');
      const r = await fetch('/mail/u/0/consent', {method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({smart: chosen.value === 'true'})});
      if (r.ok) box.remove();
    });
  }, 100);
}
setTimeout(() => {
  general.appendChild(document.getElementById('rows').content.cloneNode(true));
  general.querySelectorAll('.switch-state').forEach((shown) => shown.remove());
}, 150);
"""
