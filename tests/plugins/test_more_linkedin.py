"""LinkedIn's other advertising-data pages and its Microsoft Word page, in real Chromium.

No automation records these pages: a crawl of a signed-in account's pages gives each
page's address, its question and the words of its control, and the screenshots show
a switch, or on three pages a checkbox per kind of profile data. No id is on record,
so each control is found by its words alone. The replica draws the pages from the
same record, the checkboxes of one page in different positions, and a look-alike
for another setting before a single switch: a locator that took "the switch on the
page" or "the first box" reads a wrong value here. Each test reads what the
replica's server holds, not only what the plugin says.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import pytest

from automation.domain import wishes
from automation.domain.settings import FACTS, Confidence, State
from automation.page.waits import Waits
from automation.plugins.linkedin import CRAWL, LinkedIn
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.linkedin import LinkedInSite
from automation.replicas.server import DECOY, Account

SETTINGS = "/mypreferences/d/settings/"

#: Each single-switch page's setting: its address and the words of its switch.
SWITCHES = {
    "ads_profile_location": (
        "ads-location",
        "Use postal code and city you enter in your profile",
    ),
    "ads_connections": ("ads-connections", "Use connections data"),
    "ads_companies_followed": ("ads-companies-followed", "Use followed companies data"),
    "ads_groups": ("ads-based-on-groups", "Use groups data"),
    "ads_customized_display": ("ads-personalization", "Use profile data for customized display"),
    "work_experience_in_word": (
        "use-linkedin-data-in-microsoft-word",
        "Show work experience in Word",
    ),
}
#: Each checkbox page: its address and its boxes (setting, words) in order.
BOXES = {
    "ads-education": (
        ("ads_schools", "Schools"),
        ("ads_fields_of_study", "Field of study"),
        ("ads_degrees", "Degrees"),
        ("ads_skills", "Skills"),
        ("ads_graduation_year", "Last graduation year"),
    ),
    "ads-employer": (
        ("ads_current_company", "Current company"),
        ("ads_past_companies", "Past companies"),
    ),
    "ads-job-information": (
        ("ads_current_job", "Current job"),
        ("ads_past_jobs", "Past jobs"),
    ),
}
WORDS = {
    **{key: words for key, (_, words) in SWITCHES.items()},
    **{key: words for boxes in BOXES.values() for key, words in boxes},
}
PAGES = {
    **{key: SETTINGS + slug for key, (slug, _) in SWITCHES.items()},
    **{key: SETTINGS + slug for slug, boxes in BOXES.items() for key, _ in boxes},
}
NEW = sorted(WORDS)


def site(replica: ReplicaServer) -> LinkedInSite:
    found = replica.sites["linkedin"]
    assert isinstance(found, LinkedInSite)
    return found


def account(replica: ReplicaServer) -> Account:
    return site(replica).account(DEMO_USERNAME)


def decoys(holder: Account) -> dict[str, bool]:
    return {k: v for k, v in holder.settings.items() if k.endswith(DECOY)}


def state(value: bool) -> State:
    return State.ON if value else State.OFF


def ids(keys) -> list[str]:
    return [f"linkedin.{key}" for key in keys]


# -- the plugin's data --------------------------------------------------------------------


def test_each_setting_is_found_by_its_own_words_on_its_own_page() -> None:
    for key in NEW:
        setting = LinkedIn.setting(key)
        assert setting.switch is not None
        assert setting.switch.path == PAGES[key], key
        assert setting.switch.names == (WORDS[key],), key
        # No id is on record for any of them: none is made up.
        assert setting.switch.ids == () and setting.switch.testid is None, key
        boxed = any(key in dict(boxes) for boxes in BOXES.values())
        assert setting.switch.role == ("checkbox" if boxed else "switch"), key
        last = setting.manual_steps[-1]
        assert last == (f'Uncheck "{WORDS[key]}".' if boxed else f'Switch "{WORDS[key]}" off.')


def test_each_fact_rests_on_the_crawl_of_the_signed_in_page() -> None:
    for key in NEW:
        setting = LinkedIn.setting(key)
        # The words of LinkedIn's Japanese interface its steps name are a fact apart.
        facts = {e.fact: e for e in setting.evidence if e.fact in FACTS}
        assert set(facts) == {"page", "control", "label"}, key
        for fact in facts.values():
            assert fact.source.startswith(CRAWL + ":"), (key, fact)
        assert facts["page"].confidence is Confidence.CONFIRMED
        assert facts["label"].confidence is Confidence.CONFIRMED
        assert f'"{WORDS[key]}"' in facts["label"].source
        # How the control is found is not seen in any markup: it is the words.
        assert facts["control"].confidence is Confidence.LIKELY
        assert "No id or markup of it is on record" in facts["control"].source


def test_every_new_setting_shares_data_for_ads_so_both_presets_turn_it_off() -> None:
    for key in NEW:
        setting = LinkedIn.setting(key)
        assert not wishes.convenience(setting), key
        assert wishes.recommended(setting) is State.OFF
        assert wishes.strict(setting) is State.OFF


def test_the_replica_draws_each_page_from_the_same_record() -> None:
    drawn = {p.key: p for p in LinkedInSite.pages if p.key in WORDS}
    assert set(drawn) == set(WORDS)
    for key, page in drawn.items():
        assert page.path == PAGES[key]
        assert page.control.label == WORDS[key]
        # No id of the real page's is on record: the replica invents none either.
        assert page.control.labelledby is None and page.control.own_id is None
    for slug, boxes in BOXES.items():
        on_page = [p.key for p in LinkedInSite.pages if p.path == SETTINGS + slug]
        assert on_page == [key for key, _ in boxes]
        assert all(drawn[key].control.kind == "checkbox" for key, _ in boxes)


# -- reading ------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("value", [True, False], ids=["on", "off"])
async def test_each_setting_reads_its_own_control(
    value: bool, make_engine, replica: ReplicaServer
) -> None:
    """Every single switch reads ``value`` with a look-alike drawn first in the other
    position; on each checkbox page the boxes alternate, so a box taken for its
    neighbour reads wrong. Nothing is saved."""
    holder = account(replica)
    for key in SWITCHES:
        holder.settings[key] = value
        holder.decoys.add(key)
    expected = {key: value for key in SWITCHES}
    for boxes in BOXES.values():
        for n, (key, _) in enumerate(boxes):
            holder.settings[key] = expected[key] = value if n % 2 == 0 else not value
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    readings = {r.setting_id: r for r in await engine.check(ids(NEW))}
    for key in NEW:
        reading = readings[f"linkedin.{key}"]
        assert reading.state is state(expected[key]), reading
        assert f'its label "{WORDS[key]}"' in reading.detail, reading
        assert urlsplit(reading.url or "").path == PAGES[key]
    assert all(v is (not value) for v in decoys(holder).values())
    assert len(decoys(holder)) == len(SWITCHES)
    assert site(replica).saves == []


# -- writing ------------------------------------------------------------------------------------


#: The settings turned off at once, one of each page a round (a page's boxes one after
#: another: each is turned off with the page's other boxes off).
ROUNDS = [
    [*SWITCHES, *(boxes[0][0] for boxes in BOXES.values())],
    *(
        [boxes[n][0] for boxes in BOXES.values() if n < len(boxes)]
        for n in range(1, max(len(boxes) for boxes in BOXES.values()))
    ),
]


def test_the_rounds_turn_off_every_setting_once() -> None:
    assert sorted(key for keys in ROUNDS for key in keys) == NEW
    assert all(len({PAGES[key] for key in keys}) == len(keys) for keys in ROUNDS)


@pytest.mark.browser
async def test_turning_off_reaches_only_the_setting_and_reads_back(
    make_engine, replica: ReplicaServer
) -> None:
    """Found by its words alone, each control is turned off, saved and read back off; the
    other boxes of its page (off, so that they differ) or the look-alike keep their
    position, and no other save is sent. The settings of different pages are turned off
    at once, in one engine."""
    holder = account(replica)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    for keys in ROUNDS:
        neighbours = {
            key: [k for boxes in BOXES.values() if key in dict(boxes) for k, _ in boxes]
            for key in keys
        }
        for key in keys:
            holder.settings[key] = True
            for other in neighbours[key]:
                if other != key:
                    holder.settings[other] = False
            if not neighbours[key]:
                holder.decoys.add(key)
        site(replica).saves.clear()
        before = await engine.check(ids(keys))
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
            return wrong

        turned = await asyncio.gather(*(turn_off(key) for key in keys))
        assert [wrong for wrong in turned if wrong] == []
        assert sorted(site(replica).saves) == sorted((DEMO_USERNAME, key, False) for key in keys)
        assert decoys(holder) == kept
        assert [k for key in keys for k in neighbours[key] if holder.settings[k] is not False] == []
        again = await engine.check(ids(keys))
        assert [(r.setting_id, r.state) for r in again if r.state is not State.OFF] == []


@pytest.mark.browser
async def test_a_box_is_checked_again_without_touching_the_others(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica)
    holder.settings.update(ads_current_job=False, ads_past_jobs=False)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]))
    reading = await engine.change("linkedin.ads_past_jobs", State.ON)
    assert reading.state is State.ON, reading
    assert (holder.settings["ads_current_job"], holder.settings["ads_past_jobs"]) == (False, True)
    assert site(replica).saves == [(DEMO_USERNAME, "ads_past_jobs", True)]


# -- signed out, not offered, look-alikes -----------------------------------------------------


@pytest.mark.browser
async def test_signed_out_needs_login_and_changes_nothing(
    make_engine, replica: ReplicaServer
) -> None:
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), signed_in=False)
    for reading in await engine.check(ids(NEW)):
        assert reading.state is State.NEEDS_LOGIN, reading
    for key in ("ads_groups", "ads_skills"):
        written = await engine.change(f"linkedin.{key}", State.OFF)
        assert written.state is State.NEEDS_LOGIN
        assert account(replica).settings[key] is True
    assert site(replica).saves == []


@pytest.mark.browser
@pytest.mark.parametrize("key", ["work_experience_in_word", "ads_degrees"])
async def test_not_offered_here_is_unavailable(
    key: str, make_engine, replica: ReplicaServer
) -> None:
    account(replica).not_offered.add(key)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check([f"linkedin.{key}"])
    assert reading.state is State.UNAVAILABLE, reading
    assert "isn't available in your region" in reading.detail
    assert site(replica).saves == []


@pytest.mark.browser
@pytest.mark.parametrize("key", ["ads_connections", "ads_current_company"])
async def test_a_page_without_the_setting_reads_unknown_and_nothing_is_clicked(
    key: str, make_engine, replica: ReplicaServer
) -> None:
    """The setting's own control gone, a look-alike left (and, on a checkbox page, the
    other box): ``unknown``, and nothing on the page changes."""
    holder = account(replica)
    holder.hidden.add(key)
    holder.decoys.add(key)
    engine = make_engine(LinkedIn(replica.origins["linkedin"]), waits=Waits.short())
    [reading] = await engine.check([f"linkedin.{key}"])
    assert reading.state is State.UNKNOWN, reading
    kept = dict(holder.settings)
    written = await engine.change(f"linkedin.{key}", State.OFF)
    assert written.state is State.UNKNOWN
    assert holder.settings == kept
    assert site(replica).saves == []
