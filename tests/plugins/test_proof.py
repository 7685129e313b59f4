"""A control must prove it is the setting: the contract, and pages built to catch a wrong belief.

The static half checks every installed plugin's declarations: each switch is found by
something that names its setting (a test id, an id of its own, a label), never by a
counter id that only says where a box sits. The browser half serves each replica
page with a look-alike control for another setting drawn first, in the opposite
position, and the real page's neighbours in different states: a plugin that took
"the first box", or a counter id, would read the neighbour's value there.
"""

from __future__ import annotations

import asyncio

import pytest

from automation import registry
from automation.accounts import signin
from automation.browser.launch import Running
from automation.domain.settings import Kind, Setting, State, Switch
from automation.page import controls, waits
from automation.page.controls import Candidate, choose, names_it, proof
from automation.page.waits import Waits
from automation.plugins.linkedin import AI_TRAINING, LinkedIn
from automation.plugins.x import X
from automation.replicas import DEMO_USERNAME, SITES, ReplicaServer
from automation.replicas.server import DECOY, Account
from automation.replicas.switchsite import SwitchSite
from automation.replicas.x import OUTSIDE, XSite
from tests.replica_sites import site_of

PLUGINS = {cls.name: cls for cls in registry.load()[0]}
SWITCHES = [
    (name, setting)
    for name, cls in PLUGINS.items()
    for setting in cls.settings
    if setting.kind is Kind.TOGGLE and setting.switch is not None
]


def account(replica: ReplicaServer, name: str) -> Account:
    return replica.sites[name].account(DEMO_USERNAME)


# -- the contract, over every installed plugin ----------------------------------------------


@pytest.mark.parametrize(("name", "setting"), SWITCHES, ids=[s.id for _, s in SWITCHES])
def test_every_switch_is_found_by_what_names_it(name: str, setting) -> None:
    switch: Switch = setting.switch
    assert switch.testid or switch.ids or switch.names, (
        f"{setting.id}: nothing on the control would prove it is this setting"
    )
    positional = [i for i in switch.ids if controls.POSITIONAL_ID.match(i)]
    assert positional == [], (
        f"{setting.id}: {positional} only say where a control sits; find it by its label"
    )
    assert all(n.strip() for n in switch.names), f"{setting.id}: an empty wording matches anything"
    assert setting.platform == name


def test_two_settings_on_one_page_are_told_apart_by_what_names_them() -> None:
    """Settings that share a page must not share the mark that proves them."""
    by_page: dict[tuple[str, str], list] = {}
    for name, setting in SWITCHES:
        assert setting.switch is not None
        by_page.setdefault((name, setting.switch.path), []).append(setting)
    for (_name, path), settings in by_page.items():
        for a in settings:
            for b in settings:
                if a is b:
                    continue
                shared = set(a.switch.ids) & set(b.switch.ids)
                assert not shared, f"{a.id} and {b.id} on {path} share {shared}"
                if a.switch.testid:
                    assert a.switch.testid != b.switch.testid, (a.id, b.id)
                for wording in a.switch.names:
                    assert not any(names_it(w, wording) for w in b.switch.names), (
                        f'{b.id} would be taken for {a.id}: "{wording}"'
                    )


def _box(label: str, checked: bool, ids: tuple[str, ...] = ()) -> Candidate:
    return Candidate(None, ids, (label,), "true" if checked else "false", False, True)


def test_a_counter_id_proves_nothing_and_the_label_decides() -> None:
    """X's Off-X page: CHECKBOX_1_LABEL is the other setting there."""
    off_x = [
        _box("Allow use of where you see X content across the Web", False, ("CHECKBOX_1_LABEL",)),
        _box("Personalize based on your inferred identity", True, ("CHECKBOX_2_LABEL",)),
    ]
    by_counter = Switch(path="/", ids=("CHECKBOX_1_LABEL",), role="checkbox")
    assert choose(by_counter, off_x) == (0, 1), "the old belief takes the neighbour"
    by_label = Switch(path="/", names=("Personalize based on your inferred identity",))
    assert choose(by_label, off_x) == (1, 1)
    assert choose(by_label, off_x[:1]) == (None, 0), "the neighbour alone is never taken"


