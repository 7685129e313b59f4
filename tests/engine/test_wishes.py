"""What a person wants is the measure: wishes, presets that never make a setting less
private, and one judgement that the checklist and the commands share."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from automation import registry
from automation.domain import wishes
from automation.domain.presets import RECOMMENDED, STRICT
from automation.domain.settings import Kind, Reading, Setting, State
from automation.domain.wishes import Verdict
from automation.engine.runtime import build
from automation.files.config import catalog_of
from automation.files.config import load as load_file
from automation.records.apply import carry_out, read_plan
from automation.records.export import render
from automation.replicas import DEMO_USERNAME

PLUGINS = registry.load()[0]
SETTINGS = [s for cls in PLUGINS for s in cls.settings]


def load(path: Path):
    return load_file(path, catalog_of(PLUGINS))


TOGGLES = [s for s in SETTINGS if s.kind is Kind.TOGGLE]
#: Settings whose recommendation keeps a convenience (personalisation, memory).
CONVENIENCES = [s for s in TOGGLES if wishes.convenience(s)]


def test_there_are_conveniences_to_leave_alone() -> None:
    ids = {s.id for s in CONVENIENCES}
    assert {"x.grok_history", "copilot.personalization_memory"} <= ids, ids


@pytest.mark.parametrize("setting", TOGGLES, ids=[s.id for s in TOGGLES])
def test_no_preset_ever_asks_for_a_less_private_value(setting: Setting) -> None:
    private = wishes.most_private(setting)
    assert STRICT.value(setting) is private
    assert RECOMMENDED.value(setting) in (private, None)
    if wishes.convenience(setting):
        assert RECOMMENDED.value(setting) is None, "a convenience is left as it is"
    else:
        assert RECOMMENDED.value(setting) is private


def test_the_judgement() -> None:
    assert wishes.judge(State.OFF, State.OFF) is Verdict.AS_WISHED
    assert wishes.judge(State.OFF, State.ON) is Verdict.NOT_AS_WISHED
    assert wishes.judge(None, State.ON) is Verdict.ANY_VALUE
    assert wishes.judge(None, State.OFF).fine
    assert wishes.judge(State.OFF, State.UNKNOWN) is Verdict.NOT_READ
    assert wishes.judge(None, None) is Verdict.NOT_READ
    assert not wishes.judge(State.ON, State.NEEDS_LOGIN).fine


def test_any_leaves_a_setting_and_an_unlisted_one_is_left_where_desired_is_written(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[desired.x]\ngrok_training = "off"\ngrok_history = "any"\n')
    loaded = load(config)
    assert loaded.desired == {"x.grok_training": State.OFF, "x.grok_history": None}
    runtime = build(str(config), demo=True, only=["x.grok_training"], open_history=False)
    try:
        by_id = {s.id: s for s in SETTINGS}
        assert runtime.desired(by_id["x.grok_training"]) is State.OFF
        assert runtime.desired(by_id["x.grok_history"]) is None
        # A [desired] table leaves what it does not name as it is.
        assert runtime.desired(by_id["linkedin.ai_training"]) is None
    finally:
        runtime.close()
    # Without [desired], every setting is wanted as the recommended preset has it.
    bare = build(demo=True, only=["x.grok_training"], open_history=False)
    try:
        assert bare.desired(by_id["linkedin.ai_training"]) is State.OFF
        assert bare.desired(by_id["x.grok_history"]) is None
    finally:
        bare.close()


def test_a_malformed_wish_names_the_values_allowed(tmp_path: Path) -> None:
    from automation.files.config_types import ConfigError

    config = tmp_path / "config.toml"
    config.write_text('[desired.x]\ngrok_history = "maybe"\n')
    with pytest.raises(ConfigError, match="'any'"):
        load(config)


def test_an_export_writes_any_and_loads_back_the_same(tmp_path: Path) -> None:
    chosen = [s for s in TOGGLES if s.platform == "x"]
    desired = {s.id: RECOMMENDED.value(s) for s in chosen}
    assert None in desired.values() and State.OFF in desired.values()
    text = render(chosen, desired, {})
    written = tomllib.loads(text)["desired"]["x"]
    assert written["grok_history"] == "any" and written["grok_training"] == "off"
    path = tmp_path / "export.toml"
    path.write_text(text)
    assert load(path).desired == desired


@pytest.mark.browser
async def test_recommended_leaves_conveniences_that_are_off_and_strict_turns_all_off(
    chromium: str, tmp_path: Path
) -> None:
    """On the demo, with every convenience switched off by the person: the recommended
    preset changes none of them (and none reads ✗), strict turns everything off."""
    ids = ["x.grok_training", "x.grok_personalize", "x.grok_history"] + [
        s.id for s in CONVENIENCES if s.platform in ("copilot", "discord")
    ]
    runtime = build(demo=True, only=ids, log=tmp_path / "run.log")
    try:
        assert runtime.demo is not None
        sites = runtime.demo.sites
        for setting in CONVENIENCES:
            if setting.id in ids:
                sites[setting.platform].account(DEMO_USERNAME).settings[setting.key] = False
        engine = runtime.engine
        settings = [s for s in runtime.settings if s.id in ids]
        plan = await read_plan(engine, RECOMMENDED.changes(settings), source="preset recommended")
        result = await carry_out(engine, plan, runtime.history)
        assert not result.failed, result.failed
        for setting in CONVENIENCES:
            if setting.id in ids:
                kept = sites[setting.platform].account(DEMO_USERNAME).settings[setting.key]
                assert kept is False, f"{setting.id} was switched on by the recommended preset"
        readings = await engine.check(ids)
        verdicts = {
            r.setting_id: wishes.judge(RECOMMENDED.value(engine.setting(r.setting_id)), r.state)
            for r in readings
        }
        assert all(v.fine for v in verdicts.values()), verdicts
        assert verdicts["x.grok_history"] is Verdict.ANY_VALUE
        plan = await read_plan(engine, STRICT.changes(settings), source="preset strict")
        result = await carry_out(engine, plan, runtime.history)
        assert not result.failed, result.failed
        again = await engine.check(ids)
        assert {r.setting_id: r.state for r in again} == dict.fromkeys(ids, State.OFF)
    finally:
        await engine.close()
        runtime.close()


def _reading(setting_id: str, state: State) -> Reading:
    return Reading(setting_id, state, "read")


def test_check_json_and_the_checklist_judge_alike(tmp_path: Path) -> None:
    """For a config whose wishes differ from the recommendation, the checklist's marks
    and counts equal check's verdicts, setting by setting."""
    from tui import view
    from tui.commands.check import read_row
    from tui.model import ChecklistModel

    config = tmp_path / "config.toml"
    config.write_text(
        '[desired.x]\ngrok_training = "on"\ngrok_personalize = "off"\ngrok_history = "any"\n'
    )
    ids = ["x.grok_training", "x.grok_personalize", "x.grok_history", "x.business_partners"]
    runtime = build(str(config), demo=True, only=ids, open_history=False)
    try:
        settings = [s for s in runtime.settings if s.id in ids]
        states = {
            "x.grok_training": State.ON,
            "x.grok_personalize": State.ON,
            "x.grok_history": State.OFF,
            "x.business_partners": State.ON,
        }
        model = ChecklistModel(
            settings, titles={"x": "X"}, desired=runtime.desired, lookup=runtime.engine.setting
        )
        rows = {}
        for setting in settings:
            reading = _reading(setting.id, states[setting.id])
            model.readings[setting.id] = reading
            rows[setting.id] = read_row(runtime, reading)
        marks = {
            s.id: str(
                view.state_cell(s, model.readings[s.id], None, 0, None, wish=model.desired[s.id])
            )
            for s in settings
        }
        judged = {i: row["as_desired"] for i, row in rows.items()}
        assert judged == {
            "x.grok_training": True,
            "x.grok_personalize": False,
            "x.grok_history": True,
            "x.business_partners": True,  # left out of [desired]: left as it is
        }, json.dumps(rows, default=str)
        for setting_id, fine in judged.items():
            assert ("✗" not in marks[setting_id]) is fine, (setting_id, marks[setting_id])
        assert model.counts().as_wished == sum(judged.values())
        assert rows["x.grok_history"]["desired"] == "any"
    finally:
        runtime.close()
