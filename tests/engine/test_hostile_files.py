"""Files on disk after what can go wrong: a killed export, folders others could read.

An export killed while writing leaves its temporary file; the next export to the same
path takes it away, and nothing else: not a file of the user's whose name only looks
alike, not a link, not another user's file, not the file of an export at work.

The data, state and log folders hold sessions, the history and logs: they are the
user's alone (0700), like the files in them, also where an older version made them
readable to others.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from automation.files import folders, private
from automation.records import export
from automation.records.history import History
from automation.records.marks import Marks
from tests.paths import ROOT

#: An export that stops for good once its temporary file is written, until it is killed.
STUCK_EXPORT = """\
import os, pathlib, sys, time
from automation.records import export
ready = pathlib.Path(sys.argv[2])
def stuck(fd):
    ready.write_text("written")
    time.sleep(120)
os.fsync = stuck
export.write_atomic(sys.argv[1], "[desired]\\n" * 1000, overwrite=True)
"""


def stuck_export(path: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    ready = tmp_path / f"ready-{time.monotonic_ns()}"
    process = subprocess.Popen(
        [sys.executable, "-c", STUCK_EXPORT, str(path), str(ready)], cwd=ROOT
    )
    deadline = time.monotonic() + 30
    while not ready.exists():
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    return process


def temporaries(path: Path) -> list[str]:
    pattern = export.leftover_name(path)
    return sorted(p.name for p in path.parent.iterdir() if pattern.fullmatch(p.name))


def test_a_temporary_file_left_by_a_killed_export_goes_with_the_next_one(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "privacy.toml"
    killed = stuck_export(path, tmp_path)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    [left] = temporaries(path)

    # Files whose names only look alike are the user's.
    theirs = [
        ".privacy.toml.tmp",
        ".privacy.toml.backup-1.tmp",
        "privacy.toml.abcdefgh.tmp",
        ".privacy.toml.abcdefgh.tmp.keep",
        ".other.toml.abcdefgh.tmp",
        ".privacy.toml.ABCDEFGH.tmp",
    ]
    for name in theirs:
        (folder / name).write_text("mine")
    (folder / ".privacy.toml.folder01.tmp").mkdir()
    (folder / ".privacy.toml.symlink1.tmp").symlink_to(folder / ".privacy.toml.tmp")
    kept = [*theirs, ".privacy.toml.folder01.tmp", ".privacy.toml.symlink1.tmp"]
    if os.geteuid() == 0:
        foreign = folder / ".privacy.toml.nobodys1.tmp"
        foreign.write_text("someone else's")
        os.chown(foreign, 65534, 65534)
        kept.append(foreign.name)

    export.write_atomic(path, "[desired]\n", overwrite=True)
    assert path.read_text() == "[desired]\n"
    assert not (folder / left).exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([*kept, "privacy.toml"])
    assert all((folder / name).read_text() == "mine" for name in theirs)


def test_the_temporary_file_of_an_export_at_work_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "privacy.toml"
    at_work = stuck_export(path, tmp_path)
    try:
        [its_own] = temporaries(path)
        started = time.monotonic()
        export.write_atomic(path, "[desired]\n", overwrite=True)
        # It waits a moment for the other export, then writes without looking.
        assert time.monotonic() - started < export.LOCK_WAIT + 5
        assert (tmp_path / its_own).exists()
        assert path.read_text() == "[desired]\n"
    finally:
        at_work.kill()
        at_work.wait()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_an_export_stopped_by_a_signal_leaves_nothing(tmp_path: Path, signum: int) -> None:
    path = tmp_path / "privacy.toml"
    stopped = stuck_export(path, tmp_path)
    stopped.send_signal(signum)
    assert stopped.wait(timeout=30) == -signum
    assert temporaries(path) == [] and not path.exists()


# -- folders ---------------------------------------------------------------------------------


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The usual umask: what is not made private is readable by others."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def test_the_data_state_and_log_folders_are_the_users_alone(
    isolated_home: Path, usual_umask: None
) -> None:
    History.open().close()
    private.make_private(folders.log_file())
    private.open_log(folders.log_file("browser.log")).close()
    private.write_private(folders.sessions_folder() / "linkedin.session", b"secret")
    private.write_private(folders.captures_folder() / "capture.json", "{}")
    Marks(folders.marks_file()).set("meta.ai_objection", datetime(2026, 11, 29, tzinfo=UTC))
    for folder in (
        folders.data_folder(),
        folders.state_folder(),
        folders.log_folder(),
        folders.sessions_folder(),
        folders.captures_folder(),
    ):
        assert mode(folder) == 0o700, folder
    # The system's folders above them are made as usual.
    assert mode(isolated_home / "xdg_data_home") == 0o755


def test_folders_an_older_version_made_readable_are_made_the_users_alone(
    isolated_home: Path, usual_umask: None
) -> None:
    for folder in (folders.data_folder(), folders.log_folder()):
        folder.mkdir(parents=True, mode=0o755)
        os.chmod(folder, 0o755)
    History.open().close()
    private.make_private(folders.log_file())
    assert mode(folders.data_folder()) == 0o700
    assert mode(folders.state_folder()) == mode(folders.log_folder()) == 0o700


def test_a_folder_of_the_users_own_choosing_keeps_its_mode(
    tmp_path: Path, usual_umask: None
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    private.write_private(shared / "capture.json", "{}")
    assert mode(shared) == 0o755
    private.write_private(tmp_path / "new" / "capture.json", "{}")
    assert mode(tmp_path / "new") == 0o700  # one made for a private file is private
