"""A switch drawn inside a web component's open shadow root: Reddit's privacy page.

The replica draws Reddit's ``faceplate-switch-input`` as the public record shows it:
the position on the component's host, an input inside its shadow root that takes no
click, the label outside in the row, and the page's other rows around it ("Ads off
Reddit" just below, in the opposite position; "Clear history", which deletes). Each
test checks what the replica's server holds, not only what the plugin says.
"""

from __future__ import annotations

import pytest

from automation.domain.settings import State
from automation.page.waits import Waits
from automation.plugins.reddit import OLD_LABEL, Reddit
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.reddit import RedditSite
from automation.replicas.server import DECOY, Account
from tests.replica_sites import site_of

ADS = "reddit.personalized_ads"
NEIGHBOURS = ("allow_follow", "list_profile", "show_in_search", "ads_off_reddit")


def account(replica: ReplicaServer) -> Account:
    return replica.sites["reddit"].account(DEMO_USERNAME)


@pytest.mark.browser
@pytest.mark.parametrize("drawn", ["host", "inner"])
async def test_reads_the_switch_inside_the_component_not_its_neighbours(
    drawn: str, make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, RedditSite)
    site.drawn = drawn
    holder = account(replica)
    engine = make_engine(Reddit(replica.origins["reddit"]))
    for value in (True, False):
        holder.settings["personalized_ads"] = value
        holder.settings.update(dict.fromkeys(NEIGHBOURS, not value))
        [reading] = await engine.check([ADS])
        assert reading.state is (State.ON if value else State.OFF), reading.detail
        assert "Personalize ads on Reddit" in reading.detail
    assert site.saves == []


@pytest.mark.browser
@pytest.mark.parametrize("drawn", ["host", "inner"])
async def test_switches_off_by_clicking_what_a_person_clicks_and_reads_it_back(
    drawn: str, make_engine, replica: ReplicaServer
) -> None:
    """The input inside the component takes no click: the component or its row does."""
    site = site_of(replica, RedditSite)
    site.drawn = drawn
    holder = account(replica)
    holder.settings.update(dict.fromkeys(NEIGHBOURS, False))
    engine = make_engine(Reddit(replica.origins["reddit"]))
    reading = await engine.change(ADS, State.OFF)
    assert reading.state is State.OFF, reading.detail
    assert "read back" in reading.detail
    assert holder.settings["personalized_ads"] is False
    assert site.saves == [(DEMO_USERNAME, "personalized_ads", False)]
    assert all(holder.settings[key] is False for key in NEIGHBOURS)
    assert site.cleared == 0, "Clear history deletes: it is never pressed"


@pytest.mark.browser
async def test_a_look_alike_row_drawn_first_is_never_read_or_switched(
    make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, RedditSite)
    holder = account(replica)
    holder.decoys.add("personalized_ads")
    holder.settings["personalized_ads"] = True
    engine = make_engine(Reddit(replica.origins["reddit"]))
    [reading] = await engine.check([ADS])
    assert reading.state is State.ON, reading.detail
    reading = await engine.change(ADS, State.OFF)
    assert reading.state is State.OFF, reading.detail
    assert holder.settings["personalized_ads~decoy"] is False, "the look-alike kept its place"
    assert [key for _, key, _ in site.saves] == ["personalized_ads"]
    assert not any(key.endswith(DECOY) for _, key, _ in site.saves)


@pytest.mark.browser
async def test_the_2023_wording_is_still_read(make_engine, replica: ReplicaServer) -> None:
    holder = account(replica)
    holder.labels["personalized_ads"] = OLD_LABEL
    holder.settings["personalized_ads"] = False
    engine = make_engine(Reddit(replica.origins["reddit"]))
    [reading] = await engine.check([ADS])
    assert reading.state is State.OFF, reading.detail


@pytest.mark.browser
async def test_not_offered_and_signed_out_are_said_and_nothing_changes(
    make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, RedditSite)
    holder = account(replica)
    holder.not_offered.add("personalized_ads")
    engine = make_engine(Reddit(replica.origins["reddit"]), waits=Waits.short())
    [reading] = await engine.check([ADS])
    assert reading.state is State.UNAVAILABLE, reading.detail
    signed_out = make_engine(
        Reddit(replica.origins["reddit"]), signed_in=False, waits=Waits.short()
    )
    [reading] = await signed_out.check([ADS])
    assert reading.state is State.NEEDS_LOGIN, reading.detail
    assert site.saves == []
