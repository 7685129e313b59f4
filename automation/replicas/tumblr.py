"""A replica of Tumblr's blog settings, as ``shared/platforms.md`` records them.

Each blog has "Prevent third-party sharing for <blog>", off by default (sharing
allowed). The page addresses (a list of blogs, each blog's settings) and the
markup are guesses, drawn plainly.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class TumblrSite(SwitchSite):
    name = "tumblr"
    title = "Tumblr"
    session_cookie = "pfg"
    api_prefix = "/api/v2/blog-settings/"
    header = '<header><strong>tumblr</strong><a href="/dashboard">Dashboard</a></header>'
    blogs_path = "/settings/account"
    blog_link = "/settings/blog/{name}"
    demo_account = {"blogs": ["myblog", "art-notes"]}
    pages = (
        SettingsPage(
            "third_party_sharing",
            "/settings/blog/{name}",
            "Visibility: {name}",
            Control("Prevent third-party sharing for {name}"),
            default=False,
        ),
    )
