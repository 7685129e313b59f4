"""A replica of Pinterest's "Privacy and data" settings, as ``shared/platforms.md`` has it.

The label is on record (unverified); the page address and the markup are guesses,
drawn plainly: a labelled switch.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class PinterestSite(SwitchSite):
    name = "pinterest"
    title = "Pinterest"
    session_cookie = "_pinterest_sess"
    api_prefix = "/resource/settings/"
    header = '<header><strong>Pinterest</strong><a href="/">Home</a></header>'
    pages = (
        SettingsPage(
            "genai_training",
            "/settings/privacy",
            "Privacy and data",
            Control("Use your data to train Pinterest Canvas"),
        ),
    )
