"""Amazon: interest-based ads, on the Advertising preferences page.

``https://www.amazon.com/adprefs`` asks one thing with two radio options kept by a
form: "Show me interest-based ads provided by Amazon" and "Do not show me
interest-based ads provided by Amazon". Public automation of this page (a research
browser extension, Webmunk) finds the options as the radios named ``optout`` (value
``0`` shows interest-based ads, ``1`` opts out) and keeps the choice by pressing the
form's control ``#optOutControl``, after which the page reloads. The shared code in
:mod:`automation.page.radios` reads the chosen option's own words and never an option's
position or value; a change chooses the option and presses that control, then reads
the page back. The page also offers to delete ad data: nothing here ever presses it.

Signed out, the page shows a sign-in button (``#adprefs-signin-button-id``) instead of
the options; a session is proved by Amazon's session cookies.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Evidence, Radios, Setting, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.amazon.com"
PATH = "/adprefs"

#: Public automation of the page: its address, the ``optout`` radios (``0`` shows
#: interest-based ads, ``1`` opts out), the save control and the sign-in button.
WEBMUNK = (
    "webmunk2/webmunk-extension@33516e4d169f5e4f75e606294389c67af1779ecc:"
    "packages/modules/ad-personalization/src/content/strategies/AmazonStrategy.ts"
)
WEBMUNK_MONO = (
    "Webmunk-Project/Webmunk-Mono-Repo@030fbb6eb8635c8b7f38c08e1d3ca4f7d1e95b38:"
    "packages/modules/ad-personalization/src/content/strategies/AmazonStrategy.ts"
)
WEBMUNK_PAGES = (
    "Webmunk-Project/Webmunk-Mono-Repo@5681e71103c8620592fb1d5aa808c1799fb0ae4f:"
    "packages/modules/ad-personalization/src/data/config.json"
)
#: A user's steps, with the menu path and the opt-out option's words.
STEPS = "https://github.com/easylist/easylist/issues/6712"
#: Amazon's session cookies, set on ``.amazon.com`` for a signed-in browser.
SESSION_COOKIES = ("at-main", "sess-at-main")
ACCOUNT_SOURCE = (
    "dankinsoid/SwiftMusicServicesAPI@0f5c853ebdbee279776eef5a56ddcb52b3fe5798:"
    "Sources/AmazonMusicAPI/BrowserAPI/BrowserAPI.swift (the auth cookies of a signed-in "
    "Amazon browser: at-main, sess-at-main, session-id, session-token, ubid-main, x-main)"
)

INTEREST_BASED_ADS = Setting(
    key="interest_based_ads",
    label="Interest-based ads provided by Amazon",
    description=(
        "Lets Amazon choose the ads it shows you, on Amazon and on other sites and apps, "
        "from what you buy, browse and watch. You still see ads when it is off, but they "
        "are not picked from your activity."
    ),
    manual_steps=(
        "Sign in to Amazon.",
        f"Open {ORIGIN}{PATH} (Your Account, Communication and content, Advertising preferences).",
        'Choose "Do not show me interest-based ads provided by Amazon".',
        'Press "Submit".',
    ),
    notes=(
        "Set per Amazon site: amazon.com's choice is not amazon.co.uk's. Users report the "
        "choice coming back on, so check it again later. privacy-tui never presses the "
        "page's button that deletes ad data."
    ),
    source=f"{STEPS}; {WEBMUNK}",
    switch=Radios(
        path=PATH,
        on=("Show me interest-based ads",),
        off=("Do not show me interest-based ads", "Don't show me interest-based ads"),
        save=("#optOutControl",),
    ),
    evidence=(
        *evidence(
            page=(
                Confidence.CONFIRMED,
                f"{WEBMUNK_PAGES} (https://www.amazon.com/adprefs); {WEBMUNK}",
            ),
            control=(
                Confidence.CONFIRMED,
                f'{WEBMUNK} (the radios named "optout", value 0 shows interest-based ads '
                "and 1 opts out, kept by clicking #optOutControl, after which the page "
                f"reloads); {WEBMUNK_MONO}",
            ),
            label=(
                Confidence.LIKELY,
                f"{STEPS} (Your Account, Communication and content, Advertising "
                'preferences: "Do not show me interest-based ads provided by Amazon")',
            ),
        ),
        Evidence(
            "label",
            Confidence.GUESS,
            'inferred: the other option says "Show me interest-based ads provided by '
            'Amazon", the same words without "Do not"',
        ),
    ),
)


class Amazon(Plugin):
    """Amazon's Advertising preferences."""

    name = "amazon"
    title = "Amazon"
    default_origin = ORIGIN
    order = 95
    # Amazon's pages load their scripts and pictures from its own content network.
    asset_hosts = ("media-amazon.com", "ssl-images-amazon.com")
    # Amazon signs in on its own site over several pages; the paths are those its
    # sign-in and verification pages use.
    login_paths = ("/ap/signin",)
    checkpoint_paths = ("/ap/cvf/", "/ap/mfa")
    login_form = None
    session_cookies = SESSION_COOKIES
    account_source = ACCOUNT_SOURCE
    settings = (INTEREST_BASED_ADS,)
