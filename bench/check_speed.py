"""How much checking platforms at once saves, measured side by side in one run.

Runs what `privacy-tui check --demo` runs (the replica sites, the demo accounts,
one Chromium) with every replica response delayed by a fixed time, and prints:

- the whole concurrent check against the slowest platform checked alone (the floor
  a fully parallel check cannot beat), as a ratio; the target is at most 1.5;
- the same check one platform after another, as a ratio against the concurrent one;
- the peak memory of the Chromium process tree during the concurrent check.

Usage: python bench/check_speed.py [--delay 0.3] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from automation.runtime import build


def chromium_rss() -> int:
    """Bytes of resident memory of every Chromium process below this one."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [os.getpid()]
    while todo:
        for pid in children.get(todo.pop(), []):
            todo.append(pid)
            try:
                if b"chrom" not in Path(f"/proc/{pid}/cmdline").read_bytes().lower():
                    continue
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                continue
    return total


async def timed_check(config: Path, delay: float, only: list[str] | None) -> tuple[float, int]:
    """Seconds one check took (browser start excluded) and the peak Chromium memory."""
    runtime = build(str(config), demo=True, only=only, demo_delay=delay)
    engine = runtime.engine
    peak = 0
    try:
        await engine.start()

        async def watch() -> None:
            nonlocal peak
            while True:
                peak = max(peak, chromium_rss())
                await asyncio.sleep(0.05)

        watcher = asyncio.create_task(watch())
        started = time.perf_counter()
        readings = await engine.check([s.id for s in runtime.settings])
        elapsed = time.perf_counter() - started
        watcher.cancel()
        bad = [r for r in readings if not r.state.is_value]
        if bad:
            raise SystemExit(f"bench: a setting did not read on/off: {bad[0]}")
        return elapsed, peak
    finally:
        await engine.close()
        runtime.close()


def config_file(folder: Path, concurrency: int) -> Path:
    path = folder / f"c{concurrency}.toml"
    path.write_text(f"[browser]\nconcurrency = {concurrency}\n")
    return path


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delay", type=float, default=0.3, help="seconds added to each response")
    parser.add_argument("--concurrency", type=int, default=8, help="platforms at once")
    args = parser.parse_args()

    probe = build(None, demo=True)
    platforms = {p.name: [s.id for s in p.settings if s.switch] for p in probe.plugins}
    platforms = {name: ids for name, ids in platforms.items() if ids}
    probe.close()
    with tempfile.TemporaryDirectory() as folder:
        parallel = config_file(Path(folder), args.concurrency)
        serial = config_file(Path(folder), 1)
        alone = {}
        for name, ids in platforms.items():
            alone[name], _ = await timed_check(parallel, args.delay, ids)
        together, peak = await timed_check(parallel, args.delay, None)
        one_by_one, _ = await timed_check(serial, args.delay, None)

    slowest = max(alone, key=alone.get)
    print(
        f"platforms: {len(platforms)}, settings: {sum(map(len, platforms.values()))}, "
        f"delay per response: {args.delay:g} s, concurrency: {args.concurrency}"
    )
    print(f"slowest platform alone ({slowest}): {alone[slowest]:.2f} s")
    print(f"all platforms at once:           {together:.2f} s")
    print(f"all platforms one after another: {one_by_one:.2f} s")
    print(f"at once / slowest alone:         {together / alone[slowest]:.2f}  (target <= 1.5)")
    print(f"one after another / at once:     {one_by_one / together:.2f}")
    print(f"peak Chromium memory (at once):  {peak / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
