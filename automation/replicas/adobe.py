"""A replica of Adobe's account privacy page, as ``shared/platforms.md`` records it.

The page (``/privacy``) and the label are on record; the markup is not, so the
switch is drawn plainly. The real site signs people in on another host; the
replica keeps its sign-in page on its own origin at a path the plugin also knows.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class AdobeSite(SwitchSite):
    name = "adobe"
    title = "Adobe Account"
    session_cookie = "adobe_session"
    login_path = "/signin"
    api_prefix = "/api/privacy/"
    header = '<header><strong>Adobe Account</strong><a href="/">Overview</a></header>'
    pages = (
        SettingsPage(
            "content_analysis",
            "/privacy",
            "Privacy and personal data",
            Control("Content analysis"),
        ),
    )
