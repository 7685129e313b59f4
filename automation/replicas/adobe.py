"""A replica of Adobe's account privacy page.

It follows public guides to the page: "Privacy and personal data" under Account and
security (https://www.lireo.com/quick-tip-confirm-your-adobe-account-privacy-settings),
with two switches, first the one for how you use Adobe's apps ("Desktop app usage",
Adobe's usage-data FAQ, https://adobe.com/go/usagedatafaq), then "Content analysis"
(the second toggle in
http://oridea.co/how-stop-adobe-tracking-your-usage-and-using-your-images-672675.html).
The neighbour is drawn off, so that it differs from the setting. The switches'
markup is not on record, so they are drawn plainly. The header carries the account
menu public automation of account.adobe.com waits for
(``button[data-menu-id="profile"]``, vishal00074/automationTestingScript
``sample_automation_scripts/09-09-2025/adobe.php``), drawn only for a signed-in
account; a visitor is offered "Sign in" instead. The real site signs people in on
another host; the replica keeps its sign-in page on its own origin at a path the
plugin also knows.
"""

from __future__ import annotations

from .server import Account, Response
from .switchsite import Control, SettingsPage, SwitchSite

PATH = "/privacy"
HEADING = "Privacy and personal data"
#: Where the header's account menu goes.
MENU = "<!--account-->"
PROFILE = '<button type="button" data-menu-id="profile" aria-label="Profile">Profile</button>'
SIGN_IN = '<a href="/signin">Sign in</a>'


class AdobeSite(SwitchSite):
    name = "adobe"
    title = "Adobe Account"
    session_cookie = "adobe_session"
    login_path = "/signin"
    api_prefix = "/api/privacy/"
    header = f'<header><strong>Adobe Account</strong><a href="/">Overview</a>{MENU}</header>'
    pages = (
        SettingsPage(
            "desktop_app_usage",
            PATH,
            HEADING,
            Control("Desktop app usage"),
            default=False,
        ),
        SettingsPage("content_analysis", PATH, HEADING, Control("Content analysis")),
    )

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        response = super().settings_page(account, found, name)
        menu = SIGN_IN if account.visitor else PROFILE
        response.body = response.body.replace(MENU, menu, 1)
        return response
