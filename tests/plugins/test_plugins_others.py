"""The plugins beyond LinkedIn whose flows are not one plain switch, against their replicas.

Per-blog settings (Tumblr, WordPress.com, Substack, Squarespace) expand to one
reading per blog and a change reaches only its own blog, even beside a look-alike;
a label that matches none of the known wordings reads ``unknown``; manual settings
(Meta's form, Slack's email, WhatsApp's form, Snapchat's app-only setting) are never
read and visit no page. The plain read/write/signed-out contract of every plugin is
in ``test_platforms.py``. Every plugin here points at a loopback origin.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from automation import registry
from automation.domain import events
from automation.domain.settings import Kind, Reading, State, Switch
from automation.engine.core import Engine
from automation.engine.runtime import Runtime, build
from automation.files.config import parse
from automation.page.waits import Waits
from automation.plugin import Plugin
from automation.plugins.adobe import Adobe
from automation.plugins.github import GitHub
from automation.plugins.meta import Meta
from automation.plugins.pinterest import Pinterest
from automation.plugins.quora import Quora
from automation.plugins.slack import Slack
from automation.plugins.squarespace import Squarespace
from automation.plugins.tumblr import Tumblr
from automation.records.export import render
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.github import GitHubSite
from automation.replicas.pinterest import PinterestSite
from automation.replicas.quora import QuoraSite
from automation.replicas.server import DECOY
from automation.replicas.switchsite import SwitchSite
from automation.replicas.tumblr import TumblrSite
from tests.replica_sites import site_of

PLUGINS = {cls.name: cls for cls in registry.load()[0]}
MINE = (
    "quora",
    "tumblr",
    "wordpress",
    "substack",
    "adobe",
    "grammarly",
    "pinterest",
    "perplexity",
    "copilot",
    "github",
    "meta",
    "slack",
)
PER_BLOG = ("tumblr", "wordpress", "substack", "squarespace")


# -- helpers ----------------------------------------------------------------------------------


def relabel(site: SwitchSite, key: str, label: str) -> None:
    """Make the replica draw ``key``'s switch under another wording (a changed page)."""
    site.pages = tuple(
        replace(p, control=replace(p.control, label=label)) if p.key == key else p
        for p in site.pages
    )


