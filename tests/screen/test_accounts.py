"""Signing in and out from the checklist, driven by Textual's pilot, with the real engine.

The app starts signed out (an empty session store in the test's folder) against the
replica LinkedIn; the replica's own records say who signed in. The form's own keys and
paste run on an engine that keeps its states in memory, signed out of LinkedIn too.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from textual import events
from textual.widgets import Checkbox, Input, Static
from textual.worker import WorkerCancelled

from automation.accounts import secrets
from automation.accounts.secrets import Credentials, KeyringCredentials
from automation.accounts.sessions import session_name
from automation.accounts.sessions.store import SessionStore
from automation.browser.launch import Running
from automation.domain.settings import State
from automation.engine.core import Engine, Options
from automation.engine.runtime import Runtime
from automation.files.config_types import Config
from automation.plugins.linkedin import LinkedIn
from automation.plugins.x import X
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer
from tests.checklist_view import Notices, cell, row_keys
from tests.fake_engine import fake
from tests.processes import browsers_below, cmdline
from tests.xvfb import xvfb  # noqa: F401 (a fixture)
from tui.app import PrivacyApp
from tui.dialogs import CodeDialog, Confirm, CredentialsForm, SignOutDialog, WindowWaiting
from tui.flows.accounts import WAITING_FOR_WINDOW

browser = pytest.mark.browser

AI = "linkedin.ai_training"
SIZE = (140, 40)
CODE_USER, CODE_PASSWORD, CODE = "code@example.com", "pw-Zq81-for-the-form", "482913"


@pytest.fixture
def signed_out(fake_linkedin: Runtime) -> Runtime:
    """The demo's LinkedIn rows on the in-memory engine, signed out of LinkedIn."""
    fake(fake_linkedin).signed_out.add("linkedin")
    return fake_linkedin


@pytest.fixture
def runtime(
    chromium: str, shared_browser: Running, replica: ReplicaServer, tmp_path: Path
) -> Iterator[Runtime]:
    """A signed-out run against the replica, keeping sessions in the test's folder."""
    plugin = LinkedIn(replica.origins["linkedin"])
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "app.log")
    engine = Engine(
        [plugin],
        options,
        sessions=SessionStore(tmp_path / "sessions"),
        credentials=KeyringCredentials(),
        shared_browser=shared_browser,
    )
    # Two of LinkedIn's 29 settings: signing in, not reading them all, is the point.
    yield Runtime(
        Config(), [plugin], engine, log_path=tmp_path / "app.log", only=[AI, "linkedin.research"]
    )


def kept_file(tmp_path: Path, replica: ReplicaServer) -> Path:
    """Where the replica LinkedIn's session is kept (apart from the real site's)."""
    name = session_name("linkedin", replica.origins["linkedin"])
    return tmp_path / "sessions" / f"{name}.session"


async def settle(app: PrivacyApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, done, what: str) -> None:
    """Let the app run until ``done()``; the engine's own time limits bound the wait."""
    async with asyncio.timeout(60):
        while not done():
            await pilot.pause()
    assert done(), what


def platform_cell(app: PrivacyApp) -> str:
    return cell(app, "platform:linkedin", "state")


def screen_text(app: PrivacyApp) -> str:
    return app.export_screenshot()


async def fill_form(app: PrivacyApp, pilot, username: str, password: str, remember: bool) -> None:
    form = app.screen
    assert isinstance(form, CredentialsForm)
    form.query_one("#username", Input).value = username
    field = form.query_one("#password", Input)
    assert field.password, "the password is masked"
    field.value = password
    if form.can_remember:
        form.query_one("#remember", Checkbox).value = remember
    else:
        assert not form.query(Checkbox), "no box to tick without a keyring"
    await pilot.pause()
    assert password not in screen_text(app)
    field.focus()
    await pilot.press("enter")


