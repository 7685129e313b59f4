"""Snapchat: "See My Selfie in Ads", a setting of the mobile app only.

``shared/platforms.md`` records it among the settings with nothing to switch from
here: it lives in Snapchat's mobile app, which no browser can open. So it is
``manual``: the checklist shows the steps in the app and the reason, and never
visits a page for it. No web page for it is on record, so the link is Snapchat's
own site.
"""

from __future__ import annotations

from automation.model import Confidence, Kind, Setting, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.snapchat.com"


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
                "As its name says, lets Snapchat put your selfie (your likeness) in ads it "
                "shows you; how it makes them and the setting's default are not on "
                "record. It is set in Snapchat's mobile app only: there is no web page a "
                "browser could open, so only you can switch it, and privacy-tui cannot "
                "read whether you did. Switch it off in the app and mark it done here; "
                "that stops new ads made from your selfie."
            ),
            url=ORIGIN,
            kind=Kind.MANUAL,
            manual_steps=(
                "Open the Snapchat app on your phone and sign in.",
                "Tap your profile picture, then the gear (Settings).",
                'Find "See My Selfie in Ads" (under the privacy or ads settings).',
                "Switch it off.",
                "The link here is Snapchat's site only: the setting has no web page.",
            ),
            notes="Mobile app only: no web page for it is on record, so nothing can be read here.",
            source="shared/platforms.md",
            evidence=evidence(
                page=(
                    Confidence.LIKELY,
                    "shared/platforms.md: in Snapchat's mobile app only; no web page is on record",
                ),
            ),
        ),
    )
