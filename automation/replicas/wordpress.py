"""A replica of WordPress.com's general site settings, as ``shared/platforms.md`` has them.

Each site has "Prevent third-party data sharing", off by default (sharing
allowed). The site part of the address, the list of sites and the markup are
guesses, drawn plainly.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class WordPressSite(SwitchSite):
    name = "wordpress"
    title = "WordPress.com"
    session_cookie = "wordpress_logged_in"
    login_path = "/log-in"
    api_prefix = "/wp-json/site-settings/"
    header = '<header><strong>WordPress.com</strong><a href="/sites">My sites</a></header>'
    blogs_path = "/sites"
    blog_link = "/settings/general/{name}"
    demo_account = {"blogs": ["myblog.wordpress.com", "photos.example.org"]}
    pages = (
        SettingsPage(
            "third_party_sharing",
            "/settings/general/{name}",
            "General settings",
            Control("Prevent third-party data sharing"),
            default=False,
        ),
    )
