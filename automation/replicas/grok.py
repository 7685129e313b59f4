"""A replica of grok.com's settings at their data tab, as ``shared/platforms.md`` records.

The start page opens its settings at the data tab when asked with ``?_s=data``;
without it, a signed-in visitor sees the chat page and no switch. "Improve the
Model" is the recorded label; its markup is not on record, so the replica draws a
button with ``role="switch"`` and ``aria-checked`` named by its label (a guess).
Visitors who are not signed in see the same settings, their choice kept apart from
any account, as grok.com does (EU and UK visitors may opt out without an account);
only the ``sso`` session cookie shows an account (Bzcasper/GrokProxy@
a183ba32fc58a4c16f8c4701307f13b722350229:COOKIE_SETUP_GUIDE.md). The sign-in page
(grok.com's is on xAI's accounts site, a guess) is kept on the replica's own origin.
"""

from __future__ import annotations

from .server import Request, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

#: The query that opens the settings at the data tab.
DATA_TAB = ("_s", "data")


class GrokSite(SwitchSite):
    name = "grok"
    title = "Grok"
    session_cookie = "sso"
    login_path = "/sign-in"
    next_param = "redirect"
    home_path = "/"
    api_prefix = "/rest/user-settings/"
    header = '<header><strong>Grok</strong><a href="/">Chat</a></header>'
    pages = (
        SettingsPage(
            "improve_model",
            "/",
            "Data Controls",
            Control("Improve the Model", kind="button", labelledby="improve-model-label"),
            "Allow your conversations to be used to train our models.",
        ),
        # The tab's other switches, named in the corrections of late 2026 (their
        # markup is not on record either), each in its own position.
        SettingsPage(
            "conversation_history",
            "/",
            "Data Controls",
            Control(
                "Personalize Grok with your conversation history",
                kind="button",
                labelledby="history-label",
            ),
            default=False,
        ),
        SettingsPage(
            "personalize_using_x",
            "/",
            "Data Controls",
            Control("Personalize Grok using X", kind="button", labelledby="using-x-label"),
            default=True,
        ),
        SettingsPage(
            "device_location",
            "/",
            "Data Controls",
            Control(
                "Personalize Grok with your device location",
                kind="button",
                labelledby="location-label",
            ),
            default=False,
        ),
    )

    def __init__(self) -> None:
        super().__init__()
        # grok.com shows its settings to visitors who are not signed in, and keeps a
        # visitor's choice apart from any account.
        self.open_to_visitors = True

    def handle(self, request: Request) -> Response:
        response = super().handle(request)
        if (
            self.member(request) is None
            and response.status == 200
            and response.content_type.startswith("text/html")
        ):
            # What grok.com shows a visitor: the same pages, with a way to sign in.
            response.body = response.body.replace(
                "<body>", '<body><a class="sign-in" href="/sign-in">Sign in</a>', 1
            )
        return response

    def route(self, request: Request) -> Response | None:
        # Signed out, every page goes to sign-in (the usual redirect); signed in, the
        # start page shows the settings only when asked for the data tab.
        chat = request.path == "/" and request.method == "GET"
        if chat and request.query.get(DATA_TAB[0]) != DATA_TAB[1] and self.signed_in(request):
            body = (
                f"{self.header}<main><section><h1>What do you want to know?</h1>"
                '<textarea aria-label="Ask Grok anything"></textarea></section></main>'
            )
            return Response(200, page("Grok", body))
        return None
