"""The LinkedIn plugin and the engine, in real headless Chromium, against the replica site.

Every plugin here is pointed at a loopback origin (the replica, or a closed port):
no test reaches the real LinkedIn. Server-side state is read straight from the
replica, so a test sees what the "account" really holds, not what the plugin says.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Collection
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from automation.accounts import secrets
from automation.accounts.secrets import Credentials, KeyringCredentials
from automation.accounts.sessions import MemorySessions
from automation.domain import events
from automation.domain.settings import State
from automation.engine.core import Engine, EngineClosed
from automation.page.waits import Waits
from automation.plugins.linkedin import LinkedIn
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer
from automation.replicas.server import Account

pytestmark = pytest.mark.browser

needs_proc = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="looks for leftover processes in /proc (Linux)"
)

AI = "linkedin.ai_training"
AI_PATH = "/mypreferences/d/settings/data-for-ai-improvement"


# -- helpers -------------------------------------------------------------------------


def account(replica: ReplicaServer) -> Account:
    """The demo account as the replica LinkedIn keeps it (server-side state)."""
    return replica.sites["linkedin"].account(DEMO_USERNAME)


def saves(replica: ReplicaServer) -> list[tuple[str, str, bool]]:
    """Every save request that reached the replica LinkedIn."""
    return replica.sites["linkedin"].saves


def closed_port() -> int:
    """A loopback port nothing listens on (bound to learn a free one, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _processes() -> dict[int, tuple[int, str, str]]:
    """Every process as pid -> (parent pid, state letter, command line), read from /proc."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:  # the process ended while we looked
            continue
        # The command name in parentheses may hold spaces; the fields after it do not.
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry)] = (int(fields[1]), fields[0], cmdline)
    return found


def browser_processes(browser: str, apart_from: Collection[int] = ()) -> dict[int, str]:
    """Live (not zombie) processes descended from this test process that run ``browser``,
    apart from ``apart_from`` and the processes they start.

    ``browser`` is the engine's executable, matched by file name: the distro's
    ``/usr/bin/chromium`` is a script that execs ``/usr/lib/chromium/chromium``, and
    every helper process (renderer, GPU, zygote) runs that same binary.
    """
    names = {Path(browser).name, Path(os.path.realpath(browser)).name}
    procs = _processes()
    me = os.getpid()
    found = {}
    for pid, (_, state, cmdline) in procs.items():
        if state == "Z" or not any(name in cmdline for name in names) or pid in apart_from:
            continue
        parent, seen = procs[pid][0], set()
        while parent in procs and parent not in seen and parent > 1:
            if parent in apart_from:
                break
            if parent == me:
                found[pid] = cmdline
                break
            seen.add(parent)
            parent = procs[parent][0]
    return found


def alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2 :].split()[0] != "Z"


# -- reading ---------------------------------------------------------------------------


async def test_reads_on_by_default(engine: Engine) -> None:
    """A new account has the AI-training switch on, and the reading says so from its page."""
    [reading] = await engine.check([AI])
    assert reading.setting_id == AI
    assert reading.state is State.ON
    assert reading.detail
    assert reading.url is not None and urlsplit(reading.url).path == AI_PATH
    assert reading.checked_at.tzinfo is not None


async def test_reads_off(engine: Engine, replica: ReplicaServer) -> None:
    """A switch that is off on the account reads ``off``."""
    account(replica).settings["ai_training"] = False
    [reading] = await engine.check([AI])
    assert reading.state is State.OFF
    assert urlsplit(reading.url or "").path == AI_PATH


async def test_each_setting_reads_its_own_switch(engine: Engine, replica: ReplicaServer) -> None:
    """Every LinkedIn setting (by label or by aria-labelledby) reads its own page's value.

    The values alternate, so a plugin that read the wrong page or the wrong switch
    would get at least one of them wrong.
    """
    keys = [s.key for s in LinkedIn.settings]
    expected = {key: index % 2 == 1 for index, key in enumerate(keys)}
    account(replica).settings.update(expected)
    readings = await engine.check()
    assert [r.setting_id for r in readings] == [f"linkedin.{key}" for key in keys]
    for key, reading in zip(keys, readings, strict=True):
        want = State.ON if expected[key] else State.OFF
        assert reading.state is want, (key, reading)


# -- writing ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [State.OFF, State.ON])
async def test_write_changes_the_account_and_reads_it_back(
    engine: Engine, replica: ReplicaServer, value: State
) -> None:
    """Switching saves through the page's own request, and the reading is the read-back."""
    start = value is State.OFF  # start from the opposite value
    account(replica).settings["ai_training"] = start
    reading = await engine.change(AI, value)
    assert reading.state is value
    assert "read back" in reading.detail
    assert account(replica).settings["ai_training"] is (value is State.ON)
    assert saves(replica) == [(DEMO_USERNAME, "ai_training", value is State.ON)]
    [again] = await engine.check([AI])
    assert again.state is value


async def test_write_to_the_current_value_sends_no_save(
    engine: Engine, replica: ReplicaServer
) -> None:
    """Asking for the value the switch already has changes nothing on the account."""
    reading = await engine.change(AI, State.ON)
    assert reading.state is State.ON
    assert saves(replica) == []
    assert account(replica).settings["ai_training"] is True


async def test_failed_save_reports_the_real_state(engine: Engine, replica: ReplicaServer) -> None:
    """When the site refuses the save, the reading is the unchanged state, with a reason."""
    account(replica).failing.add("ai_training")
    seen: list[events.Event] = []
    engine.subscribe(seen.append)
    reading = await engine.change(AI, State.OFF)
    assert reading.state is State.ON
    assert "still shows the switch on" in reading.detail
    assert "not saved" in reading.detail or "refused" in reading.detail
    assert account(replica).settings["ai_training"] is True
    assert saves(replica) == []
    changed = [e for e in seen if isinstance(e, events.Changed)]
    assert len(changed) == 1 and not changed[0].ok


# -- states other than on and off --------------------------------------------------------


async def test_signed_out_needs_login(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer
) -> None:
    """Without a session the plugin sees the sign-in page: ``needs_login``, and no write."""
    engine = make_engine(linkedin, signed_in=False)
    [reading] = await engine.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    assert "sign" in reading.detail.lower()
    assert urlsplit(reading.url or "").path == "/login"

    written = await engine.change(AI, State.OFF)
    assert written.state is State.NEEDS_LOGIN
    assert account(replica).settings["ai_training"] is True
    assert saves(replica) == []


async def test_checkpoint_needs_login(engine: Engine, replica: ReplicaServer) -> None:
    """A security check in the way is ``needs_login`` with a detail about verification."""
    account(replica).checkpoint = True
    [reading] = await engine.check([AI])
    assert reading.state is State.NEEDS_LOGIN
    assert "verif" in reading.detail.lower()
    assert urlsplit(reading.url or "").path.startswith("/checkpoint/")


async def test_missing_switch_is_unknown(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer
) -> None:
    """The right page without the switch is ``unknown``, never a guess.

    The wait for the switch is shortened: the replica draws it 150 ms after load.
    """
    account(replica).hidden.add("ai_training")
    [reading] = await make_engine(linkedin, waits=Waits(control_ms=2_000)).check([AI])
    assert reading.state is State.UNKNOWN
    assert "Use my data for training content creation AI models" in reading.detail
    assert "not on it" in reading.detail


@pytest.mark.parametrize("key", ["ai_training", "research"])
async def test_doubled_switch_is_unknown_and_not_clicked(
    engine: Engine, replica: ReplicaServer, key: str
) -> None:
    """Two candidate switches (by label or by aria-labelledby) are ``unknown``; none is clicked."""
    account(replica).doubled.add(key)
    setting_id = f"linkedin.{key}"
    [reading] = await engine.check([setting_id])
    assert reading.state is State.UNKNOWN
    assert "2" in reading.detail and "not guessing" in reading.detail

    written = await engine.change(setting_id, State.OFF)
    assert written.state is State.UNKNOWN
    assert account(replica).settings[key] is True
    assert saves(replica) == []


async def test_not_offered_is_unavailable(engine: Engine, replica: ReplicaServer) -> None:
    """A setting page that answers 404 for this account is ``unavailable``."""
    account(replica).unavailable.add("ai_training")
    [reading] = await engine.check([AI])
    assert reading.state is State.UNAVAILABLE
    assert "404" in reading.detail


async def test_dead_origin_is_an_error_not_an_exception(make_engine) -> None:
    """A site that cannot be reached is that setting's ``error``, with a readable detail."""
    plugin = LinkedIn(f"http://127.0.0.1:{closed_port()}")
    engine = make_engine(plugin, signed_in=False)
    [reading] = await engine.check([AI])
    assert reading.state is State.ERROR
    # Not "LinkedIn answered ...": nothing answered, whatever stood in the way.
    assert reading.detail.startswith("Could not reach LinkedIn (net::ERR_"), reading.detail
    assert "\n" not in reading.detail and "Traceback" not in reading.detail

    written = await engine.change(AI, State.OFF)
    assert written.state is State.ERROR


# -- signing in with stored credentials --------------------------------------------------


@pytest.mark.parametrize("stored", [True, False])
async def test_signs_in_with_keyring_credentials(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, stored: bool
) -> None:
    """Signed out, the engine signs in with the keyring's credentials and then reads the value."""
    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, DEMO_PASSWORD))
    account(replica).settings["ai_training"] = stored
    sessions = MemorySessions()
    engine = make_engine(
        linkedin, signed_in=False, sessions=sessions, credentials=KeyringCredentials()
    )
    seen: list[events.Event] = []
    engine.subscribe(seen.append)

    [reading] = await engine.check([AI])
    assert reading.state is (State.ON if stored else State.OFF)
    assert events.SigningIn("linkedin") in seen
    # The session is kept for the next run, and it really is signed in.
    state = await sessions.load("linkedin")
    assert state is not None
    assert any(c["name"] == "li_at" for c in state["cookies"])


