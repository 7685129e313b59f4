"""Every installed plugin against its replica site, in real Chromium: the shared contract.

Every plugin registered through the entry points is covered, none by a hand list:
its settings are declared whole and belong to it. Then, for each platform: every
switch reads ``on`` and ``off`` as the replica's account holds it, a change is
written and read back (and reaches the replica's server state), and a signed-out
browser reads ``needs_login``. Settings kept per blog or site expand to one reading
for each blog the demo account has.
"""

from __future__ import annotations

import asyncio

import pytest

from automation import registry
from automation.browser.pool import by_page
from automation.domain import events
from automation.domain.settings import DESIRABLE, Kind, Setting, State, Switch
from automation.page.waits import Waits
from automation.plugin import Plugin
from automation.replicas import DEMO_USERNAME, SITES, ReplicaServer

pytestmark = pytest.mark.browser

PLUGINS = {cls.name: cls for cls in registry.load()[0]}
COVERED = sorted(set(PLUGINS) & set(SITES))
#: The covered platforms with a setting kept per blog or site.
PER_BLOG = [n for n in COVERED if any(s.per is not None for s in PLUGINS[n].settings)]


def test_every_registered_plugin_loads() -> None:
    classes, problems = registry.load()
    assert problems == []
    assert {cls.name for cls in classes} == set(registry.available())


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_every_setting_belongs_to_its_plugin_and_is_declared_whole(name: str) -> None:
    """The plugin filled in each setting's platform and address; keys are unique."""
    cls = PLUGINS[name]
    keys = [s.key for s in cls.settings]
    assert keys and len(set(keys)) == len(keys), keys
    for setting in cls.settings:
        assert setting.platform == cls.name, setting
        assert setting.id == f"{name}.{setting.key}"
        assert setting.url.startswith(("https://", "mailto:")), setting.url
        assert setting.recommended in DESIRABLE
        if setting.switch is not None and setting.per is None:
            # The page a person opens and the page the switch is read on are one site's.
            assert setting.url.startswith(cls.default_origin.rstrip("/") + "/"), setting.url


def test_a_plugin_fills_in_platform_address_and_recommendation() -> None:
    """A toggle is its text and its switch: platform, address and ``off`` come by default."""

    class Example(Plugin):
        name = "example"
        title = "Example"
        default_origin = "https://example.org"
        settings = (
            Setting(
                key="training",
                label="Training",
                description="Trains a model on your posts.",
                switch=Switch("/settings/privacy", names=("Use my posts for training",)),
            ),
        )

    [setting] = Example.settings
    assert setting.id == "example.training"
    assert setting.url == "https://example.org/settings/privacy"
    assert setting.recommended is State.OFF
    assert Example("http://127.0.0.1:9").page_url(setting) == "http://127.0.0.1:9/settings/privacy"


def test_a_setting_of_another_platform_or_without_an_address_is_refused() -> None:
    stray = Setting(platform="other", key="k", label="K", description="d", url="https://a.b/")
    with pytest.raises(TypeError, match="another platform"):

        class Mixed(Plugin):
            name = "mixed"
            title = "Mixed"
            default_origin = "https://example.org"
            settings = (stray,)

    with pytest.raises(TypeError, match="needs its url"):

        class Nowhere(Plugin):
            name = "nowhere"
            title = "Nowhere"
            default_origin = "https://example.org"
            settings = (Setting(key="k", label="K", description="d", kind=Kind.MANUAL),)

    with pytest.raises(ValueError, match="belongs to no plugin"):
        _ = Setting(key="k", label="K", description="d").id


def test_every_plugin_with_settings_to_switch_has_a_replica() -> None:
    missing = [
        name
        for name, cls in PLUGINS.items()
        if any(s.kind is Kind.TOGGLE for s in cls.settings) and name not in SITES
    ]
    assert missing == []


def toggles(name: str) -> list[Setting]:
    return [s for s in PLUGINS[name].settings if s.kind is Kind.TOGGLE]


def on_replica(replica: ReplicaServer, names: list[str]) -> list[Plugin]:
    return [PLUGINS[name](replica.origins[name]) for name in names]


