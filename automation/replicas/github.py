"""A replica of GitHub's Copilot settings, drawn from GitHub's own help.

On the real page (``github/docs`` ``manage-policies.md``, and a print of the page at
https://github.com/user-attachments/files/32107755/Copilot-settings.pdf) each Copilot
policy is a drop-down beside its name: "Suggestions matching public code" offers
"Allow" and "Block", "Copilot access to Bing" (off by default) and "Allow GitHub to
use my data for AI model training" (on by default since April 2026) offer "Enabled"
and "Disabled". Beside the training one sits the choice about product improvements
("Allow GitHub to use my data for product improvements"; Microsoft's GitHub Copilot
course describes it on the same settings:
https://learn.microsoft.com/en-us/training/modules/get-started-github-copilot/7-manage-github-copilot-policies-features-extensions),
a look-alike whose words differ only at the end. The replica draws them in that
order, each a button that opens a menu of its choices, with different states, so a
plugin that takes the wrong drop-down reads a wrong value. The markup is a guess:
each button is named by its row's label through ``aria-labelledby`` (a select by its
``<label>``), as an accessible drop-down is.

The page is served at ``address`` (``/settings/copilot``); the other address some
links use (``/settings/copilot/features``) redirects there, or, with
``redirects`` off, does not exist. With ``native`` on, each drop-down is a plain
``<select>`` instead (the other markup a drop-down may have).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from urllib.parse import quote

from .server import DECOY, DECOY_LABEL, Account, Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

PATH = "/settings/copilot"
FEATURES_PATH = "/settings/copilot/features"
TRAINING_LABEL = "Allow GitHub to use my data for AI model training"


@dataclass(frozen=True)
class Policy:
    """One drop-down: its setting key, its name, and its choices (the first is ``True``)."""

    key: str
    label: str
    choices: tuple[str, str]
    default: bool
    description: str


POLICIES = (
    Policy(
        "public_code",
        "Suggestions matching public code",
        ("Allow", "Block"),
        False,
        "Copilot can allow or block suggestions matching public code.",
    ),
    Policy(
        "bing",
        "Copilot access to Bing",
        ("Enabled", "Disabled"),
        False,
        "Copilot Chat can use Bing to answer questions about recent events.",
    ),
    Policy(
        "product_improvements",
        "Allow GitHub to use my data for product improvements",
        ("Enabled", "Disabled"),
        True,
        "GitHub may use your data, including prompts and suggestions, to improve its products.",
    ),
    Policy(
        "copilot_training",
        TRAINING_LABEL,
        ("Enabled", "Disabled"),
        True,
        "GitHub may use your interactions with Copilot to train and improve AI models.",
    ),
)


class GitHubSite(SwitchSite):
    name = "github"
    title = "GitHub"
    session_cookie = "user_session"
    checkpoint_path = "/sessions/two-factor"
    api_prefix = "/settings/copilot/update/"
    header = '<header><strong>GitHub</strong><a href="/">Dashboard</a></header>'
    pages = tuple(
        SettingsPage(p.key, PATH, "Copilot", Control(p.label), default=p.default) for p in POLICIES
    )

    def __init__(self) -> None:
        super().__init__()
        #: Where the policies page is served.
        self.address = PATH
        #: Whether the page's other known address redirects to it (else HTTP 404).
        self.redirects = True
        #: Draw each drop-down as a native ``<select>``.
        self.native = False

    def route(self, request: Request) -> Response | None:
        path = request.path.rstrip("/")
        if path not in (PATH, FEATURES_PATH) or request.method != "GET":
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            return None  # the usual redirects to sign-in or verification
        if path != self.address:
            if self.redirects:
                return Response.redirect(self.address, 302)
            return Response(404, page("Not found | GitHub", "<h1>Page not found</h1>"))
        return self.policies(account)

    def _match(self, path: str) -> tuple[SettingsPage, str | None] | None:
        # The page is drawn by ``route``; only its address is a settings page.
        return super()._match(PATH) if path.rstrip("/") == self.address else None

    def policies(self, account: Account) -> Response:
        if "copilot_training" in account.unavailable:
            return Response(404, page("Not found | GitHub", "<h1>Page not found</h1>"))
        rows = "".join(
            (self._decoy(account, policy) if policy.key in account.decoys else "")
            + self._row(account, policy)
            for policy in POLICIES
        )
        notice = (
            "<p>This setting isn't available for your plan.</p>"
            if "copilot_training" in account.not_offered
            else ""
        )
        body = f"""{self.header}
