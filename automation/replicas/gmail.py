"""A replica of Gmail's General settings, as ``shared/platforms.md`` records them.

The smart-features setting is a checkbox; its markup is not on record, so the
replica draws a checkbox named by its label (a guess). The settings open at
``/mail/u/0/#settings/general``; the part after ``#`` never reaches a server.
Signed-out visitors are sent to a Google sign-in page.
"""

from __future__ import annotations

from .google import GoogleSignIn
from .switchsite import Control, SettingsPage


class GmailSite(GoogleSignIn):
    name = "gmail"
    title = "Gmail"
    home_path = "/mail/u/0"
    api_prefix = "/mail/u/0/settings/"
    pages = (
        SettingsPage(
            "smart_features",
            "/mail/u/0",
            "Settings",
            Control(
                "Smart features in Gmail, Chat, and Meet",
                kind="checkbox",
                labelledby="smart-features-label",
            ),
            "General",
        ),
    )
