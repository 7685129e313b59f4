"""A replica of Perplexity's Preferences page.

It follows Perplexity's help center on the account settings
(https://perplexity-help-center.pages.dev/en/articles/10352993-account-settings.html):
Preferences holds, in this order, the theme, the answer font, the interface and
response languages, "Autosuggest" (a switch), the keyboard shortcut hints, the image
and video generation models, and last "AI data retention". The choices are drawn as
plain selects, all before the two switches (which keep their order), "Autosuggest"
in the other position from the setting's.
The address, ``/account/preferences``, is inferred from the help's
``/account/details`` for the Account page; the markup is not on record, so the
switches are drawn plainly. The session cookie is NextAuth's, under the name it
takes on a plain-HTTP address (``next-auth.session-token``).
"""

from __future__ import annotations

from .server import Account, Response
from .switchsite import Control, SettingsPage, SwitchSite

PATH = "/account/preferences"
HEADING = "Preferences"

#: The page's choices, as the help lists them.
CHOICES = (
    ("Theme", ("System", "Light", "Dark")),
    ("Answer font", ("Default", "Serif")),
    ("Language", ("English", "Deutsch")),
    ("Preferred response language", ("Automatic", "English")),
    ("Keyboard shortcut hints", ("Symbols", "Names")),
    ("Image generation model", ("Default",)),
    ("Video generation model", ("Default",)),
)


def _select(label: str, options: tuple[str, ...]) -> str:
    items = "".join(f"<option>{option}</option>" for option in options)
    return f'<div class="choice"><label>{label} <select>{items}</select></label></div>'


class PerplexitySite(SwitchSite):
    name = "perplexity"
    title = "Perplexity"
    session_cookie = "next-auth.session-token"
    api_prefix = "/rest/settings/"
    header = '<header><strong>Perplexity</strong><a href="/">Home</a></header>'
    pages = (
        SettingsPage("autosuggest", PATH, HEADING, Control("Autosuggest"), default=False),
        SettingsPage("data_retention", PATH, HEADING, Control("AI data retention")),
    )

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        response = super().settings_page(account, found, name)
        if response.status == 200:
            choices = "".join(_select(label, options) for label, options in CHOICES)
            response.body = response.body.replace(
                '<div id="setting"', choices + '<div id="setting"', 1
            )
        return response
