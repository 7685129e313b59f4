"""The corrected facts of X, GitHub, Copilot, Squarespace, Grammarly, Substack, Tumblr and
Quora, against their replicas in real Chromium.

Each corrected label, page and address is read on and read off with its neighbours in
the opposite position, and written and read back where it changed; what the replica's
server holds is checked, not only what the plugin says. Copilot's settings are reached
by walking its profile menu; Squarespace's box is kept only by its "Save"; Grammarly's
Pro accounts find the setting at a second address. Every fact rests on a public
address, and every plugin names the sign of a signed-in account and where it is on
record.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from automation.domain.settings import Confidence, Kind, State
from automation.domain.words import WORDS
from automation.page.waits import Waits
from automation.plugin import Plugin
from automation.plugins.copilot import Copilot
from automation.plugins.github import GitHub
from automation.plugins.grammarly import PRO_PATH, Grammarly
from automation.plugins.quora import Quora
from automation.plugins.squarespace import Squarespace
from automation.plugins.substack import Substack
from automation.plugins.tumblr import Tumblr
from automation.plugins.x import X
from automation.replicas import DEMO_USERNAME, SITES, ReplicaServer
from automation.replicas.copilot import CopilotSite
from automation.replicas.grammarly import GrammarlySite
from automation.replicas.server import Account
from automation.replicas.x import XSite
from tests.replica_sites import site_of

PLUGINS: tuple[type[Plugin], ...] = (
    X,
    GitHub,
    Copilot,
    Squarespace,
    Grammarly,
    Substack,
    Tumblr,
    Quora,
)
#: A public address: a URL, or ``owner/repo@<commit>:path``.
ADDRESS = re.compile(r"https://\S+|[\w.-]+/[\w.-]+@[0-9a-f]{7,40}:\S+")


def holder(replica: ReplicaServer, name: str) -> Account:
    return replica.sites[name].account(DEMO_USERNAME)


# -- evidence and the account's sign -------------------------------------------------------


@pytest.mark.parametrize("cls", PLUGINS, ids=lambda cls: cls.name)
def test_every_fact_rests_on_a_public_address_or_is_called_a_guess(cls: type[Plugin]) -> None:
    for setting in cls.settings:
        assert {e.fact for e in setting.evidence} - {WORDS} == {"page", "control", "label"}, (
            setting.id
        )
        for fact in setting.evidence:
            text = fact.source
            assert "platforms.md" not in text and "public report" not in text, (setting.id, text)
            if fact.confidence is Confidence.GUESS:
                assert text.startswith("inferred:"), (setting.id, fact)
            else:
                assert ADDRESS.search(text), (setting.id, fact)
        assert ADDRESS.search(setting.source), (setting.id, setting.source)


@pytest.mark.parametrize("cls", PLUGINS, ids=lambda cls: cls.name)
def test_every_plugin_names_its_account_sign_and_where_it_is_on_record(
    cls: type[Plugin],
) -> None:
    assert cls.session_cookies or cls.signed_in_marker, cls.name
    assert ADDRESS.search(cls.account_source), cls.account_source
    site = SITES[cls.name]
    if cls.session_cookies:
        # The replica keeps its session in a cookie the plugin knows by name.
        assert site.session_cookie in cls.session_cookies, (cls.name, site.session_cookie)


def test_the_corrected_labels_and_manual_steps() -> None:
    off_x = X.setting("off_platform_activity")
    assert any('"Inferred identity"' in step for step in off_x.manual_steps)
    assert any('"Off-X activity"' in step for step in off_x.manual_steps)
    text, voice = Copilot.setting("model_training_text"), Copilot.setting("model_training_voice")
    assert text.label == "Training on conversation activity"
    assert voice.label == "Training on voice conversations"
    assert text.switch and text.switch.names[1] == "Model training on text"
    assert voice.switch and voice.switch.names[1] == "Model training on voice"
    memory = Copilot.setting("personalization_memory")
    assert memory.switch and memory.switch.opens[-1] == 'text="Memory"'
    assert text.switch.opens[-1] == 'text="Privacy"'
    ads = Copilot.setting("ad_personalization")
    assert ads.switch and "Allow ads personalization" in ads.switch.names
    assert ads.sureness("label") is Confidence.GUESS and ads.sureness("control") is Confidence.GUESS
    [crawlers] = Squarespace.settings
    assert crawlers.switch and crawlers.switch.role == "checkbox"
    assert crawlers.switch.submit == "Save" and crawlers.switch.subdomain == "{name}"
    assert crawlers.url.startswith("https://{name}.squarespace.com/config/settings/")
    [grammarly] = Grammarly.settings
    assert grammarly.switch and grammarly.switch.fallbacks == (PRO_PATH,)
    assert PRO_PATH == "/admin/data_settings"


# -- X: the Off-X activity page, now "Inferred identity" ---------------------------------------


@pytest.mark.browser
async def test_x_inferred_identity_page_with_its_neighbour_opposite(
    make_engine, replica: ReplicaServer
) -> None:
    """Both boxes drawn (the page X still calls "Off-X activity"): each read by its own
    label, the neighbour always in the other position and never changed."""
    site, account = site_of(replica, XSite), holder(replica, "x")
    engine = make_engine(X(replica.origins["x"]))
    ids = ["x.off_platform_activity", "x.web_content_use"]
    for value in (True, False):
        account.settings.update(off_platform_activity=value, web_content_use=not value)
        readings = await engine.check(ids)
        assert [r.state for r in readings] == [
            State.ON if value else State.OFF,
            State.OFF if value else State.ON,
        ], readings
    account.settings.update(off_platform_activity=True, web_content_use=False)
    reading = await engine.change("x.off_platform_activity", State.OFF)
    assert reading.state is State.OFF and "read back as off" in reading.detail, reading
    assert account.settings["off_platform_activity"] is False
    assert account.settings["web_content_use"] is False
    assert site.saves == [(DEMO_USERNAME, "off_platform_activity", False)]


@pytest.mark.browser
async def test_x_inferred_identity_page_where_x_draws_its_one_box(
    make_engine, replica: ReplicaServer
) -> None:
    """Where ``ucpd_enabled`` is on, the page is titled "Inferred identity" and holds only
    the inferred identity box (described by ``CHECKBOX_1_LABEL``): it is read and
    written; the other setting of the page is not there, so it reads no value."""
    site, account = site_of(replica, XSite), holder(replica, "x")
    site.ucpd = True
    engine = make_engine(X(replica.origins["x"]), waits=Waits.short())
    account.settings.update(off_platform_activity=False, web_content_use=True)
    [reading] = await engine.check(["x.off_platform_activity"])
    assert reading.state is State.OFF, reading
    account.settings["off_platform_activity"] = True
    [reading] = await engine.check(["x.off_platform_activity"])
    assert reading.state is State.ON, reading
    reading = await engine.change("x.off_platform_activity", State.OFF)
    assert reading.state is State.OFF, reading
    [hidden] = await engine.check(["x.web_content_use"])
    assert not hidden.state.is_value, hidden
    assert account.settings["web_content_use"] is True
    assert site.saves == [(DEMO_USERNAME, "off_platform_activity", False)]


# -- GitHub: the product-improvements drop-down beside the training one ------------------------


@pytest.mark.browser
async def test_github_never_takes_the_product_improvements_drop_down(
    make_engine, replica: ReplicaServer
) -> None:
    """Its words differ from the training drop-down's only at the end, and it shows the
    opposite value: the training drop-down is read and changed, never it."""
    site, account = replica.sites["github"], holder(replica, "github")
    engine = make_engine(GitHub(replica.origins["github"]))
    for value in (True, False):
        account.settings.update(copilot_training=value, product_improvements=not value)
        [reading] = await engine.check(["github.copilot_training"])
        assert reading.state is (State.ON if value else State.OFF), reading
    account.settings.update(copilot_training=True, product_improvements=False)
    reading = await engine.change("github.copilot_training", State.OFF)
    assert reading.state is State.OFF, reading
    assert account.settings["copilot_training"] is False
    assert account.settings["product_improvements"] is False
    assert site.saves == [(DEMO_USERNAME, "copilot_training", False)]


# -- Copilot: the profile menu's Privacy and Memory pages --------------------------------------


@pytest.mark.browser
async def test_copilot_privacy_switches_are_read_through_the_profile_menu(
    make_engine, replica: ReplicaServer
) -> None:
    """Training on conversation activity and on voice, and the ad switch, read on and off
    side by side with opposite positions; a change reaches only its own switch, and the
    page's "Export or delete history" button is never pressed."""
    site, account = site_of(replica, CopilotSite), holder(replica, "copilot")
    engine = make_engine(Copilot(replica.origins["copilot"]))
    ids = ["copilot.model_training_text", "copilot.model_training_voice"]
    for value in (True, False):
        account.settings.update(
            model_training_text=value, model_training_voice=not value, ad_personalization=value
        )
        readings = await engine.check([*ids, "copilot.ad_personalization"])
        on, off = (State.ON, State.OFF) if value else (State.OFF, State.ON)
        assert [r.state for r in readings] == [on, off, on], readings
        assert all(urlpath(r.url) == "/" for r in readings), readings

    account.settings.update(model_training_text=True, model_training_voice=False)
    reading = await engine.change("copilot.model_training_text", State.OFF)
    assert reading.state is State.OFF and "read back as off" in reading.detail, reading
    assert account.settings["model_training_text"] is False
    assert account.settings["model_training_voice"] is False
    assert account.settings["ad_personalization"] is False
    assert site.saves == [(DEMO_USERNAME, "model_training_text", False)]
    assert site.deletes == []


