"""Perplexity: AI data retention, whether your searches help improve its models.

Perplexity's help center lists the settings' pages (Account, Preferences,
Personalization, ...) and puts "AI data retention" last on Preferences, after the
theme, fonts, languages and generation models; its older FAQ calls the switch "AI
Data Usage". The help gives the Account page's address, ``/account/details``; the
Preferences page's (``/account/preferences``) is inferred from it, with the older
``/settings/preferences`` tried where it is missing. The markup is not on record, so
the switch is found by role and either label. A session is proved by NextAuth's
session cookie, which public clients of perplexity.ai send as its login.
"""

from __future__ import annotations

from automation.domain.settings import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.perplexity.ai"
#: The Preferences page, inferred from the Account page's ``/account/details``.
PATH = "/account/preferences"
OLD_PATH = "/settings/preferences"
#: The label's wordings on record: the settings page's, then the FAQ's.
LABELS = ("AI data retention", "AI Data Usage")
HELP = "https://perplexity-help-center.pages.dev/en/articles/10352993-account-settings.html"
FAQ = "https://www.perplexity.ai/hub/faq/what-data-does-perplexity-collect-about-me"
GUIDE = "https://joindeleteme.com/?p=22227"
#: A public client of perplexity.ai that signs in with this cookie, and NextAuth's own
#: code, which names the same cookie without its prefix on a plain-HTTP address.
SESSION = "zhezzma/pplx2api@456c440a13514b1803f9af72ab9520bdd4bc4b6e:core/api.go:140"
NEXTAUTH = "https://app.unpkg.com/next-auth@4.0.0-beta.7/files/core/lib/cookie.js"


class Perplexity(Plugin):
    """Perplexity's preference for keeping your data to improve its AI."""

    name = "perplexity"
    title = "Perplexity"
    default_origin = ORIGIN
    order = 83
    # Guesses: Perplexity's sign-in page. It signs in with an emailed link or code,
    # which only a person can follow.
    login_paths = ("/login", "/auth/signin")
    login_form = None
    session_cookies = ("__Secure-next-auth.session-token", "next-auth.session-token")
    account_source = f"{SESSION}; {NEXTAUTH}"
    settings = (
        Setting(
            key="data_retention",
            label="AI data retention",
            description=(
                "Lets Perplexity keep your searches and the answers you get to improve "
                "its AI models. On by default. Turn it off to keep your questions out of "
                "that use."
            ),
            manual_steps=(
                "Sign in to Perplexity.",
                'Click your avatar, then "All settings".',
                'Choose "Preferences".',
                'Switch "AI data retention" (called "AI Data Usage" in Perplexity\'s FAQ) off.',
            ),
            notes=(
                'Perplexity\'s FAQ calls the switch "AI Data Usage"; both wordings are recognised.'
            ),
            source=f"{HELP}; {FAQ}",
            switch=Switch(path=PATH, names=LABELS, fallbacks=(OLD_PATH,)),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: the address /account/preferences, beside the Account page's "
                    f"/account/details. The Preferences page itself is on record: {HELP}",
                ),
                control=FOUND_BY_LABEL,
                label=(
                    Confidence.LIKELY,
                    f'"AI data retention": {HELP}; {GUIDE}. "AI Data Usage": {FAQ}',
                ),
            ),
        ),
    )
