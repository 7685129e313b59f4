"""Tumblr: "Prevent third-party sharing", a switch each blog has of its own.

The switch's meaning is inverted: ON prevents Tumblr from sharing the blog's
posts with third parties (AI companies among them), OFF (the default) allows it.
So the recommended state is ON. ``shared/platforms.md`` records the label, that it
is per blog and under the blog's settings, Visibility; the page addresses and
the markup are guesses, so the switch is found by role and its label, which names
the blog.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Discovery, Setting, State, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.tumblr.com"
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
            source="shared/platforms.md",
            switch=Switch(path=BLOG_PATH, names=("Prevent third-party sharing for {name}",)),
            per=BLOG_LIST,
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: each blog's settings at /settings/blog/<blog>, listed from "
                    'the account settings; only "blog settings, Visibility" is on record',
                ),
                control=FOUND_BY_LABEL,
                label=(
                    Confidence.LIKELY,
                    "Tumblr Help, as quoted by public opt-out guides (2024)",
                ),
            ),
        ),
    )