class Recorder:
    """A loopback web server that only counts the requests it gets."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                recorder.paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_GET

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def on_recorder(cls: type[Plugin], origin: str) -> Plugin:
    """``cls`` with its origin and its settings' links on the recorder, so that a visit
    (were the engine to make one) lands there and is counted, never on a real site."""

    class Local(cls):  # type: ignore[valid-type, misc]
        settings = tuple(replace(s, url=f"{origin}/{s.key}") for s in cls.settings)

    return Local(origin)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.stop()


# -- the declarations ------------------------------------------------------------------------


def test_every_platform_of_this_slice_is_registered_in_checklist_order() -> None:
    """All twelve plugins load through the entry points, LinkedIn still first."""
    names = list(PLUGINS)
    assert set(MINE) <= set(names)
    assert names[0] == "linkedin"
    assert names.index("meta") > names.index("github")  # the manual ones come last


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_every_setting_says_what_it_does_and_how_to_do_it_by_hand(name: str) -> None:
    """Each setting carries a description, a recommendation, numbered steps, a link, a source."""
    plugin = PLUGINS[name]
    assert plugin.settings
    for setting in plugin.settings:
        assert setting.id.startswith(f"{name}.")
        assert len(setting.description) > 60, setting.id
        assert setting.recommended in (State.ON, State.OFF)
        assert len(setting.manual_steps) >= 3, setting.id
        assert setting.url.startswith(("https://", "mailto:")), setting.url
        assert setting.source
        if setting.kind is Kind.TOGGLE:
            assert setting.switch is not None
            assert setting.switch.names or setting.switch.ids or setting.switch.testid


@pytest.mark.parametrize("name", PER_BLOG)
def test_per_blog_switches_are_recommended_on_and_say_so(name: str) -> None:
    """ON prevents sharing (or blocks training): the description says it, and ON is advised."""
    [setting] = PLUGINS[name].settings
    assert setting.per is not None and setting.switch is not None
    # The blog's name is in the page's path, or in its host (Substack's publications).
    assert "{name}" in setting.switch.path or setting.switch.subdomain == "{name}"
    assert setting.recommended is State.ON
    assert "ON" in setting.description and "OFF" in setting.description
    assert "Recommended: ON" in setting.description


def test_a_blog_named_in_the_label_is_filled_in_per_blog() -> None:
    """Tumblr's label names the blog: each blog's switch is looked for under its own name."""
    [setting] = Tumblr.settings
    mine = setting.for_instance("myblog")
    assert mine.id == "tumblr.third_party_sharing@myblog"
    assert mine.switch is not None
    assert mine.switch.path == "/settings/blog/myblog"
    assert mine.switch.names == ("Prevent third-party sharing for myblog",)
    assert mine.url == "https://www.tumblr.com/settings/blog/myblog"
    assert mine.per is None


@pytest.mark.parametrize("name", ["meta", "slack", "whatsapp", "snapchat"])
def test_manual_settings_are_manual_with_a_link_and_steps(name: str) -> None:
    """No switch, a link to follow, steps, "off" meaning opted out, and only you can do it.

    Meta's objection form is its row done by hand; its ad setting in Accounts Center is
    read in a browser (tests/plugins/test_more_meta.py)."""
    settings = [Meta.setting("ai_objection")] if name == "meta" else PLUGINS[name].settings
    for setting in settings:
        assert setting.kind is Kind.MANUAL
        assert setting.switch is None and setting.per is None
        assert setting.recommended is State.OFF
        assert "only you" in setting.description
        assert setting.manual_steps


def test_slacks_link_is_an_email_with_the_subject_filled_in() -> None:
    [setting] = Slack.settings
    link = urlsplit(setting.url)
    assert link.scheme == "mailto"
    assert link.path == "feedback@slack.com"
    assert parse_qs(link.query)["subject"] == ["Slack Global model opt-out request"]
    assert any("workspace owner" in step for step in setting.manual_steps)


def test_metas_form_is_for_the_eu_and_uk_and_needs_an_emailed_code() -> None:
    """Since 2025 one page, confirmed by an emailed code; WhatsApp has a form of its own."""
    setting = Meta.setting("ai_objection")
    assert setting.url == "https://www.facebook.com/help/contact/6359191084165019"
    assert "EU" in setting.notes and "UK" in setting.notes
    assert "WhatsApp" in setting.notes
    assert any("code" in step for step in setting.manual_steps)
    assert any("WhatsApp" in step for step in setting.manual_steps)


def test_a_sign_in_page_on_another_host_is_a_login_wall() -> None:
    """Adobe signs people in on its own service: being sent there means signed out."""
    adobe = Adobe()
    wall = adobe.wall("https://auth.services.adobe.com/en_US/index.html?callback=x")
    assert wall is not None and wall.kind == "login"
    assert "Not signed in to Adobe" in wall.detail
    assert adobe.wall("https://example.com/privacy") is None
    assert adobe.wall("https://account.adobe.com/privacy") is None


# -- per-blog values in the config and the export ----------------------------------------------


def catalog() -> dict[str, set[str]]:
    return {name: {s.key for s in cls.settings} for name, cls in PLUGINS.items()}


def test_a_per_blog_value_applies_to_each_blog_unless_one_is_named() -> None:
    """``third_party_sharing = "off"`` covers every blog; ``...@art-notes`` only that one."""
    config = parse(
        '[desired.tumblr]\nthird_party_sharing = "off"\n"third_party_sharing@art-notes" = "on"\n',
        catalog(),
    )
    [setting] = Tumblr.settings
    runtime = Runtime(config, [], Engine([]))
    assert runtime.desired(setting.for_instance("myblog")) is State.OFF
    assert runtime.desired(setting.for_instance("art-notes")) is State.ON
    untouched = Runtime(parse("", catalog()), [], Engine([]))
    assert untouched.desired(setting.for_instance("myblog")) is State.ON  # the recommendation


def test_an_export_with_one_row_per_blog_loads_back() -> None:
    """An export names each blog's value; loading it gives the same desired states."""
    [setting] = Tumblr.settings
    blogs = [setting.for_instance("myblog"), setting.for_instance("art-notes")]
    wanted = {blogs[0].id: State.OFF, blogs[1].id: State.ON}
    readings = {blogs[0].id: Reading(blogs[0].id, State.ON, "Switch is on.")}
    text = render(blogs, wanted, readings)
    loaded = parse(text, catalog())
    assert loaded.desired == wanted


