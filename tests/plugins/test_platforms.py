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
from collections.abc import AsyncIterator

import pytest

from automation import registry
from automation.accounts.sessions import MemorySessions
from automation.browser.launch import Running
from automation.domain import events
from automation.domain.settings import DESIRABLE, Kind, Setting, State, Switch
from automation.engine.core import Engine, Options
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


@pytest.fixture
async def platform_engine(
    request: pytest.FixtureRequest,
    chromium: str,
    shared_browser: Running,
    replica: ReplicaServer,
    tmp_path,
) -> AsyncIterator[tuple[Engine, ReplicaServer, str]]:
    name = request.param
    plugin = PLUGINS[name](replica.origins[name])
    sessions = MemorySessions({name: replica.storage_state(name)})
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "engine.log")
    engine = Engine([plugin], options, sessions=sessions, shared_browser=shared_browser)
    try:
        yield engine, replica, name
    finally:
        await asyncio.wait_for(engine.close(), 30)


def toggles(name: str) -> list[Setting]:
    return [s for s in PLUGINS[name].settings if s.kind is Kind.TOGGLE]


@pytest.mark.parametrize("platform_engine", COVERED, indirect=True)
async def test_reads_writes_and_reads_back(platform_engine) -> None:
    engine, replica, name = platform_engine
    account = replica.sites[name].account(DEMO_USERNAME)
    plain = [s for s in toggles(name) if s.per is None]
    # Alternate the positions so a plugin that reads the wrong page or switch fails.
    for number, setting in enumerate(plain):
        account.settings[setting.key] = number % 2 == 0
    readings = {r.setting_id: r for r in await engine.check([s.id for s in plain])}
    for number, setting in enumerate(plain):
        expected = State.ON if number % 2 == 0 else State.OFF
        assert readings[setting.id].state is expected, readings[setting.id]

    for setting in plain:
        before = account.settings[setting.key]
        target = State.OFF if before else State.ON
        reading = await engine.change(setting.id, target)
        assert reading.state is target, reading
        assert account.settings[setting.key] is (target is State.ON)


@pytest.mark.parametrize("platform_engine", PER_BLOG, indirect=True)
async def test_per_blog_settings_expand_to_each_blog(platform_engine) -> None:
    engine, replica, name = platform_engine
    per_blog = [s for s in toggles(name) if s.per is not None]
    account = replica.sites[name].account(DEMO_USERNAME)
    assert len(account.blogs) >= 2, "the demo account should have blogs to expand to"
    # Alternate the blogs' positions so a plugin that reads the wrong blog fails.
    for setting in per_blog:
        for number, blog in enumerate(account.blogs):
            account.settings[f"{setting.key}@{blog}"] = number % 2 == 0
    seen: list[events.Event] = []
    engine.subscribe(seen.append)
    readings = await engine.check([s.id for s in per_blog])
    expanded = [e for e in seen if isinstance(e, events.Expanded)]
    assert len(expanded) == len(per_blog)
    assert len(readings) == len(per_blog) * len(account.blogs)
    for reading in readings:
        held = account.settings[engine.setting(reading.setting_id).key]
        assert reading.state is (State.ON if held else State.OFF), reading
    first = engine.setting(readings[0].setting_id)
    target = State.OFF if account.settings[first.key] else State.ON
    reading = await engine.change(first.id, target)
    assert reading.state is target, reading
    assert account.settings[first.key] is (target is State.ON)


@pytest.mark.parametrize("name", COVERED)
async def test_signed_out_needs_login(
    name: str, chromium: str, shared_browser: Running, replica: ReplicaServer, tmp_path
) -> None:
    plugin = PLUGINS[name](replica.origins[name])
    options = Options(executable=chromium, timeout=15, log_path=tmp_path / "engine.log")
    async with Engine([plugin], options, shared_browser=shared_browser) as engine:
        first = toggles(name)[0]
        [reading, *_] = await engine.check([first.id])
        assert reading.state is State.NEEDS_LOGIN, reading
        assert replica.sites[name].saves == []