@pytest.mark.browser
async def test_copilot_memory_is_on_its_own_page_beside_microsoft_usage_data(
    make_engine, replica: ReplicaServer
) -> None:
    site, account = site_of(replica, CopilotSite), holder(replica, "copilot")
    engine = make_engine(Copilot(replica.origins["copilot"]))
    for value in (True, False):
        account.settings.update(personalization_memory=value, microsoft_usage_data=not value)
        [reading] = await engine.check(["copilot.personalization_memory"])
        assert reading.state is (State.ON if value else State.OFF), reading
    account.settings.update(personalization_memory=True, microsoft_usage_data=False)
    reading = await engine.change("copilot.personalization_memory", State.OFF)
    assert reading.state is State.OFF, reading
    assert (
        account.settings["personalization_memory"],
        account.settings["microsoft_usage_data"],
    ) == (
        False,
        False,
    )
    assert site.saves == [(DEMO_USERNAME, "personalization_memory", False)]
    assert site.deletes == []


@pytest.mark.browser
async def test_copilot_earlier_wording_is_still_read(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica, "copilot")
    account.labels["model_training_text"] = "Model training on text"
    account.settings["model_training_text"] = False
    engine = make_engine(Copilot(replica.origins["copilot"]))
    [reading] = await engine.check(["copilot.model_training_text"])
    assert reading.state is State.OFF, reading
    assert "Model training on text" in reading.detail


