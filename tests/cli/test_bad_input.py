# ruff: noqa: E501  (a row is one line, however long)
"""Bad input at the command line and in the config: one line, exit status 2, nothing else.

Each row is a command line, what stands on its stdin, the config file it is given and
a few variables of its environment, and a piece of the one line it must end with. Every
row checks the same things: the status, exactly one line on stderr starting with
``privacy-tui:``, no traceback, and no raw control character on stdout or stderr.

Rows run in this process (``tui.cli.main`` with its output captured), except two kinds
that run in a process of their own: those with stdin closed (Python then has no
``sys.stdin`` at all, which only a process started with ``<&-`` shows faithfully), and
those that open the checklist (which, should it not refuse, would wait for keys: a
process can be stopped after a while).
"""

from __future__ import annotations

import gc
import io
import os
import resource
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pytest

from automation.domain.shown import is_control
from tests.file_keyring import ENV as KEYRING_FILE
from tests.paths import ROOT
from tui import cli

#: What stands on stdin: nothing at all (fd 0 closed), /dev/null, or a terminal at its end.
CLOSED, NULL, EOF = "closed", "null", "eof"
#: In a row's command line: the path of the config file written from the row's ``config``.
CONFIG = "{config}"
#: As ``config``: a FIFO instead of a file (nobody ever writes to it).
FIFO = object()

AI = "linkedin.ai_training"
WANT_AI_OFF = '[desired.linkedin]\nai_training = "off"\n'
#: Commands that load the config and then read: on the demo's sites, should a config
#: ever be taken that must not be, never on a real one.
CHECK = f"check --demo --only {AI} --config {CONFIG}"
WATCH = f"watch run --demo --config {CONFIG}"


def origin(value: str) -> str:
    """A config pointing LinkedIn at ``value`` (a TOML basic string's inside)."""
    return f'[platforms.linkedin]\norigin = "{value}"\n'


def command(*parts: str) -> str:
    """A config whose ``[watch] command`` is ``parts`` (TOML basic strings' insides)."""
    return "[watch]\ncommand = [" + ", ".join(f'"{p}"' for p in parts) + "]\n"


@dataclass(frozen=True)
class Row:
    argv: str
    """The command line after ``privacy-tui``, as a shell would split it."""
    said: str
    """A piece of the one line on stderr."""
    stdin: str = NULL
    config: str | object | None = None
    env: dict[str, str] = field(default_factory=dict)
    status: int = 2
    browser: bool = False
    """The command reads settings first (the demo's replica sites, in Chromium)."""
    alone: bool = False
    """Run in a process of its own, with a time and memory limit: should the command
    regress, it would wait forever or read until memory runs out."""


# fmt: off
ROWS = [
    # Nobody to ask: stdin closed, /dev/null, or a terminal at its end.
    Row("credentials linkedin", "no terminal to ask on: stdin is closed", CLOSED),
    Row("credentials linkedin", "no terminal to ask on: stdin is not a terminal", NULL),
    Row("credentials linkedin", "nothing stored (the terminal ended", EOF),
    Row("login linkedin", "no terminal to ask on: stdin is closed", CLOSED),
    Row("login linkedin", "no terminal to ask on: stdin is not a terminal", NULL),
    Row("login linkedin --password", "no terminal to ask on: stdin is closed", CLOSED),
    Row("login linkedin --password", "no terminal to ask on: stdin is not a terminal", NULL),
    Row("", "the checklist needs a terminal to run in: stdin is closed", CLOSED),
    Row("--demo", "the checklist needs a terminal to run in: stdin is closed", CLOSED),
    Row("--demo", "the checklist needs a terminal to run in: stdin is not a terminal", NULL),
    Row(f"apply --demo --only {AI} --config {CONFIG}", "not changed: no terminal to ask on: stdin is closed", CLOSED, WANT_AI_OFF, browser=True),
    Row(f"apply --demo --only {AI} --config {CONFIG}", "not changed: no terminal to ask on: stdin is not a terminal", NULL, WANT_AI_OFF, browser=True),
    # The config file: only a regular file of at most 1 MiB, and one that is named.
    Row(CHECK, "not a regular file", config=FIFO, alone=True),
    Row(f"check --demo --only {AI} --config /dev/zero", "/dev/zero: cannot be read (not a regular file", alone=True),
    Row(f"check --demo --only {AI} --config /", "/: cannot be read (not a regular file"),
    Row(CHECK, "larger than 1024 KiB", config="#" * (1 << 20) + "\n"),
    Row(f'check --demo --only {AI} --config ""', "--config names no file"),
    Row('--demo --config ""', "--config names no file"),
    Row('watch run --demo --config ""', "--config names no file"),
    # The config check: origins that cannot be origins.
    Row(CHECK, "its port 99999 is not from 1 to 65535", config=origin("http://127.0.0.1:99999")),
    Row(CHECK, "it has a colon but no port", config=origin("http://127.0.0.1:")),
    Row(CHECK, "its port 'abc' is not a number", config=origin("http://127.0.0.1:abc")),
    Row(CHECK, "'http://[::1' is not an origin", config=origin("http://[::1")),
    Row(CHECK, "holds a control character", config=origin("https://www.linked\\u001b]0;owned\\u0007in.com")),
    Row(CHECK, "a host name has at most 253", config=origin("https://" + "a" * 100_000 + ".com")),
    Row(CHECK, "ai_training is not kept per blog or site", config='[desired.linkedin]\n"ai_training@myblog" = "off"\n'),
    Row(CHECK, "watch.command: part 2 ('a\\x00b') holds a control character", config=command("notify-me", "a\\u0000b")),
    Row(WATCH, "watch.command: part 2 ('a\\x00b') holds a control character", config=command("notify-me", "a\\u0000b")),
    Row(WATCH, "watch.command: part 1", config=command("\\u001b]52;c;b3duZWQ=\\u0007")),
    # Captures, the replica's port, the scheduler's paths, an id typed with an escape.
    Row(f"capture --show {CONFIG}", "not a capture file (not a regular file)", config=FIFO, alone=True),
    Row("capture --show /dev/zero", "not a capture file (not a regular file)", alone=True),
    Row(f"capture --show {CONFIG}", "not a capture file", config='{"platform": ["\x1b]0;t\x07"'),
    Row(f"capture --show {CONFIG}", "not a capture file", config="[" * 900 + "]" * 900),
    Row("replica --port 70000", "--port must be a port number from 0 to 65535"),
    Row("replica --port -1", "--port must be a port number from 0 to 65535"),
    Row("watch install --dry-run --scheduler cron", "holds a control character", env={"HOME": "/tmp/a\nb", "XDG_STATE_HOME": "", "XDG_CONFIG_HOME": ""}),
    Row("check --demo --only zz\x1b]0;t\x07", "No setting or platform is called"),
]
# fmt: on