async def test_reads_writes_and_reads_back(make_engine, replica: ReplicaServer) -> None:
    """Every platform at once, in one engine."""
    plain = {name: [s for s in toggles(name) if s.per is None] for name in COVERED}
    # Alternate the positions so a plugin that reads the wrong page or switch fails.
    for name in COVERED:
        account = replica.sites[name].account(DEMO_USERNAME)
        for number, setting in enumerate(plain[name]):
            account.settings[setting.key] = number % 2 == 0
    engine = make_engine(*on_replica(replica, COVERED))
    ids = [s.id for name in COVERED for s in plain[name]]
    readings = {r.setting_id: r for r in await engine.check(ids)}
    misread = [
        (setting.id, readings[setting.id].state, readings[setting.id].detail)
        for name in COVERED
        for number, setting in enumerate(plain[name])
        if readings[setting.id].state is not (State.ON if number % 2 == 0 else State.OFF)
    ]
    assert misread == [], "a setting not read as the account holds it"

    async def change_each(group: list[Setting]) -> list[object]:
        """What went wrong switching each setting of one page (nothing: [])."""
        account = replica.sites[group[0].platform].account(DEMO_USERNAME)
        wrong: list[object] = []
        for setting in group:
            target = State.OFF if account.settings[setting.key] else State.ON
            reading = await engine.change(setting.id, target)
            if reading.state is not target:
                wrong.append((setting.id, "read back", reading.state, reading.detail))
            if account.settings[setting.key] is not (target is State.ON):
                wrong.append((setting.id, "not kept by the site"))
        return wrong

    # The settings of one page are changed one after another (a page may save its
    # whole form); different pages, of any platform, at once.
    pages = [group for name in COVERED for group in by_page(engine.plugins[name], plain[name])]
    changed = await asyncio.gather(*(change_each(group) for group in pages))
    assert [wrong for wrong in changed if wrong] == []


async def test_per_blog_settings_expand_to_each_blog(make_engine, replica: ReplicaServer) -> None:
    """Every platform with settings per blog or site at once, in one engine."""
    per_blog = {name: [s for s in toggles(name) if s.per is not None] for name in PER_BLOG}
    for name in PER_BLOG:
        account = replica.sites[name].account(DEMO_USERNAME)
        assert len(account.blogs) >= 2, f"{name}: the demo account should have blogs"
        # Alternate the blogs' positions so a plugin that reads the wrong blog fails.
        for setting in per_blog[name]:
            for number, blog in enumerate(account.blogs):
                account.settings[f"{setting.key}@{blog}"] = number % 2 == 0
    engine = make_engine(*on_replica(replica, PER_BLOG))
    seen: list[events.Event] = []
    engine.subscribe(seen.append)
    readings = await engine.check([s.id for name in PER_BLOG for s in per_blog[name]])
    expanded = [e.setting_id for e in seen if isinstance(e, events.Expanded)]
    assert sorted(expanded) == sorted(s.id for name in PER_BLOG for s in per_blog[name])
    wrong: list[object] = []
    for name in PER_BLOG:
        account = replica.sites[name].account(DEMO_USERNAME)
        mine = [r for r in readings if r.setting_id.startswith(f"{name}.")]
        if len(mine) != len(per_blog[name]) * len(account.blogs):
            wrong.append((name, "readings", [r.setting_id for r in mine]))
        for reading in mine:
            held = account.settings[engine.setting(reading.setting_id).key]
            if reading.state is not (State.ON if held else State.OFF):
                wrong.append((reading.setting_id, reading.state, reading.detail))
    assert wrong == [], "a blog's setting not read as the account holds it"

    async def change_first(name: str) -> list[object]:
        account = replica.sites[name].account(DEMO_USERNAME)
        first_id = next(r.setting_id for r in readings if r.setting_id.startswith(f"{name}."))
        first = engine.setting(first_id)
        target = State.OFF if account.settings[first.key] else State.ON
        reading = await engine.change(first.id, target)
        wrong: list[object] = []
        if reading.state is not target:
            wrong.append((first.id, "read back", reading.state, reading.detail))
        if account.settings[first.key] is not (target is State.ON):
            wrong.append((first.id, "not kept by the site"))
        return wrong

    changed = await asyncio.gather(*(change_first(name) for name in PER_BLOG))
    assert [wrong for wrong in changed if wrong] == []


async def test_signed_out_needs_login(make_engine, replica: ReplicaServer) -> None:
    """Every platform at once in one signed-out engine; the account's sign, expected
    missing, is given up on after 2 s."""
    engine = make_engine(
        *on_replica(replica, COVERED), signed_in=False, waits=Waits.short(), pages=12
    )
    readings = await engine.check([toggles(name)[0].id for name in COVERED])
    firsts = {toggles(name)[0].id for name in COVERED}
    assert {r.setting_id.split("@")[0] for r in readings} >= firsts
    read = [(r.setting_id, r.state, r.detail) for r in readings if r.state is not State.NEEDS_LOGIN]
    assert read == [], "a signed-out page read as signed in"
    assert {name: replica.sites[name].saves for name in COVERED if replica.sites[name].saves} == {}
