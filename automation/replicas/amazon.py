"""A replica of Amazon's Advertising preferences page (``/adprefs``).

It follows public automation of the real page, a research extension's
(webmunk2/webmunk-extension@33516e4d169f5e4f75e606294389c67af1779ecc:
packages/modules/ad-personalization/src/content/strategies/AmazonStrategy.ts): two
radios named ``optout`` (value ``0`` shows interest-based ads, ``1`` opts out), kept
only when the form's control ``#optOutControl`` is pressed, after which the page loads
again; a visitor who is not signed in gets a sign-in button
(``#adprefs-signin-button-id``) in their place. The opt-out option's words are a
user's (https://github.com/easylist/easylist/issues/6712, "Do not show me
interest-based ads provided by Amazon"); the other option's, the control's "Submit",
the heading and the button that deletes ad data beside the form are guesses, drawn in
Amazon's own radio and button markup (``a-radio``, ``a-button-input``). Every press of
the delete button is recorded (:attr:`AmazonSite.deletions`), so tests can show none is
made.

An account may be set up to draw, before the real form, a look-alike pair in a form of
its own (the same ``optout`` name, other words, the other choice), the pair twice, the
pair reworded (``Account.labels``), or no option chosen (:attr:`AmazonSite.unchosen`).
"""

from __future__ import annotations

import html

from .server import DECOY, Account, Request, Response, page
from .switchsite import SwitchSite

PATH = "/adprefs"
KEY = "interest_based_ads"
#: The two options' words: value ``0`` (show) and ``1`` (opt out).
SHOW = "Show me interest-based ads provided by Amazon"
HIDE = "Do not show me interest-based ads provided by Amazon"
#: A look-alike pair for another choice, drawn first for an account that asks for it.
LOOKALIKE = (
    "Show me personalized recommendations from my browsing history",
    "Do not show me personalized recommendations from my browsing history",
)
DELETE = "Delete ad data"


