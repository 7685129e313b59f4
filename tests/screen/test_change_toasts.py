"""What the screen tells of a switch that did not read back as asked: a read-back that read
the other value says the setting was not changed; one that read nothing says it could not
be read back, since the change may have taken."""

from __future__ import annotations

import pytest

from automation.domain.settings import State
from automation.engine.runtime import Runtime
from automation.plugins.linkedin import LinkedIn
from tests import fake_engine
from tests.checklist_view import Notices, row_keys
from tests.fake_engine import FakeEngine, fake
from tui.app import PrivacyApp

SIZE = (140, 45)
SETTING = "linkedin.ai_training"


@pytest.fixture
def runtime() -> Runtime:
    plugins = [LinkedIn(fake_engine.ORIGIN)]
    states, _ = fake_engine.demo_account(plugins)
    return fake_engine.runtime(FakeEngine(plugins, states))


async def switch_and_tell(runtime: Runtime, *, read_back: State | None) -> list[str]:
    """Switch the AI-training row; the read-back reads the old value (``None``) or
    ``read_back``. The titles of the warnings shown."""
    app = PrivacyApp(runtime, demo=True)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        engine = fake(runtime)
        assert engine.states[SETTING].is_value
        if read_back is None:
            engine.unkept.add(SETTING)
        else:
            engine.states[SETTING] = read_back  # the page fails once the row was read
        app.checklist.move_cursor(row=row_keys(app).index(SETTING))
        await pilot.press("space", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.action_quit()
    return [n.title for n in notices if n.severity == "warning"]


async def test_a_change_read_back_as_the_other_value_was_not_changed(runtime: Runtime) -> None:
    titles = await switch_and_tell(runtime, read_back=None)
    assert any(t.endswith(": not changed") for t in titles), titles
    assert not any("could not read back" in t for t in titles)


async def test_a_change_whose_read_back_failed_could_not_be_read_back(runtime: Runtime) -> None:
    titles = await switch_and_tell(runtime, read_back=State.ERROR)
    assert any(t.endswith(": could not read back") for t in titles), titles
    assert not any("not changed" in t for t in titles)