@pytest.mark.browser
async def test_copilot_signed_out_shows_no_profile_icon_and_reads_nothing(
    make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, CopilotSite)
    engine = make_engine(Copilot(replica.origins["copilot"]), signed_in=False, waits=Waits.short())
    readings = await engine.check([s.id for s in Copilot.settings])
    assert all(r.state is State.NEEDS_LOGIN for r in readings), readings
    assert site.saves == [] and site.deletes == []


# -- Squarespace: a checkbox on each site's own host, kept only by "Save" ----------------------


@pytest.mark.browser
async def test_squarespace_box_is_read_beside_the_search_engine_box_and_kept_by_save(
    make_engine, replica: ReplicaServer
) -> None:
    site, account = replica.sites["squarespace"], holder(replica, "squarespace")
    first, second = account.blogs
    engine = make_engine(Squarespace(replica.origins["squarespace"]))
    for value in (True, False):
        account.settings.update(
            {
                f"block_ai_crawlers@{first}": value,
                f"block_search_crawlers@{first}": not value,
                f"block_ai_crawlers@{second}": not value,
                f"block_search_crawlers@{second}": value,
            }
        )
        readings = await engine.check(["squarespace.block_ai_crawlers"])
        on, off = (State.ON, State.OFF) if value else (State.OFF, State.ON)
        assert [r.state for r in readings] == [on, off], readings
        assert [r.url for r in readings] == [
            f"{host(replica, name)}/config/settings/crawlers" for name in (first, second)
        ]

    account.settings.update(
        {f"block_ai_crawlers@{first}": False, f"block_search_crawlers@{first}": True}
    )
    reading = await engine.change(f"squarespace.block_ai_crawlers@{first}", State.ON)
    assert reading.state is State.ON and "read back as on" in reading.detail, reading
    assert account.settings[f"block_ai_crawlers@{first}"] is True
    assert account.settings[f"block_search_crawlers@{first}"] is True
    assert site.saves == [(DEMO_USERNAME, f"block_ai_crawlers@{first}", True)]


@pytest.mark.browser
async def test_squarespace_box_not_saved_is_not_reported_done(
    make_engine, replica: ReplicaServer
) -> None:
    """A Save the site refuses leaves the box as it was, and the reading says so."""
    site, account = replica.sites["squarespace"], holder(replica, "squarespace")
    first = account.blogs[0]
    account.settings[f"block_ai_crawlers@{first}"] = False
    account.failing.add("block_ai_crawlers")
    engine = make_engine(Squarespace(replica.origins["squarespace"]), waits=Waits(save_ms=2_000))
    reading = await engine.change(f"squarespace.block_ai_crawlers@{first}", State.ON)
    assert reading.state is State.OFF, reading
    assert account.settings[f"block_ai_crawlers@{first}"] is False
    assert site.saves == []


