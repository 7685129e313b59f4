"""`privacy-tui login` and `privacy-tui logout`: messages, exit codes, what they keep.

Commands run by ``run`` get ``keyring``'s fail back end (a machine with no keyring, and
never the developer's); those run by ``main`` directly use the in-memory keyring from
conftest.
"""

from __future__ import annotations

import asyncio
import getpass
import io
import json
import socket
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from automation.accounts import secrets
from automation.accounts.secrets import Credentials
from automation.accounts.sessions import session_name
from automation.accounts.sessions.store import SessionStore
from automation.replicas import ReplicaServer
from tests.cli.here import run_here
from tui.cli import main

COMMAND = Path(sys.executable).with_name("privacy-tui")
AI = "linkedin.ai_training"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``privacy-tui ARGS`` in this process, with no keyring and no display."""
    saved = keyring.get_keyring()
    with pytest.MonkeyPatch.context() as patch:
        for name in ("DISPLAY", "WAYLAND_DISPLAY"):
            patch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        keyring.set_keyring(NoKeyring())
        try:
            return run_here(*args)
        finally:
            keyring.set_keyring(saved)


def clean(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr


def sessions_folder(home: Path) -> Path:
    return home / "xdg_data_home" / "privacy-tui" / "sessions"


def test_help_lists_login_and_logout() -> None:
    done = run("--help")
    assert "login" in done.stdout and "logout" in done.stdout
    login = run("login", "--help")
    for word in ("--password", "--remember", "--store-unencrypted", "Exit status"):
        assert word in login.stdout
    assert "--forget-credentials" in run("logout", "--help").stdout


def test_unknown_platform_and_demo_are_usage_errors() -> None:
    for args in (["login", "nope"], ["logout", "nope"]):
        done = run(*args)
        assert done.returncode == 2
        assert "unknown platform 'nope'" in done.stderr and "linkedin" in done.stderr
        clean(done)
    done = run("--demo", "login", "linkedin")
    assert done.returncode == 2 and "demo keeps nothing" in done.stderr


def test_login_without_a_keyring_says_the_session_would_be_lost(isolated_home: Path) -> None:
    done = run("login", "linkedin")
    assert done.returncode == 2
    assert "no working keyring" in done.stderr
    assert "--store-unencrypted" in done.stderr and "lost" in done.stderr
    assert not sessions_folder(isolated_home).exists()
    clean(done)


def test_login_without_a_display_offers_the_password_route() -> None:
    done = run("login", "linkedin", "--store-unencrypted")
    assert done.returncode == 2
    assert "No display" in done.stderr
    assert "privacy-tui login linkedin --password" in done.stderr
    clean(done)

    done = run("login", "linkedin", "--store-unencrypted", "--password")
    assert done.returncode == 2
    assert "asked for on a terminal" in done.stderr
    clean(done)


def test_password_login_to_a_foreign_origin_is_refused(tmp_path: Path) -> None:
    """`login --password` asks for nothing and sends nothing when the config points the
    platform at an origin that is neither the real site over HTTPS nor this machine."""
    config = tmp_path / "config.toml"
    for origin in ("http://www.linkedin.com", "https://linkedin.example.org"):
        config.write_text(f'[platforms.linkedin]\norigin = "{origin}"\n')
        for args in (["--password"], []):  # asked for, or offered for want of a display
            done = run("login", "linkedin", "--store-unencrypted", "--config", str(config), *args)
            assert done.returncode == 2
            assert f"its origin is set to {origin}" in done.stderr
            assert "https://www.linkedin.com or to a replica on this machine" in done.stderr
            assert "password (not shown)" not in done.stdout + done.stderr
            clean(done)


def test_logout_removes_an_unencrypted_session(isolated_home: Path) -> None:
    folder = sessions_folder(isolated_home)
    folder.mkdir(parents=True)
    (folder / "linkedin.json").write_text('{"cookies": [], "origins": []}')
    done = run("logout", "linkedin")
    assert done.returncode == 0, done.stderr
    assert "kept session was removed" in done.stdout
    assert not (folder / "linkedin.json").exists()
    again = run("logout", "linkedin")
    assert again.returncode == 0 and "No linkedin session was kept" in again.stdout


def test_logout_forgets_the_encrypted_session_and_the_credentials(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asyncio.run(SessionStore().save("linkedin", {"cookies": [], "origins": []}))
    path = sessions_folder(isolated_home) / "linkedin.session"
    assert path.exists()
    secrets.set_credentials("linkedin", Credentials("me@example.com", "pw"))

    assert main(["logout", "linkedin", "--forget-credentials"]) == 0
    assert not path.exists()
    assert secrets.get_credentials("linkedin") is None
    assert "Forgot the linkedin credentials" in capsys.readouterr().out


def test_logout_forgets_the_replicas_sessions_too(isolated_home: Path) -> None:
    store = SessionStore()
    asyncio.run(store.save("linkedin", {"cookies": [], "origins": []}))
    asyncio.run(store.save("linkedin", {"cookies": [], "origins": []}, "http://127.0.0.1:8801"))
    done = run("logout", "linkedin")
    assert done.returncode == 0, done.stderr
    assert "its 2 kept sessions were removed" in done.stdout
    assert list(sessions_folder(isolated_home).iterdir()) == []


class Terminal(io.StringIO):
    """What a person types at the terminal, one answer a line."""

    def isatty(self) -> bool:
        return True


@pytest.mark.browser
def test_password_login_asks_for_the_code_and_remembers(
    chromium: str,
    replica: ReplicaServer,
    isolated_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`login --password --remember`: username, password, code typed; session and keyring kept."""
    password = "pw-typed-Ks2-at-the-terminal"
    site = replica.sites["linkedin"]
    site.add_account("term@example.com", password, verification_code="777111")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[browser]\nexecutable = "{chromium}"\ntimeout = 15\n'
        f'[platforms.linkedin]\norigin = "{replica.origins["linkedin"]}"\n'
    )
    typed = Terminal("term@example.com\n777111\n")
    monkeypatch.setattr(sys, "stdin", typed)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": password)

    code = main(["login", "linkedin", "--config", str(config), "--password", "--remember"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Signed in to LinkedIn" in out and "encrypted" in out
    assert "remembered in the keyring" in out
    assert site.sign_ins == ["term@example.com"]
    assert site.session_tokens("term@example.com")
    # Kept for the replica's origin, apart from the real site's session.
    name = session_name("linkedin", replica.origins["linkedin"])
    assert (sessions_folder(isolated_home) / f"{name}.session").exists()
    assert not (sessions_folder(isolated_home) / "linkedin.session").exists()
    assert secrets.get_credentials("linkedin") == Credentials("term@example.com", password)
    assert password not in out + err


@pytest.mark.browser
def test_check_tells_of_an_unreadable_session_even_with_json(
    chromium: str, isolated_home: Path, tmp_path: Path
) -> None:
    """The unreadable file is set aside and said so on stderr; stdout stays JSON."""
    folder = sessions_folder(isolated_home)
    folder.mkdir(parents=True)
    with socket.socket() as sock:  # a loopback port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    name = session_name("linkedin", f"http://127.0.0.1:{port}")
    (folder / f"{name}.json").write_text("{not json")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[browser]\nexecutable = "{chromium}"\ntimeout = 15\n'
        f'[platforms.linkedin]\norigin = "http://127.0.0.1:{port}"\n'
    )
    done = run("check", "--json", "--store-unencrypted", "--config", str(config), "--only", AI)
    assert done.returncode == 3  # could not be read: nothing listens there
    [row] = json.loads(done.stdout)
    assert row["state"] == "error"
    assert "could not be opened" in done.stderr and "signed out" in done.stderr
    assert [p.name.split(".unreadable-")[0] for p in folder.iterdir()] == [f"{name}.json"]
    assert (next(folder.iterdir())).read_text() == "{not json"
    clean(done)
