"""Row buttons that show the state in their own name and open a menu or a dialog.

ChatGPT's Data controls tab draws "Location" as words and a plain button "Off" that
opens the choice, and "Remote browser data On" as one button that opens a dialog with
the switch (``automation/replicas/chatgpt.py``, built on public element dumps of the
tab). Beside them sit the model-training row, "Marketing privacy", and buttons that
delete ("Delete all chats", and "Delete account" on the Account tab). Every reading is
checked against what the replica's server holds, and every row button opened and every
delete pressed is recorded by the server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from automation import language, setting_text
from automation.browser.launch import Running
from automation.domain.settings import Setting, State, Switch
from automation.page import rows
from automation.page.rows import Row
from automation.page.waits import Waits
from automation.plugins.chatgpt import ChatGPT
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.chatgpt import LOOKALIKES, ChatGPTSite
from automation.replicas.server import DECOY, Account

ROWS = ("location", "remote_browser_data")
#: The settings the tab holds, each kept by the replica's server.
TAB = ("improve_model", "location", "remote_browser_data", "marketing_privacy")
LOCATION = Switch(path="/", names=("Location",), shape="row")


def site_of(replica: ReplicaServer) -> ChatGPTSite:
    site = replica.sites["chatgpt"]
    assert isinstance(site, ChatGPTSite)
    return site


def holder(replica: ReplicaServer) -> Account:
    return replica.sites["chatgpt"].account(DEMO_USERNAME)


def opened(replica: ReplicaServer, key: str) -> bool:
    """Whether the page opened ``key``'s row (its menu or dialog)."""
    return any(path == f"/backend-api/opened/{key}" for _, _, path in site_of(replica).visits)


def in_japanese(text: str, setting: Setting) -> tuple[str, str]:
    """``text`` said in Japanese, and ``setting``'s Japanese label."""
    language.use("ja")
    try:
        return language.said(text), setting_text.label(setting)
    finally:
        language.use(language.ENGLISH)


def plugin(replica: ReplicaServer) -> ChatGPT:
    return ChatGPT(replica.origins["chatgpt"])


# -- what proves a row button is the setting's ------------------------------------------------


def test_state_words_are_whole_words_on_record() -> None:
    assert rows.state_of("On") is State.ON
    assert rows.state_of(" off ") is State.OFF
    assert rows.state_of("关") is State.OFF and rows.state_of("开") is State.ON
    assert rows.state_of("禁用") is State.OFF
    for other in ("Precise", "Manage", "Off for now", "", "Delete all"):
        assert rows.state_of(other) is None, other


def test_a_row_button_is_proved_by_its_own_words() -> None:
    remote = Switch(path="/", names=("Remote browser data",), shape="row")
    found = rows.proof(remote, Row("Remote browser data On"))
    assert found is not None and found.state is State.ON and not found.by_row
    # The words of another setting that begins with the same ones prove nothing.
    assert rows.proof(remote, Row("Remote browser data for scheduled tasks Off")) is None
    # The setting's words with no state: the setting's, showing no state.
    named = rows.proof(remote, Row("Remote browser data"))
    assert named is not None and named.state is None
    # A state word alone proves nothing without a row of the setting's words.
    assert rows.proof(LOCATION, Row("Off")) is None
    by_row = rows.proof(LOCATION, Row("Off", label="Location\nWhen it is on, ChatGPT uses..."))
    assert by_row is not None and by_row.state is State.OFF and by_row.by_row
    assert rows.proof(LOCATION, Row("On", label="Location history")) is None
    assert rows.proof(LOCATION, Row("On", label="Use your precise location")) is None
    # A row of the setting's whose one button shows no state word: no state.
    manage = rows.proof(LOCATION, Row("Manage", label="Location"))
    assert manage is not None and manage.state is None
    # Its test id proves it; the last word of its name is the state.
    improve = Switch(path="/", testid="improve-model-open-modal-button", shape="row")
    tested = rows.proof(improve, Row("Improve the model for everyone Off", testid=improve.testid))
    assert tested is not None and tested.state is State.OFF


