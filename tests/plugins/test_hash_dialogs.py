"""Settings that are a dialog over the app at a hash address: claude.ai's privacy panel.

The replica draws the panel as the public record shows it: a dialog opened by
``/new#settings/data-privacy-controls``, rows that each hold a switch named by nothing
but the row's words, "Location metadata" beside "Help improve Claude", then "Export
data" and "Manage" buttons. Each test sets the neighbour the other way and checks what
the replica's server holds.
"""

from __future__ import annotations

import pytest

from automation.domain.settings import State
from automation.page.waits import Waits
from automation.plugins.claude import Claude
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.server import Account

SETTINGS = ("help_improve", "location_metadata")


def account(replica: ReplicaServer) -> Account:
    return replica.sites["claude"].account(DEMO_USERNAME)


def other(key: str) -> str:
    return next(k for k in SETTINGS if k != key)


@pytest.mark.browser
@pytest.mark.parametrize("key", SETTINGS)
async def test_each_row_is_read_by_its_own_words(key: str, make_engine, replica) -> None:
    holder = account(replica)
    engine = make_engine(Claude(replica.origins["claude"]))
    for value in (True, False):
        holder.settings[key] = value
        holder.settings[other(key)] = not value
        [reading] = await engine.check([f"claude.{key}"])
        assert reading.state is (State.ON if value else State.OFF), reading.detail
        assert "#settings/data-privacy-controls" not in (reading.url or ""), "query cut"
    assert replica.sites["claude"].saves == []


@pytest.mark.browser
@pytest.mark.parametrize("key", SETTINGS)
async def test_switching_one_row_off_leaves_the_other(key: str, make_engine, replica) -> None:
    site = replica.sites["claude"]
    holder = account(replica)
    holder.settings[key] = True
    holder.settings[other(key)] = True
    engine = make_engine(Claude(replica.origins["claude"]))
    reading = await engine.change(f"claude.{key}", State.OFF)
    assert reading.state is State.OFF, reading.detail
    assert "read back" in reading.detail
    assert site.saves == [(DEMO_USERNAME, key, False)]
    assert holder.settings[other(key)] is True
    assert site.pressed == 0, "no button of the panel is pressed"


@pytest.mark.browser
async def test_the_old_address_is_read_where_it_still_answers(make_engine, replica) -> None:
    site = replica.sites["claude"]
    site.old_page = True
    holder = account(replica)
    holder.settings.update(help_improve=False, location_metadata=True)
    engine = make_engine(Claude(replica.origins["claude"]), waits=Waits.short())
    [reading] = await engine.check(["claude.help_improve"])
    assert reading.state is State.OFF, reading.detail
    assert reading.url and reading.url.endswith("/settings/data-privacy-controls")


@pytest.mark.browser
async def test_the_app_without_its_panel_reads_unknown_not_a_guess(make_engine, replica) -> None:
    """An account whose rows are gone (the panel changed): nothing else is taken."""
    holder = account(replica)
    holder.unavailable.update(SETTINGS)
    engine = make_engine(Claude(replica.origins["claude"]), waits=Waits.short())
    readings = await engine.check([f"claude.{key}" for key in SETTINGS])
    assert [r.state for r in readings] == [State.UNKNOWN, State.UNKNOWN], readings


@pytest.mark.browser
async def test_not_offered_and_signed_out(make_engine, replica) -> None:
    holder = account(replica)
    holder.not_offered.add("location_metadata")
    engine = make_engine(Claude(replica.origins["claude"]), waits=Waits.short())
    [reading] = await engine.check(["claude.location_metadata"])
    assert reading.state is State.UNAVAILABLE, reading.detail
    signed_out = make_engine(
        Claude(replica.origins["claude"]), signed_in=False, waits=Waits.short()
    )
    [reading] = await signed_out.check(["claude.help_improve"])
    assert reading.state is State.NEEDS_LOGIN, reading.detail
