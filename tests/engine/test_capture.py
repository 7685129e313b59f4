"""Captures of pages: redacted, kept when a reading is unknown, and served back as pages
that read the same as the pages they came from."""

from __future__ import annotations

import asyncio
import json
import stat
from pathlib import Path

import pytest

from automation.browser.launch import Running
from automation.captures import fileformat
from automation.captures.redaction import redact_node
from automation.captures.replay import CapturedPage
from automation.captures.scrub import Redactor
from automation.captures.words import plugin_words
from automation.domain.settings import Reading, State
from automation.engine.runtime import build
from automation.page import actions, waits
from automation.page.waits import Waits
from automation.plugins.linkedin import LinkedIn
from automation.replicas import ReplicaServer
from automation.replicas.server import DEMO_USERNAME
from tests.replay import read_served

AI = "linkedin.ai_training"

#: What a person's own pages show of them; no capture may hold any of it.
PERSONAL = {
    "name": "Jane Q. Example",
    "email": "jane.example@example.org",
    "phone": "+1 415 555 0134",
    "token": "s3ssionT0ken4bcdEfgh1234567890xyz",
    "address": "221B Baker Street, London",
    "picture": "https://cdn.example.net/p/jane-q-example-photo.jpg",
}
#: Parts of it that must not survive either.
FRAGMENTS = ("Jane Q", "555 0134", "Baker Street", "cdn.example.net", "jane.example")


def test_the_redactor_takes_out_what_is_personal() -> None:
    scrub = Redactor(["Jane Q. Example"])
    said = scrub(
        "Account menu for Jane Q. Example, jane@example.org, call +44 20 7946 0958, "
        "follow @jane_q, token a1b2c3d4e5f6g7h8i9j0k1l2"
    )
    assert "Jane" not in said and "example.org" not in said and "7946" not in said
    assert "@jane_q" not in said and "a1b2c3d4" not in said
    assert said.startswith("Account menu for [name], [email], call [phone]")
    # Interface words stay as they are, ids and all.
    words = "Use my data for training content creation AI models (allowDataForGenerativeAI)"
    assert scrub(words) == words
    # An address on this machine is a host, not a phone number.
    assert scrub("sent to 127.0.0.1:8801/login") == "sent to 127.0.0.1:8801/login"


def test_only_the_words_the_plugin_knows_are_kept() -> None:
    words = plugin_words(LinkedIn)
    assert words.text("Use my data for training content creation AI models") == (
        "Use my data for training content creation AI models"
    )
    # A run of words it does not know is one placeholder, signs and all.
    assert words.text("Jane Q. Example") == "▒" * 16
    assert words.text("Data for Generative AI Improvement: Jane Q. Example") == (
        "Data for Generative AI Improvement: " + "▒" * 16
    )
    # What the shared page code reads by pattern stays: a setting not offered.
    assert "isn't available" in words.text("This setting isn't available in Jane's region")
    assert "Jane" not in words.text("This setting isn't available in Jane's region")


def test_text_that_is_not_an_interface_word_becomes_a_placeholder() -> None:
    node = {
        "tag": "body",
        "attrs": {},
        "children": [
            {"text": "A private message about my health", "ui": False},
            {"text": "Save", "ui": True},
            {
                "tag": "a",
                "attrs": {"href": "/feed/x?session=abc", "title": "Jane"},
                "children": [],
            },
            {"tag": "a", "attrs": {"href": "mailto:jane@example.org"}, "children": []},
            {"tag": "input", "attrs": {"id": "jane-q", "name": "jane"}, "children": []},
            {"tag": "label", "attrs": {"for": "jane-q"}, "children": []},
        ],
    }
    redacted = redact_node(node, plugin_words(LinkedIn))
    text = json.dumps(redacted, ensure_ascii=False)
    assert "health" not in text and "session" not in text and "title" not in text
    assert "jane" not in text.lower() and "feed" not in text
    assert redacted["children"][1] == {"text": "Save", "ui": True}
    assert redacted["children"][2]["attrs"] == {"href": "/▒▒▒▒/▒▒▒▒"}
    assert redacted["children"][3]["attrs"] == {"href": "#"}
    # Ids and names the plugin does not know get stand-ins, the same wherever they are.
    assert redacted["children"][4]["attrs"] == {"id": "id-1", "name": "name-1"}
    assert redacted["children"][5]["attrs"] == {"for": "id-1"}


