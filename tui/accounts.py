"""Signing in and out from the checklist: the keys l, L and o, and the code question.

A mixin of the app, kept apart so the checklist's own module stays about the
checklist. Every browser step runs in an async worker of the ``engine`` group, so
quitting cancels it (and closes any browser window it opened).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work

from automation.browser import BrowserError
from automation.model import State
from automation.secrets import (
    Credentials,
    SecretsError,
    forget_credentials,
    keyring_is_real,
    off_loop,
    set_credentials,
)
from automation.signin import offers_password, password_refused
from automation.visible import NoDisplay, display_problem, sign_in_in_window

from .account_screens import CodeDialog, CredentialsForm, SignOutDialog, WindowWaiting
from .screens import Confirm

if TYPE_CHECKING:
    from textual.app import App

    from automation.engine import Engine
    from automation.model import Reading, Setting
    from automation.plugin import Plugin
    from automation.runtime import Runtime

    _Base = App[None]
else:
    _Base = object

#: The key prefix of a platform's row in the checklist (as the app names them).
PLATFORM_ROW = "platform:"

#: What the platform row says after signing in stopped at a wall of this kind.
WALL_WORDS = {
    "code": "code needed",
    "captcha": "captcha",
    "checkpoint": "security check",
    "error": "sign-in failed",
}

WAITING_FOR_WINDOW = "Waiting for you to sign in in the browser window."

#: How long the news of platforms found signed out is gathered before it is told.
TELL_AFTER = 1.0


def keys_text(plugin: Plugin) -> str:
    """The sign-in keys a platform row offers."""
    keys = ["l  sign in in a browser window"]
    if offers_password(plugin):
        keys.append("L  sign in with email and password")
    keys.append("o  sign out (forget the kept session)")
    return "\n".join(keys)


@dataclass(frozen=True)
class AccountNote:
    """What the platform row says about signing in, until the next reading."""

    word: str
    detail: str
    style: str = "magenta"


class AccountActions(_Base):
    """Signing in and out, for :class:`tui.app.PrivacyApp`."""

    # Provided by the app.
    engine: Engine
    runtime: Runtime
    demo: bool
    settings: dict[str, Setting]
    readings: dict[str, Reading]

    if TYPE_CHECKING:

        def _refresh(self) -> None: ...

        def _highlighted(self) -> str | None: ...

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: Per platform: what the last sign-in or sign-out said.
        self.account_notes: dict[str, AccountNote] = {}
        self._signing_in: set[str] = set()
        self._offered: set[str] = set()
        #: Platforms found signed out whose news is not yet told (told together).
        self._to_tell: list[str] = []

    # -- what the checklist shows --------------------------------------------------

    def account_cell(self, platform: str) -> Text | None:
        """The platform row's state cell while a note stands, else ``None``."""
        note = self.account_notes.get(platform)
        return Text(note.word, style=note.style) if note else None

    def account_detail(self, platform: str) -> Text:
        """The detail pane of a platform row: the last sign-in news and the keys."""
        plugin = self.engine.plugins.get(platform)
        text = Text()
        text.append(plugin.title if plugin else platform, style="bold")
        text.append(f"\n{plugin.origin if plugin else ''}\n\n", style="dim")
        note = self.account_notes.get(platform)
        if note:
            text.append(note.detail + "\n\n")
        if plugin is not None:
            text.append(keys_text(plugin))
            if not offers_password(plugin):
                text.append(
                    f"\n\n{plugin.title} has no sign-in form a password can fill here: "
                    "sign in in a browser window.",
                    style="dim",
                )
        return text

    def _note(self, platform: str, word: str | None, detail: str = "", style: str = "") -> None:
        if word is None:
            self.account_notes.pop(platform, None)
        else:
            self.account_notes[platform] = AccountNote(word, detail, style or "magenta")
        self._refresh()

    def _selected_platform(self) -> str | None:
        key = self._highlighted()
        if key is None:
            return None
        if key.startswith(PLATFORM_ROW):
            return key[len(PLATFORM_ROW) :]
        return self.settings[key].platform

    def _ids(self, platform: str) -> list[str]:
        return [i for i, s in self.settings.items() if s.platform == platform]

    def _free(self, platform: str) -> bool:
        if platform in self._signing_in:
            self.notify("Signing in to it is already under way.")
            return False
        return True

    def account_read(self, reading: Reading) -> None:
        """Offer signing in the first time in a run that a platform's setting needs it."""
        if reading.state is not State.NEEDS_LOGIN:
            return
        platform = self.settings[reading.setting_id].platform
        if platform in self._offered or platform in self._signing_in:
            return
        self._offered.add(platform)
        self._offer_sign_in(platform)

    @work(group="engine", exit_on_error=False)
    async def _offer_sign_in(self, platform: str) -> None:
        plugin = self.engine.plugins[platform]
        askable = offers_password(plugin) and password_refused(plugin) is None
        if askable:
            try:
                real = await off_loop(keyring_is_real)
            except SecretsError:
                real = False
            if not real:
                # Nothing can have been stored on this system, so ask now.
                window = (
                    "" if display_problem() else " (Esc, then l, signs in in a browser window.)"
                )
                self.sign_in_with_password(
                    platform,
                    note=f"This system has no working keyring, so no {plugin.title} password "
                    f"is stored. Sign in now to read your settings.{window}",
                )
                return
        if not self._to_tell:
            self.set_timer(TELL_AFTER, self._tell_signed_out)
        self._to_tell.append(platform)

    def _tell_signed_out(self) -> None:
        """Say once which platforms are signed out, and how to sign in to them."""
        plugins = [self.engine.plugins[name] for name in self._to_tell]
        self._to_tell = []
        if not plugins:
            return
        message = f"Not signed in to {_names(p.title for p in plugins)}. "
        message += (
            f"{display_problem()} "
            if display_problem()
            else "Select a platform's row and press l to sign in in a browser window"
        )
        forms = [p.title for p in plugins if offers_password(p)]
        if forms:
            joiner = "; press" if display_problem() else ", or"
            message += f"{joiner} L to sign in with email and password ({_names(forms)})"
        self.notify(message.rstrip() + ".", timeout=15)

    # -- the keys --------------------------------------------------------------------

    def action_sign_in(self) -> None:
        """l: sign in in a browser window; without a display, offer the password form."""
        platform = self._selected_platform()
        if platform is None or not self._free(platform):
            return
        problem = display_problem()
        if problem is not None:
            plugin = self.engine.plugins[platform]
            if not offers_password(plugin):
                self.notify(
                    f"{problem} {plugin.title} has no sign-in form a password can fill here, "
                    "so sign in on a machine with a display: privacy-tui login "
                    f"{plugin.name}.",
                    title="No browser window",
                    severity="warning",
                    timeout=15,
                )
                return
            self.notify(
                f"{problem} Sign in with your email and password instead.",
                title="No browser window",
                severity="warning",
                timeout=10,
            )
            self.sign_in_with_password(platform, note=problem)
            return
        self._open_window(platform)

    def action_sign_in_password(self) -> None:
        """L: sign in with a username and password typed into a form."""
        platform = self._selected_platform()
        if platform is None or not self._free(platform):
            return
        plugin = self.engine.plugins[platform]
        if not offers_password(plugin):
            self.notify(
                f"{plugin.title} has no sign-in form a password can fill here: press l to "
                "sign in in a browser window.",
                title="No password sign-in",
                severity="warning",
                timeout=10,
            )
            return
        self.sign_in_with_password(platform)

    def action_sign_out(self) -> None:
        """o: forget the platform's session, and the stored credentials if asked."""
        platform = self._selected_platform()
        if platform is None or not self._free(platform):
            return
        title = self.engine.plugins[platform].title

        def answered(answer) -> None:
            if answer is not None:
                self.sign_out(platform, answer.forget_credentials)

        self.push_screen(SignOutDialog(title), answered)

    # -- the work --------------------------------------------------------------------

    async def ask_code(self, platform: str, detail: str) -> str | None:
        """The engine's question for a verification code, asked in a dialog."""
        title = self.engine.plugins[platform].title
        return await self.push_screen_wait(CodeDialog(title, detail))

    def _open_window(self, platform: str) -> None:
        title = self.engine.plugins[platform].title
        waiting = WindowWaiting(title)
        worker = self.sign_in_in_window(platform, waiting)

        def answered(give_up: bool | None) -> None:
            if give_up and worker.is_running:
                worker.cancel()

        self.push_screen(waiting, answered)

    @work(group="engine", exit_on_error=False)
    async def sign_in_in_window(self, platform: str, waiting: WindowWaiting) -> None:
        plugin = self.engine.plugins[platform]
        self._signing_in.add(platform)
        self._note(platform, "signing in…", "Opening a browser window…", "cyan")

        def opened() -> None:
            self._note(platform, "signing in…", WAITING_FOR_WINDOW, "cyan")

        try:
            result = await sign_in_in_window(plugin, self.engine.options, opened=opened)
        except (NoDisplay, BrowserError) as exc:
            self._note(platform, "not signed in", str(exc))
            self.notify(str(exc), title="No browser window", severity="error", timeout=15)
            return
        except asyncio.CancelledError:
            self._note(platform, None)
            raise
        finally:
            self._signing_in.discard(platform)
            if waiting.is_attached and self.screen is waiting:
                waiting.dismiss(False)
        if result.state is None:
            self._note(platform, "not signed in", result.detail)
            self.notify(result.detail, title=f"{plugin.title}: not signed in")
            return
        await self.engine.use_session(platform, result.state)
        self._note(platform, None)
        self.notify(f"Signed in to {plugin.title}; reading its settings.")
        await self.engine.check(self._ids(platform))

    @work(group="engine", exit_on_error=False)
    async def sign_in_with_password(self, platform: str, note: str = "") -> None:
        plugin = self.engine.plugins[platform]
        refused = password_refused(plugin)
        if refused is not None:
            # Not even asked for: a password goes only to the real site or this machine.
            self._note(platform, "not signed in", refused)
            self.notify(refused, title="No password sent", severity="error", timeout=15)
            return
        try:
            can_remember = await off_loop(keyring_is_real)
        except SecretsError:
            can_remember = False
        answer = await self.push_screen_wait(
            CredentialsForm(plugin.title, can_remember=can_remember, note=note)
        )
        if answer is None:
            return
        self._signing_in.add(platform)
        self._note(platform, "signing in…", "Signing in with what you typed.", "cyan")
        try:
            await self.engine.start()
            wall = await self.engine.sign_in(platform, answer.credentials)
        except BrowserError as exc:
            self._note(platform, "not signed in", str(exc))
            self.notify(str(exc), title="No browser", severity="error", timeout=30)
            return
        finally:
            self._signing_in.discard(platform)
        if wall is not None:
            word = WALL_WORDS.get(wall.kind, "not signed in")
            detail = wall.detail
            if self._signed_in(platform):
                # The session it had is untouched, and still reads the settings.
                word = "sign-in failed"
                detail += " The session kept from before is still used."
            self._note(platform, word, detail)
            self.notify(detail, title=f"{plugin.title}: not signed in", severity="warning")
            if wall.kind in ("captcha", "checkpoint"):
                self._offer_window(platform, wall.detail)
            return
        self._note(platform, None)
        self.notify(f"Signed in to {plugin.title}; reading its settings.")
        if answer.remember:
            await self._remember(platform, answer.credentials)
        await self.engine.check(self._ids(platform))

    def _signed_in(self, platform: str) -> bool:
        """Whether a setting of the platform was last read from a signed-in page."""
        return any(
            self.readings[i].state.is_value for i in self._ids(platform) if i in self.readings
        )

    def _offer_window(self, platform: str, detail: str) -> None:
        if display_problem() is not None:
            return  # no window can open here; the detail already says what to do
        question = f"{detail}\n\nOpen a browser window to sign in there now?"

        def answered(yes: bool | None) -> None:
            if yes and self._free(platform):
                self._open_window(platform)

        self.push_screen(Confirm(question, yes="Open a window", no="Not now"), answered)

    async def _remember(self, platform: str, credentials: Credentials) -> None:
        try:
            await off_loop(set_credentials, platform, credentials)
        except SecretsError as exc:
            self.notify(str(exc), title="Not remembered", severity="warning")
            return
        self.notify("The credentials are remembered in the keyring.")

    @work(group="engine", exit_on_error=False)
    async def sign_out(self, platform: str, forget: bool) -> None:
        title = self.engine.plugins[platform].title
        gone = await self.engine.sign_out(platform)
        said = [f"The {title} session was forgotten." if gone else f"No {title} session was kept."]
        if forget:
            try:
                removed = await off_loop(forget_credentials, platform)
            except SecretsError as exc:
                said.append(f"The credentials could not be forgotten: {exc}")
            else:
                said.append(
                    "The stored credentials were forgotten."
                    if removed
                    else "No credentials were stored."
                )
        for setting_id in self._ids(platform):
            # Readings made with the forgotten session no longer describe this account.
            self.readings.pop(setting_id, None)
        self._note(platform, "signed out", " ".join(said), "dim")
        self.notify(" ".join(said), title=f"Signed out of {title}")


def _names(names) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
