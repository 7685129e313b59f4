"""A chip that shows its state and opens a menu, against Google's replica in real Chromium.

Google's Gemini Apps Activity and Web & App Activity are each a chip ("On" and a caret)
whose menu offers "Turn off" (1 step) and "Turn off and delete activity" (2 steps),
followed by a confirmation. Each test sets the setting and its neighbours to different
values and checks what the replica's server holds: the saves, the deletions and every
menu item and confirmation button clicked, not only what the plugin says.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from automation.domain.settings import State
from automation.page import chips
from automation.page.waits import Waits
from automation.plugins.google import Google
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.google import DECOY_NAME, DELETE, TURN_OFF, GoogleSite
from automation.replicas.server import DECOY, Account

KEYS = ("gemini_activity", "web_app_activity")
#: Each setting's neighbours on its page, which no change may touch.
NEIGHBOURS = {
    "gemini_activity": ("gemini_audio",),
    "web_app_activity": ("waa_chrome", "waa_voice"),
}
#: The word that confirms "Turn off" on each page.
CONFIRMED_BY = {"gemini_activity": "Got it", "web_app_activity": "Pause"}


def account(replica: ReplicaServer) -> Account:
    return replica.sites["google"].account(DEMO_USERNAME)


def site(replica: ReplicaServer) -> GoogleSite:
    found = replica.sites["google"]
    assert isinstance(found, GoogleSite)
    return found


def clicked(replica: ReplicaServer) -> list[str]:
    """The words of every menu item and confirmation button clicked on the pages."""
    return [words for _, _, words in site(replica).clicks]


def nothing_deleted(replica: ReplicaServer) -> None:
    assert site(replica).deletions == []
    assert not any(
        word in words.lower()
        for words in clicked(replica)
        for word in ("delete", "erase", "remove")
    ), clicked(replica)


# -- the shape, without a browser ------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "label", "state"),
    [
        ("On", "Turn off your Keep Activity setting", State.ON),
        ("Off", "Turn on your Keep Activity setting", State.OFF),
        ("\n On \n", "", State.ON),
        ("On", "Turn on your Keep Activity setting", None),
        ("Off", "Turn off your Keep Activity setting", None),
        ("Activé", "Turn off your Keep Activity setting", None),
        ("On\nsince today", "Turn off your Keep Activity setting", None),
    ],
)
def test_a_chip_tells_its_state_by_its_word_with_its_name_agreeing(
    shown: str, label: str, state: State | None
) -> None:
    assert chips.state_of(shown, label).state is state


def item(*texts: str, label: str = "") -> chips.Item:
    return chips.Item.from_page({"texts": list(texts), "label": label})


def test_an_item_is_named_without_its_hint() -> None:
    plain = item("Turn off", "1 step")
    assert (plain.name, plain.hint) == ("Turn off", "1 step")
    assert item("Turn off 1 step").name == "Turn off"
    assert item("Turn off and delete activity", "2 steps").forbidden
    assert not plain.forbidden


def test_only_the_plain_item_is_picked_and_never_one_that_deletes() -> None:
    menu = [item("Turn off", "1 step"), item("Turn off and delete activity", "2 steps")]
    assert chips.pick(menu, ("Turn off",)) == 0
    assert chips.pick(menu[::-1], ("Turn off",)) == 1
    # Whatever the wordings say, an item that deletes is never chosen.
    assert chips.pick(menu, ("Turn off and delete activity",)) is None
    assert chips.pick([item("Remove", label="Turn off")], ("Turn off",)) is None
    assert chips.pick([item("Turn off now", "1 step")], ("Turn off",)) is None
    assert chips.pick([item("Turn off"), item("Turn off")], ("Turn off",)) is None
    assert chips.pick([], ("Turn off",)) is None


# -- reading ------------------------------------------------------------------------------------


@pytest.mark.browser
async def test_reads_on_and_off_from_the_chip_beside_its_neighbours(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica)
    # Each setting's page shows its neighbours the other way.
    for value in (True, False):
        for key in KEYS:
            holder.settings[key] = value
            holder.settings.update(dict.fromkeys(NEIGHBOURS[key], not value))
        engines = [make_engine(Google(replica.origins["google"])) for _ in KEYS]
        read = await asyncio.gather(
            *(engine.check([f"google.{key}"]) for engine, key in zip(engines, KEYS, strict=True))
        )
        for key, [reading] in zip(KEYS, read, strict=True):
            assert reading.state is (State.ON if value else State.OFF), (key, reading)
            assert f'shows "{"On" if value else "Off"}"' in reading.detail, (key, reading)
    assert site(replica).saves == []
    assert site(replica).clicks == []


@pytest.mark.browser
async def test_reads_the_older_name_of_the_gemini_setting(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica)
    holder.labels["gemini_activity"] = "Gemini Apps Activity"
    holder.settings["gemini_activity"] = False
    [reading] = await make_engine(Google(replica.origins["google"])).check(
        ["google.gemini_activity"]
    )
    assert reading.state is State.OFF, reading
    assert 'label "Gemini Apps Activity"' in reading.detail


# -- writing ------------------------------------------------------------------------------------


async def each_key(check: Callable[[str], Awaitable[None]]) -> None:
    """Run ``check`` for both settings at once (each on its own page, in an engine of its
    own); a failure names its setting."""
    results = await asyncio.gather(*(check(key) for key in KEYS), return_exceptions=True)
    failed = {key: result for key, result in zip(KEYS, results, strict=True) if result}
    assert failed == {}, failed


def saves_of(replica: ReplicaServer, key: str) -> list[tuple[str, str, bool]]:
    """The saves the server recorded for ``key`` and its look-alike."""
    return [save for save in site(replica).saves if save[1] in (key, key + DECOY)]


def clicked_for(replica: ReplicaServer, key: str) -> list[str]:
    """The words clicked on ``key``'s page (its own menu and its look-alike's)."""
    return [words for _, k, words in site(replica).clicks if k in (key, key + DECOY)]


@pytest.mark.browser
async def test_turning_off_chooses_plain_turn_off_confirms_and_deletes_nothing(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica)

    async def check(key: str) -> None:
        before = {n: holder.settings[n] for n in NEIGHBOURS[key]}
        engine = make_engine(Google(replica.origins["google"]))
        reading = await engine.change(f"google.{key}", State.OFF)
        assert reading.state is State.OFF, reading
        assert "read back as off after reloading" in reading.detail
        assert holder.settings[key] is False
        assert saves_of(replica, key) == [(DEMO_USERNAME, key, False)]
        assert clicked_for(replica, key) == [TURN_OFF, CONFIRMED_BY[key]]
        assert DELETE not in clicked_for(replica, key)
        nothing_deleted(replica)
        assert {n: holder.settings[n] for n in NEIGHBOURS[key]} == before
        # A fresh check reads it off too.
        [again] = await engine.check([f"google.{key}"])
        assert again.state is State.OFF, again

    await each_key(check)
    assert sorted(site(replica).saves) == sorted((DEMO_USERNAME, k, False) for k in KEYS)
    assert len(site(replica).clicks) == 4, site(replica).clicks


@pytest.mark.browser
async def test_turning_on_chooses_turn_on_and_reads_it_back(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica)

    async def check(key: str) -> None:
        holder.settings[key] = False
        engine = make_engine(Google(replica.origins["google"]))
        reading = await engine.change(f"google.{key}", State.ON)
        assert reading.state is State.ON, reading
        assert holder.settings[key] is True
        assert saves_of(replica, key) == [(DEMO_USERNAME, key, True)]
        assert clicked_for(replica, key) == ["Turn on"]
        nothing_deleted(replica)

    await each_key(check)
    assert sorted(site(replica).saves) == sorted((DEMO_USERNAME, k, True) for k in KEYS)
    assert len(site(replica).clicks) == 2, site(replica).clicks


@pytest.mark.browser
async def test_a_setting_already_as_asked_is_left_alone(
    make_engine, replica: ReplicaServer
) -> None:
    account(replica).settings["gemini_activity"] = False
    engine = make_engine(Google(replica.origins["google"]))
    reading = await engine.change("google.gemini_activity", State.OFF)
    assert reading.state is State.OFF, reading
    assert "already off" in reading.detail
    assert site(replica).saves == [] and site(replica).clicks == []


# -- what must never be read or pressed ---------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    "menu",
    [
        ((DELETE, "2 steps"),),
        (("Turn off for now", "1 step"), (DELETE, "2 steps")),
        ((TURN_OFF, "1 step"), (TURN_OFF, "1 step"), (DELETE, "2 steps")),
    ],
    ids=["only-delete", "reworded", "twice"],
)
async def test_a_menu_without_one_plain_turn_off_is_closed_untouched(
    make_engine, replica: ReplicaServer, menu: tuple[tuple[str, str], ...]
) -> None:
    site(replica).menus[True] = menu
    holder = account(replica)
    before = dict(holder.settings)
    engine = make_engine(Google(replica.origins["google"]), waits=Waits.short())
    reading = await engine.change("google.gemini_activity", State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert "nothing was chosen" in reading.detail
    assert "nothing was deleted" in reading.detail
    assert site(replica).saves == []
    assert site(replica).clicks == []
    nothing_deleted(replica)
    assert holder.settings == before


@pytest.mark.browser
async def test_a_look_alike_chip_for_another_setting_is_never_read_or_clicked(
    make_engine, replica: ReplicaServer
) -> None:
    """A "YouTube History" chip drawn first, in the other state, with the same menu."""
    holder = account(replica)

    async def check(key: str) -> None:
        holder.decoys.add(key)
        engine = make_engine(Google(replica.origins["google"]))
        [reading] = await engine.check([f"google.{key}"])
        assert reading.state is State.ON, reading
        assert holder.settings[key + DECOY] is False
        reading = await engine.change(f"google.{key}", State.OFF)
        assert reading.state is State.OFF, reading
        assert saves_of(replica, key) == [(DEMO_USERNAME, key, False)]
        assert holder.settings[key + DECOY] is False
        nothing_deleted(replica)
        assert DECOY_NAME not in reading.detail

    await each_key(check)
    assert sorted(site(replica).saves) == sorted((DEMO_USERNAME, k, False) for k in KEYS)
    assert all(k in KEYS for _, k, _ in site(replica).clicks), site(replica).clicks


@pytest.mark.browser
async def test_two_chips_that_name_the_setting_are_not_guessed_between(
    make_engine, replica: ReplicaServer
) -> None:
    account(replica).doubled.add("gemini_activity")
    engine = make_engine(Google(replica.origins["google"]), waits=Waits.short())
    [reading] = await engine.check(["google.gemini_activity"])
    assert reading.state is State.UNKNOWN, reading
    assert "Found 2 controls" in reading.detail
    changed = await engine.change("google.gemini_activity", State.OFF)
    assert changed.state is State.UNKNOWN, changed
    assert site(replica).saves == [] and site(replica).clicks == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("shown", "named"),
    [
        ({True: "Activé", False: "Désactivé"}, None),
        (None, {True: "Turn on your {name} setting", False: "Turn off your {name} setting"}),
    ],
    ids=["neither-on-nor-off", "name-disagrees"],
)
async def test_a_chip_that_tells_no_state_is_unknown_and_untouched(
    make_engine,
    replica: ReplicaServer,
    shown: dict[bool, str] | None,
    named: dict[bool, str] | None,
) -> None:
    if shown is not None:
        site(replica).shown = shown
    if named is not None:
        site(replica).named = named
    engine = make_engine(Google(replica.origins["google"]))
    [reading] = await engine.check(["google.gemini_activity"])
    assert reading.state is State.UNKNOWN, reading
    assert "tells no state" in reading.detail
    changed = await engine.change("google.gemini_activity", State.OFF)
    assert changed.state is State.UNKNOWN, changed
    assert "Nothing was clicked" in changed.detail
    assert site(replica).saves == [] and site(replica).clicks == []
    assert account(replica).settings["gemini_activity"] is True


@pytest.mark.browser
async def test_a_confirmation_that_offers_only_a_deletion_is_cancelled(
    make_engine, replica: ReplicaServer
) -> None:
    """After "Turn off", a dialog whose way on is "Delete my history too": cancelled."""
    account(replica).confirms["gemini_activity"] = "strange"
    engine = make_engine(Google(replica.origins["google"]))
    reading = await engine.change("google.gemini_activity", State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert "cancelled" in reading.detail
    assert clicked(replica) == [TURN_OFF, "Cancel"]
    assert site(replica).saves == []
    nothing_deleted(replica)
    assert account(replica).settings["gemini_activity"] is True


# -- the account and the page -------------------------------------------------------------------


@pytest.mark.browser
async def test_signed_out_reads_needs_login_and_changes_nothing(
    make_engine, replica: ReplicaServer
) -> None:
    async def check(key: str) -> None:
        engine = make_engine(Google(replica.origins["google"]), signed_in=False)
        [reading] = await engine.check([f"google.{key}"])
        assert reading.state is State.NEEDS_LOGIN, reading
        changed = await engine.change(f"google.{key}", State.OFF)
        assert not changed.state.is_value, changed
        assert account(replica).settings[key] is True

    await each_key(check)
    assert site(replica).saves == [] and site(replica).clicks == []


@pytest.mark.browser
async def test_shown_to_a_visitor_the_chip_is_not_read_as_the_account(
    make_engine, replica: ReplicaServer
) -> None:
    """A page served to a visitor with no Google session draws the chip, and still reads
    ``needs_login``: only the account's session cookie proves whose page it is."""
    google = site(replica)
    google.open_to_visitors = True
    engine = make_engine(Google(replica.origins["google"]), signed_in=False, waits=Waits.short())
    [reading] = await engine.check(["google.gemini_activity"])
    assert reading.state is State.NEEDS_LOGIN, reading
    changed = await engine.change("google.gemini_activity", State.OFF)
    assert not changed.state.is_value, changed
    assert google.saves == [] and google.clicks == []
    assert google.visitor.settings["gemini_activity"] is True


