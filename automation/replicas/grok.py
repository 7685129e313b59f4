"""A replica of grok.com's settings at their data tab, as ``shared/platforms.md`` records.

The start page opens its settings at the data tab when asked with ``?_s=data``;
without it, a signed-in visitor sees the chat page and no switch. "Improve the
Model" is the recorded label; its markup is not on record, so the replica draws a
button with ``role="switch"`` and ``aria-checked`` named by its label (a guess).
Signed-out visitors are sent to a sign-in page (grok.com's is on xAI's accounts
site, a guess; the replica keeps it on its own origin at a path the plugin also
knows).
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
        # A replica neighbour, not on record: a second switch on the same tab, in the
        # other position, so a locator that takes "the switch on the tab" reads the
        # wrong value here.
        SettingsPage(
            "memories",
            "/",
            "Data Controls",
            Control("Personalize with memories", kind="button", labelledby="memories-label"),
            default=False,
        ),
    )

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
