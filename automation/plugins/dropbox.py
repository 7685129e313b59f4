"""Dropbox: "Third-party AI", sharing your files with AI partners.

``shared/platforms.md`` records the switch under Settings, Third-party AI, its label
("Use artificial intelligence (AI) from third-party partners so you can work faster
in Dropbox"), that it shares with AI partners rather than training, and that users
report it coming back on. The page's address and the markup are guesses, so the
switch is found by role and its label.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.dropbox.com"
LABEL = (
    "Use artificial intelligence (AI) from third-party partners so you can work faster in Dropbox"
)
# A guess: the account settings' "Third-party AI" tab.
PATH = "/account/third_party_ai"


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
    settings = (
        Setting(
            key="third_party_ai",
            label="Third-party AI",
            description=(
                "Lets Dropbox share what you work on in it with its third-party AI "
                "partners, so that its AI features can help you work faster. Sharing, "
                "not training: the partners process it for you. Its "
                "default is not on record, and users report it coming back on after they "
                "turned it off. Turning it off stops new sharing with those partners (and "
                "the features that need them); it does not call back what was already sent."
            ),
            manual_steps=(
                "Sign in to Dropbox.",
                "Click your avatar, then Settings.",
                'Open the "Third-party AI" tab.',
                f'Switch "{LABEL}" off.',
                "Check again later: users report it coming back on.",
            ),
            notes=(
                "Sharing with AI partners, not training. Users report it coming back on "
                "after they turned it off: let privacy-tui watch it (privacy-tui watch "
                "install), and a scheduled check tells you when it does."
            ),
            source="shared/platforms.md (public reports, late 2026)",
            switch=Switch(PATH, names=(LABEL,)),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    'inferred: "Settings, Third-party AI" is on record '
                    "(shared/platforms.md), the tab's address is not",
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, "shared/platforms.md (public reports, late 2026)"),
            ),
        ),
    )
