"""Dropbox: "Third-party AI", sharing your files with AI partners.

Ars Technica's report (December 2023) gives the way to the switch (profile photo,
Settings, "Third-party AI") and its label, "Use artificial intelligence (AI) from
third-party partners so you can work faster in Dropbox"; Dropbox's own help says
the partners process files for its AI features and do not train on them. The tab's
address and the markup are not on record, so the switch is found by role and its
label. A session is proved by ``lid`` or ``jar``, cookies a signed-in Dropbox
browser holds (``lid`` is Dropbox's session cookie in Firesheep's handler).
"""

from __future__ import annotations

from automation.domain.settings import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.dropbox.com"
LABEL = (
    "Use artificial intelligence (AI) from third-party partners so you can work faster in Dropbox"
)
# A guess: the account settings' "Third-party AI" tab.
PATH = "/account/third_party_ai"
REPORT = (
    "https://arstechnica.com/information-technology/2023/12/"
    "dropbox-spooks-users-by-sending-data-to-openai-for-ai-search-features"
)
HELP = "https://help.dropbox.com/view-edit/privacy-settings-dropbox-ai"
#: Firesheep's Dropbox handler names ``lid`` its session cookie; a signed-in
#: browser's cookies, copied into a public scraper's guide, hold ``lid`` and ``jar``.
COOKIES = (
    "codebutler/firesheep@f57ded4094148483ee59d575e7660d9c55b356b4:xpi/handlers/dropbox.js:12; "
    "agbilotia1998/dropbox-event-scraper@1cdbb8ee75bfec05ad99f3baef943f8e71469aa9:README.md:25"
)


class Dropbox(Plugin):
    """Dropbox's switch that shares your files with third-party AI partners."""

    name = "dropbox"
    title = "Dropbox"
    default_origin = ORIGIN
    # Dropbox's scripts come from cfl.dropboxstatic.com.
    asset_hosts = ("dropboxstatic.com",)
    order = 87
    # Guesses: Dropbox's sign-in page. It asks for the email first, often a code after.
    login_paths = ("/login",)
    login_form = None
    # Not ``t``: the same guide shows it holds the page's CSRF token (the value of
    # ``__Host-js_csrf``), which a visitor's browser gets too.
    session_cookies = ("lid", "jar")
    account_source = COOKIES
    settings = (
        Setting(
            key="third_party_ai",
            label="Third-party AI",
            description=(
                "Lets Dropbox share what you work on in it with its third-party AI "
                "partners, so that its AI features can help you work faster. Sharing, "
                "not training: the partners process it for you. On by default for "
                "accounts in Dropbox's AI trials. Turning it off stops new sharing with "
                "those partners (and the features that need them); it does not call back "
                "what was already sent."
            ),
            manual_steps=(
                "Sign in to Dropbox in a desktop browser.",
                "Click your profile photo, then Settings.",
                'Open the "Third-party AI" tab.',
                f'Switch "{LABEL}" off.',
                "Check again later: a setting switched off can come back on.",
            ),
            notes=(
                "Sharing with AI partners, not training. A setting switched off can come "
                "back on: let privacy-tui watch it (privacy-tui watch install), and a "
                "scheduled check tells you when it does."
            ),
            source=f"{REPORT}; {HELP}",
            switch=Switch(PATH, names=(LABEL,)),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: the tab's address. The way there (profile photo, Settings, "
                    f'"Third-party AI") is on record: {REPORT}',
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, f"quoted by Ars Technica: {REPORT}"),
            ),
        ),
    )
