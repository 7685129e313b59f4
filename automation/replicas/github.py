"""A replica of GitHub's Copilot settings, as ``shared/platforms.md`` records them.

The page (``/settings/copilot``) is on record; the wording is not (the replica uses
the one on record), nor the markup: a labelled checkbox, as on GitHub's other
settings pages.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class GitHubSite(SwitchSite):
    name = "github"
    title = "GitHub"
    session_cookie = "user_session"
    checkpoint_path = "/sessions/two-factor"
    api_prefix = "/settings/copilot/update/"
    header = '<header><strong>GitHub</strong><a href="/">Dashboard</a></header>'
    pages = (
        SettingsPage(
            "copilot_training",
            "/settings/copilot",
            "Copilot",
            Control("Allow GitHub to use my data for AI model training", kind="checkbox"),
        ),
    )
