"""Squarespace: "Block known artificial intelligence crawlers", a switch each site has.

ON blocks the AI crawlers Squarespace knows of from the site; OFF lets them in. So
the recommended state is ON. ``shared/platforms.md`` records the label and that it sits
under Settings, Crawlers, per site. The addresses (the account's list of sites,
each site's Crawlers settings) and the markup are guesses, so the sites are found
as links on the guessed list and the switch by role and label; where the guessed
pages do not exist the rows read ``unavailable`` or ``unknown``, never a value.
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Discovery, Setting, State, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://account.squarespace.com"
LABEL = "Block known artificial intelligence crawlers"
# Guesses: the account dashboard lists the sites, each linking to its Crawlers settings.
SITE_PATH = "/sites/{name}/settings/crawlers"
SITE_LIST = Discovery(
    path="/",
    link='a[href^="/sites/"]',
    pattern=r"^/sites/(?P<name>[a-z0-9-]+)/settings/crawlers/?$",
    noun="site",
)


class Squarespace(Plugin):
    """Squarespace's per-site switch that blocks known AI crawlers."""

    name = "squarespace"
    title = "Squarespace"
    default_origin = ORIGIN
    order = 73
    # Guesses: Squarespace's sign-in page.
    login_paths = ("/login",)
    login_form = None
    settings = (
        Setting(
            key="block_ai_crawlers",
            label=LABEL,
            description=(
                "ON blocks the AI crawlers Squarespace knows of from collecting this "
                "site's pages (for training, among other uses); OFF lets them. "
                "Recommended: ON. How it blocks them is not on record: a crawler "
                "Squarespace does not know, or one that ignores a request, may still get "
                "in, and pages collected before are not taken back. Its default is not on "
                "record. Each of your sites has its own switch."
            ),
            recommended=State.ON,
            manual_steps=(
                "Sign in to Squarespace.",
                "Open the site, then Settings.",
                'Choose "Crawlers".',
                f'Switch "{LABEL}" ON.',
                "Repeat for each of your sites.",
            ),
            notes=(
                "Inverted: ON blocks the crawlers, so ON is recommended. Kept per site. "
                "The addresses of the list of sites and of each site's settings are guesses."
            ),
            source="shared/platforms.md (public reports, late 2026)",
            switch=Switch(path=SITE_PATH, names=(LABEL,)),
            per=SITE_LIST,
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    'inferred: "Settings, Crawlers", per site, is on record '
                    "(shared/platforms.md); the addresses of the list of sites and of each "
                    "site's settings are not",
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.LIKELY, "shared/platforms.md (public reports, late 2026)"),
            ),
        ),
    )
