"""A setting drawn as a pair of radio options, read only from the chosen option's words.

The matching is tried without a browser first; then Amazon's Advertising preferences
(``automation/replicas/amazon.py``, built on public automation of the real page) in
real Chromium: each reading is checked against what the replica's server holds, a
change must reach it, and the page's button that deletes ad data is never pressed.
"""

from __future__ import annotations

import pytest

from automation.domain.settings import State
from automation.page import radios
from automation.page.radios import Option, Radios
from automation.page.waits import Waits
from automation.plugins.amazon import Amazon
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.amazon import AmazonSite
from automation.replicas.server import DECOY, Account

KEY = "interest_based_ads"
SETTING = "amazon.interest_based_ads"
PAIR = Radios(path="/", on=("Show me ads",), off=("Do not show me ads",))


def option(words: str, checked: bool = False, visible: bool = True) -> Option:
    return Option(words, checked, False, visible)


# -- which option says what, without a browser ------------------------------------------------


def test_an_option_means_a_state_only_when_its_own_words_begin_with_a_wording() -> None:
    assert radios.meaning(PAIR, option("Show me ads from Amazon")) is State.ON
    assert radios.meaning(PAIR, option("Do not show me ads from Amazon")) is State.OFF
    # In any case, and on the first line of words that hold a description too.
    assert radios.meaning(PAIR, option("DO NOT show me ads\nYour ads will use less")) is State.OFF
    # Words that only mention a wording, or say something else, mean nothing.
    assert radios.meaning(PAIR, option("We will never show me ads")) is None
    assert radios.meaning(PAIR, option("Show me fewer ads")) is None
    assert radios.meaning(PAIR, option("")) is None


def test_the_pair_is_one_shown_option_of_each_state() -> None:
    page = [option("Show me ads"), option("Do not show me ads", True)]
    assert radios.pick(PAIR, page) == radios.Pair(0, 1, 1, 1, 0)
    # A copy hidden for another layout is left aside; a second shown copy is doubt.
    hidden = [*page, option("Show me ads", visible=False)]
    assert radios.pick(PAIR, hidden).on == 0
    doubled = [*page, option("Show me ads")]
    pair = radios.pick(PAIR, doubled)
    assert pair.on is None and pair.ons == 2
    # Only one state's option on the page: no pair.
    assert radios.pick(PAIR, page[:1]).off is None


def test_the_chosen_option_decides_and_nothing_else_does() -> None:
    on, off = option("Show me ads", True), option("Do not show me ads")
    assert radios.chosen(PAIR, [on, off]).state is State.ON
    assert radios.chosen(
        PAIR, [option("Show me ads"), option("Do not show me ads", True)]
    ).state is (State.OFF)
    neither = radios.chosen(PAIR, [option("Show me ads"), off])
    assert neither.state is None and "neither option is chosen" in neither.why
    both = radios.chosen(PAIR, [on, option("Do not show me ads", True)])
    assert both.state is None and "2 options are chosen" in both.why
    # A third option chosen, or the chosen option reworded: its words say no state.
    third = radios.chosen(PAIR, [option("Show me ads"), off, option("Ask me every time", True)])
    assert third.state is None and "Ask me every time" in third.why


def test_a_radio_pair_needs_both_options_words_and_is_named_by_them() -> None:
    with pytest.raises(ValueError, match="on and its off option"):
        Radios(path="/", on=("Show me ads",))
    assert PAIR.names == ("Show me ads", "Do not show me ads")
    assert PAIR.shape == "radio"


# -- Amazon's Advertising preferences, in a browser -----------------------------------------


def holder(replica: ReplicaServer) -> Account:
    return replica.sites["amazon"].account(DEMO_USERNAME)


def site(replica: ReplicaServer) -> AmazonSite:
    found = replica.sites["amazon"]
    assert isinstance(found, AmazonSite)
    return found


def engine_of(make_engine, replica: ReplicaServer, **kwargs):
    return make_engine(Amazon(replica.origins["amazon"]), **kwargs)


@pytest.mark.browser
@pytest.mark.parametrize("held", [True, False], ids=["on", "off"])
async def test_reads_the_chosen_option(held: bool, make_engine, replica: ReplicaServer) -> None:
    holder(replica).settings[KEY] = held
    [reading] = await engine_of(make_engine, replica).check([SETTING])
    assert reading.state is (State.ON if held else State.OFF), reading
    said = "Show me" if held else "Do not show me"
    assert f'chosen option says "{said} interest-based ads' in reading.detail


