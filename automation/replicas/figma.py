"""A replica of Figma's admin settings, as ``shared/platforms.md`` records them.

The AI section holds "Content training", on by default for Starter and Professional
teams. The page's address and the markup are guesses, drawn plainly; no other
switch of that page is on record.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class FigmaSite(SwitchSite):
    name = "figma"
    title = "Figma"
    session_cookie = "figma.session"
    api_prefix = "/api/admin/settings/"
    header = '<header><strong>Figma</strong><a href="/files">Files</a></header>'
    pages = (
        SettingsPage(
            "content_training",
            "/admin/settings",
            "Admin settings",
            Control("Content training"),
            "AI",
        ),
    )
