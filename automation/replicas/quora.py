"""A replica of Quora's privacy settings.

Quora Help (https://help.quora.com/hc/hi/articles/15205064557844) puts "Allow large
language models to be trained on your content" on the privacy settings page; the
page's address, the sign-in path and the switch's markup are guesses, drawn plainly:
a labelled switch.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class QuoraSite(SwitchSite):
    name = "quora"
    title = "Quora"
    session_cookie = "m-b"
    api_prefix = "/api/settings/"
    header = '<header><strong>Quora</strong><a href="/">Home</a></header>'
    pages = (
        SettingsPage(
            "llm_training",
            "/settings/privacy",
            "Privacy",
            Control("Allow large language models to be trained on your content"),
            # The default is not on record; on, like the other training settings.
            default=True,
        ),
    )
