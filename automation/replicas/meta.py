"""A replica of Meta's Accounts Center, Ad preferences: activity information from ad partners.

The page follows a crawl of the signed-in Accounts Center
(sebastianferragut/DSC180A_PrivacyProject@2107142320bc39bcd9c253e6c4c0056d1546dc26:
database/data/extracted_settings_with_urls_and_layers_classified.json, and its
screenshot ``gemini-team/picasso/Facebook/Activity information from ad
partners_https___accountscenter.facebook.com_ads_data_from_partners.png`` at
97172fcb28c627a537df173afdb4d53e14a259d8): at ``/ads/data_from_partners/`` the Ad
preferences page (its side bar, the tabs "Customize ads" and "Manage info", the rows
"Categories used to reach you", "Activity information from ad partners" and
"Audience-based advertising") lies under a dialog that asks "Do you want us to use your
activity information from ad partners to show you ads?", with two options, each a box
of words (title, description, "Your current experience" under the chosen one, a link
"How this affects your ads") and a radio, then notes such as "You can change your choice
at any time". Public automation of the setting
(webmunk2/webmunk-extension@18847d04914ec2fccf9c10937b2a51365bb1175a:
packages/modules/ad-personalization/src/content/strategies/FacebookActivityStrategy.ts)
names the radios ``radio1`` (yes) and ``radio2`` (no), reached the page at
``/ad_preferences/ad_settings/data_from_partners`` (here a redirect to the crawl's
address) and pressed the dialog's last button to keep a choice: here "Confirm", a guess.

An account may be set up to draw, before the dialog, a look-alike pair for another
choice with the same radio names, in the other position: the words of Meta's "Ads from
ad partners in other apps" ("Show me ads from ad partners", "Don't show me ads from ad
partners"), from the same crawl. The sign of an account is the ``xs`` session cookie.
"""

from __future__ import annotations

import html

from .server import DECOY, Account, Request, Response, page
from .switchsite import SwitchSite

PATH = "/ads/data_from_partners/"
OLD_PATH = "/ad_preferences/ad_settings/data_from_partners"
API = "/api/graphql/"
KEY = "activity_from_partners"
QUESTION = "Do you want us to use your activity information from ad partners to show you ads?"
YES = "Yes, show me ads that are more relevant by using this information"
YES_MORE = "You\u2019ll get ads that are more relevant to you based on what you already like."
NO = "No, don\u2019t make my ads more relevant by using this information"
NO_MORE = "Your ads will use less of your information and be more likely to apply to other people."
#: The look-alike pair's words and question: Meta's "Ads from ad partners in other apps".
LOOKALIKE = (
    "Ads from ad partners in other apps",
    ("Show me ads from ad partners", "Show me ads from ad partners in other apps."),
    (
        "Don\u2019t show me ads from ad partners",
        "Don\u2019t show me ads from ad partners in other apps.",
    ),
)
NOTES = (
    "You can change your choice at any time",
    "We always use strict security standards to keep your information safe",
    "Some information may be anonymized and used to improve our products as described in "
    "our Privacy Policy, regardless of your choice",
)
SIDE = (
    "Profiles and personal details",
    "Password and security",
    "Connected experiences",
    "Your information and permissions",
    "Ad preferences",
    "Meta Pay",
    "Subscriptions",
    "Manage accounts",
)
ROWS = (
    (
        "Categories used to reach you",
        "Information you share on your profile or other categories used to reach you.",
    ),
    (
        "Activity information from ad partners",
        "Choose whether we use this information to show you ads that are more relevant to you.",
    ),
    (
        "Audience-based advertising",
        "Advertisers using our ad tools can reach you based on your activity with them.",
    ),
)


