"""A replica of Copilot's privacy settings, as ``shared/platforms.md`` records them.

Four switches on one page ("Model training on text", "Model training on voice",
"Personalization and memory", "Ad personalization"), in different positions; the
page address and the markup are guesses, drawn plainly. The real site signs
people in on Microsoft's account host; the replica keeps its sign-in page on its
own origin at a path the plugin also knows.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite

PATH = "/settings/privacy"


class CopilotSite(SwitchSite):
    name = "copilot"
    title = "Microsoft Copilot"
    session_cookie = "copilot_session"
    login_path = "/signin"
    api_prefix = "/api/settings/"
    header = '<header><strong>Copilot</strong><a href="/">Chat</a></header>'
    pages = (
        SettingsPage("model_training_text", PATH, "Privacy", Control("Model training on text")),
        SettingsPage("model_training_voice", PATH, "Privacy", Control("Model training on voice")),
        SettingsPage(
            "personalization_memory",
            PATH,
            "Privacy",
            Control("Personalization and memory"),
            default=False,
        ),
        SettingsPage("ad_personalization", PATH, "Privacy", Control("Ad personalization")),
    )
