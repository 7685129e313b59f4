"""The LinkedIn replica's markup around a settings page's switches: checkboxes, the
Settings menu, hidden confirmations, the footer and the page's script.
"""

from __future__ import annotations

import html

from .linkedin_pages import CATEGORIES, SECTIONS
from .switchsite import Control


def checkbox(
    control: Control, value: bool, *, copy: bool = False, ref: str, disabled: bool = False
) -> str:
    """A checkbox with its words beside it, as the checkbox pages draw them: no "On" or
    "Off" shown (the script's state holder is there, hidden). A ``copy`` points at the
    same words and repeats no element id."""
    ident = f"{ref}-box" + ("-copy" if copy else "")
    words = "" if copy else f'<span id="{html.escape(ref)}">{html.escape(control.label)}</span>'
    return (
        f'<div class="toggle"><input type="checkbox" class="switch" id="{html.escape(ident)}" '
        f'aria-labelledby="{html.escape(ref)}"{" checked" if value else ""}'
        f"{' disabled' if disabled else ''}>{words}"
        '<span class="switch-state" hidden></span></div>'
    )


def side_menu(current: str) -> str:
    """The Settings menu on the left of every settings page, its section marked."""
    mark = ' aria-current="page"'
    links = "".join(
        f'<a href="{CATEGORIES}{slug}"{mark if slug == current else ""}>{html.escape(words)}</a>'
        for slug, words in SECTIONS
    )
    return f'<nav class="side" aria-label="Settings"><h2>Settings</h2>{links}</nav>'


def confirm_dialog(key: str, asks: str) -> str:
    """A confirmation drawn in the page from the start, hidden until the click that
    turns ``key`` off shows it. ``strange`` offers a button no plugin may press."""
    title, yes = (
        ("Before you go", "Delete my history too")
        if asks == "strange"
        else (
            "Turn off this setting?",
            "Turn off",
        )
    )
    ident = f"confirm-{html.escape(key)}"
    return (
        f'<div role="dialog" aria-modal="true" aria-labelledby="{ident}-title" '
        f'id="{ident}" class="confirm" hidden>'
        f'<h2 id="{ident}-title">{title}</h2>'
        "<p>LinkedIn will stop using your data this way from now on.</p>"
        f'<button type="button" class="no">Cancel</button>'
        f'<button type="button" class="yes">{yes}</button></div>'
    )


FOOTER = (
    '<footer><a href="/help/linkedin">Help Center</a> '
    '<a href="/legal/professional-community-policies">Professional Community Policies</a> '
    '<a href="/legal/privacy-policy">Privacy Policy</a> '
    '<a href="/legal/user-agreement">User Agreement</a></footer>'
)

#: The page's own script: it draws the card a moment after loading, saves a change
#: with its own request (putting the switch back when the save fails), and, where a
#: confirmation sits hidden in the page, shows it before a switch is turned off and
#: saves only once it is confirmed.
SCRIPT = """
const holder = document.getElementById('setting');
const status = document.getElementById('status');
const wire = (sw) => {
  const isButton = sw.tagName === 'BUTTON';
  const shown = sw.parentElement.querySelector('.switch-state');
  const row = sw.closest('[data-api]');
  const dialog = row.dataset.dialog ? document.getElementById(row.dataset.dialog) : null;
  const get = () => isButton ? sw.getAttribute('aria-checked') === 'true' : sw.checked;
  const set = (v) => {
    if (isButton) sw.setAttribute('aria-checked', String(v)); else sw.checked = v;
    shown.textContent = v ? 'On' : 'Off';
  };
  const ask = () => new Promise((resolve) => {
    const yes = dialog.querySelector('.yes');
    const no = dialog.querySelector('.no');
    const done = (answer) => {
      dialog.hidden = true;
      yes.onclick = null;
      no.onclick = null;
      resolve(answer);
    };
    yes.onclick = () => done(true);
    no.onclick = () => done(false);
    dialog.hidden = false;
  });
  const changed = async (want) => {
    if (dialog && !want) {
      set(true);
      if (!(await ask())) return;
    }
    set(want);
    try {
      const r = await fetch(row.dataset.api, {method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({value: want})});
      if (!r.ok) throw new Error(String(r.status));
      status.textContent = 'Saved.';
    } catch (e) {
      set(!want);
      status.textContent = "Couldn't save your change. Try again.";
    }
  };
  if (isButton) sw.addEventListener('click', () => changed(!get()));
  else sw.addEventListener('change', () => changed(sw.checked));
};
setTimeout(() => {
  const template = document.querySelector('template.stage');
  holder.appendChild(template.content.cloneNode(true));
  holder.hidden = false;
  holder.querySelectorAll('.switch').forEach(wire);
}, 150);
"""