class MetaSite(SwitchSite):
    name = "meta"
    title = "Meta"
    session_cookie = "xs"
    login_path = "/login.php"
    checkpoint_path = "/checkpoint/"
    home_path = "/"
    defaults = {KEY: True}

    def route(self, request: Request) -> Response | None:
        path = request.path
        if path.rstrip("/") not in (PATH.rstrip("/"), OLD_PATH) and path != API:
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            return None  # the usual redirects to sign-in or verification
        if path == API:
            return self._save(account, request)
        if request.method != "GET":
            return Response(405, "")
        if path.rstrip("/") == OLD_PATH:
            return Response.redirect(PATH, 302)
        if KEY in account.moved:
            return Response.redirect(self.home_path, 302)
        if KEY in account.broken:
            return Response(500, page("Error | Meta", "<h1>Something went wrong</h1>"))
        if KEY in account.unavailable:
            return Response(404, page("Page not found", "<h1>This page isn't available</h1>"))
        return Response(200, page("Ad preferences | Accounts Center", self._page(account), SCRIPT))

    def _save(self, account: Account, request: Request) -> Response:
        if request.method != "POST":
            return Response(405, "")
        data = request.json()
        key = data.get("setting") if isinstance(data, dict) else None
        value = data.get("value") if isinstance(data, dict) else None
        if key not in (KEY, KEY + DECOY) or not isinstance(value, bool):
            return Response.json({"error": "bad request"}, 400)
        if KEY in account.failing:
            return Response.json({"error": "server error"}, 500)
        if KEY in account.unkept:
            return Response.json({"ok": True})
        with self.lock:
            account.settings[key] = value
            self.saves.append((account.username, key, value))
        return Response.json({"ok": True})

    def _page(self, account: Account) -> str:
        side = "".join(f'<a href="#">{html.escape(item)}</a>' for item in SIDE)
        rows = "".join(
            f'<a class="row" href="#"><strong>{html.escape(title)}</strong>'
            f"<span>{html.escape(text)}</span></a>"
            for title, text in ROWS
        )
        decoy = ""
        if KEY in account.decoys:
            with self.lock:
                other = account.settings.setdefault(KEY + DECOY, not account.settings[KEY])
            title, yes, no = LOOKALIKE
            decoy = f"""<section class="lookalike" aria-label="{html.escape(title)}">
  <h2>{html.escape(title)}</h2>
  {_options(KEY + DECOY, other, yes, no)}</section>"""
        if KEY in account.not_offered:
            inside = "<p>This setting isn't available for your account.</p>"
        elif KEY in account.hidden:
            inside = "<p>This setting is being updated. Check back later.</p>"
        else:
            with self.lock:
                value = account.settings[KEY]
            yes = (account.labels.get(KEY, YES), YES_MORE)
            no = (NO, NO_MORE)
            disabled = KEY in account.disabled
            inside = _options(KEY, value, yes, no, disabled=disabled)
            if KEY in account.doubled:
                inside += _options(KEY, value, yes, no, disabled=disabled)
        notes = "".join(f"<li>{html.escape(note)}</li>" for note in NOTES)
        return f"""<nav class="side"><strong>Accounts Center</strong>
  <p>Manage your connected experiences and account settings across Meta technologies
  like Facebook, Instagram and Meta Horizon.</p>{side}</nav>
<main><section class="ad-preferences">
  <h1>Ad preferences</h1>
  <p>Take control of your ad experience and the information used to show you ads.</p>
  <div role="tablist"><span role="tab" aria-selected="false">Customize ads</span>
    <span role="tab" aria-selected="true">Manage info</span></div>
  <h2>Information used to show you ads</h2>{rows}
</section>
{decoy}
<div role="dialog" aria-modal="true" aria-labelledby="partners-question">
  <div aria-label="Back" role="button" tabindex="0">&#x2039;</div>
  <h2 id="partners-question">{html.escape(QUESTION)}</h2>
  {inside}
  <ul class="notes">{notes}</ul>
  <p role="status" id="status"></p>
</div></main>"""


def _options(
    key: str,
    value: bool,
    yes: tuple[str, str],
    no: tuple[str, str],
    *,
    disabled: bool = False,
) -> str:
    """One pair of options in a form of its own, each a box of words and a radio, and
    the form's "Confirm"."""
    off = " disabled" if disabled else ""
    boxes = ""
    for name, (title, more), chosen in (("radio1", yes, value), ("radio2", no, not value)):
        current = '<div class="current">Your current experience</div>' if chosen else ""
        boxes += f"""<div class="option">
    <div class="words"><div>{html.escape(title)}</div><div>{html.escape(more)}</div>
      {current}</div>
    <input type="radio" name="{name}"{" checked" if chosen else ""}{off}>
  </div>
  <a class="how" href="#">How this affects your ads</a>"""
    return f"""<form class="choice" data-key="{html.escape(key)}" onsubmit="return false">
  {boxes}
  <button type="button" class="confirm">Confirm</button>
</form>"""


SCRIPT = """
const status = document.getElementById('status');
document.querySelectorAll('form.choice').forEach((form) => {
  const radios = Array.from(form.querySelectorAll('input[type=radio]'));
  radios.forEach((radio) => radio.addEventListener('change', () => {
    radios.forEach((other) => { if (other !== radio) other.checked = false; });
  }));
  form.querySelector('.confirm').addEventListener('click', async () => {
    const chosen = radios.find((radio) => radio.checked);
    if (!chosen) return;
    const r = await fetch('/api/graphql/', {method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({setting: form.dataset.key, value: chosen.name === 'radio1'})});
    status.textContent = r.ok ? 'Your choice was saved.' : 'Something went wrong.';
  });
});
"""
