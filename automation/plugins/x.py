"""X (formerly Twitter): Grok training first, then the data-sharing and ad checkboxes.

Facts from ``shared/platforms.md``: every setting is a checkbox on its own page under
``/settings/``. Public automation code finds the checkbox on X's settings pages by
``aria-describedby="CHECKBOX_1_LABEL"``, so the data-sharing and ad settings are
found that way. The Grok page holds several checkboxes and its label has been
reworded, so that one is found by its label, in every wording on record.
"""

from __future__ import annotations

from automation.model import Setting, State, Switch
from automation.plugin import Plugin

ORIGIN = "https://x.com"
SOURCE = "X Help Center; brave/psst-component task lists"
#: The id X's settings pages give the first checkbox's description.
FIRST_CHECKBOX = "CHECKBOX_1_LABEL"

#: The Grok training checkbox's label, newest first. The newer wording (under
#: "Grok & Third-party Collaborators") rests on one weak source.
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


def _checkbox(key: str, slug: str, label: str, page_name: str, description: str) -> Setting:
    return Setting(
        platform="x",
        key=key,
        label=label,
        description=description,
        url=f"{ORIGIN}/settings/{slug}",
        recommended=State.OFF,
        manual_steps=_steps(slug, page_name, f'"{label}"'),
        notes="Checked by default; no regional or account limits are on record.",
        source=SOURCE,
        switch=Switch(path=f"/settings/{slug}", describedby=FIRST_CHECKBOX, role="checkbox"),
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
    switch=Switch(path="/settings/grok_settings", names=GROK_LABELS, role="checkbox"),
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
        _checkbox(
            "business_partners",
            "data_sharing_with_business_partners",
            "Share data with business partners",
            "Data sharing with business partners",
            "Lets X share more information about you with its business partners. "
            "Checked by default.",
        ),
        _checkbox(
            "off_platform_activity",
            "off_twitter_activity",
            "Personalize based on your inferred identity",
            "Off-X activity",
            "Lets X tailor what you see using where you go and what you do off X, and "
            "the devices and identities it links to you. Checked by default.",
        ),
        _checkbox(
            "personalized_ads",
            "ads_preferences",
            "Personalized ads",
            "Ads preferences",
            "Lets X choose the ads you see from your activity and profile. Checked by default.",
        ),
        _checkbox(
            "location",
            "location",
            "Personalize based on places you've been",
            "Location information",
            "Lets X tailor what you see, ads included, using places you have been. "
            "Checked by default.",
        ),
    )
