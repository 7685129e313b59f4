"""LinkedIn's settings pages as public records show them, read and switched in real Chromium.

The replica draws each page from the same evidence as the plugin (a crawl of a
signed-in account's pages, brave's automation code): the current words of each
switch, the former ones the page names in a note, the pages that hold two switches,
the combined demographics page and the two addresses of the profile-visibility
page. Each test reads what the replica's server holds, not only what the plugin
says, and a neighbour or a look-alike in the other position must never be read or
switched.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import pytest

from automation.browser.launch import Running
from automation.browser.pool import by_page
from automation.domain.settings import FACTS, Confidence, State
from automation.page.waits import Waits
from automation.plugins.linkedin import LinkedIn
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.linkedin import LinkedInSite
from automation.replicas.server import DECOY, Account

SETTINGS = "/mypreferences/d/settings/"
DEMOGRAPHICS = SETTINGS + "ads-demographics"
VISIBILITY = "/mypreferences/d/profile-visibility-for-partners"
VISIBILITY_IN_SETTINGS = SETTINGS + "profile-visibility-for-partners"

#: Each corrected setting: its label in the checklist, and the switch's current words.
CORRECTED = {
    "ads_beyond_linkedin": ("Ads off LinkedIn", "Ads off LinkedIn"),
    "ads_third_party_data": ("Data from others for ads", "Use data from others"),
    "ads_conversion_tracking": ("Measure ad success", "Use your data for evaluating ad success"),
    "ads_age": ("Age range", "Use your age range for ads"),
    "marketing_ads": (
        "Personalized promotions of LinkedIn products",
        "Personalized promotions of LinkedIn products",
    ),
    "marketing_emails": ("LinkedIn promotional emails", "LinkedIn promotional emails"),
    "profile_visibility_partners": (
        "Profile visibility outside LinkedIn",
        "Profile visibility outside LinkedIn",
    ),
}
#: The pages that hold two switches: each one's neighbour.
NEIGHBOUR = {"marketing_ads": "marketing_emails", "marketing_emails": "marketing_ads"}


def site(replica: ReplicaServer) -> LinkedInSite:
    found = replica.sites["linkedin"]
    assert isinstance(found, LinkedInSite)
    return found


def account(replica: ReplicaServer) -> Account:
    """The demo account as the replica keeps it (server-side state)."""
    return site(replica).account(DEMO_USERNAME)


def decoys(holder: Account) -> dict[str, bool]:
    return {k: v for k, v in holder.settings.items() if k.endswith(DECOY)}


def state(value: bool) -> State:
    return State.ON if value else State.OFF


# -- the plugin's data --------------------------------------------------------------------


def test_labels_are_the_platforms_current_words() -> None:
    for key, (label, words) in CORRECTED.items():
        setting = LinkedIn.setting(key)
        assert setting.label == label, key
        assert setting.switch is not None
        assert setting.switch.names[0] == words, key
        # A person is told the switch by the words the page shows.
        assert any(words in step for step in setting.manual_steps), key


def test_manual_steps_name_the_current_menu_entries() -> None:
    menus = {
        "ads_third_party_data": "Data from others for ads",
        "ads_conversion_tracking": "Measure ad success",
        "ads_age": "Age range",
        "marketing_ads": "LinkedIn promotions",
        "profile_visibility_partners": "Profile discovery and visibility off LinkedIn",
    }
    for key, menu in menus.items():
        assert f'Open "{menu}".' in LinkedIn.setting(key).manual_steps, key


def test_former_wordings_are_second_names_and_both_addresses_are_known() -> None:
    names = {s.key: s.switch.names for s in LinkedIn.settings if s.switch}
    assert "Ads Beyond LinkedIn" in names["ads_beyond_linkedin"][1:]
    assert "Interaction with businesses" in names["ads_third_party_data"][1:]
    assert "Ad-related actions" in names["ads_conversion_tracking"][1:]
    assert "Use your age for ads" in names["ads_age"]
    age, gender = LinkedIn.setting("ads_age").switch, LinkedIn.setting("ads_gender").switch
    assert age is not None and gender is not None
    assert age.fallbacks == gender.fallbacks == (DEMOGRAPHICS,)
    visibility = LinkedIn.setting("profile_visibility_partners").switch
    assert visibility is not None
    assert (visibility.path, visibility.fallbacks) == (VISIBILITY, (VISIBILITY_IN_SETTINGS,))


def test_every_fact_names_a_public_address() -> None:
    for setting in LinkedIn.settings:
        # The Japanese interface's words name their addresses after the word itself
        # (tests/plugins/test_settings_in_japanese.py).
        for fact in (e for e in setting.evidence if e.fact in FACTS):
            if fact.confidence is Confidence.GUESS:
                assert fact.source.startswith("inferred:"), (setting.id, fact)
            else:
                assert fact.source.startswith("https://") or "@" in fact.source.split()[0], (
                    setting.id,
                    fact,
                )
                assert "platforms.md" not in fact.source and "public report" not in fact.source


def test_the_account_sign_is_the_session_cookie_on_record() -> None:
    assert LinkedIn.session_cookies == ("li_at",)
    assert LinkedInSite.session_cookie in LinkedIn.session_cookies
    assert "https://www.linkedin.com/legal/l/cookie-table" in LinkedIn.account_source
    assert "li_at" in LinkedIn.account_source


def test_the_replica_shows_each_switch_in_words_the_plugin_knows() -> None:
    """The replica and the plugin rest on the same record: every label a page draws
    is one of its setting's known wordings (or the switch carries its own id)."""
    for drawn in LinkedInSite.pages:
        switch = LinkedIn.setting(drawn.key).switch
        assert switch is not None
        assert drawn.control.label in switch.names or drawn.control.own_id in switch.ids, drawn