def test_only_a_shown_control_counts_and_only_when_it_is_the_one() -> None:
    switch = Switch(path="/", names=("Personalized ads",))
    two = [_box("Personalized ads", True), _box("Personalized ads", False)]
    assert choose(switch, two) == (None, 2)
    out_of_sight = Candidate(None, (), ("Personalized ads",), "false", False, False)
    # A hidden copy for another layout is left aside.
    assert choose(switch, [two[0], out_of_sight]) == (0, 1)
    # A hidden control alone is not the setting shown: a page that does not offer it
    # may still carry it.
    assert choose(switch, [out_of_sight]) == (None, 0)
    assert controls.hidden(switch, [out_of_sight, two[0]]) == 1
    # A hidden control named otherwise than the shown one (a neighbour whose name holds
    # the setting's, the setting's own row folded away) leaves the shown one in doubt.
    own_folded = Candidate(None, (), ("Use data to personalize",), "true", False, False)
    neighbour = _box("Use data to personalize with sponsored content", False)
    personalize = Switch(path="/", names=("Use data to personalize",))
    assert choose(personalize, [own_folded, neighbour]) == (None, 2)
    # Copies that differ in what else their labels say (a state word "On"/"Off") are
    # still copies when the shown one is named exactly: by its own id, or its wording.
    by_id = Switch(path="/", ids=("allowAds",), names=("Ads",))
    copy = Candidate(None, ("allowAds",), (), "true", False, False, words=("On",))
    own = Candidate(None, ("allowAds",), (), "false", False, True, words=("Off",))
    assert choose(by_id, [copy, own]) == (1, 1)
    other_layout = Candidate(None, (), (), "true", False, False, words=("Use data to personalize",))
    shown = _box("Use data to personalize", False)
    assert choose(personalize, [other_layout, shown]) == (1, 1)


def test_a_description_names_only_the_setting_it_begins_with() -> None:
    voice = Switch(path="/", names=("Model training on voice",))
    text_box = Candidate(
        None,
        (),
        (),
        "true",
        False,
        True,
        words=("Model training on text\nVoice is covered by Model training on voice.",),
    )
    assert choose(voice, [text_box]) == (None, 0)
    own = Candidate(None, (), (), "false", False, True, words=("Model training on voice\nMore",))
    assert choose(voice, [text_box, own]) == (1, 1)
    # A name alone (aria-label, aria-labelledby) may hold the wording anywhere.
    assert names_it("Settings: Model training on voice", "Model training on voice")
    assert not names_it(
        "Settings: Model training on voice", "Model training on voice", leading=True
    )


def test_labels_match_as_whole_phrases_in_any_quote_or_case() -> None:
    assert names_it("Personalize based on places you\u2019ve been", "places you've been")
    assert names_it("  PERSONALIZED   ads\n Learn more", "Personalized ads")
    assert not names_it("Prevent third-party sharing for myblog2", "sharing for myblog")
    assert not names_it("Prevent third-party sharing for my-blog", "sharing for my")
    assert not names_it("Prevent third-party sharing for art_notes", "sharing for art")
    assert names_it("Location\nAllow ChatGPT to use your precise location.", "Location")
    assert not names_it("Allow ChatGPT to use your precise location", "Location")
    assert not names_it("Location metadata", "Location")
    switch = AI_TRAINING.switch
    assert switch is not None
    assert names_it("設定: コンテンツ作成AIモデルのトレーニングにデータを使用する", switch.names[1])
    assert proof(switch, _box("anything", True, ("allowDataForGenerativeAI",)))


# -- decoys on every replica page -------------------------------------------------------------

COVERED = sorted(
    name
    for name in set(PLUGINS) & set(SITES)
    if any(s.switch and s.per is None for _, s in SWITCHES if s.platform == name)
)


