"""The in-memory engine the screen's tests run on tells what the real engine tells.

The same check and the same change, on the real engine (the worker's browser on the
replica LinkedIn) and on the fake holding the demo account's states: the same events,
in the same order where the engine keeps one, and the same states.
"""

from __future__ import annotations

import pytest

from automation.domain import events
from automation.domain.settings import State
from automation.engine.core import Engine
from automation.plugins.linkedin import LinkedIn
from tests import fake_engine
from tests.fake_engine import FakeEngine

AI = "linkedin.ai_training"
IDS = [AI, "linkedin.research", "linkedin.ads_beyond_linkedin"]


def told(event: events.Event) -> tuple[str, str, State | None]:
    """What an event says, without the wording or time of a reading."""
    match event:
        case events.Read(reading):
            return ("Read", reading.setting_id, reading.state)
        case events.Changed(reading, _):
            return ("Changed", reading.setting_id, reading.state)
        case events.Checking(setting_id):
            return ("Checking", setting_id, None)
        case events.Changing(setting_id, value):
            return ("Changing", setting_id, value)
    return (type(event).__name__, "", None)


async def run(engine: Engine | FakeEngine) -> list[tuple[str, str, State | None]]:
    heard: list[events.Event] = []
    engine.subscribe(heard.append)
    readings = await engine.check(IDS)
    assert [r.setting_id for r in readings] == IDS
    await engine.change(AI, State.OFF)
    return [told(e) for e in heard]


@pytest.mark.browser
async def test_the_fake_tells_a_check_and_a_change_as_the_engine_does(engine: Engine) -> None:
    real = await run(engine)
    plugins = fake_engine.demo_plugins()
    states, blogs = fake_engine.demo_account(plugins)
    fake = await run(FakeEngine(plugins, states, blogs=blogs))

    # Every setting is announced before any is read; the reads, then the change.
    assert real[:3] == fake[:3] == [("Checking", i, None) for i in IDS]
    assert sorted(real[3:6]) == sorted(fake[3:6])
    assert all(kind == "Read" for kind, _, _ in fake[3:6])
    assert real[6:] == fake[6:] == [("Changing", AI, State.OFF), ("Changed", AI, State.OFF)]


def test_the_fake_keeps_every_setting_of_the_protocol() -> None:
    """Every name the engine's protocol has, the fake has too (mypy checks the types)."""
    from automation.engine.protocol import EngineProtocol

    fake = fake_engine.demo()[0]
    wanted = {n for n in dir(EngineProtocol) if not n.startswith("_")}
    wanted |= set(EngineProtocol.__annotations__)
    assert all(hasattr(fake, name) for name in wanted), wanted - set(dir(fake))
    assert LinkedIn.name in fake.plugins
