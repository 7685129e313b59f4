"""Signing in with an email and password typed into a form, remembered in the keyring
if asked; a sign-in stopped at a captcha or a security check offers a browser window.
"""

from __future__ import annotations

from collections.abc import Callable

from automation.accounts.secrets import (
    Credentials,
    SecretsError,
    keyring_is_real,
    off_loop,
    set_credentials,
)
from automation.accounts.window import display_problem
from automation.browser.launch import BrowserError
from automation.language import N_, _, said, told

from . import Host

#: What the platform row says after signing in stopped at a wall of this kind.
WALL_WORDS = {
    "code": N_("code needed"),
    "captcha": N_("captcha"),
    "checkpoint": N_("security check"),
    "error": N_("sign-in failed"),
}


class PasswordSignIn:
    """The password form's sign-in, for the account flow: it notes progress on the
    platform's row with ``note``, marks the platform in ``signing_in`` while it runs,
    and opens a browser window with ``open_window`` where ``free`` says none is busy."""

    def __init__(
        self,
        host: Host,
        note: Callable[..., None],
        signing_in: set[str],
        free: Callable[[str], bool],
        open_window: Callable[[str], None],
    ) -> None:
        self.host = host
        self.note = note
        self.signing_in = signing_in
        self.free = free
        self.open_window = open_window

    async def run(self, platform: str, note: str = "") -> None:
        """Ask for a username and password in a form, and sign in with them."""
        from ..dialogs import CredentialsForm

        plugin = self.host.engine.plugins[platform]
        refused = plugin.password_refused()
        if refused is not None:
            # Not even asked for: a password goes only to the real site or this machine.
            self.note(platform, _("not signed in"), said(refused))
            self.host.notify(
                said(refused), title=_("No password sent"), severity="error", timeout=15
            )
            return
        try:
            can_remember = await off_loop(keyring_is_real)
        except SecretsError:
            can_remember = False
        if self.host.demo:
            from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME

            account = _(
                "The demo's account on every replica site: email {username}, password {password}."
            ).format(username=DEMO_USERNAME, password=DEMO_PASSWORD)
            note = f"{note} {account}" if note else account
        answer = await self.host.push_screen_wait(
            CredentialsForm(plugin.title, can_remember=can_remember, note=note)
        )
        if answer is None:
            return
        self.signing_in.add(platform)
        self.note(platform, _("signing in…"), _("Signing in with what you typed."), "cyan")
        try:
            await self.host.engine.start()
            wall = await self.host.engine.sign_in(platform, answer.credentials)
        except BrowserError as exc:
            self.note(platform, _("not signed in"), told(exc))
            self.host.notify(told(exc), title=_("No browser"), severity="error", timeout=30)
            return
        finally:
            self.signing_in.discard(platform)
        if wall is not None:
            word = _(WALL_WORDS.get(wall.kind, N_("not signed in")))
            detail = said(wall.detail)
            if self.host.model.signed_in(platform):
                # The session it had is untouched, and still reads the settings.
                word = _("sign-in failed")
                detail = _("{detail} The session kept from before is still used.").format(
                    detail=detail
                )
            self.note(platform, word, detail)
            title = _("{title}: not signed in").format(title=plugin.title)
            self.host.notify(detail, title=title, severity="warning")
            if wall.kind in ("captcha", "checkpoint"):
                self.offer_window(platform, said(wall.detail))
            return
        self.note(platform, None)
        self.host.notify(
            _("Signed in to {title}; reading its settings.").format(title=plugin.title)
        )
        if answer.remember:
            await self.remember(platform, answer.credentials)
        await self.host.engine.check(self.host.model.ids(platform))

    def offer_window(self, platform: str, detail: str) -> None:
        if display_problem() is not None:
            return  # no window can open here; the detail already says what to do
        from ..dialogs import confirm

        question = detail + "\n\n" + _("Open a browser window to sign in there now?")

        def answered(yes: bool | None) -> None:
            if yes and self.free(platform):
                self.open_window(platform)

        self.host.push_screen(
            confirm(question, yes=N_("Open a window"), no=N_("Not now")), answered
        )

    async def remember(self, platform: str, credentials: Credentials) -> None:
        try:
            await off_loop(set_credentials, platform, credentials)
        except SecretsError as exc:
            self.host.notify(told(exc), title=_("Not remembered"), severity="warning")
            return
        self.host.notify(_("The credentials are remembered in the keyring."))
