"""Adobe: content analysis, the machine-learning analysis of your files in Adobe's cloud.

Public guides put the switch on the account's "Privacy and personal data" page
(Account and security), worded "Content analysis" or "Content analysis for product
improvement", with "Desktop app usage" on the same page. The page's address
(``/privacy``) and the switch's markup are not on a page a reader can open, so both
are guesses: the switch is found by role and one of its two labels. A page proves it
is the account's by Adobe's account menu, the profile button public automation of
account.adobe.com waits for. Signed-out visitors are sent to Adobe's own sign-in
service on another host.
"""

from __future__ import annotations

from automation.domain.settings import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://account.adobe.com"
PATH = "/privacy"
#: The label's wordings on record, the shorter first.
LABELS = ("Content analysis", "Content analysis for product improvement")
#: Public guides to the switch: where it is and how it is worded.
LIREO = "https://www.lireo.com/quick-tip-confirm-your-adobe-account-privacy-settings"
MAKEUSEOF = "https://www.makeuseof.com/is-adobe-using-your-data-to-train-ai-opt-out/"
ORIDEA = "http://oridea.co/how-stop-adobe-tracking-your-usage-and-using-your-images-672675.html"
#: Public automation of account.adobe.com that waits for the account's profile button.
PROFILE_BUTTON = (
    "vishal00074/automationTestingScript@4f33f6c7beccefa287931ed9ec7c2cc7c9beb10a:"
    "sample_automation_scripts/09-09-2025/adobe.php:71"
)


class Adobe(Plugin):
    """Adobe's account privacy setting for content analysis."""

    name = "adobe"
    title = "Adobe"
    default_origin = ORIGIN
    # Adobe's account pages sign in through adobelogin.com.
    asset_hosts = ("adobelogin.com",)
    order = 80
    # Adobe's single sign-on host (its email page, #EmailPage-EmailField, is in the
    # automation above), and a sign-in path on the account site (a guess).
    login_urls = ("https://auth.services.adobe.com/",)
    login_paths = ("/signin",)
    # Adobe's sign-in takes the email and the password on separate steps, often with a
    # code: left to a person in a browser window.
    login_form = None
    # No cookie of Adobe's is on record as its session's; its account menu is.
    signed_in_marker = 'button[data-menu-id="profile"]'
    account_source = PROFILE_BUTTON
    settings = (
        Setting(
            key="content_analysis",
            label="Content analysis",
            description=(
                "Lets Adobe analyse the files you keep in its cloud (with machine "
                "learning) to develop and improve its products and services. On by "
                "default. Turn it off to keep your work out of that analysis."
            ),
            manual_steps=(
                "Open account.adobe.com and sign in to your Adobe account.",
                'Under "Account and security", choose "Privacy and personal data".',
                'Find "Content analysis" (also worded "Content analysis for product '
                'improvement"), not "Desktop app usage" beside it.',
                "Switch it off; the page keeps the change by itself.",
            ),
            notes=(
                'Adobe\'s page words the switch "Content analysis" or "Content analysis for '
                'product improvement"; both are recognised.'
            ),
            source=f"{LIREO}; {MAKEUSEOF}",
            switch=Switch(path=PATH, names=LABELS),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: the address /privacy. The page itself (Account and security, "
                    f'"Privacy and personal data", with "Desktop app usage") is on record: '
                    f"{LIREO}; {MAKEUSEOF}",
                ),
                control=FOUND_BY_LABEL,
                label=(
                    Confidence.LIKELY,
                    f'"Content analysis": {LIREO}; {MAKEUSEOF}. "Content Analysis for '
                    f'Product Improvement": {ORIDEA}',
                ),
            ),
        ),
    )
