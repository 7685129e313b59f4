"""Meta's "Activity information from ad partners", a radio pair in an Accounts Center dialog.

Against ``automation/replicas/meta.py`` (built on a crawl of the signed-in page and on
public automation of the setting), in real Chromium: each reading is checked against
what the replica's server holds, a change must reach it, the look-alike pair with the
same radio names is never read or chosen, and the objection form stays a row done by
hand.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from automation.domain.settings import Kind, State
from automation.page.radios import Radios
from automation.page.waits import Waits
from automation.plugins.meta import ACTIVITY_FROM_PARTNERS, Meta
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.meta import KEY, OLD_PATH
from automation.replicas.server import DECOY, Account

SETTING = "meta.activity_from_partners"


def holder(replica: ReplicaServer) -> Account:
    return replica.sites["meta"].account(DEMO_USERNAME)


def plugin(replica: ReplicaServer) -> Meta:
    return Meta(replica.origins["meta"])


def test_the_objection_stays_by_hand_and_the_new_setting_is_a_radio_pair() -> None:
    objection = Meta.setting("ai_objection")
    assert objection.kind is Kind.MANUAL and objection.url.startswith("https://www.facebook.com/")
    assert isinstance(ACTIVITY_FROM_PARTNERS.switch, Radios)
    owned = Meta.setting("activity_from_partners")
    assert owned.url == "https://accountscenter.facebook.com/ads/data_from_partners/"
    assert ACTIVITY_FROM_PARTNERS.recommended is State.OFF


@pytest.mark.browser
@pytest.mark.parametrize("held", [True, False], ids=["yes", "no"])
async def test_reads_the_chosen_answer(held: bool, make_engine, replica: ReplicaServer) -> None:
    holder(replica).settings[KEY] = held
    [reading] = await make_engine(plugin(replica)).check([SETTING])
    assert reading.state is (State.ON if held else State.OFF), reading
    assert ("Yes, show me ads" if held else "No, don") in reading.detail


@pytest.mark.browser
async def test_no_is_chosen_confirmed_and_read_back_beside_a_look_alike(
    make_engine, replica: ReplicaServer
) -> None:
    """A pair for "Ads from ad partners in other apps", with the same radio names
    (``radio1``, ``radio2``) and the other answer, is drawn before the dialog: the
    public automation's locator (the first ``[name="radio1"]``) would take it."""
    account = holder(replica)
    account.settings[KEY] = True
    account.decoys.add(KEY)
    engine = make_engine(plugin(replica))
    [before] = await engine.check([SETTING])
    assert before.state is State.ON, before
    assert account.settings[KEY + DECOY] is False
    reading = await engine.change(SETTING, State.OFF)
    assert reading.state is State.OFF, reading
    assert account.settings[KEY] is False
    assert account.settings[KEY + DECOY] is False
    assert replica.sites["meta"].saves == [(DEMO_USERNAME, KEY, False)]


@pytest.mark.browser
async def test_the_older_address_public_automation_used_leads_to_the_same_dialog(
    make_engine, replica: ReplicaServer
) -> None:
    """Read from the older address first: its redirect to the crawl's address is the same
    page (one of the page's known addresses), so the answer is read there."""
    holder(replica).settings[KEY] = False
    switch = ACTIVITY_FROM_PARTNERS.switch
    assert switch is not None and OLD_PATH in switch.fallbacks
    older = replace(switch, path=OLD_PATH, fallbacks=(switch.path,))

    class OlderMeta(Meta):
        settings = (replace(ACTIVITY_FROM_PARTNERS, switch=older),)

    [reading] = await make_engine(OlderMeta(replica.origins["meta"])).check([SETTING])
    assert reading.state is State.OFF, reading
    assert reading.url and reading.url.endswith("/ads/data_from_partners/")


@pytest.mark.browser
async def test_signed_out_reads_needs_login_and_sends_nothing(
    make_engine, replica: ReplicaServer
) -> None:
    engine = make_engine(plugin(replica), signed_in=False)
    [reading] = await engine.check([SETTING])
    assert reading.state is State.NEEDS_LOGIN, reading
    assert replica.sites["meta"].saves == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("how", "state"),
    [("not_offered", State.UNAVAILABLE), ("hidden", State.UNKNOWN), ("doubled", State.UNKNOWN)],
)
async def test_a_dialog_without_one_clear_pair_says_why(
    how: str, state: State, make_engine, replica: ReplicaServer
) -> None:
    getattr(holder(replica), how).add(KEY)
    engine = make_engine(plugin(replica), waits=Waits.short())
    [reading] = await engine.check([SETTING])
    assert reading.state is state, reading
    changed = await engine.change(SETTING, State.OFF)
    assert not changed.state.is_value
    assert replica.sites["meta"].saves == []


@pytest.mark.browser
async def test_a_reworded_answer_reads_unknown(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica)
    account.labels[KEY] = "Yes, use my activity to show me better ads"
    [reading] = await make_engine(plugin(replica), waits=Waits.short()).check([SETTING])
    assert reading.state is State.UNKNOWN, reading
