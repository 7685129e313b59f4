"""The configured command's process while it runs: each of its outputs followed, logged up
to a bound and the rest dropped, and its whole process group stopped when it is done or
out of time.
"""

from __future__ import annotations

import contextlib
import logging
import os
import selectors
import signal
import subprocess
import time

from automation.domain.shown import shown

log = logging.getLogger("privacy_tui.watch")


#: How much of each of the command's outputs is kept (logged); the rest is read and dropped.
OUTPUT_KEPT = 64 * 1024
#: How much of one line of the command's output a log line or a message shows.
LINE_SHOWN = 300
#: How long a command stopped with SIGTERM has before it is killed.
GRACE = 1.0


class Output:
    """One of the command's outputs, read as it comes: each line logged (shortened) until
    :data:`OUTPUT_KEPT` bytes were, the rest counted and dropped. Nothing of it is held
    but the line being read (at most :data:`LINE_SHOWN` characters) and the last one."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.seen = 0
        self.line = bytearray()
        self.last = ""

    def feed(self, data: bytes) -> None:
        while data and self.seen < OUTPUT_KEPT:
            end = data.find(b"\n")
            piece, data = (data, b"") if end < 0 else (data[:end], data[end + 1 :])
            self._take(piece)
            self.seen += len(piece) + (end >= 0)
            if end >= 0:
                self._line_ends(logged=True)
        if data:
            self._skim(data)

    def _skim(self, data: bytes) -> None:
        """Past what is kept, only the last line is followed, for a failure's message."""
        self.seen += len(data)
        end = data.rfind(b"\n")
        if end < 0:
            self._take(data)
            return
        before = data.rfind(b"\n", 0, end)
        if before >= 0:
            self.line.clear()
        self._take(data[before + 1 : end])
        self._line_ends(logged=False)
        self._take(data[end + 1 :])

    def _take(self, piece: bytes) -> None:
        room = LINE_SHOWN * 4 - len(self.line)  # UTF-8: at most 4 bytes a character
        if room > 0:
            self.line += piece[:room]

    def _line_ends(self, *, logged: bool) -> None:
        text = shown(self.line.decode("utf-8", "replace"), limit=LINE_SHOWN)
        self.line.clear()
        if text.strip():
            self.last = text
            if logged:
                log.info("[watch] command's %s: %s", self.name, text)

    def close(self) -> None:
        if self.line:
            self._line_ends(logged=self.seen <= OUTPUT_KEPT)
        if self.seen > OUTPUT_KEPT:
            log.info(
                "[watch] command's %s: %d bytes more, not kept", self.name, self.seen - OUTPUT_KEPT
            )


def follow(
    process: subprocess.Popen[bytes],
    given: bytes,
    outputs: dict[str, Output],
    timeout: float,
) -> bool:
    """Write ``given`` to the process, read its outputs until they end and it exits, or
    stop its process group at the timeout. Whether it finished in time."""
    deadline = time.monotonic() + timeout
    assert process.stdin and process.stdout and process.stderr
    streams = {process.stdout.fileno(): "stdout", process.stderr.fileno(): "stderr"}
    selector = selectors.DefaultSelector()
    for fd in streams:
        os.set_blocking(fd, False)
        selector.register(fd, selectors.EVENT_READ)
    stdin = process.stdin.fileno()
    os.set_blocking(stdin, False)
    selector.register(stdin, selectors.EVENT_WRITE)
    pending = memoryview(given)
    finished = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            if not selector.get_map():
                # Both outputs ended: wait for the process itself.
                try:
                    process.wait(timeout=left)
                except subprocess.TimeoutExpired:
                    break
                finished = True
                break
            for key, _ in selector.select(min(left, 0.5)):
                fd = key.fd
                if fd == stdin:
                    try:
                        pending = pending[os.write(fd, pending[:65536]) :]
                    except BlockingIOError:
                        continue
                    except OSError:  # it stopped reading (a broken pipe): that is its call
                        pending = pending[:0]
                    if not pending:
                        selector.unregister(fd)
                        process.stdin.close()
                    continue
                try:
                    data = os.read(fd, 65536)
                except BlockingIOError:
                    continue
                if data:
                    outputs[streams[fd]].feed(data)
                else:
                    selector.unregister(fd)
    finally:
        selector.close()
        if not finished:
            stop_group(process)
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()
    return finished


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop the command's whole process group: SIGTERM, then SIGKILL after a grace."""
    # The command leads its own session and group, whose id is its pid. It is reaped
    # only once its group was stopped, so that id names no other process meanwhile.
    for signum, wait in ((signal.SIGTERM, GRACE), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            break
        except PermissionError:  # not ours to signal any more: stop the leader at least
            process.send_signal(signum)
        if ended_within(process, wait):
            # What it started and left behind goes too.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            break
    process.wait()


def ended_within(process: subprocess.Popen[bytes], seconds: float) -> bool:
    """Whether the process ended within ``seconds``, left unreaped where the system
    allows (``waitid`` with ``WNOWAIT``)."""
    waitid = getattr(os, "waitid", None)
    deadline = time.monotonic() + seconds
    while True:
        if waitid is not None:
            try:
                ended = waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            except ChildProcessError:
                return True
            if ended is not None:
                return True
        elif process.poll() is not None:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
