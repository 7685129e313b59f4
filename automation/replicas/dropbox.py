"""A replica of Dropbox's "Third-party AI" settings tab, as ``shared/platforms.md`` has it.

One switch, worded "Use artificial intelligence (AI) from third-party partners so
you can work faster in Dropbox". The tab's address and the markup are guesses,
drawn plainly; no other switch of the tab is on record.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class DropboxSite(SwitchSite):
    name = "dropbox"
    title = "Dropbox"
    session_cookie = "t"
    api_prefix = "/account/settings/api/"
    header = '<header><strong>Dropbox</strong><a href="/home">Home</a></header>'
    pages = (
        SettingsPage(
            "third_party_ai",
            "/account/third_party_ai",
            "Third-party AI",
            Control(
                "Use artificial intelligence (AI) from third-party partners so you can work "
                "faster in Dropbox"
            ),
        ),
    )
