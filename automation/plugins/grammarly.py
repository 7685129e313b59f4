"""Grammarly: whether your text is used for product improvement and model training.

The page and the label are on record (``shared/platforms.md``); the markup is not,
so the switch is found by role and label (a guess that it is a switch).
"""

from __future__ import annotations

from automation.model import Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://account.grammarly.com"
PATH = "/security/privacy"
LABEL = "Product Improvement and Training"
#: Grammarly's own help page on this setting gives the page and the label.
HELP = 'Grammarly Support, "Product Improvement and Training Control"'


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
                "Open account.grammarly.com/security/privacy and sign in to Grammarly.",
                f'Find "{LABEL}".',
                "Switch it off.",
            ),
            notes=(
                "Offered to individual accounts; an organisation's administrator decides "
                "for business and education accounts."
            ),
            source="shared/platforms.md",
            switch=Switch(path=PATH, names=(LABEL,)),
            evidence=evidence(
                page=(Confidence.CONFIRMED, HELP),
                control=(
                    Confidence.GUESS,
                    f"inferred: a switch named by its label ({HELP} calls it a toggle); "
                    "its markup is not on record",
                ),
                label=(Confidence.CONFIRMED, HELP),
            ),
        ),
    )
