"""The corrections ``shared/platforms.md`` records, against the replicas in real Chromium.

GitHub's training setting is a drop-down among other Copilot policies; Gmail keeps a
change only once "Save Changes" is pressed; Substack's publications each live on a
host of their own; Pinterest's page has a second address; Adobe, Perplexity and
Gmail label their switches in more than one wording. Each test sets the setting and
its neighbours to different values, so a plugin that reads or changes the wrong
control fails, and checks what the replica's server holds, not what the plugin says.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from urllib.parse import urlsplit

import pytest

from automation.accounts import signin
from automation.browser.launch import Running
from automation.domain.settings import Confidence, Kind, State
from automation.engine.core import Engine
from automation.page.waits import Waits
from automation.plugin import Plugin
from automation.plugins.adobe import Adobe
from automation.plugins.github import FEATURES_PATH, GitHub
from automation.plugins.gmail import SMART_FEATURES, Gmail
from automation.plugins.meta import Meta
from automation.plugins.perplexity import Perplexity
from automation.plugins.pinterest import Pinterest
from automation.plugins.slack import Slack
from automation.plugins.substack import Substack
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.github import GitHubSite
from automation.replicas.gmail import FIRST_RUN, GmailSite
from automation.replicas.pinterest import PRIVACY, PRIVACY_AND_DATA, PinterestSite
from automation.replicas.server import Account
from automation.replicas.substack import SubstackSite
from tests.replica_sites import site_of

TRAINING = "github.copilot_training"
SMART = "gmail.smart_features"
AI_TRAINING = "substack.block_ai_training"
CANVAS = "pinterest.genai_training"
PINTEREST_NEIGHBOURS = ("ads_sites_you_visit", "ads_partner_info")
GMAIL_NEIGHBOURS = ("workspace_smart_features", "other_products_smart_features")
GMAIL_IN_DIALOG = tuple(f"gmail.{key}" for key in GMAIL_NEIGHBOURS)
ADOBE_LONG = "Content analysis for product improvement"


def account(replica: ReplicaServer, name: str) -> Account:
    return replica.sites[name].account(DEMO_USERNAME)


# -- GitHub: a drop-down among other Copilot policies ---------------------------------------


@pytest.mark.browser
async def test_github_reads_its_drop_down_and_not_the_other_policies(
    make_engine, replica: ReplicaServer
) -> None:
    """ "Enabled" reads on and "Disabled" off, whatever the neighbouring drop-downs show."""
    holder = account(replica, "github")
    engine = make_engine(GitHub(replica.origins["github"]))
    for training, others in ((True, False), (False, True)):
        holder.settings.update(
            copilot_training=training,
            bing=others,
            public_code=others,
            product_improvements=others,
        )
        [reading] = await engine.check([TRAINING])
        assert reading.state is (State.ON if training else State.OFF), reading
        shown = "Enabled" if training else "Disabled"
        assert f'shows "{shown}"' in reading.detail
        assert "Allow GitHub to use my data for AI model training" in reading.detail
    assert replica.sites["github"].saves == []


@pytest.mark.browser
async def test_github_write_chooses_disabled_and_touches_no_other_policy(
    make_engine, replica: ReplicaServer
) -> None:
    """Turning it off opens its drop-down and picks "Disabled"; Bing's stays "Enabled"."""
    site = site_of(replica, GitHubSite)
    holder = account(replica, "github")
    holder.settings.update(
        copilot_training=True, bing=True, public_code=False, product_improvements=True
    )
    engine = make_engine(GitHub(replica.origins["github"]))

    reading = await engine.change(TRAINING, State.OFF)
    assert reading.state is State.OFF, reading
    assert "read back as off" in reading.detail
    others = {"bing": True, "public_code": False, "product_improvements": True}
    assert holder.settings == {"copilot_training": False, **others}

    reading = await engine.change(TRAINING, State.ON)
    assert reading.state is State.ON, reading
    assert holder.settings == {"copilot_training": True, **others}
    assert site.saves == [
        (DEMO_USERNAME, "copilot_training", False),
        (DEMO_USERNAME, "copilot_training", True),
    ]


