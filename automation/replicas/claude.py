"""A replica of Claude's privacy settings page, as ``shared/platforms.md`` records it.

The toggles "Help improve Claude" and "Location metadata" are side by side on
``/settings/data-privacy-controls``; their markup is not on record, so the replica
draws each as a button with ``role="switch"`` and ``aria-checked`` named by its
label (a guess).
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class ClaudeSite(SwitchSite):
    name = "claude"
    title = "Claude"
    session_cookie = "sessionKey"
    home_path = "/new"
    api_prefix = "/api/account/settings/"
    pages = (
        SettingsPage(
            "help_improve",
            "/settings/data-privacy-controls",
            "Privacy",
            Control("Help improve Claude", kind="button", labelledby="help-improve-label"),
            "Allow the use of your chats and coding sessions to train and improve "
            "Anthropic AI models.",
        ),
        SettingsPage(
            "location_metadata",
            "/settings/data-privacy-controls",
            "Privacy",
            Control("Location metadata", kind="button", labelledby="location-metadata-label"),
        ),
    )
