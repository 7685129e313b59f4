"""A replica of Substack's publication settings, as ``shared/platforms.md`` records them.

Each publication has "Block AI training" in its details, off by default. The page
addresses (the list of publications, each one's settings) and the markup are
guesses, drawn plainly.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class SubstackSite(SwitchSite):
    name = "substack"
    title = "Substack"
    session_cookie = "substack.sid"
    login_path = "/sign-in"
    api_prefix = "/api/v1/publication-settings/"
    header = '<header><strong>Substack</strong><a href="/home">Home</a></header>'
    blogs_path = "/settings"
    blog_link = "/publish/settings/{name}"
    demo_account = {"blogs": ["mynewsletter", "weekly-notes"]}
    pages = (
        SettingsPage(
            "block_ai_training",
            "/publish/settings/{name}",
            "Publication details",
            Control("Block AI training"),
            default=False,
        ),
    )