# -- per-blog flows in the browser ----------------------------------------------------------------


@pytest.mark.browser
async def test_each_blog_is_read_and_a_change_reaches_only_its_own_blog(
    replica: ReplicaServer, make_engine
) -> None:
    """Every per-blog platform at once, each on its own replica; a failure names it."""

    async def one_platform(name: str) -> None:
        site = replica.sites[name]
        account = site.account(DEMO_USERNAME)
        [setting] = PLUGINS[name].settings
        first, second = account.blogs
        account.settings[f"{setting.key}@{first}"] = True
        account.settings[f"{setting.key}@{second}"] = False
        engine = make_engine(PLUGINS[name](replica.origins[name]))
        seen: list[events.Event] = []
        engine.subscribe(seen.append)

        readings = await engine.check([setting.id])

        [expanded] = [e for e in seen if isinstance(e, events.Expanded)]
        assert expanded.setting_id == setting.id
        ids = [f"{setting.id}@{first}", f"{setting.id}@{second}"]
        assert [s.id for s in expanded.settings] == ids
        assert [r.setting_id for r in readings] == ids
        assert [r.state for r in readings] == [State.ON, State.OFF], readings
        assert all(blog in r.url for blog, r in zip((first, second), readings, strict=True))
        assert [e.setting_id for e in seen if isinstance(e, events.Checking)] == [setting.id, *ids]

        changed = await engine.change(ids[1], State.ON)
        assert changed.state is State.ON, changed
        assert account.settings[f"{setting.key}@{second}"] is True
        assert account.settings[f"{setting.key}@{first}"] is True  # untouched
        assert site.saves == [(DEMO_USERNAME, f"{setting.key}@{second}", True)]

        changed = await engine.change(ids[0], State.OFF)
        assert changed.state is State.OFF, changed
        assert account.settings[f"{setting.key}@{first}"] is False
        assert account.settings[f"{setting.key}@{second}"] is True
        again = await engine.check([ids[1]])
        assert [r.state for r in again] == [State.ON]

    results = await asyncio.gather(
        *(one_platform(name) for name in PER_BLOG), return_exceptions=True
    )
    failed = {name: result for name, result in zip(PER_BLOG, results, strict=True) if result}
    assert failed == {}, failed


@pytest.mark.browser
async def test_each_squarespace_site_reads_its_own_switch_beside_a_look_alike(
    replica: ReplicaServer, make_engine
) -> None:
    """Each site's Crawlers page draws, first, a look-alike for another setting in the
    other position: every site reads its own switch, and a change reaches only that
    site's switch, never the look-alike or the other site."""
    site = replica.sites["squarespace"]
    account = site.account(DEMO_USERNAME)
    [setting] = Squarespace.settings
    first, second = (f"{setting.key}@{blog}" for blog in account.blogs)
    account.settings.update({first: False, second: True})
    account.decoys.add(setting.key)
    engine = make_engine(Squarespace(replica.origins["squarespace"]))

    readings = await engine.check([setting.id])
    assert [r.state for r in readings] == [State.OFF, State.ON], readings
    looks = {k: v for k, v in account.settings.items() if k.endswith(DECOY)}
    assert looks == {first + DECOY: True, second + DECOY: False}

    changed = await engine.change(f"squarespace.{first}", State.ON)
    assert changed.state is State.ON, changed
    assert (account.settings[first], account.settings[second]) == (True, True)
    assert {k: v for k, v in account.settings.items() if k.endswith(DECOY)} == looks
    assert site.saves == [(DEMO_USERNAME, first, True)]


