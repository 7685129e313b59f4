"""Spotify: tailored ads and Facebook data, on the Account privacy page.

Spotify's Account privacy page (``www.spotify.com/<market>/account/privacy/``, ``us``
for an account in the United States) has two switches, each under a heading of its
own: "Process my personal data for tailored ads" (Tailored ads) and "Process my
Facebook data" (Facebook data), as a crawl of the signed-in page recorded them, with a
screenshot that shows each as a switch beside its words. Below them, "Download your
data" offers three checkboxes and a "Request data" button: neighbours, never touched.
Each switch is found by its own label; its markup is not on record.

The page's address starts with the account's market. ``/account/privacy/`` is opened
first; where Spotify moves the browser to the same page under a market
(``/us/account/privacy/``), that address is the page. A session is proved by Spotify's
``sp_dc`` cookie.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from automation.domain.settings import (
    Confidence,
    Evidence,
    Setting,
    Switch,
    evidence,
)
from automation.domain.toggles import Toggles
from automation.plugin import Plugin

ORIGIN = "https://www.spotify.com"
PATH = "/account/privacy/"
#: The page's address under a market: ``/us/account/privacy/``, ``/de/account/privacy/``,
#: ``/uk-en/...`` style markets included.
MARKET_PATH = re.compile(r"^/[a-z]{2}(?:-[a-z]{2,4})?/account/privacy/?$", re.I)

#: A crawl of the signed-in pages: each switch's words, state and page, and the page's
#: address among the pages it visited.
CRAWL = "sebastianferragut/DSC180A_PrivacyProject"
CRAWL_TEXT = (
    f"{CRAWL}@2107142320bc39bcd9c253e6c4c0056d1546dc26:"
    "database/data/extracted_settings_with_urls_and_layers_classified.json"
)
CRAWL_LINKS = (
    f"{CRAWL}@97172fcb28c627a537df173afdb4d53e14a259d8:"
    "gemini-team/picasso/click_counts/www.spotify.com_crawl_results.json:11"
)
#: The crawl's screenshot of the page: each setting a switch beside its words.
CRAWL_SHOT = (
    f"https://github.com/{CRAWL}/blob/97172fcb28c627a537df173afdb4d53e14a259d8/"
    "gemini-team/picasso/Spotify/Account%20privacy_https___www.spotify.com_us_account_"
    "privacy_.png"
)
#: Public automation that opens the same page to request a data download.
DARA = (
    "ProgPrak21/DARA-Assistant@a4cfcec437d1619eb36ad992eddd6a6e29690a52:src/connectors/spotify.ts"
)
#: Spotify's session cookie on ``.spotify.com``, held only by a signed-in browser.
SESSION_COOKIES = ("sp_dc",)
ACCOUNT_SOURCE = (
    "fondberg/spotcast@3fde1efe7e871f5a45ea143733847157a1867193:"
    "docs/config/obtaining_sp_dc_and_sp_key.md (the sp_dc cookie of a signed-in Spotify "
    "browser, made invalid by logging out)"
)


def _steps(setting: Setting) -> tuple[str, ...]:
    switch = setting.switch
    assert switch is not None
    return (
        "Sign in to Spotify in a browser.",
        f"Open {ORIGIN}{PATH} (Account, then Privacy settings).",
        f'Switch "{switch.names[0]}" off.',
    )


def _evidence(line: int) -> tuple[Evidence, ...]:
    return evidence(
        page=(
            Confidence.CONFIRMED,
            f"{CRAWL_LINKS} (https://www.spotify.com/us/account/privacy/, visited signed "
            f"in); {CRAWL_TEXT}:{line}; {DARA} (the same page)",
        ),
        control=(
            Confidence.LIKELY,
            f"{CRAWL_SHOT} (a switch beside the setting's words); {CRAWL_TEXT}:{line} "
            '("the toggle"); its markup is not on record, so it is found by its label',
        ),
        label=(Confidence.CONFIRMED, f"{CRAWL_TEXT}:{line}; {CRAWL_SHOT}"),
    )


PRIVACY = Toggles(source=f"{CRAWL_TEXT}; {CRAWL_SHOT}", manual_steps=_steps)

TAILORED_ADS = PRIVACY(
    "tailored_ads",
    "Process my personal data for tailored ads",
    "Lets Spotify use your listening over time and interests from third-party ad "
    "partners to choose the ads you hear and see, and share your data with those "
    "partners, on Spotify and in Spotify's ads on other platforms. When it is off you "
    "still get ads, from your registration data, rough location and what you play now.",
    Switch(PATH, names=("Process my personal data for tailored ads",)),
    notes="On by default. Spotify Premium has no ads in the app, but the setting still counts.",
    evidence=_evidence(44),
)
FACEBOOK_DATA = PRIVACY(
    "facebook_data",
    "Process my Facebook data",
    "Lets Spotify process the data Facebook shares with it about you. When it is off, "
    "Spotify keeps only what lets you sign in with Facebook.",
    Switch(PATH, names=("Process my Facebook data",)),
    notes="On by default for accounts linked to Facebook.",
    evidence=_evidence(53),
)


class Spotify(Plugin):
    """Spotify's Account privacy page."""

    name = "spotify"
    title = "Spotify"
    default_origin = ORIGIN
    order = 96
    # Spotify's pages load their scripts and pictures from its own content networks.
    asset_hosts = ("scdn.co", "spotifycdn.com")
    # Spotify signs people in on its accounts site.
    sign_in_origins = ("https://accounts.spotify.com",)
    login_paths = ("/login", "/en/login")
    checkpoint_paths = ("/challenge",)
    login_form = None
    session_cookies = SESSION_COOKIES
    account_source = ACCOUNT_SOURCE
    settings = (TAILORED_ADS, FACEBOOK_DATA)
    page_class = "automation.plugins.spotify_page:MarketPrivacyPage"

    def landed(self, asked: str, final: str) -> bool:
        """The privacy page under the account's market is the page asked for."""
        return super().landed(asked, final) or (
            urlsplit(asked).path == PATH and bool(MARKET_PATH.match(urlsplit(final).path))
        )
