"""A replica of ChatGPT's start page and its settings dialog, as ``shared/platforms.md`` records.

The switch, ``button[data-testid="improve-model-toggle"]`` with ``aria-checked``,
exists only after four clicks: the profile button, "Settings", the "Data controls"
tab, then the button that opens the "Improve the model for everyone" dialog, each
with its recorded test id. The Data controls tab's other switches, "Location" and
"Remote browser data", are drawn beside it. Signed out, the start page is still
served (as chatgpt.com does: a visitor can chat), without the account menu.
"""

from __future__ import annotations

from .server import Request, Response, page
from .switchsite import Control, Opener, SettingsPage, SwitchSite

LABEL = "Improve the model for everyone"


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
                Opener("Profile", testid="accounts-profile-button"),
                Opener("Settings", testid="settings-menu-item"),
                Opener("Data controls", testid="data-controls-tab"),
                Opener(LABEL, testid="improve-model-open-modal-button"),
            ),
        ),
        SettingsPage(
            "location",
            "/",
            "ChatGPT",
            Control("Location", kind="button", labelledby="location-label"),
            default=False,
        ),
        SettingsPage(
            "remote_browser_data",
            "/",
            "ChatGPT",
            Control("Remote browser data", kind="button", labelledby="remote-browser-label"),
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
