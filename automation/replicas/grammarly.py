"""A replica of Grammarly's account privacy page, as ``shared/platforms.md`` records it.

The page (``/security/privacy``) and the label are on record; the markup is not,
so the switch is drawn plainly.
"""

from __future__ import annotations

from .switchsite import Control, SettingsPage, SwitchSite


class GrammarlySite(SwitchSite):
    name = "grammarly"
    title = "Grammarly"
    session_cookie = "grauth"
    login_path = "/signin"
    api_prefix = "/api/privacy/"
    header = '<header><strong>Grammarly</strong><a href="/">Account</a></header>'
    pages = (
        SettingsPage(
            "product_improvement",
            "/security/privacy",
            "Privacy",
            Control("Product Improvement and Training"),
        ),
    )
