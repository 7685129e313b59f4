"""A replica of Discord's app with its User Settings, Data & Privacy.

The settings are a layer over the app (``/channels/@me``) with no address of their
own: the button named "User Settings" opens them and the tab "Data & Privacy" shows
the switches, as public automation of Discord's web client opens them by role and
name (thebrianwong/discord-soundboard-fix ``src/navigateToVoiceSettings.ts``). Under
"How Discord uses your data" the four switches follow the order of a 2026 report
(https://tengele.com/news/3ad47f60-d339-4c2b-85f4-1d8b155d83a0/turn-off-these-5-discord-settings-right-now-for-privacy)
and its wording; Discord's help shows the older wording of the sponsored-content
pair (https://support.discord.com/hc/articles/22225542459415-Data-Used-for-In-Game-Rewards).
Neighbouring switches start in other positions. The switches' markup is not on
record, so they are drawn plainly. Discord keeps its token in the browser's storage:
the sign of an account is the "User area" panel (``[aria-label="User area"]``,
ppebb/shelter-plugins ``plugins/reparent-user-panel/index.tsx``), drawn only for a
signed-in account; a visitor is offered "Log In" instead.
"""

from __future__ import annotations

import html

from .server import Account, Response
from .switchsite import Control, Opener, SettingsPage, SwitchSite

PATH = "/channels/@me"
HEADING = "Friends"
QUESTION = "How Discord uses your data"
#: The button that opens the settings, then the tab of the switches.
OPENS = (Opener("User Settings"), Opener("Data & Privacy"))
#: Openers that are tabs of the settings' side bar.
TABS = ("Data & Privacy",)
#: Where the header's account panel goes.
PANEL = "<!--account-->"
USER_AREA = '<section aria-label="User area"><span>{name}</span></section>'
LOG_IN = '<a href="/login">Log In</a>'


def _page(key: str, label: str, default: bool) -> SettingsPage:
    return SettingsPage(key, PATH, HEADING, Control(label), QUESTION, default, OPENS)


class DiscordSite(SwitchSite):
    name = "discord"
    title = "Discord"
    session_cookie = "discord_session"
    home_path = "/app"
    api_prefix = "/api/v9/users/@me/consent/"
    header = f'<header><strong>Discord</strong><a href="/app">Open Discord</a>{PANEL}</header>'
    pages = (
        _page("improve_discord", "Use my data to improve Discord", True),
        _page("personalize", "Use data to personalize my Discord experience", False),
        _page(
            "sponsored_activity", "Use my Discord activity to personalize Sponsored Content", True
        ),
        _page(
            "sponsored_third_party", "Use third-party data to personalize Sponsored Content", False
        ),
    )

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        response = super().settings_page(account, found, name)
        panel = LOG_IN if account.visitor else USER_AREA.format(name=html.escape(account.username))
        response.body = response.body.replace(PANEL, panel, 1)
        return response

    def _opener_html(self, account: Account, opener: Opener) -> str:
        drawn = super()._opener_html(account, opener)
        if opener.label in TABS:
            drawn = drawn.replace('<button type="button"', '<button type="button" role="tab"', 1)
        return drawn
