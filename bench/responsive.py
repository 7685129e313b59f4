"""How long the screen's thread computes at a stretch while a full check runs.

Runs the checklist headless on the whole demo (what `privacy-tui --demo` shows) and,
all through the first full check, sends keys (the cursor moves, a filter is typed and
cleared, the help opens and closes). A timer on the app's loop ticks every 10 ms and
notes the CPU time of the app's thread so far (``time.thread_time()``): what passes
between two ticks is how long the thread computed without letting its loop turn, so a
frame or a key waited at least that long. Stretches in which a key was being handled
are kept apart from the rest (engine events, the drawing they bring, Playwright's
messages, the spinner).

It counts CPU time, not the clock: waiting for a core or for another thread is not
counted, but a loaded machine still makes the same work cost more CPU time, so the
figures are for comparing runs on one machine. The target is 50 ms.

Usage: python bench/responsive.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from automation.engine.runtime import build
from tui.app import PrivacyApp

TICK = 0.010
ROUND = ("home", "down", "j", "k", "up", "slash", *"linkedin", "escape", "question_mark")


async def one_run(log: Path) -> tuple[list[float], list[float]]:
    """The CPU time between ticks while rows were busy: without a key, and with one."""
    runtime = build(demo=True, log=log)
    app = PrivacyApp(runtime, demo=True)
    seen: list[tuple[float, int, bool]] = []
    sending = 0
    try:
        async with app.run_test(size=(140, 45)) as pilot:
            app.set_interval(
                TICK, lambda: seen.append((time.thread_time(), sending, bool(app.model.busy)))
            )
            async with asyncio.timeout(120):
                while not app.model.busy:
                    await pilot.pause(0.05)
            async with asyncio.timeout(600):
                while app.model.busy:
                    for key in (*ROUND, "escape"):
                        sending += 1
                        await pilot.press(key)
                        await pilot.pause()
                        sending += 1
                        await asyncio.sleep(0.3)
            await app.action_quit()
    finally:
        await asyncio.wait_for(runtime.engine.close(), 30)
        runtime.close()
    engine: list[float] = []
    keys: list[float] = []
    for (before, key_before, busy_before), (after, key_after, busy_after) in pairwise(seen):
        if busy_before and busy_after:
            with_key = key_before != key_after or key_before % 2 == 1
            (keys if with_key else engine).append(after - before)
    return engine, keys


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="full checks to measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for run in range(1, args.runs + 1):
            engine, keys = await one_run(Path(folder) / f"app-{run}.log")
            if not engine:
                print(f"run {run}: the check ended before a stretch was measured")
                continue
            worst = sorted(engine, reverse=True)
            print(
                f"run {run}: {len(engine)} stretches on engine work, longest "
                f"{worst[0] * 1000:.1f} ms ({worst[0] / 0.050:.2f} of 50 ms), "
                f"over 50 ms: {sum(s > 0.050 for s in engine)}; "
                f"longest with a key: {max(keys, default=0) * 1000:.1f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
