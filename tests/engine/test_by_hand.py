"""Settings done by hand (a form, an email): printed by check with their mark, and
exported in words that mean what they say ("done", never an "off" that reads as
"do not opt out"), in a file that loads back as a config.

None of this needs a browser: such a setting is never read.
"""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from automation import registry
from automation.domain.settings import State
from automation.files.config import catalog_of, parse
from automation.files.config_types import ConfigError
from automation.plugins.linkedin import LinkedIn
from automation.plugins.slack import Slack
from automation.plugins.whatsapp import WhatsApp
from automation.records.export import render
from automation.records.marks import Marks
from automation.records.marks import default_path as marks_path
from tests.cli.test_cli import no_traceback, run

OBJECTION = "whatsapp.ai_objection"
OPT_OUT = "slack.global_model_optout"
PLUGINS = [LinkedIn, WhatsApp, Slack]
SETTINGS = [s for p in PLUGINS for s in p.settings]
AT = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def only_by_hand(tmp_path: Path, extra: str = "") -> Path:
    """A config with only platforms done by hand (WhatsApp, Slack), and a browser that is
    not there."""
    plugins, _ = registry.load()
    lines = ['[browser]\nexecutable = "/no/such/chrome"\n']
    for cls in plugins:
        if cls.name not in ("whatsapp", "slack"):
            lines.append(f"[platforms.{cls.name}]\nenabled = false\n")
    config = tmp_path / "by-hand.toml"
    config.write_text("\n".join(lines) + extra)
    return config


def test_an_export_says_done_for_a_setting_done_by_hand_and_loads_back() -> None:
    text = render(SETTINGS, {}, {}, None, at=AT)
    data = tomllib.loads(text)
    assert data["desired"]["whatsapp"]["ai_objection"] == "done"
    assert data["desired"]["slack"]["global_model_optout"] == "done"
    assert data["desired"]["linkedin"]["ai_training"] == "off"  # a switch keeps on/off
    loaded = parse(text, catalog_of(PLUGINS))
    assert loaded.desired[OBJECTION] is State.OFF == WhatsApp.settings[0].recommended
    assert loaded.desired == {s.id: s.recommended for s in SETTINGS}
    # Skipping one is written as such, and comes back.
    skipped = render(SETTINGS, {OPT_OUT: State.ON}, {}, None, at=AT)
    assert tomllib.loads(skipped)["desired"]["slack"]["global_model_optout"] == "skip"
    assert parse(skipped, catalog_of(PLUGINS)).desired[OPT_OUT] is State.ON


def test_the_by_hand_words_are_only_for_settings_done_by_hand() -> None:
    catalog = catalog_of(PLUGINS)
    with pytest.raises(ConfigError) as caught:
        parse('[desired.linkedin]\nai_training = "done"\n', catalog)
    assert caught.value.key == "desired.linkedin.ai_training"
    assert "'on', 'off' or 'any'" in caught.value.message
    with pytest.raises(ConfigError) as caught:
        parse('[desired.whatsapp]\nai_objection = "maybe"\n', catalog)
    assert "'done', 'skip' or 'any'" in caught.value.message
    # An older export's "off" for one done by hand still loads, meaning done.
    assert (
        parse('[desired.whatsapp]\nai_objection = "off"\n', catalog).desired[OBJECTION] is State.OFF
    )


def test_check_prints_settings_done_by_hand_with_their_mark(tmp_path: Path) -> None:
    """No browser is needed (none could start here), and they never decide the status."""
    Marks(marks_path()).set(OPT_OUT, AT)
    config = only_by_hand(tmp_path)
    done = run("check", "--config", str(config), "--only", OBJECTION)
    assert done.returncode == 0, done.stdout + done.stderr
    line = done.stdout.strip().splitlines()[1]
    assert line.split()[:5] == ["MANUAL", OBJECTION, "by", "hand", "done"]
    assert " on " not in line and " off " not in line

    done = run("check", "--config", str(config), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {r["id"]: r for r in json.loads(done.stdout)}
    assert list(rows) == [OPT_OUT, OBJECTION]  # in the plugins' order: Slack, then WhatsApp
    assert rows[OBJECTION]["state"] == "by_hand" and rows[OBJECTION]["marked_at"] is None
    assert rows[OPT_OUT]["state"] == "marked_done"
    assert rows[OPT_OUT]["marked_at"] == AT.isoformat()
    assert rows[OPT_OUT]["desired"] == "done" and rows[OPT_OUT]["read"] is False
    assert "Marked done by you" in rows[OPT_OUT]["detail"]
    no_traceback(done)


def test_export_writes_them_in_words_with_the_marks_and_loads_back(tmp_path: Path) -> None:
    config = only_by_hand(tmp_path, "\n[marks.whatsapp]\nai_objection = 2026-11-29T10:00:00Z\n")
    target = tmp_path / "out.toml"
    done = run("export", str(target), "--config", str(config))
    assert done.returncode == 0, done.stdout + done.stderr
    text = target.read_text()
    data = tomllib.loads(text)
    assert data["desired"]["whatsapp"] == {"ai_objection": "done"}
    assert data["desired"]["slack"] == {"global_model_optout": "done"}
    assert data["marks"]["whatsapp"]["ai_objection"] == AT
    again = run("check", "--config", str(target), "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    rows = {r["id"]: r for r in json.loads(again.stdout)}
    assert rows[OBJECTION]["state"] == "marked_done"
    assert rows[OPT_OUT]["desired"] == "done"


def test_list_says_done_for_settings_done_by_hand() -> None:
    rows = {r["id"]: r for r in json.loads(run("list", "--json").stdout)}
    assert rows[OBJECTION]["recommended"] == "done" and rows[OBJECTION]["strict"] == "done"
    assert rows["linkedin.ai_training"]["recommended"] == "off"
