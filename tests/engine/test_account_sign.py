"""Signed in is proved by the account's own sign, never by the setting's control.

Some sites show their settings to visitors who are not signed in and keep the
visitor's choice in the browser. Every replica is served that way here: the settings
pages draw their controls for a visitor with no session. No platform may read the
visitor's value as the account's, and no change may be made or reported there.
"""

from __future__ import annotations

import asyncio

import pytest

from automation import registry
from automation.domain.settings import Kind, Setting, State
from automation.page import account
from automation.page.waits import Waits
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
async def test_a_page_shown_to_visitors_is_not_read_as_the_account(
    make_engine, replica: ReplicaServer
) -> None:
    """Every platform read in a browser at once, in one signed-out engine; the account's
    sign, expected missing, is given up on after 2 s."""
    before: dict[str, dict[str, bool]] = {}
    visitor_before: dict[str, dict[str, bool]] = {}
    toggles: dict[str, list[Setting]] = {}
    for name in READ_IN_A_BROWSER:
        site = replica.sites[name]
        site.open_to_visitors = True
        before[name] = dict(site.account(DEMO_USERNAME).settings)
        visitor_before[name] = dict(site.visitor.settings)
        toggles[name] = [s for s in PLUGINS[name].settings if s.kind is Kind.TOGGLE]
    plugins = [PLUGINS[name](replica.origins[name]) for name in READ_IN_A_BROWSER]
    engine = make_engine(*plugins, signed_in=False, waits=Waits.short(), pages=12)
    readings = await engine.check([s.id for name in READ_IN_A_BROWSER for s in toggles[name]])
    values = {r.setting_id: r.state for r in readings if r.state.is_value}
    assert values == {}, f"a visitor's page was read as the account's: {values}"
    assert [
        (r.setting_id, r.state, r.detail) for r in readings if r.state is not State.NEEDS_LOGIN
    ] == []

    async def change_first(name: str) -> list[object]:
        """What went wrong changing the platform's first setting (nothing: [])."""
        site = replica.sites[name]
        first = toggles[name][0]
        # A setting kept per blog is changed for one blog of the account's.
        blogs = site.account(DEMO_USERNAME).blogs
        target = f"{first.id}@{blogs[0]}" if first.per is not None else first.id
        changed = await engine.change(target, State.OFF)
        wrong: list[object] = []
        if changed.state.is_value:
            wrong.append((target, "changed", changed.state, changed.detail))
        if site.saves != []:
            wrong.append((name, "a change was sent from a visitor's page", site.saves))
        if site.visitor.settings != visitor_before[name]:
            wrong.append((name, "the visitor's settings changed"))
        if site.account(DEMO_USERNAME).settings != before[name]:
            wrong.append((name, "the account's settings changed"))
        return wrong

    changed = await asyncio.gather(*(change_first(name) for name in READ_IN_A_BROWSER))
    assert [wrong for wrong in changed if wrong] == []


@pytest.mark.browser
async def test_grok_reads_the_account_not_the_visitor_whose_page_looks_the_same(
    make_engine, replica: ReplicaServer
) -> None:
    """grok.com shows its settings to visitors: the replica does too. Signed out, the
    visitor's switch (off) is not the account's (on); signed in, the account's is read,
    beside the tab's other switches set the other way, and a change reaches only it."""
    from automation.plugins.grok import Grok

    site = replica.sites["grok"]
    assert site.open_to_visitors
    holder = site.account(DEMO_USERNAME)
    holder.settings.update(
        improve_model=True, conversation_history=False, personalize_using_x=False
    )
    site.visitor.settings["improve_model"] = False
    signed_out = make_engine(Grok(replica.origins["grok"]), signed_in=False, waits=Waits.short())
    [reading] = await signed_out.check(["grok.improve_model"])
    assert reading.state is State.NEEDS_LOGIN, reading.detail
    assert "visitors" in reading.detail
    refused = await signed_out.change("grok.improve_model", State.ON)
    assert not refused.state.is_value
    assert site.saves == [] and site.visitor.settings["improve_model"] is False

    engine = make_engine(Grok(replica.origins["grok"]))
    [reading] = await engine.check(["grok.improve_model"])
    assert reading.state is State.ON, reading.detail
    changed = await engine.change("grok.improve_model", State.OFF)
    assert changed.state is State.OFF, changed.detail
    assert site.saves == [(DEMO_USERNAME, "improve_model", False)]
    assert holder.settings["personalize_using_x"] is False
