"""Signed in is proved by the account's own sign, never by the setting's control.

Some sites show their settings to visitors who are not signed in and keep the
visitor's choice in the browser. Every replica is served that way here: the settings
pages draw their controls for a visitor with no session. No platform may read the
visitor's value as the account's, and no change may be made or reported there.
"""

from __future__ import annotations

import pytest

from automation import account, registry
from automation.model import Kind, State
from automation.replicas import DEMO_USERNAME, SITES, ReplicaServer

PLUGINS = {cls.name: cls for cls in registry.load()[0]}
READ_IN_A_BROWSER = sorted(
    name
    for name, cls in PLUGINS.items()
    if name in SITES and any(s.kind is Kind.TOGGLE for s in cls.settings)
)


@pytest.mark.parametrize("name", sorted(n for n, c in PLUGINS.items() if n in SITES))
def test_every_platform_read_in_a_browser_names_a_sign_of_an_account(name: str) -> None:
    plugin = PLUGINS[name]
    if not any(s.kind is Kind.TOGGLE for s in plugin.settings):
        pytest.skip(f"{name} has nothing read in a browser")
    assert account.declared(plugin()), (
        f"{name}: declare session_cookies or signed_in_marker, with its public source"
    )


@pytest.mark.browser
@pytest.mark.parametrize("name", READ_IN_A_BROWSER)
async def test_a_page_shown_to_visitors_is_not_read_as_the_account(
    name: str, make_engine, replica: ReplicaServer, short_waits
) -> None:
    site = replica.sites[name]
    site.open_to_visitors = True
    before = dict(site.account(DEMO_USERNAME).settings)
    visitor_before = dict(site.visitor.settings)
    plugin = PLUGINS[name](replica.origins[name])
    engine = make_engine(plugin, signed_in=False)
    toggles = [s for s in plugin.settings if s.kind is Kind.TOGGLE]
    readings = await engine.check([s.id for s in toggles])
    values = {r.setting_id: r.state for r in readings if r.state.is_value}
    assert values == {}, f"{name}: a visitor's page was read as the account's: {values}"
    assert all(r.state is State.NEEDS_LOGIN for r in readings), [
        (r.setting_id, r.state, r.detail) for r in readings
    ]
    changed = await engine.change(toggles[0].id, State.OFF)
    assert not changed.state.is_value, (changed.state, changed.detail)
    assert site.saves == [], f"{name}: a change was sent from a visitor's page"
    assert site.visitor.settings == visitor_before
    assert site.account(DEMO_USERNAME).settings == before
