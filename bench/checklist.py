"""How much the checklist costs the screen's thread: its first paint, a state update, a
turn of the spinner, a cursor move and a new layout (a filter typed and cleared).

Runs the checklist widget alone, headless, on every installed platform's settings (a
row a platform and a row a setting, as the demo shows them), 120 x 40. Each figure is
the CPU time of the app's thread (``time.thread_time()``) for the step and the frame
that shows it (the pilot's pause waits for the screen to be drawn), the median over
many steps:

- first paint: an app with the checklist made, laid out and drawn, its first frame;
- state update: one setting read again with another state (the model takes the event,
  the checklist draws its cells again from the model, the frame shows the change);
- spinner: a turn of the spinner with 20 rows being read;
- cursor move: one press of ``down``;
- new layout: a filter typed and cleared, each laid out and drawn.

Figures are for comparing two versions on one machine, in one run each: load from other
work makes each step cost more CPU time. Run it the same way on both and compare the
ratios.

Usage: python bench/checklist.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import UTC, datetime

from textual.app import App, ComposeResult

from automation import registry
from automation.domain import events
from automation.domain.settings import Reading, State
from tui.model import ChecklistModel, SettingRow
from tui.widgets.checklist import Checklist

SIZE = (120, 40)
AT = datetime(2026, 11, 29, 9, 59, 12, tzinfo=UTC)


def model() -> ChecklistModel:
    classes, _ = registry.load()
    plugins = [cls() for cls in classes]
    settings = [s for p in plugins for s in p.settings]
    known = {s.id: s for s in settings}
    return ChecklistModel(
        settings,
        titles={p.name: p.title for p in plugins},
        desired=lambda s: s.recommended,
        lookup=lambda setting_id: known[setting_id],
    )


class Table(App[None]):
    def __init__(self, checklist: ChecklistModel) -> None:
        super().__init__()
        self.model = checklist

    def compose(self) -> ComposeResult:
        yield Checklist(self.model, id="checklist")

    def on_mount(self) -> None:
        table = self.query_one(Checklist)
        table.fit_columns()
        table.focus()


async def first_paint() -> float:
    start = time.thread_time()
    app = Table(model())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        took = time.thread_time() - start
    return took


async def steps(count: int) -> dict[str, list[float]]:
    checklist = model()
    app = Table(checklist)
    seen: dict[str, list[float]] = {"state": [], "spinner": [], "cursor": [], "layout": []}
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(Checklist)
        await pilot.pause()
        ids = [s.id for s in checklist.rows]
        # Every row read once, so an update changes a value shown.
        for setting_id in ids:
            checklist.read(Reading(setting_id, State.ON, "Switch is on.", AT))
        table.update_cells()
        await pilot.pause()

        # The rows on screen: an update there is drawn.
        shown = [r.setting_id for r in table.rows_shown()[:30] if isinstance(r, SettingRow)]
        for i in range(count):
            setting_id = shown[i % len(shown)]
            state = State.OFF if i // len(shown) % 2 == 0 else State.ON
            start = time.thread_time()
            checklist.apply(events.Read(Reading(setting_id, state, f"Switch is {state}.", AT)))
            table.update_cells()
            await pilot.pause()
            seen["state"].append(time.thread_time() - start)

        worker = object()
        for setting_id in shown[:20]:
            checklist.apply(events.Checking(setting_id), worker)
        table.update_cells()
        await pilot.pause()
        for _ in range(count):
            start = time.thread_time()
            table.spin()
            await pilot.pause()
            seen["spinner"].append(time.thread_time() - start)
        checklist.release(worker)
        table.update_cells()

        for i in range(count):
            key = "down" if i % 60 < 30 else "up"
            start = time.thread_time()
            await pilot.press(key)
            await pilot.pause()
            seen["cursor"].append(time.thread_time() - start)

        for i in range(max(count // 10, 5)):
            start = time.thread_time()
            checklist.filter_text = "linkedin" if i % 2 == 0 else ""
            table.lay_out()
            table.update_cells()
            await pilot.pause()
            seen["layout"].append(time.thread_time() - start)
    return seen


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every step (5)")
    parser.add_argument("--steps", type=int, default=120, help="steps of each kind a round")
    args = parser.parse_args()
    totals: dict[str, list[float]] = {"first paint": []}
    for _ in range(args.rounds):
        totals["first paint"].append(await first_paint())
        for name, figures in (await steps(args.steps)).items():
            totals.setdefault(name, []).extend(figures)
    rows = len(model().layout())
    print(f"checklist of {rows} rows at {SIZE[0]}x{SIZE[1]}, median CPU time of the app's thread:")
    for name, figures in totals.items():
        print(f"  {name:12} {statistics.median(figures) * 1000:8.2f} ms  ({len(figures)} steps)")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
