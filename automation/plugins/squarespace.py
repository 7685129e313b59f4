"""Squarespace: "Block known artificial intelligence crawlers", a checkbox each site has.

Checked, it asks the AI crawlers Squarespace knows of to stay away from the site
(Squarespace adds them to the site's robots.txt); unchecked, they may crawl it. So
the recommended state is ON (checked).

Squarespace Help ("Request that AI models exclude your site") says: open the
Settings panel, click Crawlers, and "check the box" next to the setting; a guide
adds that the change is kept with Save. Each site's settings live on the site's own
host below Squarespace's, ``https://<site>.squarespace.com/config/settings/...``, so
the sites are found as links to hosts below ``squarespace.com`` and each one's box
is read on its own host, found by role and its label, and a change is kept only by
the page's own "Save". The Crawlers panel's exact address and the page that lists
an account's sites (Squarespace's is account.squarespace.com) are guesses; where
they do not exist the rows read ``unavailable`` or ``unknown``, never a value.

Signed in is shown by the profile picture or initials that a signed-in site's menu
links to the account dashboard (account.squarespace.com) with; no session cookie of
Squarespace's own accounts is on record.
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

ORIGIN = "https://squarespace.com"
LABEL = "Block known artificial intelligence crawlers"
#: Squarespace Help: Settings panel, Crawlers, "check the box".
HELP = "https://support.squarespace.com/hc/en-us/articles/360022347072"
#: A guide that ends the steps with Save.
SAVE_GUIDE = "https://mdc-designs.com/blog/hide-squarespace-search-engine-ai-crawlers"
#: A guide describing the panel's two checkboxes (search engines above, AI below).
PANEL_GUIDE = "https://squareranked.com/squarespace-ai-search/ai-crawlers/"
#: Squarespace Help: a signed-in site's menu links to the account dashboard by the
#: profile picture or initials.
DASHBOARD = "https://support.squarespace.com/hc/en-us/articles/115010428047"
#: The page the change is kept by.
SAVE = "Save"
#: A guess: the Crawlers panel, below the site's settings.
SITE_PATH = "/config/settings/crawlers"
# A guess: the account's sites listed as links to each site's own host.
SITE_LIST = Discovery(
    path="/",
    link='a[href*="/config"]',
    pattern=r"^(?!www$|account$|login$|support$)(?P<name>[a-z0-9-]+)$",
    noun="site",
    subdomain=True,
)


class Squarespace(Plugin):
    """Squarespace's per-site checkbox that asks known AI crawlers to stay away."""

    name = "squarespace"
    title = "Squarespace"
    default_origin = ORIGIN
    order = 73
    # Each site's settings are on a host of its own below squarespace.com.
    subdomains = True
    # Guesses: Squarespace's sign-in page.
    login_urls = ("https://login.squarespace.com/",)
    login_paths = ("/login",)
    login_form = None
    #: The link to the account dashboard that a signed-in site's menu shows (the
    #: profile picture or initials); its markup is inferred.
    signed_in_marker = 'a[href*="//account.squarespace."]'
    account_source = f"{DASHBOARD} (the menu's profile picture opens account.squarespace.com)"
    settings = (
        Setting(
            key="block_ai_crawlers",
            label=LABEL,
            description=(
                "ON (checked) asks the AI crawlers Squarespace knows of not to crawl "
                "this site (Squarespace lists them in the site's robots.txt); OFF lets "
                "them. Recommended: ON. It is a request: a crawler that ignores it, or "
                "one Squarespace does not know, may still get in, and pages collected "
                "before are not taken back. Off by default. Each of your sites has its "
                "own box."
            ),
            recommended=State.ON,
            manual_steps=(
                "Sign in to Squarespace and open the site.",
                "Open the Settings panel, then Crawlers.",
                f'Check the box "{LABEL}".',
                'Click "Save".',
                "Repeat for each of your sites.",
            ),
            notes=(
                "Inverted: checked blocks the crawlers, so ON is recommended. Kept per "
                "site, on the site's own host; nothing is kept until Save is clicked. "
                "The panel's exact address and the list of sites are guesses."
            ),
            source=f"{HELP}; {SAVE_GUIDE}",
            switch=Switch(
                path=SITE_PATH,
                names=(LABEL,),
                role="checkbox",
                submit=SAVE,
                subdomain="{name}",
            ),
            per=SITE_LIST,
            evidence=(
                *evidence(
                    page=(
                        Confidence.LIKELY,
                        f"{HELP} (Settings panel, Crawlers); {SAVE_GUIDE}",
                    ),
                    control=(
                        Confidence.LIKELY,
                        f'{HELP} ("check the box"); {SAVE_GUIDE} (then Save); {PANEL_GUIDE}',
                    ),
                    label=(Confidence.CONFIRMED, HELP),
                ),
                Evidence(
                    "page",
                    Confidence.GUESS,
                    "inferred: the panel's address (<site>.squarespace.com/config/settings"
                    "/crawlers) and the sites listed on squarespace.com; only the Settings "
                    f"panel ({HELP}) and the account dashboard at account.squarespace.com "
                    f"({DASHBOARD}) are on record",
                ),
            ),
        ),
    )