def row_id(row: Row) -> str:
    words = row.argv.replace(CONFIG, "CONFIG") or "(the checklist)"
    return f"{words} <{row.stdin}>: {row.said}"[:90]


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A keyring for a command in a process of its own (the test's own is in memory)."""
    path = tmp_path / "keyring.json"
    path.write_text("{}")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.file_keyring.FileKeyring")
    monkeypatch.setenv(KEYRING_FILE, str(path))
    return path


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(row, id=row_id(row), marks=[pytest.mark.browser] if row.browser else [])
        for row in ROWS
    ],
)
def test_bad_input_ends_in_one_line_and_status_2(
    row: Row, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyring_file: Path
) -> None:
    # No browser window ever opens, whatever display the machine has.
    monkeypatch.setenv("DISPLAY", "")
    monkeypatch.setenv("WAYLAND_DISPLAY", "")
    for name, value in row.env.items():
        monkeypatch.setenv(name, value)
    config = tmp_path / "config.toml"
    if row.config is FIFO:
        os.mkfifo(config)
    elif isinstance(row.config, str):
        config.write_text(row.config, encoding="utf-8")
    argv = [word.replace(CONFIG, str(config)) for word in shlex.split(row.argv)]
    if row.alone or row.stdin == CLOSED or cli.opens_app(argv):
        status, out, err = in_a_process(argv, row.stdin, limited=row.alone)
    else:
        status, out, err = in_this_process(argv, row.stdin)

    assert status == row.status, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("privacy-tui: "), err
    assert row.said in lines[0], err
    assert len(lines[0]) < 600, "a value from outside is quoted cut short"
    assert "Traceback" not in out + err
    raw = sorted({char for char in out + err if is_control(char) and char != "\n"})
    assert not raw, raw


def in_this_process(argv: list[str], stdin: str) -> tuple[int, str, str]:
    """``privacy-tui ARGV`` run by ``tui.cli.main``: its status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with given_stdin(stdin) as given, pytest.MonkeyPatch.context() as streams:
        streams.setattr(sys, "stdin", given)
        streams.setattr(sys, "stdout", out)
        streams.setattr(sys, "stderr", err)
        try:
            status = cli.main(argv)
        except SystemExit as exc:  # argparse's own refusals
            status = exc.code if isinstance(exc.code, int) else 2
        finally:
            gc.enable()  # the checklist holds collections until its first frame
    return status, out.getvalue(), err.getvalue()


class Terminal(io.StringIO):
    """A terminal on which nothing more will be typed (Ctrl-D)."""

    def isatty(self) -> bool:
        return True


@contextmanager
def given_stdin(kind: str) -> Iterator[TextIO]:
    """What a row's stdin stands for, while a command runs on it."""
    if kind == EOF:
        yield Terminal("")
        return
    with open(os.devnull, encoding="utf-8") as null:
        yield null


def in_a_process(argv: list[str], stdin: str, *, limited: bool) -> tuple[int, str, str]:
    """``privacy-tui ARGV`` in a process of its own, with stdin closed (``<&-``) or
    /dev/null: its status, stdout and stderr. ``limited``: in 1 GiB of memory."""
    assert stdin in (CLOSED, NULL)
    closing = ["sh", "-c", 'exec "$@" <&-', "sh"] if stdin == CLOSED else []
    done = subprocess.run(
        [*closing, sys.executable, "-m", "tui.cli", *argv],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_in_one_gibibyte if limited else None,
    )
    return done.returncode, done.stdout, done.stderr


def _in_one_gibibyte() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
