"""A replica of Perplexity's preferences, as ``shared/platforms.md`` records them.

The label is on record; the page address and the markup are guesses, drawn
plainly: a labelled switch.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class PerplexitySite(SwitchSite):
    name = "perplexity"
    title = "Perplexity"
    session_cookie = "pplx_session"
    api_prefix = "/rest/settings/"
    header = '<header><strong>Perplexity</strong><a href="/">Home</a></header>'
    pages = (
        SettingsPage(
            "data_retention",
            "/settings/preferences",
            "Preferences",
            Control("AI data retention"),
        ),
    )
