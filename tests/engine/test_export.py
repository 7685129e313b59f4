"""Exports: TOML that loads back as a config, written atomically or not at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from automation import __version__
from automation.domain.settings import Reading, State
from automation.files.config import parse
from automation.plugins.linkedin import LinkedIn
from automation.records.export import ExportError, destination, render, write_atomic
from tests.paths import ROOT

CATALOG = {"linkedin": {s.key for s in LinkedIn.settings}}
SETTINGS = LinkedIn.settings
AT = datetime(2026, 11, 29, 10, 0, 0, tzinfo=UTC)

CONFIG = """\
[browser]
headless = false
timeout = 12.5

[platforms.linkedin]
origin = "http://127.0.0.1:8801"

[desired.linkedin]
research = "on"
"""


def readings() -> dict[str, Reading]:
    """Two readings with awkward details (quotes, a newline, non-ASCII)."""
    return {
        "linkedin.ai_training": Reading(
            "linkedin.ai_training",
            State.OFF,
            'Switch is "off".\nRead from the page — twice.',
            checked_at=datetime(2026, 11, 29, 9, 59, 12, tzinfo=UTC),
            url="http://127.0.0.1:8801/mypreferences/d/settings/data-for-ai-improvement",
        ),
        "linkedin.research": Reading(
            "linkedin.research",
            State.NEEDS_LOGIN,
            "Not signed in to LinkedIn: it showed its sign-in page.",
            checked_at=datetime(2026, 11, 29, 9, 59, 13, tzinfo=UTC),
        ),
    }


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- render ----------------------------------------------------------------------------------


def test_export_loads_back_with_the_same_desired_states() -> None:
    """Loading an export gives the user's choices, and the recommendation for the rest."""
    config = parse(CONFIG, CATALOG)
    text = render(SETTINGS, config.desired, readings(), config, at=AT)
    again = parse(text, CATALOG)
    expected = {s.id: config.desired.get(s.id, s.recommended) for s in SETTINGS}
    assert again.desired == expected
    assert again.desired["linkedin.research"] is State.ON  # the user's choice, not the default


@pytest.mark.parametrize("value", [State.ON, State.OFF])
def test_round_trip_of_every_setting(value: State) -> None:
    """Whatever is desired for every setting comes back unchanged."""
    desired = {s.id: value for s in SETTINGS}
    again = parse(render(SETTINGS, desired, {}, None, at=AT), CATALOG)
    assert again.desired == desired


def test_export_holds_the_results() -> None:
    """[results] has each reading's state, detail, checked_at (and url when known)."""
    given = readings()
    data = tomllib.loads(render(SETTINGS, {}, given, None, at=AT))
    results = data["results"]["linkedin"]
    assert set(results) == {"ai_training", "research"}  # only what was read
    ai = results["ai_training"]
    assert ai["state"] == "off"
    assert ai["detail"] == given["linkedin.ai_training"].detail
    assert ai["checked_at"] == given["linkedin.ai_training"].checked_at
    assert ai["url"] == given["linkedin.ai_training"].url
    research = results["research"]
    assert research["state"] == "needs_login"
    assert research["checked_at"] == given["linkedin.research"].checked_at
    assert "url" not in research


def test_export_has_meta() -> None:
    """[meta] says when the export was made and by which version."""
    data = tomllib.loads(render(SETTINGS, {}, {}, None, at=AT))
    assert data["meta"] == {"exported_at": AT, "version": __version__}
    assert "results" not in data  # nothing was read


def test_export_carries_over_browser_and_platforms() -> None:
    """[browser], [platforms] and [display] come from the config as the user wrote them."""
    config = parse(CONFIG + '\n[display]\ntheme = "light"\n', CATALOG)
    again = parse(render(SETTINGS, config.desired, {}, config, at=AT), CATALOG)
    assert again.raw["browser"] == config.raw["browser"]
    assert again.raw["platforms"] == config.raw["platforms"]
    assert again.browser == config.browser
    assert again.origin("linkedin") == "http://127.0.0.1:8801"
    assert again.display.theme == "light"


# -- write_atomic ---------------------------------------------------------------------------------


def test_write_creates_the_file(tmp_path: Path) -> None:
    """A new export is written whole, with nothing else left in the folder."""
    path = tmp_path / "privacy.toml"
    text = render(SETTINGS, {}, readings(), None, at=AT)
    write_atomic(path, text)
    assert path.read_text(encoding="utf-8") == text
    assert files_in(tmp_path) == ["privacy.toml"]


