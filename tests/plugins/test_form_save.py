"""A checkbox kept only by its form's Save: WordPress.com's site privacy form.

The replica draws the form as WordPress.com's own code does: the visibility choice,
"Discourage search engines from indexing this site", then "Prevent third-party
sharing for this site", and a Save button disabled until something changed. Ticking
the box alone keeps nothing; only Save does. The classic settings page (its own id,
"Save settings") answers for sites that have no new page.
"""

from __future__ import annotations

import pytest

from automation.domain.settings import State
from automation.plugins.wordpress import WordPress
from automation.replicas import DEMO_USERNAME

SETTING = "wordpress.third_party_sharing"


@pytest.mark.browser
async def test_ticking_is_kept_by_save_and_read_back(make_engine, replica) -> None:
    site = replica.sites["wordpress"]
    account = site.account(DEMO_USERNAME)
    first, second = account.blogs
    engine = make_engine(WordPress(replica.origins["wordpress"]))
    readings = await engine.check([SETTING])
    assert [r.state for r in readings] == [State.OFF, State.OFF], readings
    changed = await engine.change(f"{SETTING}@{first}", State.ON)
    assert changed.state is State.ON, changed.detail
    assert "read back" in changed.detail
    assert account.settings[f"third_party_sharing@{first}"] is True
    assert account.settings[f"third_party_sharing@{second}"] is False
    assert site.saves == [(DEMO_USERNAME, f"third_party_sharing@{first}", True)]
    assert site.discouraged == set(), "the neighbouring box was left as it was"


@pytest.mark.browser
async def test_a_page_without_its_save_keeps_nothing_and_says_so(make_engine, replica) -> None:
    """Were Save not pressed, nothing would be kept: the box alone saves nothing."""
    from dataclasses import replace

    from automation.page.waits import Waits

    site = replica.sites["wordpress"]
    account = site.account(DEMO_USERNAME)
    first = account.blogs[0]
    plugin = WordPress(replica.origins["wordpress"])
    [setting] = WordPress.settings
    assert setting.switch is not None
    without_save = replace(setting, switch=replace(setting.switch, submit=None))

    class NoSave(WordPress):
        settings = (without_save,)

    engine = make_engine(NoSave(plugin.origin), waits=Waits(save_ms=2_000))
    changed = await engine.change(f"{SETTING}@{first}", State.ON)
    assert changed.state is State.OFF, changed.detail
    assert site.saves == []


@pytest.mark.browser
async def test_the_classic_page_is_read_and_saved_by_its_own_button(make_engine, replica) -> None:
    site = replica.sites["wordpress"]
    account = site.account(DEMO_USERNAME)
    first, second = account.blogs
    site.classic.update(account.blogs)
    account.settings[f"third_party_sharing@{second}"] = True
    engine = make_engine(WordPress(replica.origins["wordpress"]))
    readings = await engine.check([SETTING])
    assert [r.state for r in readings] == [State.OFF, State.ON], readings
    assert all("/settings/general/" in (r.url or "") for r in readings)
    changed = await engine.change(f"{SETTING}@{first}", State.ON)
    assert changed.state is State.ON, changed.detail
    assert site.saves == [(DEMO_USERNAME, f"third_party_sharing@{first}", True)]


@pytest.mark.browser
async def test_a_box_locked_by_discourage_search_engines_is_said_not_changed(
    make_engine, replica
) -> None:
    site = replica.sites["wordpress"]
    account = site.account(DEMO_USERNAME)
    first = account.blogs[0]
    site.discouraged.add(first)
    engine = make_engine(WordPress(replica.origins["wordpress"]))
    [reading] = await engine.check([f"{SETTING}@{first}"])
    assert reading.state is State.UNAVAILABLE, reading.detail
    changed = await engine.change(f"{SETTING}@{first}", State.OFF)
    assert changed.state is State.UNAVAILABLE
    assert site.saves == []