def test_one_shown_button_is_taken_and_never_a_neighbour() -> None:
    own = Row("Off", label="Location")
    neighbour = Row("On", label="Location history")
    assert rows.choose(LOCATION, [neighbour, own]) == rows.Choice(1, 1)
    # Two buttons that both prove it: neither is taken.
    assert rows.choose(LOCATION, [own, own]).index is None
    assert rows.choose(LOCATION, [own, own]).matches == 2
    # A hidden copy is left aside.
    hidden = Row("On", label="Location", visible=False)
    assert rows.choose(LOCATION, [hidden, own]) == rows.Choice(1, 1, 1)
    assert rows.choose(LOCATION, [hidden]).index is None
    # A row whose words also name another setting proves neither.
    both = Row("Off", label="Location\nRemote browser data")
    choice = rows.choose(LOCATION, [both], others=("Remote browser data",))
    assert choice.index is None and choice.other == "Remote browser data"


async def look_at(browser: Running, markup: str, switch: Switch = LOCATION, others=()):
    """One look for ``switch``'s row button on a page holding ``markup``."""
    page = await browser.browser.new_page()
    await page.set_content(f"<main>{markup}</main>")
    return await rows.look(page, switch, tuple(others))


LEARN = '<div>When on, answers use it. <a href="#">Learn more</a></div>'


@pytest.mark.browser
@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # The dump's shape: the words, a plain button with the state, a sentence below.
        (f"<div><div><div>Location</div><button>Off</button></div>{LEARN}</div>", "off"),
        # The words and the button on one line.
        ("<p>Location <button type=button>On</button></p>", "on"),
        # The sentence inside the row: the words still begin it.
        (f"<div><div>Location</div>{LEARN}<button>Off</button></div>", "off"),
        # One button holding the words and the state.
        ("<div><button class=w-full><div>Location</div><div>On</div></button></div>", "on"),
        # A row with a second button: the state button is no longer the row's one control.
        ("<div><div>Location</div><button>Off</button><button>Help</button></div>", None),
        # Another setting's words beginning with the same one.
        ("<div><div>Location history</div><button>Off</button></div>", None),
        # The word inside a sentence names nothing.
        ("<div><div>Use your precise location</div><button>Off</button></div>", None),
        # Two rows that both say they are Location.
        ("<div><div>Location</div><button>Off</button></div>" * 2, None),
        # A button named by an aria-label that is not the state.
        (
            '<div><div>Location</div><button aria-label="Open location menu">Off</button></div>',
            None,
        ),
    ],
)
async def test_a_row_is_found_the_way_pages_draw_it(
    shared_browser: Running, markup: str, expected: str | None
) -> None:
    seen = await look_at(shared_browser, markup)
    if expected is None:
        assert isinstance(seen, rows.NotFound), seen
    else:
        assert isinstance(seen, rows.Found), seen
        assert str(seen.proof.state) == expected


@pytest.mark.browser
async def test_a_row_naming_two_settings_is_no_proof(shared_browser: Running) -> None:
    markup = (
        "<section><div>Location</div><div>Remote browser data</div><button>Off</button></section>"
    )
    seen = await look_at(shared_browser, markup, others=("Remote browser data",))
    assert isinstance(seen, rows.NotFound) and seen.other == "Remote browser data", seen