def test_write_refuses_to_overwrite(tmp_path: Path) -> None:
    """An existing file is left as it was unless ``overwrite=True``."""
    path = tmp_path / "privacy.toml"
    path.write_text("old = true\n", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        write_atomic(path, "new = true\n")
    assert str(path) in str(caught.value)
    assert "exists" in str(caught.value)
    assert path.read_text(encoding="utf-8") == "old = true\n"
    assert files_in(tmp_path) == ["privacy.toml"]

    write_atomic(path, "new = true\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "new = true\n"
    assert files_in(tmp_path) == ["privacy.toml"]


def test_write_to_a_folder_path_is_refused(tmp_path: Path) -> None:
    """A folder is not overwritten, even with ``overwrite=True``."""
    with pytest.raises(ExportError) as caught:
        write_atomic(tmp_path, "x = 1\n", overwrite=True)
    assert "folder" in str(caught.value)
    assert tmp_path.is_dir()


def test_write_into_a_missing_folder(tmp_path: Path) -> None:
    """A missing folder is a clear ExportError naming it, and nothing is created."""
    path = tmp_path / "missing" / "privacy.toml"
    with pytest.raises(ExportError) as caught:
        write_atomic(path, "x = 1\n")
    assert str(tmp_path / "missing") in str(caught.value)
    assert "does not exist" in str(caught.value)
    assert files_in(tmp_path) == []


def _unwritable_target(tmp_path: Path) -> tuple[Path, Path, str]:
    """A target whose folder cannot take a new file, the folder to watch, and the reason.

    A read-only folder stops an ordinary user; root writes anyway, so there the
    "folder" is a regular file instead.
    """
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    probe = folder / "probe"
    try:
        probe.touch()
    except PermissionError:
        return folder / "privacy.toml", folder, "permission denied"
    probe.unlink()
    folder.chmod(0o700)
    afile = tmp_path / "afile"
    afile.write_text("not a folder\n", encoding="utf-8")
    return afile / "privacy.toml", tmp_path, "not a folder"


def test_write_into_an_unwritable_folder(tmp_path: Path) -> None:
    """A folder that takes no file is a clear ExportError, and no temporary file is left."""
    path, folder, reason = _unwritable_target(tmp_path)
    before = files_in(folder)
    try:
        with pytest.raises(ExportError) as caught:
            write_atomic(path, "x = 1\n")
        assert str(path) in str(caught.value)
        assert reason in str(caught.value)
        assert files_in(folder) == before
    finally:
        (tmp_path / "locked").chmod(0o700)


def test_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """When writing fails midway, the temporary file is removed and the old file stays."""
    path = tmp_path / "privacy.toml"
    path.write_text("old = true\n", encoding="utf-8")
    with pytest.raises(ExportError):
        write_atomic(path, "detail = '\ud800'\n", overwrite=True)  # not encodable as UTF-8
    assert files_in(tmp_path) == ["privacy.toml"]
    assert path.read_text(encoding="utf-8") == "old = true\n"


def test_written_file_is_readable_by_others(tmp_path: Path) -> None:
    """The export gets ordinary file permissions, not mkstemp's private 0600."""
    path = tmp_path / "privacy.toml"
    write_atomic(path, "x = 1\n")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644 & ~mask


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    """Replacing a private export keeps it private: the old file's mode carries over."""
    path = tmp_path / "privacy.toml"
    path.write_text("old = true\n", encoding="utf-8")
    path.chmod(0o600)
    write_atomic(path, "new = true\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "new = true\n"
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o640)
    write_atomic(path, "newer = true\n", overwrite=True)
    assert path.stat().st_mode & 0o777 == 0o640


KILLED_WRITER = """\
import sys
from automation.records.export import write_atomic
write_atomic(sys.argv[1], "x" * 300_000_000, overwrite=True)
"""


def test_killed_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A termination signal in the middle of the write removes the temporary file.

    The text is large so that the write is still going on when the signal comes;
    the process still ends by that signal, and an existing file stays as it was.
    """
    path = tmp_path / "privacy.toml"
    path.write_text("old = true\n", encoding="utf-8")
    root = ROOT
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(path)], cwd=root, env={**os.environ}
    )
    try:
        deadline = time.monotonic() + 60
        while not any(name.endswith(".tmp") for name in files_in(tmp_path)):
            assert process.poll() is None, "the write ended before it could be stopped"
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.005)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == -signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert files_in(tmp_path) == ["privacy.toml"]
    assert path.read_text(encoding="utf-8") == "old = true\n"


def test_destination_finds_an_unwritable_place_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """``destination`` tries the folder for real; a name the file system refuses is caught."""
    long_name = tmp_path / ("a" * 250 + ".toml")  # fits, but its temporary file would not
    with pytest.raises(ExportError) as caught:
        destination(long_name)
    assert "name too long" in str(caught.value)
    path, _folder, reason = _unwritable_target(tmp_path)
    try:
        with pytest.raises(ExportError) as caught:
            destination(path)
        assert reason in str(caught.value)
    finally:
        (tmp_path / "locked").chmod(0o700)
    assert not any(name.endswith(".tmp") for name in files_in(tmp_path))
    good = destination(tmp_path / "fine.toml")
    assert good == tmp_path / "fine.toml" and not good.exists()
    with pytest.raises(ExportError) as caught:
        destination("~nosuchuser-privacy-tui/x.toml")
    assert "no such home folder" in str(caught.value)