@pytest.mark.browser
async def test_a_blog_whose_label_names_another_blog_is_not_read(
    replica: ReplicaServer, make_engine
) -> None:
    """Tumblr's switch is matched with its own blog's name, never another blog's."""
    site = site_of(replica, TumblrSite)
    relabel(site, "third_party_sharing", "Prevent third-party sharing for someone-else")
    engine = make_engine(Tumblr(replica.origins["tumblr"]), waits=Waits(control_ms=3_000))
    readings = await engine.check(["tumblr.third_party_sharing"])
    assert len(readings) == 2
    assert all(r.state is State.UNKNOWN for r in readings), readings
    assert "Prevent third-party sharing for myblog" in readings[0].detail


@pytest.mark.browser
async def test_an_account_without_blogs_reads_unknown_with_a_reason(
    replica: ReplicaServer, make_engine
) -> None:
    """No blog found is said plainly, never a value."""
    site = replica.sites["substack"]
    site.account(DEMO_USERNAME).blogs.clear()
    engine = make_engine(
        PLUGINS["substack"](replica.origins["substack"]), waits=Waits(control_ms=3_000)
    )
    [reading] = await engine.check(["substack.block_ai_training"])
    assert reading.state is State.UNKNOWN
    assert "Found no publication" in reading.detail


def test_a_change_to_one_replicas_account_stays_in_it() -> None:
    """Each replica's demo account has its own list of blogs: clearing one (as the test
    above does) leaves the next replica made in the same process whole."""
    from automation.replicas import demo_server

    first = demo_server()
    first.sites["substack"].account(DEMO_USERNAME).blogs.clear()
    second = demo_server()
    assert second.sites["substack"].account(DEMO_USERNAME).blogs == [
        "mynewsletter",
        "weekly-notes",
    ]


# -- unverified wording ---------------------------------------------------------------------


class QuoraWithVariants(Quora):
    """Quora as a plugin that knows two wordings of its label (the shared mechanism)."""

    settings = tuple(
        replace(
            s,
            switch=Switch(
                path=s.switch.path,
                names=(*s.switch.names, "Let AI models be trained on your content"),
            ),
        )
        for s in Quora.settings
        if s.switch is not None
    )


@pytest.mark.browser
async def test_unverified_labels_accept_the_known_variants_and_read_unknown_otherwise(
    replica: ReplicaServer, make_engine
) -> None:
    quora = site_of(replica, QuoraSite)
    relabel(quora, "llm_training", "Let AI models be trained on your content")
    relabel(site_of(replica, PinterestSite), "genai_training", "Use your pins to improve our AI")
    relabel(site_of(replica, GitHubSite), "copilot_training", "Use my prompts for product research")
    engine = make_engine(
        QuoraWithVariants(replica.origins["quora"]),
        Pinterest(replica.origins["pinterest"]),
        GitHub(replica.origins["github"]),
        waits=Waits(control_ms=3_000),
    )
    readings = {
        r.setting_id: r
        for r in await engine.check(
            ["quora.llm_training", "pinterest.genai_training", "github.copilot_training"]
        )
    }
    # The second known wording is read as the switch it is.
    assert readings["quora.llm_training"].state is State.ON, readings["quora.llm_training"]
    for setting_id, label in (
        ("pinterest.genai_training", "Use your data to train Pinterest Canvas"),
        ("github.copilot_training", "Allow GitHub to use my data for AI model training"),
    ):
        reading = readings[setting_id]
        assert reading.state is State.UNKNOWN, reading
        assert label in reading.detail and "may have changed the page" in reading.detail
        assert reading.url is not None and urlsplit(reading.url).path.startswith("/settings/")

    # A wording that is neither: unknown, and the detail names every wording looked for.
    relabel(quora, "llm_training", "Share your answers with partners")
    [reading] = await engine.check(["quora.llm_training"])
    assert reading.state is State.UNKNOWN
    assert "Allow large language models to be trained on your content" in reading.detail
    assert "Let AI models be trained on your content" in reading.detail
    for site in ("quora", "pinterest", "github"):
        assert replica.sites[site].saves == []


