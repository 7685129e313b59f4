"""Google's My Ad Center: personalized ads.

My Ad Center (``myadcenter.google.com``) draws personalized ads as one button whose
name is the change it offers: "Turn off" while they are on, "Turn on" while they are
off. Public automation of the page (Webmunk, a research browser extension) opens
``/personalizationoff``, reads the setting from which of the two buttons is there, and
changes it by pressing that button and then the dialog's own button. The shared code
in :mod:`automation.page.offers` finds the button only under the heading "Personalized ads"
and presses nothing but it and a confirmation in a known wording.

My Ad Center is a platform of its own, next to ``google`` and ``gmail``, because a
plugin drives one origin; all three sign in through Google's accounts site, and a
session is proved by Google's session cookies.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Evidence, Setting, Switch, evidence
from automation.plugin import Plugin
from automation.plugins.google import (
    ACCOUNT_SOURCE,
    CHECKPOINT_PATHS,
    LOGIN_PATHS,
    SESSION_COOKIES,
    SIGN_IN_ORIGINS,
)

ORIGIN = "https://myadcenter.google.com"
PATH = "/personalizationoff"
#: My Ad Center's home, which a later version of the same automation opens.
HOME = "/home"

#: Public automation of the page: the address, the buttons named "Turn off" and "Turn
#: on", and the dialog's button pressed after them.
WEBMUNK = (
    "Webmunk-Project/Webmunk-Mono-Repo@21b75fd1e7d0a8750acfa68a94f36759dcc82ff5:"
    "packages/modules/ad-personalization/src/content/strategies/GoogleAndYoutubeStrategy.ts"
)
WEBMUNK_LATER = (
    "webmunk2/webmunk-extension@53baad5cd913872f0f091eb349937663e8a81f9e:"
    "packages/modules/ad-personalization/src/content/strategies/GoogleAndYoutubeStrategy.ts"
)
WEBMUNK_PAGES = (
    "Webmunk-Project/Webmunk-Mono-Repo@5681e71103c8620592fb1d5aa808c1799fb0ae4f:"
    "packages/modules/ad-personalization/src/data/config.json"
)
WEBMUNK_HOME = (
    "webmunk2/webmunk-extension@678cac37a8c72f6052adb77d6aaa605c3a7980a6:"
    "packages/modules/ad-personalization/src/data/config.json"
)
#: Guides to My Ad Center that name the setting "Personalized ads".
GUIDE = "https://morinupolliveng36.blogspot.com/2022/12/google-ad-how-to-not-forget.html"
OVERVIEW = "https://probsee.com/p/Google_Ad_Center"
#: A guide to the earlier Ad Settings page: the switch, then a pop-up with "Turn off".
EARLIER = (
    "https://www.trustedreviews.com/how-to/how-to-stop-google-collecting-advertising-data-4216921"
)

PERSONALIZED_ADS = Setting(
    key="personalized_ads",
    label="Personalized ads",
    description=(
        "Lets Google choose the ads you see in Search, YouTube, Gmail and on sites and "
        "apps that show Google ads from your activity and the information in your Google "
        "Account. When it is off you still see ads, picked from what you look at now, "
        "your rough location and other general factors."
    ),
    manual_steps=(
        "Sign in to your Google Account.",
        f"Open {ORIGIN}{PATH} (My Ad Center).",
        'Next to "Personalized ads", press "Turn off", then confirm.',
    ),
    notes=(
        "Applies where you are signed in to this Google Account. Sites that show Google "
        "ads to signed-out visitors keep their own choice in the browser."
    ),
    source=f"{WEBMUNK}; {GUIDE}",
    switch=Switch(
        path=PATH,
        fallbacks=(HOME,),
        names=("Personalized ads",),
        role="button",
        shape="offer",
        confirms=("Turn off", "Turn on"),
    ),
    evidence=(
        *evidence(
            page=(
                Confidence.CONFIRMED,
                f"{WEBMUNK_PAGES} (https://myadcenter.google.com/personalizationoff); "
                f"{WEBMUNK_HOME} (https://myadcenter.google.com/home)",
            ),
            control=(
                Confidence.LIKELY,
                f'{WEBMUNK} (an element with aria-label "Turn off" means on, "Turn on" '
                "off; each is pressed, then a button of the dialog that follows); "
                f"{WEBMUNK_LATER} (reads the setting the same way); {EARLIER} (a switch, "
                'then a pop-up whose button is "Turn off")',
            ),
            label=(Confidence.LIKELY, f"{GUIDE}; {OVERVIEW}"),
        ),
        Evidence(
            "control",
            Confidence.GUESS,
            'inferred: the button sits under the heading "Personalized ads"; the '
            "automation finds it by its name alone, and the heading's markup is not on "
            "record",
        ),
    ),
)


class MyAdCenter(Plugin):
    """Google's My Ad Center."""

    name = "myadcenter"
    title = "Google My Ad Center"
    default_origin = ORIGIN
    # Google's pages load their scripts from gstatic.com and googleapis.com.
    asset_hosts = ("gstatic.com", "googleapis.com")
    order = 42
    login_paths = LOGIN_PATHS
    checkpoint_paths = CHECKPOINT_PATHS
    sign_in_origins = SIGN_IN_ORIGINS
    login_form = None
    session_cookies = SESSION_COOKIES
    account_source = ACCOUNT_SOURCE
    settings = (PERSONALIZED_ADS,)