@pytest.mark.browser
async def test_squarespace_signed_out_reads_needs_login(
    make_engine, replica: ReplicaServer
) -> None:
    engine = make_engine(
        Squarespace(replica.origins["squarespace"]), signed_in=False, waits=Waits.short()
    )
    [reading] = await engine.check(["squarespace.block_ai_crawlers"])
    assert reading.state is State.NEEDS_LOGIN, reading
    assert replica.sites["squarespace"].saves == []


# -- Grammarly: the Pro accounts' second address -----------------------------------------------


@pytest.mark.browser
async def test_grammarly_pro_account_is_read_and_written_at_its_data_settings(
    make_engine, replica: ReplicaServer
) -> None:
    site, account = site_of(replica, GrammarlySite), holder(replica, "grammarly")
    site.pro.add(DEMO_USERNAME)
    engine = make_engine(Grammarly(replica.origins["grammarly"]))
    for value in (True, False):
        account.settings["product_improvement"] = value
        [reading] = await engine.check(["grammarly.product_improvement"])
        assert reading.state is (State.ON if value else State.OFF), reading
        assert urlpath(reading.url) == PRO_PATH, reading
    account.settings["product_improvement"] = True
    reading = await engine.change("grammarly.product_improvement", State.OFF)
    assert reading.state is State.OFF, reading
    assert account.settings["product_improvement"] is False
    assert site.saves == [(DEMO_USERNAME, "product_improvement", False)]


@pytest.mark.browser
async def test_grammarly_team_wording_is_read(make_engine, replica: ReplicaServer) -> None:
    account = holder(replica, "grammarly")
    account.labels["product_improvement"] = "Product Improvement & Training"
    account.settings["product_improvement"] = False
    engine = make_engine(Grammarly(replica.origins["grammarly"]))
    [reading] = await engine.check(["grammarly.product_improvement"])
    assert reading.state is State.OFF, reading
    assert urlpath(reading.url) == "/security/privacy"


# -- Substack and Tumblr: the newer wording, the neighbour -------------------------------------


@pytest.mark.browser
async def test_substack_2026_wording_is_read_and_written(
    make_engine, replica: ReplicaServer
) -> None:
    site, account = replica.sites["substack"], holder(replica, "substack")
    first, second = account.blogs
    account.labels["block_ai_training"] = "Opt out of AI training"
    account.settings.update(
        {f"block_ai_training@{first}": False, f"block_ai_training@{second}": True}
    )
    engine = make_engine(Substack(replica.origins["substack"]))
    readings = await engine.check(["substack.block_ai_training"])
    assert [r.state for r in readings] == [State.OFF, State.ON], readings
    reading = await engine.change(f"substack.block_ai_training@{first}", State.ON)
    assert reading.state is State.ON, reading
    assert site.saves == [(DEMO_USERNAME, f"block_ai_training@{first}", True)]


@pytest.mark.browser
async def test_tumblr_visibility_neighbour_is_never_read_or_changed(
    make_engine, replica: ReplicaServer
) -> None:
    site, account = replica.sites["tumblr"], holder(replica, "tumblr")
    first = account.blogs[0]
    engine = make_engine(Tumblr(replica.origins["tumblr"]))
    for value in (True, False):
        account.settings.update(
            {f"third_party_sharing@{first}": value, f"discourage_search@{first}": not value}
        )
        [reading] = await engine.check([f"tumblr.third_party_sharing@{first}"])
        assert reading.state is (State.ON if value else State.OFF), reading
    reading = await engine.change(f"tumblr.third_party_sharing@{first}", State.ON)
    assert reading.state is State.ON, reading
    assert account.settings[f"discourage_search@{first}"] is True
    assert site.saves == [(DEMO_USERNAME, f"third_party_sharing@{first}", True)]


@pytest.mark.parametrize("cls", PLUGINS, ids=lambda cls: cls.name)
def test_no_setting_of_these_plugins_is_done_by_hand(cls: type[Plugin]) -> None:
    assert all(s.kind is Kind.TOGGLE for s in cls.settings)


# -- helpers -----------------------------------------------------------------------------------


def urlpath(url: str | None) -> str:
    return urlsplit(url or "").path


def host(replica: ReplicaServer, site: str) -> str:
    """The address of ``site``'s own host below the Squarespace replica's."""
    origin = urlsplit(replica.origins["squarespace"])
    return f"{origin.scheme}://{site}.{origin.netloc}"
