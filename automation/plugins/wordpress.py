"""WordPress.com: "Prevent third-party data sharing", a switch each site has of its own.

The switch's meaning is inverted: ON prevents WordPress.com from sharing the
site's content with third parties (AI companies among them), OFF (the default)
allows it. So the recommended state is ON. ``shared/platforms.md`` records the
label and the page, ``/settings/general``, kept per site; the site part of the
address, the list of sites and the markup are guesses, so the switch is found by
role and label.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Discovery, Setting, State, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://wordpress.com"
LABEL = "Prevent third-party data sharing"
# Guesses: the general settings of a site at /settings/general/<site address>, the
# account's sites listed at /sites with links to those pages.
SITE_PATH = "/settings/general/{name}"
SITE_LIST = Discovery(
    path="/sites",
    link='a[href^="/settings/general/"]',
    pattern=r"^/settings/general/(?P<name>[A-Za-z0-9.-]+)/?$",
    noun="site",
)


class WordPress(Plugin):
    """WordPress.com's per-site switch that prevents sharing data with third parties."""

    name = "wordpress"
    title = "WordPress.com"
    default_origin = ORIGIN
    # WordPress.com's scripts and styles come from wp.com hosts (s0.wp.com).
    asset_hosts = ("wp.com",)
    order = 71
    # Guesses: WordPress.com's sign-in page.
    login_paths = ("/log-in",)
    login_form = None
    settings = (
        Setting(
            key="third_party_sharing",
            label=LABEL,
            description=(
                "Mind the inverted meaning: ON stops WordPress.com from sharing this "
                "site's public content with third parties, such as companies that train "
                "AI models; OFF, the default, lets it share. Recommended: ON. Each of "
                "your sites has its own switch."
            ),
            recommended=State.ON,
            manual_steps=(
                "Sign in to WordPress.com.",
                "Choose the site, then Settings, General.",
                f'Switch "{LABEL}" ON.',
                "Save if the page asks, and repeat for each of your sites.",
            ),
            notes=(
                "Inverted: ON prevents sharing, so ON is recommended. Kept per site: a site "
                "you add later starts with sharing allowed."
            ),
            source="shared/platforms.md",
            switch=Switch(path=SITE_PATH, names=(LABEL,)),
            per=SITE_LIST,
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: /settings/general is on record, the site's part of the "
                    "address and the list of sites at /sites are not",
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, "public reports, late 2026"),
            ),
        ),
    )
