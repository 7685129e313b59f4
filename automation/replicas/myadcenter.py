"""A replica of Google's My Ad Center: the personalized ads card.

It follows public automation of the real page
(Webmunk-Project/Webmunk-Mono-Repo@21b75fd1e7d0a8750acfa68a94f36759dcc82ff5:
packages/modules/ad-personalization/src/content/strategies/GoogleAndYoutubeStrategy.ts):
at ``/personalizationoff`` (and at My Ad Center's home, ``/home``) one button named by
its ``aria-label`` "Turn off" while personalized ads are on, "Turn on" while they are
off; pressing it opens a dialog whose own button keeps the change (``jsname`` "mXJpKc"
after "Turn off", "Lnwj0b" after "Turn on", as the automation presses them). The card's
heading "Personalized ads" follows guides to My Ad Center
(https://morinupolliveng36.blogspot.com/2022/12/google-ad-how-to-not-forget.html); the
dialog's words ("Turn off" and "Cancel", as Google's earlier Ad Settings asked,
https://www.trustedreviews.com/how-to/how-to-stop-google-collecting-advertising-data-4216921),
the words "On" and "Off" on the button and the cards beside it are guesses.

An account may be set up to draw, before the card, a look-alike card for another
setting with the same buttons in the other position (the old locator, the first
``[aria-label="Turn off"]``, would take it). Google signs people in on its own accounts
site; a replica has one origin, so its sign-in pages sit at the accounts site's paths.
"""

from __future__ import annotations

import html

from .google import GoogleSignIn
from .server import DECOY, Account, Request, Response, page

PATH = "/personalizationoff"
HOME = "/home"
API = "/_/AdCenterUi/data/"
KEY = "personalized_ads"
HEADING = "Personalized ads"
#: A look-alike card's heading: a setting no plugin knows.
DECOY_HEADING = "Ads about sensitive topics you've seen"
#: The dialog's own button that keeps each change, by the value asked for.
KEEPS = {False: ("Turn off", "mXJpKc"), True: ("Turn on", "Lnwj0b")}


class MyAdCenterSite(GoogleSignIn):
    name = "myadcenter"
    title = "My Ad Center"
    home_path = HOME
    defaults = {KEY: True}

    def route(self, request: Request) -> Response | None:
        path = request.path.rstrip("/")
        if path not in (PATH, HOME) and not request.path.startswith(API):
            return None
        account = self.signed_in(request)
        if account is None or account.checkpoint:
            return None  # the usual redirects to sign-in or verification
        if request.path.startswith(API):
            return self._save(account, request)
        if request.method != "GET":
            return Response(405, "")
        if KEY in account.moved:
            return Response.redirect("/", 302)
        if KEY in account.broken:
            return Response(500, page("Error | My Ad Center", "<h1>Something went wrong</h1>"))
        if KEY in account.unavailable:
            return Response(404, page("Not found | My Ad Center", "<h1>Page not found</h1>"))
        return Response(200, page("My Ad Center", self._page(account), SCRIPT))

    def _save(self, account: Account, request: Request) -> Response:
        if request.method != "POST":
            return Response(405, "")
        data = request.json()
        key = request.path[len(API) :]
        value = data.get("value") if isinstance(data, dict) else None
        if key not in (KEY, KEY + DECOY) or not isinstance(value, bool):
            return Response.json({"error": "bad request"}, 400)
        if KEY in account.failing:
            return Response.json({"error": "server error"}, 500)
        if KEY in account.unkept:
            return Response.json({"value": value})
        with self.lock:
            account.settings[key] = value
            self.saves.append((account.username, key, value))
        return Response.json({"value": value})

    def _page(self, account: Account) -> str:
        cards = ""
        if KEY in account.decoys:
            with self.lock:
                other = account.settings.setdefault(KEY + DECOY, not account.settings[KEY])
            cards += _card(KEY + DECOY, DECOY_HEADING, other)
        if KEY in account.not_offered:
            cards += "<section><p>Personalized ads aren't available for your account.</p></section>"
        elif KEY in account.hidden:
            cards += "<section><p>This page is being updated. Check back later.</p></section>"
        else:
            with self.lock:
                value = account.settings[KEY]
            heading = account.labels.get(KEY, HEADING)
            disabled = KEY in account.disabled
            cards += _card(KEY, heading, value, disabled=disabled)
            if KEY in account.doubled:
                cards += _card(KEY, heading, value, disabled=disabled)
        return f"""<header><strong>Google</strong> <span>My Ad Center</span></header>
<main><div class="column">
  <nav><a href="{HOME}">Home</a><a href="#">Privacy &amp; Ads</a></nav>
  {cards}
  <section><h2>Your recent ads</h2><p>See ads you've recently seen and why.</p></section>
  <p role="status" id="status"></p>
</div></main>"""


def _card(key: str, heading: str, on: bool, *, disabled: bool = False) -> str:
    """A card with its heading and the button that offers the change."""
    label = "Turn off" if on else "Turn on"
    off = ' aria-disabled="true" disabled' if disabled else ""
    keep, jsname = KEEPS[not on]
    return f"""<section class="card" data-key="{html.escape(key)}" data-on="{str(on).lower()}">
  <h2>{html.escape(heading)}</h2>
  <p>See ads based on your activity and the information in your Google Account.</p>
  <button type="button" class="offer" aria-label="{label}"{off}>{"On" if on else "Off"}</button>
  <template class="ask"><div role="dialog" aria-modal="true">
    <h2>{label} personalized ads?</h2>
    <button type="button" class="no">Cancel</button>
    <button type="button" class="yes" jsname="{jsname}">{html.escape(keep)}</button>
  </div></template>
</section>"""


SCRIPT = """
const status = document.getElementById('status');
document.querySelectorAll('.card').forEach((card) => {
  const offer = card.querySelector('.offer');
  offer.addEventListener('click', () => {
    if (offer.disabled) return;
    const box = card.querySelector('.ask').content.firstElementChild.cloneNode(true);
    document.body.appendChild(box);
    box.querySelector('.no').onclick = () => box.remove();
    box.querySelector('.yes').onclick = async () => {
      box.remove();
      const want = card.dataset.on !== 'true';
      const r = await fetch('/_/AdCenterUi/data/' + card.dataset.key, {method: 'POST',
        headers: {'Content-Type': 'application/json'}, body: JSON.stringify({value: want})});
      if (!r.ok) { status.textContent = 'Something went wrong.'; return; }
      card.dataset.on = String(want);
      offer.setAttribute('aria-label', want ? 'Turn off' : 'Turn on');
      offer.textContent = want ? 'On' : 'Off';
      status.textContent = 'Saved.';
    };
  });
});
"""
