"""Google: the audio and Gemini Live recordings box under Keep Activity.

Against ``automation/replicas/google.py`` (the Gemini page as a copy measured off the
live page draws it), in real Chromium: the row is read by its own words beside the Keep
Activity chip set the other way, a change reaches only it and is read back, and a
look-alike row, a missing row or a reworded one are never taken for it.
"""

from __future__ import annotations

import pytest

from automation.domain.settings import State
from automation.page.waits import Waits
from automation.plugins.google import Google
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.google import GoogleSite
from automation.replicas.server import DECOY, Account

AUDIO = "google.gemini_audio"


def holder(replica: ReplicaServer) -> Account:
    return replica.sites["google"].account(DEMO_USERNAME)


def site(replica: ReplicaServer) -> GoogleSite:
    found = replica.sites["google"]
    assert isinstance(found, GoogleSite)
    return found


def plugin(replica: ReplicaServer) -> Google:
    return Google(replica.origins["google"])


@pytest.mark.browser
@pytest.mark.parametrize("held", [True, False], ids=["ticked", "unticked"])
async def test_the_box_reads_its_own_value_beside_the_chip(
    held: bool, make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    account.settings.update(gemini_audio=held, gemini_activity=not held)
    readings = {
        r.setting_id: r
        for r in await make_engine(plugin(replica)).check([AUDIO, "google.gemini_activity"])
    }
    assert readings[AUDIO].state is (State.ON if held else State.OFF), readings[AUDIO]
    assert readings["google.gemini_activity"].state is (State.OFF if held else State.ON)


@pytest.mark.browser
async def test_unticking_reaches_only_the_box_and_is_read_back(
    make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    account.settings.update(gemini_audio=True, gemini_activity=True)
    account.decoys.add("gemini_audio")
    engine = make_engine(plugin(replica))
    reading = await engine.change(AUDIO, State.OFF)
    assert reading.state is State.OFF, reading
    assert account.settings["gemini_audio"] is False
    assert account.settings["gemini_activity"] is True
    assert account.settings["gemini_audio" + DECOY] is False
    assert site(replica).saves == [(DEMO_USERNAME, "gemini_audio", False)]
    assert site(replica).deletions == []


@pytest.mark.browser
async def test_the_earlier_wording_is_still_the_box(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica)
    account.settings["gemini_audio"] = True
    account.labels["gemini_audio"] = (
        "Improve Google services for everyone with your audio and Gemini Live recordings"
    )
    [reading] = await make_engine(plugin(replica)).check([AUDIO])
    assert reading.state is State.ON, reading


@pytest.mark.browser
@pytest.mark.parametrize(
    ("how", "state"),
    [
        ("hidden", State.UNKNOWN),
        ("not_offered", State.UNAVAILABLE),
        ("disabled", State.UNAVAILABLE),
        ("doubled", State.UNKNOWN),
    ],
)
async def test_a_box_that_is_not_there_once_says_why(
    how: str, state: State, make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    getattr(account, how).add("gemini_audio")
    account.decoys.add("gemini_audio")
    [reading] = await make_engine(plugin(replica), waits=Waits.short()).check([AUDIO])
    assert reading.state is state, reading
    assert site(replica).saves == []


@pytest.mark.browser
async def test_a_row_in_other_words_is_not_the_box(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica)
    account.labels["gemini_audio"] = "Use your recordings to make Gemini better"
    [reading] = await make_engine(plugin(replica), waits=Waits.short()).check([AUDIO])
    assert reading.state is State.UNKNOWN, reading


@pytest.mark.browser
async def test_signed_out_reads_needs_login(make_engine, replica: ReplicaServer) -> None:
    [reading] = await make_engine(plugin(replica), signed_in=False).check([AUDIO])
    assert reading.state is State.NEEDS_LOGIN, reading
