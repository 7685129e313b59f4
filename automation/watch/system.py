"""The programs the watch runs (``systemctl``, ``launchctl``, ``crontab``, the notifier),
through a :class:`System` a test or a dry run can replace by one that records them.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from automation.domain.shown import shown


class ScheduleError(Exception):
    """The watch cannot be installed or removed; the message says why, in one line."""


@dataclass(frozen=True)
class Done:
    """What a system command answered."""

    status: int
    out: str = ""
    err: str = ""


class System:
    """Runs the scheduler's and the notifier's programs."""

    def available(self, program: str) -> bool:
        return shutil.which(program) is not None

    def run(self, argv: list[str], stdin: str | None = None, timeout: float = 30) -> Done:
        """Run ``argv``, given ``stdin``. The text goes in and comes out byte for byte
        (no newline is translated, bytes that are not UTF-8 survive the round trip), so
        a crontab read and written back keeps every line of the user's as it was."""
        given: dict[str, Any] = (
            {"input": _encoded(stdin)} if stdin is not None else {"stdin": subprocess.DEVNULL}
        )
        try:
            done = subprocess.run(argv, capture_output=True, timeout=timeout, **given)
        except FileNotFoundError:
            return Done(127, err=f"{argv[0]} not found")
        except subprocess.TimeoutExpired:
            return Done(124, err=f"{argv[0]} did not answer within {timeout:g} s")
        except OSError as exc:
            return Done(126, err=f"{argv[0]}: {exc.strerror or exc}")
        return Done(done.returncode, _decoded(done.stdout), _decoded(done.stderr).strip())


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _decoded(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


@dataclass
class RecordingSystem(System):
    """Runs nothing: appends each command to ``log`` as JSON and answers that it worked.

    ``crontab -l`` and ``crontab -`` keep the table in a file next to the log, so
    installing, reading and removing a crontab line can be followed as a whole.
    """

    log: Path
    calls: list[dict[str, object]] = field(default_factory=list)

    def available(self, program: str) -> bool:
        return True

    @property
    def crontab(self) -> Path:
        return self.log.with_name(self.log.name + ".crontab")

    def run(self, argv: list[str], stdin: str | None = None, timeout: float = 30) -> Done:
        call: dict[str, object] = {"argv": argv, "stdin": stdin}
        self.calls.append(call)
        with self.log.open("a", encoding="utf-8") as out:
            out.write(json.dumps(call) + "\n")
        if argv[:2] == ["crontab", "-l"]:
            if not self.crontab.exists():
                return Done(1, err="no crontab for user")
            return Done(0, _decoded(self.crontab.read_bytes()))
        if argv[:2] == ["crontab", "-"]:
            self.crontab.write_bytes(_encoded(stdin or ""))
        if argv[:2] == ["crontab", "-r"]:
            self.crontab.unlink(missing_ok=True)
        return Done(0)


def must(runner: System, argv: tuple[str, ...] | list[str], stdin: str | None = None) -> Done:
    done = runner.run(list(argv), stdin)
    if done.status != 0:
        why = done.err.splitlines()[-1] if done.err else f"exit status {done.status}"
        raise ScheduleError(f"`{shlex.join(argv)}` failed: {shown(why)}")
    return done
