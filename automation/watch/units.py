"""The systemd units and the launchd agent on disk: writing one, finding them, telling
the ones privacy-tui wrote, and taking them out.
"""

from __future__ import annotations

import plistlib
import re
from pathlib import Path

from automation.files.folders import launchd_folder, systemd_folder
from automation.files.private import read_text_limited, shared_mode, write_atomic
from automation.watch.system import ScheduleError
from automation.watch.written import File

UNIT = "privacy-tui-watch"
AGENT = "io.github.privacy-tui.watch"


#: A unit or agent larger than this was not written by privacy-tui.
UNIT_LIMIT = 64 * 1024


def write(item: File) -> None:
    try:
        item.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(item.path, item.text, mode=shared_mode())
    except OSError as exc:
        raise ScheduleError(
            f"cannot write {item.path}: {(exc.strerror or str(exc)).lower()}"
        ) from None


def installed_files(scheduler: str) -> list[Path]:
    if scheduler == "systemd":
        folder = systemd_folder()
        return [folder / f"{UNIT}.timer", folder / f"{UNIT}.service"]
    if scheduler == "launchd":
        return [launchd_folder() / f"{AGENT}.plist"]
    return []


def own_file(path: Path, scheduler: str) -> str | None:
    """The schedule (``day`` or ``week``) of the unit or agent at ``path`` when
    privacy-tui wrote it; ``None`` when there is none, or someone else wrote it."""
    try:
        text = read_text_limited(path, UNIT_LIMIT)
    except (OSError, UnicodeDecodeError):
        return None
    if scheduler == "systemd":
        found = re.match(r"# privacy-tui watch: (day|week)\. Written by `privacy-tui", text)
        return found.group(1) if found else None
    try:
        agent = plistlib.loads(text.encode("utf-8"))
    except Exception:  # plistlib raises what its XML parser raises
        return None
    if not isinstance(agent, dict) or agent.get("Label") != AGENT:
        return None
    found = re.fullmatch(r"privacy-tui watch: (day|week)", str(agent.get("Comment", "")))
    return found.group(1) if found else None


def unlink(path: Path, removed: list[str]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ScheduleError(f"cannot remove {path}: {(exc.strerror or str(exc)).lower()}") from None
    removed.append(str(path))
