"""X (formerly Twitter): Grok training first, then the data-sharing and ad checkboxes.

Facts from ``shared/platforms.md`` (X's own web client strings and public automation
code): every setting is a checkbox on a page under ``/settings/``. X ties each
checkbox to its text with ``aria-describedby="CHECKBOX_N_LABEL"``, where N counts
the checkboxes of the whole page: it says where a box sits, not which setting it
is, and the Off-X activity and Grok pages hold several boxes (which come first
depends on the account). So every X setting is found by its label, in X's exact
wording (curly apostrophes and all), and the Grok boxes only inside X's
``xaiDataSharingSettings`` container.
"""

from __future__ import annotations

from automation.model import Confidence, Evidence, Setting, State, Switch, Toggles, evidence
from automation.plugin import Plugin

ORIGIN = "https://x.com"
SOURCE = "X's web client strings (i18n/en.js, SettingsRevamp bundles); brave/psst-component"
#: The container X draws the Grok page's three checkboxes in.
GROK_BOX = '[data-testid="xaiDataSharingSettings"]'

#: Where the facts come from: X's own web client as archived publicly (mid 2025),
#: and Brave's public automation code, which visits four of these pages.
STRINGS = "X web client strings i18n/en.js"
BUNDLES = "X web client SettingsRevamp bundles"
PSST = "brave/psst-component src/twitter/user.ts"
#: The pages Brave's automation code visits.
PSST_PAGES = (
    "/settings/data_sharing_with_business_partners",
    "/settings/off_twitter_activity",
    "/settings/ads_preferences",
)

#: Each settings page's name in X's menus, by its address.
PAGE_NAMES = {
    "/settings/grok_settings": "Grok & Third-party Collaborators",
    "/settings/data_sharing_with_business_partners": "Data sharing with business partners",
    "/settings/off_twitter_activity": "Off-X activity",
    "/settings/ads_preferences": "Ads preferences",
    "/settings/location_information": "Location information",
}

#: A checkbox tied to its text by aria-describedby, found by that text.
DESCRIBED = "a checkbox whose aria-describedby text is its label"
#: The Grok page's three checkboxes share one container.
IN_GROK_BOX = f"a checkbox inside {GROK_BOX}, described by its label"


def _evidence(setting: Setting) -> tuple[Evidence, ...]:
    """Page, checkbox and wording, all from X's own client (and PSST where it goes)."""
    switch = setting.switch
    assert switch is not None
    also = f"; {PSST}" if switch.path in PSST_PAGES else ""
    control = IN_GROK_BOX if switch.within == GROK_BOX else DESCRIBED
    return evidence(
        page=(Confidence.CONFIRMED, BUNDLES + also),
        control=(Confidence.CONFIRMED, f"{BUNDLES}: {control}{also}"),
        label=(Confidence.CONFIRMED, STRINGS),
    )


def _steps(setting: Setting, what: str = "") -> tuple[str, ...]:
    """How a person unchecks the box: ``what`` names it, by default in X's exact wording."""
    switch = setting.switch
    assert switch is not None
    what = what or f'"{switch.names[0]}"'
    return (
        "Sign in to X.",
        f'Open {ORIGIN}{switch.path} ("More", "Settings and privacy", '
        f'"Privacy and safety", then "{PAGE_NAMES[switch.path]}").',
        f"Uncheck {what}.",
    )


#: X's checkboxes, each found by its label in X's exact wording; the row's label may
#: be shorter.
CHECKBOX = Toggles(
    source=SOURCE,
    notes="Checked by default; no regional or account limits are on record.",
    manual_steps=_steps,
    evidence=_evidence,
)

#: The Grok training checkbox's label, newest first: X's strings as of mid 2025
#: (under "Grok & Third-party Collaborators"), then the 2024 wording.
GROK_LABELS = (
    "Allow your public data as well as your interactions, inputs, and results with Grok "
    "and xAI to be used for training and fine-tuning",
    "Allow your posts as well as your interactions, inputs, and results with Grok to be "
    "used for training and fine-tuning",
)


