"""Running a blocking call (the keyring's, mostly) off the event loop, with a time limit.

A locked desktop keyring can hold a call until someone types its password. The call
runs in a daemon thread of its own rather than in asyncio's shared executor: the
event loop stays free, and neither the loop's shutdown nor the process's exit waits
for a call that never returns.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


async def run_blocking(fn: Callable[..., T], *args: Any, timeout: float) -> T:
    """Run ``fn(*args)`` in a daemon thread; raise :class:`TimeoutError` after ``timeout`` s.

    The call's own exception is raised here. A call that timed out keeps running in
    its thread; its result is dropped.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def run() -> None:
        try:
            result, error = fn(*args), None
        except BaseException as exc:  # handed to the waiting coroutine, whatever it is
            result, error = None, exc
        # The loop may be gone by the time a hung call returns.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name=f"blocking-{fn.__name__}", daemon=True).start()
    # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancellation
    # that arrives just as the call returns.
    async with asyncio.timeout(timeout):
        return await future