@pytest.mark.browser
async def test_a_look_alike_drawn_first_is_never_read_or_switched(
    make_engine, replica: ReplicaServer
) -> None:
    """A control for another setting, drawn before the real one in the other position,
    with the same markup (a counter id becomes 1 and the real one 2): every setting
    still reads its own value, and a change never reaches the look-alike. Every covered
    platform is checked, in one engine, at once."""
    plains: dict[str, list[Setting]] = {}
    for name in COVERED:
        holder = account(replica, name)
        plains[name] = [s for _, s in SWITCHES if s.platform == name and s.per is None]
        for number, setting in enumerate(plains[name]):
            holder.settings[setting.key] = number % 2 == 0
            holder.decoys.add(setting.key)
    engine = make_engine(*(PLUGINS[name](replica.origins[name]) for name in COVERED))
    ids = [s.id for name in COVERED for s in plains[name]]
    readings = {r.setting_id: r for r in await engine.check(ids)}
    misread = [
        (setting.id, readings[setting.id].state, readings[setting.id].detail)
        for name in COVERED
        for number, setting in enumerate(plains[name])
        if readings[setting.id].state is not (State.ON if number % 2 == 0 else State.OFF)
    ]
    assert misread == [], "a setting read other than its own value"

    async def change_first(name: str) -> list[object]:
        """What went wrong changing the platform's first setting (nothing: [])."""
        holder = account(replica, name)
        decoys = {k: v for k, v in holder.settings.items() if k.endswith(DECOY)}
        first = plains[name][0]
        target = State.OFF if holder.settings[first.key] else State.ON
        reading = await engine.change(first.id, target)
        wrong: list[object] = []
        if reading.state is not target:
            wrong.append((first.id, "read back", reading.state, reading.detail))
        if holder.settings[first.key] is not (target is State.ON):
            wrong.append((first.id, "not kept"))
        if {k: v for k, v in holder.settings.items() if k.endswith(DECOY)} != decoys:
            wrong.append((first.id, "a look-alike was switched"))
        return wrong

    changed = await asyncio.gather(*(change_first(name) for name in COVERED))
    assert [wrong for wrong in changed if wrong] == []


@pytest.mark.browser
async def test_a_page_with_only_the_look_alike_reads_unknown(
    make_engine, replica: ReplicaServer
) -> None:
    """The setting's own control gone, a look-alike left: ``unknown``, never its value.
    Every covered platform is checked, in one engine, at once."""
    settings: dict[str, Setting] = {}
    for name in COVERED:
        holder = account(replica, name)
        # A replica that draws its pages itself (Reddit's, claude.ai's) draws every setting.
        site = replica.sites[name]
        assert isinstance(site, SwitchSite), name
        drawn = {page.key for page in site.pages} or {
            s.key for _, s in SWITCHES if s.platform == name
        }
        setting = next(s for _, s in SWITCHES if s.platform == name and s.key in drawn)
        holder.decoys.add(setting.key)
        holder.hidden.add(setting.key)
        settings[name] = setting
    plugins = (PLUGINS[name](replica.origins[name]) for name in COVERED)
    engine = make_engine(*plugins, waits=Waits.short(), pages=12)
    readings = await engine.check([settings[name].id for name in COVERED])
    read = [(r.setting_id, r.state, r.detail) for r in readings if r.state is not State.UNKNOWN]
    assert read == [], "a look-alike was read"
    assert {name: replica.sites[name].saves for name in COVERED if replica.sites[name].saves} == {}


# -- X: the two wrong beliefs, caught -----------------------------------------------------------


async def first_counter_box(shared_browser: Running, replica: ReplicaServer, path: str) -> bool:
    """What the old locator read: the box described by ``CHECKBOX_1_LABEL`` on ``path``."""

    browser = shared_browser.browser
    context = await browser.new_context(storage_state=replica.storage_state("x"))
    page = await context.new_page()
    await page.goto(replica.origins["x"] + path)
    box = page.locator('input[aria-describedby="CHECKBOX_1_LABEL"]')
    await box.wait_for(state="attached")
    return await box.is_checked()