@browser
async def test_password_form_and_code_dialog_sign_in_and_read(
    runtime: Runtime, replica: ReplicaServer, memory_keyring, tmp_path: Path
) -> None:
    """p asks for credentials (masked), then for the emailed code; then the rows read."""
    site = replica.sites["linkedin"]
    site.add_account(CODE_USER, CODE_PASSWORD, verification_code=CODE)
    site.account(CODE_USER).settings["ai_training"] = False
    app = PrivacyApp(runtime)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.NEEDS_LOGIN
        assert platform_cell(app) == "not signed in"

        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form shows")
        assert not app.screen.query_one("#remember", Checkbox).disabled
        await fill_form(app, pilot, CODE_USER, CODE_PASSWORD, remember=True)

        await until(pilot, lambda: isinstance(app.screen, CodeDialog), "the code is asked for")
        assert isinstance(app.screen, CodeDialog)
        assert "verification code" in app.screen.detail
        app.screen.query_one("#code", Input).value = CODE
        await pilot.press("enter")
        await settle(app, pilot)

        assert app.model.readings[AI].state is State.OFF
        assert platform_cell(app) == "signed in"
        assert site.session_tokens(CODE_USER)
        assert kept_file(tmp_path, replica).exists()
        remembered = secrets.get_credentials("linkedin")
        assert remembered == Credentials(CODE_USER, CODE_PASSWORD)
        assert CODE_PASSWORD not in screen_text(app)
        await app.action_quit()


def type_fast(app: PrivacyApp, text: str) -> None:
    """Send ``text`` as key presses all at once, as a password manager's auto-type does."""
    names = {"\t": "tab", "\n": "enter"}
    for char in text:
        app.post_message(events.Key(names.get(char, char), "\r" if char == "\n" else char))


@pytest.mark.parametrize("between", ["\t", "\n"])
async def test_keys_typed_fast_never_show_the_password(signed_out: Runtime, between: str) -> None:
    """Auto-type (username, Tab or Enter, password, Enter): the username field shows the
    username only, every password key lands in the masked field, and it signs in."""
    user, password = "fast@example.com", "pwAutoType73secret"
    app = PrivacyApp(signed_out)
    shots: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form shows")
        await pilot.pause()
        form = app.screen
        type_fast(app, f"{user}{between}{password}")
        fields = [form.query_one(f"#{name}", Input) for name in ("username", "password")]
        typed = len(user) + len(password)
        await until(pilot, lambda: sum(len(f.value) for f in fields) == typed, "all typed")
        shots.append(screen_text(app))
        assert form.query_one("#username", Input).value == user
        assert form.query_one("#password", Input).value == password
        type_fast(app, "\n")
        await until(pilot, lambda: fake(signed_out).sign_ins == [user], "signed in")
        await settle(app, pilot)
        shots.append(screen_text(app))
        assert app.model.readings[AI].state is State.ON
        assert not any(password in shot for shot in shots)
        await app.action_quit()


async def test_a_paste_of_username_and_password_splits_at_the_tab(signed_out: Runtime) -> None:
    app = PrivacyApp(signed_out)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form shows")
        await pilot.pause()
        form = app.screen
        app.post_message(events.Paste("paste@example.com\tpwPasted88secret\n"))
        await pilot.pause()
        assert form.query_one("#username", Input).value == "paste@example.com"
        assert form.query_one("#password", Input).value == "pwPasted88secret"
        assert "pwPasted88secret" not in screen_text(app)
        assert app.screen.focused is form.query_one("#password", Input)
        await pilot.press("escape")
        await app.action_quit()


