"""Waiting for a page to draw the control a shape looks for.

Pages draw their controls after loading, so a shape looks again until its control
matches; a match is looked at once more a moment later, so a second copy still being
drawn is not missed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar, cast

F = TypeVar("F")
N = TypeVar("N")


async def until_drawn(
    look: Callable[[], Awaitable[F | N]],
    found: type[F],
    final: Callable[[N], bool],
    wait_ms: int,
    others: Callable[[N], int] | None = None,
) -> F | N:
    """``look`` at the page until it gives a ``found``, then once more a moment later.

    A look that tells why no control can be taken is given back at once when
    ``final`` holds for it, else when ``wait_ms`` has passed. With ``others`` (how many
    controls the look saw that are not the setting's), a page whose controls have
    stayed the same for 2 seconds, none of them the setting's, is not waited for to
    the end.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_ms / 1000
    settled_since: float | None = None
    last: int | None = None
    while True:
        seen = await look()
        if isinstance(seen, found):
            await asyncio.sleep(0.25)
            return await look()
        missed = cast("N", seen)
        if final(missed):
            return missed
        now = loop.time()
        if others is not None:
            count = others(missed)
            if count and last == count:
                settled_since = settled_since or now
                if now - settled_since >= 2.0:
                    return missed
            else:
                settled_since = None
            last = count
        if now >= deadline:
            return missed
        await asyncio.sleep(0.2)