# -- reading the corrected labels -----------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("value", [True, False], ids=["on", "off"])
async def test_each_corrected_label_reads_its_own_switch(
    value: bool, make_engine, replica: ReplicaServer
) -> None:
    """Every corrected setting, its id renamed so only its current words can find it,
    reads ``value``; its neighbour on the same page (or a look-alike drawn first) is
    in the other position and is never read or switched."""
    holder = account(replica)
    for key in CORRECTED:
        holder.renamed.add(key)
        holder.settings[key] = value
        if key not in NEIGHBOUR:
            holder.decoys.add(key)
    holder.settings["marketing_emails"] = not value
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    readings = {r.setting_id: r for r in await engine.check([f"linkedin.{k}" for k in CORRECTED])}
    for key, (_, words) in CORRECTED.items():
        reading = readings[f"linkedin.{key}"]
        expected = state(not value) if key == "marketing_emails" else state(value)
        assert reading.state is expected, reading
        assert f'its label "{words}"' in reading.detail, reading
    assert all(v is (not value) for v in decoys(holder).values())
    assert len(decoys(holder)) == len(CORRECTED) - len(NEIGHBOUR)
    assert site(replica).saves == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("key", "former"),
    [
        ("ads_beyond_linkedin", "Ads Beyond LinkedIn"),
        ("ads_third_party_data", "Interaction with businesses"),
        ("ads_conversion_tracking", "Ad-related actions"),
    ],
)
async def test_a_former_wording_is_still_read(
    key: str, former: str, make_engine, replica: ReplicaServer
) -> None:
    """A page still drawn with the wording it had before (the id gone too) is read by it."""
    holder = account(replica)
    holder.settings[key] = False
    holder.labels[key] = former
    holder.renamed.add(key)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    [reading] = await engine.check([f"linkedin.{key}"])
    assert reading.state is State.OFF, reading
    assert f'its label "{former}"' in reading.detail


# -- writing --------------------------------------------------------------------------------


def rounds(keys: list[str]) -> list[list[str]]:
    """``keys`` in rounds of settings on different pages: the n-th of each page's."""
    plugin = LinkedIn("http://127.0.0.1:9")
    pages = by_page(plugin, [LinkedIn.setting(key) for key in keys])
    longest = max(len(group) for group in pages)
    return [[group[n].key for group in pages if n < len(group)] for n in range(longest)]


@pytest.mark.browser
async def test_switching_off_reaches_only_the_setting_and_reads_back(
    make_engine, replica: ReplicaServer
) -> None:
    """Found by its words alone, each switch is turned off, saved and read back off; the
    neighbour or the look-alike keeps its position and no other save is sent. The
    settings of different pages are turned off at once, in one engine."""
    holder = account(replica)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    every = rounds(sorted(CORRECTED))
    assert sorted(key for keys in every for key in keys) == sorted(CORRECTED)
    for keys in every:
        for key in keys:
            holder.settings[key] = True
            holder.renamed.add(key)
            neighbour = NEIGHBOUR.get(key)
            if neighbour:
                holder.settings[neighbour] = False
            else:
                holder.decoys.add(key)
        site(replica).saves.clear()
        before = await engine.check([f"linkedin.{key}" for key in keys])
        assert [(r.setting_id, r.state) for r in before if r.state is not State.ON] == []
        kept = decoys(holder)

        async def turn_off(key: str) -> list[object]:
            """What went wrong turning ``key`` off (nothing: [])."""
            reading = await engine.change(f"linkedin.{key}", State.OFF)
            wrong: list[object] = []
            if reading.state is not State.OFF or "read back" not in reading.detail:
                wrong.append((key, reading.state, reading.detail))
            if holder.settings[key] is not False:
                wrong.append((key, "not kept by the site"))
            neighbour = NEIGHBOUR.get(key)
            if neighbour and holder.settings[neighbour] is not False:
                wrong.append((key, "its neighbour was switched"))
            return wrong

        turned = await asyncio.gather(*(turn_off(key) for key in keys))
        assert [wrong for wrong in turned if wrong] == []
        assert sorted(site(replica).saves) == sorted((DEMO_USERNAME, key, False) for key in keys)
        assert decoys(holder) == kept
        again = await engine.check([f"linkedin.{key}" for key in keys])
        assert [(r.setting_id, r.state) for r in again if r.state is not State.OFF] == []