# -- manual settings ------------------------------------------------------------------------------


@pytest.mark.browser
async def test_manual_settings_are_never_read_and_visit_no_page(
    replica: ReplicaServer, make_engine, recorder: Recorder
) -> None:
    """Checking reads the switches only; Meta's objection form and Slack's email get no
    request at all."""
    engine = make_engine(
        Quora(replica.origins["quora"]),
        on_recorder(Meta, recorder.origin),
        on_recorder(Slack, recorder.origin),
    )
    seen: list[events.Event] = []
    engine.subscribe(seen.append)
    manual = {"meta.ai_objection", "slack.global_model_optout"}

    assert await engine.check(sorted(manual)) == []
    assert not engine.started, "no browser is needed for manual settings"

    readings = await engine.check(["quora.llm_training", *sorted(manual)])
    assert [r.setting_id for r in readings] == ["quora.llm_training"]
    assert readings[0].state is State.ON, readings[0]
    touched = {getattr(e, "setting_id", None) for e in seen} | {
        e.reading.setting_id for e in seen if isinstance(e, events.Read)
    }
    assert touched & manual == set()
    for setting_id in sorted(manual):
        with pytest.raises(ValueError, match="cannot be switched"):
            await engine.change(setting_id, State.OFF)
    assert recorder.paths == []


def test_the_demo_shows_manual_platforms_without_a_replica(tmp_path: Path) -> None:
    """Slack has no replica yet stays in the demo: it visits no page. (Meta's objection
    form visits none either; its ad setting has a replica.)"""
    runtime = build(demo=True, log=tmp_path / "privacy-tui.log")
    try:
        names = [p.name for p in runtime.plugins]
        assert "meta" in names and "slack" in names
        assert runtime.demo is not None
        assert "slack" not in runtime.demo.origins
        assert set(MINE) - {"slack"} <= set(runtime.demo.origins)
    finally:
        runtime.close()


# -- the checklist ------------------------------------------------------------------------------


@pytest.mark.browser
async def test_the_checklist_shows_one_row_per_blog_and_switches_only_that_blog(
    chromium: str, tmp_path: Path
) -> None:
    from tests.checklist_view import cell, highlighted
    from tui.app import PrivacyApp
    from tui.dialogs import Confirm

    runtime = build(demo=True, only=["tumblr.third_party_sharing"], log=tmp_path / "t.log")
    try:
        assert runtime.demo is not None
        account = runtime.demo.sites["tumblr"].account(DEMO_USERNAME)
        app = PrivacyApp(runtime, demo=True)
        async with app.run_test(size=(140, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            rows = ["tumblr.third_party_sharing@myblog", "tumblr.third_party_sharing@art-notes"]
            assert [s.id for s in app.model.rows] == rows
            assert cell(app, rows[0], "state") == "off ✗"
            # Marked "?": the per-blog page's address and the switch's markup are guesses.
            assert cell(app, rows[1], "label").strip() == (
                "Prevent third-party sharing (art-notes) ?"
            )
            assert highlighted(app) == rows[0]
            await pilot.press("j")
            assert highlighted(app) == rows[1]
            await pilot.press("space")
            await pilot.pause()
            assert isinstance(app.screen, Confirm)
            await pilot.press("y")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert cell(app, rows[1], "state") == "on ✓"
            assert account.settings == {
                "third_party_sharing@myblog": False,
                "third_party_sharing@art-notes": True,
                # The neighbour on the same Visibility section, untouched.
                "discourage_search@myblog": True,
                "discourage_search@art-notes": True,
            }
            await app.action_quit()
    finally:
        runtime.close()
