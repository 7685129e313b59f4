"""A replica of the X settings pages the plugin visits.

Modelled on X's own web client as archived in ``DzikStar/X-SCRAPER`` (commit
9cd43d5: ``client-web/i18n/en.js`` for the words, the ``SettingsRevamp`` bundles for
the pages) and on ``brave/psst-component``'s ``src/twitter/user.ts``: every setting
is a checkbox drawn inside a ``<label>`` with its text, tied to it by
``aria-describedby="CHECKBOX_N_LABEL"`` where N counts the checkboxes of the whole
page. Pages hold their real
neighbours, in the real order: the Grok page's three boxes inside
``data-testid="xaiDataSharingSettings"``, the Off-X activity page's two boxes
(the first of which X hides for some accounts), and ``/settings/location`` ("Add
location information to your posts") next to ``/settings/location_information``.
Apostrophes are curly, as in X's strings. For tests, the Grok page can also draw a
copy of its three boxes outside their container (``copies_outside``).

With ``ucpd`` on, the page at ``/settings/off_twitter_activity`` is drawn as X's
client draws it where its ``ucpd_enabled`` switch is on: titled "Inferred identity"
and holding only the inferred identity box
(``DzikStar/X-SCRAPER@9cd43d5:client-web/ondemand/SettingsRevamp-1bcddef9.js:168``).
"""

from __future__ import annotations

import html
from dataclasses import replace
from urllib.parse import quote

from .server import Account, Response
from .switchsite import Control, SettingsPage, SwitchSite, draw

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
#: What a copy drawn outside the Grok container keeps its value under (key + this).
OUTSIDE = "~outside"
#: The Off-X activity page, and its title where X's ``ucpd_enabled`` is on.
OFF_X = "/settings/off_twitter_activity"
UCPD_TITLE = "Inferred identity"


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
            default=False,
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

    def __init__(self) -> None:
        super().__init__()
        #: For tests: the Grok page also draws, after X's container, a copy of each of
        #: its boxes with the same label in the other position (kept under key +
        #: ``OUTSIDE``). Nothing on record says the real page has one; it is the
        #: look-alike that only ``xaiDataSharingSettings`` tells apart.
        self.copies_outside = False
        #: Draw the Off-X activity page as X does where ``ucpd_enabled`` is on.
        self.ucpd = False

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        if self.ucpd and found.path == OFF_X:
            found = replace(found, heading=UCPD_TITLE)
        return super().settings_page(account, found, name)

    def _setting_html(
        self, account: Account, found: SettingsPage, name: str | None, number: int = 1
    ) -> str | None:
        if self.ucpd and found.key == "web_content_use":
            return None  # X does not draw this box where ``ucpd_enabled`` is on
        return super()._setting_html(account, found, name, number)

    def beside(self, account: Account, shared: list[SettingsPage], number: int) -> str:
        if not self.copies_outside:
            return ""
        boxes = [each for each in shared if each.container == GROK_BOX]
        if not boxes:
            return ""
        copies = []
        for offset, each in enumerate(boxes):
            key = each.key + OUTSIDE
            with self.lock:
                value = account.settings.setdefault(key, not account.settings.get(each.key, True))
            control = replace(
                each.control,
                label=account.labels.get(each.key, each.control.label),
                describedby=COUNTER.format(n=number + offset),
            )
            api = html.escape(self.api_prefix + quote(key))
            copies.append(
                f'<div class="setting" data-api="{api}" data-confirm="">'
                f"{draw(control, value, ref=f'outside-{each.key}-label')}</div>"
            )
        return f"<section><h2>Elsewhere on the page</h2>{''.join(copies)}</section>"
