"""What a switch site's settings pages are made of: the controls, the buttons that
reveal them and the pages that hold them, declared as data, with the markup of one
control, the security-check page and the script every page runs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Control:
    """How a page draws its switch, as the real page is known to.

    ``kind`` is ``switch`` (``<input type=checkbox role=switch>``), ``checkbox``
    (a plain checkbox with a label) or ``button`` (``<button role=switch
    aria-checked>``). ``labelledby``/``describedby`` tie it to its label by id;
    ``{n}`` in either is the control's number on its page, counted over every
    control drawn there (X's ``CHECKBOX_{n}_LABEL``). ``wrapped`` draws the control
    inside a ``<label>`` with its text, as X does. ``testid`` sets ``data-testid``.
    ``own_id`` is an id the control carries itself (LinkedIn's cookies switch,
    ``#nonEssentialCookieConsent``), its label then tied by a plain
    ``aria-labelledby``. An account with the setting in ``Account.renamed`` gets
    each of these ids with ``Renamed`` appended.
    """

    label: str
    kind: str = "switch"
    labelledby: str | None = None
    describedby: str | None = None
    testid: str | None = None
    wrapped: bool = False
    own_id: str | None = None


@dataclass(frozen=True)
class Opener:
    """A button that must be clicked to reveal what follows (a menu, a tab, a dialog).

    ``dialog`` draws what it reveals inside a modal dialog. ``shows`` is the key of
    a setting whose position the button's name ends with ("... On"), as a button
    that opens one setting's own dialog may say.
    """

    label: str
    testid: str | None = None
    dialog: bool = False
    shows: str | None = None


@dataclass(frozen=True)
class SettingsPage:
    """One setting's page. ``path``, ``heading`` and the control's label may hold
    ``{name}`` for a per-blog setting.

    Settings that share a path share the page. Their ``opens`` say how deep each
    control sits: each is a prefix of the longest (a tab holds some switches and
    the button of a dialog that holds another), and a control is drawn once the
    openers of its own ``opens`` have all been clicked.
    """

    key: str
    path: str
    heading: str
    control: Control
    question: str = ""
    default: bool = True
    opens: tuple[Opener, ...] = ()
    #: ``data-testid`` of the container the page draws its controls in (X's Grok page).
    container: str | None = None


def testid_attribute(testid: str | None) -> str:
    return f'data-testid="{html.escape(testid)}"' if testid else ""


def draw(
    control: Control,
    value: bool,
    *,
    copy: bool = False,
    ref: str = "switch-label",
    disabled: bool = False,
) -> str:
    """The HTML of one control in the given position.

    A ``copy`` is a second widget pointing at the same label, as a page that drew
    the setting twice would have. ``ref`` is the label's id where the control
    names none of its own (unique on a page with several controls).
    """
    if control.describedby and not control.labelledby:
        attribute, label_id = "aria-describedby", control.describedby
    else:
        attribute, label_id = "aria-labelledby", control.labelledby or ref
    label = (
        "" if copy else f'<span id="{html.escape(label_id)}">{html.escape(control.label)}</span>'
    )
    off = " disabled" if disabled else ""
    # A copy never repeats an element id of the page.
    own = f'id="{html.escape(control.own_id)}" ' if control.own_id and not copy else ""
    common = (
        f'{own}class="switch" {attribute}="{html.escape(label_id)}" '
        f"{testid_attribute(control.testid)}"
    )
    if control.kind == "button":
        widget = (
            f'<button type="button" role="switch" {common} '
            f'aria-checked="{"true" if value else "false"}"{off}></button>'
        )
    else:
        role = 'role="switch"' if control.kind == "switch" else ""
        widget = f'<input type="checkbox" {role} {common} {"checked" if value else ""}{off}>'
    state = "On" if value else "Off"
    shown = f'<span class="switch-state" aria-hidden="true">{state}</span>'
    if control.wrapped:
        return f'<label class="toggle"><div>{label}</div><div>{widget}{shown}</div></label>'
    return f'<div class="toggle">{label}{widget}{shown}</div>'


CHECKPOINT = """<main><section><h1>Let's make sure it's you</h1>
<p>Enter the code we sent to your email to continue.</p>
<form><label for="pin">Verification code</label><input id="pin" name="pin">
<button type="submit">Submit</button></form></section></main>"""

SCRIPT = """
const openers = Array.from(document.querySelectorAll('.opener'));
const holder = document.getElementById('setting');
const status = document.getElementById('status');
const wire = (sw) => {
  const isButton = sw.tagName === 'BUTTON';
  const get = () => isButton ? sw.getAttribute('aria-checked') === 'true' : sw.checked;
  const set = (v) => {
    if (isButton) sw.setAttribute('aria-checked', String(v)); else sw.checked = v;
  };
  const shown = sw.parentElement.querySelector('.switch-state');
  const asks = sw.closest('[data-confirm]').dataset.confirm;
  const ask = (want) => new Promise((resolve) => {
    const box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    const strange = asks === 'strange';
    const title = strange ? 'Before you go: tell us why' : (want ? 'Turn on?' : 'Turn off?');
    const yes = strange ? 'Delete my history too' : (want ? 'Turn on' : 'Turn off');
    box.innerHTML = `<h2>${title}</h2><p>This changes how your data is used.</p>` +
      `<button type="button" class="yes">${yes}</button>` +
      '<button type="button" class="no">Cancel</button>';
    document.body.appendChild(box);
    box.querySelector('.yes').addEventListener('click', () => { box.remove(); resolve(true); });
    box.querySelector('.no').addEventListener('click', () => { box.remove(); resolve(false); });
  });
  const changed = async (want) => {
    if (asks && !(await ask(want))) {
      set(!want);
      shown.textContent = get() ? 'On' : 'Off';
      return;
    }
    shown.textContent = want ? 'On' : 'Off';
    try {
      const r = await fetch(sw.closest('[data-api]').dataset.api, {method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({value: want})});
      if (!r.ok) throw new Error(String(r.status));
      status.textContent = 'Saved.';
    } catch (e) {
      set(!want);
      shown.textContent = get() ? 'On' : 'Off';
      status.textContent = "Couldn't save your change. Try again.";
    }
  };
  if (isButton) {
    sw.addEventListener('click', () => { const want = !get(); set(want); changed(want); });
  }
  else sw.addEventListener('change', () => changed(sw.checked));
};
// The controls behind n openers (a menu, a tab, a dialog) exist only once the n-th
// is clicked, as a dialog's content does; those behind none are drawn a moment
// after loading.
const drawn = new Set();
const show = (stage) => {
  const template = document.querySelector(`template.stage[data-stage="${stage}"]`);
  if (!template || drawn.has(stage)) return;
  drawn.add(stage);
  holder.hidden = false;
  const part = document.createElement('div');
  part.appendChild(template.content.cloneNode(true));
  holder.appendChild(part);
  part.querySelectorAll('.switch').forEach(wire);
};
openers.forEach((button, i) => button.addEventListener('click', () => {
  if (openers[i + 1]) openers[i + 1].hidden = false;
  show(i + 1);
}));
setTimeout(() => { if (openers.length) openers[0].hidden = false; show(0); }, 150);
"""
