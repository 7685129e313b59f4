"""Reddit's "Ads off Reddit", the switch under the ad-personalisation one, in real Chromium.

The crawl of the signed-in privacy page records it with its description ("Allow
Reddit to measure Reddit paid marketing campaigns on other sites and apps.") right
under "Personalize ads on Reddit ...", both drawn as Reddit's switch component. The
two are told apart by their own words only: with the two in opposite positions, a
locator that took the other row (or "the switch under Advertising") reads wrong.
"""

from __future__ import annotations

import pytest

from automation.domain import wishes
from automation.domain.settings import Confidence, State
from automation.page.waits import Waits
from automation.plugins.reddit import ADS_OFF_DESCRIPTION, CRAWL, Reddit
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.reddit import ROWS, RedditSite
from automation.replicas.server import DECOY, Account
from tests.replica_sites import site_of

ADS_OFF = "reddit.ads_off_reddit"
ADS = "reddit.personalized_ads"
#: The page's other switches, none of them this setting.
OTHERS = ("allow_follow", "list_profile", "show_in_search", "personalized_ads")


def account(replica: ReplicaServer) -> Account:
    return replica.sites["reddit"].account(DEMO_USERNAME)


def state(value: bool) -> State:
    return State.ON if value else State.OFF


# -- the plugin's data --------------------------------------------------------------------


def test_the_setting_is_found_by_its_words_and_rests_on_the_crawl() -> None:
    setting = Reddit.setting("ads_off_reddit")
    ads = Reddit.setting("personalized_ads").switch
    assert setting.switch is not None and ads is not None
    assert setting.switch.path == ads.path
    assert setting.switch.names == ("Ads off Reddit",)
    assert setting.switch.ids == () and setting.switch.testid is None
    facts = {e.fact: e for e in setting.evidence}
    assert set(facts) == {"page", "control", "label"}
    assert all(fact.source.startswith(f"{CRAWL}:1532") for fact in facts.values())
    assert facts["label"].confidence is Confidence.CONFIRMED
    assert facts["control"].confidence is Confidence.LIKELY
    assert ADS_OFF_DESCRIPTION in facts["label"].source


def test_measuring_ads_off_reddit_is_sharing_so_both_presets_turn_it_off() -> None:
    setting = Reddit.setting("ads_off_reddit")
    assert not wishes.convenience(setting)
    assert wishes.recommended(setting) is wishes.strict(setting) is State.OFF


def test_the_replica_draws_the_page_in_the_crawls_order() -> None:
    keys = [key for key, *_ in ROWS]
    assert keys.index("ads_off_reddit") == keys.index("personalized_ads") + 1
    assert dict((k, d) for k, _, d, _ in ROWS)["ads_off_reddit"] == ADS_OFF_DESCRIPTION


# -- reading and writing -----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("drawn", ["host", "inner"])
@pytest.mark.parametrize("value", [True, False], ids=["on", "off"])
async def test_reads_its_own_row_not_the_ad_switch_above_it(
    value: bool, drawn: str, make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, RedditSite)
    site.drawn = drawn
    holder = account(replica)
    holder.settings["ads_off_reddit"] = value
    holder.settings.update(dict.fromkeys(OTHERS, not value))
    engine = make_engine(Reddit(replica.origins["reddit"]))
    readings = {r.setting_id: r for r in await engine.check([ADS_OFF, ADS])}
    assert readings[ADS_OFF].state is state(value), readings[ADS_OFF]
    assert 'its label "Ads off Reddit"' in readings[ADS_OFF].detail
    assert readings[ADS].state is state(not value), readings[ADS]
    assert site.saves == []


@pytest.mark.browser
async def test_switching_off_reaches_only_its_row_and_reads_back(
    make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, RedditSite)
    holder = account(replica)
    holder.decoys.add("ads_off_reddit")
    holder.settings.update(dict.fromkeys(OTHERS, True))
    engine = make_engine(Reddit(replica.origins["reddit"]))
    reading = await engine.change(ADS_OFF, State.OFF)
    assert reading.state is State.OFF, reading
    assert "read back" in reading.detail
    assert holder.settings["ads_off_reddit"] is False
    assert all(holder.settings[key] is True for key in OTHERS)
    assert holder.settings["ads_off_reddit" + DECOY] is False, "the look-alike kept its place"
    assert site.saves == [(DEMO_USERNAME, "ads_off_reddit", False)]
    assert site.cleared == 0, "Clear history deletes: it is never pressed"
    [again] = await engine.check([ADS_OFF])
    assert again.state is State.OFF


# -- signed out, not offered, gone ------------------------------------------------------------


@pytest.mark.browser
async def test_signed_out_needs_login_and_nothing_changes(
    make_engine, replica: ReplicaServer
) -> None:
    engine = make_engine(Reddit(replica.origins["reddit"]), signed_in=False)
    [reading] = await engine.check([ADS_OFF])
    assert reading.state is State.NEEDS_LOGIN, reading
    written = await engine.change(ADS_OFF, State.OFF)
    assert written.state is State.NEEDS_LOGIN
    assert account(replica).settings["ads_off_reddit"] is True
    assert replica.sites["reddit"].saves == []


@pytest.mark.browser
async def test_not_offered_here_is_unavailable(make_engine, replica: ReplicaServer) -> None:
    account(replica).not_offered.add("ads_off_reddit")
    engine = make_engine(Reddit(replica.origins["reddit"]), waits=Waits.short())
    readings = {r.setting_id: r for r in await engine.check([ADS_OFF, ADS])}
    assert readings[ADS_OFF].state is State.UNAVAILABLE, readings[ADS_OFF]
    # The switch above it is still read by its own words.
    assert readings[ADS].state is State.ON, readings[ADS]
    assert replica.sites["reddit"].saves == []


@pytest.mark.browser
async def test_its_row_gone_the_ad_switch_and_a_look_alike_are_never_taken(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica)
    holder.hidden.add("ads_off_reddit")
    holder.decoys.add("ads_off_reddit")
    engine = make_engine(Reddit(replica.origins["reddit"]), waits=Waits.short())
    [reading] = await engine.check([ADS_OFF])
    assert reading.state is State.UNKNOWN, reading
    kept = dict(holder.settings)
    written = await engine.change(ADS_OFF, State.OFF)
    assert written.state is State.UNKNOWN
    assert holder.settings == kept
    assert replica.sites["reddit"].saves == []
