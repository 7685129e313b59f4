"""A replica of the LinkedIn pages the plugin visits, drawn from public records of the real ones.

Each settings page below names the public source it follows:

- :data:`CRAWL`, a crawl of a signed-in account's settings pages: each switch's words
  and the question above it, the page's address, and a screenshot of the page
  (:data:`SHOTS`, whose file names start with the menu entry that leads there);
- :data:`PSST`, brave's automation code: the id each switch points to with
  ``aria-labelledby`` (``allowDataForGenerativeAI`` for AI training), and the
  cookies switch's own id (``#nonEssentialCookieConsent``).

As the screenshots show, every settings page has LinkedIn's header, the Settings
menu on the left (six sections, the page's own marked), and a card: a Back link,
the page's heading, then for each switch its question, its row (the label, the
words "On" or "Off", the switch) and notes below it, with "Learn more". The card is
drawn by the page's script a moment after loading. Pages whose settings changed
name say so in a note ("This setting was formerly called ..."): an old wording
stands on the page as plain text, beside the switch, never as its label. The
promotions and demographics pages hold two switches each, put in opposite
positions by the tests, so a locator that takes "the switch on the page" is caught
there. Three advertising-data pages hold checkboxes instead (education and skills,
employer, job information), one under the page's question per kind of data, each
with its words beside it and no "On" or "Off", as their screenshots show. The
profile-visibility page answers at two addresses, and the age and gender
switches are also on one combined page; :attr:`LinkedInSite.gone` makes an address
answer 404 for a test, as a page LinkedIn retired would.

A confirmation is modelled as LinkedIn's pages keep their dialogs: drawn in the
page from the start, hidden, and shown by the click that turns the setting off
(for a setting in ``Account.confirms``). No wording of such a dialog is on record
for LinkedIn (brave's tasks click each switch with no dialog step), so the tests
switch it on for an account; its words are the replica's own.

Also modelled: the sign-in form at ``/login`` (``#username``, ``#password``, a
submit button), the redirect of signed-out visitors to it, the join wall at
``/authwall``, and the security checks under ``/checkpoint/``
(:mod:`.linkedin_checkpoint`). The session cookie is ``li_at``.
"""

from __future__ import annotations

import html
from dataclasses import replace
from urllib.parse import quote

from . import linkedin_checkpoint
from .linkedin_markup import FOOTER, SCRIPT, checkbox, confirm_dialog, side_menu
from .linkedin_pages import CATEGORIES, CRAWL, PREFIX, PSST, SECTIONS, SHOTS, LinkedInPage, learn
from .linkedin_settings import PAGES
from .server import Account, Request, Response, page
from .switchsite import SettingsPage, SwitchSite, draw

__all__ = ["CATEGORIES", "CRAWL", "PREFIX", "PSST", "SHOTS", "LinkedInPage", "LinkedInSite"]