def test_a_file_that_is_not_a_capture_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "not.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(fileformat.CaptureError, match="not a capture file"):
        fileformat.load(path)
    with pytest.raises(fileformat.CaptureError, match="No such file"):
        fileformat.load(tmp_path / "missing.json")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("moved", "state"), [("moved", State.UNKNOWN), ("unavailable", State.UNAVAILABLE)]
)
async def test_a_page_that_moved_names_where_it_landed_and_is_captured(
    moved: str, state: State, make_engine, replica: ReplicaServer, linkedin: LinkedIn, tmp_path
) -> None:
    """A settings address that now sends the browser elsewhere reads unknown, one that
    answers 404 unavailable; each names the address it landed on and keeps a capture."""
    getattr(replica.sites["linkedin"].account(DEMO_USERNAME), moved).add("ai_training")
    engine = make_engine(linkedin)
    engine.options.captures = tmp_path / "captures"
    [reading] = await engine.check([AI])
    assert reading.state is state, reading.detail
    landed = reading.url or ""
    assert landed.split("://", 1)[1] in reading.detail, (landed, reading.detail)
    assert reading.capture is not None and Path(reading.capture).exists()
    assert replica.sites["linkedin"].saves == []


@pytest.mark.browser
async def test_an_unknown_reading_points_to_a_private_capture(
    make_engine, replica: ReplicaServer, linkedin: LinkedIn, tmp_path: Path
) -> None:
    """A page that lost its switch reads unknown, and the reading says where its capture is."""
    replica.sites["linkedin"].account(DEMO_USERNAME).hidden.add("ai_training")
    # The switch, expected missing, is given up on after 2 s.
    missing = make_engine(linkedin, waits=Waits.short())
    missing.options.captures = tmp_path / "captures"
    [reading] = await missing.check([AI])
    assert reading.state is State.UNKNOWN
    assert reading.capture is not None
    path = Path(reading.capture)
    assert path.parent == tmp_path / "captures"
    assert f"privacy-tui capture --show {path}" in reading.detail
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    kept = fileformat.load(path)
    assert kept["setting"] == AI and kept["reading"]["state"] == "unknown"
    assert kept["looked_for"]["ids"] == ["allowDataForGenerativeAI"]
    # A reading that is as expected leaves no capture, unless one is asked for.
    replica.sites["linkedin"].account(DEMO_USERNAME).hidden.clear()
    engine = make_engine(linkedin)
    engine.options.captures = tmp_path / "captures"
    [reading] = await engine.check([AI])
    assert reading.state is State.ON and reading.capture is None
    engine.capture_next(AI)
    [reading] = await engine.check([AI])
    assert reading.state is State.ON and reading.capture is not None
    [reading] = await engine.check([AI])
    assert reading.capture is None


@pytest.mark.browser
async def test_captures_keep_nothing_personal_and_read_back_the_same(
    shared_browser: Running, tmp_path: Path
) -> None:
    """Every page of an account that shows a name, an email address, a phone number, a
    token in a link, an address in a form field and a profile picture: no capture holds
    any of it, each is under 200 KB, and each served back reads the same."""
    runtime = build(demo=True, log=tmp_path / "run.log")
    try:
        assert runtime.demo is not None
        for site in runtime.demo.sites.values():
            site.account(DEMO_USERNAME).personal = dict(PERSONAL)
        engine = runtime.engine
        engine.options.captures = tmp_path / "captures"
        ids = [s.id for s in runtime.settings if s.switch is not None]
        for setting_id in ids:
            engine.capture_next(setting_id)
        readings = await engine.check(ids)
    finally:
        await engine.close()
        runtime.close()

    assert len(readings) >= len(ids)
    assert all(r.state.is_value for r in readings), [r for r in readings if not r.state.is_value]
    for reading in readings:
        assert reading.capture is not None, reading.setting_id
        path = Path(reading.capture)
        text = path.read_text(encoding="utf-8")
        for secret in (*PERSONAL.values(), *FRAGMENTS):
            assert secret.lower() not in text.lower(), (reading.setting_id, secret)
        assert path.stat().st_size < 200_000, reading.setting_id
    # Each capture is served back and read, several at once.
    places = asyncio.Semaphore(8)
    await asyncio.gather(*(_reads_back_the_same(r, shared_browser, places) for r in readings))


async def _reads_back_the_same(
    reading: Reading, shared_browser: Running, places: asyncio.Semaphore
) -> None:
    """The capture of ``reading``, served back, reads the same (or, where a capture
    cannot hold what proves the account or the way to the control, says so)."""
    assert reading.capture is not None
    kept = fileformat.load(Path(reading.capture))
    by_address = _proved_by_an_address(reading.setting_id)
    walked = reading.setting_id.startswith("copilot.")
    # What is expected to be missing from the page is given up on sooner.
    wait = Waits.short() if by_address or walked else Waits()
    async with places:
        with waits.using(wait):
            again = await read_served(kept, shared_browser.browser)
    if by_address:
        # A capture keeps a link's path, never its host: an account mark
        # that is a link to another host is not in the page served back.
        assert again.state is State.NEEDS_LOGIN, (reading.setting_id, again.detail)
        return
    if "to click on the way" in again.detail:
        # A capture holds the last page of a walk through menus (Copilot's
        # profile menu): the items on the way are not in it.
        assert again.state is State.UNKNOWN, (reading.setting_id, again.detail)
        assert walked, (reading.setting_id, again.detail)
        return
    assert again.state is reading.state, (reading.setting_id, again.detail)


