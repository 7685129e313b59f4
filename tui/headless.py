"""The commands that run the engine without a screen."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import TextIO

from automation import events
from automation.browser import BrowserError
from automation.model import Reading
from automation.runtime import Runtime

EXIT_OK, EXIT_DRIFT, EXIT_USAGE = 0, 1, 2


async def _check(runtime: Runtime, progress: TextIO | None) -> list[Reading]:
    engine = runtime.engine
    if progress is not None:
        engine.subscribe(lambda e: _progress(e, progress))
    else:
        # Even with --json, a problem (an unreadable kept session) is told, on stderr.
        engine.subscribe(lambda e: _problem(e, sys.stderr))
    try:
        await engine.start()
        return await engine.check([s.id for s in runtime.settings])
    finally:
        await engine.close()


def _problem(event: events.Event, out: TextIO) -> None:
    if isinstance(event, events.Problem):
        print(event.message, file=out)


def _progress(event: events.Event, out: TextIO) -> None:
    if isinstance(event, events.SigningIn):
        print(f"signing in to {event.platform}…", file=out)
    elif isinstance(event, events.Problem):
        print(event.message, file=out)


def check(runtime: Runtime, *, as_json: bool, out: TextIO = sys.stdout) -> int:
    """Read every setting, print one line (or JSON object) each; 0 when all are as desired."""
    try:
        readings = asyncio.run(_check(runtime, None if as_json else sys.stderr))
    except BrowserError as exc:
        print(f"privacy-tui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    settings = {s.id: s for s in runtime.settings}
    rows = []
    for reading in readings:
        desired = runtime.desired(settings[reading.setting_id])
        rows.append(
            {
                "id": reading.setting_id,
                "state": str(reading.state),
                "desired": str(desired),
                "as_desired": reading.state == desired,
                "detail": reading.detail,
                "checked_at": reading.checked_at.isoformat(),
                "url": reading.url,
            }
        )
    if as_json:
        json.dump(rows, out, indent=2)
        out.write("\n")
    else:
        width = max((len(r["id"]) for r in rows), default=10)
        for row in rows:
            mark = "ok  " if row["as_desired"] else "DIFF"
            print(
                f"{mark} {row['id']:<{width}}  {row['state']:<11}  want {row['desired']:<3}  "
                f"{row['detail']}",
                file=out,
            )
    return EXIT_OK if all(r["as_desired"] for r in rows) else EXIT_DRIFT