@pytest.mark.browser
@pytest.mark.parametrize(
    ("option", "state", "words"),
    [
        ("not_offered", State.UNAVAILABLE, "isn't available"),
        ("unavailable", State.UNAVAILABLE, "HTTP 404"),
        ("hidden", State.UNKNOWN, "not on it"),
        ("disabled", State.UNAVAILABLE, "disabled"),
    ],
)
async def test_a_page_without_a_chip_to_use_says_why(
    make_engine, replica: ReplicaServer, option: str, state: State, words: str
) -> None:
    getattr(account(replica), option).add("gemini_activity")
    engine = make_engine(Google(replica.origins["google"]), waits=Waits.short())
    [reading] = await engine.check(["google.gemini_activity"])
    assert reading.state is state, reading
    assert words in reading.detail
    changed = await engine.change("google.gemini_activity", State.OFF)
    assert changed.state is state, changed
    assert site(replica).saves == [] and site(replica).clicks == []


@pytest.mark.browser
async def test_a_refused_save_reads_back_as_still_on(make_engine, replica: ReplicaServer) -> None:
    account(replica).failing.add("web_app_activity")
    engine = make_engine(Google(replica.origins["google"]))
    reading = await engine.change("google.web_app_activity", State.OFF)
    assert reading.state is State.ON, reading
    assert "HTTP 500" in reading.detail
    assert account(replica).settings["web_app_activity"] is True
    nothing_deleted(replica)