@pytest.mark.browser
async def test_github_native_select_is_read_and_set_the_same_way(
    make_engine, replica: ReplicaServer
) -> None:
    """A drop-down drawn as a plain <select> is read by its shown option and set by label."""
    site = site_of(replica, GitHubSite)
    site.native = True
    holder = account(replica, "github")
    holder.settings.update(
        copilot_training=True, bing=False, public_code=False, product_improvements=True
    )
    engine = make_engine(GitHub(replica.origins["github"]))
    [reading] = await engine.check([TRAINING])
    assert reading.state is State.ON, reading
    reading = await engine.change(TRAINING, State.OFF)
    assert reading.state is State.OFF, reading
    assert holder.settings == {
        "copilot_training": False,
        "bing": False,
        "public_code": False,
        "product_improvements": True,
    }
    assert site.saves == [(DEMO_USERNAME, "copilot_training", False)]


@pytest.mark.browser
async def test_github_signed_in_is_shown_by_the_drop_down(
    shared_browser: Running, replica: ReplicaServer
) -> None:

    plugin = GitHub(replica.origins["github"])
    browser = shared_browser.browser
    signed = await browser.new_context(storage_state=replica.storage_state("github"))
    assert await signin.is_signed_in(plugin, signed)
    assert not await signin.is_signed_in(plugin, await browser.new_context())


@pytest.mark.browser
async def test_github_page_at_its_other_address_is_the_same_page(
    make_engine, replica: ReplicaServer
) -> None:
    """Redirected to /settings/copilot/features, or finding /settings/copilot missing,
    the plugin reads the page at the other address it knows."""
    site = site_of(replica, GitHubSite)
    account(replica, "github").settings["copilot_training"] = False
    site.address = FEATURES_PATH
    engine = make_engine(GitHub(replica.origins["github"]))
    [reading] = await engine.check([TRAINING])
    assert reading.state is State.OFF, reading
    assert reading.url is not None and urlsplit(reading.url).path == FEATURES_PATH

    site.redirects = False
    site.visits.clear()
    reading = await engine.change(TRAINING, State.ON)
    assert reading.state is State.ON, reading
    assert account(replica, "github").settings["copilot_training"] is True
    visited = [path for _, method, path in site.visits if method == "GET"]
    assert "/settings/copilot" in visited and FEATURES_PATH in visited