class AmazonSite(SwitchSite):
    name = "amazon"
    title = "Amazon"
    session_cookie = "sess-at-main"
    login_path = "/ap/signin"
    next_param = "openid.return_to"
    home_path = "/gp/css/homepage.html"
    defaults = {KEY: True}

    def __init__(self) -> None:
        super().__init__()
        #: Presses of the button that deletes ad data, as (username, its words).
        self.deletions: list[tuple[str, str]] = []
        #: Accounts (by username) whose page shows neither option chosen.
        self.unchosen: set[str] = set()

    def route(self, request: Request) -> Response | None:
        path = request.path.rstrip("/")
        if path not in (PATH, PATH + "/delete"):
            return None
        account = self.signed_in(request)
        if account is None:
            if request.method != "GET" or path != PATH:
                return Response.json({"error": "unauthorized"}, 401)
            return Response(200, page("Advertising Preferences", _signed_out()))
        if account.checkpoint:
            return None
        if path == PATH + "/delete":
            if request.method != "POST":
                return Response(405, "")
            with self.lock:
                self.deletions.append((account.username, DELETE))
            return Response.redirect(PATH)
        if KEY in account.moved:
            return Response.redirect(self.home_path, 302)
        if KEY in account.broken:
            return Response(500, page("Error | Amazon", "<h1>Something went wrong</h1>"))
        if KEY in account.unavailable:
            return Response(404, page("Page Not Found", "<h1>Looking for something?</h1>"))
        status = ""
        if request.method == "POST":
            status = self._keep(account, request.form())
        return Response(200, page("Advertising Preferences", self._page(account, status)))

    def _keep(self, account: Account, form: dict[str, str]) -> str:
        """The form's choice, kept as the real form keeps it: ``0`` shows, ``1`` hides."""
        key = KEY + DECOY if form.get("form") == "lookalike" else KEY
        chosen = form.get("optout")
        if chosen not in ("0", "1"):
            return '<p class="a-color-error">Please choose an option.</p>'
        if KEY in account.failing:
            return '<p class="a-color-error">There was a problem. Please try again.</p>'
        if KEY in account.unkept:
            return '<p class="a-color-success">Your preference has been saved.</p>'
        value = chosen == "0"
        with self.lock:
            account.settings[key] = value
            self.saves.append((account.username, key, value))
            self.unchosen.discard(account.username)
        return '<p class="a-color-success">Your preference has been saved.</p>'

    def _page(self, account: Account, status: str) -> str:
        greeting = "" if account.visitor else f"Hello, {html.escape(account.username)}"
        header = (
            '<header><a href="/" aria-label="Amazon">amazon</a>'
            f'<a id="nav-link-accountList" href="/gp/css/homepage.html">{greeting} '
            "Account &amp; Lists</a></header>"
        )
        forms = ""
        if KEY in account.decoys:
            with self.lock:
                other = account.settings.setdefault(KEY + DECOY, not account.settings[KEY])
            forms += _form("lookalike", other, LOOKALIKE)
        if KEY in account.not_offered:
            forms += "<p>Interest-based ads preferences aren't available for your account.</p>"
        elif KEY in account.hidden:
            forms += "<p>This page is being updated. Please check back later.</p>"
        else:
            with self.lock:
                value: bool | None = account.settings[KEY]
            if account.username in self.unchosen:
                value = None
            words = (account.labels.get(KEY, SHOW), HIDE)
            disabled = KEY in account.disabled
            forms += _form("adprefs", value, words, disabled=disabled)
            if KEY in account.doubled:
                forms += _form("adprefs-copy", value, words, disabled=disabled)
        return f"""{header}<main><section>
  <h1>Advertising Preferences</h1>
  <p>Amazon shows you interest-based ads on Amazon and on sites and apps that work
  with Amazon, based on what you buy and browse. Your choice applies to this browser
  and your account.</p>
  {status}{forms}
  <form method="post" action="{PATH}/delete" class="delete-ad-data">
    <p>Delete your personal information from our ad systems.</p>
    <span class="a-button"><span class="a-button-inner">
      <input class="a-button-input" type="submit" value="{DELETE}"
        aria-labelledby="delete-ad-data-announce">
      <span id="delete-ad-data-announce" class="a-button-text">{DELETE}</span>
    </span></span>
  </form>
</section></main>"""


def _form(form: str, value: bool | None, words: tuple[str, str], *, disabled: bool = False) -> str:
    """The form of one pair of options: value ``0`` (the first words), then ``1``."""
    off = " disabled" if disabled else ""
    options = "".join(
        f"""<div class="a-radio"><label>
      <input type="radio" name="optout" value="{number}"{" checked" if chosen else ""}{off}>
      <i class="a-icon a-icon-radio"></i>
      <span class="a-label a-radio-label">{html.escape(said)}</span></label></div>"""
        for number, said, chosen in (
            (0, words[0], value is True),
            (1, words[1], value is False),
        )
    )
    # The real page's control has this id; a look-alike's form does not repeat it.
    own = ' id="optOutControl"' if form == "adprefs" else ""
    return f"""<form method="post" action="{PATH}" class="adprefs-form">
  <input type="hidden" name="form" value="{form}">
  {options}
  <span class="a-button a-button-primary"><span class="a-button-inner">
    <input{own} class="a-button-input" type="submit" value="Submit">
    <span class="a-button-text" aria-hidden="true">Submit</span>
  </span></span>
</form>"""


def _signed_out() -> str:
    """What a visitor who is not signed in gets: a sign-in button, no options."""
    return f"""<header><a href="/" aria-label="Amazon">amazon</a>
  <a id="nav-link-accountList" href="/ap/signin">Hello, sign in Account &amp; Lists</a></header>
<main><section><h1>Advertising Preferences</h1>
  <p>Sign in to manage your interest-based ads preferences.</p>
  <span id="adprefs-signin-button-id" class="a-button a-button-primary">
    <span class="a-button-inner"><a class="a-button-text"
      href="/ap/signin?openid.return_to={PATH}">Sign in</a></span></span>
</section></main>"""
