"""Writing files safely: whole or not at all, readable by their owner only where they
are private, and never deleted in error.

Sessions, the history, exports, marks, the scheduler's units and logs are all
written through here: :func:`write_atomic` (and :func:`write_private`, its
owner-only form) for files written whole, :func:`make_private` for a file others
write into (the history's SQLite file, a log), :func:`open_log` for a log
privacy-tui appends to itself.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from automation.files.folders import make_private_folder

#: Owner-only: read and write for the user, nothing for anyone else.
PRIVATE = 0o600


def write_atomic(path: Path, data: bytes | str, *, mode: int = PRIVATE) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path``, whole or not at all.

    The data goes to a temporary file beside ``path`` (created owner-only, so nobody
    else reads it half-written), is flushed to the disk, takes ``mode`` and then
    replaces ``path`` in one step. Whatever stops the write (a full disk, text that is
    not UTF-8, Ctrl-C, a termination signal) the temporary file goes and an existing
    file stays as it was; a termination signal then ends the process as it would have.
    Raises ``OSError`` or ``UnicodeError``.
    """
    with _SignalGuard() as guard:
        handle, temp = temporary_beside(path)
        try:
            guard.arm()
            if isinstance(data, str):
                with os.fdopen(handle, "w", encoding="utf-8") as text:
                    text.write(data)
                    text.flush()
                    os.fsync(text.fileno())
            else:
                with os.fdopen(handle, "wb") as binary:
                    binary.write(data)
                    binary.flush()
                    os.fsync(binary.fileno())
            os.chmod(temp, mode)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def shared_mode() -> int:
    """The mode of a new file others may read (an export, a scheduler's unit): 0644,
    less what the user's umask takes away."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o644 & ~mask


def write_private(path: Path, data: bytes | str) -> None:
    """:func:`write_atomic` for a file only the user may read (mode 0600), making its
    folder (owner-only too) when it is missing."""
    make_private_folder(path.parent)
    write_atomic(path, data, mode=PRIVATE)


def try_folder(path: Path) -> None:
    """Make and remove a temporary file beside ``path``: raises ``OSError`` where no file
    can be written there, before any work goes into what to write."""
    with _SignalGuard() as guard:
        handle, probe = temporary_beside(path)
        try:
            guard.arm()
            os.close(handle)
        finally:
            Path(probe).unlink(missing_ok=True)


def temporary_beside(path: Path) -> tuple[int, str]:
    """A new hidden temporary file in ``path``'s folder (mode 0600): its handle and name."""
    folder = path.parent if str(path.parent) else Path(".")
    return tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")


def make_private(path: Path) -> None:
    """Make ``path`` a file only the user may read: created empty when missing (with its
    folder, owner-only), its mode set to 0600 when it exists. For files written by others
    in place, such as a SQLite database or a log."""
    make_private_folder(path.parent)
    os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE))
    os.chmod(path, PRIVATE)


def open_log(path: Path | None) -> IO[str]:
    """``path`` opened for appending text, owner-only; with no path, a sink that keeps
    nothing."""
    if path is None:
        return open(os.devnull, "w", encoding="utf-8")
    make_private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE)
    return os.fdopen(descriptor, "a", encoding="utf-8")


def set_aside(path: Path) -> Path:
    """Rename an unreadable file out of the way (never delete it); return its new name."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{number}")
    os.rename(path, target)
    return target


class _Terminated(BaseException):
    """A termination signal arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _SignalGuard:
    """Hold SIGTERM and SIGHUP while a temporary file is made, then die of them cleanly.

    Their default action ends the process at once, which would leave the temporary
    file behind. Inside the guard a signal is only noted until :meth:`arm` (called
    once the temporary file's name is known); from then on it raises
    :class:`_Terminated`, the caller removes the file, and on leaving the guard the
    process ends by the signal as it would have. Only signals left at their default
    are taken over, and only in the main thread (the only one that may set handlers).
    """

    def __init__(self) -> None:
        self.armed = False
        self.pending: int | None = None
        self._taken: dict[int, Any] = {}

    def _handler(self, signum: int, _frame: object) -> None:
        if self.armed:
            raise _Terminated(signum)
        self.pending = signum

    def arm(self) -> None:
        """From now on a signal raises; one that came before raises now."""
        self.armed = True
        if self.pending is not None:
            raise _Terminated(self.pending)

    def __enter__(self) -> _SignalGuard:
        if threading.current_thread() is threading.main_thread():
            for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
                if number is not None and signal.getsignal(number) is signal.SIG_DFL:
                    self._taken[number] = signal.signal(number, self._handler)
        return self

    def __exit__(self, kind: object, exc: BaseException | None, _tb: object) -> None:
        for number, handler in self._taken.items():
            signal.signal(number, handler)
        signum = exc.signum if isinstance(exc, _Terminated) else self.pending
        if self._taken and signum is not None:
            # Cleaned up: now end the way the signal asked.
            os.kill(os.getpid(), signum)


class NotARegularFile(OSError):
    """A path that is a FIFO, a device or a folder: it is never read (a FIFO waits for a
    writer forever, ``/dev/zero`` never ends)."""


class TooLarge(OSError):
    """A file larger than what privacy-tui ever writes or needs to read there."""


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` when it is a regular file of at most ``limit`` bytes.

    The file is opened without blocking, so a FIFO is refused rather than waited on,
    and the size is checked on the open file itself, then again while reading (a file
    that grows as it is read). Raises :class:`NotARegularFile`, :class:`TooLarge`, or
    the :class:`OSError` of opening it.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    if not regular:
        os.close(fd)
        raise NotARegularFile(f"{path} is not a regular file")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{path} is larger than {limit // 1024} KiB")
    return data


def read_text_limited(path: Path, limit: int) -> str:
    """:func:`read_limited`, as UTF-8 text (a :class:`UnicodeDecodeError` when it is not)."""
    return read_limited(path, limit).decode("utf-8")