@pytest.mark.browser
async def test_off_x_activity_first_box_is_the_other_setting(
    make_engine, replica: ReplicaServer, shared_browser: Running
) -> None:
    """The old locator (the box described by CHECKBOX_1_LABEL) reads the web-content
    setting; the plugin reads inferred identity, each from its own box."""
    holder = account(replica, "x")
    holder.settings["web_content_use"] = False
    holder.settings["off_platform_activity"] = True
    engine = make_engine(X(replica.origins["x"]))
    readings = {
        r.setting_id: r.state
        for r in await engine.check(["x.off_platform_activity", "x.web_content_use"])
    }
    assert readings == {"x.off_platform_activity": State.ON, "x.web_content_use": State.OFF}

    old_way = await first_counter_box(shared_browser, replica, "/settings/off_twitter_activity")
    assert old_way is False, "the old belief reads the neighbour: off"

    reading = await engine.change("x.off_platform_activity", State.OFF)
    assert reading.state is State.OFF, reading
    assert holder.settings["web_content_use"] is False
    assert holder.settings["off_platform_activity"] is False


@pytest.mark.browser
async def test_off_x_activity_alone_when_x_hides_the_first_box(
    make_engine, replica: ReplicaServer
) -> None:
    """Where X hides the web-content box, inferred identity is the only box, and
    the web-content setting reads ``unknown`` instead of taking it."""
    holder = account(replica, "x")
    holder.unavailable.add("web_content_use")
    holder.settings["off_platform_activity"] = False
    engine = make_engine(X(replica.origins["x"]))
    readings = {
        r.setting_id: r
        for r in await engine.check(["x.off_platform_activity", "x.web_content_use"])
    }
    assert readings["x.off_platform_activity"].state is State.OFF
    assert readings["x.web_content_use"].state is State.UNKNOWN
    assert "Allow use of where you see X content" in readings["x.web_content_use"].detail


@pytest.mark.browser
async def test_location_is_read_from_location_information_not_the_posts_page(
    make_engine, replica: ReplicaServer, shared_browser: Running
) -> None:
    holder = account(replica, "x")
    holder.settings["post_location"] = False
    holder.settings["location"] = True
    engine = make_engine(X(replica.origins["x"]))
    [reading] = await engine.check(["x.location"])
    assert reading.state is State.ON, reading
    assert reading.url and reading.url.endswith("/settings/location_information")

    old_way = await first_counter_box(shared_browser, replica, "/settings/location")
    assert old_way is False, "the old address holds another setting, off"


GROK_BOXES = ("x.grok_training", "x.grok_personalize", "x.grok_history")


@pytest.mark.browser
@pytest.mark.parametrize("outside", [False, True], ids=["container-only", "copies-outside"])
async def test_grok_boxes_each_read_their_own_value(
    outside: bool, make_engine, replica: ReplicaServer
) -> None:
    """Each of the three boxes reads its own value; with a copy of each, same label and
    the other position, drawn outside xaiDataSharingSettings, only the container's count."""
    site_of(replica, XSite).copies_outside = outside
    holder = account(replica, "x")
    holder.settings.update(grok_training=False, grok_personalize=True, grok_history=False)
    engine = make_engine(X(replica.origins["x"]))
    readings = {r.setting_id: r.state for r in await engine.check(list(GROK_BOXES))}
    assert readings == {
        "x.grok_training": State.OFF,
        "x.grok_personalize": State.ON,
        "x.grok_history": State.OFF,
    }
    reading = await engine.change("x.grok_history", State.ON)
    assert reading.state is State.ON, reading
    reading = await engine.change("x.grok_personalize", State.OFF)
    assert reading.state is State.OFF, reading
    assert (holder.settings["grok_training"], holder.settings["grok_history"]) == (False, True)
    copies = {k: v for k, v in holder.settings.items() if k.endswith(OUTSIDE)}
    if outside:
        # The copies started opposite and were never sent a change.
        assert copies == {
            "grok_training" + OUTSIDE: True,
            "grok_personalize" + OUTSIDE: False,
            "grok_history" + OUTSIDE: True,
        }
    else:
        assert copies == {}
    assert [key for _, key, _ in replica.sites["x"].saves] == ["grok_history", "grok_personalize"]


