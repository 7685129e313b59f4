"""The demo: every platform with a replica site pointed at it and signed in as the demo
account, with its port taken at once and the site served once a browser is wanted.

The checklist needs only the sites' addresses to draw itself. Importing the replica
sites and starting their servers takes longer than the rest of the demo's start, so
:class:`Demo` binds a loopback socket for each site first (a connection that comes
early waits in the socket's queue) and :meth:`Demo.serve` imports and serves the
sites on those sockets when the engine is about to start its browser.
"""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING

from automation.accounts.sessions import MemorySessions
from automation.language import Sentence, message

if TYPE_CHECKING:
    from automation.accounts.sessions import StorageState
    from automation.replicas import ReplicaServer, Site
    from automation.replicas.server import Tracker

#: The platforms with a replica site, and the host name each is served under when not
#: the loopback address (a site whose pages also live on hosts below its own).
#: ``tests/engine/test_demo.py`` checks this against ``automation.replicas.SITES``.
SITES: dict[str, str | None] = {
    "adobe": None,
    "amazon": None,
    "chatgpt": None,
    "claude": None,
    "copilot": None,
    "discord": None,
    "dropbox": None,
    "figma": None,
    "github": None,
    "gmail": None,
    "google": None,
    "grammarly": None,
    "grok": None,
    "linkedin": None,
    "meta": None,
    "myadcenter": None,
    "perplexity": None,
    "pinterest": None,
    "quora": None,
    "reddit": None,
    "spotify": None,
    "squarespace": "squarespace.localhost",
    "substack": "substack.localhost",
    "tumblr": None,
    "wordpress": None,
    "x": None,
}

HOST = "127.0.0.1"


class DemoError(Exception):
    """The demo cannot run here; the message says why."""


class Demo:
    """The demo's replica sites: addresses from the start, served from :meth:`serve`."""

    def __init__(self, *, delay: float = 0.0) -> None:
        """Take a loopback port for each site; raises :class:`DemoError` when one
        cannot be taken."""
        self.delay = delay
        self._listening: dict[str, socket.socket] = {}
        self.origins: dict[str, str] = {}
        self._server: ReplicaServer | None = None
        self._failed: str | None = None
        self._lock = threading.Lock()
        try:
            for name, hostname in SITES.items():
                listening = socket.create_server((HOST, 0), backlog=64)
                self._listening[name] = listening
                self.origins[name] = f"http://{hostname or HOST}:{listening.getsockname()[1]}"
        except OSError as exc:
            self.stop()
            raise DemoError(
                Sentence("The demo could not take a loopback port: {why}", why=message(exc))
            ) from None

    @property
    def served(self) -> bool:
        return self._server is not None

    def serve(self) -> ReplicaServer:
        """Import the replica sites and serve them on their sockets (once).

        Raises :class:`DemoError` when they cannot be served, then and every time after.
        """
        with self._lock:
            if self._failed is not None:
                raise DemoError(self._failed)
            if self._server is None:
                try:
                    self._server = self._start()
                except Exception as exc:
                    self._failed = Sentence(
                        "The demo's replica sites could not be served: {why}", why=message(exc)
                    )
                    self.stop()
                    raise DemoError(self._failed) from exc
            return self._server

    def _start(self) -> ReplicaServer:
        from automation.replicas import demo_server

        server = demo_server(delay=self.delay)
        if set(server.sites) != set(self.origins):
            raise RuntimeError(f"its sites are {sorted(server.sites)}, not {sorted(self.origins)}")
        # The server owns the sockets from here, and closes them if it fails to start.
        listening, self._listening = self._listening, {}
        try:
            return server.start(listening)
        finally:
            for unused in set(listening.values()) - server.sockets():
                unused.close()

    def stop(self) -> None:
        """Stop serving, or give the ports back if the sites were never served; the
        demo cannot serve again."""
        self._failed = self._failed or Sentence("The demo's replica sites have been stopped.")
        for listening in self._listening.values():
            listening.close()
        self._listening.clear()
        if self._server is not None:
            self._server.stop()
            self._server = None

    @property
    def sites(self) -> dict[str, Site]:
        """The served replica sites by platform name (serving them first if need be)."""
        return self.serve().sites

    @property
    def tracker(self) -> Tracker | None:
        """The third-party analytics host the replica pages call."""
        return self.serve().tracker

    def storage_state(self, name: str) -> StorageState:
        """A session signed in as the demo account on ``name``'s site."""
        return self.serve().storage_state(name)

    def sessions(self) -> MemorySessions:
        """Sessions that hold the demo account's, made when one is first asked for."""
        return MemorySessions(lambda: {name: self.storage_state(name) for name in self.origins})
