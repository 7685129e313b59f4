"""Snapchat: "See My Selfie in Ads", a setting of the mobile app only.

It lives in Snapchat's mobile app, which no browser can open: Settings (the gear on
your profile), then "My Selfie" (under "My Account"), then the switch "See My
Selfie in Ads", which is turned on when a person agrees to My Selfie's terms. So it
is ``manual``: the checklist shows the steps in the app, and never visits a page
for it. No web page for the setting is on record; the link is Snapchat's help on My
Selfie in Snap Feed, which gives the way to the "My Selfie" settings.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Kind, Setting, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.snapchat.com"
#: Snapchat's help that gives the way to "My Selfie" (Settings, My Account).
HELP = "https://help.snapchat.com/hc/en-us/articles/26022277252756-What-is-Snap-Feed"
#: A report of the switch: Settings, My Selfie, "See My Selfie in Ads".
REPORT = "https://ainews.com/p/disable-snapchat-s-ai-selfie-ads-protect-your-privacy"


class Snapchat(Plugin):
    """Snapchat's selfie-in-ads setting (by hand, in the app)."""

    name = "snapchat"
    title = "Snapchat"
    default_origin = ORIGIN
    order = 93
    settings = (
        Setting(
            key="selfie_in_ads",
            label="See My Selfie in Ads (in the app)",
            description=(
                "Lets Snapchat put your selfie (your likeness, from My Selfie) in "
                "personalised ads and sponsored content shown to you. It is turned on when "
                "you agree to My Selfie's terms. It is set in Snapchat's mobile app only: "
                "there is no web page a browser could open, so only you can switch it, and "
                "privacy-tui cannot read whether you did. Switch it off in the app and mark "
                "it done here; that stops new ads made from your selfie."
            ),
            url=HELP,
            kind=Kind.MANUAL,
            manual_steps=(
                "Open the Snapchat app on your phone and sign in.",
                "Tap your profile picture, then the gear (Settings).",
                'Tap "My Selfie" (under "My Account").',
                'Switch "See My Selfie in Ads" off.',
                "The link here is Snapchat's help on My Selfie: the setting has no web page.",
            ),
            notes="Mobile app only: no web page for it is on record, so nothing can be read here.",
            source=f"{REPORT}; {HELP}",
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    f'in the app: Settings, "My Selfie", "See My Selfie in Ads": {REPORT}; '
                    f'"My Selfie" under "My Account" in Settings: {HELP}',
                ),
            ),
        ),
    )