# -- LinkedIn: the id first, the label in any known language ------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    ("label", "renamed", "expected"),
    [
        ("コンテンツ作成AIモデルのトレーニングにデータを使用する", False, State.OFF),
        ("Let LinkedIn learn from what you write", False, State.OFF),
        ("Use my data for training content creation AI models", True, State.OFF),
        ("コンテンツ作成AIモデルのトレーニングにデータを使用する", True, State.OFF),
        ("Let LinkedIn learn from what you write", True, State.UNKNOWN),
    ],
    ids=["japanese-id-intact", "reworded-id-intact", "id-renamed", "both-changed-known", "lost"],
)
async def test_ai_training_by_its_id_or_its_label(
    label: str, renamed: bool, expected: State, make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica, "linkedin")
    holder.settings["ai_training"] = False
    holder.labels["ai_training"] = label
    if renamed:
        holder.renamed.add("ai_training")
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check([AI_TRAINING.id])
    assert reading.state is expected, reading


PROMOTIONS = ("linkedin.marketing_ads", "linkedin.marketing_emails")


@pytest.mark.browser
async def test_linkedin_promotions_switches_are_each_read_by_their_own_id(
    make_engine, replica: ReplicaServer
) -> None:
    """Two switches on one page, in opposite positions: each reads its own and a change
    reaches only its own. With one switch's id renamed it is still found by its label;
    with its label reworded too, that one reads unknown and the other still reads its
    own value."""
    holder = account(replica, "linkedin")
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    for ads in (True, False):
        holder.settings.update(marketing_ads=ads, marketing_emails=not ads)
        readings = {r.setting_id: r for r in await engine.check(list(PROMOTIONS))}
        assert readings["linkedin.marketing_ads"].state is (State.ON if ads else State.OFF)
        assert readings["linkedin.marketing_emails"].state is (State.OFF if ads else State.ON)
        assert "allowProfileAndActivityDataForMarketingAds" in (
            readings["linkedin.marketing_ads"].detail
        )
        assert "tipsForUsingLinkedinViaEmail" in readings["linkedin.marketing_emails"].detail

    reading = await engine.change("linkedin.marketing_emails", State.OFF)
    assert reading.state is State.OFF, reading
    assert (holder.settings["marketing_ads"], holder.settings["marketing_emails"]) == (False, False)
    assert replica.sites["linkedin"].saves == [(DEMO_USERNAME, "marketing_emails", False)]

    holder.renamed.add("marketing_ads")
    holder.settings["marketing_emails"] = True
    readings = {r.setting_id: r for r in await engine.check(list(PROMOTIONS))}
    assert readings["linkedin.marketing_ads"].state is State.OFF
    assert (
        "Personalized promotions of LinkedIn products" in readings["linkedin.marketing_ads"].detail
    )
    holder.labels["marketing_ads"] = "Promote LinkedIn to me"
    readings = {r.setting_id: r for r in await engine.check(list(PROMOTIONS))}
    assert readings["linkedin.marketing_ads"].state is State.UNKNOWN
    # Its own switch, now without the id, and the emails switch: neither is taken.
    assert "2 other controls" in readings["linkedin.marketing_ads"].detail
    assert readings["linkedin.marketing_emails"].state is State.ON


@pytest.mark.browser
async def test_linkedin_cookies_switch_is_found_by_the_id_it_carries(
    make_engine, replica: ReplicaServer
) -> None:
    """#nonEssentialCookieConsent is the switch's own id, not an aria-labelledby one."""
    holder = account(replica, "linkedin")
    holder.settings["non_essential_cookies"] = True
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check(["linkedin.non_essential_cookies"])
    assert reading.state is State.ON, reading
    assert 'its id "nonEssentialCookieConsent"' in reading.detail
    holder.renamed.add("non_essential_cookies")
    [reading] = await engine.check(["linkedin.non_essential_cookies"])
    assert reading.state is State.UNKNOWN, reading
    assert replica.sites["linkedin"].saves == []


# -- the states a real account shows --------------------------------------------------------------


