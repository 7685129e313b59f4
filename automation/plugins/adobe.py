"""Adobe: content analysis, the machine-learning analysis of your files in Adobe's cloud.

The page and its label are on record (``shared/platforms.md``); the markup is not,
so the switch is found by role and label (a guess that it is a switch). Signed-out
visitors are sent to Adobe's own sign-in service on another host.
"""

from __future__ import annotations

from automation.model import Setting, State, Switch
from automation.plugin import Plugin

ORIGIN = "https://account.adobe.com"
PATH = "/privacy"


class Adobe(Plugin):
    """Adobe's account privacy setting for content analysis."""

    name = "adobe"
    title = "Adobe"
    default_origin = ORIGIN
    order = 80
    # Guesses: Adobe's single sign-on host, and a sign-in path on the account site.
    login_urls = ("https://auth.services.adobe.com/",)
    login_paths = ("/signin",)
    # Adobe's sign-in takes the email and the password on separate steps, often with a
    # code: left to a person in a browser window.
    login_form = None
    settings = (
        Setting(
            platform="adobe",
            key="content_analysis",
            label="Content analysis",
            description=(
                "Lets Adobe analyse the files you keep in its cloud (with machine "
                "learning) to develop and improve its products and services. On by "
                "default. Turn it off to keep your work out of that analysis."
            ),
            url=ORIGIN + PATH,
            recommended=State.OFF,
            manual_steps=(
                "Open account.adobe.com/privacy and sign in to your Adobe account.",
                'Find "Content analysis".',
                "Switch it off.",
            ),
            source="shared/platforms.md",
            switch=Switch(path=PATH, names=("Content analysis",)),
        ),
    )
