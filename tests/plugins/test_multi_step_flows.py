"""The flows of X, ChatGPT, Google, Gmail and Reddit that are not one switch on one page.

ChatGPT's model-training switch sits in a dialog opened from its row in the Data
controls tab, beside two rows that show their state in their own names; Google's
Gemini activity is turned off through a menu whose other item deletes activity; X's
Grok checkbox has been reworded. Every plugin is pointed at its replica on loopback,
and what the "account" holds is read from the replica's server state, not from the
plugin.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from automation.accounts import secrets
from automation.accounts.secrets import Credentials, KeyringCredentials
from automation.domain.settings import State
from automation.page.waits import Waits
from automation.plugin import Plugin
from automation.plugins.chatgpt import IMPROVE_MODEL, TAB, ChatGPT
from automation.plugins.gmail import Gmail
from automation.plugins.google import Google
from automation.plugins.grok import Grok
from automation.plugins.reddit import Reddit
from automation.plugins.x import X
from automation.replicas import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer
from automation.replicas.server import Account
from automation.replicas.x import GROK_LABEL_2024

GROK = "x.grok_training"


def account(replica: ReplicaServer, name: str) -> Account:
    return replica.sites[name].account(DEMO_USERNAME)


# -- ChatGPT: a dialog behind several clicks ----------------------------------------------


@pytest.mark.browser
async def test_chatgpt_switch_is_reached_only_through_the_dialog(
    make_engine, replica: ReplicaServer
) -> None:
    """With the clicks the switch reads the account's value; without them it is not there."""
    origin = replica.origins["chatgpt"]
    account(replica, "chatgpt").settings["improve_model"] = False

    class NoClicks(ChatGPT):
        assert IMPROVE_MODEL.switch is not None
        settings = (replace(IMPROVE_MODEL, switch=replace(IMPROVE_MODEL.switch, opens=())),)

    # Both read at once, each in an engine of its own; reading changes nothing.
    [clicked], [unclicked] = await asyncio.gather(
        make_engine(ChatGPT(origin)).check([IMPROVE_MODEL.id]),
        make_engine(NoClicks(origin), waits=Waits.short()).check([IMPROVE_MODEL.id]),
    )
    assert clicked.state is State.OFF, clicked
    assert unclicked.state is State.UNKNOWN, unclicked
    assert "improve-model-toggle" in unclicked.detail
    assert replica.sites["chatgpt"].saves == []


