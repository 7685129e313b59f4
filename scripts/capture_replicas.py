"""Capture the replica sites' pages as regression fixtures.

Reads each chosen setting on the demo replicas, keeps a redacted capture of its page,
and copies it into a folder (``tests/captures`` by default) as ``<setting>.json``
with the reading it gave in ``<setting>.expected``. ``tests/plugins/test_captures.py``
serves each one back and checks that the plugin still reads the same.

    .venv/bin/python scripts/capture_replicas.py              # one setting a platform
    .venv/bin/python scripts/capture_replicas.py --all        # every switch setting
    .venv/bin/python scripts/capture_replicas.py claude.help_improve   # these settings
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
from pathlib import Path

from automation.domain.settings import Reading
from automation.engine.runtime import Runtime, build

ROOT = Path(__file__).resolve().parent.parent


async def capture_all(runtime: Runtime, ids: list[str], folder: Path) -> list[Reading]:
    engine = runtime.engine
    engine.options.captures = folder
    for setting_id in ids:
        engine.capture_next(setting_id)
    try:
        await engine.start()
        return await engine.check(ids)
    finally:
        await engine.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "captures")
    parser.add_argument("--all", action="store_true", help="every switch setting")
    parser.add_argument("ids", nargs="*", help="the settings to capture (a blog's: id@blog)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        runtime = build(demo=True, log=Path(work) / "capture.log")
        try:
            switches = [s for s in runtime.settings if s.switch is not None]
            if args.ids:
                ids = list(args.ids)
            elif not args.all:
                firsts: dict[str, str] = {}
                for setting in switches:
                    firsts.setdefault(setting.platform, setting.id)
                ids = list(firsts.values())
            else:
                ids = [s.id for s in switches]
            readings = asyncio.run(capture_all(runtime, ids, Path(work) / "captures"))
        finally:
            runtime.close()
        args.out.mkdir(parents=True, exist_ok=True)
        for reading in readings:
            if reading.capture is None:
                print(f"{reading.setting_id}: no capture ({reading.detail})")
                continue
            shutil.copyfile(reading.capture, args.out / f"{reading.setting_id}.json")
            (args.out / f"{reading.setting_id}.expected").write_text(f"{reading.state}\n")
            print(f"{reading.setting_id}: {reading.state}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
