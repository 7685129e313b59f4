"""Whether an origin is on this machine: what every test's plugin must point at."""

from __future__ import annotations

from urllib.parse import urlsplit


def on_this_machine(origin: str) -> bool:
    """A loopback origin: the loopback address, or a name under ``localhost`` (Substack's
    replica, whose publications have hosts of their own), which browsers resolve to it."""
    host = urlsplit(origin).hostname or ""
    return host == "127.0.0.1" or host == "localhost" or host.endswith(".localhost")