@pytest.mark.browser
async def test_github_without_its_drop_down_reads_unknown_and_changes_nothing(
    make_engine, replica: ReplicaServer
) -> None:
    """A Business seat's page (no such drop-down) or a reworded one: unknown, nothing chosen."""
    site = site_of(replica, GitHubSite)
    holder = account(replica, "github")
    holder.hidden.add("copilot_training")
    engine = make_engine(GitHub(replica.origins["github"]), waits=Waits.short())
    reading = await engine.change(TRAINING, State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert "drop-down" in reading.detail and "3 other controls" in reading.detail

    holder.hidden.clear()
    holder.labels["copilot_training"] = "Allow GitHub to use my data for product research"
    reading = await engine.change(TRAINING, State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert site.saves == []
    assert holder.settings["copilot_training"] is True


@pytest.mark.browser
async def test_github_disabled_drop_down_is_unavailable(
    make_engine, replica: ReplicaServer
) -> None:
    account(replica, "github").disabled.add("copilot_training")
    engine = make_engine(GitHub(replica.origins["github"]))
    reading = await engine.change(TRAINING, State.OFF)
    assert reading.state is State.UNAVAILABLE, reading
    assert "drop-down is on the page but disabled" in reading.detail
    assert replica.sites["github"].saves == []


# -- Gmail: nothing holds until "Save Changes" --------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    ["Smart features in Gmail, Chat, and Meet", "Turn on smart features in Gmail, Chat, and Meet"],
)
@pytest.mark.browser
async def test_gmail_reads_either_wording_beside_the_dialogs_settings(
    make_engine, replica: ReplicaServer, wording: str
) -> None:
    holder = account(replica, "gmail")
    holder.labels["smart_features"] = wording
    engine = make_engine(Gmail(replica.origins["gmail"]))
    for value in (True, False):
        holder.settings["smart_features"] = value
        holder.settings.update(dict.fromkeys(GMAIL_NEIGHBOURS, not value))
        [reading] = await engine.check([SMART])
        assert reading.state is (State.ON if value else State.OFF), reading
    assert replica.sites["gmail"].saves == []


@pytest.mark.browser
async def test_gmail_change_presses_save_changes_then_reads_back(
    make_engine, replica: ReplicaServer
) -> None:
    """The box is unticked, "Save Changes" pressed, and a fresh load shows it off; the
    dialog's two settings are never sent."""
    site = replica.sites["gmail"]
    holder = account(replica, "gmail")
    holder.settings.update(smart_features=True, **dict.fromkeys(GMAIL_NEIGHBOURS, True))
    engine = make_engine(Gmail(replica.origins["gmail"]))
    reading = await engine.change(SMART, State.OFF)
    assert reading.state is State.OFF, reading
    assert "read back as off after reloading" in reading.detail
    assert holder.settings == {"smart_features": False, **dict.fromkeys(GMAIL_NEIGHBOURS, True)}
    assert site.saves == [(DEMO_USERNAME, "smart_features", False)]
    reading = await engine.change(SMART, State.ON)
    assert reading.state is State.ON, reading
    assert holder.settings["smart_features"] is True


@pytest.mark.browser
async def test_gmail_keeps_no_change_without_save_changes(
    make_engine, replica: ReplicaServer
) -> None:
    """Unticking the box alone saves nothing: the fresh load still shows it on, and the
    reading says so (what a plugin that forgot the button would meet)."""
    assert SMART_FEATURES.switch is not None
    without_button = replace(SMART_FEATURES, switch=replace(SMART_FEATURES.switch, submit=None))

    class NoSaveButton(Gmail):
        settings = (without_button,)

    holder = account(replica, "gmail")
    engine = make_engine(NoSaveButton(replica.origins["gmail"]), waits=Waits.short())
    reading = await engine.change(SMART, State.OFF)
    assert reading.state is State.ON, reading
    assert "did not save the change" in reading.detail
    assert holder.settings["smart_features"] is True
    assert replica.sites["gmail"].saves == []


WORKSPACE = "gmail.workspace_smart_features"
OTHER_PRODUCTS = "gmail.other_products_smart_features"


@pytest.mark.browser
async def test_gmail_dialogs_two_boxes_are_read_each_apart_from_the_general_tab(
    make_engine, replica: ReplicaServer
) -> None:
    """The dialog's boxes are read once it is opened, each its own value, whatever the
    General tab's box shows; reading sends nothing."""
    holder = account(replica, "gmail")
    engine = make_engine(Gmail(replica.origins["gmail"]))
    for value in (True, False):
        holder.settings.update(
            smart_features=not value,
            workspace_smart_features=value,
            other_products_smart_features=not value,
        )
        readings = {r.setting_id: r.state for r in await engine.check([SMART, *GMAIL_IN_DIALOG])}
        assert readings == {
            SMART: State.OFF if value else State.ON,
            WORKSPACE: State.ON if value else State.OFF,
            OTHER_PRODUCTS: State.OFF if value else State.ON,
        }
    assert replica.sites["gmail"].saves == []


@pytest.mark.browser
async def test_gmail_dialog_change_presses_the_dialogs_save_then_reads_back(
    make_engine, replica: ReplicaServer
) -> None:
    """A box of the dialog is unticked and the dialog's "Save" pressed; only that setting
    is sent, and a fresh load (the dialog opened again) shows it off."""
    site = replica.sites["gmail"]
    holder = account(replica, "gmail")
    holder.settings.update(
        smart_features=True, workspace_smart_features=True, other_products_smart_features=True
    )
    engine = make_engine(Gmail(replica.origins["gmail"]))
    reading = await engine.change(OTHER_PRODUCTS, State.OFF)
    assert reading.state is State.OFF, reading
    assert "read back as off after reloading" in reading.detail
    assert holder.settings == {
        "smart_features": True,
        "workspace_smart_features": True,
        "other_products_smart_features": False,
    }
    assert site.saves == [(DEMO_USERNAME, "other_products_smart_features", False)]


@pytest.mark.browser
async def test_gmail_dialog_boxes_exist_only_behind_its_button(
    make_engine, replica: ReplicaServer
) -> None:
    """Without the click on "Manage Workspace smart feature settings" the General tab
    holds only its own box: the dialog's setting reads unknown, never that box's value."""
    workspace = Gmail.setting("workspace_smart_features")
    assert workspace.switch is not None
    without_click = replace(workspace, switch=replace(workspace.switch, opens=()))

    class NoClick(Gmail):
        settings = (without_click,)

    account(replica, "gmail").settings.update(smart_features=True, workspace_smart_features=False)
    [reading] = await make_engine(NoClick(replica.origins["gmail"]), waits=Waits.short()).check(
        [WORKSPACE]
    )
    assert reading.state is State.UNKNOWN, reading
    assert "Smart features in Google Workspace" in reading.detail
    assert replica.sites["gmail"].saves == []


@pytest.mark.browser
async def test_gmail_first_run_question_is_neither_read_past_nor_answered(
    make_engine, replica: ReplicaServer
) -> None:
    """An account that never answered "Allow smart features in Gmail, Chat, and Meet to
    use your data" gets it over the mailbox: every setting reads unknown with a sentence
    asking the person to answer it, a change is refused, and the question is left as it is."""
    gmail = replica.sites["gmail"]
    assert isinstance(gmail, GmailSite)
    gmail.first_run.add(DEMO_USERNAME)
    holder = account(replica, "gmail")
    holder.settings.update(smart_features=False, **dict.fromkeys(GMAIL_NEIGHBOURS, True))
    before = dict(holder.settings)
    engine = make_engine(Gmail(replica.origins["gmail"]), waits=Waits.short())
    readings = await engine.check([SMART, *GMAIL_IN_DIALOG])
    assert [r.state for r in readings] == [State.UNKNOWN] * 3, readings
    for reading in readings:
        assert FIRST_RUN in reading.detail
        assert "answer it yourself" in reading.detail
    changed = await engine.change(SMART, State.ON)
    assert changed.state is State.UNKNOWN, changed
    assert FIRST_RUN in changed.detail
    assert gmail.answers == [] and gmail.saves == []
    assert gmail.first_run == {DEMO_USERNAME}
    assert holder.settings == before
    # Once answered (in Gmail, by the person), the settings read again.
    gmail.first_run.clear()
    [reading] = await engine.check([SMART])
    assert reading.state is State.OFF, reading


# -- Pinterest: two addresses of one page ---------------------------------------------------------


def pinterest_gets(replica: ReplicaServer) -> list[str]:
    return [path for _, method, path in replica.sites["pinterest"].visits if method == "GET"]


async def read_write_canvas(engine: Engine, replica: ReplicaServer, where: str) -> None:
    """Both values read from ``where`` with the ads boxes opposite; a change reaches
    the Canvas setting only."""
    holder = account(replica, "pinterest")
    for value in (True, False):
        holder.settings["genai_training"] = value
        holder.settings.update(dict.fromkeys(PINTEREST_NEIGHBOURS, not value))
        [reading] = await engine.check([CANVAS])
        assert reading.state is (State.ON if value else State.OFF), reading
        assert reading.url is not None and urlsplit(reading.url).path == where
    reading = await engine.change(CANVAS, State.ON)
    assert reading.state is State.ON, reading
    assert holder.settings == {"genai_training": True, **dict.fromkeys(PINTEREST_NEIGHBOURS, True)}
    assert replica.sites["pinterest"].saves == [(DEMO_USERNAME, "genai_training", True)]


@pytest.mark.browser
async def test_pinterest_reads_its_first_address_and_goes_no_further(
    make_engine, replica: ReplicaServer
) -> None:
    engine = make_engine(Pinterest(replica.origins["pinterest"]))
    await read_write_canvas(engine, replica, PRIVACY)
    assert PRIVACY_AND_DATA not in pinterest_gets(replica)


@pytest.mark.browser
async def test_pinterest_switch_missing_at_the_first_address_is_read_at_the_second(
    make_engine, replica: ReplicaServer
) -> None:
    """/settings/privacy shows the ads boxes but not the switch: the second address has it.
    The switch, expected missing at the first, is given up on there after 2 s."""
    site_of(replica, PinterestSite).move(("genai_training",), PRIVACY_AND_DATA)
    engine = make_engine(Pinterest(replica.origins["pinterest"]), waits=Waits.short())
    await read_write_canvas(engine, replica, PRIVACY_AND_DATA)
    assert PRIVACY in pinterest_gets(replica)


@pytest.mark.browser
async def test_pinterest_first_address_not_found_reads_the_second(
    make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, PinterestSite)
    site.move(("genai_training", *PINTEREST_NEIGHBOURS), PRIVACY_AND_DATA)
    engine = make_engine(Pinterest(replica.origins["pinterest"]))
    await read_write_canvas(engine, replica, PRIVACY_AND_DATA)


@pytest.mark.browser
async def test_pinterest_switch_at_neither_address_is_unknown_naming_both(
    make_engine, replica: ReplicaServer
) -> None:
    account(replica, "pinterest").hidden.add("genai_training")
    engine = make_engine(Pinterest(replica.origins["pinterest"]), waits=Waits.short())
    reading = await engine.change(CANVAS, State.OFF)
    assert reading.state is State.UNKNOWN, reading
    assert f"At {PRIVACY}:" in reading.detail and f"At {PRIVACY_AND_DATA}:" in reading.detail
    assert replica.sites["pinterest"].saves == []


@pytest.mark.browser
async def test_pinterest_not_offered_at_the_first_address_is_the_answer(
    make_engine, replica: ReplicaServer
) -> None:
    """A page that says the setting is not offered is believed: no second address."""
    account(replica, "pinterest").not_offered.add("genai_training")
    engine = make_engine(Pinterest(replica.origins["pinterest"]), waits=Waits.short())
    [reading] = await engine.check([CANVAS])
    assert reading.state is State.UNAVAILABLE, reading
    assert PRIVACY_AND_DATA not in pinterest_gets(replica)


# -- Substack: each publication on a host of its own --------------------------------------------


def test_a_publication_is_on_its_own_host_below_substacks() -> None:
    [setting] = Substack.settings
    mine = setting.for_instance("mynewsletter")
    substack = Substack()
    assert substack.page_url(mine) == "https://mynewsletter.substack.com/publish/settings"
    assert mine.url == "https://mynewsletter.substack.com/publish/settings"
    assert substack.on_origin("https://mynewsletter.substack.com/publish/settings")
    assert not substack.on_origin("https://notsubstack.com/publish/settings")
    assert not substack.on_origin("http://mynewsletter.substack.com/publish/settings")
    wall = substack.wall("https://mynewsletter.substack.com/sign-in?next=/publish/settings")
    assert wall is not None and wall.kind == "login"
    # Only a platform that says so owns the hosts below its origin.
    assert not Adobe().on_origin("https://evil.account.adobe.com/privacy")
    assert Substack("http://substack.localhost:8805").trusted_origin()


@pytest.mark.browser
async def test_substack_reads_and_writes_each_publication_on_its_own_host(
    make_engine, replica: ReplicaServer
) -> None:
    site = site_of(replica, SubstackSite)
    holder = account(replica, "substack")
    first, second = holder.blogs
    port = urlsplit(replica.origins["substack"]).port
    site.elsewhere = [
        f"http://{first}.notsubstack.localhost:{port}/publish/settings",
        f"http://{second}.substack.localhost:9/publish/settings",
        f"http://127.0.0.1:{port}/publish/settings",
    ]
    engine = make_engine(Substack(replica.origins["substack"]))
    for value in (True, False):
        holder.settings[f"block_ai_training@{first}"] = value
        holder.settings[f"block_ai_training@{second}"] = not value
        readings = await engine.check([AI_TRAINING])
        assert [r.setting_id for r in readings] == [
            f"{AI_TRAINING}@{first}",
            f"{AI_TRAINING}@{second}",
        ]
        assert [r.state for r in readings] == [
            State.ON if value else State.OFF,
            State.OFF if value else State.ON,
        ], readings
        hosts = [urlsplit(r.url or "").hostname for r in readings]
        assert hosts == [f"{first}.substack.localhost", f"{second}.substack.localhost"]

    site.visits.clear()
    reading = await engine.change(f"{AI_TRAINING}@{second}", State.OFF)
    assert reading.state is State.OFF, reading
    assert holder.settings == {
        f"block_ai_training@{first}": False,
        f"block_ai_training@{second}": False,
    }
    assert site.saves == [(DEMO_USERNAME, f"block_ai_training@{second}", False)]
    posts = [host for host, method, _ in site.visits if method == "POST"]
    assert posts == [f"{second}.substack.localhost:{port}"]


@pytest.mark.browser
async def test_substack_newer_wording_is_read_and_written(
    make_engine, replica: ReplicaServer
) -> None:
    holder = account(replica, "substack")
    holder.labels["block_ai_training"] = "Opt out of AI training"
    first, second = holder.blogs
    holder.settings[f"block_ai_training@{second}"] = True
    engine = make_engine(Substack(replica.origins["substack"]))
    readings = await engine.check([AI_TRAINING])
    assert [r.state for r in readings] == [State.OFF, State.ON], readings
    reading = await engine.change(f"{AI_TRAINING}@{first}", State.ON)
    assert reading.state is State.ON, reading
    assert holder.settings[f"block_ai_training@{first}"] is True


@pytest.mark.browser
async def test_substack_signed_in_is_shown_by_its_session_cookie(
    shared_browser: Running, replica: ReplicaServer
) -> None:

    plugin = Substack(replica.origins["substack"])
    browser = shared_browser.browser
    signed = await browser.new_context(storage_state=replica.storage_state("substack"))
    assert await signin.is_signed_in(plugin, signed)
    assert not await signin.is_signed_in(plugin, await browser.new_context())
    assert replica.sites["substack"].saves == []


# -- label wordings: Adobe and Perplexity ------------------------------------------------------


#: Each platform's setting, its neighbour on the page (if any) and the wordings it is known by.
WORDINGS: list[tuple[type[Plugin], str, str | None, tuple[str, ...]]] = [
    (
        Adobe,
        "content_analysis",
        "desktop_app_usage",
        ("Content analysis", "Content analysis for product improvement"),
    ),
    (Perplexity, "data_retention", None, ("AI data retention", "AI Data Usage")),
]


@pytest.mark.browser
async def test_each_known_wording_is_read_and_written(make_engine, replica: ReplicaServer) -> None:
    """Every wording, one after the other on its platform; the platforms at once."""

    async def wordings(
        cls: type[Plugin], key: str, neighbour: str | None, known: tuple[str, ...]
    ) -> None:
        for wording in known:
            await read_and_write(cls, key, neighbour, wording)

    async def read_and_write(
        cls: type[Plugin], key: str, neighbour: str | None, wording: str
    ) -> None:
        case = (cls.name, wording)
        site = replica.sites[cls.name]
        holder = account(replica, cls.name)
        saved = len(site.saves)
        holder.labels[key] = wording
        engine = make_engine(cls(replica.origins[cls.name]))
        setting_id = f"{cls.name}.{key}"
        for value in (True, False):
            holder.settings[key] = value
            if neighbour:
                holder.settings[neighbour] = not value
            [reading] = await engine.check([setting_id])
            assert reading.state is (State.ON if value else State.OFF), (case, reading)
            assert "its label" in reading.detail, (case, reading)

        holder.settings[key] = True
        if neighbour:
            holder.settings[neighbour] = True
        reading = await engine.change(setting_id, State.OFF)
        assert reading.state is State.OFF, (case, reading)
        assert holder.settings[key] is False, case
        if neighbour:
            assert holder.settings[neighbour] is True, case
        assert site.saves[saved:] == [(DEMO_USERNAME, key, False)], case

    await asyncio.gather(*(wordings(*platform) for platform in WORDINGS))


# -- evidence ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls", [GitHub, Substack, Gmail, Adobe, Perplexity, Pinterest, Meta, Slack]
)
def test_each_fact_names_its_source_and_how_sure_it_is(cls: type[Plugin]) -> None:
    """One piece of evidence a fact: page, control and label for a switch; the page
    (the form or the email) for a setting only a person can do."""
    for setting in cls.settings:
        facts = sorted(e.fact for e in setting.evidence)
        wanted = ["page"] if setting.kind is Kind.MANUAL else ["control", "label", "page"]
        assert facts == wanted, setting.id
        assert all(e.source and isinstance(e.confidence, Confidence) for e in setting.evidence)


def test_what_rests_on_no_public_record_is_called_a_guess() -> None:
    """Markup nobody has published is a guess; a label quoted by the platform's own help is
    confirmed; a wording from one report is likely."""
    for cls in (Adobe, Perplexity, Pinterest, Substack):
        assert all(s.sureness("control") is Confidence.GUESS for s in cls.settings), cls.name
    # Gmail's help says its setting is a box to check, kept by "Save Changes".
    assert Gmail.settings[0].sureness("control") is Confidence.LIKELY
    assert Perplexity.settings[0].sureness("page") is Confidence.GUESS
    assert Substack.settings[0].sureness("label") is Confidence.LIKELY


def test_github_evidence_rests_on_githubs_own_help() -> None:
    [setting] = GitHub.settings
    assert setting.sureness("label") is Confidence.CONFIRMED
    assert setting.sureness("control") is Confidence.LIKELY
    assert all("manage-policies" in e.source for e in setting.evidence)


def test_replica_drop_downs_keep_their_neighbours_apart() -> None:
    """The replica's policies differ by default, so a wrong drop-down reads a wrong value."""
    from automation.replicas.github import GitHubSite

    assert GitHubSite.defaults["copilot_training"] != GitHubSite.defaults["bing"]