# -- on the replica of ChatGPT's Data controls tab ----------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("key", ROWS)
async def test_a_row_reads_on_and_off_with_its_neighbours_the_other_way(
    key: str, make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    engine = make_engine(plugin(replica))
    setting_id = f"chatgpt.{key}"
    for value in (True, False):
        account.settings.update({k: not value for k in TAB})
        account.settings[key] = value
        [reading] = await engine.check([setting_id])
        assert reading.state is (State.ON if value else State.OFF), reading
        assert "row" in reading.detail and "found by" in reading.detail, reading.detail
    # Reading clicks nothing of the row: no menu or dialog was opened, nothing saved.
    assert not opened(replica, key)
    assert site_of(replica).saves == []


async def each_row(check: Callable[[str], Awaitable[None]]) -> None:
    """Run ``check`` for every row at once, each in an engine of its own (the rows share
    one page, which one engine reads a row at a time); a failure names its row."""
    results = await asyncio.gather(*(check(key) for key in ROWS), return_exceptions=True)
    failed = {key: result for key, result in zip(ROWS, results, strict=True) if result}
    assert failed == {}, failed


def saves_of(replica: ReplicaServer, key: str) -> list[tuple[str, str, bool]]:
    """The saves the server recorded for ``key`` and its look-alike."""
    return [save for save in site_of(replica).saves if save[1] in (key, key + DECOY)]


@pytest.mark.browser
async def test_a_row_switched_off_is_read_back_and_only_its_own(
    make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    account.settings.update({k: k in ROWS for k in TAB})
    others = [k for k in TAB if k not in ROWS]

    async def check(key: str) -> None:
        engine = make_engine(plugin(replica))
        reading = await engine.change(f"chatgpt.{key}", State.OFF)
        assert reading.state is State.OFF, reading
        assert "read back as off" in reading.detail
        assert account.settings[key] is False
        assert [k for k in others if account.settings[k] is not False] == []
        assert saves_of(replica, key) == [(DEMO_USERNAME, key, False)]
        assert opened(replica, key)
        # Back on, through the same menu or dialog.
        reading = await engine.change(f"chatgpt.{key}", State.ON)
        assert reading.state is State.ON, reading
        assert account.settings[key] is True

    await each_row(check)
    # Nothing but each row's own two saves: no neighbour was switched.
    assert sorted(site_of(replica).saves) == sorted(
        (DEMO_USERNAME, key, value) for key in ROWS for value in (False, True)
    )
    assert [k for k in others if account.settings[k] is not False] == []
    assert site_of(replica).deletions == []


@pytest.mark.browser
async def test_a_row_the_account_lacks_is_not_read_from_a_neighbour(
    make_engine, replica: ReplicaServer
) -> None:
    """Remote browser data is absent on some accounts: the tab without the row reads
    ``unknown`` with a sentence, never a neighbour's value, and a change sends nothing."""
    account = holder(replica)
    account.settings.update({k: True for k in TAB})

    async def check(key: str) -> None:
        account.unavailable.add(key)
        engine = make_engine(plugin(replica), waits=Waits.short())
        [reading] = await engine.check([f"chatgpt.{key}"])
        assert reading.state in (State.UNKNOWN, State.UNAVAILABLE), reading
        assert "is not on it" in reading.detail, reading.detail
        changed = await engine.change(f"chatgpt.{key}", State.OFF)
        assert not changed.state.is_value, changed

    await each_row(check)
    assert site_of(replica).saves == []
    assert account.settings == {k: True for k in TAB}


@pytest.mark.browser
async def test_a_row_that_says_no_state_is_unknown_and_never_clicked(
    make_engine, replica: ReplicaServer
) -> None:
    async def check(key: str) -> None:
        site_of(replica).odd_state[key] = "Precise"
        engine = make_engine(plugin(replica))
        [reading] = await engine.check([f"chatgpt.{key}"])
        assert reading.state is State.UNKNOWN, reading
        assert "Precise" in reading.detail, reading.detail
        # Said in Japanese, the row is still quoted in the words the page shows.
        setting = next(s for s in ChatGPT.settings if s.key == key)
        told, japanese = in_japanese(reading.detail, setting)
        assert setting.label in told and japanese not in told, told
        # The capture kept of the page is told in Japanese too.
        assert "capture --show" in told and "A redacted capture" not in told, told
        changed = await engine.change(f"chatgpt.{key}", State.OFF)
        assert changed.state is State.UNKNOWN, changed
        assert not opened(replica, key)

    await each_row(check)
    assert site_of(replica).saves == []


@pytest.mark.browser
async def test_a_row_drawn_twice_is_unknown(make_engine, replica: ReplicaServer) -> None:
    async def check(key: str) -> None:
        holder(replica).doubled.add(key)
        engine = make_engine(plugin(replica))
        [reading] = await engine.check([f"chatgpt.{key}"])
        assert reading.state is State.UNKNOWN, reading
        assert "Found 2 buttons" in reading.detail, reading.detail
        changed = await engine.change(f"chatgpt.{key}", State.OFF)
        assert changed.state is State.UNKNOWN
        assert not opened(replica, key)

    await each_row(check)
    assert site_of(replica).saves == []


@pytest.mark.browser
async def test_a_look_alike_row_is_never_read_or_clicked(
    make_engine, replica: ReplicaServer
) -> None:
    """A row for another setting, drawn just before the real one in the other state
    ("Location history", "Remote browser data for scheduled tasks"): never read, never
    opened; with the real row gone, ``unknown``."""
    account = holder(replica)

    async def check(key: str) -> None:
        account.settings[key] = True
        account.decoys.add(key)
        engine = make_engine(plugin(replica), waits=Waits.short())
        [reading] = await engine.check([f"chatgpt.{key}"])
        assert reading.state is State.ON, reading
        assert account.settings[key + DECOY] is False, "the look-alike shows the other state"
        reading = await engine.change(f"chatgpt.{key}", State.OFF)
        assert reading.state is State.OFF, reading
        assert account.settings[key + DECOY] is False
        assert not opened(replica, key + DECOY)
        assert saves_of(replica, key) == [(DEMO_USERNAME, key, False)]

        account.hidden.add(key)
        [reading] = await engine.check([f"chatgpt.{key}"])
        assert reading.state is State.UNKNOWN, reading
        changed = await engine.change(f"chatgpt.{key}", State.ON)
        assert not changed.state.is_value, changed
        assert not opened(replica, key + DECOY)
        assert len(saves_of(replica, key)) == 1
        assert LOOKALIKES[key] not in reading.detail

    await each_row(check)
    assert sorted(site_of(replica).saves) == sorted((DEMO_USERNAME, k, False) for k in ROWS)


@pytest.mark.browser
@pytest.mark.parametrize("visitors", [False, True])
async def test_signed_out_rows_need_login_and_nothing_is_sent(
    visitors: bool, make_engine, replica: ReplicaServer
) -> None:
    """Signed out, and on a page that shows the tab to a visitor (no account menu),
    the rows read ``needs_login`` and a change is refused."""
    site = site_of(replica)
    site.open_to_visitors = visitors
    before = dict(holder(replica).settings)
    engine = make_engine(plugin(replica), signed_in=False, waits=Waits.short())
    readings = await engine.check([f"chatgpt.{key}" for key in ROWS])
    assert [r.state for r in readings] == [State.NEEDS_LOGIN] * 2, readings
    changed = await engine.change("chatgpt.location", State.ON)
    assert not changed.state.is_value, changed
    assert site.saves == []
    assert holder(replica).settings == before
    assert not any(opened(replica, key) for key in ROWS)


@pytest.mark.browser
async def test_a_confirmation_after_the_choice_is_answered_only_when_known(
    make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)

    async def check(key: str) -> None:
        account.settings[key] = True
        account.confirms[key] = "known"
        engine = make_engine(plugin(replica))
        reading = await engine.change(f"chatgpt.{key}", State.OFF)
        assert reading.state is State.OFF, reading
        account.settings[key] = True
        account.confirms[key] = "strange"
        reading = await engine.change(f"chatgpt.{key}", State.OFF)
        assert reading.state is State.UNKNOWN, reading
        assert "cancelled" in reading.detail and "Delete my history too" in reading.detail
        assert account.settings[key] is True
        assert saves_of(replica, key) == [(DEMO_USERNAME, key, False)]

    await each_row(check)
    assert sorted(site_of(replica).saves) == sorted((DEMO_USERNAME, k, False) for k in ROWS)


@pytest.mark.browser
async def test_a_refused_save_is_not_reported_done(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica)
    account.settings["location"] = True
    account.failing.add("location")
    reading = await make_engine(plugin(replica)).change("chatgpt.location", State.OFF)
    assert reading.state is State.ON, reading
    assert "HTTP 500" in reading.detail or "did not keep" in reading.detail, reading.detail


@pytest.mark.browser
async def test_nothing_that_deletes_is_ever_pressed(
    shared_browser: Running, make_engine, replica: ReplicaServer
) -> None:
    """The tab holds "Delete all chats" and the Account tab "Delete account"; reading and
    changing every setting of the tab, both ways, never presses either. Pressed by
    hand, the replica records it: the check can fail."""

    site = site_of(replica)
    ids = [f"chatgpt.{key}" for key in ("improve_model", *ROWS)]

    async def both_ways(setting_id: str) -> list[object]:
        """What went wrong switching ``setting_id`` off and on again (nothing: [])."""
        engine = make_engine(plugin(replica))
        wrong: list[object] = []
        for value in (State.OFF, State.ON):
            reading = await engine.change(setting_id, value)
            if reading.state is not value:
                wrong.append((setting_id, value, reading))
        return wrong

    # Each setting in an engine of its own: they share one page.
    turned = await asyncio.gather(*(both_ways(setting_id) for setting_id in ids))
    assert [wrong for wrong in turned if wrong] == []
    assert all(r.state is State.ON for r in await make_engine(plugin(replica)).check(ids))
    assert site.deletions == []

    browser = shared_browser.browser
    context = await browser.new_context(storage_state=replica.storage_state("chatgpt"))
    page = await context.new_page()
    await page.goto(replica.origins["chatgpt"] + "/#settings/DataControls")
    await page.get_by_role("button", name="Delete all Delete all chats").click()
    await page.get_by_role("tab", name="Account").click()
    await page.get_by_role("button", name="Delete Delete account").click()
    await page.wait_for_timeout(300)
    assert [what for _, what in site.deletions] == ["all chats", "account"]


@pytest.mark.browser
async def test_the_tab_opens_at_its_address_and_by_the_clicks(
    shared_browser: Running, replica: ReplicaServer
) -> None:
    """``/#settings/DataControls`` opens the tab; so do the test ids of the menu route.
    The account menu is drawn only for a signed-in account."""

    origin = replica.origins["chatgpt"]
    browser = shared_browser.browser
    context = await browser.new_context(storage_state=replica.storage_state("chatgpt"))
    page = await context.new_page()
    await page.goto(origin + "/#settings/DataControls")
    panel = page.get_by_role("tabpanel")
    await panel.get_by_text("Remote browser data").wait_for()
    names = await panel.get_by_role("button").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || e.innerText)"
    )
    flat = [" ".join(n.split()) for n in names]
    assert flat == [
        "Improve the model for everyone On",
        "Off",
        "Remote browser data On",
        "Manage Shared links",
        "Manage Archived chats",
        "Archive all Archive all chats",
        "Delete all Delete all chats",
        "Export Export data",
        "Marketing privacy",
    ], flat
    await page.goto(origin + "/")
    await page.locator('[data-testid="accounts-profile-button"]').click()
    await page.locator('[data-testid="settings-menu-item"]').click()
    await page.locator('[data-testid="data-controls-tab"]').click()
    await page.get_by_text("Remote browser data").wait_for()
    assert page.url.endswith("#settings/DataControls")
    visitor = await browser.new_page()
    await visitor.goto(origin + "/#settings/DataControls")
    await visitor.get_by_role("button", name="Log in").wait_for()
    assert await visitor.locator('[data-testid="accounts-profile-button"]').count() == 0
