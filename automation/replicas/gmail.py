"""A replica of Gmail's General settings, as ``shared/platforms.md`` records them.

The smart-features setting is a checkbox on the General tab, and the tab keeps
nothing until "Save Changes" is pressed: ticking or unticking the box changes the
page only, and leaving or reloading the page forgets it. "Smart features in
Google Workspace" and "Smart features in other Google products" sit in a dialog
that "Manage Workspace smart feature settings" opens, with its own "Save" (a
guess); their checkboxes exist only once the dialog is open, as a dialog's content
does, and start in other states than the General tab's. The markup is not on
record, so the replica draws checkboxes named by their labels (a guess). The
settings open at ``/mail/u/0/#settings/general``; the part after ``#`` never
reaches a server. Signed-out visitors are sent to a Google
sign-in page.
"""

from __future__ import annotations

import html

from .google import GoogleSignIn
from .server import Account, Response, page
from .switchsite import Control, SettingsPage

PATH = "/mail/u/0"
LABEL = "Smart features in Gmail, Chat, and Meet"
#: The other wording on record.
LABEL_TURN_ON = "Turn on smart features in Gmail, Chat, and Meet"
DIALOG = "Manage Workspace smart feature settings"


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
        return Response(200, page("Settings - Gmail", body, SCRIPT))

    def _drawn(self, account: Account, found: SettingsPage, number: int) -> str:
        """One setting's checkbox, after a look-alike when the account asks for one."""
        drawn = self._setting_html(account, found, None, number + 1) or ""
        if found.key in account.decoys:
            drawn = self._decoy_html(account, found, number) + drawn
        return drawn


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
setTimeout(() => {
  general.appendChild(document.getElementById('rows').content.cloneNode(true));
  general.querySelectorAll('.switch-state').forEach((shown) => shown.remove());
}, 150);
"""