async def test_wrong_password_needs_login_and_stays_secret(
    make_engine, linkedin: LinkedIn, replica: ReplicaServer, tmp_path: Path
) -> None:
    """A refused password is ``needs_login`` saying so; the password shows up nowhere."""
    password = "not-the-demo-password-7Qx"
    secrets.set_credentials("linkedin", Credentials(DEMO_USERNAME, password))
    # A browser of its own, so that its driver's log is this test's to read.
    engine = make_engine(
        linkedin, signed_in=False, credentials=KeyringCredentials(), own_browser=True
    )
    seen: list[events.Event] = []
    engine.subscribe(seen.append)

    # Six settings on six pages: one attempt for them all, not one a page.
    readings = await engine.check([s.id for s in LinkedIn.settings[:6]])
    readings.append(await engine.change(AI, State.OFF))
    assert readings[0].state is State.NEEDS_LOGIN
    assert "did not accept" in readings[0].detail
    for reading in readings:
        assert reading.state is State.NEEDS_LOGIN
        assert password not in reading.detail
        assert password not in (reading.url or "")
    assert all(password not in repr(event) for event in seen)
    for log in tmp_path.glob("engine-*.log"):
        assert password not in log.read_text(encoding="utf-8", errors="replace")
    # One attempt per run: a wrong password is not retried for every setting.
    assert seen.count(events.SigningIn("linkedin")) == 1
    assert account(replica).settings["ai_training"] is True


