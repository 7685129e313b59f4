"""A replica of Discord's User Settings, Data & Privacy, as ``shared/platforms.md`` has it.

Four switches on one page: "Use my data to improve Discord", "Use data to
personalize my Discord experience" and the two sponsored-content switches. The
record does not give the sponsored-content switches' wording, so the replica labels
them as what they are, in its own words; the plugin looks for neither. The page's
address and the markup are guesses, drawn plainly.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite

PATH = "/settings/data-and-privacy"


class DiscordSite(SwitchSite):
    name = "discord"
    title = "Discord"
    session_cookie = "discord_session"
    home_path = "/app"
    api_prefix = "/api/v9/users/@me/consent/"
    header = '<header><strong>Discord</strong><a href="/app">Open Discord</a></header>'
    pages = (
        SettingsPage(
            "improve_discord",
            PATH,
            "Data & Privacy",
            Control("Use my data to improve Discord"),
        ),
        SettingsPage(
            "personalize",
            PATH,
            "Data & Privacy",
            Control("Use data to personalize my Discord experience"),
            default=False,
        ),
        SettingsPage(
            "sponsored_content_1",
            PATH,
            "Data & Privacy",
            Control("Sponsored content"),
            default=False,
        ),
        SettingsPage(
            "sponsored_content_2",
            PATH,
            "Data & Privacy",
            Control("Sponsored content, second switch"),
        ),
    )
