"""Adobe: content analysis, the machine-learning analysis of your files in Adobe's cloud.

The page and its label are on record (``shared/platforms.md``), in two wordings:
"Content analysis" and "Content analysis for product improvement". The markup is
not, so the switch is found by role and label (a guess that it is a switch). The
same page holds "Desktop app usage" (Adobe's usage-data FAQ), a switch about how
you use Adobe's desktop apps, not this setting. Signed-out visitors are sent to
Adobe's own sign-in service on another host.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://account.adobe.com"
PATH = "/privacy"
#: The label's wordings on record, the shorter first.
LABELS = ("Content analysis", "Content analysis for product improvement")
SOURCE = "public reports and Adobe's content analysis FAQ, as collected in shared/platforms.md"


class Adobe(Plugin):
    """Adobe's account privacy setting for content analysis."""

    name = "adobe"
    title = "Adobe"
    default_origin = ORIGIN
    # Adobe's account pages sign in through adobelogin.com.
    asset_hosts = ("adobelogin.com",)
    order = 80
    # Guesses: Adobe's single sign-on host, and a sign-in path on the account site.
    login_urls = ("https://auth.services.adobe.com/",)
    login_paths = ("/signin",)
    # Adobe's sign-in takes the email and the password on separate steps, often with a
    # code: left to a person in a browser window.
    login_form = None
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
                "Open account.adobe.com/privacy and sign in to your Adobe account.",
                'Find "Content analysis" (also worded "Content analysis for product '
                'improvement"), not "Desktop app usage" above it.',
                "Switch it off.",
            ),
            notes=(
                'Adobe\'s page words the switch "Content analysis" or "Content analysis for '
                'product improvement"; both are recognised.'
            ),
            source="shared/platforms.md",
            switch=Switch(path=PATH, names=LABELS),
            evidence=evidence(
                page=(Confidence.LIKELY, SOURCE),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, SOURCE),
            ),
        ),
    )
