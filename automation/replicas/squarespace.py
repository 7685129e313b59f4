"""A replica of Squarespace's per-site Crawlers settings, as ``shared/platforms.md`` has them.

Each site has "Block known artificial intelligence crawlers", off here (its real
default is not on record). The account's list of sites, each site's settings
address and the markup are guesses, drawn plainly; no other switch of the Crawlers
settings is on record.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class SquarespaceSite(SwitchSite):
    name = "squarespace"
    title = "Squarespace"
    session_cookie = "crumb"
    api_prefix = "/api/site-settings/"
    header = '<header><strong>Squarespace</strong><a href="/">Websites</a></header>'
    blogs_path = "/"
    blog_link = "/sites/{name}/settings/crawlers"
    demo_account = {"blogs": ["my-portfolio", "corner-bakery"]}
    pages = (
        SettingsPage(
            "block_ai_crawlers",
            "/sites/{name}/settings/crawlers",
            "Crawlers",
            Control("Block known artificial intelligence crawlers"),
            default=False,
        ),
    )