@pytest.mark.browser
async def test_chatgpt_dialog_without_the_switch_is_unknown_and_unchanged(
    make_engine, replica: ReplicaServer
) -> None:
    """A dialog that opens but holds no switch is ``unknown``, and a change sends nothing."""
    account(replica, "chatgpt").hidden.add("improve_model")
    engine = make_engine(ChatGPT(replica.origins["chatgpt"]), waits=Waits.short())
    reading = await engine.change(IMPROVE_MODEL.id, State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert "not on it" in reading.detail
    assert replica.sites["chatgpt"].saves == []
    assert account(replica, "chatgpt").settings["improve_model"] is True


DATA_CONTROLS = ("chatgpt.improve_model", "chatgpt.location", "chatgpt.remote_browser_data")


@pytest.mark.browser
async def test_chatgpt_data_controls_are_each_read_by_their_own_mark(
    make_engine, replica: ReplicaServer
) -> None:
    """Location and Remote browser data sit in the tab beside the button of the
    model-training dialog (whose name ends in that setting's "On"): each reads its own
    value by its own label or test id, and a change reaches only its own."""
    holder = account(replica, "chatgpt")
    holder.settings.update(improve_model=True, location=False, remote_browser_data=True)
    engine = make_engine(ChatGPT(replica.origins["chatgpt"]))
    readings = {r.setting_id: r for r in await engine.check(list(DATA_CONTROLS))}
    assert {k: r.state for k, r in readings.items()} == {
        "chatgpt.improve_model": State.ON,
        "chatgpt.location": State.OFF,
        "chatgpt.remote_browser_data": State.ON,
    }
    assert 'test id "improve-model-toggle"' in readings["chatgpt.improve_model"].detail
    assert 'label "Location"' in readings["chatgpt.location"].detail
    assert 'label "Remote browser data"' in readings["chatgpt.remote_browser_data"].detail

    reading = await engine.change("chatgpt.location", State.ON)
    assert reading.state is State.ON, reading
    assert holder.settings == {
        "improve_model": True,
        "location": True,
        "remote_browser_data": True,
        "marketing_privacy": True,
    }
    assert replica.sites["chatgpt"].saves == [(DEMO_USERNAME, "location", True)]


@pytest.mark.browser
async def test_chatgpt_tab_rows_need_the_tab_open(make_engine, replica: ReplicaServer) -> None:
    """The tab's rows exist only once Settings is open on the tab: at the start page,
    without the tab's address or the clicks to it, Location reads ``unknown``."""
    location = ChatGPT.setting("location")
    switch = location.switch
    assert switch is not None and switch.opens == TAB
    assert switch.path == "/#settings/DataControls"
    at_start = replace(location, switch=replace(switch, path="/", opens=()))

    class NoClicks(ChatGPT):
        settings = (at_start,)

    [reading] = await make_engine(NoClicks(replica.origins["chatgpt"]), waits=Waits.short()).check(
        [location.id]
    )
    assert reading.state is State.UNKNOWN, reading
    assert 'label "Location"' in reading.detail


# -- X: the reworded Grok checkbox ----------------------------------------------------------


@pytest.mark.browser
async def test_grok_checkbox_is_found_by_its_2024_wording_too(
    make_engine, replica: ReplicaServer
) -> None:
    """A page with the older label still reads and writes."""
    holder = account(replica, "x")
    holder.labels["grok_training"] = GROK_LABEL_2024
    engine = make_engine(X(replica.origins["x"]))
    [reading] = await engine.check([GROK])
    assert reading.state is State.ON, reading
    reading = await engine.change(GROK, State.OFF)
    assert reading.state is State.OFF, reading
    assert holder.settings["grok_training"] is False


@pytest.mark.browser
async def test_grok_checkbox_with_an_unknown_wording_is_unknown(
    make_engine, replica: ReplicaServer
) -> None:
    """A label matching no known wording is ``unknown`` with a detail, and nothing is clicked."""
    holder = account(replica, "x")
    holder.labels["grok_training"] = "Let xAI learn from everything you post"
    engine = make_engine(X(replica.origins["x"]), waits=Waits.short())
    [reading] = await engine.check([GROK])
    assert reading.state is State.UNKNOWN, reading
    assert "known wordings" in reading.detail and "not on it" in reading.detail
    reading = await engine.change(GROK, State.OFF)
    assert reading.state is State.UNKNOWN
    assert replica.sites["x"].saves == []
    assert holder.settings["grok_training"] is True


# -- sign-in ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plugin", "url", "kind"),
    [
        (Google(), "https://accounts.google.com/v3/signin/identifier?continue=x", "login"),
        (Gmail(), "https://accounts.google.com/ServiceLogin?service=mail", "login"),
        (Google(), "https://accounts.google.com/v3/signin/challenge/ipp", "checkpoint"),
        (ChatGPT(), "https://auth.openai.com/log-in", "login"),
        (ChatGPT(), "https://chatgpt.com/auth/login", "login"),
        (X(), "https://x.com/i/flow/login?redirect_after_login=%2Fsettings", "login"),
        (X(), "https://x.com/account/access", "checkpoint"),
        (Grok(), "https://accounts.x.ai/sign-in?redirect=grok-com", "login"),
    ],
)
def test_sign_in_pages_are_recognised_on_their_own_origins(
    plugin: Plugin, url: str, kind: str
) -> None:
    """A sign-in or verification page is a wall, also on a platform's separate sign-in site."""
    wall = plugin.wall(url)
    assert wall is not None and wall.kind == kind


@pytest.mark.parametrize(
    ("plugin", "url"),
    [
        (Google(), "https://myactivity.google.com/product/gemini"),
        (Google(), "https://example.com/v3/signin/identifier"),
        (ChatGPT(), "https://openai.com/log-in"),
        (Grok(), "https://grok.com/?_s=data"),
        (Grok(), "https://x.com/i/flow/login"),
    ],
)
def test_other_pages_are_not_walls(plugin: Plugin, url: str) -> None:
    """A settings page, or a sign-in-looking path on an unrelated site, is no wall."""
    assert plugin.wall(url) is None


@pytest.mark.browser
async def test_reddit_signs_in_with_stored_credentials(make_engine, replica: ReplicaServer) -> None:
    """Signed out, Reddit's one-page form is filled from the keyring and the value is read."""
    secrets.set_credentials("reddit", Credentials(DEMO_USERNAME, DEMO_PASSWORD))
    account(replica, "reddit").settings["personalized_ads"] = False
    engine = make_engine(
        Reddit(replica.origins["reddit"]), signed_in=False, credentials=KeyringCredentials()
    )
    [reading] = await engine.check(["reddit.personalized_ads"])
    assert reading.state is State.OFF, reading