@pytest.mark.browser
async def test_disabled_control_is_unavailable_and_never_clicked(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica, "x")
    holder.disabled.add("grok_training")
    engine = make_engine(X(replica.origins["x"]))
    [reading] = await engine.check(["x.grok_training"])
    assert reading.state is State.UNAVAILABLE, reading
    assert "disabled" in reading.detail
    after = await engine.change("x.grok_training", State.OFF)
    assert after.state is State.UNAVAILABLE
    assert replica.sites["x"].saves == []


@pytest.mark.browser
async def test_page_saying_not_offered_is_unavailable(make_engine, replica: ReplicaServer) -> None:
    account(replica, "linkedin").not_offered.add("ai_training")
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check([AI_TRAINING.id])
    assert reading.state is State.UNAVAILABLE, reading
    assert "isn't available in your region" in reading.detail


@pytest.mark.browser
async def test_sign_in_form_at_the_settings_address_needs_login(
    make_engine, replica: ReplicaServer
) -> None:
    replica.sites["linkedin"].inline_login = True
    engine = make_engine(
        LinkedIn(replica.origins["linkedin"]), signed_in=False, waits=Waits.short()
    )
    [reading] = await engine.check([AI_TRAINING.id])
    assert reading.state is State.NEEDS_LOGIN, reading
    assert reading.url and reading.url.endswith("/data-for-ai-improvement")


@pytest.mark.browser
async def test_chatgpt_start_page_signed_out_needs_login(
    make_engine, replica: ReplicaServer
) -> None:
    """chatgpt.com serves its start page to visitors: no redirect, yet not signed in."""
    engine = make_engine(
        PLUGINS["chatgpt"](replica.origins["chatgpt"]), signed_in=False, waits=Waits.short()
    )
    [reading] = await engine.check(["chatgpt.improve_model"])
    assert reading.state is State.NEEDS_LOGIN, reading


@pytest.mark.browser
async def test_known_confirmation_is_confirmed_and_read_back(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica, "x")
    holder.settings["web_content_use"] = True
    holder.confirms["web_content_use"] = "known"
    engine = make_engine(X(replica.origins["x"]))
    reading = await engine.change("x.web_content_use", State.OFF)
    assert reading.state is State.OFF, reading
    assert "read back" in reading.detail
    assert holder.settings["web_content_use"] is False


