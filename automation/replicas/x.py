"""A replica of the X settings pages the plugin visits, as ``shared/platforms.md`` records them.

Each setting is a checkbox on its own page under ``/settings/``. The data-sharing and
ad pages tie their checkbox to its label with ``aria-describedby="CHECKBOX_1_LABEL"``,
as public automation code records; the Grok page's markup is not on record, so its
checkbox carries the newer wording of its label as its accessible name.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite

#: The newer wording, under "Grok & Third-party Collaborators" (unverified).
GROK_LABEL = (
    "Allow your public data as well as your interactions, inputs, and results with Grok "
    "and xAI to be used for training and fine-tuning"
)
#: The wording of 2024.
GROK_LABEL_2024 = (
    "Allow your posts as well as your interactions, inputs, and results with Grok to be "
    "used for training and fine-tuning"
)


def _page(key: str, slug: str, heading: str, label: str) -> SettingsPage:
    return SettingsPage(
        key,
        f"/settings/{slug}",
        heading,
        Control(label, kind="checkbox", describedby="CHECKBOX_1_LABEL"),
    )


class XSite(SwitchSite):
    name = "x"
    title = "X"
    session_cookie = "auth_token"
    login_path = "/i/flow/login"
    next_param = "redirect_after_login"
    home_path = "/home"
    checkpoint_path = "/account/access"
    api_prefix = "/i/api/settings/"
    header = '<header><strong>X</strong><a href="/home">Home</a></header>'
    pages = (
        SettingsPage(
            "grok_training",
            "/settings/grok_settings",
            "Grok & Third-party Collaborators",
            Control(GROK_LABEL, kind="checkbox", labelledby="grok-training-label"),
        ),
        _page(
            "business_partners",
            "data_sharing_with_business_partners",
            "Data sharing with business partners",
            "Share data with business partners",
        ),
        _page(
            "off_platform_activity",
            "off_twitter_activity",
            "Off-X activity",
            "Personalize based on your inferred identity",
        ),
        _page("personalized_ads", "ads_preferences", "Ads preferences", "Personalized ads"),
        _page(
            "location",
            "location",
            "Location information",
            "Personalize based on places you've been",
        ),
    )
