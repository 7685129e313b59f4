"""Grammarly: whether your text is used for product improvement and model training.

Grammarly Support ("Product Improvement and Training Control") gives the page and
the label: Free and Premium accounts switch it at
``account.grammarly.com/security/privacy``, single-user Pro accounts at
``account.grammarly.com/admin/data_settings`` (the second address is tried where the
first is missing or lacks the switch). Grammarly calls it a toggle; its markup is
not on record, so the switch is found by role and its label. Team accounts' wording
("Product Improvement & Training", an administrator's setting) is accepted too.

Signed in is shown by Grammarly's ``grauth`` cookie, which public code of Grammarly's
own clients reads as the session; an anonymous visitor can get one too, so the
settings page must also load without Grammarly's sign-in page on the way.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://account.grammarly.com"
PATH = "/security/privacy"
#: Where single-user Pro accounts find it (Grammarly Support).
PRO_PATH = "/admin/data_settings"
LABEL = "Product Improvement and Training"
#: The wording on team accounts' data settings.
TEAM_LABEL = "Product Improvement & Training"
#: Grammarly's own help on this setting gives both pages and the label.
HELP = (
    "https://support.grammarly.com/hc/en-us/articles/"
    "25555503115277-Product-Improvement-and-Training-Control"
)
TEAM_HELP = (
    "https://support.grammarly.com/hc/en-us/articles/21530921234829-Product-Improvement-"
    "Training-Control-FAQ-for-Grammarly-Business-Accounts-Purchased-Through-the-Grammarly-Website"
)
#: Public code of a Grammarly client: the ``grauth`` and ``csrf-token`` session cookies.
COOKIES = "stewartmcgown/grammarly-api@04d5a7d8b99962e501f76705b6d1fa259051351b:src/lib/auth.ts"


class Grammarly(Plugin):
    """Grammarly's account privacy setting for product improvement and training."""

    name = "grammarly"
    title = "Grammarly"
    default_origin = ORIGIN
    order = 81
    # Guesses: Grammarly's sign-in lives on its main site.
    login_urls = ("https://www.grammarly.com/signin",)
    login_paths = ("/signin",)
    # Grammarly's sign-in asks for the email first, then the password or a code: left to
    # a person in a browser window.
    login_form = None
    session_cookies = ("grauth",)
    account_source = COOKIES
    settings = (
        Setting(
            key="product_improvement",
            label=LABEL,
            description=(
                "Lets Grammarly use what you write with it to improve its product and "
                "train its models. On by default for individual accounts. Turn it off to "
                "keep your text out of training."
            ),
            manual_steps=(
                "Open account.grammarly.com/security/privacy and sign in to Grammarly "
                "(single-user Pro accounts: account.grammarly.com/admin/data_settings).",
                f'Find "{LABEL}".',
                "Switch it off.",
            ),
            notes=(
                "Offered to Free, Premium and single-user Pro accounts (Pro on its data "
                "settings page); on accounts with more users only an administrator "
                "decides."
            ),
            source=HELP,
            switch=Switch(path=PATH, names=(LABEL, TEAM_LABEL), fallbacks=(PRO_PATH,)),
            evidence=evidence(
                page=(Confidence.CONFIRMED, f"{HELP} (both addresses)"),
                control=(
                    Confidence.GUESS,
                    f"inferred: a switch named by its label ({HELP} calls it a toggle); "
                    "its markup is not on record",
                ),
                label=(Confidence.CONFIRMED, f"{HELP}; {TEAM_HELP}"),
            ),
        ),
    )
