"""A replica of Adobe's account privacy page, as ``shared/platforms.md`` records it.

The page (``/privacy``) and the label are on record; the markup is not, so the
switches are drawn plainly. Above "Content analysis" the page has "Desktop app
usage" (Adobe's usage-data FAQ names it on the same page; public reports show it
first), drawn off so that it differs from the setting. The real site signs people
in on another host; the replica keeps its sign-in page on its own origin at a path
the plugin also knows.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite

PATH = "/privacy"
HEADING = "Privacy and personal data"


class AdobeSite(SwitchSite):
    name = "adobe"
    title = "Adobe Account"
    session_cookie = "adobe_session"
    login_path = "/signin"
    api_prefix = "/api/privacy/"
    header = '<header><strong>Adobe Account</strong><a href="/">Overview</a></header>'
    pages = (
        SettingsPage(
            "desktop_app_usage",
            PATH,
            HEADING,
            Control("Desktop app usage"),
            default=False,
        ),
        SettingsPage("content_analysis", PATH, HEADING, Control("Content analysis")),
    )
