"""Applying a desired state and undoing it, with the engine on the replica."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from automation.domain.presets import PRESETS, preset
from automation.domain.settings import Kind, Reading, State
from automation.engine.core import Engine
from automation.plugins.linkedin import LinkedIn
from automation.records.apply import Action, carry_out, make_plan, read_plan, read_undo_plan
from automation.records.history import ApplyItem, ApplyRecord, History, HistoryError
from automation.records.tally import counts, summary
from automation.replicas import DEMO_USERNAME, ReplicaServer
from automation.replicas.server import Account

AI = "linkedin.ai_training"
RESEARCH = "linkedin.research"
BEYOND = "linkedin.ads_beyond_linkedin"
SETTINGS = {s.id: s for s in LinkedIn.settings}
AT = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def server_state(replica: ReplicaServer) -> dict[str, bool]:
    return dict(replica.sites["linkedin"].account(DEMO_USERNAME).settings)


def reading(setting_id: str, state: State) -> Reading:
    return Reading(setting_id, state, f"Switch is {state}.", AT)


def test_a_plan_changes_only_what_was_read_and_differs() -> None:
    manual = replace(SETTINGS[BEYOND], kind=Kind.MANUAL)
    settings = {**SETTINGS, BEYOND: manual}
    targets = {
        AI: State.OFF,
        RESEARCH: State.OFF,
        "linkedin.ads_third_party_data": State.OFF,
        BEYOND: State.OFF,
        "linkedin.ads_inferred_location": State.OFF,
        "linkedin.gone": State.OFF,
    }
    readings = {
        AI: reading(AI, State.ON),
        RESEARCH: reading(RESEARCH, State.OFF),
        "linkedin.ads_third_party_data": Reading(
            "linkedin.ads_third_party_data", State.NEEDS_LOGIN, "Not signed in.", AT
        ),
        BEYOND: reading(BEYOND, State.ON),
    }
    plan = make_plan(
        "apply",
        targets,
        settings,
        readings,
        blocked={"linkedin.ads_inferred_location": "Elsewhere."},
    )
    actions = {s.setting_id: (s.action, s.reason) for s in plan.steps}
    assert [s.setting_id for s in plan.steps] == list(targets)
    assert actions[AI] == (Action.CHANGE, "")
    assert actions[RESEARCH] == (Action.KEEP, "")
    assert actions["linkedin.ads_third_party_data"] == (Action.CANNOT, "Not signed in.")
    assert actions[BEYOND][0] is Action.CANNOT and "by hand" not in actions[BEYOND][1]
    assert "Only a person" in actions[BEYOND][1]
    assert actions["linkedin.ads_inferred_location"] == (Action.CANNOT, "Elsewhere.")
    assert actions["linkedin.gone"][0] is Action.CANNOT
    assert [s.setting_id for s in plan.changes] == [AI]


def test_presets_give_every_setting_a_wish() -> None:
    assert list(PRESETS) == ["recommended", "strict"]
    assert preset("recommended").desired(LinkedIn.settings) == {
        s.id: s.recommended for s in LinkedIn.settings
    }
    # A convenience: recommended leaves it as it is, strict turns it off.
    convenient = replace(SETTINGS[AI], recommended=State.ON, strict=State.OFF)
    assert preset("recommended").value(convenient) is None
    assert convenient.id not in preset("recommended").changes([convenient])
    assert preset("strict").value(convenient) is State.OFF
    assert preset("strict").value(SETTINGS[RESEARCH]) is State.OFF
    with pytest.raises(KeyError, match="known: recommended, strict"):
        preset("lax")


@pytest.mark.browser
async def test_apply_records_what_it_found_then_changes_and_verifies(
    engine: Engine, replica: ReplicaServer
) -> None:
    history = History.in_memory()
    history.attach(engine)
    account = replica.sites["linkedin"].account(DEMO_USERNAME)
    account.settings["research"] = False
    account.unavailable.add("ads_inferred_location")
    account.failing.add("ads_beyond_linkedin")
    # The preset's wishes for a few of LinkedIn's settings: one already as wished, one
    # not offered, one the site refuses to change, two that change.
    few = {
        RESEARCH,
        "linkedin.ads_inferred_location",
        BEYOND,
        AI,
        "linkedin.ads_conversion_tracking",
    }
    targets = {
        setting_id: state
        for setting_id, state in preset("recommended").desired(LinkedIn.settings).items()
        if setting_id in few and state is not None
    }
    assert len(targets) == len(few)

    plan = await read_plan(engine, targets, source="preset recommended")
    assert [s.setting_id for s in plan.kept] == [RESEARCH]
    assert [s.setting_id for s in plan.cannot] == ["linkedin.ads_inferred_location"]
    assert "has no page at" in plan.cannot[0].reason
    assert replica.sites["linkedin"].saves == []

    result = await carry_out(engine, plan, history)
    record = history.last_apply()
    assert record is not None and record.id == result.apply_id
    assert record.source == "preset recommended"
    assert {(i.setting_id, i.before, i.target) for i in record.items} == {
        (s.setting_id, State.ON, State.OFF) for s in plan.changes
    }
    assert [o.step.setting_id for o in result.failed] == [BEYOND]
    assert "refused" in result.failed[0].reading.detail
    state = server_state(replica)
    assert state["ads_beyond_linkedin"] is True
    assert state["ads_inferred_location"] is True
    assert state["ai_training"] is False and state["ads_conversion_tracking"] is False


@pytest.mark.browser
async def test_undo_puts_back_what_the_last_apply_found(
    engine: Engine, replica: ReplicaServer
) -> None:
    history = History.in_memory()
    history.attach(engine)
    replica.sites["linkedin"].account(DEMO_USERNAME).settings["research"] = False
    before = server_state(replica)
    plan = await read_plan(engine, {AI: State.OFF, RESEARCH: State.OFF}, source="apply")
    done = await carry_out(engine, plan, history)
    assert not done.failed and server_state(replica)["ai_training"] is False

    record = history.last_apply()
    assert record is not None
    undo = await read_undo_plan(engine, record)
    assert [(s.setting_id, s.target) for s in undo.changes] == [(AI, State.ON)]
    undone = await carry_out(engine, undo, history)
    assert not undone.failed
    assert undone.outcomes[0].reading.state is State.ON
    assert server_state(replica) == before
    record = history.last_apply()
    assert record is not None and record.undone_by == undone.apply_id


@pytest.mark.browser
async def test_undo_leaves_alone_what_was_changed_on_another_origin(
    engine: Engine, replica: ReplicaServer
) -> None:
    record = ApplyRecord(
        1, AT, "apply", (ApplyItem(AI, "https://www.linkedin.com", State.ON, State.OFF),)
    )
    replica.sites["linkedin"].account(DEMO_USERNAME).settings["ai_training"] = False
    plan = await read_undo_plan(engine, record)
    assert [s.action for s in plan.steps] == [Action.CANNOT]
    assert "https://www.linkedin.com" in plan.steps[0].reason
    assert replica.sites["linkedin"].saves == []


@pytest.mark.browser
async def test_no_change_without_an_undo_point(engine: Engine, replica: ReplicaServer) -> None:
    """When the undo point cannot be written, nothing is changed."""
    history = History.in_memory()
    plan = await read_plan(engine, {AI: State.OFF}, source="apply")
    history.close()
    with pytest.raises(HistoryError, match="nothing was changed"):
        await carry_out(engine, plan, history)
    assert replica.sites["linkedin"].saves == []
    assert server_state(replica)["ai_training"] is True


class BreaksAfterSaving(list[tuple[str, str, bool]]):
    """A replica's list of saves that, once a save is kept, makes the setting's page
    answer HTTP 500: the change took, and its read-back fails."""

    def __init__(self, account: Account, key: str) -> None:
        super().__init__()
        self.account, self.key = account, key

    def append(self, save: tuple[str, str, bool]) -> None:
        super().append(save)
        self.account.broken.add(self.key)


@pytest.mark.browser
async def test_a_read_back_that_fails_is_told_as_such(
    engine: Engine, replica: ReplicaServer
) -> None:
    """The site kept the change and then failed to show the page: the change is neither
    "changed" nor "not changed" but not read back, with the reason."""
    site = replica.sites["linkedin"]
    account = site.account(DEMO_USERNAME)
    site.saves = BreaksAfterSaving(account, "ai_training")
    plan = await read_plan(engine, {AI: State.OFF}, source="apply")
    result = await carry_out(engine, plan, History.in_memory())
    assert server_state(replica)["ai_training"] is False  # the site kept it
    [outcome] = result.outcomes
    assert not outcome.ok and not outcome.read_back
    assert result.unconfirmed == [outcome]
    assert (
        outcome.verdict == "could not read back: LinkedIn answered HTTP 500 for the settings page."
    )
    said = summary(counts(result))
    assert said == "1 could not be read back (read again to see whether it took)"
    assert "disagreed" not in said


@pytest.mark.browser
async def test_a_read_back_of_the_old_value_is_a_change_that_did_not_take(
    engine: Engine, replica: ReplicaServer
) -> None:
    replica.sites["linkedin"].account(DEMO_USERNAME).unkept.add("ai_training")
    plan = await read_plan(engine, {AI: State.OFF}, source="apply")
    result = await carry_out(engine, plan, History.in_memory())
    [outcome] = result.outcomes
    assert outcome.read_back and outcome.verdict == "did not take, read back on"
    assert result.unconfirmed == []
    assert summary(counts(result)) == "1 not changed (the read-back disagreed)"
