"""Reddit: ads based on your activity and partners' data.

Facts from ``shared/platforms.md``: the setting is on ``/settings/privacy``. Reddit
offers no setting that keeps your content out of AI training. The markup is not on
record; the control is found as a switch named by its label (a guess).
"""

from __future__ import annotations

from automation.model import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin
from automation.walls import LoginForm

ORIGIN = "https://www.reddit.com"
PATH = "/settings/privacy"
LABEL = "Improve ads based on your online activity and information from our partners"

PERSONALIZED_ADS = Setting(
    key="personalized_ads",
    # The page's label is long; the checklist shows its gist.
    label="Ads from your activity and partners' data",
    description=(
        "Lets Reddit choose your ads using what you do elsewhere online and what its "
        "partners tell it about you. On by default."
    ),
    manual_steps=(
        "Sign in to Reddit.",
        'Click your avatar, then "Settings".',
        'Choose "Privacy".',
        f'Switch "{LABEL}" off.',
    ),
    notes=(
        "Reddit offers no setting to keep your posts and comments out of AI training; "
        "this one only limits how your ads are chosen."
    ),
    source="Reddit Help",
    switch=Switch(path=PATH, names=(LABEL,)),
    evidence=evidence(
        page=(Confidence.LIKELY, "Reddit Help (Settings, Privacy)"),
        control=FOUND_BY_LABEL,
        label=(
            Confidence.CONFIRMED,
            "Reddit's announcement in r/reddit, September 2023, which merged two switches "
            "into this one (reported by Engadget and others)",
        ),
    ),
)


class Reddit(Plugin):
    """Reddit's ad-personalisation switch."""

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
    settings = (PERSONALIZED_ADS,)