@pytest.mark.browser
@pytest.mark.parametrize("target", [State.OFF, State.ON])
async def test_a_change_is_submitted_and_read_back(
    target: State, make_engine, replica: ReplicaServer
) -> None:
    account = holder(replica)
    account.settings[KEY] = target is State.OFF
    engine = engine_of(make_engine, replica)
    reading = await engine.change(SETTING, target)
    assert reading.state is target, reading
    assert "read back" in reading.detail
    assert account.settings[KEY] is (target is State.ON)
    assert site(replica).saves == [(DEMO_USERNAME, KEY, target is State.ON)]
    assert site(replica).deletions == []
    [again] = await engine.check([SETTING])
    assert again.state is target


@pytest.mark.browser
async def test_neither_option_chosen_reads_unknown_and_nothing_is_sent(
    make_engine, replica: ReplicaServer
) -> None:
    site(replica).unchosen.add(DEMO_USERNAME)
    engine = engine_of(make_engine, replica)
    [reading] = await engine.check([SETTING])
    assert reading.state is State.UNKNOWN, reading
    assert "neither option is chosen" in reading.detail
    changed = await engine.change(SETTING, State.OFF)
    assert changed.state is State.UNKNOWN, changed
    assert "Nothing was clicked" in changed.detail
    assert site(replica).saves == []


@pytest.mark.browser
async def test_an_option_in_words_not_on_record_reads_unknown(
    make_engine, replica: ReplicaServer
) -> None:
    """Amazon rewords the chosen option: its words say no state, so neither does the page."""
    account = holder(replica)
    account.settings[KEY] = True
    account.labels[KEY] = "Personalize my shopping experience with ads"
    engine = engine_of(make_engine, replica, waits=Waits.short())
    [reading] = await engine.check([SETTING])
    assert reading.state is State.UNKNOWN, reading
    assert "Show me interest-based ads" in reading.detail
    changed = await engine.change(SETTING, State.OFF)
    assert changed.state is State.UNKNOWN
    assert site(replica).saves == [] and account.settings[KEY] is True


@pytest.mark.browser
async def test_a_look_alike_pair_drawn_first_is_never_read_or_chosen(
    make_engine, replica: ReplicaServer
) -> None:
    """Another pair in a form of its own, with the same radio name and the other choice:
    the old locator (the first ``[name="optout"]``) would take it; the plugin does not."""
    account = holder(replica)
    account.settings[KEY] = True
    account.decoys.add(KEY)
    engine = engine_of(make_engine, replica)
    [reading] = await engine.check([SETTING])
    assert reading.state is State.ON, reading
    assert account.settings[KEY + DECOY] is False
    changed = await engine.change(SETTING, State.OFF)
    assert changed.state is State.OFF, changed
    assert account.settings[KEY] is False and account.settings[KEY + DECOY] is False
    assert [key for _, key, _ in site(replica).saves] == [KEY]


@pytest.mark.browser
async def test_two_copies_of_the_pair_read_unknown(make_engine, replica: ReplicaServer) -> None:
    holder(replica).doubled.add(KEY)
    [reading] = await engine_of(make_engine, replica).check([SETTING])
    assert reading.state is State.UNKNOWN, reading
    assert "worded alike" in reading.detail


@pytest.mark.browser
async def test_a_refused_save_is_not_reported_as_done(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica)
    account.settings[KEY] = True
    account.unkept.add(KEY)
    reading = await engine_of(make_engine, replica).change(SETTING, State.OFF)
    assert reading.state is State.ON, reading
    assert account.settings[KEY] is True


@pytest.mark.browser
async def test_signed_out_the_page_offers_a_sign_in_and_reads_needs_login(
    make_engine, replica: ReplicaServer
) -> None:
    engine = engine_of(make_engine, replica, signed_in=False)
    [reading] = await engine.check([SETTING])
    assert reading.state is State.NEEDS_LOGIN, reading
    changed = await engine.change(SETTING, State.OFF)
    assert changed.state is State.NEEDS_LOGIN
    assert site(replica).saves == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("how", "state"),
    [
        ("not_offered", State.UNAVAILABLE),
        ("unavailable", State.UNAVAILABLE),
        ("disabled", State.UNAVAILABLE),
        ("hidden", State.UNKNOWN),
    ],
)
async def test_a_page_without_the_choice_says_why(
    how: str, state: State, make_engine, replica: ReplicaServer
) -> None:
    getattr(holder(replica), how).add(KEY)
    [reading] = await engine_of(make_engine, replica, waits=Waits.short()).check([SETTING])
    assert reading.state is state, reading
    assert site(replica).saves == [] and site(replica).deletions == []