# -- events and life cycle ------------------------------------------------------------------


async def test_events_say_checking_before_read(engine: Engine) -> None:
    """Subscribers see ``Checking`` for a setting before its ``Read``, once each."""
    seen: list[events.Event] = []
    engine.subscribe(seen.append)
    # Eight settings on eight pages, more than are read at once.
    ids = [s.id for s in LinkedIn.settings[:8]]
    readings = await engine.check(ids)
    assert [r.setting_id for r in readings] == ids
    for setting_id in ids:
        checking = [
            i
            for i, e in enumerate(seen)
            if isinstance(e, events.Checking) and e.setting_id == setting_id
        ]
        read = [
            i
            for i, e in enumerate(seen)
            if isinstance(e, events.Read) and e.reading.setting_id == setting_id
        ]
        assert len(checking) == 1 and len(read) == 1, setting_id
        assert checking[0] < read[0], setting_id
    # Pages are read side by side, so the events come in the order the reads end;
    # the result keeps the settings' order.
    told = {e.reading.setting_id: e.reading for e in seen if isinstance(e, events.Read)}
    assert [told[setting_id] for setting_id in ids] == readings


async def test_change_events_bracket_the_change(engine: Engine) -> None:
    """A change is announced by ``Changing`` and ends with ``Changed`` carrying the read-back."""
    seen: list[events.Event] = []
    unsubscribe = engine.subscribe(seen.append)
    reading = await engine.change(AI, State.OFF)
    assert seen == [events.Changing(AI, State.OFF), events.Changed(reading, State.OFF)]
    changed = seen[-1]
    assert isinstance(changed, events.Changed) and changed.ok
    unsubscribe()
    await engine.check([AI])
    assert len(seen) == 2  # nothing arrives after unsubscribing


@needs_proc
async def test_close_leaves_no_browser_running(
    make_engine, linkedin: LinkedIn, chromium: str
) -> None:
    """After ``close()`` no browser process started by this engine is alive."""
    others = set(browser_processes(chromium))  # the test worker's shared browser
    engine = make_engine(linkedin, own_browser=True)
    await engine.check([AI])
    before = browser_processes(chromium, others)
    assert before, "the scan should see the running browser (else this test proves nothing)"
    await engine.close()
    assert not engine.started
    assert [pid for pid in before if alive(pid)] == []
    assert browser_processes(chromium, others) == {}


@needs_proc
async def test_closed_engine_starts_no_new_browser(
    make_engine, linkedin: LinkedIn, chromium: str
) -> None:
    """Closing twice is safe, and a closed engine refuses work instead of relaunching."""
    others = set(browser_processes(chromium))
    engine = make_engine(linkedin, own_browser=True)
    await engine.check([AI])
    await engine.close()
    await engine.close()
    with pytest.raises(EngineClosed):
        await engine.check([AI])
    assert browser_processes(chromium, others) == {}
