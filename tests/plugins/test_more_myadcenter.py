"""Google My Ad Center's personalized ads: a button that offers the change.

The matching is tried without a browser first; then the replica
(``automation/replicas/myadcenter.py``, built on public automation of the real page) in
real Chromium: the state comes from what the button under "Personalized ads" offers, a
change is confirmed in the dialog and read back, and a look-alike card with the same
buttons drawn first is never read or pressed.
"""

from __future__ import annotations

import pytest

from automation.domain.settings import State, Switch
from automation.page import offers
from automation.page.offers import Button
from automation.page.waits import Waits
from automation.plugins.myadcenter import MyAdCenter
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.server import DECOY, Account

SETTING = "myadcenter.personalized_ads"
KEY = "personalized_ads"
ADS = Switch(path="/", names=("Personalized ads",), shape="offer")


def test_a_button_shows_the_state_by_the_change_it_offers() -> None:
    assert offers.offered("Turn off") is State.ON
    assert offers.offered(" turn ON ") is State.OFF
    for other in ("Turn off and delete activity", "Pause", "On", "Off", ""):
        assert offers.offered(other) is None, other


def test_only_a_button_under_the_setting_s_heading_alone_there_is_the_setting_s() -> None:
    own = Button("Turn off", ("Personalized ads",))
    assert offers.proof(ADS, own) is not None
    # Under another heading, or sharing its place with another such button: no proof.
    assert offers.proof(ADS, Button("Turn off", ("Sensitive topics",))) is None
    assert offers.proof(ADS, Button("Turn off", ("Personalized ads",), crowded=1)) is None
    assert offers.proof(ADS, Button("Delete", ("Personalized ads",))) is None
    decoy = Button("Turn on", ("Ads about sensitive topics",))
    assert offers.choose(ADS, [decoy, own]) == (1, 1)
    assert offers.choose(ADS, [own, own]) == (None, 2)
    assert offers.choose(ADS, [Button("Turn off", ("Personalized ads",), visible=False)]) == (
        None,
        0,
    )


def holder(replica: ReplicaServer) -> Account:
    return replica.sites["myadcenter"].account(DEMO_USERNAME)


def plugin(replica: ReplicaServer) -> MyAdCenter:
    return MyAdCenter(replica.origins["myadcenter"])


@pytest.mark.browser
@pytest.mark.parametrize("held", [True, False], ids=["on", "off"])
async def test_reads_what_the_button_offers(
    held: bool, make_engine, replica: ReplicaServer
) -> None:
    holder(replica).settings[KEY] = held
    [reading] = await make_engine(plugin(replica)).check([SETTING])
    assert reading.state is (State.ON if held else State.OFF), reading
    assert ('offers "Turn off"' if held else 'offers "Turn on"') in reading.detail


@pytest.mark.browser
@pytest.mark.parametrize("target", [State.OFF, State.ON])
async def test_a_change_is_confirmed_and_read_back_beside_a_look_alike(
    target: State, make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    account.settings[KEY] = target is State.OFF
    account.decoys.add(KEY)
    engine = make_engine(plugin(replica))
    [before] = await engine.check([SETTING])
    assert before.state is (State.ON if target is State.OFF else State.OFF), before
    reading = await engine.change(SETTING, target)
    assert reading.state is target, reading
    assert account.settings[KEY] is (target is State.ON)
    # The look-alike, drawn first in the other position, kept its own.
    assert account.settings[KEY + DECOY] is (target is State.ON)
    assert replica.sites["myadcenter"].saves == [(DEMO_USERNAME, KEY, target is State.ON)]


@pytest.mark.browser
async def test_a_refused_save_is_not_reported_as_done(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica)
    account.settings[KEY] = True
    account.failing.add(KEY)
    reading = await make_engine(plugin(replica)).change(SETTING, State.OFF)
    assert reading.state is State.ON, reading
    assert "HTTP 500" in reading.detail


@pytest.mark.browser
@pytest.mark.parametrize(
    ("how", "state"),
    [
        ("not_offered", State.UNAVAILABLE),
        ("disabled", State.UNAVAILABLE),
        ("hidden", State.UNKNOWN),
        ("doubled", State.UNKNOWN),
    ],
)
async def test_a_card_without_one_clear_button_says_why(
    how: str, state: State, make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    getattr(account, how).add(KEY)
    account.decoys.add(KEY)
    engine = make_engine(plugin(replica), waits=Waits.short())
    [reading] = await engine.check([SETTING])
    assert reading.state is state, reading
    changed = await engine.change(SETTING, State.OFF)
    assert not changed.state.is_value
    assert replica.sites["myadcenter"].saves == []


@pytest.mark.browser
async def test_a_button_under_other_words_is_not_taken(make_engine, replica: ReplicaServer) -> None:
    holder(replica).labels[KEY] = "Ads that follow you"
    [reading] = await make_engine(plugin(replica), waits=Waits.short()).check([SETTING])
    assert reading.state is State.UNKNOWN, reading
    assert "Personalized ads" in reading.detail


@pytest.mark.browser
async def test_signed_out_reads_needs_login(make_engine, replica: ReplicaServer) -> None:
    [reading] = await make_engine(plugin(replica), signed_in=False).check([SETTING])
    assert reading.state is State.NEEDS_LOGIN, reading
