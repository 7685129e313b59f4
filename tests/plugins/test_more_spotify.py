"""Spotify's Account privacy page: tailored ads and Facebook data, two switches.

Against ``automation/replicas/spotify.py`` (built on a crawl of the signed-in page), in
real Chromium: each switch reads its own value beside the other set the other way, the
page is found under the account's market, a change reaches the server and is read
back, and the "Download your data" neighbours are never touched.
"""

from __future__ import annotations

import pytest

from automation.domain.settings import State
from automation.page.waits import Waits
from automation.plugins.spotify import MARKET_PATH, Spotify
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.server import DECOY, Account
from automation.replicas.spotify import SpotifySite

ADS = "spotify.tailored_ads"
FACEBOOK = "spotify.facebook_data"


def holder(replica: ReplicaServer) -> Account:
    return replica.sites["spotify"].account(DEMO_USERNAME)


def site(replica: ReplicaServer) -> SpotifySite:
    found = replica.sites["spotify"]
    assert isinstance(found, SpotifySite)
    return found


def plugin(replica: ReplicaServer) -> Spotify:
    return Spotify(replica.origins["spotify"])


def test_a_market_is_a_language_or_country_part_before_the_page() -> None:
    for path in ("/us/account/privacy/", "/de/account/privacy", "/uk-en/account/privacy/"):
        assert MARKET_PATH.match(path), path
    for path in ("/account/privacy/", "/us/account/overview/", "/us/x/account/privacy/"):
        assert not MARKET_PATH.match(path), path
    assert Spotify.setting("tailored_ads").url == "https://www.spotify.com/account/privacy/"


@pytest.mark.browser
@pytest.mark.parametrize("ads", [True, False], ids=["ads-on", "ads-off"])
async def test_each_switch_reads_its_own_value_under_the_market(
    ads: bool, make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    account.settings.update(tailored_ads=ads, facebook_data=not ads)
    readings = {r.setting_id: r for r in await make_engine(plugin(replica)).check([ADS, FACEBOOK])}
    assert readings[ADS].state is (State.ON if ads else State.OFF), readings[ADS]
    assert readings[FACEBOOK].state is (State.OFF if ads else State.ON), readings[FACEBOOK]
    for reading in readings.values():
        assert reading.url and reading.url.endswith("/us/account/privacy/"), reading.url


@pytest.mark.browser
async def test_tailored_ads_off_is_saved_and_read_back_and_nothing_else_moves(
    make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    account.settings.update(tailored_ads=True, facebook_data=True)
    account.decoys.add("tailored_ads")
    engine = make_engine(plugin(replica))
    reading = await engine.change(ADS, State.OFF)
    assert reading.state is State.OFF, reading
    assert account.settings["tailored_ads"] is False
    assert account.settings["facebook_data"] is True
    assert account.settings["tailored_ads" + DECOY] is False  # drawn the other way, untouched
    assert site(replica).saves == [(DEMO_USERNAME, "tailored_ads", False)]
    assert site(replica).requests == []


@pytest.mark.browser
async def test_signed_out_reads_needs_login(make_engine, replica: ReplicaServer) -> None:
    engine = make_engine(plugin(replica), signed_in=False)
    readings = await engine.check([ADS, FACEBOOK])
    assert [r.state for r in readings] == [State.NEEDS_LOGIN, State.NEEDS_LOGIN], readings
    assert site(replica).saves == []


@pytest.mark.browser
async def test_a_page_that_sends_the_browser_elsewhere_is_not_read(
    make_engine, replica: ReplicaServer
) -> None:
    holder(replica).moved.add("tailored_ads")
    [reading] = await make_engine(plugin(replica)).check([ADS])
    assert reading.state is State.UNKNOWN, reading
    assert "instead of the settings page" in reading.detail


@pytest.mark.browser
@pytest.mark.parametrize(
    ("how", "state"),
    [
        ("not_offered", State.UNAVAILABLE),
        ("disabled", State.UNAVAILABLE),
        ("hidden", State.UNKNOWN),
    ],
)
async def test_a_switch_that_is_not_there_says_why(
    how: str, state: State, make_engine, replica: ReplicaServer
) -> None:
    getattr(holder(replica), how).add("facebook_data")
    engine = make_engine(plugin(replica), waits=Waits.short())
    readings = {r.setting_id: r for r in await engine.check([ADS, FACEBOOK])}
    assert readings[FACEBOOK].state is state, readings[FACEBOOK]
    assert readings[ADS].state is State.ON, "the neighbour still reads its own value"
    assert site(replica).saves == []
