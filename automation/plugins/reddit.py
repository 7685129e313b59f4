"""Reddit: ads personalised with what Reddit's partners tell it, and ads measured off Reddit.

Both settings are on ``/settings/privacy`` (a crawl of the signed-in page), under
Advertising: "Personalize ads on Reddit based on information and activity from our
partners", then "Ads off Reddit" ("Allow Reddit to measure Reddit paid marketing
campaigns on other sites and apps."), beside "Show up in search results" and others.
Reddit draws each switch as its ``faceplate-switch-input`` web component: the
position on the component, its input inside an open shadow root, the label outside
it in the row. The shared switch code looks inside shadow roots and names such a
switch by its row. Reddit offers no setting that keeps your content out of AI
training.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Setting, Switch, evidence
from automation.domain.walls import LoginForm
from automation.plugin import Plugin

ORIGIN = "https://www.reddit.com"
PATH = "/settings/privacy"
LABEL = "Personalize ads on Reddit based on information and activity from our partners"
#: The wording of 2023, when Reddit merged two switches into this one.
OLD_LABEL = "Improve ads based on your online activity and information from our partners"
#: A crawl of Reddit's signed-in settings pages, with each setting's words and address.
CRAWL = (
    "sebastianferragut/DSC180A_PrivacyProject@2107142320bc39bcd9c253e6c4c0056d1546dc26:"
    "database/data/extracted_settings_with_urls_and_layers_classified.json"
)
#: A public script that reads and flips Reddit's switch component by its host.
COMPONENT = "https://greasyfork.org/scripts/489037"

PERSONALIZED_ADS = Setting(
    key="personalized_ads",
    # The page's label is long; the checklist shows its gist in Reddit's words.
    label="Personalize ads on Reddit (partners' information)",
    description=(
        "Lets Reddit choose your ads using what its partners tell it about you and "
        "what you do elsewhere online. On by default."
    ),
    manual_steps=(
        "Sign in to Reddit.",
        'Click your avatar, then "Settings".',
        'Choose "Privacy".',
        f'Switch "{LABEL}" off.',
    ),
    notes=(
        "Reddit offers no setting to keep your posts and comments out of AI training; "
        'this one only limits how your ads are chosen. "Ads off Reddit", below it, is '
        "another setting."
    ),
    source=CRAWL,
    switch=Switch(path=PATH, names=(LABEL, OLD_LABEL)),
    evidence=evidence(
        page=(Confidence.CONFIRMED, f"{CRAWL} (Reddit, url {ORIGIN}{PATH})"),
        control=(
            Confidence.LIKELY,
            f"{COMPONENT}: Reddit's switches are faceplate-switch-input components whose "
            "host carries aria-checked; the label stands in the row beside it",
        ),
        label=(Confidence.CONFIRMED, f"{CRAWL} (Reddit, setting {LABEL!r})"),
    ),
)


#: The switch below it, and the words Reddit shows under it.
ADS_OFF_LABEL = "Ads off Reddit"
ADS_OFF_DESCRIPTION = (
    "Allow Reddit to measure Reddit paid marketing campaigns on other sites and apps."
)
#: The crawl's entry for it (its words, its description and its state).
ADS_OFF_LINE = 1532

ADS_OFF_REDDIT = Setting(
    key="ads_off_reddit",
    label=ADS_OFF_LABEL,
    description=(
        "Lets Reddit measure its own paid marketing campaigns on other sites and apps. "
        "It is a setting of its own, apart from how your ads on Reddit are chosen."
    ),
    manual_steps=(
        "Sign in to Reddit.",
        'Click your avatar, then "Settings".',
        'Choose "Privacy".',
        f'Under "Advertising", switch "{ADS_OFF_LABEL}" off.',
    ),
    notes=(
        'Its description reads "Allow Reddit to measure Reddit paid marketing campaigns on '
        'other sites and apps." It is separate from the ad-personalisation switch above it. '
        "Reddit says some of its settings are not offered to minors."
    ),
    source=CRAWL,
    switch=Switch(path=PATH, names=(ADS_OFF_LABEL,)),
    evidence=evidence(
        page=(Confidence.CONFIRMED, f"{CRAWL}:{ADS_OFF_LINE} (Reddit, url {ORIGIN}{PATH})"),
        control=(
            Confidence.LIKELY,
            f"{CRAWL}:{ADS_OFF_LINE} (a switch read with its state on the page, its "
            f"screenshot beside the ad-personalisation switch); {COMPONENT} (Reddit's "
            "switches are faceplate-switch-input components whose host carries "
            "aria-checked; the label stands in the row beside it)",
        ),
        label=(
            Confidence.CONFIRMED,
            f"{CRAWL}:{ADS_OFF_LINE} (Reddit, setting {ADS_OFF_LABEL!r}, described as "
            f"{ADS_OFF_DESCRIPTION!r})",
        ),
    ),
)


class Reddit(Plugin):
    """Reddit's advertising switches."""

    name = "reddit"
    title = "Reddit"
    default_origin = ORIGIN
    # Reddit's scripts come from redditstatic.com.
    asset_hosts = ("redditstatic.com",)
    order = 60
    # Guess: signed-out visitors are sent to /login.
    login_paths = ("/login", "/account/login")
    # No verification page is on record; one would read as "unknown", not a guess.
    checkpoint_paths = ()
    # Guess: a one-page form with username and password fields.
    login_form = LoginForm(
        path="/login",
        username='input[name="username"]',
        password='input[name="password"]',
        submit='button[type="submit"]',
    )
    session_cookies = ("reddit_session",)
    account_source = (
        "CookieCadger/CookieCadger@8935cb1c1da1f069e97d09966e0ee075e94c7ebf:plugins/reddit.js"
    )
    settings = (PERSONALIZED_ADS, ADS_OFF_REDDIT)
