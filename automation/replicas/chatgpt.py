"""A replica of ChatGPT's start page and its settings dialog, as ``shared/platforms.md`` records.

The switch, ``button[data-testid="improve-model-toggle"]`` with ``aria-checked``,
exists only after four clicks: the profile button, "Settings", the "Data controls"
tab, then the button that opens the "Improve the model for everyone" dialog, each
with its recorded test id. Signed-out visitors are sent to ``/auth/login`` (a guess).
"""

from __future__ import annotations

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
    )
