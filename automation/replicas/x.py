"""A replica of the X settings pages the plugin visits, as ``shared/platforms.md`` records them.

Modelled on X's own web client: every setting is a checkbox drawn inside a
``<label>`` with its text, tied to it by ``aria-describedby="CHECKBOX_N_LABEL"``
where N counts the checkboxes of the whole page. Pages hold their real
neighbours, in the real order: the Grok page's three boxes inside
``data-testid="xaiDataSharingSettings"``, the Off-X activity page's two boxes
(the first of which X hides for some accounts), and ``/settings/location`` ("Add
location information to your posts") next to ``/settings/location_information``.
Apostrophes are curly, as in X's strings.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite

#: The current wording of the Grok training box (X's strings, 2025).
GROK_LABEL = (
    "Allow your public data as well as your interactions, inputs, and results with Grok "
    "and xAI to be used for training and fine-tuning"
)
#: The wording of 2024.
GROK_LABEL_2024 = (
    "Allow your posts as well as your interactions, inputs, and results with Grok to be "
    "used for training and fine-tuning"
)
GROK_BOX = "xaiDataSharingSettings"
#: X's page-wide counter id; ``{n}`` is the box's number on its page.
COUNTER = "CHECKBOX_{n}_LABEL"


def _box(
    key: str,
    slug: str,
    heading: str,
    label: str,
    default: bool = True,
    container: str | None = None,
) -> SettingsPage:
    return SettingsPage(
        key,
        f"/settings/{slug}",
        heading,
        Control(label, kind="checkbox", describedby=COUNTER, wrapped=True),
        default=default,
        container=container,
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
        _box(
            "grok_training",
            "grok_settings",
            "Grok & Third-party Collaborators",
            GROK_LABEL,
            container=GROK_BOX,
        ),
        _box(
            "grok_personalize",
            "grok_settings",
            "Grok & Third-party Collaborators",
            "Allow X to personalize your experience with Grok",
            default=False,
            container=GROK_BOX,
        ),
        _box(
            "grok_history",
            "grok_settings",
            "Grok & Third-party Collaborators",
            "Allow Grok to remember your conversation history",
            container=GROK_BOX,
        ),
        _box(
            "business_partners",
            "data_sharing_with_business_partners",
            "Data sharing with business partners",
            "Allow additional information sharing with business partners",
        ),
        _box(
            "web_content_use",
            "off_twitter_activity",
            "Off-X activity",
            "Allow use of where you see X content across the Web",
        ),
        _box(
            "off_platform_activity",
            "off_twitter_activity",
            "Off-X activity",
            "Personalize based on your inferred identity",
        ),
        _box("personalized_ads", "ads_preferences", "Ads preferences", "Personalized ads"),
        _box(
            "post_location",
            "location",
            "Add location information to your posts",
            "Add location information to your posts",
            default=False,
        ),
        _box(
            "location",
            "location_information",
            "Location information",
            "Personalize based on places you\u2019ve been",
        ),
    )
