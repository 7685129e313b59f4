"""How fast and how light a full check is, measured side by side in one run.

Runs what `privacy-tui check --demo` runs (the replica sites, the demo accounts, one
Chromium) with every replica response delayed by a fixed time, and prints ratios of
figures measured in this one run, on this machine:

- the whole check, with as many pages open at once as the engine opens by default
  (two a core), against the slowest platform checked alone one page at a time (how
  a platform was read before it had pages of its own), and against that platform
  checked alone with the same pages; with the page loads each took, whose ratio is
  where the same-pages ratio ends up when every page is busy in both runs;
- the same check one page at a time against the one at once, and the one at once
  against a perfect share of the one at a time over the pages (its time divided by
  the number of pages: the floor when every page is busy all the time);
- the peak proportional memory (PSS, which counts a page shared by several processes
  once between them) of the Chromium process tree during the check at once, against
  one Chromium reading one setting on one page;
- the bytes the sites sent with pages loaded whole against light reading (no
  pictures, fonts or other hosts), and the requests that reached the replicas'
  third-party analytics host in each.

Times come from runs nobody watches: reading every Chromium process's memory map
twenty times a second takes CPU from the check, so the memory is taken in runs of
their own.

Usage: python bench/check_speed.py [--delay 0.3] [--pages N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from automation.browser.pool import default_pages
from automation.domain import events
from automation.engine.runtime import build


def chromium_pss() -> int:
    """Bytes of proportional memory of every Chromium process below this one."""
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
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                continue
    return total


@dataclass
class Run:
    browser: str
    seconds: float
    peak_pss: int
    sent: int
    tracker_hits: int
    #: Page loads the check took: one a reading, and one for each per-blog setting's
    #: list of blogs.
    steps: int


async def timed_check(
    config: Path, delay: float, only: list[str] | None, *, watch: bool = False
) -> Run:
    """One check (browser start excluded): its time and the bytes sent; with ``watch``,
    the peak memory too (then the time counts the watching)."""
    runtime = build(str(config), demo=True, only=only, demo_delay=delay)
    engine = runtime.engine
    peak = 0
    lists = 0

    def count(event: events.Event) -> None:
        nonlocal lists
        lists += isinstance(event, events.Expanded)

    engine.subscribe(count)
    try:
        await engine.start()

        async def watching() -> None:
            nonlocal peak
            while True:
                peak = max(peak, chromium_pss())
                await asyncio.sleep(0.05)

        watcher = asyncio.create_task(watching()) if watch else None
        started = time.perf_counter()
        readings = await engine.check([s.id for s in runtime.settings])
        elapsed = time.perf_counter() - started
        if watcher is not None:
            watcher.cancel()
        bad = [r for r in readings if not r.state.is_value]
        if bad:
            raise SystemExit(f"bench: a setting did not read on/off: {bad[0]}")
        demo = runtime.demo
        assert demo is not None and demo.tracker is not None
        sent = sum(site.sent for site in demo.sites.values()) + demo.tracker.sent
        assert engine.browser is not None
        return Run(
            engine.browser, elapsed, peak, sent, len(demo.tracker.hits), len(readings) + lists
        )
    finally:
        await engine.close()
        runtime.close()


def config_file(folder: Path, pages: int, light: bool = True) -> Path:
    path = folder / f"p{pages}-{light}.toml"
    path.write_text(f"[browser]\npages = {pages}\nlight = {str(light).lower()}\n")
    return path


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delay", type=float, default=0.3, help="seconds added to each response")
    parser.add_argument(
        "--pages", type=int, default=default_pages(), help="pages at once (default: %(default)s)"
    )
    args = parser.parse_args()

    probe = build(None, demo=True)
    platforms = {p.name: [s.id for s in p.settings if s.switch] for p in probe.plugins}
    platforms = {name: ids for name, ids in platforms.items() if ids}
    probe.close()
    first = next(iter(platforms.values()))[0]
    with tempfile.TemporaryDirectory() as folder:
        parallel = config_file(Path(folder), args.pages)
        serial = config_file(Path(folder), 1)
        whole = config_file(Path(folder), args.pages, light=False)
        runs = {
            name: await timed_check(parallel, args.delay, ids) for name, ids in platforms.items()
        }
        alone = {name: run.seconds for name, run in runs.items()}
        slowest = max(alone, key=lambda name: alone[name])
        slowest_serial = await timed_check(serial, args.delay, platforms[slowest])
        together = await timed_check(parallel, args.delay, None)
        one_by_one = await timed_check(serial, args.delay, None)
        unblocked = await timed_check(whole, args.delay, None)
        memory = await timed_check(parallel, args.delay, None, watch=True)
        one_page = await timed_check(parallel, args.delay, [first], watch=True)

    print(
        f"platforms: {len(platforms)}, settings: {sum(map(len, platforms.values()))}, "
        f"delay per response: {args.delay:g} s, pages at once: {args.pages}"
    )
    print(f"browser: {together.browser}")
    print(f"slowest platform alone ({slowest}): {alone[slowest]:.2f} s")
    print(f"  the same, one page at a time:  {slowest_serial.seconds:.2f} s")
    print(f"all platforms at once:           {together.seconds:.2f} s")
    print(f"one page at a time:              {one_by_one.seconds:.2f} s")
    print(f"one Chromium, one page ({first}): peak PSS {one_page.peak_pss / 2**20:.0f} MiB")
    print(f"all at once: peak PSS            {memory.peak_pss / 2**20:.0f} MiB")
    print(f"bytes sent, light:               {together.sent / 2**20:.1f} MiB")
    print(f"bytes sent, pages loaded whole:  {unblocked.sent / 2**20:.1f} MiB")
    print()
    print(
        f"at once / slowest alone, one page at a time: "
        f"{together.seconds / slowest_serial.seconds:.2f}"
    )
    print(f"at once / slowest alone, same pages: {together.seconds / alone[slowest]:.2f}")
    print(
        f"  page loads: {together.steps} in all, {runs[slowest].steps} for {slowest}; "
        f"ratio {together.steps / runs[slowest].steps:.2f} (the one above, when every page "
        "is busy in both)"
    )
    print(f"one page at a time / at once:    {one_by_one.seconds / together.seconds:.2f}")
    floor = one_by_one.seconds / args.pages
    print(f"at once / (one at a time / pages): {together.seconds / floor:.2f}")
    print(f"peak PSS at once / one page:     {memory.peak_pss / one_page.peak_pss:.2f}")
    print(f"bytes whole / light:             {unblocked.sent / together.sent:.2f}")
    print(
        f"third-party requests:            {together.tracker_hits} light, "
        f"{unblocked.tracker_hits} whole"
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