<main><section>
  <h1>Copilot</h1>
  <h2>Policies</h2>
  {notice}
  <div id="policies"></div>
  <p role="status" id="status"></p>
</section></main>
<template id="rows">{rows}</template>"""
        return Response(200, page("Copilot | GitHub", body, SCRIPT))

    def _decoy(self, account: Account, policy: Policy) -> str:
        """A look-alike drop-down for another setting, drawn first, in the other state."""
        key = policy.key + DECOY
        with self.lock:
            value = account.settings.setdefault(key, not account.settings[policy.key])
        return self._row(account, replace(policy, key=key, label=DECOY_LABEL), value)

    def _row(self, account: Account, policy: Policy, value: bool | None = None) -> str:
        key = policy.key
        if key in account.hidden or key in account.not_offered:
            return ""
        if value is None:
            with self.lock:
                value = account.settings[key]
            # The label as the site's page declares it (tests reword it there), or the
            # account's own wording of it.
            declared = next((p.control.label for p in self.pages if p.key == key), policy.label)
            label = account.labels.get(key, declared)
        else:
            label = policy.label
        ref = f"label-{key}".replace("~", "-")
        shown = policy.choices[0] if value else policy.choices[1]
        items = "".join(
            f'<li role="menuitemradio" tabindex="-1" data-value="{str(i == 0).lower()}" '
            f'aria-checked="{str(choice == shown).lower()}">{html.escape(choice)}</li>'
            for i, choice in enumerate(policy.choices)
        )
        disabled = " disabled" if key in account.disabled else ""
        menu = f"menu-{key}".replace("~", "-")
        api = html.escape(self.api_prefix + quote(key))
        if self.native:
            options = "".join(
                f'<option value="{str(i == 0).lower()}"{" selected" if choice == shown else ""}>'
                f"{html.escape(choice)}</option>"
                for i, choice in enumerate(policy.choices)
            )
            return f"""<div class="policy" data-api="{api}">
  <div><label for="{ref}-select">{html.escape(label)}</label>
    <p>{html.escape(policy.description)}</p></div>
  <div><select id="{ref}-select" class="native"{disabled}>{options}</select></div>
</div>"""
        return f"""<div class="policy" data-api="{api}">
  <div><strong id="{ref}">{html.escape(label)}</strong>
    <p>{html.escape(policy.description)}</p></div>
  <div><button type="button" class="dropdown" aria-haspopup="true" aria-expanded="false"
    aria-labelledby="{ref}" aria-controls="{menu}"{disabled}>{html.escape(shown)}</button>
  <ul role="menu" id="{menu}" hidden>{items}</ul></div>
</div>"""


SCRIPT = """
const holder = document.getElementById('policies');
const status = document.getElementById('status');
const draw = () => {
  holder.appendChild(document.getElementById('rows').content.cloneNode(true));
  holder.querySelectorAll('.native').forEach((select) => {
    let kept = select.value;
    select.addEventListener('change', async () => {
      const r = await fetch(select.closest('[data-api]').dataset.api, {method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({value: select.value === 'true'})});
      if (r.ok) { kept = select.value; status.textContent = 'Saved.'; }
      else { select.value = kept; status.textContent = "Couldn't save your change. Try again."; }
    });
  });
  holder.querySelectorAll('.policy').forEach((row) => {
    const button = row.querySelector('.dropdown');
    if (!button) return;
    const menu = row.querySelector('[role=menu]');
    const close = () => { menu.hidden = true; button.setAttribute('aria-expanded', 'false'); };
    button.addEventListener('click', () => {
      menu.hidden = !menu.hidden;
      button.setAttribute('aria-expanded', String(!menu.hidden));
    });
    menu.querySelectorAll('[role=menuitemradio]').forEach((item) => {
      item.addEventListener('click', async () => {
        close();
        const r = await fetch(row.dataset.api, {method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({value: item.dataset.value === 'true'})});
        if (!r.ok) { status.textContent = "Couldn't save your change. Try again."; return; }
        menu.querySelectorAll('[role=menuitemradio]').forEach((other) =>
          other.setAttribute('aria-checked', String(other === item)));
        button.textContent = item.textContent;
        status.textContent = 'Saved.';
      });
    });
  });
};
setTimeout(draw, 150);
"""
