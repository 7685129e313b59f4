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

from automation.model import Confidence, Evidence, Setting, State, Switch
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


def _evidence(psst: bool, control: str) -> tuple[Evidence, ...]:
    """Page, checkbox and wording, all from X's own client (and PSST where it goes)."""
    also = f"; {PSST}" if psst else ""
    return (
        Evidence("page", Confidence.CONFIRMED, BUNDLES + also),
        Evidence("control", Confidence.CONFIRMED, f"{BUNDLES}: {control}{also}"),
        Evidence("label", Confidence.CONFIRMED, STRINGS),
    )


#: A checkbox tied to its text by aria-describedby, found by that text.
DESCRIBED = "a checkbox whose aria-describedby text is its label"
#: The Grok page's three checkboxes share one container.
IN_GROK_BOX = f"a checkbox inside {GROK_BOX}, described by its label"

#: The Grok training checkbox's label, newest first: X's strings as of mid 2025
#: (under "Grok & Third-party Collaborators"), then the 2024 wording.
GROK_LABELS = (
    "Allow your public data as well as your interactions, inputs, and results with Grok "
    "and xAI to be used for training and fine-tuning",
    "Allow your posts as well as your interactions, inputs, and results with Grok to be "
    "used for training and fine-tuning",
)


def _steps(slug: str, page_name: str, what: str) -> tuple[str, ...]:
    return (
        "Sign in to X.",
        f'Open {ORIGIN}/settings/{slug} ("More", "Settings and privacy", '
        f'"Privacy and safety", then "{page_name}").',
        f"Uncheck {what}.",
    )


def _checkbox(
    key: str,
    slug: str,
    label: str,
    page_name: str,
    description: str,
    notes: str = "",
    *,
    psst: bool = False,
    short: str = "",
) -> Setting:
    """A checkbox setting; ``label`` is X's exact wording, ``short`` the row's name."""
    return Setting(
        platform="x",
        key=key,
        label=short or label,
        description=description,
        url=f"{ORIGIN}/settings/{slug}",
        recommended=State.OFF,
        manual_steps=_steps(slug, page_name, f'"{label}"'),
        notes=notes or "Checked by default; no regional or account limits are on record.",
        source=SOURCE,
        switch=Switch(path=f"/settings/{slug}", names=(label,), role="checkbox"),
        evidence=_evidence(psst, DESCRIBED),
    )


GROK_TRAINING = Setting(
    platform="x",
    key="grok_training",
    label="Grok and xAI training on your data",
    description=(
        "Lets X use your posts and your conversations with Grok to train and fine-tune "
        "Grok and xAI's models. Checked by default."
    ),
    url=f"{ORIGIN}/settings/grok_settings",
    recommended=State.OFF,
    manual_steps=_steps(
        "grok_settings",
        "Grok & Third-party Collaborators",
        "the box that lets your data and your Grok interactions be used for training "
        "and fine-tuning",
    ),
    notes=(
        "Checked by default. Private accounts are excluded from training. The same page "
        "has separate checkboxes for personalising Grok and for its conversation history. "
        "The label's wording has changed; both known wordings are accepted."
    ),
    source=SOURCE,
    switch=Switch(
        path="/settings/grok_settings", names=GROK_LABELS, within=GROK_BOX, role="checkbox"
    ),
    evidence=_evidence(False, IN_GROK_BOX),
)

GROK_PERSONALIZE = Setting(
    platform="x",
    key="grok_personalize",
    label="Grok personalised from your X activity",
    description=(
        "Lets X use what you do on X to personalise Grok's answers to you. Checked by "
        "default. It is a convenience rather than training: the strict preset turns it "
        "off, the recommended one leaves it as you like."
    ),
    url=f"{ORIGIN}/settings/grok_settings",
    recommended=State.ON,
    strict=State.OFF,
    manual_steps=_steps(
        "grok_settings",
        "Grok & Third-party Collaborators",
        '"Allow X to personalize your experience with Grok"',
    ),
    notes="Checked by default; the second of the three boxes on the Grok page.",
    source=SOURCE,
    switch=Switch(
        path="/settings/grok_settings",
        names=("Allow X to personalize your experience with Grok",),
        within=GROK_BOX,
        role="checkbox",
    ),
    evidence=_evidence(False, IN_GROK_BOX),
)


class X(Plugin):
    """X's Grok-training, data-sharing and ad-personalisation checkboxes."""

    name = "x"
    title = "X"
    default_origin = ORIGIN
    order = 10
    # Guesses: where X sends signed-out visitors and accounts it has locked.
    login_paths = ("/i/flow/login", "/login", "/i/flow/signup")
    checkpoint_paths = ("/account/access",)
    # X signs in through a multi-step flow (name, then password, often a check),
    # not one form a browser can fill.
    login_form = None
    settings = (
        GROK_TRAINING,
        GROK_PERSONALIZE,
        _checkbox(
            "business_partners",
            "data_sharing_with_business_partners",
            "Allow additional information sharing with business partners",
            "Data sharing with business partners",
            "Lets X share more information about you with its business partners. "
            "Checked by default.",
            psst=True,
            short="Share more with business partners",
        ),
        _checkbox(
            "web_content_use",
            "off_twitter_activity",
            "Allow use of where you see X content across the Web",
            "Off-X activity",
            "Lets X use the places on the web where you see X content (embedded posts, "
            "buttons) to personalise what you see. Checked by default.",
            notes=(
                "Checked by default. The first box on the Off-X activity page; X hides it "
                "for some accounts. Turning it off asks for a confirmation in the EU."
            ),
            psst=True,
            short="Use where you see X content on the web",
        ),
        _checkbox(
            "off_platform_activity",
            "off_twitter_activity",
            "Personalize based on your inferred identity",
            "Off-X activity",
            "Lets X tailor what you see using where you go and what you do off X, and "
            "the devices and identities it links to you. Checked by default.",
            notes=(
                "Checked by default. The second box on the Off-X activity page where both "
                "show, the only one where X hides the other: found by its label."
            ),
            psst=True,
            short="Personalize from your inferred identity",
        ),
        _checkbox(
            "personalized_ads",
            "ads_preferences",
            "Personalized ads",
            "Ads preferences",
            "Lets X choose the ads you see from your activity and profile. Checked by default.",
            psst=True,
        ),
        _checkbox(
            "location",
            "location_information",
            "Personalize based on places you\u2019ve been",
            "Location information",
            "Lets X tailor what you see, ads included, using places you have been. "
            "Checked by default. Not the same as adding a location to your posts, which "
            "is set on the page next to it.",
            short="Personalize from places you have been",
        ),
    )
