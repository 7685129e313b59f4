"""Tumblr: "Prevent third-party sharing", a switch each blog has of its own.

The switch's meaning is inverted: ON prevents Tumblr from sharing the blog's
posts with third parties (AI companies among them), OFF (the default) allows it.
So the recommended state is ON. A published opt-out guide records the label
("Prevent third-party sharing for <blog>"), that it is per blog, and that it sits in
the blog's settings, Visibility section; the page addresses and the markup are
guesses, so the switch is found by role and its label, which names the blog.

Signed in is shown by Tumblr's ``psu`` cookie, which a public client of Tumblr's
website waits for to know a sign-in is done.
"""

from __future__ import annotations

from automation.domain.settings import (
    Confidence,
    Discovery,
    Evidence,
    Setting,
    State,
    Switch,
    evidence,
)
from automation.plugin import Plugin

ORIGIN = "https://www.tumblr.com"
#: An opt-out guide quoting the blog settings' Visibility section and the label.
GUIDE = "https://redact.dev/ai-optout-instructions/tumblr"
#: A public client of Tumblr's website: ``psu`` is the cookie of a signed-in browser.
COOKIES = "TextsHQ/platform-tumblr@1464589b6bda44d144275f845b275e38bd7d7beb:src/info.ts:17"
# Guesses: each blog's settings at /settings/blog/<blog>, linked from the account
# settings' list of blogs.
BLOG_PATH = "/settings/blog/{name}"
BLOG_LIST = Discovery(
    path="/settings/account",
    link='a[href^="/settings/blog/"]',
    pattern=r"^/settings/blog/(?P<name>[A-Za-z0-9-]+)/?$",
    noun="blog",
)


class Tumblr(Plugin):
    """Tumblr's per-blog switch that prevents sharing with third parties."""

    name = "tumblr"
    title = "Tumblr"
    default_origin = ORIGIN
    order = 70
    # Guesses: Tumblr's sign-in page.
    login_paths = ("/login",)
    login_form = None
    session_cookies = ("psu",)
    account_source = COOKIES
    settings = (
        Setting(
            key="third_party_sharing",
            label="Prevent third-party sharing",
            description=(
                "Mind the inverted meaning: ON stops Tumblr from sharing this blog's "
                "public posts with third parties, such as companies that train AI "
                "models; OFF, the default, lets it share them. Recommended: ON. Each of "
                "your blogs has its own switch."
            ),
            recommended=State.ON,
            manual_steps=(
                "Sign in to Tumblr.",
                "Open Settings and choose the blog under Blogs.",
                'Go to the "Visibility" section.',
                'Switch "Prevent third-party sharing for <blog>" ON.',
                "Repeat for each of your blogs.",
            ),
            notes=(
                "Inverted: ON prevents sharing, so ON is recommended. Kept per blog: a blog "
                "you add later starts with sharing allowed."
            ),
            source=GUIDE,
            switch=Switch(path=BLOG_PATH, names=("Prevent third-party sharing for {name}",)),
            per=BLOG_LIST,
            evidence=(
                *evidence(
                    page=(Confidence.LIKELY, f"{GUIDE} (the blog's settings, Visibility)"),
                    control=(
                        Confidence.GUESS,
                        f"inferred: a switch named by its label ({GUIDE} calls it a "
                        "toggle); its markup is not on record",
                    ),
                    label=(Confidence.LIKELY, GUIDE),
                ),
                Evidence(
                    "page",
                    Confidence.GUESS,
                    "inferred: each blog's settings at /settings/blog/<blog>, listed from "
                    "the account settings",
                ),
            ),
        ),
    )
