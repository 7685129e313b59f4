"""A replica of Pinterest's "Privacy and data" settings.

The switch's label follows a public guide
(https://millikancorydon.com/6637/feature/protect-yourself-from-pinterest-ai); the
markup is not on record, so it is drawn plainly. Above it the page has the
personalisation boxes Pinterest's own help lists on the same page, "Use sites you
visit" and "Use partner info"
(https://help.pinterest.com/en/article/your-privacy-and-data-settings), drawn off
while the switch is on. The page is at ``/settings/privacy``; public directories also
link ``/settings/privacy-and-data``: :meth:`PinterestSite.move` puts the switch, or
the whole page, at that address instead. The session cookie is ``_pinterest_sess``,
the one Pinterest signs people in with.
"""

from __future__ import annotations

from dataclasses import replace

from .switchsite import Control, SettingsPage, SwitchSite

PRIVACY = "/settings/privacy"
PRIVACY_AND_DATA = "/settings/privacy-and-data"
HEADING = "Privacy and data"
LABEL = "Use your data to train Pinterest Canvas"


class PinterestSite(SwitchSite):
    name = "pinterest"
    title = "Pinterest"
    session_cookie = "_pinterest_sess"
    api_prefix = "/resource/settings/"
    header = '<header><strong>Pinterest</strong><a href="/">Home</a></header>'
    pages: tuple[SettingsPage, ...] = (
        SettingsPage(
            "ads_sites_you_visit",
            PRIVACY,
            HEADING,
            Control("Use sites you visit", kind="checkbox"),
            default=False,
        ),
        SettingsPage(
            "ads_partner_info",
            PRIVACY,
            HEADING,
            Control("Use partner info", kind="checkbox"),
            default=False,
        ),
        SettingsPage("genai_training", PRIVACY, HEADING, Control(LABEL)),
    )

    def move(self, keys: tuple[str, ...], path: str) -> None:
        """Serve the settings ``keys`` at ``path`` instead (as another rollout would)."""
        self.pages = tuple(replace(p, path=path) if p.key in keys else p for p in self.pages)
