"""How soon the checklist is on screen, against a bare Textual app, side by side in one run.

Starts, one after the other and alternating, N times each (7 by default):

- ``privacy-tui --demo``, the installed command next to this Python;
- a bare Textual app: one DataTable with three columns and as many rows as the
  demo's checklist (a row a platform and a row a setting), and nothing else.

How it measures: each run gets its own pseudo-terminal (120 x 40, ``TERM``
xterm-256color) and its own empty config, data, state and cache folders. The time is
taken from just before the process is started to the moment the terminal's output,
with its escape sequences taken out, first holds the first row's label (the first
platform's title, or the bare app's first cell). Nothing in the app is there for
this: it is the first frame the terminal receives that shows a row. Then the bench
presses ``q`` (both apps quit on it; privacy-tui closes its browser), keeps reading
the terminal until the process ends (30 s at most, then it is killed) and kills any
process still carrying this run's mark in its environment (a browser the app
started), so nothing is left behind.

Both apps start from compiled bytecode: the bench compiles privacy-tui's modules
first, as installing a package does (Textual's are compiled when it is installed).

It prints both medians and the ratio "first paint / bare app", and the same for the
CPU time the process had used by then (user and system, read from ``/proc`` when the
row shows): on a machine busy with other work the clock time waits for a core, and
the CPU time does not. The runs share the machine with whatever else runs on it,
which is why they alternate and the ratios, not the times, are the figures.

Usage: python bench/first_paint.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import fcntl
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from pathlib import Path

from automation import registry

COLUMNS, LINES = 120, 40
#: How long one start may take before the run counts as failed (seconds).
START_LIMIT = 60.0
#: How long the app may take to quit after ``q`` before it is killed (seconds).
QUIT_LIMIT = 30.0
#: The environment variable that marks every process of one run.
MARK = "PRIVACY_TUI_FIRST_PAINT_RUN"

ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import DataTable

class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield DataTable(cursor_type="row")

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Setting", "State", "Recommended")
        table.add_rows(
            (f"Bare row {i}", "unknown", "off") for i in range(int(sys.argv[1]))
        )

Bare().run()
"""


def marked(run: str) -> list[int]:
    """The processes whose environment carries ``run``'s mark."""
    needle = f"{MARK}={run}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process ``pid`` has used so far."""
    fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_paint(command: list[str], label: str, folder: Path) -> tuple[float, float]:
    """Seconds from starting ``command`` on a new terminal until ``label`` is on it, and
    the CPU seconds it had used by then."""
    run = uuid.uuid4().hex
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    env[MARK] = run
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / run / name)
    env.pop("PRIVACY_TUI_CONFIG", None)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    wanted = label.encode()
    output = b""
    painted: float | None = None
    cpu = 0.0
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    try:
        deadline = start + START_LIMIT
        while painted is None and time.perf_counter() < deadline:
            if not select.select([master], [], [], 0.5)[0]:
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # the terminal closed: the app ended
                break
            if not chunk:
                break
            output += chunk
            if wanted in ESCAPES.sub(b"", output):
                painted = time.perf_counter() - start
                cpu = cpu_seconds(process.pid)
        if painted is not None:
            os.write(master, b"q")
        # Keep reading, or an app writing to a full terminal never gets to quit.
        deadline = time.perf_counter() + QUIT_LIMIT
        while process.poll() is None and time.perf_counter() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                try:
                    os.read(master, 1 << 16)
                except OSError:
                    break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for pid in marked(run):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        os.close(master)
    if painted is None:
        tail = ESCAPES.sub(b"", output)[-400:].decode("utf-8", "replace")
        raise SystemExit(f"{command[0]}: {label!r} never showed (last output: {tail!r})")
    return painted, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="starts of each app (7)")
    args = parser.parse_args()

    # Compiled as an installed package is: pip writes the bytecode when it installs
    # one, and Python when it first imports one (unless PYTHONDONTWRITEBYTECODE is
    # set), so no start but the very first compiles the source. Textual's is already.
    root = Path(__file__).resolve().parent.parent
    for package in ("automation", "tui"):
        compileall.compile_dir(root / package, quiet=1)
    classes, _ = registry.load()
    rows = len(classes) + sum(len(cls.settings) for cls in classes)
    command = Path(sys.executable).with_name("privacy-tui")
    apps = {
        "privacy-tui --demo": ([str(command), "--demo"], classes[0].title),
        "bare app": ([sys.executable, "-c", BARE_APP, str(rows)], "Bare row 0"),
    }
    times: dict[str, list[float]] = {name: [] for name in apps}
    cpus: dict[str, list[float]] = {name: [] for name in apps}
    with tempfile.TemporaryDirectory(prefix="first-paint-") as folder:
        for i in range(args.runs):
            for name, (argv, label) in apps.items():
                seconds, cpu = first_paint(argv, label, Path(folder))
                times[name].append(seconds)
                cpus[name].append(cpu)
                print(f"run {i + 1}: {name}: {seconds:.3f} s, {cpu:.2f} s of CPU", flush=True)
    app, bare = (statistics.median(times[name]) for name in apps)
    print(f"\nmedian first paint, {args.runs} runs each, {rows} rows:")
    print(f"  privacy-tui --demo  {app:.3f} s")
    print(f"  bare Textual app    {bare:.3f} s")
    print(f"first paint / bare app: {app / bare:.2f}")
    app_cpu, bare_cpu = (statistics.median(cpus[name]) for name in apps)
    print(f"CPU until then: {app_cpu:.2f} s / {bare_cpu:.2f} s = {app_cpu / bare_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
