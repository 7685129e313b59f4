"""A replica of Dropbox's "Third-party AI" settings tab.

It follows Ars Technica's report (https://arstechnica.com/information-technology/
2023/12/dropbox-spooks-users-by-sending-data-to-openai-for-ai-search-features): one
switch, beside the words "Use artificial intelligence (AI) from third-party partners
so you can work faster in Dropbox". The tab's address and the markup are guesses,
drawn plainly; no other switch of the tab is on record. The session cookie is
``lid``, Dropbox's session cookie in Firesheep's handler (codebutler/firesheep
``xpi/handlers/dropbox.js``).
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class DropboxSite(SwitchSite):
    name = "dropbox"
    title = "Dropbox"
    session_cookie = "lid"
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