# -- the combined demographics page ------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("age", [True, False], ids=["age-on", "age-off"])
async def test_the_combined_demographics_page_reads_each_switch_by_its_words(
    age: bool, make_engine, replica: ReplicaServer
) -> None:
    """Where the age and gender pages are gone, both settings are read on the one page
    that holds both, each by its own words, in opposite positions; switching age off
    leaves gender as it was."""
    site(replica).gone.update({SETTINGS + "ads-by-age", SETTINGS + "ads-by-gender"})
    holder = account(replica)
    holder.settings.update(ads_age=age, ads_gender=not age)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    readings = {
        r.setting_id: r for r in await engine.check(["linkedin.ads_age", "linkedin.ads_gender"])
    }
    age_reading, gender_reading = readings["linkedin.ads_age"], readings["linkedin.ads_gender"]
    assert age_reading.state is state(age), age_reading
    assert gender_reading.state is state(not age), gender_reading
    assert 'its label "Use your age for ads"' in age_reading.detail
    assert 'its label "Use your gender for ads"' in gender_reading.detail
    for reading in readings.values():
        assert urlsplit(reading.url or "").path == DEMOGRAPHICS

    switched = "ads_age" if age else "ads_gender"
    reading = await engine.change(f"linkedin.{switched}", State.OFF)
    assert reading.state is State.OFF, reading
    assert (holder.settings["ads_age"], holder.settings["ads_gender"]) == (False, False)
    assert site(replica).saves == [(DEMO_USERNAME, switched, False)]


@pytest.mark.browser
async def test_on_the_combined_page_a_missing_age_switch_never_takes_gender(
    make_engine, replica: ReplicaServer
) -> None:
    """The age switch gone from the combined page, the gender switch beside it is not
    taken for it: ``unknown``, and a change is never sent."""
    site(replica).gone.add(SETTINGS + "ads-by-age")
    holder = account(replica)
    holder.hidden.add("ads_age")
    holder.settings["ads_gender"] = False
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check(["linkedin.ads_age"])
    assert reading.state is State.UNKNOWN, reading
    written = await engine.change("linkedin.ads_age", State.OFF)
    assert written.state is State.UNKNOWN
    assert holder.settings["ads_gender"] is False and holder.settings["ads_age"] is True
    assert site(replica).saves == []


# -- the profile-visibility page at both addresses ------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    ("gone", "served"),
    [(None, VISIBILITY), (VISIBILITY, VISIBILITY_IN_SETTINGS)],
    ids=["first-address", "second-address"],
)
async def test_profile_visibility_is_read_and_switched_at_either_address(
    gone: str | None, served: str, make_engine, replica: ReplicaServer
) -> None:
    if gone:
        site(replica).gone.add(gone)
    holder = account(replica)
    holder.decoys.add("profile_visibility_partners")
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    setting_id = "linkedin.profile_visibility_partners"
    for value in (False, True):
        holder.settings["profile_visibility_partners"] = value
        [reading] = await engine.check([setting_id])
        assert reading.state is state(value), reading
        assert urlsplit(reading.url or "").path == served
    kept = decoys(holder)
    reading = await engine.change(setting_id, State.OFF)
    assert reading.state is State.OFF, reading
    assert urlsplit(reading.url or "").path == served
    assert holder.settings["profile_visibility_partners"] is False
    assert site(replica).saves == [(DEMO_USERNAME, "profile_visibility_partners", False)]
    assert decoys(holder) == kept