@pytest.mark.browser
async def test_unknown_dialog_is_cancelled_and_nothing_changes(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica, "x")
    holder.settings["web_content_use"] = True
    holder.confirms["web_content_use"] = "strange"
    engine = make_engine(X(replica.origins["x"]))
    reading = await engine.change("x.web_content_use", State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert "cancelled" in reading.detail and "Delete my history too" in reading.detail
    assert holder.settings["web_content_use"] is True
    assert replica.sites["x"].saves == []


@pytest.mark.browser
async def test_save_answered_but_not_kept_is_not_done(make_engine, replica: ReplicaServer) -> None:
    holder = account(replica, "x")
    holder.settings["personalized_ads"] = True
    holder.unkept.add("personalized_ads")
    engine = make_engine(X(replica.origins["x"]))
    reading = await engine.change("x.personalized_ads", State.OFF)
    assert reading.state is State.ON, reading
    assert "did not keep the change" in reading.detail


# -- signed in, proved by a positive sign -------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", ["chatgpt", "linkedin", "x", "grok"])
async def test_signed_in_needs_a_positive_sign(
    name: str, shared_browser: Running, replica: ReplicaServer
) -> None:
    """ChatGPT's start page loads signed out too: only its account menu proves a
    session. LinkedIn's needs its session cookie and a page without a wall; X's and
    grok.com's, the setting's own control on its page."""

    plugin = PLUGINS[name](replica.origins[name])
    browser = shared_browser.browser
    signed_out = await browser.new_context()
    # A sign expected missing is given up on sooner.
    with waits.using(Waits.short()):
        assert await signin.is_signed_in(plugin, signed_out) is False
    signed = await browser.new_context(storage_state=replica.storage_state(name))
    assert await signin.is_signed_in(plugin, signed) is True
    if plugin.session_cookies:
        stale = await browser.new_context()
        await stale.add_cookies(
            [{"name": plugin.session_cookies[0], "value": "expired", "url": plugin.origin}]
        )
        with waits.using(Waits.short()):
            assert await signin.is_signed_in(plugin, stale) is False


@pytest.mark.browser
async def test_every_platform_with_a_replica_can_prove_its_session(
    shared_browser: Running, replica: ReplicaServer
) -> None:
    """Signing in through a window ends when the session is proved: each platform's
    proof (its session cookie on record, or its account menu) must hold for the demo
    account's session, and not for none, even where the settings pages are shown to
    visitors who are not signed in."""

    unproved, proved_signed_out = [], []
    browser = shared_browser.browser
    places = asyncio.Semaphore(6)

    async def prove(name: str) -> None:
        plugin = PLUGINS[name](replica.origins[name])
        async with places:
            signed = await browser.new_context(storage_state=replica.storage_state(name))
            if not await signin.is_signed_in(plugin, signed):
                unproved.append(name)
            replica.sites[name].open_to_visitors = True
            # A sign expected missing is given up on sooner.
            with waits.using(Waits.short()):
                if await signin.is_signed_in(plugin, await browser.new_context()):
                    proved_signed_out.append(name)

    # The platforms are proved at once, each in contexts of its own.
    await asyncio.gather(*(prove(name) for name in sorted(set(PLUGINS) & set(SITES))))
    assert sorted(unproved) == [], "a signed-in session not proved"
    assert sorted(proved_signed_out) == [], "no session taken for signed in"


async def look_at(
    shared_browser: Running, markup: str, switch: Switch
) -> controls.Found | controls.NotFound:
    """One look for ``switch``'s control on a page holding ``markup``."""

    browser = shared_browser.browser
    page = await browser.new_page()
    await page.set_content(f"<main>{markup}</main>")
    return await controls.look(page, switch)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # X's shape: the box inside a <label> with its text, described by a counter id
        # that points at the explanation, not the label.
        (
            '<label><div><span>Personalized ads</span><div id="CHECKBOX_1_LABEL">You will '
            "always see ads on X.</div></div><div><input type=checkbox checked "
            'aria-describedby="CHECKBOX_1_LABEL"></div></label>',
            True,
        ),
        # A native box's own state wins over an aria-checked left stale on it.
        ('<label><input type=checkbox aria-checked="true"> Personalized ads</label>', False),
        # A drawn switch: only aria-checked says where it is.
        (
            '<button role="switch" aria-checked="false" aria-label="Personalized ads"></button>',
            False,
        ),
        # A box that nothing names is named by its row (claude.ai's settings rows)...
        ("<div><span>Personalized ads</span><input type=checkbox checked></div>", True),
        # ... only where the row holds no other control...
        (
            "<div><span>Personalized ads</span><input type=checkbox checked>"
            "<input type=checkbox></div>",
            None,
        ),
        # ... and only a box with no name of its own: one named otherwise is another's.
        (
            '<div><span>Personalized ads</span><input type=checkbox checked aria-label="Sounds">'
            "</div>",
            None,
        ),
        # The row's words must begin with the setting's: a sentence that mentions it
        # names nothing.
        (
            "<div><span>Turn off Personalized ads to see fewer ads</span>"
            "<input type=checkbox checked></div>",
            None,
        ),
        # A box inside a shadow root whose aria-labelledby names a label that stands
        # outside it, in the page around the component.
        (
            '<span id="ads-label">Personalized ads</span><shadow-box></shadow-box>'
            "<script>document.querySelector('shadow-box').attachShadow({mode: 'open'})"
            ".innerHTML = '<input type=checkbox aria-labelledby=ads-label>';</script>",
            False,
        ),
        # Reddit's component keeping its position only as its checked attribute.
        (
            "<div><span>Personalized ads</span><faceplate-switch-input checked>"
            "</faceplate-switch-input></div>",
            True,
        ),
        # A box drawn inside a component's shadow root, named by the row around the
        # component (Reddit's faceplate-switch-input).
        (
            "<div><span>Personalized ads</span><span><shadow-box></shadow-box></span></div>"
            "<script>document.querySelector('shadow-box').attachShadow({mode: 'open'})"
            ".innerHTML = '<input type=checkbox checked>';</script>",
            True,
        ),
        # One <label> around two boxes names neither.
        (
            "<label>Personalized ads <input type=checkbox checked> <input type=checkbox></label>",
            None,
        ),
        # A styled switch: the box itself hidden, its label shown.
        (
            '<label><input type=checkbox checked style="display:none">'
            '<span class="track"></span> Personalized ads</label>',
            True,
        ),
        # The whole setting kept in the page but not shown (not offered here, a flag).
        (
            '<div style="display:none"><label><input type=checkbox checked> '
            "Personalized ads</label></div>",
            None,
        ),
        # A description that mentions the setting by name belongs to another box.
        (
            "<label><input type=checkbox checked> Personalize based on your inferred "
            "identity<div>Turn off Personalized ads to see fewer ads.</div></label>",
            None,
        ),
        # A counter id used twice: a hidden copy laid out for other accounts first, then
        # the page as shown, whose box under the same id is another setting. The id's
        # text is taken from the copy the box is in.
        (
            '<section style="display:none"><span id="CHECKBOX_1_LABEL">Personalized ads'
            '</span><input type=checkbox aria-describedby="CHECKBOX_1_LABEL"></section>'
            '<section><span id="CHECKBOX_1_LABEL">Personalize based on your inferred '
            'identity</span><input type=checkbox checked aria-describedby="CHECKBOX_1_LABEL">'
            "</section>",
            None,
        ),
        # The same, with the setting's own box in the shown copy.
        (
            '<section style="display:none"><span id="CHECKBOX_1_LABEL">Personalize based '
            "on your inferred identity</span><input type=checkbox checked "
            'aria-describedby="CHECKBOX_1_LABEL"></section><section><span '
            'id="CHECKBOX_1_LABEL">Personalized ads</span><input type=checkbox '
            'aria-describedby="CHECKBOX_1_LABEL"></section>',
            False,
        ),
    ],
    ids=[
        "x-label",
        "stale-aria",
        "button",
        "row-words",
        "row-of-two",
        "row-but-own-name",
        "row-mentions-it",
        "label-outside-shadow-root",
        "component-checked-attribute",
        "row-around-shadow-root",
        "shared-label",
        "styled-switch",
        "not-shown",
        "description-mentions-it",
        "repeated-counter-id",
        "repeated-counter-id-own",
    ],
)
async def test_what_a_control_is_tied_to_decides(
    shared_browser: Running, markup: str, expected
) -> None:
    switch = Switch(path="/", names=("Personalized ads",), role="checkbox")
    seen = await look_at(shared_browser, markup, switch)
    if expected is None:
        assert isinstance(seen, controls.NotFound), seen
    else:
        assert isinstance(seen, controls.Found), seen
        assert seen.candidate.position is expected


@pytest.mark.browser
@pytest.mark.parametrize("copies", [1, 2])
async def test_a_place_kept_twice_is_read_in_the_copy_shown(
    shared_browser: Running, copies: int
) -> None:
    """X's Grok settings in a hidden copy for another layout, then as shown, with the
    boxes the other way round: only the shown place is looked in."""

    def place(style: str, training: bool) -> str:
        box = "<input type=checkbox{}>"
        return (
            f'<div data-testid="xaiDataSharingSettings" style="{style}">'
            f"<label>Allow your posts to be used for training {box.format(' checked' * training)}"
            f"</label><label>Allow X to personalize your experience with Grok "
            f"{box.format(' checked' * (not training))}</label></div>"
        )

    markup = place("", False) if copies == 1 else place("display:none", True) + place("", False)
    switch = Switch(
        path="/",
        names=("Allow your posts to be used for training",),
        role="checkbox",
        within='[data-testid="xaiDataSharingSettings"]',
    )
    seen = await look_at(shared_browser, markup, switch)
    assert isinstance(seen, controls.Found), seen
    assert seen.candidate.position is False
