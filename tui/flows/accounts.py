"""Signing in and out: in a browser window, with a password form, and the code question.

Every browser step runs as engine work, so quitting cancels it (and closes any
browser window it opened).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from automation.accounts.secrets import (
    SecretsError,
    forget_credentials,
    keyring_is_real,
    off_loop,
)
from automation.accounts.window import NoDisplay, display_problem, sign_in_in_window
from automation.browser.launch import BrowserError
from automation.domain.settings import Reading, State
from automation.language import N_, _, said, told

from ..keys import bound, key_for
from . import Host
from .password_signin import PasswordSignIn

if TYPE_CHECKING:
    from automation.plugin import Plugin

    from ..dialogs import SignOutAnswer, WindowWaiting

WAITING_FOR_WINDOW = N_("Waiting for you to sign in in the browser window.")

#: How long the news of platforms found signed out is gathered before it is told.
TELL_AFTER = 1.0


class Accounts:
    """Signing in and out of the platforms."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self._signing_in: set[str] = set()
        self._offered: set[str] = set()
        #: Platforms found signed out whose news is not yet told (told together).
        self._to_tell: list[str] = []
        self.password = PasswordSignIn(
            host, self._note, self._signing_in, self._free, self._open_window
        )

    def _note(self, platform: str, word: str | None, detail: str = "", style: str = "") -> None:
        self.host.model.note(platform, word, detail, style)
        self.host.redraw()

    def _free(self, platform: str) -> bool:
        if platform in self._signing_in:
            self.host.notify(_("Signing in to it is already under way."))
            return False
        return True

    def read(self, reading: Reading) -> None:
        """Offer signing in the first time in a run that a platform's setting needs it."""
        if reading.state is not State.NEEDS_LOGIN:
            return
        platform = self.host.model.settings[reading.setting_id].platform
        if platform in self._offered or platform in self._signing_in:
            return
        self._offered.add(platform)
        self._offer_sign_in(platform)

    def _offer_sign_in(self, platform: str) -> None:
        self.host.work(self._offering(platform))

    async def _offering(self, platform: str) -> None:
        plugin = self.host.engine.plugins[platform]
        askable = plugin.offers_password() and plugin.password_refused() is None
        if askable:
            try:
                real = await off_loop(keyring_is_real)
            except SecretsError:
                real = False
            if not real:
                # Nothing can have been stored on this system, so ask now.
                window = (
                    ""
                    if display_problem()
                    else " "
                    + _("(Esc, then {key}, signs in in a browser window.)").format(
                        key=key_for(self.host, "sign_in")
                    )
                )
                note = _(
                    "This system has no working keyring, so no {title} password "
                    "is stored. Sign in now to read your settings."
                ).format(title=plugin.title)
                self.sign_in_with_password(platform, note=note + window)
                return
        if not self._to_tell:
            self.host.set_timer(TELL_AFTER, self._tell_signed_out)
        self._to_tell.append(platform)

    def _tell_signed_out(self) -> None:
        """Say once which platforms are signed out, and how to sign in to them."""
        plugins = [self.host.engine.plugins[name] for name in self._to_tell]
        self._to_tell = []
        if not plugins:
            return
        keys = bound(self.host)
        self.host.notify(
            signed_out_news(plugins, keys["sign_in"][0], keys["sign_in_password"][0]), timeout=15
        )

    # -- the keys --------------------------------------------------------------------

    def sign_in(self, platform: str) -> None:
        """l: sign in in a browser window; without a display, offer the password form."""
        if not self._free(platform):
            return
        problem = display_problem()
        if problem is not None:
            problem = said(problem)
            plugin = self.host.engine.plugins[platform]
            if not plugin.offers_password():
                self.host.notify(
                    _(
                        "{problem} {title} has no sign-in form a password can fill here, "
                        "so sign in on a machine with a display: privacy-tui login {name}."
                    ).format(problem=problem, title=plugin.title, name=plugin.name),
                    title=_("No browser window"),
                    severity="warning",
                    timeout=15,
                )
                return
            self.host.notify(
                _("{problem} Sign in with your email and password instead.").format(
                    problem=problem
                ),
                title=_("No browser window"),
                severity="warning",
                timeout=10,
            )
            self.sign_in_with_password(platform, note=problem)
            return
        self._open_window(platform)

    def sign_in_password(self, platform: str) -> None:
        """L: sign in with a username and password typed into a form."""
        if not self._free(platform):
            return
        plugin = self.host.engine.plugins[platform]
        if not plugin.offers_password():
            self.host.notify(
                _(
                    "{title} has no sign-in form a password can fill here: press {key} to "
                    "sign in in a browser window."
                ).format(title=plugin.title, key=key_for(self.host, "sign_in")),
                title=_("No password sign-in"),
                severity="warning",
                timeout=10,
            )
            return
        self.sign_in_with_password(platform)

    def sign_out(self, platform: str) -> None:
        """o: forget the platform's session, and the stored credentials if asked."""
        if not self._free(platform):
            return
        from ..dialogs import SignOutDialog

        title = self.host.engine.plugins[platform].title

        def answered(answer: SignOutAnswer | None) -> None:
            if answer is not None:
                self.host.work(self._sign_out(platform, answer.forget_credentials))

        self.host.push_screen(SignOutDialog(title), answered)

    # -- the work --------------------------------------------------------------------

    async def ask_code(self, platform: str, detail: str) -> str | None:
        """The engine's question for a verification code, asked in a dialog."""
        from ..dialogs import CodeDialog

        title = self.host.engine.plugins[platform].title
        return await self.host.push_screen_wait(CodeDialog(title, said(detail)))

    def _open_window(self, platform: str) -> None:
        from ..dialogs import WindowWaiting

        title = self.host.engine.plugins[platform].title
        waiting = WindowWaiting(title)
        worker = self.host.work(self._in_window(platform, waiting))

        def answered(give_up: bool | None) -> None:
            if give_up and worker.is_running:
                worker.cancel()

        self.host.push_screen(waiting, answered)

    async def _in_window(self, platform: str, waiting: WindowWaiting) -> None:
        plugin = self.host.engine.plugins[platform]
        self._signing_in.add(platform)
        self._note(platform, _("signing in…"), _("Opening a browser window…"), "cyan")

        def opened() -> None:
            self._note(platform, _("signing in…"), _(WAITING_FOR_WINDOW), "cyan")

        try:
            self.host.engine.prepare()
            result = await sign_in_in_window(plugin, self.host.engine.options, opened=opened)
        except (NoDisplay, BrowserError) as exc:
            self._note(platform, _("not signed in"), told(exc))
            self.host.notify(told(exc), title=_("No browser window"), severity="error", timeout=15)
            return
        except asyncio.CancelledError:
            self._note(platform, None)
            raise
        finally:
            self._signing_in.discard(platform)
            if waiting.is_attached and self.host.screen is waiting:
                waiting.dismiss(False)
        if result.state is None:
            self._note(platform, _("not signed in"), said(result.detail))
            self.host.notify(
                said(result.detail), title=_("{title}: not signed in").format(title=plugin.title)
            )
            return
        await self.host.engine.use_session(platform, result.state)
        self._note(platform, None)
        self.host.notify(
            _("Signed in to {title}; reading its settings.").format(title=plugin.title)
        )
        await self.host.engine.check(self.host.model.ids(platform))

    def sign_in_with_password(self, platform: str, note: str = "") -> None:
        """Ask for a username and password in a form, and sign in with them."""
        self.host.work(self.password.run(platform, note))

    async def _sign_out(self, platform: str, forget: bool) -> None:
        title = self.host.engine.plugins[platform].title
        gone = await self.host.engine.sign_out(platform)
        said = [
            _("The {title} session was forgotten.").format(title=title)
            if gone
            else _("No {title} session was kept.").format(title=title)
        ]
        if forget:
            try:
                removed = await off_loop(forget_credentials, platform)
            except SecretsError as exc:
                said.append(
                    _("The credentials could not be forgotten: {problem}").format(problem=told(exc))
                )
            else:
                said.append(
                    _("The stored credentials were forgotten.")
                    if removed
                    else _("No credentials were stored.")
                )
        # Readings made with the forgotten session no longer describe this account.
        self.host.model.forget(platform)
        self._note(platform, _("signed out"), " ".join(said), "dim")
        self.host.notify(" ".join(said), title=_("Signed out of {title}").format(title=title))


def signed_out_news(plugins: Sequence[Plugin], window_key: str, password_key: str) -> str:
    """What the screen says of platforms found signed out: how to sign in to them, with
    the keys that do it."""
    problem = display_problem()
    message = _("Not signed in to {titles}.").format(titles=_names(p.title for p in plugins)) + " "
    if problem:
        message += f"{said(problem)} "
    else:
        message += _(
            "Select a platform's row and press {key} to sign in in a browser window"
        ).format(key=window_key)
    forms = [p.title for p in plugins if p.offers_password()]
    if forms:
        joiner = _("; press {key}") if problem else _(", or {key}")
        message += _("{joiner} to sign in with email and password ({titles})").format(
            joiner=joiner.format(key=password_key), titles=_names(forms)
        )
    return message.rstrip() + _(".")


def _names(names: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) == 1:
        return names[0]
    return _("{names} and {last}").format(names=_(", ").join(names[:-1]), last=names[-1])
