"""A replica of Reddit's privacy settings page, as ``shared/platforms.md`` records it.

The ad setting is on ``/settings/privacy``; its markup is not on record, so the
replica draws a switch named by its label (a guess). Signed-out visitors are sent
to ``/login`` with a one-page form (a guess).
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class RedditSite(SwitchSite):
    name = "reddit"
    title = "Reddit"
    session_cookie = "reddit_session"
    next_param = "dest"
    api_prefix = "/svc/settings/"
    pages = (
        SettingsPage(
            "personalized_ads",
            "/settings/privacy",
            "Privacy",
            Control(
                "Improve ads based on your online activity and information from our partners",
                labelledby="personalized-ads-label",
            ),
            "Advertising",
        ),
    )