@browser
async def test_without_a_display_l_offers_the_form_and_a_captcha_is_shown(
    runtime: Runtime, replica: ReplicaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No display: l says so and opens the form; a captcha after it shows on the row."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    replica.sites["linkedin"].add_account("robot@example.com", "pw-captcha", captcha=True)
    app = PrivacyApp(runtime)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form shows")
        assert any("$DISPLAY" in n.message for n in notices)
        await fill_form(app, pilot, "robot@example.com", "pw-captcha", remember=False)
        await settle(app, pilot)

        assert platform_cell(app) == "captcha"
        assert not isinstance(app.screen, Confirm), "no window to offer without a display"
        app.checklist.move_cursor(row=0)
        await pilot.pause()
        detail = str(app.query_one("#detail", Static).render())
        assert "only a person can pass" in detail
        assert "privacy-tui login linkedin" in detail
        assert secrets.get_credentials("linkedin") is None  # not asked to remember
        await app.action_quit()


@browser
async def test_captcha_offers_the_window_where_there_is_a_display(
    runtime: Runtime, replica: ReplicaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":99")  # only looked at; "not now" opens nothing
    replica.sites["linkedin"].add_account("robot@example.com", "pw-captcha", captcha=True)
    app = PrivacyApp(runtime)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form shows")
        await fill_form(app, pilot, "robot@example.com", "pw-captcha", remember=False)
        await until(pilot, lambda: isinstance(app.screen, Confirm), "the window is offered")
        assert isinstance(app.screen, Confirm)
        assert "browser window" in str(app.screen.question)
        await pilot.press("n")
        await settle(app, pilot)
        assert platform_cell(app) == "captcha"
        await app.action_quit()


@browser
async def test_without_a_keyring_the_form_is_asked_for_and_nothing_is_kept(
    runtime: Runtime, replica: ReplicaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No keyring: the first unread platform asks for credentials; the session stays in memory."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    keyring.set_keyring(fail.Keyring())
    replica.sites["linkedin"].add_account("server@example.com", "pw-Nk-9931-typed")
    app = PrivacyApp(runtime)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form is asked")
        form = app.screen
        assert isinstance(form, CredentialsForm)
        assert "no working keyring" in form.note
        assert not form.query(Checkbox)
        await fill_form(app, pilot, "server@example.com", "pw-Nk-9931-typed", remember=True)
        await settle(app, pilot)

        assert app.model.readings[AI].state is State.ON
        assert replica.sites["linkedin"].sign_ins == ["server@example.com"]
        told = [n.message for n in notices if "no working keyring" in n.message]
        assert len(told) == 1 and "--store-unencrypted" in told[0]
        assert not (tmp_path / "sessions").exists()
        await app.action_quit()


@pytest.fixture
def two_platforms(
    chromium: str, shared_browser: Running, replica: ReplicaServer, tmp_path: Path
) -> Iterator[Runtime]:
    """Signed out of LinkedIn (a password form) and X (a window only), on the replicas."""
    plugins = [LinkedIn(replica.origins["linkedin"]), X(replica.origins["x"])]
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "app.log")
    sessions = SessionStore(tmp_path / "sessions")
    engine = Engine(
        plugins,
        options,
        sessions=sessions,
        credentials=KeyringCredentials(),
        shared_browser=shared_browser,
    )
    yield Runtime(
        Config(), plugins, engine, log_path=tmp_path / "app.log", only=[AI, "x.grok_training"]
    )


@browser
async def test_without_a_keyring_only_a_platform_with_a_password_form_asks(
    two_platforms: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No keyring: the form opens for LinkedIn only; X, which has no password sign-in,
    is pointed at the window, and L on its row opens no form."""
    monkeypatch.setenv("DISPLAY", ":99")  # only looked at; no window is opened here
    keyring.set_keyring(fail.Keyring())
    app = PrivacyApp(two_platforms)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form is asked")
        await until(
            pilot,
            lambda: (
                all(app.model.readings.get(s.id) for s in two_platforms.settings)
                and not app.model.busy
            ),
            "every row is read",
        )
        for _ in range(20):  # time for any other form to be asked
            await pilot.pause(0.05)
        forms = [s for s in app.screen_stack if isinstance(s, CredentialsForm)]
        assert [f.platform_title for f in forms] == ["LinkedIn"]
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CredentialsForm), "it closes")
        await until(pilot, lambda: any("Not signed in to X" in n.message for n in notices), "X")
        [told] = [n.message for n in notices if "Not signed in to X" in n.message]
        assert "press l" in told

        keys = row_keys(app)
        app.checklist.move_cursor(row=keys.index("x.grok_training"))
        await pilot.press("L")
        await pilot.pause()
        assert not isinstance(app.screen, CredentialsForm)
        assert any("X has no sign-in form" in n.message for n in notices)
        app.checklist.move_cursor(row=keys.index("platform:x"))
        await pilot.pause()
        detail = str(app.query_one("#detail", Static).render())
        assert "l  sign in in a browser window" in detail and "L  sign in" not in detail
        await app.action_quit()


@browser
async def test_a_refused_password_in_the_form_keeps_the_session(
    runtime: Runtime, replica: ReplicaServer, tmp_path: Path
) -> None:
    """Signed in, a wrong password typed into the form leaves the rows readable."""
    store = SessionStore(tmp_path / "sessions")
    await store.save("linkedin", replica.storage_state("linkedin"), replica.origins["linkedin"])
    app = PrivacyApp(runtime)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.ON
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, CredentialsForm), "the form shows")
        await fill_form(app, pilot, DEMO_USERNAME, "not-the-password", remember=False)
        await settle(app, pilot)
        assert platform_cell(app) == "sign-in failed"
        await pilot.press("r")
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.ON
        assert platform_cell(app) == "signed in"
        await app.action_quit()


@browser
async def test_no_form_for_a_platform_pointed_at_a_foreign_origin(
    chromium: str, shared_browser: Running, tmp_path: Path
) -> None:
    """L asks for no password when the config points the platform elsewhere, and says so."""
    plugin = LinkedIn("https://linkedin.example.org")
    options = Options(executable=chromium, timeout=5, log_path=tmp_path / "app.log")
    engine = Engine(
        [plugin],
        options,
        sessions=SessionStore(tmp_path / "sessions"),
        shared_browser=shared_browser,
    )
    app = PrivacyApp(Runtime(Config(), [plugin], engine, log_path=tmp_path / "app.log"))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("L")
        await pilot.pause()
        assert not isinstance(app.screen, CredentialsForm)
        [told] = [n.message for n in notices if "linkedin.example.org" in n.message]
        assert "sent only to https://www.linkedin.com" in told
        await app.action_quit()


@browser
async def test_sign_out_forgets_the_session_and_the_credentials(
    runtime: Runtime, replica: ReplicaServer, memory_keyring, tmp_path: Path
) -> None:
    store = SessionStore(tmp_path / "sessions")
    await store.save("linkedin", replica.storage_state("linkedin"), replica.origins["linkedin"])
    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD))
    app = PrivacyApp(runtime)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.model.readings[AI].state is State.ON
        await pilot.press("o")
        assert isinstance(app.screen, SignOutDialog)
        app.screen.query_one("#forget", Checkbox).value = True
        await pilot.press("y")
        await settle(app, pilot)

        assert not kept_file(tmp_path, replica).exists()
        assert secrets.get_credentials("linkedin") is None
        assert AI not in app.model.readings
        assert platform_cell(app) == "signed out"
        assert replica.sites["linkedin"].sign_ins == []
        await app.action_quit()


def visible_browsers() -> list[int]:
    """Main browser processes below this one that show a window (not headless)."""
    return [
        pid
        for pid in browsers_below()
        if "--type=" not in (line := cmdline(pid)) and "--headless" not in line
    ]


@browser
@pytest.mark.usefixtures("xvfb")
async def test_l_opens_a_window_and_escape_closes_it(runtime: Runtime) -> None:
    """With a display, l opens a browser window; giving up in the app closes it."""
    app = PrivacyApp(runtime)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert visible_browsers() == []
        await pilot.press("l")
        assert isinstance(app.screen, WindowWaiting)

        def waiting() -> bool:
            note = app.model.notes.get("linkedin")
            return note is not None and note.detail == WAITING_FOR_WINDOW

        await until(pilot, waiting, "it opens")
        assert visible_browsers(), "the window's browser runs"
        assert platform_cell(app) == "signing in…"
        await pilot.press("escape")
        with contextlib.suppress(WorkerCancelled):  # the window's worker, cancelled by Esc
            await app.workers.wait_for_complete()
        await until(pilot, lambda: not app.workers, "the work ends")
        assert visible_browsers() == []
        assert platform_cell(app) == "not signed in"
        await app.action_quit()