class LinkedInSite(SwitchSite):
    name = "linkedin"
    title = "LinkedIn"
    session_cookie = "li_at"
    username_name = "session_key"
    password_name = "session_password"
    next_param = "session_redirect"
    home_path = "/feed/"
    checkpoint_path = "/checkpoint/"
    challenge_path = linkedin_checkpoint.PREFIX
    api_prefix = "/mypreferences/api/settings/"
    header = (
        '<header><a href="/feed/" aria-label="LinkedIn"><strong>in</strong></a>'
        '<a href="/feed/">Home</a>'
        '<button type="button" aria-label="Me">Me</button></header>'
    )
    pages: tuple[SettingsPage, ...] = PAGES

    def __init__(self) -> None:
        super().__init__()
        #: Settings addresses that answer 404, as a page LinkedIn retired or moved would.
        self.gone: set[str] = set()

    # -- routing ------------------------------------------------------------------------

    def route(self, request: Request) -> Response | None:
        if request.path == "/authwall":
            return Response(
                200, page("LinkedIn", '<h1>Join LinkedIn</h1><a href="/login">Sign in</a>')
            )
        if request.path.startswith("/checkpoint/"):
            return linkedin_checkpoint.handle(self, request)
        if request.path.startswith(CATEGORIES) and request.method == "GET":
            return self._category(request)
        return None

    def _category(self, request: Request) -> Response:
        """A section of the Settings menu: the entries that lead to its pages."""
        account = self.signed_in(request)
        if account is None:
            return Response.redirect(
                f"{self.login_path}?{self.next_param}={quote(request.path)}", 302
            )
        slug = request.path[len(CATEGORIES) :].strip("/")
        words = dict(SECTIONS).get(slug)
        if words is None:
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        entries = "".join(
            f'<li><a href="{html.escape(p.path)}">{html.escape(p.menu)}</a></li>'
            for p in self.pages
            if isinstance(p, LinkedInPage) and p.section == slug and p.menu
        )
        body = (
            f"{self.header}<main>{side_menu(slug)}<section><h1>{html.escape(words)}</h1>"
            f"<ul>{entries}</ul></section></main>{FOOTER}"
        )
        return Response(200, page(f"{words} | {self.title}", body))

    # -- settings pages -------------------------------------------------------------------

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        if found.path in self.gone:
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        if found.key in account.moved:
            return Response.redirect(self.home_path, 302)
        if found.key in account.broken:
            return Response(500, page(f"Error | {self.title}", "<h1>Something went wrong</h1>"))
        shared = [each for each in self.pages if each.path == found.path]
        rows: list[str] = []
        dialogs: list[str] = []
        count = 0
        for each in shared:
            question = html.escape(each.question)
            if isinstance(each, LinkedInPage) and each.learn_under_question:
                question += f"<br>{learn()}"
            # The boxes after a checkbox page's first stand under its one question.
            row = f'<p class="question">{question}</p>' if question else ""
            if each.key in account.decoys:
                count += 1
                row += self._decoy_html(account, each, count)
            control = self._control(account, each)
            if control is not None:
                count += 1
                asks = account.confirms.get(each.key)
                if asks:
                    dialogs.append(confirm_dialog(each.key, asks))
                    control = control.replace(
                        '<div class="setting" ',
                        f'<div class="setting" data-dialog="confirm-{html.escape(each.key)}" ',
                        1,
                    )
                row += control
            if isinstance(each, LinkedInPage):
                row += "".join(each.notes)
            rows.append(row)
        notice = "".join(
            "<p>This setting isn't available in your region.</p>"
            for each in shared
            if each.key in account.not_offered
        )
        if not count and not notice:
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        section = found.section if isinstance(found, LinkedInPage) else "privacy"
        heading = html.escape(found.heading)
        body = f"""{self.header}
<main>{side_menu(section)}
<section class="card">
  <a class="back" href="{CATEGORIES}{section}">Back</a>
  <h1>{heading}</h1>
  {notice}
  <div id="setting" hidden></div>
  <p role="status" id="status"></p>
</section></main>
{FOOTER}
{"".join(dialogs)}
<template class="stage">{"".join(rows)}</template>"""
        return Response(200, page(f"{found.heading} | {self.title}", body, SCRIPT))

    def _control(self, account: Account, found: SettingsPage) -> str | None:
        """One switch's row with the address it saves to; None where not drawn."""
        key = found.key
        if key in account.not_offered or key in account.unavailable or key not in account.settings:
            return None
        with self.lock:
            value = account.settings[key]
        drawn = replace(found.control, label=account.labels.get(key, found.control.label))
        if key in account.renamed:
            # The platform renamed the ids the switch carries or points to.
            drawn = replace(
                drawn,
                labelledby=f"{drawn.labelledby}Renamed" if drawn.labelledby else None,
                own_id=f"{drawn.own_id}Renamed" if drawn.own_id else None,
            )
        ref = f"{key}-label"
        if key in account.hidden:
            control = "<p>This setting is being updated. Check back later.</p>"
        else:
            disabled = key in account.disabled
            paint = checkbox if drawn.kind == "checkbox" else draw
            control = paint(drawn, value, ref=ref, disabled=disabled)
            if key in account.doubled:
                control += paint(drawn, value, copy=True, ref=ref, disabled=disabled)
        api = html.escape(self.api_prefix + quote(key))
        return f'<div class="setting" data-api="{api}">{control}</div>'