def _proved_by_an_address(setting_id: str) -> bool:
    """Whether the setting's platform knows an account by a link's address alone."""
    from automation import registry

    [cls], _ = registry.load({setting_id.split(".", 1)[0]})
    return not cls.session_cookies and "href" in (cls.signed_in_marker or "")


def test_a_capture_is_described_in_reading_order(tmp_path: Path) -> None:
    kept = {
        "format": fileformat.FORMAT,
        "setting": AI,
        "captured_at": "2026-11-30T10:00:00+00:00",
        "address": "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
        "status": 200,
        "title": "Data for Generative AI Improvement",
        "looked_for": {"setting": AI, "ids": ["allowDataForGenerativeAI"]},
        "reading": {"state": "unknown", "detail": "No switch found."},
        "accessibility": '- switch "Use my data" [checked]',
        "dom": {
            "tag": "body",
            "attrs": {},
            "children": [
                {"tag": "input", "attrs": {"role": "switch", "id": "x"}, "checked": True},
                {"text": "▒▒▒▒"},
            ],
        },
    }
    lines = list(fileformat.describe(kept))
    order = [
        next(i for i, line in enumerate(lines) if line.startswith(p))
        for p in ("Setting:", "Address:", "Read as:", "Looked for:", "The page", "Accessibility")
    ]
    assert order == sorted(order)
    assert any('<input role="switch" id="x" checked>' in line for line in lines)


def capture_of_linkedin(tmp_path: Path) -> Path:
    path = tmp_path / "linkedin.json"
    kept = {
        "format": fileformat.FORMAT,
        "setting": AI,
        "platform": "linkedin",
        "title": "Data for Generative AI Improvement",
        "looked_for": {},
        "reading": {"state": "on", "detail": ""},
        "dom": {
            "tag": "body",
            "attrs": {},
            "children": [
                {
                    "tag": "input",
                    "attrs": {
                        "type": "checkbox",
                        "role": "switch",
                        "aria-labelledby": "allowDataForGenerativeAI",
                    },
                    "checked": True,
                    "children": [],
                },
                {
                    "tag": "span",
                    "attrs": {"id": "allowDataForGenerativeAI"},
                    "children": [
                        {"text": "Use my data for training content creation AI models", "ui": True}
                    ],
                },
            ],
        },
    }
    path.write_text(json.dumps(kept), encoding="utf-8")
    return path


def test_capture_show_prints_the_file_and_refuses_what_is_not_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main

    path = capture_of_linkedin(tmp_path)
    assert main(["capture", "--show", str(path)]) == 0
    shown = capsys.readouterr().out
    assert "Setting:   linkedin.ai_training" in shown
    assert "Use my data for training content creation AI models" in shown
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["capture", "--show", str(tmp_path / "bad.json")]) == 2
    said = capsys.readouterr().err
    assert "not a capture file" in said and "Traceback" not in said
    assert main(["capture"]) == 2
    assert "give the setting to capture" in capsys.readouterr().err


@pytest.mark.browser
async def test_a_served_capture_switches_and_keeps_the_new_state(
    shared_browser: Running, tmp_path: Path
) -> None:
    """Served back, the controls follow clicks and a reload shows the new state, so a
    plugin's switch and its read-back work on a capture too."""
    kept = fileformat.load(capture_of_linkedin(tmp_path))
    kept["format"] = fileformat.FORMAT
    with CapturedPage(kept, session_cookies=LinkedIn.session_cookies) as served:
        plugin = LinkedIn(served.origin)
        setting = LinkedIn.setting("ai_training")
        browser = shared_browser.browser
        page = await browser.new_page()
        assert (await actions.read(plugin, page, setting)).state is State.ON
        written = await actions.write(plugin, page, setting, State.OFF)
        assert written.state is State.OFF, written.detail
        assert (await actions.read(plugin, page, setting)).state is State.OFF


def test_replica_serves_a_capture_file(tmp_path: Path) -> None:
    import subprocess
    import sys
    import urllib.request

    from tests.paths import ROOT

    path = capture_of_linkedin(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "replica", "--capture", str(path), "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Serving the capture of linkedin.ai_training at http://")
        origin = first.rsplit(" ", 1)[1].strip()
        with urllib.request.urlopen(origin + "/any/page") as answer:
            served = answer.read().decode()
        assert 'aria-labelledby="allowDataForGenerativeAI"' in served
        assert "checked" in served
    finally:
        process.terminate()
        process.wait(10)
