"""A replica of Grammarly's account privacy settings.

Follows Grammarly Support ("Product Improvement and Training Control",
https://support.grammarly.com/hc/en-us/articles/25555503115277): Free and Premium
accounts switch "Product Improvement and Training" at ``/security/privacy``;
single-user Pro accounts at ``/admin/data_settings``. An account in ``pro`` is served
the second page, and the first address answers 404 for it (what the first page shows
such an account is not on record). The markup is not on record either, so the
switch is drawn plainly.
"""

from __future__ import annotations

from .server import Account, Response, page
from .switchsite import Control, SettingsPage, SwitchSite

PRIVACY = "/security/privacy"
DATA_SETTINGS = "/admin/data_settings"
LABEL = "Product Improvement and Training"


class GrammarlySite(SwitchSite):
    name = "grammarly"
    title = "Grammarly"
    session_cookie = "grauth"
    login_path = "/signin"
    api_prefix = "/api/privacy/"
    header = '<header><strong>Grammarly</strong><a href="/">Account</a></header>'
    pages = (
        SettingsPage("product_improvement", PRIVACY, "Privacy", Control(LABEL)),
        SettingsPage("product_improvement", DATA_SETTINGS, "Data settings", Control(LABEL)),
    )

    def __init__(self) -> None:
        super().__init__()
        #: Usernames of single-user Pro accounts, served the data settings page.
        self.pro: set[str] = set()

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        pro = account.username in self.pro
        if found.path == (PRIVACY if pro else DATA_SETTINGS):
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        return super().settings_page(account, found, name)
