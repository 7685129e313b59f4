"""A replica of ChatGPT's start page and its settings dialog, as ``shared/platforms.md`` records.

Three clicks, each on its recorded test id (the profile button, "Settings", the
"Data controls" tab), open the tab. It holds the "Location" and "Remote browser
data" switches, whose markup is not on record (drawn as plain labelled switches),
and the button of the "Improve the model for everyone" dialog, whose name ends in
the setting's position ("On" or "Off"), as the real one's does. Only a fourth click,
on that button, opens the dialog with ``button[data-testid="improve-model-toggle"]``.
Signed out, the start page is still served (as chatgpt.com does: a visitor can
chat), without the account menu.
"""

from __future__ import annotations

from .server import Request, Response, page
from .switchsite import Control, Opener, SettingsPage, SwitchSite

LABEL = "Improve the model for everyone"
#: The clicks that open Settings on its Data controls tab.
TAB = (
    Opener("Profile", testid="accounts-profile-button"),
    Opener("Settings", testid="settings-menu-item"),
    Opener("Data controls", testid="data-controls-tab"),
)


class ChatGPTSite(SwitchSite):
    name = "chatgpt"
    title = "ChatGPT"
    session_cookie = "chatgpt_session"
    login_path = "/auth/login"
    home_path = "/"
    api_prefix = "/backend-api/settings/"
    pages = (
        SettingsPage(
            "improve_model",
            "/",
            "ChatGPT",
            Control(LABEL, kind="button", testid="improve-model-toggle"),
            "What can I help with?",
            opens=(
                *TAB,
                Opener(
                    LABEL,
                    testid="improve-model-open-modal-button",
                    dialog=True,
                    shows="improve_model",
                ),
            ),
        ),
        SettingsPage(
            "location",
            "/",
            "ChatGPT",
            Control("Location", kind="button", labelledby="location-label"),
            opens=TAB,
        ),
        SettingsPage(
            "remote_browser_data",
            "/",
            "ChatGPT",
            Control("Remote browser data", kind="button", labelledby="remote-browser-label"),
            opens=TAB,
        ),
    )

    def route(self, request: Request) -> Response | None:
        if request.path == "/" and request.method == "GET" and self.signed_in(request) is None:
            body = (
                "<main><section><h1>What can I help with?</h1>"
                '<textarea aria-label="Message ChatGPT"></textarea>'
                '<button type="button">Log in</button><button type="button">Sign up</button>'
                "</section></main>"
            )
            return Response(200, page("ChatGPT", body))
        return None
