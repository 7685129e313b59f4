"""A replica of Figma's admin settings, AI section.

It follows Figma's own help
(https://help.figma.com/hc/en-us/articles/17725942479127-Manage-AI-settings-and-content-training-for-your-team-or-organization):
the admin settings' "Settings" tab has an "AI" section with two toggles, "AI
features" and "Content training", both on by default for Starter and Professional
teams. "AI features" is drawn off here, so that it differs from the setting. The
page's address (each team's own) and the markup are guesses, drawn plainly. The
session cookie is ``__Host-figma.authn``, the one public automation of figma.com
signs in with (alexchantastic/figma-export ``automations/auth.setup.ts``); its prefix
asks for the Secure flag, which browsers accept from a loopback address too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .switchsite import Control, SettingsPage, SwitchSite

if TYPE_CHECKING:
    from playwright.async_api import StorageState

PATH = "/admin/settings"
HEADING = "Admin settings"


class FigmaSite(SwitchSite):
    name = "figma"
    title = "Figma"
    session_cookie = "__Host-figma.authn"
    api_prefix = "/api/admin/settings/"
    header = '<header><strong>Figma</strong><a href="/files">Files</a></header>'
    pages = (
        SettingsPage("ai_features", PATH, HEADING, Control("AI features"), "AI", default=False),
        SettingsPage("content_training", PATH, HEADING, Control("Content training"), "AI"),
    )

    def session_cookie_header(self, token: str) -> tuple[str, str]:
        name, value = super().session_cookie_header(token)
        return name, value + "; Secure"

    def storage_state(self, origin: str, username: str) -> StorageState:
        state = super().storage_state(origin, username)
        for cookie in state["cookies"]:
            cookie["secure"] = True
        return state