class X(Plugin):
    """X's Grok-training, data-sharing and ad-personalisation checkboxes."""

    name = "x"
    title = "X"
    default_origin = ORIGIN
    # X's web client loads from abs.twimg.com and still calls some twitter.com hosts.
    asset_hosts = ("twimg.com", "twitter.com")
    order = 10
    # Guesses: where X sends signed-out visitors and accounts it has locked.
    login_paths = ("/i/flow/login", "/login", "/i/flow/signup")
    checkpoint_paths = ("/account/access",)
    # X signs in through a multi-step flow (name, then password, often a check),
    # not one form a browser can fill.
    login_form = None
    settings = (
        CHECKBOX(
            "grok_training",
            "Grok and xAI training on your data",
            "Lets X use your posts and your conversations with Grok to train and fine-tune "
            "Grok and xAI's models. Checked by default.",
            Switch("/settings/grok_settings", names=GROK_LABELS, within=GROK_BOX, role="checkbox"),
            manual_steps=lambda s: _steps(
                s,
                "the box that lets your data and your Grok interactions be used for "
                "training and fine-tuning",
            ),
            notes=(
                "Checked by default. Private accounts are excluded from training. The same "
                "page has separate checkboxes for personalising Grok and for its conversation "
                "history. The label's wording has changed; both known wordings are accepted."
            ),
        ),
        CHECKBOX(
            "grok_personalize",
            "Grok personalised from your X activity",
            "Lets X use what you do on X to personalise Grok's answers to you. Checked by "
            "default. It is a convenience rather than training: the strict preset turns it "
            "off, the recommended one leaves it as you like.",
            Switch(
                "/settings/grok_settings",
                names=("Allow X to personalize your experience with Grok",),
                within=GROK_BOX,
                role="checkbox",
            ),
            recommended=State.ON,
            strict=State.OFF,
            notes="Checked by default; the second of the three boxes on the Grok page.",
        ),
        CHECKBOX(
            "grok_history",
            "Grok remembers your conversations",
            "Lets Grok keep your past conversations with it and draw on them in new "
            "ones, so its answers follow on from what you told it before. It is a "
            "convenience rather than training (the first box on the page decides "
            "training), so the recommended preset leaves it on and the strict one "
            "turns it off. Turning it off stops Grok drawing on your past conversations; "
            "it does not delete them: that is done from Grok's conversation history.",
            Switch(
                "/settings/grok_settings",
                names=("Allow Grok to remember your conversation history",),
                within=GROK_BOX,
                role="checkbox",
            ),
            recommended=State.ON,
            strict=State.OFF,
            notes=("The third of the three boxes on the Grok page; its default is not on record."),
        ),
        CHECKBOX(
            "business_partners",
            "Share more with business partners",
            "Lets X share more information about you with its business partners. "
            "Checked by default.",
            Switch(
                "/settings/data_sharing_with_business_partners",
                names=("Allow additional information sharing with business partners",),
                role="checkbox",
            ),
        ),
        CHECKBOX(
            "web_content_use",
            "Use where you see X content on the web",
            "Lets X use the places on the web where you see X content (embedded posts, "
            "buttons) to personalise what you see. Checked by default.",
            Switch(
                "/settings/off_twitter_activity",
                names=("Allow use of where you see X content across the Web",),
                role="checkbox",
            ),
            notes=(
                "Checked by default. The first box on the Off-X activity page; X hides it "
                "for some accounts. Turning it off asks for a confirmation in the EU."
            ),
        ),
        CHECKBOX(
            "off_platform_activity",
            "Personalize from your inferred identity",
            "Lets X tailor what you see using where you go and what you do off X, and "
            "the devices and identities it links to you. Checked by default.",
            Switch(
                "/settings/off_twitter_activity",
                names=("Personalize based on your inferred identity",),
                role="checkbox",
            ),
            notes=(
                "Checked by default. The second box on the Off-X activity page where both "
                "show, the only one where X hides the other: found by its label."
            ),
        ),
        CHECKBOX(
            "personalized_ads",
            "Personalized ads",
            "Lets X choose the ads you see from your activity and profile. Checked by default.",
            Switch("/settings/ads_preferences", names=("Personalized ads",), role="checkbox"),
        ),
        CHECKBOX(
            "location",
            "Personalize from places you have been",
            "Lets X tailor what you see, ads included, using places you have been. "
            "Checked by default. Not the same as adding a location to your posts, which "
            "is set on the page next to it.",
            Switch(
                "/settings/location_information",
                names=("Personalize based on places you\u2019ve been",),
                role="checkbox",
            ),
        ),
    )
