"""The user's folders: where privacy-tui keeps its config, data, state and cache.

Every path privacy-tui keeps something at comes from here, so moving one is one edit.
The folders follow each system's conventions (the XDG variables on Linux) through
``platformdirs``. Only :func:`make_private_folder` creates any: the data, state, log
and cache folders hold what privacy-tui keeps about the user (sessions, the history,
logs, captures), so they are the user's alone (0700), like the files in them.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from platformdirs import (
    user_cache_path,
    user_config_path,
    user_data_path,
    user_documents_path,
    user_log_path,
    user_state_path,
)

APP = "privacy-tui"


def config_folder() -> Path:
    """Where the config file lives (``~/.config/privacy-tui`` on Linux)."""
    return user_config_path(APP, appauthor=False)


def data_folder() -> Path:
    """What privacy-tui keeps for the user: sessions, history, marks."""
    return user_data_path(APP, appauthor=False)


def log_folder() -> Path:
    """Where the logs go (in the state folder on Linux: ``~/.local/state/privacy-tui/log``)."""
    return user_log_path(APP, appauthor=False)


def state_folder() -> Path:
    """What privacy-tui keeps about its own runs (``~/.local/state/privacy-tui`` on Linux)."""
    return user_state_path(APP, appauthor=False)


def captures_folder() -> Path:
    """Where redacted captures of pages that did not read as expected are kept."""
    return state_folder() / "captures"


def cache_folder() -> Path:
    """What can be thrown away and made again."""
    return user_cache_path(APP, appauthor=False)


def config_file() -> Path:
    """The config file used when neither ``--config`` nor ``$PRIVACY_TUI_CONFIG`` names one."""
    return config_folder() / "config.toml"


def sessions_folder() -> Path:
    """Where signed-in browser sessions are kept between runs."""
    return data_folder() / "sessions"


def history_file() -> Path:
    """The record of readings, changes and undo points."""
    return data_folder() / "history.sqlite"


def marks_file() -> Path:
    """The user's marks on settings done by hand."""
    return data_folder() / "marks.toml"


def last_export_file() -> Path:
    """Where the path of the checklist's last export is kept, to suggest it again."""
    return state_folder() / "last-export"


def export_folder() -> Path:
    """Where the checklist suggests an export when no path says otherwise: the user's
    documents folder where there is one, else the home folder (never the folder the
    terminal happened to be in)."""
    try:
        documents = user_documents_path()
    except Exception:  # platformdirs asks the system: a broken setup leaves the home folder
        return home()
    return documents if documents.is_dir() else home()


def log_file(name: str = "privacy-tui.log") -> Path:
    """One of the logs: the app's own by default."""
    return log_folder() / name


# -- the system's own folders for scheduled checks ----------------------------------------


def home() -> Path:
    return Path(os.environ.get("HOME") or Path.home())


def systemd_folder() -> Path:
    """The systemd user unit folder: ``$XDG_CONFIG_HOME/systemd/user``."""
    config = os.environ.get("XDG_CONFIG_HOME")
    base = Path(config) if config and os.path.isabs(config) else home() / ".config"
    return base / "systemd" / "user"


def launchd_folder() -> Path:
    """Where macOS keeps the user's launch agents."""
    return home() / "Library" / "LaunchAgents"


# -- making them ---------------------------------------------------------------------------

#: Owner-only: a folder only the user may list, enter or write in.
PRIVATE_FOLDER = 0o700


def own_folders() -> tuple[Path, ...]:
    """The folders that hold what privacy-tui keeps about the user (not the config's)."""
    return (data_folder(), state_folder(), log_folder(), cache_folder())


def make_private_folder(folder: Path) -> Path:
    """Make ``folder`` where it is missing, owner-only, and return it.

    Inside privacy-tui's own folders (:func:`own_folders`), that folder and every one
    down to ``folder`` are made owner-only, also where they exist already with a
    looser mode (an older privacy-tui made them 0755); the system's folders above it
    (``~/.local/share``) are made as usual when missing, and never changed. Elsewhere
    only the folders made here are owner-only. Raises ``OSError``.
    """
    folder = Path(folder)
    own = next((o for o in own_folders() if o == folder or o in folder.parents), None)
    top = own if own is not None else folder
    chain = [top, *reversed([p for p in folder.parents if top in p.parents]), folder]
    if top == folder:
        chain = [folder]
    top.parent.mkdir(parents=True, exist_ok=True)
    for step in chain:
        try:
            step.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            if own is not None:
                _tighten(step)
        else:
            os.chmod(step, PRIVATE_FOLDER)  # whatever the umask took away or left
    return folder


def _tighten(folder: Path) -> None:
    """Make an existing folder of privacy-tui's own owner-only (a folder of another user,
    or a file where a folder should be, is left as it is)."""
    with contextlib.suppress(OSError):
        info = folder.stat()
        if (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.geteuid()
            and stat.S_IMODE(info.st_mode) != PRIVATE_FOLDER
        ):
            os.chmod(folder, PRIVATE_FOLDER)
