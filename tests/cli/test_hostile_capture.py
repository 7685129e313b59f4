"""Hostile capture files: `capture --show` and `replica --capture` end bad input in one
line and exit 2, never print a terminal's control sequence raw, and print no config
line a capture did not earn. The replay server refuses bad requests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from automation.captures import fileformat
from automation.captures.replay import CapturedPage
from tests.paths import ROOT
from tui.cli import main

AI = "linkedin.ai_training"


@pytest.fixture(autouse=True)
def never_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    """A command here that starts serving fails its test rather than wait for Ctrl-C."""
    from tui.commands import replica

    def served(stop: Callable[[], None]) -> None:
        stop()
        pytest.fail("the command went on to serve")

    monkeypatch.setattr(replica, "wait_for_interrupt", served)


#: A terminal's own commands: retitle, clear the screen, set the clipboard (OSC 52),
#: a bell, a C1 control sequence introducer, a carriage return.
SEQUENCES = "\x1b]0;owned\x07\x1b[2J\x1b[H\x1b]52;c;ZXZpbA==\x07\x9b31m\r\x07"


def good() -> dict[str, Any]:
    """A small capture of a LinkedIn page, as privacy-tui writes one."""
    return {
        "format": fileformat.FORMAT,
        "setting": AI,
        "platform": "linkedin",
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
                {
                    "tag": "input",
                    "attrs": {"role": "switch", "aria-labelledby": "allowDataForGenerativeAI"},
                    "checked": True,
                    "children": [],
                },
                {"text": "▒▒▒▒"},
            ],
        },
    }


def written(tmp_path: Path, data: object, name: str = "capture.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def changed(**changes: Any) -> Callable[[], dict[str, Any]]:
    def make() -> dict[str, Any]:
        kept = good()
        for key, value in changes.items():
            if value is KeyError:
                del kept[key]
            else:
                kept[key] = value
        return kept

    return make


def in_dom(node: object) -> Callable[[], dict[str, Any]]:
    def make() -> dict[str, Any]:
        kept = good()
        kept["dom"]["children"].append(node)
        return kept

    return make


def nested(depth: int) -> Callable[[], str]:
    """A capture whose elements nest ``depth`` deep, as text (too deep to write as JSON
    from Python's own tables)."""

    def make() -> str:
        kept = good()
        kept["dom"]["children"] = ["HERE"]
        opening, closing = json.dumps(kept).split('"HERE"')
        return opening + '{"tag": "div", "children": [' * depth + "]}" * depth + closing

    return make


def raw(text: str | bytes) -> Callable[[], str | bytes]:
    return lambda: text


#: Files that are not captures privacy-tui can read, each refused in one line.
MALFORMED: dict[str, Callable[[], object]] = {
    "not JSON": raw("{"),
    "empty": raw(""),
    "not UTF-8": raw(b'{"format": 1, "title": "\xff"}'),
    "a list": raw("[1, 2]"),
    "a number": raw("7"),
    "a huge number": raw('{"format": ' + "9" * 5000 + "}"),
    "format as text": changed(format="1"),
    "format true": changed(format=True),
    "format 1.0": changed(format=1.0),
    "a later format": changed(format=2),
    "no format": changed(format=KeyError),
    "no dom": changed(dom=KeyError),
    "no setting": changed(setting=KeyError),
    "no platform": changed(platform=KeyError),
    "setting a number": changed(setting=5),
    "platform null": changed(platform=None),
    "title a list": changed(title=["x"]),
    "address a table": changed(address={}),
    "status as text": changed(status="200"),
    "status true": changed(status=True),
    "reading as text": changed(reading="on"),
    "reading's detail a number": changed(reading={"state": "on", "detail": 5}),
    "looked_for a list": changed(looked_for=[1]),
    "looked_for holds a table": changed(looked_for={"ids": {"a": 1}}),
    "accessibility a table": changed(accessibility={}),
    "dom a list": changed(dom=[]),
    "dom a text": changed(dom="body"),
    "children a table": changed(dom={"tag": "body", "children": {}}),
    "an element a number": in_dom(5),
    "an element null": in_dom(None),
    "attrs a list": in_dom({"tag": "a", "attrs": ["href"]}),
    "an attribute a number": in_dom({"tag": "a", "attrs": {"href": 5}}),
    "a tag a number": in_dom({"tag": 5}),
    "a text a list": in_dom({"text": ["x"]}),
    "checked as text": in_dom({"tag": "input", "checked": "yes"}),
    "a lone surrogate": in_dom({"text": "\ud800"}),
    "900-deep nesting": nested(900),
    "900-deep arrays": raw('{"format": 1, "x": ' + "[" * 900 + "]" * 900 + "}"),
    "100000-deep arrays": raw("[" * 100_000 + "]" * 100_000),
    "more than 16 MiB": raw(json.dumps({**good(), "title": "x" * (17 * 1024 * 1024)})),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_capture_show_refuses_a_malformed_capture_in_one_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, MALFORMED[case]())
    assert main(["capture", "--show", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("privacy-tui: "), err
    assert str(path) in err and "Traceback" not in err


@pytest.mark.parametrize("case", ["a later format", "900-deep nesting", "dom a list"])
def test_replica_refuses_a_malformed_capture_in_one_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, MALFORMED[case]())
    assert main(["replica", "--capture", str(path), "--port", "0"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_capture_show_reads_no_fifo_and_no_endless_file(tmp_path: Path) -> None:
    """A FIFO would wait for a writer forever, /dev/zero never ends: neither is read."""
    fifo = tmp_path / "capture.json"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero", str(tmp_path)):
        done = run("capture", "--show", path)
        assert done.returncode == 2, done
        assert done.stdout == ""
        assert done.stderr == f"privacy-tui: {path}: not a capture file (not a regular file)\n"


def test_a_huge_text_is_shown_cut(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kept = good()
    kept["title"] = "Data " * 200_000
    kept["dom"]["children"].append({"text": "x" * 500_000})
    assert main(["capture", "--show", str(written(tmp_path, kept))]) == 0
    out = capsys.readouterr().out
    assert len(out) < 20_000
    assert max(len(line) for line in out.splitlines()) < 1100


def controls_in(text: str) -> set[str]:
    return {ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\n"}


def test_capture_show_writes_no_control_character_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every text of the file, in every field, reaches the terminal with its control
    characters written out."""
    s = SEQUENCES
    kept = good()
    kept.update(
        setting=AI + s,
        platform="linkedin" + s,
        captured_at=s,
        address="https://x/" + s,
        title=s,
        looked_for={"ids" + s: [s], "label": s, s: True},
        reading={"state": s, "detail": s},
        accessibility=f'- switch "{s}" [checked]: {s}\n{s}\n- /url: {s}',
    )
    kept["dom"]["children"].append(
        {
            "tag": "div" + s,
            "attrs": {"id" + s: s, "aria-label": s},
            "children": [{"text": s, "ui": True}, {"text": "\u202e" + s}],
        }
    )
    path = written(tmp_path, kept, name="cap\x1b]0;t\x07ture.json")
    assert main(["capture", "--show", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "\\e]0;owned" in out and "\\e]52;c;" in out
    assert controls_in(out) == set() and err == ""
    # And where the file is refused, the message carries none either.
    kept["format"] = 2
    kept["platform"] = s
    path.write_text(json.dumps(kept), encoding="utf-8")
    newline = tmp_path / "a\nb\x1b[2J.json"
    newline.write_text("{", encoding="utf-8")
    for refused in (path, newline):
        assert main(["capture", "--show", str(refused)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and controls_in(err) == set() and err.count("\n") == 1, err


#: Values of a capture's names that would add lines to the config the person pastes.
INJECTED = '\n[desired.linkedin]\nai_training = "on"\n#'


@pytest.mark.parametrize(
    ("platform", "setting"),
    [
        ("linkedin" + INJECTED, AI),
        ("linkedin", AI + INJECTED),
        ("tumblr", "tumblr.third_party_sharing@art" + INJECTED),
        ("tumblr", "tumblr.third_party_sharing@../../x"),
        ("tumblr", "tumblr.third_party_sharing@" + "a" * 500),
        ("linkedin", "linkedin.ai_training@myblog"),
        ("linkedin", "x.grok_training"),
        ("nosuch", "nosuch.setting"),
        ("", ""),
    ],
)
def test_a_capture_s_names_add_no_config_line(
    platform: str, setting: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = good()
    kept.update(platform=platform, setting=setting)
    path = written(tmp_path, kept)
    assert main(["replica", "--capture", str(path), "--port", "0"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "[desired" not in err.replace("\\n[desired", "")
    assert "not one of" in err or "no installed plugin" in err


def test_the_names_of_a_capture_are_checked_against_the_plugins() -> None:
    from automation.plugins.linkedin import LinkedIn
    from automation.plugins.tumblr import Tumblr

    assert fileformat.plugin_of(good())[0] is LinkedIn
    kept = good()
    kept.update(platform="tumblr", setting="tumblr.third_party_sharing@art-notes")
    cls, setting = fileformat.plugin_of(kept)
    assert cls is Tumblr and setting.id == "tumblr.third_party_sharing@art-notes"


@pytest.mark.parametrize("port", ["-1", "65536", "99999", "-99999999999"])
def test_replica_refuses_a_port_that_is_none(
    port: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["replica", f"--port={port}"], ["replica", "--capture", "x", f"--port={port}"]):
        assert main(args) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == f"privacy-tui: --port must be a port number from 0 to 65535, not {port}\n"


def ask(port: int, request: bytes) -> bytes:
    """What the server answers ``request``, the connection closed by it or in 10 s."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
        return answer


@pytest.mark.parametrize(
    ("length", "status"),
    [("abc", 400), ("-5", 400), ("1e3", 400), ("", 400), ("99999999999", 413), ("5000", 413)],
)
def test_the_replay_server_refuses_a_bad_content_length(length: str, status: int) -> None:
    with CapturedPage(good()) as served:
        head = f"POST /__capture_state HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n"
        answer = ask(served.port, f"{head}\r\n".encode())
        assert answer.startswith(f"HTTP/1.0 {status} ".encode()), answer[:80]
        # It goes on serving.
        page = ask(served.port, b"GET / HTTP/1.0\r\n\r\n")
        assert page.startswith(b"HTTP/1.0 200 ") and b"allowDataForGenerativeAI" in page


@pytest.mark.parametrize(
    "body", [b"[]", b'{"node": "1"}', b'{"node": {}, "on": true}', b'{"node": "9" , "on": 1}']
)
def test_the_replay_server_keeps_only_a_control_s_state(body: bytes) -> None:
    with CapturedPage(good()) as served:
        head = f"POST /__capture_state HTTP/1.0\r\nContent-Length: {len(body)}\r\n\r\n"
        assert ask(served.port, head.encode() + body).startswith(b"HTTP/1.0 400 ")
        assert served.states == {}


def test_a_capture_of_a_million_elements_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = good()
    kept["dom"]["children"] = [{"tag": "b"}] * 1_000_000
    with pytest.raises(fileformat.CaptureError, match="more than 50,000 elements"):
        CapturedPage(kept)
    for count in (300_000, 1_000_000):
        kept["dom"]["children"] = [{"tag": "b"}] * count
        path = written(tmp_path, json.dumps(kept, separators=(",", ":")))
        assert main(["replica", "--capture", str(path), "--port", "0"]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1
        assert "more than 50,000 elements" in err