@pytest.mark.browser
async def test_profile_visibility_gone_at_both_addresses_is_unavailable_naming_both(
    make_engine, replica: ReplicaServer
) -> None:
    site(replica).gone.update({VISIBILITY, VISIBILITY_IN_SETTINGS})
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    [reading] = await engine.check(["linkedin.profile_visibility_partners"])
    assert reading.state is State.UNAVAILABLE, reading
    assert VISIBILITY in reading.detail and VISIBILITY_IN_SETTINGS in reading.detail


# -- signed out, not offered, look-alikes ----------------------------------------------------------


@pytest.mark.browser
async def test_signed_out_needs_login_and_changes_nothing(
    make_engine, replica: ReplicaServer
) -> None:
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), signed_in=False)
    ids = ["linkedin.ads_third_party_data", "linkedin.profile_visibility_partners"]
    for reading in await engine.check(ids):
        assert reading.state is State.NEEDS_LOGIN, reading
    written = await engine.change("linkedin.ads_third_party_data", State.OFF)
    assert written.state is State.NEEDS_LOGIN
    assert account(replica).settings["ads_third_party_data"] is True
    assert site(replica).saves == []


@pytest.mark.browser
async def test_not_offered_here_is_unavailable(make_engine, replica: ReplicaServer) -> None:
    account(replica).not_offered.add("profile_visibility_partners")
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check(["linkedin.profile_visibility_partners"])
    assert reading.state is State.UNAVAILABLE, reading
    assert "isn't available in your region" in reading.detail


@pytest.mark.browser
@pytest.mark.parametrize("key", ["ads_beyond_linkedin", "profile_visibility_partners"])
async def test_a_page_with_only_a_look_alike_reads_unknown_and_is_never_clicked(
    key: str, make_engine, replica: ReplicaServer
) -> None:
    """The setting's own switch gone, a look-alike left (and, on the ads page, its former
    name in a note): ``unknown``, and the look-alike keeps its position."""
    holder = account(replica)
    holder.hidden.add(key)
    holder.decoys.add(key)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check([f"linkedin.{key}"])
    assert reading.state is State.UNKNOWN, reading
    kept = decoys(holder)
    written = await engine.change(f"linkedin.{key}", State.OFF)
    assert written.state is State.UNKNOWN
    assert decoys(holder) == kept
    assert site(replica).saves == []


# -- a confirmation that sits hidden in the page -------------------------------------------------


@pytest.mark.browser
async def test_the_confirmation_sits_hidden_in_the_page_until_the_click(
    shared_browser: Running, replica: ReplicaServer
) -> None:
    """The replica's dialog is in the page before the click, hidden, and the click that
    turns the switch off shows it; nothing is saved until it is answered."""
    account(replica).confirms["ai_training"] = "known"
    origin = replica.origins["linkedin"]
    browser = shared_browser.browser
    context = await browser.new_context(
        storage_state=site(replica).storage_state(origin, DEMO_USERNAME)
    )
    page = await context.new_page()
    await page.goto(origin + SETTINGS + "data-for-ai-improvement")
    switch = page.locator('input[aria-labelledby="allowDataForGenerativeAI"]')
    dialog = page.get_by_role("dialog", include_hidden=True)
    await switch.wait_for()
    assert await dialog.count() == 1
    assert not await dialog.is_visible()
    await switch.click()
    await dialog.wait_for(state="visible")
    assert site(replica).saves == []
    assert await switch.is_checked()
    await dialog.get_by_role("button", name="Cancel").click()
    await dialog.wait_for(state="hidden")
    assert await switch.is_checked()
    assert site(replica).saves == []


@pytest.mark.browser
async def test_switching_off_through_a_hidden_confirmation_is_confirmed_and_read_back(
    make_engine, replica: ReplicaServer
) -> None:
    """The AI-training switch asks first, in a dialog that was hidden in the page: it is
    seen once shown, its "Turn off" is pressed, and the account holds the change."""
    holder = account(replica)
    holder.confirms["ai_training"] = "known"
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    reading = await engine.change("linkedin.ai_training", State.OFF)
    assert reading.state is State.OFF, reading
    assert "read back" in reading.detail
    assert holder.settings["ai_training"] is False
    assert site(replica).saves == [(DEMO_USERNAME, "ai_training", False)]


@pytest.mark.browser
async def test_a_hidden_dialog_that_offers_to_delete_is_cancelled(
    make_engine, replica: ReplicaServer
) -> None:
    """A dialog shown by the click whose only yes is "Delete my history too" is cancelled:
    nothing is saved and the setting stays on."""
    holder = account(replica)
    holder.confirms["ai_training"] = "strange"
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    reading = await engine.change("linkedin.ai_training", State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert "Delete my history too" in reading.detail and "cancelled" in reading.detail
    assert holder.settings["ai_training"] is True
    assert site(replica).saves == []
