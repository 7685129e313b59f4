"""The package as people get it: an sdist and a wheel built from this checkout, checked by
twine, and the wheel installed into a clean virtual environment that runs the demo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def run(
    *argv: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=600, env=env, cwd=cwd
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    return out


def test_sdist_and_wheel_pass_twine_check_and_hold_what_they_should(dist: Path) -> None:
    (sdist,) = dist.glob("privacy_tui-*.tar.gz")
    (wheel,) = dist.glob("privacy_tui-*.whl")
    checked = run(sys.executable, "-m", "twine", "check", "--strict", sdist, wheel)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    for needed in ("LICENSE", "CHANGELOG.md", "README.md", "config.example.toml"):
        assert needed in names
    assert "tests/captures/linkedin.ai_training.json" in names
    assert "automation/locale/ja/LC_MESSAGES/privacy_tui.po" in names
    assert not any("__pycache__" in name for name in names)

    with zipfile.ZipFile(wheel) as whl:
        files = set(whl.namelist())
    assert "tui/app.tcss" in files
    assert "automation/locale/ja/LC_MESSAGES/privacy_tui.mo" in files
    assert "automation/plugins/linkedin.py" in files
    assert not any(name.startswith("tests/") for name in files)
    (entry_points,) = (name for name in files if name.endswith("entry_points.txt"))
    with zipfile.ZipFile(wheel) as whl:
        points = whl.read(entry_points).decode()
    assert "privacy-tui = tui.cli:main" in points
    assert "linkedin = automation.plugins.linkedin:LinkedIn" in points


def test_the_wheel_installed_alone_runs_the_demo(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("privacy_tui-*.whl")
    venv = tmp_path / "venv"
    made = run(sys.executable, "-m", "venv", venv)
    assert made.returncode == 0, made.stderr
    installed = run(
        venv / "bin" / "python", "-m", "pip", "install", "-q", "-c", ROOT / "constraints.txt", wheel
    )
    assert installed.returncode == 0, installed.stderr[-3000:]

    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "LANG": "C.UTF-8",
    }
    program = venv / "bin" / "privacy-tui"
    # Nothing of this checkout is on the path: the command runs from the wheel alone.
    where = run(venv / "bin" / "python", "-c", "import tui; print(tui.__file__)", env=env, cwd=home)
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr

    version = run(program, "--version", env=env, cwd=home)
    assert version.returncode == 0 and version.stdout.startswith("privacy-tui ")

    checked = run(
        program, "check", "--demo", "--json", "--only", "linkedin.ai_training", env=env, cwd=home
    )
    assert checked.returncode == 1, checked.stderr  # the demo's switch is on; off is wanted
    (reading,) = json.loads(checked.stdout)
    assert reading["id"] == "linkedin.ai_training"
    assert reading["state"] == "on"
