"""A replica of Tumblr's blog settings.

Follows a published opt-out guide (https://redact.dev/ai-optout-instructions/tumblr):
each blog's settings have a Visibility section holding "Prevent third-party sharing
for <blog>", off by default (sharing allowed), and an option to discourage searching
for the blog beside it (turning that on had turned third-party sharing off too), so
the page draws both, in different positions. The page addresses (a list of blogs,
each blog's settings) and the markup are guesses, drawn plainly.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite

BLOG = "/settings/blog/{name}"


class TumblrSite(SwitchSite):
    name = "tumblr"
    title = "Tumblr"
    # Tumblr's cookie of a signed-in browser (TextsHQ/platform-tumblr, src/info.ts).
    session_cookie = "psu"
    api_prefix = "/api/v2/blog-settings/"
    header = '<header><strong>tumblr</strong><a href="/dashboard">Dashboard</a></header>'
    blogs_path = "/settings/account"
    blog_link = BLOG
    demo_account = {"blogs": ["myblog", "art-notes"]}
    pages = (
        SettingsPage(
            "discourage_search",
            BLOG,
            "Visibility: {name}",
            Control("Discourage searching of {name}"),
            default=True,
        ),
        SettingsPage(
            "third_party_sharing",
            BLOG,
            "Visibility: {name}",
            Control("Prevent third-party sharing for {name}"),
            default=False,
        ),
    )
